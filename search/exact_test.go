package search

import (
	"context"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"baoku/indexer/article"
	"baoku/segment"
)

// exactFixture are invented articles for the defects of exact matching:
// numbers with their marks, paragraph breaks, spreads and sub-sections,
// traditional values.
func exactFixture() []*article.Article {
	return []*article.Article{
		{ID: "n1", Paper: "人民日报", Date: "2022-01-01", Page: "1", Section: "要闻", Source: "新华社", Reporters: []string{"刘丽霞"},
			Headline: "经济增长7.8%", Body: "全年经济增长7.8%，达到预期。"},
		{ID: "n2", Paper: "人民日报", Date: "2022-01-02", Page: "2", Section: "要闻", Headline: "波音787客机",
			Body: "波音787客机在上海降落。三分之一，约1/3的航班延误。人民将永远铭记。"},
		{ID: "n3", Paper: "新民晚报", Date: "2022-04-02", Page: "4/5", Section: "星期天夜光杯/夜光杯", Headline: "夜光杯",
			Body: "3·21事故调查报告公布。增长78个百分点。"},
		{ID: "n4", Paper: "新民晚报", Date: "2022-04-03", Page: "A05", Section: "星期天夜光杯/读书", Headline: "读书",
			Body: "第一段讲到公安\n局长来了。"},
		{ID: "n5", Paper: "新民晚报", Date: "2022-04-03", Page: "6", Section: "读书", Headline: "标点",
			Body: "他说：甲，乙，丙都来了。甲乙丙。"},
	}
}

func TestExactDefects(t *testing.T) {
	e := engineOf(t, segment.DictTest, exactFixture())
	for _, tc := range []struct {
		q    string
		want []string
	}{
		// Quoted numbers keep their marks.
		{`"7.8%"`, []string{"n1"}},
		{`"７．８％"`, []string{"n1"}},
		{`"78"`, []string{"n2", "n3"}}, // 787 holds 78; 7.8% does not
		{`"1/3"`, []string{"n2"}},
		{`"3·21"`, []string{"n3"}},
		{`"3・21"`, []string{"n3"}},
		{`7.8%`, []string{"n1"}},
		// A phrase never crosses a paragraph break.
		{`"公安局"`, nil},
		{`"讲到公安"`, []string{"n4"}},
		{`"局长"`, []string{"n4"}},
		// A lone unit between marks is placed exactly.
		{`"甲，乙，丙"`, []string{"n5"}},
		{`"甲，丙，乙"`, nil},
		{`"乙，丙都"`, []string{"n5"}},
		{`"甲 乙"`, []string{"n5"}},
		{`"丙 甲"`, nil},
		// A mark inside a phrase is not a character of the text.
		{`"人民“永远"`, nil},
		{`"人民将永远"`, []string{"n2"}},
		// Spreads and sub-sections.
		{`版次:4`, []string{"n3"}},
		{`版次:5`, []string{"n3"}},
		{`版次:4/5`, []string{"n3"}},
		{`版次:a5`, []string{"n4"}},
		{`版次:A5`, []string{"n4"}},
		{`版面:夜光杯`, []string{"n3"}},
		{`版面:星期天夜光杯`, []string{"n3", "n4"}},
		{`版面:读书`, []string{"n4", "n5"}},
		// Traditional characters in field names and values.
		{`报纸:人民日報`, []string{"n1", "n2"}},
		{`報紙:人民日報`, []string{"n1", "n2"}},
		{`版面:要聞`, []string{"n1", "n2"}},
		{`记者:劉麗霞`, []string{"n1"}},
		{`記者:劉麗霞`, []string{"n1"}},
		{`來源:新華社`, []string{"n1"}},
		{`標題:波音`, []string{"n2"}},
		// Lone marks outside quotes are ignored; operators in any case.
		{`经济 ，`, []string{"n1"}},
		{`经济 😀`, []string{"n1"}},
		{`经济 or 波音`, []string{"n1", "n2"}},
		{`波音 not 上海`, nil},
		// Date ranges alone.
		{`日期:2022-01-01..2022-01-02`, []string{"n1", "n2"}},
		{`日期:2022-04-02 .. 2022-04-03`, []string{"n3", "n4", "n5"}},
		{`日期:2022年1月至2月`, []string{"n1", "n2"}},
		{`日期:2022-04..`, []string{"n3", "n4", "n5"}},
		{`日期:0001-01-01`, nil},
	} {
		t.Run(tc.q, func(t *testing.T) {
			r, err := e.Search(context.Background(), Request{Query: tc.q, Size: 100, Sort: SortOldest})
			if err != nil {
				t.Fatal(err)
			}
			got := ids(r)
			slices.Sort(got) // as a set: equal dates come in index order
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("%s (-want +got):\n%s", tc.q, diff)
			}
			if int(r.Total) != len(tc.want) {
				t.Errorf("%s: total %d, want %d", tc.q, r.Total, len(tc.want))
			}
		})
	}
}

func TestSearchErrorsInChinese(t *testing.T) {
	e := engineOf(t, segment.DictTest, exactFixture())
	for _, tc := range []struct {
		r    Request
		want string
	}{
		{Request{Query: `"甲`}, "检索式第 1 个字处：引号没有配对。"},
		{Request{Query: `"，"`}, "检索式第 1 个字处：引号里的“，”没有可检索的字（标点和符号只在字与字之间起作用）。"},
		{Request{Query: "甲", Filters: map[string][]string{"month": {"7"}}}, "月份（month）应写作 年-月，如 2023-07，不是“7”"},
		{Request{Query: "甲", Filters: map[string][]string{"year": {"99999"}}}, "年份（year）应是四位数字，如 2023，不是“99999”"},
		{Request{Query: "甲", Filters: map[string][]string{"page": {"abc"}}}, "版次应是页码，如 4、A05 或 4/5，不是“abc”"},
		{Request{Query: "版次:abc"}, "版次应是页码，如 4、A05 或 4/5，不是“abc”"},
		{Request{Query: "甲", From: "2022-13-01"}, "起始日期“2022-13-01”应写作 年-月-日，如 2023-07-01"},
		{Request{Query: "甲", Size: 1000}, "每页条数（size）应为 1 到 100，不是 1000"},
	} {
		_, err := e.Search(context.Background(), tc.r)
		if err == nil || !IsBadRequest(err) {
			t.Fatalf("%+v: error %v, want a bad request", tc.r, err)
		}
		if got := Chinese(err); got != tc.want {
			t.Errorf("%+v: %q, want %q", tc.r, got, tc.want)
		}
	}
	// A month filter may leave out the zero.
	r, err := e.Search(context.Background(), Request{Filters: map[string][]string{"month": {"2022-4"}}})
	if err != nil || r.Total != 3 {
		t.Errorf("month 2022-4: %v, %v", r, err)
	}
}

package search

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"baoku/indexer/article"
	"baoku/segment"
)

// rankArticles are invented stories whose order each ranking feature
// decides: bleve alone would order them otherwise (TestRankFeatures checks
// that too).
func rankArticles() []*article.Article {
	filler := strings.Repeat("会议还研究了其他事项。", 12)
	return []*article.Article{
		// Coverage: c1's headline holds every word, c2's short headline
		// two, and its body repeats them.
		{ID: "c1", Paper: "新闻联播", Date: "2013-03-30", Headline: "主席在刚果议会发表演讲",
			Body: "主席在刚果议会发表演讲。\n" + filler + filler},
		{ID: "c2", Paper: "新闻联播", Date: "2024-05-01", Headline: "刚果议会",
			Body: "主席说，主席主席。刚果议会刚果议会。"},
		// Digests: d1 mentions everything briefly, d2 is the story.
		{ID: "d1", Paper: "新闻联播", Date: "2020-01-02", Headline: "国内联播快讯",
			Body: "铁路春运今天启动。\n长江禁渔全面实施。\n铁路春运客流平稳，春运售票。\n冬小麦长势良好。"},
		{ID: "d2", Paper: "新闻联播", Date: "2020-01-10", Headline: "各地做好保障工作",
			Body: "今年铁路春运从今天开始，" + filler + "各地加开列车，保障春运。"},
		// Lead: l1 says it first, l2 in passing, apart, further on.
		{ID: "l1", Paper: "新闻联播", Date: "2019-06-01", Headline: "各地开展活动",
			Body: "各地开展垃圾分类宣传活动。\n" + filler + filler},
		{ID: "l2", Paper: "新闻联播", Date: "2019-06-02", Headline: "各地开展活动",
			Body: filler + "\n宣传，宣传。\n" + filler + "\n其间也有垃圾分类，垃圾分类。"},
		// Others, so that words are rarer than in every story.
		{ID: "x1", Paper: "新闻联播", Date: "2024-05-01", Headline: "其他新闻", Body: filler},
		{ID: "x2", Paper: "新闻联播", Date: "2024-05-02", Headline: "其他新闻", Body: filler + "主席宣传"},
	}
}

func TestRankFeatures(t *testing.T) {
	e := engineOf(t, segment.DictTest, rankArticles())
	ctx := context.Background()
	for _, tc := range []struct {
		name, q     string
		first, last string // the first hit, with the reranking and without
	}{
		{"headline holds every word", "主席 刚果 议会", "c1", "c2"},
		{"a digest mentions everything", "铁路 春运", "d2", "d1"},
		{"the lead says it", "垃圾分类 宣传", "l1", "l2"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, off := range []bool{false, true} {
				e.rankOff = off
				r, err := e.Search(ctx, Request{Query: tc.q, NoFacets: true})
				e.rankOff = false
				if err != nil {
					t.Fatal(err)
				}
				want := tc.first
				if off {
					want = tc.last
				}
				if len(r.Hits) == 0 || r.Hits[0].ID != want {
					t.Errorf("%s (reranking off: %v): hits %v, want %s first", tc.q, off, ids(r), want)
				}
				for i := 1; i < len(r.Hits); i++ {
					if r.Hits[i].Score > r.Hits[i-1].Score {
						t.Errorf("%s: scores rise down the list: %v", tc.q, r.Hits)
					}
				}
			}
		})
	}
}

// yearArticles are stories of 2017 that never write their year, and one
// of 2019 that looks back on 2017.
func yearArticles() []*article.Article {
	return []*article.Article{
		{ID: "y1", Paper: "新闻联播", Date: "2017-12-24", Headline: "美方宣布向乌克兰提供武器", Body: "美国国务院宣布向乌克兰提供武器。"},
		{ID: "y2", Paper: "新闻联播", Date: "2017-03-02", Headline: "乌克兰局势", Body: "乌克兰东部冲突持续，武器撤离进展缓慢。"},
		{ID: "y3", Paper: "新闻联播", Date: "2019-01-05", Headline: "回顾：美国向乌克兰提供武器的两年",
			Body: "2017年美国宣布向乌克兰提供武器，此后美国多次向乌克兰提供武器，乌克兰武器增多。"},
		{ID: "y4", Paper: "新闻联播", Date: "2018-07-01", Headline: "乌克兰武器问题", Body: "乌克兰武器问题再起。"},
		{ID: "y5", Paper: "新闻联播", Date: "2017-12-05", Headline: "十二月乌克兰新闻", Body: "乌克兰议会讨论武器采购。"},
	}
}

func TestYearIsADatePreference(t *testing.T) {
	e := engineOf(t, segment.DictTest, yearArticles())
	ctx := context.Background()
	for _, tc := range []struct {
		q string
		// first are the hits that come first, in any order; then the
		// rest, in any order; none match otherwise.
		first, rest []string
	}{
		{"2017年 乌克兰 武器", []string{"y1", "y2", "y5"}, []string{"y3"}},
		{"2017 乌克兰 武器", []string{"y1", "y2", "y5"}, []string{"y3"}},
		{"乌克兰 ２０１７ 武器", []string{"y1", "y2", "y5"}, []string{"y3"}},
		{"2017年12月 乌克兰", []string{"y1", "y5"}, nil},
		{"2017-12 乌克兰 武器", []string{"y1", "y5"}, nil},
		// Quoted, it is text only.
		{`"2017年" 乌克兰 武器`, []string{"y3"}, nil},
		// Under NOT too.
		{"乌克兰 武器 -2017年", []string{"y1", "y2", "y4", "y5"}, nil},
		// A day, and a year out of range, are text.
		{"1850 乌克兰", nil, nil},
	} {
		for _, sort := range []string{SortRelevance, SortNewest} {
			r, err := e.Search(ctx, Request{Query: tc.q, Sort: sort})
			if err != nil {
				t.Fatal(err)
			}
			got := ids(r)
			want := append(slices.Clone(tc.first), tc.rest...)
			if diff := cmp.Diff(sorted(want), sorted(got)); diff != "" || int(r.Total) != len(want) {
				t.Errorf("%s (%s): total %d, hits (-want +got):\n%s", tc.q, sort, r.Total, diff)
				continue
			}
			if sort == SortRelevance && !slices.Equal(sorted(got[:len(tc.first)]), sorted(tc.first)) {
				t.Errorf("%s: hits %v, want %v first", tc.q, got, tc.first)
			}
		}
	}
}

func TestYearExplained(t *testing.T) {
	e := engineOf(t, segment.DictTest, yearArticles())
	r, err := e.Search(context.Background(), Request{Query: "2017年 乌克兰", Explain: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Notes) != 1 || r.Notes[0].Text != "2017年" || !strings.Contains(r.Notes[0].Zh, "2017年的报道排在前面") {
		t.Errorf("notes %+v, want one saying how 2017年 was read", r.Notes)
	}
	if len(r.Explain.Terms) == 0 || r.Explain.Terms[0].Date != "2017-01-01..2017-12-31" || !strings.Contains(r.Explain.Terms[0].How, "read as a date") {
		t.Errorf("explain %+v, want 2017年 read as 2017-01-01..2017-12-31", r.Explain.Terms)
	}
	// The period's share is in every hit of 2017, and the shares add up.
	for _, h := range r.Hits {
		sum, period := 0.0, false
		for _, m := range h.Why {
			sum += m.Score
			period = period || (m.Field == WhyDate && m.Term == "2017")
		}
		if period != strings.HasPrefix(h.Date, "2017") {
			t.Errorf("hit %s of %s: a share of the period is %v: %+v", h.ID, h.Date, period, h.Why)
		}
		if d := sum - h.Score; d > 1e-3 || d < -1e-3 {
			t.Errorf("hit %s: shares add up to %v, score %v", h.ID, sum, h.Score)
		}
	}
}

func sorted(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}

// TestRankingLeavesSortsAndFacets checks that the reranking changes the
// order of a relevance search and nothing else: the same articles, the
// same total and facets, and sorting by date exactly as it was.
func TestRankingLeavesSortsAndFacets(t *testing.T) {
	arts := append(rankArticles(), yearArticles()...)
	arts = append(arts, nearDuplicates()...)
	e := engineOf(t, segment.DictTest, arts)
	ctx := context.Background()
	for _, q := range []string{"主席 刚果 议会", "铁路 春运", "乌克兰", "2017年 乌克兰 武器", "古镇 游客", "会议 OR 乌克兰", "各地 -垃圾分类"} {
		for _, sort := range []string{SortRelevance, SortNewest, SortOldest} {
			var res [2]*Result
			for i, off := range []bool{false, true} {
				e.rankOff = off
				r, err := e.Search(ctx, Request{Query: q, Sort: sort, Size: MaxSize})
				e.rankOff = false
				if err != nil {
					t.Fatal(err)
				}
				res[i] = r
			}
			on, off := res[0], res[1]
			if on.Total != off.Total {
				t.Errorf("%s (%s): total %d reranked, %d not", q, sort, on.Total, off.Total)
			}
			if diff := cmp.Diff(off.Facets, on.Facets); diff != "" {
				t.Errorf("%s (%s): facets differ (-bleve's order +reranked):\n%s", q, sort, diff)
			}
			if sort != SortRelevance {
				if diff := cmp.Diff(ids(off), ids(on)); diff != "" {
					t.Errorf("%s (%s): order differs (-bleve's +reranked):\n%s", q, sort, diff)
				}
				continue
			}
			if diff := cmp.Diff(sorted(listed(off)), sorted(listed(on))); diff != "" {
				t.Errorf("%s: articles differ (-bleve's +reranked):\n%s", q, diff)
			}
		}
	}
}

// listed returns the IDs of a result's hits and of the near duplicates
// listed under them.
func listed(r *Result) []string {
	var out []string
	for _, h := range r.Hits {
		out = append(out, h.ID)
		for _, s := range h.Similar {
			out = append(out, s.ID)
		}
	}
	return out
}

// nearDuplicates are a report, its rerun a day later with a line changed,
// a rerun too late to be the same news, and a report of the same kind
// whose figures differ.
func nearDuplicates() []*article.Article {
	body := "黄河岸边的古镇今年迎来游客一百二十万人次，古镇保护工作稳步推进，" +
		"当地修缮古建筑四十处，新开民宿三十家，游客在古镇里看戏、品茶、住民宿。"
	return []*article.Article{
		{ID: "n1", Paper: "新闻联播", Date: "2022-05-01", Headline: "古镇游客创新高", Body: body},
		{ID: "n2", Paper: "新闻联播", Date: "2022-05-02", Headline: "黄河古镇游客创新高", Body: body + "记者报道。"},
		{ID: "n3", Paper: "新闻联播", Date: "2022-06-20", Headline: "古镇游客创新高", Body: body + "（重播）"},
		{ID: "n4", Paper: "新闻联播", Date: "2022-05-03", Headline: "古镇游客又创新高",
			Body: strings.NewReplacer("一百二十万", "九十八万", "四十处", "二十六处", "三十家", "十一家", "看戏、品茶", "划船、赏花").Replace(body)},
	}
}

func TestNearDuplicatesShownOnce(t *testing.T) {
	e := engineOf(t, segment.DictTest, nearDuplicates())
	ctx := context.Background()
	r, err := e.Search(ctx, Request{Query: "古镇 游客"})
	if err != nil {
		t.Fatal(err)
	}
	if r.Total != 4 {
		t.Errorf("total %d, want 4: a near duplicate is an article still", r.Total)
	}
	got := map[string][]string{}
	for _, h := range r.Hits {
		for _, s := range h.Similar {
			got[h.ID] = append(got[h.ID], s.ID+" "+s.Date)
		}
	}
	// n1 and n2 are one report (which of them leads depends on the
	// ranking); n3 is seven weeks later, n4's figures differ.
	want := map[string][]string{"n1": {"n2 2022-05-02"}}
	if _, ok := got["n2"]; ok {
		want = map[string][]string{"n2": {"n1 2022-05-01"}}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("similar (-want +got):\n%s\nhits %v", diff, ids(r))
	}
	if len(r.Hits) != 3 {
		t.Errorf("hits %v, want three: n1 and n2 shown once", ids(r))
	}
	// Sorted by date, every article is a hit of its own.
	r, err = e.Search(ctx, Request{Query: "古镇 游客", Sort: SortNewest})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Hits) != 4 {
		t.Errorf("newest first: hits %v, want all four", ids(r))
	}
}

func TestNearnessAndLead(t *testing.T) {
	for _, tc := range []struct {
		body  string
		units []string
		want  string
	}{
		{"甲乙丙丁", []string{"甲乙"}, "0.00"},
		{"会议研究了垃圾分类宣传工作", []string{"垃圾分类", "宣传"}, "1.00"},
		{"垃圾分类" + strings.Repeat("其他事项", 40) + "宣传", []string{"垃圾分类", "宣传"}, "0.16"},
		// The closest pair counts, wherever it is.
		{"宣传" + strings.Repeat("其他事项", 40) + "垃圾分类和宣传", []string{"垃圾分类", "宣传"}, "1.00"},
	} {
		if got := fmt.Sprintf("%.2f", nearness(tc.body, tc.units)); got != tc.want {
			t.Errorf("nearness(%q, %q) = %s, want %s", tc.body, tc.units, got, tc.want)
		}
	}
	short := "央视网消息："
	long := "国家主席今天在人民大会堂会见来访的外国领导人，双方就两国关系和共同关心的国际问题交换意见。"
	for _, tc := range []struct{ body, want string }{
		{long + "\n第二段", long},
		{short + "\n" + long + "\n第三段", short + "\n" + long},
		{long, long},
	} {
		if got := leadOf(tc.body); got != tc.want {
			t.Errorf("leadOf(%q) = %q, want %q", tc.body, got, tc.want)
		}
	}
}

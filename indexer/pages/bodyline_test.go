package pages

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestBodyBylines reads the bylines of record bodies in the forms the
// corpus has them (invented names and text).
func TestBodyBylines(t *testing.T) {
	for _, tc := range []struct {
		name, body string
		want       Byline
	}{
		{"evening paper, byline after the last sentence",
			"    昨天上午，全市召开会议。    会议要求各区做好准备。  本报记者  张小明",
			Byline{Reporters: []string{"张小明"}, Roles: []string{"本报记者"}}},
		{"byline glued to the closing quote",
			"他说：“我们会继续努力。”本报记者  王一",
			Byline{Reporters: []string{"王一"}, Roles: []string{"本报记者"}}},
		{"correspondent and reporter",
			"志愿者们忙到深夜。  本报通讯员  李二  记者  赵三",
			Byline{Reporters: []string{"李二", "赵三"}, Roles: []string{"本报通讯员", "记者"}}},
		{"photo report",
			"街头一片忙碌。    本报记者  钱四  孙五  摄影报道",
			Byline{Reporters: []string{"钱四", "孙五"}, Roles: []string{"本报记者", "本报记者"}, Photographers: []string{"钱四", "孙五"}}},
		{"wire lead with reporter",
			"新华社北京2月5日电\u00a0（记者周六）国家主席今天会见外宾。\n\u3000\u3000双方交换了意见。",
			Byline{Source: "新华社", Dateline: "北京2月5日电", Reporters: []string{"周六"}, Roles: []string{"记者"}}},
		{"own-correspondent dateline",
			"本报南京1月12日电\u00a0\u00a0（记者吴七）铁塔昨日封顶。",
			Byline{Source: "本报", Dateline: "南京1月12日电", Reporters: []string{"吴七"}, Roles: []string{"记者"}}},
		{"wire lead without reporter",
			"新华社北京3月4日电\u00a0\u00a0会议在京开幕。",
			Byline{Source: "新华社", Dateline: "北京3月4日电"}},
		{"picture credits with agency and spaced name",
			"油菜花开了。\n\u3000\u3000郑\u00a0\u00a0八摄（影像中国）",
			Byline{Photographers: []string{"郑八"}}},
		{"section bylines and a closing credit",
			"开栏的话\n\u3000\u3000本报记者\u00a0冯九\u00a0陈十\n\u3000\u3000春天来了。\n\u3000\u3000（本报记者褚一采访整理）",
			Byline{Reporters: []string{"冯九", "陈十", "褚一"}, Roles: []string{"本报记者", "本报记者", "本报记者"}}},
		{"bracketed byline closing the last paragraph",
			"工程按期完工。（本报记者 卫二）",
			Byline{Reporters: []string{"卫二"}, Roles: []string{"本报记者"}}},
		{"no byline: a reporter mentioned in the text",
			"记者从市公安局获悉，案件已经告破。本报记者采访了几位居民。",
			Byline{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, BodyBylines(tc.body)); diff != "" {
				t.Errorf("BodyBylines (-want +got):\n%s", diff)
			}
		})
	}
}

// TestLeadAndBylineLine checks the byline readers the PDF reader shares
// on the forms this parser learned: a letter-spaced lead, and a caption
// with a credit, which is no byline line.
func TestLeadAndBylineLine(t *testing.T) {
	if src, _, names, _ := ParseLead("本 报 讯   （ 记 者   任 一 ）  昨天，全市召开会议。"); src != "本报讯" || !cmp.Equal(names, []string{"任一"}) {
		t.Errorf("letter-spaced lead: source %q names %q", src, names)
	}
	if src, _, _, _ := ParseLead("昨天，全市召开会议。"); src != "" {
		t.Errorf("plain text read as a lead: %q", src)
	}
	for _, tc := range []struct {
		line  string
		names []string
	}{
		{"□ 本报记者 白一", []string{"白一"}},
		{"本报记者 曹二  王三 摄影报道", []string{"曹二", "王三"}},
		{"（本报记者 褚四采访整理）", []string{"褚四"}},
		{"图为市民在公园散步。 新华社记者 李二 摄", nil},
		{"记者会在京举行", nil},
		{"本报记者推进下，已得到解", nil},
		{"本报记者 史自强摄", nil},
		{"记者 张三，李四", []string{"张三", "李四"}},
	} {
		names, _, ok := ParseByline(tc.line)
		if ok != (tc.names != nil) || !cmp.Equal(tc.names, names) {
			t.Errorf("ParseByline(%q) = %q, %v; want %q", tc.line, names, ok, tc.names)
		}
	}
}

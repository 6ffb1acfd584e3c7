package pages

import (
	"strings"
	"testing"
)

// groupsOf groups the headline lines of one block between drafts with
// the given bodies and returns each group's lines joined by "/".
func groupsOf(bodies, lines []string) []string {
	var drafts []*draft
	for _, b := range bodies {
		drafts = append(drafts, &draft{body: b})
	}
	b := &block{prev: -1, next: -1}
	for i, l := range lines {
		pl := newLine(i+1, l)
		pl.kind = kHead
		b.lines = append(b.lines, pl)
	}
	var out []string
	for _, g := range groupBlock(b, newMatcher(drafts), 0, len(drafts)-1) {
		var ts []string
		for _, l := range g.lines {
			ts = append(ts, l.text)
		}
		out = append(out, strings.Join(ts, "/"))
	}
	return out
}

// TestGroupBlock checks how the lines of a headline block are grouped
// into the headlines of articles, all invented text.
func TestGroupBlock(t *testing.T) {
	bodies := []string{
		"老街两旁的老屋改成了民宿，游客在院子里喝茶赏花，村民的收入也多了。",
		"新建的图书馆周末开放到晚上九点，市民可以借阅图书、参加讲座。",
	}
	for _, tc := range []struct {
		name  string
		lines []string
		want  []string
	}{
		{
			"a kicker ending in a dash reads on into the headline",
			[]string{"山乡巨变看今朝——", "老屋变民宿 游客赏花来", "图书馆周末开到九点"},
			[]string{"山乡巨变看今朝——/老屋变民宿 游客赏花来", "图书馆周末开到九点"},
		},
		{
			"a column tag wrapped onto the next line stays with its headline",
			[]string{"老屋变民宿 游客赏花来（走进美丽", "乡村·第三站）", "图书馆周末开到九点"},
			[]string{"老屋变民宿 游客赏花来（走进美丽/乡村·第三站）", "图书馆周末开到九点"},
		},
		{
			"a line that fits nothing does not pass the article of the group before to the next line",
			[]string{"老屋变民宿", "影像速递", "村民收入多了"},
			[]string{"老屋变民宿", "影像速递", "村民收入多了"},
		},
		{
			"a long line broken in the middle of a word goes on in the next",
			[]string{"老街两旁的老屋改成了民宿游客在院子里喝茶赏", "花市民可以借阅图书参加讲座"},
			[]string{"老街两旁的老屋改成了民宿游客在院子里喝茶赏/花市民可以借阅图书参加讲座"},
		},
		{
			"a short line is not taken for one broken in a word",
			[]string{"老屋改成民宿喝茶赏", "花市民借阅图书参加讲座"},
			[]string{"老屋改成民宿喝茶赏", "花市民借阅图书参加讲座"},
		},
		{
			"a bracket opening a line does not pull in the next",
			[]string{"（本报特约记者", "图书馆周末开到九点）"},
			[]string{"（本报特约记者", "图书馆周末开到九点）"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := groupsOf(bodies, tc.lines)
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("groups = %q, want %q", got, tc.want)
			}
		})
	}
}

// TestHeadGroups holds pages whose headline blocks were read wrong
// before, all invented text.
func TestHeadGroups(t *testing.T) {
	for _, tc := range []struct {
		name  string
		lines []string
		want  []seen
		in    []string // text each article's body must hold
	}{
		{
			name: "a credit line after a text closes it rather than heads the next",
			lines: []string{
				"老屋变民宿 游客赏花来",
				"本报讯（记者 林一）老街两旁的",
				"老屋改成了民宿，游客在院子里",
				"喝茶赏花，村民的收入也多了。",
				"本期统筹：周 明",
				"图书馆周末开到九点",
				"本报讯（记者 何二）新建的图书",
				"馆周末开放到晚上九点，市民可",
				"以借阅图书、参加讲座。",
			},
			want: []seen{
				{"老屋变民宿游客赏花来", []string{"林一"}},
				{"图书馆周末开到九点", []string{"何二"}},
			},
			in: []string{"本期统筹：周明", "借阅图书"},
		},
		{
			name: "headline lines split by a line that fits another article stay one headline",
			lines: []string{
				"图书馆周末开到九点",
				"本报讯（记者 何二）新建的图书",
				"馆周末开到九点，市民可以借阅",
				"图书、参加讲座，孩子们也能在",
				"图书馆里写作业。",
				"老码头焕新颜",
				"游船载客夜游",
				"孩子们写作业",
				"江风送清凉",
				"本报讯（记者 林一）江边的老码",
				"头焕然一新，游船每晚载客夜游，",
				"江风吹来，送来阵阵清凉，游客",
				"说这里的夜景很美。",
			},
			want: []seen{
				{"图书馆周末开到九点", []string{"何二"}},
				{"老码头焕新颜游船载客夜游孩子们写作业江风送清凉", []string{"林一"}},
			},
			in: []string{"写作业。", "夜景很美。"},
		},
		{
			name: "a headline under its text, whose article is headed already, is no kicker of the next",
			lines: []string{
				"图书馆周末开到九点",
				"本报讯（记者 何二）新建的图书",
				"馆周末开到九点，市民可以借阅",
				"图书、参加讲座。",
				"江边的少年们每天放学后练划船，",
				"划船队去年在省里拿了奖，少年",
				"们说划船让他们更团结。",
				"江边少年划船队",
				"老码头焕新颜",
				"本报讯（记者 林一）江边的老码",
				"头焕然一新，游船每晚载客夜游，",
				"游客说这里的夜景很美。",
			},
			want: []seen{
				{"图书馆周末开到九点", []string{"何二"}},
				{"老码头焕新颜", []string{"林一"}},
			},
			in: []string{"江边少年划船队", "夜景很美。"},
		},
		{
			name: "a short label under a headline printed below its text heads the next article",
			lines: []string{
				"本报讯（记者 何二）新建的图书",
				"馆周末开到九点，市民可以借阅",
				"图书、参加讲座，夜读有了去处。",
				"图书馆周末开到九点 市民夜读有去处",
				"速览",
				"□ 本报记者 林一",
				"江边的老码头焕然一新，游船每",
				"晚载客夜游，游客说这里的夜景",
				"很美。",
			},
			want: []seen{
				{"图书馆周末开到九点市民夜读有去处", []string{"何二"}},
				{"速览", []string{"林一"}},
			},
			in: []string{"夜读有了去处。", "夜景很美。"},
		},
		{
			name: "a short label that fits nothing is no kicker of the headline under it",
			lines: []string{
				"图书馆周末开到九点",
				"本报讯（记者 何二）新建的图书",
				"馆周末开到九点，市民可以借阅",
				"图书、参加讲座。",
				"影像速递",
				"老码头焕新颜",
				"本报讯（记者 林一）江边的老码",
				"头焕然一新，游船每晚载客夜游，",
				"游客说这里的夜景很美。",
			},
			want: []seen{
				{"图书馆周末开到九点", []string{"何二"}},
				{"老码头焕新颜", []string{"林一"}},
			},
			in: []string{"影像速递", "夜景很美。"},
		},
		{
			name: "of two short parallel phrases the one that fits nothing is a kicker",
			lines: []string{
				"图书馆周末开到九点",
				"本报讯（记者 何二）新建的图书",
				"馆周末开到九点，市民可以借阅",
				"图书、参加讲座。",
				"江风送爽",
				"码头新颜",
				"本报讯（记者 林一）江边的老码",
				"头焕然一新，换了新颜，游船每",
				"晚载客夜游，游客说这里的夜景很美。",
			},
			want: []seen{
				{"图书馆周末开到九点", []string{"何二"}},
				{"江风送爽码头新颜", []string{"林一"}},
			},
			in: []string{"借阅", "夜景很美。"},
		},
		{
			name: "a column tag on a line of its own under the headline belongs to it",
			lines: []string{
				"图书馆周末开到九点",
				"本报讯（记者 何二）新建的图书",
				"馆周末开到九点，市民可以借阅",
				"图书、参加讲座。",
				"江边老码头焕然一新游船每晚载客夜游",
				"（走进美丽乡村）",
				"江边的老码头焕然一新，游船每",
				"晚载客夜游，游客说这里的夜景",
				"很美。",
			},
			want: []seen{
				{"图书馆周末开到九点", []string{"何二"}},
				{"江边老码头焕然一新游船每晚载客夜游走进美丽乡村", nil},
			},
			in: []string{"借阅", "夜景很美。"},
		},
		{
			name: "a left-over line with a comma inside is no kicker unless it ends as a question",
			lines: []string{
				"图书馆周末开到九点",
				"本报讯（记者 何二）新建的图书",
				"馆周末开到九点，市民可以借阅",
				"图书、参加讲座。",
				"明天，我们去看海",
				"老码头焕新颜",
				"本报讯（记者 林一）江边的老码",
				"头焕然一新，游船每晚载客夜游，",
				"游客说这里的夜景很美。",
			},
			want: []seen{
				{"图书馆周末开到九点", []string{"何二"}},
				{"老码头焕新颜", []string{"林一"}},
			},
			in: []string{"明天，我们去看海", "夜景很美。"},
		},
		{
			name: "a left-over question over a headline is its kicker",
			lines: []string{
				"图书馆周末开到九点",
				"本报讯（记者 何二）新建的图书",
				"馆周末开到九点，市民可以借阅",
				"图书、参加讲座。",
				"夏夜闷热，去哪儿乘凉？",
				"老码头焕新颜",
				"本报讯（记者 林一）江边的老码",
				"头焕然一新，游船每晚载客夜游，",
				"游客说这里的夜景很美。",
			},
			want: []seen{
				{"图书馆周末开到九点", []string{"何二"}},
				{"夏夜闷热去哪儿乘凉老码头焕新颜", []string{"林一"}},
			},
			in: []string{"借阅", "夜景很美。"},
		},
		{
			name: "a word of one pair found in a text does not take its article from the headline",
			lines: []string{
				"图书馆周末开到九点",
				"本报讯（记者 何二）新建的图书",
				"馆周末开到九点，市民可以借阅",
				"图书、参加讲座。",
				"夜游",
				"老码头焕然一新",
				"本报讯（记者 林一）江边的老码",
				"头焕然一新，游船每晚载客夜游，",
				"游客说这里的夜景很美。",
			},
			want: []seen{
				{"图书馆周末开到九点", []string{"何二"}},
				{"老码头焕然一新", []string{"林一"}},
			},
			in: []string{"借阅", "夜景很美。"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, bodies := seenOf(t, page(tc.lines...))
			if len(got) != len(tc.want) {
				t.Fatalf("got %d articles %v, want %v; bodies %q", len(got), got, tc.want, bodies)
			}
			for i := range got {
				if got[i].Head != tc.want[i].Head || strings.Join(got[i].Reporters, ",") != strings.Join(tc.want[i].Reporters, ",") {
					t.Errorf("article %d = %v, want %v", i+1, got[i], tc.want[i])
				}
				if !strings.Contains(bodies[i], tc.in[i]) {
					t.Errorf("article %d body lacks %q: %q", i+1, tc.in[i], bodies[i])
				}
			}
		})
	}
}

// TestGroupText checks that a column tag is left out of the text a
// headline is matched by, all invented text.
func TestGroupText(t *testing.T) {
	for _, tc := range []struct {
		lines []string
		want  string
	}{
		{[]string{"老屋变民宿 游客赏花来（走进美丽", "乡村·第三站）"}, "老屋变民宿 游客赏花来"},
		{[]string{"老屋变民宿（上）"}, "老屋变民宿（上）"},
	} {
		g := &headGroup{}
		for _, l := range tc.lines {
			g.lines = append(g.lines, pline{text: l})
		}
		if got := g.text(); got != tc.want {
			t.Errorf("text of %q = %q, want %q", tc.lines, got, tc.want)
		}
	}
}

// TestHeadsGroup checks when a group that fits no article reads as the
// top of the headline group under it, all invented text.
func TestHeadsGroup(t *testing.T) {
	group := func(lines ...string) *headGroup {
		g := &headGroup{}
		for _, l := range lines {
			g.lines = append(g.lines, pline{text: l})
		}
		return g
	}
	for _, tc := range []struct {
		top, below string
		want       bool
	}{
		{"江风送爽", "码头新颜（走进美丽乡村）", true}, // two parallel phrases
		{"江风送爽", "江风送爽", false},        // the same label twice: two headlines
		{"影像速递", "老码头焕然一新", false},     // a label
		{"聚焦民生实事", "老码头焕然一新", true},    // a slogan
		{"夏夜闷热，去哪儿乘凉？", "老码头焕然一新", true},
		{"明天，我们去看海", "老码头焕然一新", false},
		{"老码头焕然一新", "——游船每晚载客夜游", true}, // the main line over a dashed subtitle
	} {
		if got := headsGroup(group(tc.top), group(tc.below)); got != tc.want {
			t.Errorf("headsGroup(%q, %q) = %v, want %v", tc.top, tc.below, got, tc.want)
		}
	}
}

// TestGroupBlockNarrowWrap checks that a headline line filling a narrow
// column goes on in the next line when a word is broken across them,
// though the line is shorter than a long headline line.
func TestGroupBlockNarrowWrap(t *testing.T) {
	drafts := []*draft{
		{body: "老街两旁的老屋改成了民宿，游客在院子里喝茶赏花，村民的收入也多了。"},
		{body: "新建的图书馆周末开放到晚上九点，市民可以借阅图书、参加讲座。"},
	}
	for _, tc := range []struct {
		name, tail string
		full       bool
		want       string
	}{
		{"a line filling the column goes on in the next", "花正当时", true, "老屋改成民宿喝茶赏/花正当时"},
		{"a short line stays apart", "花正当时", false, "老屋改成民宿喝茶赏|花正当时"},
		{"a line that fits another article stays apart", "花市民借阅图书参加讲座", true, "老屋改成民宿喝茶赏|花市民借阅图书参加讲座"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := &block{prev: -1, next: -1}
			for i, l := range []string{"老屋改成民宿喝茶赏", tc.tail} {
				pl := newLine(i+1, l)
				pl.kind = kHead
				pl.full = i == 0 && tc.full
				b.lines = append(b.lines, pl)
			}
			var got []string
			for _, g := range groupBlock(b, newMatcher(drafts), 0, len(drafts)-1) {
				var ts []string
				for _, l := range g.lines {
					ts = append(ts, l.text)
				}
				got = append(got, strings.Join(ts, "/"))
			}
			if strings.Join(got, "|") != tc.want {
				t.Errorf("groups = %q, want %q", got, tc.want)
			}
		})
	}
}

package pdf

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"baoku/indexer/pages"
)

// page is a layout written for the tests: pieces of text placed as a
// text extractor gives them, with invented text.
type page struct{ texts []Text }

// text places one piece: a line of size-point type at x, y, as wide as
// its characters (a full-width character is size wide, others half).
func (p *page) text(x, y, size float64, bold bool, s string) {
	w := 0.0
	for _, r := range s {
		if r < 0x80 {
			w += size / 2
		} else {
			w += size
		}
	}
	p.texts = append(p.texts, Text{X: x, Y: y, W: w, H: size * 1.3, Size: size, Bold: bold, Color: "#000000", Text: s})
}

// line places a line of text cut into two pieces, as extractors cut
// justified lines, the second a little apart.
func (p *page) line(x, y, size float64, s string) {
	rs := []rune(s)
	if len(rs) < 4 {
		p.text(x, y, size, false, s)
		return
	}
	half := len(rs) / 2
	p.text(x, y, size, false, string(rs[:half]))
	p.text(x+float64(half)*size+0.8, y, size, false, string(rs[half:]))
}

// column places lines of body type one under another from y; a line
// starting with two spaces is indented by two characters.
func (p *page) column(x, y, size float64, lines ...string) {
	for i, l := range lines {
		lx := x
		if strings.HasPrefix(l, "  ") {
			lx += 2 * size
		}
		p.line(lx, y+float64(i)*size*1.5, size, strings.TrimSpace(l))
	}
}

// testPage is a page of two articles, one with kicker, subtitle, byline
// line, two columns and a photo caption, one opened by 本报讯, and a box
// of briefs, under a running header and over a footer.
func testPage() Page {
	var p page
	p.text(40, 20, 9, false, "晨光日报")
	p.text(200, 20, 9, false, "2024年5月1日 星期三")
	p.text(420, 20, 9, false, "第2版 要闻")
	// Article A, on the left.
	p.text(40, 48, 14, false, "两岸往来从此不再绕行")
	p.text(40, 70, 24, true, "青山县新建大桥今日通车")
	p.text(40, 104, 14, false, "——群众出行更方便")
	p.text(40, 126, 10, false, "本报记者 张伟 李娜")
	p.column(40, 145, 10,
		"  青山县新建大桥今日正式",
		"通车，两岸群众往来从此不",
		"再绕行。",
		"  大桥全长一千二百米，历",
		"时三年建成，总投资八亿元",
	)
	p.column(200, 145, 10,
		"，将惠及沿岸十万群众。",
		"  “过去过河要坐渡船，现在",
		"几分钟就到了。”一位村民",
		"说。",
	)
	p.text(200, 260, 8, false, "图为新建成的大桥。 王五 摄")
	// Article B, on the right.
	p.text(380, 70, 20, true, "社区食堂办到家门口")
	p.column(380, 105, 10,
		"  本报讯（记者 赵六）东湖",
		"区首家社区食堂昨天开业，",
		"老年居民就近就餐更方便。",
	)
	// Briefs, under article A.
	p.text(150, 300, 13, true, "简讯")
	p.text(40, 325, 10, true, "夜市重开人气旺")
	p.column(40, 340, 10,
		"  石桥镇夜市昨晚重新开放，",
		"游客络绎不绝。",
	)
	p.text(40, 375, 10, true, "中学生走进实验室")
	p.column(40, 390, 10,
		"  云台县中学生昨天走进实",
		"验室，动手做实验。",
	)
	p.text(300, 770, 8, false, "责任编辑：王五 版式设计：赵六")
	return Page{Width: 600, Height: 800, Texts: p.texts}
}

// brief is what the tests compare of an article.
type brief struct {
	Kicker, Headline, Subtitle string
	Source                     string
	Reporters                  []string
	Photographers              []string
	Captions                   []string
	Body                       string
}

func TestParsePage(t *testing.T) {
	pg, warns := Parse(testPage(), Options{Name: "test.pdf", Meta: pages.PageMeta{Paper: "文件名日报"}})
	for _, w := range warns {
		t.Logf("warning: %v", w)
	}
	if pg.Paper != "晨光日报" || pg.Date != "2024-05-01" || pg.Page != "2" || pg.Section != "要闻" {
		t.Errorf("page: paper %q date %q page %q section %q", pg.Paper, pg.Date, pg.Page, pg.Section)
	}
	var got []brief
	for _, a := range pg.Articles {
		got = append(got, brief{a.Kicker, a.Headline, a.Subtitle, a.Source, a.Reporters, a.Photographers, a.Captions, a.Body})
		if a.Region == nil || len(a.Region.Boxes) == 0 || a.Region.Width != 600 {
			t.Errorf("%q: region %+v", a.Headline, a.Region)
		}
		if a.Paper != "晨光日报" || a.Date != "2024-05-01" {
			t.Errorf("%q: paper %q date %q", a.Headline, a.Paper, a.Date)
		}
	}
	want := []brief{
		{Kicker: "两岸往来从此不再绕行", Headline: "青山县新建大桥今日通车", Subtitle: "群众出行更方便",
			Reporters: []string{"张伟", "李娜"}, Photographers: []string{"王五"}, Captions: []string{"图为新建成的大桥。王五摄"},
			Body: "青山县新建大桥今日正式通车，两岸群众往来从此不再绕行。\n大桥全长一千二百米，历时三年建成，总投资八亿元，将惠及沿岸十万群众。\n“过去过河要坐渡船，现在几分钟就到了。”一位村民说。"},
		{Headline: "社区食堂办到家门口", Source: "本报讯", Reporters: []string{"赵六"},
			Body: "本报讯（记者赵六）东湖区首家社区食堂昨天开业，老年居民就近就餐更方便。"},
		{Headline: "夜市重开人气旺", Body: "石桥镇夜市昨晚重新开放，游客络绎不绝。"},
		{Headline: "中学生走进实验室", Body: "云台县中学生昨天走进实验室，动手做实验。"},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("articles (-want +got):\n%s", d)
	}
}

func TestParseRegionsInsideThePage(t *testing.T) {
	pg, _ := Parse(testPage(), Options{})
	for _, a := range pg.Articles {
		for _, b := range a.Region.Boxes {
			if b.X < 0 || b.Y < 0 || b.W <= 0 || b.H <= 0 || b.X+b.W > 600 || b.Y+b.H > 800 {
				t.Errorf("%q: box %+v outside the page", a.Headline, b)
			}
		}
	}
	// Article A's region holds its caption, not the briefs under it.
	a := pg.Articles[0].Region.Boxes[0]
	if a.Y > 48 || a.Y+a.H < 268 || a.Y+a.H > 300 {
		t.Errorf("article A's region %+v: want from the kicker (48) to the caption (268), above the briefs (300)", a)
	}
}

func TestParseEmpty(t *testing.T) {
	pg, warns := Parse(Page{Width: 600, Height: 800}, Options{Name: "empty.pdf"})
	if len(pg.Articles) != 0 || len(warns) != 1 || !strings.Contains(warns[0].String(), "no text") {
		t.Fatalf("empty page: %d articles, warnings %v", len(pg.Articles), warns)
	}
}

func TestBuildLines(t *testing.T) {
	for _, tc := range []struct {
		name   string
		pieces []Text
		want   []string
	}{
		{"pieces of a line join", []Text{
			{X: 10, Y: 10, W: 40, H: 13, Size: 10, Text: "青山县新"},
			{X: 50.5, Y: 10.5, W: 40, H: 13, Size: 10, Text: "建大桥今"},
		}, []string{"青山县新建大桥今"}},
		{"a bracket set higher stays in its line", []Text{
			{X: 10, Y: 10, W: 20, H: 13, Size: 10, Text: "本报"},
			{X: 30, Y: 9, W: 10, H: 15, Size: 10, Text: "（"},
			{X: 40, Y: 10, W: 20, H: 13, Size: 10, Text: "记者"},
		}, []string{"本报（记者"}},
		{"a gutter parts two columns", []Text{
			{X: 10, Y: 10, W: 100, H: 13, Size: 10, Text: "第一栏的一行文字到此"},
			{X: 119, Y: 10, W: 100, H: 13, Size: 10, Text: "第二栏的一行文字开始"},
		}, []string{"第一栏的一行文字到此", "第二栏的一行文字开始"}},
		{"headlines side by side stay apart", []Text{
			{X: 10, Y: 10, W: 96, H: 30, Size: 24, Text: "大桥通车"},
			{X: 115, Y: 10, W: 96, H: 30, Size: 24, Text: "食堂开业"},
		}, []string{"大桥通车", "食堂开业"}},
		{"type of another size is another line", []Text{
			{X: 10, Y: 10, W: 40, H: 13, Size: 10, Text: "正文文字"},
			{X: 51, Y: 8, W: 80, H: 26, Size: 20, Text: "大字标题"},
		}, []string{"正文文字", "大字标题"}},
		{"rows in order, left to right", []Text{
			{X: 119, Y: 10, W: 40, H: 13, Size: 10, Text: "右上"},
			{X: 10, Y: 25, W: 40, H: 13, Size: 10, Text: "左下"},
			{X: 10, Y: 10, W: 40, H: 13, Size: 10, Text: "左上"},
		}, []string{"左上", "右上", "左下"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, l := range buildLines(tc.pieces) {
				got = append(got, l.text)
			}
			if d := cmp.Diff(tc.want, got); d != "" {
				t.Errorf("lines (-want +got):\n%s", d)
			}
		})
	}
}

func TestTrimEnds(t *testing.T) {
	// A piece's trailing space (here an ideographic space) must not
	// reach into the gutter.
	ls := buildLines([]Text{{X: 10, Y: 10, W: 50, H: 13, Size: 10, Text: "本报记者\u3000"}})
	if len(ls) != 1 || ls[0].x1 > 50.5 || ls[0].text != "本报记者" {
		t.Fatalf("line %q ends at %.1f, want 本报记者 ending at 50", ls[0].text, ls[0].x1)
	}
}

func TestDespace(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"本 报 讯 （ 记 者 张 伟 ）", "本报讯（记者张伟）"},
		{"小 时 接 续   奋 战 不 停", "小时接续 奋战不停"},
		{"本报记者 张伟 李娜", "本报记者 张伟 李娜"},
		{"本报记者\u3000张伟\u3000李娜", "本报记者\u3000张伟\u3000李娜"},
		{"iPhone 13 售价", "iPhone 13 售价"},
	} {
		if got := despace(tc.in); got != tc.want {
			t.Errorf("despace(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestBetterNames(t *testing.T) {
	for _, tc := range []struct {
		a, b []string
		want bool
	}{
		{[]string{"萧然", "曹阳"}, []string{"萧然曹阳"}, true},
		{[]string{"王芳", "曾海"}, []string{"王芳", "曾海燕"}, false},
		{[]string{"者陈静"}, []string{"陈静"}, false},
		{[]string{"记者", "陈静"}, nil, false},
		{[]string{"欧阳明月"}, nil, true},
	} {
		if got := betterNames(tc.a, tc.b); got != tc.want {
			t.Errorf("betterNames(%v, %v) = %v", tc.a, tc.b, got)
		}
	}
}

func TestParseNeverPanics(t *testing.T) {
	// Odd input: zero sizes, negative and overlapping boxes, lone marks.
	texts := []Text{
		{X: -5, Y: -5, W: 0, H: 0, Size: 0, Text: "零"},
		{X: 10, Y: 10, W: 10, H: 10, Size: 10, Text: "（"},
		{X: 10, Y: 10, W: 10, H: 10, Size: 10, Text: "）"},
		{X: 10, Y: 10, W: 1e9, H: 10, Size: 1e9, Text: "大"},
		{X: 50, Y: 50, W: 10, H: 10, Size: 10, Text: strings.Repeat("字", 1000)},
	}
	pg, _ := Parse(Page{Width: 100, Height: 100, Texts: texts}, Options{})
	for _, a := range pg.Articles {
		if !utf8.ValidString(a.Body) {
			t.Fatalf("invalid UTF-8 in %q", a.Body)
		}
	}
}

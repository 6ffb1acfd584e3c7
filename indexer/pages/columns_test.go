package pages

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestUnweaveLooseLines checks that lines of two columns joined side by
// side are split even where one side is short (a paragraph's last line, a
// heading, the columns' last lines with a byline) or letter-spaced, so
// each column comes out whole.
func TestUnweaveLooseLines(t *testing.T) {
	left := []string{
		"本 报 讯 （记 者 王 五）",
		"城南老街改造，完工后青",
		"石板路重新铺，沿街老字",
		"号陆续回归，老街的烟火",
		"气又回来了。",
		"居民们说，老街的样子越",
		"来越好，生意比从前更好",
		"了。",
	}
	right := []string{
		"市民纷纷前来，打卡拍照",
		"街道负责人说，老街改造",
		"留住了记忆，也留住了老",
		"街的人，以后还要继续做",
		"回首这一年",
		"好老街的保护，让老街更",
		"有味道。",
		"本报记者 赵六",
	}
	// an article in one column comes first, setting the column's width
	single := []string{"社区食堂开进，老旧小区", "为独居老人提，供上门送", "餐服务老人们，心里踏实", "社区干部说食，堂开业后", "每天送餐两百多份。"}
	lines := sideBySide(single, left, right)
	got := texts(unweaveSideBySide(lines))
	want := append(append(append([]string(nil), single...), left...), right...)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("columns (-want +got):\n%s", diff)
	}
	// a page of one column is left alone, spaces and all
	one := []pline{newLine(1, "城南老街改造完工以后青石板路"), newLine(2, "记者 王五 摄"), newLine(3, "F1 中国大奖赛将在上海举行。")}
	if diff := cmp.Diff([]string{"城南老街改造完工以后青石板路", "记者 王五 摄", "F1 中国大奖赛将在上海举行。"}, texts(unweaveSideBySide(one))); diff != "" {
		t.Errorf("one column changed (-want +got):\n%s", diff)
	}
}

// TestUnweaveAlternateOnce checks that lines alternating between two
// columns are put back when each column's breaks join into a pair of
// characters found once elsewhere on the page: a pair split across a
// line break is on no line, so one other line is evidence enough.
func TestUnweaveAlternateOnce(t *testing.T) {
	a, b := alternateColumns()
	var lines []pline
	for i := range a {
		lines = append(lines, newLine(len(lines)+1, a[i]), newLine(len(lines)+2, b[i]))
	}
	// after a break in the run, a line holding each pair once
	lines = append(lines, newLine(len(lines)+1, "＊＊＊"), newLine(len(lines)+2, "城市公园花草茂盛河边十年体更更愉"))
	out, moved := unweaveAlternate(lines, indexPairs(lines))
	got := texts(out[:len(a)+len(b)])
	if diff := cmp.Diff(append(append([]string(nil), a...), b...), got); diff != "" || !moved {
		t.Errorf("columns (moved %v, -want +got):\n%s", moved, diff)
	}
}

// alternateColumns returns two columns whose breaks join into pairs
// found on the line "城市公园花草茂盛河边十年体更更愉".
func alternateColumns() (a, b []string) {
	a = []string{"今天上午我们来到城", "市东边的一座新公", "园，看到满园的花", "草树木长得十分茂", "盛，游人络绎不绝。"}
	b = []string{"老李每天早上都去河", "边跑步已经坚持了十", "年，他说锻炼让身体", "更加健康，心情也更", "愉快。"}
	return a, b
}

// TestUnweaveAlternateHeadings checks that a stretch of alternating
// column lines is taken whole and opens with two column lines: the
// headings over it stay where they are.
func TestUnweaveAlternateHeadings(t *testing.T) {
	a, b := alternateColumns()
	heads := []string{"城东公园开园", "老人晨练"}
	lines := plines(heads...)
	for i := range a {
		lines = append(lines, newLine(len(lines)+1, a[i]), newLine(len(lines)+2, b[i]))
	}
	lines = append(lines, newLine(len(lines)+1, "＊＊＊"), newLine(len(lines)+2, "城市公园花草茂盛河边十年体更更愉"))
	out, _ := unweaveAlternate(lines, indexPairs(lines))
	got := texts(out[:len(heads)+len(a)+len(b)])
	want := append(append(append([]string(nil), heads...), a...), b...)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("columns (-want +got):\n%s", diff)
	}
}

// TestUnjoinHeadlines checks that the first lines of two headlines side
// by side, read as one line, are put back as two headlines when a later
// line of their block carries on the left one (its pair across the break
// occurs in the text), and that a headline with a gap whose next line
// carries on its right part is left alone.
func TestUnjoinHeadlines(t *testing.T) {
	tests := []struct {
		name       string
		text, want []string
	}{
		{"two headlines",
			[]string{"城东图书馆今天 小镇春天迎来游客", "开门迎客", "", "图书馆今天开放，市民排队入馆。", "小镇春天迎来游客，客栈住满了人。"},
			[]string{"城东图书馆今天", "开门迎客", "小镇春天迎来游客", "图书馆今天开放，市民排队入馆。", "小镇春天迎来游客，客栈住满了人。"}},
		{"two headlines, the right one wrapped first",
			[]string{"城东图书馆今天 小镇春天迎来游", "客多了", "开门迎客", "", "图书馆今天开放，市民排队入馆。", "小镇春天迎来游客，客栈住满了人。"},
			[]string{"城东图书馆今天", "开门迎客", "小镇春天迎来游", "客多了", "图书馆今天开放，市民排队入馆。", "小镇春天迎来游客，客栈住满了人。"}},
		{"one headline with a gap",
			[]string{"山村披上彩衣 斑斓", "似画卷", "", "山村的秋天斑斓似画卷，游人很多。"},
			[]string{"山村披上彩衣 斑斓", "似画卷", "山村的秋天斑斓似画卷，游人很多。"}},
	}
	for _, tt := range tests {
		var lines []pline
		for i, s := range tt.text {
			if s != "" {
				lines = append(lines, newLine(i+1, s))
			}
		}
		out, changed := unjoinHeadlines(lines, indexPairs(lines))
		got := texts(out)
		if diff := cmp.Diff(tt.want, got); diff != "" || changed != (len(got) > len(lines)) {
			t.Errorf("%s (changed %v, -want +got):\n%s", tt.name, changed, diff)
		}
	}
}

// plines makes numbered page lines of texts.
func plines(texts ...string) []pline {
	var lines []pline
	for _, s := range texts {
		lines = append(lines, newLine(len(lines)+1, s))
	}
	return lines
}

// texts returns the text of each line.
func texts(lines []pline) []string {
	var out []string
	for _, l := range lines {
		out = append(out, l.text)
	}
	return out
}

// TestUnweaveSideBySideHeads checks that the headline of the right one of
// two articles side by side, given before the run of their joined column
// lines after the left one's, is put before the right column, and that
// the headlines over one article's two columns stay where they are.
func TestUnweaveSideBySideHeads(t *testing.T) {
	// an article in one column comes first, setting the column's width
	single := []string{"社区食堂开进老旧小区，为", "独居老人提供上门送餐，老", "人们说心里踏实多了，干部", "说每天送餐两百多份。"}
	heads := []string{"城东新图书馆开放", "江上大桥合龙", "两岸往来只需十分钟"}
	left := []string{"城东新图书馆昨天正式开放", "市民一早就在门口排起长队", "馆里藏书二十多万册，阅览", "室座位宽敞明亮，孩子们在", "绘本区读得津津有味。"}
	right := []string{"江上大桥昨天顺利合龙", "这座大桥全长两千多米，建", "成后两岸往来只需十分钟，", "附近的居民盼着大桥早日通", "车，工人们正在加紧施工。"}
	run := func(left []string) []string {
		lines := plines(append(append([]string(nil), single...), heads...)...)
		for i := range left {
			lines = append(lines, newLine(len(lines)+1, left[i]+" "+right[i]))
		}
		return texts(unweaveSideBySide(lines))
	}
	want := append(append(append(append(append([]string(nil), single...), heads[0]), left...), heads[1:]...), right...)
	if diff := cmp.Diff(want, run(left)); diff != "" {
		t.Errorf("two articles (-want +got):\n%s", diff)
	}
	// the left column goes on into the right one: one article
	one := append(append([]string(nil), left[:4]...), "绘本区读书的孩子特别多，")
	want = append(append(append(append([]string(nil), single...), heads...), one...), right...)
	if diff := cmp.Diff(want, run(one)); diff != "" {
		t.Errorf("one article (-want +got):\n%s", diff)
	}
}

// TestUnweaveTailByline checks that a column line that ends its article
// with the byline after the last sentence (……送到。 本报记者 苗八) is
// split off its neighbour whole: it ends a paragraph short, as a line
// ending a sentence does, and the gap between the role and the name is
// no column's edge, so the byline stays with the text it signs.
func TestUnweaveTailByline(t *testing.T) {
	for _, by := range []string{"已送到。  本报记者苗八", "已送到。  本报记者 苗八"} {
		left := []string{
			"城南老街改造，完工后青石板路重新",
			"铺好，沿街的老字号也陆续回归，老",
			"街的烟火气又回来了，居民的物资也",
			by,
			"河口大桥昨天合龙，两岸往来只要十",
			"分钟，比坐渡船快了许多，市民说好",
		}
		right := []string{
			"市民纷纷前来，在老街打卡拍照留念",
			"街道负责人说，老街改造留住了记忆",
			"也留住了老街的人，大家都很满意。",
			"街道说要做好保护，让老街",
			"更有人气，让更多的年轻人愿意回来",
			"看看，也让老人们住得更舒心安心。",
		}
		single := []string{"社区食堂开进了老旧小区，为独居老", "人提供上门送餐服务，老人们心里踏", "实，社区干部说食堂开业以后每天送", "餐两百多份，还要再开两家新食堂，", "方便更多的老人。"}
		lines := plines(single...)
		for i := range left {
			lines = append(lines, newLine(len(lines)+1, left[i]+" "+right[i]))
		}
		got := texts(unweaveSideBySide(lines))
		want := append(append(append([]string(nil), single...), left...), right...)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: columns (-want +got):\n%s", by, diff)
		}
	}
}

// TestUnweaveRightByline checks that a byline ending the right column
// beside a full line of the left one is not cut between its role and
// its name: the gap inside a byline is no column's edge.
func TestUnweaveRightByline(t *testing.T) {
	left := []string{
		"城南老街改造，完工后青石板路重新",
		"铺好，沿街的老字号也陆续回归，老",
		"街的烟火气又回来了，居民们也都很",
		"满意，说老街越来越好看了。",
		"河口大桥昨天合龙，两岸往来只要十",
		"分钟，比坐渡船快了许多，市民说好",
		"方便，以后出门就更加方便省事了。",
	}
	right := []string{
		"市民纷纷前来，在老街打卡拍照留念",
		"街道负责人说，老街改造留住了记忆",
		"也留住了老街的人，以后还要继续。",
		"本报记者 苗八",
		"社区食堂开进了老旧小区，为独居老",
		"人提供上门送餐服务，老人们心里踏",
		"实，社区干部说食堂开业以后每天送",
	}
	single := []string{"社区食堂开进了老旧小区，为独居老", "人提供上门送餐服务，老人们心里踏", "实，社区干部说食堂开业以后每天送", "餐两百多份，还要再开两家新食堂，", "方便更多的老人。"}
	lines := sideBySide(single, left, right)
	got := texts(unweaveSideBySide(lines))
	want := append(append(append([]string(nil), single...), left...), right...)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("columns (-want +got):\n%s", diff)
	}
}

// TestUnweaveWrappedTail checks that a closing byline whose name's last
// character the right column wrapped onto its next line is whole once
// the columns are put back: the wrapped part stands under it only then.
func TestUnweaveWrappedTail(t *testing.T) {
	left := []string{
		"城南老街改造，完工后青石板路重新",
		"铺好，沿街的老字号也陆续回归，老",
		"街的烟火气又回来了，居民们也都很",
		"满意，说老街的样子越来越好看了，",
		"河口大桥昨天合龙，两岸往来只要十",
		"分钟，比坐渡船快了许多，市民说好",
	}
	right := []string{
		"市民纷纷前来，在老街打卡拍照留念",
		"街道负责人说，老街改造留住了记忆",
		"也留住了老街的人。 本报记者 苗八",
		"九",
		"社区食堂开进了老旧小区，为独居老",
		"人提供上门送餐服务，老人们心里踏",
	}
	single := []string{"社区食堂开进了老旧小区，为独居老", "人提供上门送餐服务，老人们心里踏", "实，社区干部说食堂开业以后每天送", "餐两百多份，还要再开两家新食堂，", "方便更多的老人。"}
	lines := sideBySide(single, left, right)
	out, _ := unweaveJoined(lines, indexPairs(lines))
	var tails []string
	for _, l := range out {
		if l.tail != nil {
			tails = append(tails, l.tail.names...)
		}
	}
	if !cmp.Equal(tails, []string{"苗八九"}) {
		t.Errorf("tail bylines %q, want [苗八九]; lines %q", tails, texts(out))
	}
}

// TestUnweaveBylineNames checks that a byline of two names in the left
// column, beside the short last line of a paragraph in the right one, is
// not cut between its names: the right column's text has no gap after
// its first word, so a name set off by one is the byline's.
func TestUnweaveBylineNames(t *testing.T) {
	left := []string{
		"城南老街改造，完工后青石板路重新",
		"铺好，沿街的老字号也陆续回归，老",
		"街的烟火气又回来了，居民们也都很",
		"满意，说老街的样子越来越好看了。",
		"西岭村——",
		"本报记者 苗八 林九",
		"河口大桥昨天合龙，两岸往来只要十",
		"分钟，比坐渡船快了许多，市民说好",
		"方便，以后出门就更加方便省事了，",
	}
	right := []string{
		"市民纷纷前来，在老街打卡拍照留念",
		"街道负责人说，老街改造留住了记忆",
		"也留住了老街的人，大家都很满意，",
		"以后还要继续做好老街的保护，让来",
		"逛老街的人越来越多。",
		"的人也越来越多。",
		"社区食堂开进了老旧小区，为独居老",
		"人提供上门送餐服务，老人们心里踏",
		"实，社区干部说食堂开业以后每天送",
	}
	single := []string{"社区食堂开进了老旧小区，为独居老", "人提供上门送餐服务，老人们心里踏", "实，社区干部说食堂开业以后每天送", "餐两百多份，还要再开两家新食堂，", "方便更多的老人。"}
	lines := sideBySide(single, left, right)
	got := texts(unweaveSideBySide(lines))
	want := append(append(append([]string(nil), single...), left...), right...)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("columns (-want +got):\n%s", diff)
	}
}

// sideBySide is a page of the lines of single, then of left and right set
// side by side, a line of each on one line of text.
func sideBySide(single, left, right []string) []pline {
	lines := plines(single...)
	for i := range left {
		lines = append(lines, newLine(len(lines)+1, left[i]+" "+right[i]))
	}
	return lines
}

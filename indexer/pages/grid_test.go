package pages

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestUnweaveGrid checks that three columns read a baseline at a time, as
// pdftotext gives them (a baseline broken into several lines after a
// paragraph's short last line and before an indented first one), are
// dealt back to their columns, and that lines of one column are left
// alone. A blank line ends a run.
func TestUnweaveGrid(t *testing.T) {
	a := []string{"城东新建的图书馆", "今天开门迎客藏书二十", "万册，市民排队入馆。", "馆长说周末也开放", "到晚上九点才闭馆。"}
	b := []string{"阅览室里座无虚席，孩", "子们在绘本区读书，家", "长在一旁陪伴。", "不少老人也来这里", "看报纸，说这里又安静", "又明亮。"}
	c := []string{"附近的学校组织学生来", "参观，老师带着学生借", "书，学生们借到了喜欢", "的故事书，高兴地回家", "了。一位学生说下周还", "要再来一次。"}
	text := []string{
		"图书馆开门迎客",
		a[0] + " " + b[0] + " " + c[0],
		a[1] + " " + b[1] + " " + c[1],
		a[2] + " " + b[2],
		c[2],
		a[3],
		b[3] + " " + c[3],
		a[4],
		b[4] + " " + c[4],
		b[5],
		c[5],
	}
	lines := plines(text...)
	// a blank line ends the run: pdftotext ends a block there
	after := []string{"区里新开一家书店", "书店里的书很多。"}
	for i, s := range after {
		lines = append(lines, newLine(len(text)+2+i, s))
	}
	out, changed := unweaveGrid(lines, indexPairs(lines))
	got := texts(out)
	want := append(append(append(append([]string{"图书馆开门迎客"}, a...), b...), c...), after...)
	if diff := cmp.Diff(want, got); diff != "" || !changed {
		t.Errorf("columns (changed %v, -want +got):\n%s", changed, diff)
	}
	if !out[1+len(a)].colStart || !out[1+len(a)+len(b)].colStart || out[1].colStart {
		t.Errorf("column starts not marked")
	}
	// one column, and two columns side by side, are not read as a grid
	for _, page := range [][]string{a, {a[1] + " " + b[0], a[2] + " " + b[1]}} {
		var ls []pline
		for _, s := range page {
			ls = append(ls, newLine(len(ls)+1, s))
		}
		if _, changed := unweaveGrid(ls, indexPairs(ls)); changed {
			t.Errorf("%q read as a grid", page)
		}
	}
}

// TestUnweaveGridWider checks that a run read across columns takes in a
// column whose lines were on no line of the run's first rows (its
// baseline a little off theirs): a line with more column lines than the
// rows before it widens the run.
func TestUnweaveGridWider(t *testing.T) {
	a := []string{"河边的小镇今年春天来", "了很多游客，镇上的饭", "馆和客栈都住满了人，", "老板们都很高兴。"}
	b := []string{"镇长告诉我们，为了接", "待游客，镇里新修了两", "条路，还开了一个停车", "场给游客用。"}
	c := []string{"一位游客说，这里的山", "水很美，空气也很好，", "他明年还要带家人一起", "再来玩几天。"}
	d := []string{"镇上的小学也组织学生", "做导游。", "孩子们给游客讲小镇的", "故事，讲得很好。"}
	text := []string{
		"小镇迎来游客",
		a[0] + " " + b[0] + " " + c[0],
		d[0],
		a[1] + " " + b[1] + " " + c[1] + " " + d[1],
		a[2] + " " + b[2] + " " + c[2] + " " + d[2],
		a[3], b[3], c[3], d[3],
	}
	lines := plines(text...)
	out, changed := unweaveGrid(lines, indexPairs(lines))
	got := texts(out)
	want := append(append(append(append([]string{"小镇迎来游客"}, a...), b...), c...), d...)
	if diff := cmp.Diff(want, got); diff != "" || !changed {
		t.Errorf("columns (changed %v, -want +got):\n%s", changed, diff)
	}
}

// TestUnweaveGridByline checks that a run read across columns ends at a
// byline, or a picture's caption with its credit, standing on its own
// line: the lines after it are not dealt to the columns above.
func TestUnweaveGridByline(t *testing.T) {
	a := []string{"城东新建的图书馆今天", "开门迎客，藏书有二十", "多万册，市民排队进馆", "看书。"}
	b := []string{"阅览室里座无虚席，孩", "子们在绘本区读书，家", "长们就在一旁陪着他们", "读书。"}
	c := []string{"附近的学校组织学生来", "参观，老师带着学生借", "书，学生们都很高兴地", "回家了。"}
	for _, opener := range []string{"本报记者 王小明", "图为游客在河边拍照。 李四 摄"} {
		next := []string{opener, "河边的小镇今年春天来", "了很多游客。"}
		text := []string{"图书馆开门迎客"}
		for k := 0; k < 3; k++ {
			text = append(text, a[k]+" "+b[k]+" "+c[k])
		}
		text = append(text, a[3], b[3], c[3])
		text = append(text, next...)
		lines := plines(text...)
		out, changed := unweaveGrid(lines, indexPairs(lines))
		got := texts(out)
		want := append(append(append(append([]string{"图书馆开门迎客"}, a...), b...), c...), next...)
		if diff := cmp.Diff(want, got); diff != "" || !changed {
			t.Errorf("%s: columns (changed %v, -want +got):\n%s", opener, changed, diff)
		}
	}
}

// TestUnweaveGridLead checks that the first lines of the columns, which
// pdftotext gives before the first full row (a paragraph's indented
// first line alone, set a little off the baseline beside it, over a row
// without that column's line), are dealt to their columns with the rows
// after them, up to the byline over the text. (TestUnweaveGrid checks
// that a headline over a row with every column's line stays.)
func TestUnweaveGridLead(t *testing.T) {
	a := []string{"城东公园昨天开园", "游人一早就来赏花，园", "里的樱花开得正好，孩", "子们在草地上奔跑。"}
	b := []string{"公园管理处介绍，", "今年新种了两千多株花", "木，还修了三条步道，", "方便市民散步健身。"}
	c := []string{"附近的居民都说，", "以前这里是一片荒地，", "如今成了大家休闲的好", "去处。（记者 王五 李", "六）"}
	text := []string{"城东公园开园迎来八方游客", "本报记者 赵七", a[0], b[0] + " " + c[0]}
	for i := 1; i < 4; i++ {
		text = append(text, a[i]+" "+b[i]+" "+c[i])
	}
	text = append(text, c[4])
	lines := plines(text...)
	out, changed := unweaveGrid(lines, indexPairs(lines))
	want := append(append(append([]string{text[0], text[1]}, a...), b...), c...)
	if diff := cmp.Diff(want, texts(out)); diff != "" || !changed {
		t.Errorf("columns (changed %v, -want +got):\n%s", changed, diff)
	}
}

// TestUnweaveGridBrokenLead checks that the first rows of a run read
// across five columns are dealt with it when they came broken up: the
// first column's indented line alone, the other four columns' first lines
// on the next line, a column's short last line alone after the gap left
// by its neighbour's, and a headline filling a column over them all is
// left above.
func TestUnweaveGridBrokenLead(t *testing.T) {
	head := "公园里的春天来得早了"
	a := []string{"公园的桃花开了，", "一树一树的粉红色花朵", "引来很多市民拍照，有", "的人还带着孩子来看，", "花期大约有两周左右。"}
	b := []string{"管理处今年新种了三百", "棵樱花树，还在湖边修", "了一条步道，方便市民", "散步和跑步，很多人都", "说这条路修得真不错。"}
	c := []string{"早上来锻炼的老人也多", "了起来，他们在树下打", "太极拳，跳舞唱歌，一", "直到中午才回家吃饭，", "十分热闹，人很多呢。"}
	d := []string{"湖里的游船也开始营业", "了。", "游船每天早上九点", "开门，晚上六点收船，", "票价和去年一样便宜。"}
	e := []string{"公园周末人很多，请大", "家错峰出行。"}
	text := []string{
		head,
		a[0],
		b[0] + " " + c[0] + " " + d[0] + " " + e[0],
		a[1] + " " + b[1] + " " + c[1] + " " + d[1],
		e[1],
		a[2] + " " + b[2] + " " + c[2],
		d[2],
		a[3] + " " + b[3] + " " + c[3] + " " + d[3],
		a[4] + " " + b[4] + " " + c[4] + " " + d[4],
	}
	lines := plines(text...)
	out, changed := unweaveGrid(lines, indexPairs(lines))
	got := texts(out)
	want := append(append(append(append(append([]string{head}, a...), b...), c...), d...), e...)
	if diff := cmp.Diff(want, got); diff != "" || !changed {
		t.Errorf("columns (changed %v, -want +got):\n%s", changed, diff)
	}
}

// TestUnweaveGridOffBaseline checks that an article's column beside the
// two columns of another, its lines a little off their baselines, is
// dealt back whole though its lines come each alone between their rows:
// the two columns have no line on the baselines of the third's, and do
// not end a paragraph there.
func TestUnweaveGridOffBaseline(t *testing.T) {
	a := []string{"小镇的饭馆今年春天来", "了很多游客，镇上的饭", "馆和客栈都住满了，客", "栈老板说今年生意好，", "比去年好了很多很多。"}
	b := []string{"镇长告诉我们，修了两", "条路，镇里新修了两条", "路，还开停车场和停车", "场给游客用，很方便，", "游客都说这样真方便。"}
	c := []string{"湖边游船开始营业，游", "船每早上九点出发，游", "船晚上六点回码头，游", "船票价和去年一样，游", "船的生意比去年好。", "船工说他来了十年了。"}
	text := []string{
		a[0] + " " + b[0] + " " + c[0],
		a[1] + " " + b[1] + " " + c[1],
		c[2],
		a[2] + " " + b[2],
		c[3],
		a[3] + " " + b[3],
		c[4],
		a[4] + " " + b[4],
		c[5],
	}
	lines := plines(text...)
	out, changed := unweaveGrid(lines, indexPairs(lines))
	got := texts(out)
	want := append(append(append([]string{}, a...), b...), c...)
	if diff := cmp.Diff(want, got); diff != "" || !changed {
		t.Errorf("columns (changed %v, -want +got):\n%s", changed, diff)
	}
}

// TestUnweaveGridOddLine checks that a run read across three columns is
// dealt to them though a column line cannot follow the one above it (a
// paragraph's indented first line after a full line that ends no
// sentence): one such line in six rows leaves the run columns.
func TestUnweaveGridOddLine(t *testing.T) {
	a := []string{"城东新建的图书馆今天", "开门迎客，藏书有二十", "万册，市民排队入馆，", "馆长说周末也开放", "到晚上九点才闭馆，读", "者们都很高兴地回家。"}
	b := []string{"阅览室里座无虚席，孩", "子们在绘本区读书，家", "长在一旁陪伴，不少老", "人也来这里看报纸，说", "这里又安静又明亮，每", "天都来这里坐一坐呢。"}
	c := []string{"附近的学校组织学生来", "参观，老师带着学生借", "书，学生们借到了喜欢", "的故事书，高兴地回家", "了，一位学生说下周还", "要再来一次图书馆呢。"}
	var text []string
	for i := range a {
		text = append(text, a[i]+" "+b[i]+" "+c[i])
	}
	lines := plines(text...)
	out, changed := unweaveGrid(lines, indexPairs(lines))
	got := texts(out)
	want := append(append(append([]string{}, a...), b...), c...)
	if diff := cmp.Diff(want, got); diff != "" || !changed {
		t.Errorf("columns (changed %v, -want +got):\n%s", changed, diff)
	}
}

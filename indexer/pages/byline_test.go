package pages

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestBylinePlacement checks which article a byline standing on a line
// of its own goes to, and how bylines of unusual forms are read, all
// invented text.
func TestBylinePlacement(t *testing.T) {
	runPageCases(t, []pageCase{
		{
			name: "a byline under a headline and over 本报讯 opens the next article",
			lines: []string{
				"城郊新建三座口袋公园",
				"本报讯 城郊今年新建三座口袋公园，市民出门五",
				"分钟就能走进绿地。",
				"老街茶馆重新开张",
				"首席记者 柯九",
				"本报讯 老街上的百年茶馆昨天重新开张，老茶客们",
				"一早就来排队，说还是这里的茶好喝。",
			},
			want: []seen{
				{"城郊新建三座口袋公园", nil},
				{"老街茶馆重新开张", []string{"柯九"}},
			},
			in: []string{"分钟", "老茶客"},
		},
		{
			name: "a byline after a bullet opens the article under it, even after text",
			lines: []string{
				"城郊新建三座口袋公园",
				"本报讯 城郊今年新建三座口袋公园，市民出门五",
				"分钟就能走进绿地。",
				"■本报记者  柯九",
				"老街上的百年茶馆昨天重新开张，老茶客们一早就",
				"来排队，说还是这里的茶好喝。",
			},
			want: []seen{
				{"城郊新建三座口袋公园", nil},
				{"derived老街上的百年茶馆昨天重新开张", []string{"柯九"}},
			},
			in: []string{"分钟", "老茶客"},
		},
		{
			name: "a byline between text and a headline is not the next article's, even after a piece signed under its headline",
			lines: []string{
				"老街茶馆重新开张",
				"本报记者 柯九",
				"老街上的百年茶馆昨天重新开张，老茶客们一早",
				"就来排队，说还是这里的茶好喝。",
				"本报通讯员 陶七",
				"河口大桥昨天合龙",
				"本报讯（记者 林一）河口大桥昨天合龙，两岸往",
				"来只要十分钟，比坐渡船快了许多。",
			},
			want: []seen{
				{"老街茶馆重新开张", []string{"柯九"}},
				{"河口大桥昨天合龙", []string{"林一"}},
			},
			in: []string{"老茶客", "坐渡船"},
		},
		{
			name: "a byline between text and a lead naming its own reporters closes the text before it",
			lines: []string{
				"老街茶馆重新开张",
				"本报记者 柯九",
				"老街上的百年茶馆昨天重新开张，老茶客们一早",
				"就来排队，说还是这里的茶好喝。",
				"本报通讯员 陶七",
				"本报讯（记者 林一）河口大桥昨天合龙，两岸往",
				"来只要十分钟，比坐渡船快了许多。",
			},
			want: []seen{
				{"老街茶馆重新开张", []string{"柯九"}},
				{"derived河口大桥昨天合龙", []string{"林一"}},
			},
			in: []string{"老茶客", "坐渡船"},
		},
		{
			name: "a heading between lists of items each signed by its reporter groups items of one piece",
			lines: []string{
				"热线求助件件有回音",
				"本报讯（记者 林一）本周热线接到求助上百件，记者",
				"逐一联系有关部门，多数已经解决。",
				"买菜难题",
				"1.城东某小区的张女士求助，家中老人行动不便，",
				"买不到新鲜蔬菜。记者联系街道后，志愿者已把菜送",
				"到家中。",
				"本报记者 柯九",
				"2.城西某小区的王先生求助，小区团购的米面迟迟",
				"没有送到。经过协调，物资当天就送到了。",
				"本报记者 陶七",
				"看病难题",
				"1.城南的李女士求助，孩子发烧需要就医。记者联",
				"系社区后，车辆把母子送到了医院。",
				"本报记者 苗八",
			},
			want: []seen{{"热线求助件件有回音", []string{"林一", "柯九", "陶七", "苗八"}}},
			in:   []string{"买菜难题\n", "看病难题\n", "送到了医院"},
		},
		{
			name: "a lead that is only its byline signs the text under it, which opens with a relayed dateline",
			lines: []string{
				"河口大桥昨天合龙",
				"本报讯（记者 林一）",
				"据新华社江城5月3日电（记者 钱二）河口大桥昨",
				"天合龙，两岸往来只要十分钟，比坐渡船快了许",
				"多，岸边的居民盼了很多年。",
			},
			want: []seen{{"河口大桥昨天合龙", []string{"林一"}}},
			in:   []string{"坐渡船"},
		},
		{
			name: "a byline after a photo credit on the last line",
			lines: []string{
				"雪后西山",
				"一场春雪过后，西山银装素裹，游人踏雪登山，",
				"赏雪景，拍雪照。图为山顶的观景台。",
				"吕六摄（城市影像） 记者 苗八",
			},
			want: []seen{{"雪后西山", []string{"苗八"}}},
			in:   []string{"观景台"},
		},
		{
			name: "a closing byline naming others than the lead's is not the article's",
			lines: []string{
				"城郊新建三座口袋公园",
				"本报讯（记者 陶七）城郊今年新建三座口袋公园，",
				"市民出门五分钟就能走进绿地。",
				"老街上的百年茶馆昨天重新开张，老茶客们一早就",
				"来排队，说还是这里的茶好喝。",
				"（本报记者 柯九）",
			},
			want: []seen{{"城郊新建三座口袋公园", []string{"陶七"}}},
			in:   []string{"本报记者柯九"},
		},
		{
			name: "a closing byline in brackets wrapped over several lines, names broken",
			lines: []string{
				"各地春耕备耕有序展开",
				"本报讯 眼下正值春耕备耕时节，各地抢抓农时，",
				"组织农机下田，保障农资供应。",
				"（综合本报记者陶七、柯",
				"九、苗八、吕六、钱",
				"小五报道）",
			},
			want: []seen{{"各地春耕备耕有序展开", []string{"陶七", "柯九", "苗八", "吕六", "钱小五"}}},
			in:   []string{"保障农资供应。"},
		},
		{
			name: "a closing byline in brackets with a long list of names on its second line",
			lines: []string{
				"各地春耕备耕有序展开",
				"本报讯 眼下正值春耕备耕时节，各地抢抓农时，",
				"组织农机下田，保障农资供应。",
				"（综合本报记者陶七、柯九、苗",
				"八、吕六、钱小五、孙四、周二报道）",
			},
			want: []seen{{"各地春耕备耕有序展开", []string{"陶七", "柯九", "苗八", "吕六", "钱小五", "孙四", "周二"}}},
			in:   []string{"保障农资供应。"},
		},
		{
			name: "a closing byline naming others than the one under the headline is not the article's",
			lines: []string{
				"城郊新建三座口袋公园",
				"□ 本报记者 陶七",
				"城郊今年新建三座口袋公园，市民出门五分钟就能",
				"走进绿地。老街上的百年茶馆昨天重新开张，老茶",
				"客们一早就来排队，说还是这里的茶好喝。",
				"本报记者 柯九",
			},
			want: []seen{{"城郊新建三座口袋公园", []string{"陶七"}}},
			in:   []string{"本报记者柯九"},
		},
		{
			name: "a summary under the byline goes on with the dateline after it",
			lines: []string{
				"市长在全市工作会议上强调抓好春耕生产",
				"本报记者 陶七",
				"■ 春耕生产是全年农业的基础，必须抓早抓实，",
				"确保不误农时。",
				"本报北京3月5日电 市长5日上午出席全市工作会议，",
				"部署今年的春耕生产，要求各区抓好农资供应。",
			},
			want: []seen{{"市长在全市工作会议上强调抓好春耕生产", []string{"陶七"}}},
			in:   []string{"农资供应"},
		},
		{
			name: "a summary under a lead that is only its byline goes on with the dateline",
			lines: []string{
				"市长在全市工作会议上强调抓好春耕生产",
				"本 报 讯   （   记 者   陶 七   ）",
				"■ 春耕生产是全年农业的基础，必须抓早抓实，",
				"确保不误农时。",
				"本报北京3月5日电 市长5日上午出席全市工作会议，",
				"部署今年的春耕生产，要求各区抓好农资供应。",
			},
			want: []seen{{"市长在全市工作会议上强调抓好春耕生产", []string{"陶七"}}},
			in:   []string{"农资供应"},
		},
	})
}

// TestPhotoReport checks that 摄影报道 closing a byline, in brackets or
// not, names photographers who are reporters too, and is no name.
func TestPhotoReport(t *testing.T) {
	for _, line := range []string{"（本报记者 苗八  吕六 摄影报道）", "本报记者 苗八 吕六 摄影报道"} {
		b, _, ok := parseBylineLine(line)
		if !ok || !cmp.Equal(b.names, []string{"苗八", "吕六"}) || !cmp.Equal(b.photos, b.names) {
			t.Errorf("parseBylineLine(%q) = %q, photos %q, %v", line, b.names, b.photos, ok)
		}
	}
}

// TestBylineForms checks bylines set as papers print them, beyond the
// plainest forms: a mark or 文/ before the role, a posting in the role,
// words and pictures credited on one line. All names are invented.
func TestBylineForms(t *testing.T) {
	for _, tc := range []struct {
		line          string
		names, roles  []string
		photos        []string
		marked, valid bool
	}{
		{"文/本报记者 苗八", []string{"苗八"}, []string{"本报记者"}, nil, false, true},
		{"□ 文/本报记者 苗八", []string{"苗八"}, []string{"本报记者"}, nil, true, true},
		{"◇本报记者 苗八", []string{"苗八"}, []string{"本报记者"}, nil, true, true},
		{"△ 本报记者 苗八 吕六 钱九", []string{"苗八", "吕六", "钱九"}, []string{"本报记者", "本报记者", "本报记者"}, nil, true, true},
		{"本报首席记者 苗八", []string{"苗八"}, []string{"本报首席记者"}, nil, false, true},
		{"本报驻京记者 苗八", []string{"苗八"}, []string{"本报驻京记者"}, nil, false, true},
		{"新华社驻上海记者 苗八", []string{"苗八"}, []string{"新华社驻上海记者"}, nil, false, true},
		{"本报记者 苗八 吕六文 本报记者 钱九摄", []string{"苗八", "吕六"}, []string{"本报记者", "本报记者"}, []string{"钱九"}, false, true},
		{"本报记者 苗八 文  钱九 摄", []string{"苗八"}, []string{"本报记者"}, []string{"钱九"}, false, true},
		{"本报记者 苗文 钱九摄", nil, nil, nil, false, false}, // a photo credit alone
		{"本报记者 钱九 摄", nil, nil, nil, false, false},
		{"记者手记", nil, nil, nil, false, false}, // a heading
		{"记者调查", nil, nil, nil, false, false},
		{"记者王五", []string{"王五"}, []string{"记者"}, nil, false, true},
	} {
		b, _, ok := parseBylineLine(tc.line)
		if ok != tc.valid || !cmp.Equal(b.names, tc.names) || !cmp.Equal(b.roles, tc.roles) ||
			!cmp.Equal(b.photos, tc.photos) || b.marked != tc.marked {
			t.Errorf("parseBylineLine(%q) = %q %q photos %q marked %v, %v; want %q %q %q %v, %v",
				tc.line, b.names, b.roles, b.photos, b.marked, ok, tc.names, tc.roles, tc.photos, tc.marked, tc.valid)
		}
	}
	for _, tc := range []struct {
		para  string
		names []string
	}{
		{"全市今年新增绿地两千公顷。（本报见习记者 苗八）", []string{"苗八"}},
		{"全市今年新增绿地两千公顷。（全媒体记者 苗八 吕六）", []string{"苗八", "吕六"}},
		{"全市今年新增绿地两千公顷。（本报实习生 苗八）", []string{"苗八"}},
		{"全市今年新增绿地两千公顷。（首席记者 苗八）", []string{"苗八"}},
		{"全市今年新增绿地两千公顷。（本报记者 苗八 吕六 摄影报道）", []string{"苗八", "吕六"}},
		{"全市今年新增绿地两千公顷。（综合本报记者苗八、吕六报道）", []string{"苗八", "吕六"}},
	} {
		if names, _ := parseEndByline(tc.para); !cmp.Equal(names, tc.names) {
			t.Errorf("parseEndByline(%q) = %q, want %q", tc.para, names, tc.names)
		}
	}
}

// TestHeadingUnderLead checks that a line read as a heading right under
// a lead that is only its byline (本报讯（记者 X） / 探店 / text) stays in
// the lead's article instead of splitting it.
func TestHeadingUnderLead(t *testing.T) {
	mk := func(k lineKind, t string) pline { l := newLine(1, t); l.kind = k; return l }
	for _, tc := range []struct {
		lead   string
		drafts int
	}{
		{"本报讯（记者 柯九）", 1},
		{"本报讯（记者 柯九）老街上的茶馆", 2}, // the lead has text: the heading is one
	} {
		lines := []pline{
			mk(kHead, "老街茶馆重新开张"),
			mk(kStart, tc.lead),
			mk(kHead, "探店"),
			mk(kBody, "老街上的百年茶馆昨天重新开张，老茶客们一早就"),
			mk(kBody, "来排队，说还是这里的茶好喝。"),
		}
		if drafts, _ := splitArticles(lines); len(drafts) != tc.drafts {
			t.Errorf("lead %q: %d drafts, want %d", tc.lead, len(drafts), tc.drafts)
		}
	}
}

// TestForeignClosingByline checks which closing bylines an article
// whose lead names its reporters takes: one naming others is a piece run
// on after it and stays as text; several, one after each section, are
// the sections' own.
func TestForeignClosingByline(t *testing.T) {
	mk := func(k lineKind, t string) pline { l := newLine(1, t); l.kind = k; return l }
	end := func(name string) pline {
		b, _, _ := parseBylineLine("本报记者 " + name)
		return pline{n: 1, kind: kEndByline, by: &b, text: "本报记者 " + name}
	}
	for _, tc := range []struct {
		name    string
		bylines []pline
		want    []string
		kept    string // text the body must hold
	}{
		{"one closing byline naming another", []pline{end("柯九")}, []string{"陶七"}, "本报记者柯九"},
		{"one naming the lead's reporter again", []pline{end("陶七")}, []string{"陶七"}, ""},
		{"one after each section", []pline{end("柯九"), end("苗八")}, []string{"陶七", "柯九", "苗八"}, ""},
	} {
		d := &draft{
			lines: []pline{
				mk(kStart, "本报讯（记者 陶七）城郊今年新建三座口袋公园。"),
				mk(kBody, "东园里种上了樱花和海棠，每到春天花开满园。"),
			},
			bylines: tc.bylines,
		}
		d.setBody()
		p := &parser{name: "x.txt"}
		a, _ := p.article(d, 1, Page{})
		if !cmp.Equal(a.Reporters, tc.want) {
			t.Errorf("%s: reporters %q, want %q", tc.name, a.Reporters, tc.want)
		}
		if !strings.Contains(a.Body, tc.kept) {
			t.Errorf("%s: the byline left out is not kept as text: %q", tc.name, a.Body)
		}
	}
}

// TestSubtitleReadAsText checks that one line read as text between a
// headline and a byline, with text after the byline, goes back to the
// headline: no article is a single line.
func TestSubtitleReadAsText(t *testing.T) {
	mk := func(k lineKind, t string) pline { l := newLine(1, t); l.kind = k; return l }
	for _, tc := range []struct {
		sub    string
		drafts int
		head   int // lines of the headline block
	}{
		{"不必担心，春天就要来了！", 1, 2},
		{"老茶客们说，还是这里的茶好喝。", 2, 1}, // a sentence: text
	} {
		by, _, _ := parseBylineLine("首席记者 柯九")
		bl := mk(kByline, "首席记者 柯九")
		bl.by = &by
		lines := []pline{
			mk(kHead, "老街茶馆重新开张"),
			mk(kBody, tc.sub),
			bl,
			mk(kBody, "老街上的百年茶馆昨天重新开张，老茶客们一早就"),
			mk(kBody, "来排队，说还是这里的茶好喝。"),
		}
		drafts, blocks := splitArticles(lines)
		if len(drafts) != tc.drafts || len(blocks) != 1 || len(blocks[0].lines) != tc.head {
			t.Errorf("%q: %d drafts, %d blocks, want %d drafts and a block of %d lines", tc.sub, len(drafts), len(blocks), tc.drafts, tc.head)
			continue
		}
		if d := drafts[0]; tc.drafts == 1 && (len(d.bylines) != 1 || !d.opened || blocks[0].next != 0) {
			t.Errorf("%q: the byline does not open the article under the headline", tc.sub)
		}
	}
}

// TestTailPhotoReport checks that a byline closing with 摄影报道 after
// the last sentence of a line of text ends the article and names its
// reporters: the 摄 of 摄影报道 is no photo credit's end.
func TestTailPhotoReport(t *testing.T) {
	runPageCases(t, []pageCase{
		{
			name: "摄影报道 after the last sentence",
			lines: []string{
				"清晨的菜市场",
				"天刚亮，城东菜市场的摊主们已经摆好了摊，新",
				"鲜的蔬菜一筐筐码得整整齐齐，老主顾们陆续赶来，",
				"挑好菜就匆匆回家做早饭，这是城东最热闹的时刻。",
				"市场一角的早点铺也排起了长队，热气腾腾的包",
				"子刚出笼就卖完了。  本报记者 苗八  吕六 摄影报道",
				"河口大桥昨天合龙",
				"本报讯（记者 林一）河口大桥昨天合龙，两岸往",
				"来只要十分钟，比坐渡船快了许多。",
			},
			want: []seen{
				{"清晨的菜市场", []string{"苗八", "吕六"}},
				{"河口大桥昨天合龙", []string{"林一"}},
			},
			in: []string{"卖完了。", "十分钟"},
		},
	})
}

// TestSectionAfterBox checks that a piece opened by an editor's note and
// set in signed sections (a kicker ending in a dash, a title, a byline)
// keeps its sections after a box of short articles set amid it: the
// section after the box names its reporter in the piece, and the box's
// article stays apart.
func TestSectionAfterBox(t *testing.T) {
	runPageCases(t, []pageCase{
		{
			name: "a signed section after a box",
			lines: []string{
				"乡村振兴一线见闻",
				"本报讯 新春佳节，记者走进乡村，记录群众生活的新",
				"变化。",
				"——编者",
				"东山县溪口村——",
				"果园里的新年",
				"本报记者 吴小川",
				"清晨，果园里已经忙碌起来，果农们正在为春季修剪",
				"做准备。今年的果子卖得好，大家干劲都很足。",
				"城郊新建三座口袋公园",
				"本报讯（记者 林一）城郊今年新建三座口袋公园，",
				"市民出门五分钟就能走进绿地。",
				"西岭县石门村——",
				"茶园里的新路",
				"本报记者 钱小雨",
				"一条新修的水泥路通到了茶园门口，茶农们采下的",
				"新茶当天就能运进县城。",
			},
			want: []seen{
				{"乡村振兴一线见闻", []string{"吴小川", "钱小雨"}},
				{"城郊新建三座口袋公园", []string{"林一"}},
			},
			in: []string{"果园", "口袋公园"},
		},
		{
			name: "a credit for the page closes the piece",
			lines: []string{
				"乡村振兴一线见闻",
				"本报讯 新春佳节，记者走进乡村，记录群众生活的新",
				"变化。",
				"——编者",
				"东山县溪口村——",
				"果园里的新年",
				"本报记者 吴小川",
				"清晨，果园里已经忙碌起来，果农们正在为春季修剪",
				"做准备。今年的果子卖得好，大家干劲都很足。",
				"本版制图：郑一",
				"社区里的议事会",
				"开栏的话",
				"居民的事居民商量，本报今起推出新栏目，记录社区",
				"议事会的故事。",
				"城南街道——",
				"加装电梯有了新办法",
				"本报记者 钱小雨",
				"老楼加装电梯，难在意见统一，议事会上，居民们",
				"坐下来一条条商量，终于达成了一致。",
			},
			want: []seen{
				{"乡村振兴一线见闻", []string{"吴小川"}},
				// the section under the new column's note is the column's
				{"社区里的议事会开栏的话", []string{"钱小雨"}},
			},
			in: []string{"果园", "议事会的故事", "老楼加装电梯"},
		},
	})
}

// TestContinuationUnindented checks that where paragraphs are indented,
// a full line after the short last line of a paragraph in a box set amid
// an article opens no paragraph there: it goes on the text broken off
// before the box, even when no pair of characters across the break is
// found elsewhere on the page.
func TestContinuationUnindented(t *testing.T) {
	runPageCases(t, []pageCase{
		{
			name: "an unindented line after a brief",
			lines: []string{
				"社区食堂开进老旧小区",
				"  社区食堂日前在老旧小区开张，为独居老人",
				"提供上门送餐服务，老人们心里踏实了。每天中午",
				"志愿者把饭菜送到老人家中，老人们说，饭菜热乎",
				"城区新增三条公交线路",
				"本报讯（记者 王八）本市昨起新开三条微循环",
				"公交线路，方便居民就近换乘，早晚高峰时段每",
				"十分钟一班，沿线设有二十多个站点，覆盖了城",
				"北的多个小区。",
				"  公交公司说，新线路开通后，还将根据客流",
				"调整班次。",
				"  不少市民说，新线路开通后，上班路上节省",
				"了时间。",
				"可口。社区干部说，食堂开业一个月来，每天送餐",
				"两百多份，老人们的满意度很高。",
			},
			want: []seen{
				{"社区食堂开进老旧小区", nil},
				{"城区新增三条公交线路", []string{"王八"}},
			},
			in: []string{"饭菜热乎可口", "节省了时间。"},
		},
	})
}

// TestPageCreditCloses checks that a credit for the page's pictures
// (本版图片由受访者提供) after a piece closes it: a heading after the
// credit heads the next article, not a section of the piece, even where
// the texts share their words.
func TestPageCreditCloses(t *testing.T) {
	runPageCases(t, []pageCase{
		{
			name: "a heading after 本版图片由受访者提供",
			lines: []string{
				"社区食堂开进老旧小区",
				"本报记者 郑七",
				"社区食堂日前在老旧小区开张，为独居老人提供",
				"上门送餐服务，老人们心里踏实了。",
				"本版图片由受访者提供",
				"送餐上门",
				"社区的老人们说，食堂送餐上门，老人们心里踏",
				"实了，社区食堂的饭菜也合老人们的口味。",
			},
			want: []seen{
				{"社区食堂开进老旧小区", []string{"郑七"}},
				{"送餐上门", nil},
			},
			in: []string{"心里踏实了", "合老人们的口味"},
		},
	})
}

// TestLeadWithTextLine checks that a line of the neighbouring column read
// between the lines of a lead's byline (记 / 市民们都说新修的公园很好、林 /
// 者 苗八 吕六）) is left out of it: its last character joins no name.
func TestLeadWithTextLine(t *testing.T) {
	b := parseLead("新华社北京3月1日电（记\n市民们都说新修的公园很好、林\n者 苗八  吕六）  全市")
	if !cmp.Equal(b.names, []string{"苗八", "吕六"}) || !cmp.Equal(b.roles, []string{"记者", "记者"}) {
		t.Errorf("names %q roles %q, want [苗八 吕六] as 记者", b.names, b.roles)
	}
	b = parseLead("本报讯 （记者柯九 实\n习生吕六） 全市新修的公园")
	if !cmp.Equal(b.names, []string{"柯九", "吕六"}) {
		t.Errorf("names %q, want [柯九 吕六]: a role broken over lines is no text", b.names)
	}
}

package pages

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// eveningFixture is an invented inner page of an evening paper: running
// headers with a letter page number, a section and editors without colons;
// a block of two headlines above their articles; a headline with an
// enumeration comma; a kicker, headline and dashed subtitle over a bullet
// byline with a spaced-out name; a photo credit; a second page after a form
// feed whose article ends with its byline in brackets.
const eveningFixture = "testdata/xmwb-2022-04-02-A5.txt"

func TestEveningInnerPages(t *testing.T) {
	pages, warns := parseFile(t, eveningFixture)
	if len(warns) > 0 {
		t.Errorf("unexpected warnings: %v", warns)
	}
	if len(pages) != 2 {
		t.Fatalf("got %d pages, want 2", len(pages))
	}
	for i, w := range []struct{ page, section string }{{"A5", "上海新闻"}, {"A6", "上海新闻"}} {
		pg := pages[i]
		if pg.Paper != "新民晚报" || pg.Date != "2022-04-02" || pg.Page != w.page || pg.Section != w.section {
			t.Errorf("page %d = %q %q %q %q, want 新民晚报 2022-04-02 %s %s", i+1, pg.Paper, pg.Date, pg.Page, pg.Section, w.page, w.section)
		}
	}
	want := [][]wantArticle{{
		{Headline: "城区新增三条微循环公交线路", Source: "本报讯", Reporters: []string{"张佳琪"}, Roles: []string{"记者"}},
		{Headline: "老年大学秋季班开始报名", Source: "本报讯", Reporters: []string{"陈一鸣"}, Roles: []string{"记者"}},
		{Headline: "城乡居民医保、养老保险待遇同步提高", Source: "本报讯",
			Reporters: []string{"刘思远", "黄海"}, Roles: []string{"记者", "通讯员"}},
		{Kicker: "聚焦民生实事", Headline: "老旧小区加装电梯按下快进键", Subtitle: "——市区两级联动破解“上楼难”",
			Reporters: []string{"周敏"}, Roles: []string{"本报记者"}},
	}, {
		{Headline: "春季植树活动在滨江绿地举行", Reporters: []string{"郑小雨"}, Roles: []string{"本报记者"}},
	}}
	for i, pw := range want {
		var g []wantArticle
		for _, a := range pages[i].Articles {
			g = append(g, got(a))
		}
		if diff := cmp.Diff(pw, g); diff != "" {
			t.Errorf("page %d articles (-want +got):\n%s", i+1, diff)
		}
	}
	if len(pages[0].Articles) != 4 || len(pages[1].Articles) != 1 {
		t.FailNow()
	}
	// Each article of the headline block got its own text, not the other's.
	a1, a2 := pages[0].Articles[0], pages[0].Articles[1]
	if strings.Contains(a1.Body, "老年大学") || !strings.Contains(a2.Body, "老年大学") || !strings.Contains(a1.Body, "微循环线路均采用") {
		t.Errorf("block headlines matched to the wrong text:\n1: %q\n2: %q", a1.Body, a2.Body)
	}
	lift := pages[0].Articles[3]
	if diff := cmp.Diff([]string{"吴海涛"}, lift.Photographers); diff != "" {
		t.Errorf("photographers (-want +got):\n%s", diff)
	}
	if !strings.HasSuffix(lift.Body, "图为工人在小区内安装电梯井道。本报记者吴海涛摄") {
		t.Errorf("photo caption not kept at the end of the body: %q", lift.Body)
	}
	tree := pages[1].Articles[0]
	if strings.Contains(tree.Body, "郑小雨") || !strings.HasSuffix(tree.Body, "吸引不少家长带着孩子参与。") {
		t.Errorf("end byline left in the body: %q", tree.Body)
	}
	for _, pg := range pages {
		for _, a := range pg.Articles {
			for _, h := range []string{"责任编辑", "责编", "王晓东", "孙丽", "星期六", "上海新闻"} {
				if strings.Contains(a.Body+a.Headline+a.Subtitle+a.Kicker, h) {
					t.Errorf("article %q: running header %q in the text", a.Headline, h)
				}
			}
		}
	}
}

func TestRunningHeaders(t *testing.T) {
	for _, tc := range []struct {
		line                string
		page, section, date string
	}{
		{"2022年4月2日 星期六 A5 上海新闻 责任编辑 王晓东 视觉设计 李雯", "A5", "上海新闻", "2022-04-02"},
		{"2023年7月22日 星期六 第3版 长三角·城市 责编 孙丽", "3", "长三角·城市", "2023-07-22"},
		{"2024年1月5日 第12版 文化周刊", "12", "文化周刊", "2024-01-05"},
	} {
		var h header
		if !readHeaderLine(tc.line, &h, false) {
			t.Errorf("%q not read as a running header", tc.line)
			continue
		}
		d, probs := h.date()
		if h.page != tc.page || h.section != tc.section || d != tc.date || len(probs) > 0 {
			t.Errorf("%q: page %q section %q date %q %v, want %q %q %q", tc.line, h.page, h.section, d, probs, tc.page, tc.section, tc.date)
		}
	}
	for _, line := range []string{"本报记者 张三 李四", "编辑 张三 说", "市民 王五"} {
		if isHeaderLine(line) {
			t.Errorf("%q read as a running header", line)
		}
	}
}

func TestBodyWidthHeadline(t *testing.T) {
	text := page(
		"本报讯（记者 林一）昨天，全市夏粮收购工作全面展开，各收购点秩序",
		"井然。",
		"全市首批十个口袋公园建成开放周边居民休闲健身更方便",
		"近日，全市首批十个口袋公园陆续建成开放。这些口袋公园利用城市",
		"边角地块改造而成，配备步道、座椅和健身器材，周边居民下楼就能",
		"休闲健身，成为城市里的“小客厅”。",
	)
	arts := articlesOf(t, text, 2)
	if arts[1].Headline != "全市首批十个口袋公园建成开放周边居民休闲健身更方便" || arts[1].HeadlineDerived {
		t.Errorf("headline = %q (derived %v)", arts[1].Headline, arts[1].HeadlineDerived)
	}
	if !strings.HasPrefix(arts[1].Body, "近日，全市首批") || strings.Contains(arts[0].Body, "口袋公园") {
		t.Errorf("bodies = %q / %q", arts[0].Body, arts[1].Body)
	}
}

func TestFirstLineStaysBody(t *testing.T) {
	// A paragraph's first line without punctuation, whose words do not
	// come again, is text, not a headline.
	text := page(
		"本报讯（记者 林一）昨天，全市夏粮收购工作全面展开，各收购点秩序",
		"井然。",
		"据了解今年全市小麦种植面积比去年略有增加单产水平",
		"稳中有升，预计总产量再创新高。农业部门组织农机手跨区",
		"作业，确保颗粒归仓。各地还开设了售粮绿色通道，方便",
		"农民就近售粮，减少排队等候时间。",
	)
	pages, _ := parseString(t, "x.txt", text)
	arts := pages[0].Articles
	if len(arts) != 1 || !strings.Contains(arts[0].Body, "据了解今年全市小麦种植面积") {
		t.Errorf("articles = %+v", arts)
	}
}

func TestQuestionKicker(t *testing.T) {
	text := page(
		"老人独居在家，谁来上门送餐？",
		"社区“爱心食堂”开进居民楼",
		"本报讯（记者 孙一）社区“爱心食堂”日前在老旧小区开张，为独居老人",
		"提供上门送餐服务。",
	)
	arts := articlesOf(t, text, 1)
	if arts[0].Kicker != "老人独居在家，谁来上门送餐？" || arts[0].Headline != "社区“爱心食堂”开进居民楼" {
		t.Errorf("kicker / headline = %q / %q", arts[0].Kicker, arts[0].Headline)
	}
	if strings.Contains(arts[0].Body, "谁来上门送餐") {
		t.Errorf("kicker left in the body: %q", arts[0].Body)
	}
}

func TestPrintPageForms(t *testing.T) {
	text := strings.Join([]string{
		"2024年5月6日 星期一 3",
		"综合新闻",
		"责任编辑：张伟 李娜  版式设计：王敏",
		"科技赋能春耕生产",
		"智慧农机下田 “云端”管理到户",
		"本报记者 李 强 通讯员 王小明",
		"眼下正值春耕时节，在城郊的万亩良田里，无人驾驶拖拉机往来穿梭，",
		"植保无人机在空中作业。",
		"■ 文/图 本报记者 赵 敏",
		"城市书房成市民“充电站”",
		"走进位于老城区的城市书房，书架上整齐摆放着各类图书，不少市民正在",
		"安静阅读。",
		"【评论】",
		"让阅读成为城市的底色",
		"城市书房的兴起，折射出市民对精神文化生活的新期待。",
		"（作者为本报评论员）",
	}, "\n")
	pages, warns := parseString(t, "gmrb-2024-05-06-03.txt", text)
	if len(warns) > 0 {
		t.Errorf("unexpected warnings: %v", warns)
	}
	pg := pages[0]
	if pg.Paper != "光明日报" || pg.Page != "3" || pg.Section != "综合新闻" {
		t.Errorf("page = %q %q %q", pg.Paper, pg.Page, pg.Section)
	}
	want := []wantArticle{
		{Kicker: "科技赋能春耕生产", Headline: "智慧农机下田 “云端”管理到户",
			Reporters: []string{"李强", "王小明"}, Roles: []string{"本报记者", "通讯员"}},
		{Headline: "城市书房成市民“充电站”", Reporters: []string{"赵敏"}, Roles: []string{"本报记者"}},
		{Column: "评论", Headline: "让阅读成为城市的底色"},
	}
	var g []wantArticle
	for _, a := range pg.Articles {
		g = append(g, got(a))
	}
	if diff := cmp.Diff(want, g); diff != "" {
		t.Errorf("articles (-want +got):\n%s", diff)
	}
	if len(pg.Articles) == 3 && !strings.HasSuffix(pg.Articles[2].Body, "（作者为本报评论员）") {
		t.Errorf("author note not kept at the end: %q", pg.Articles[2].Body)
	}
}

func TestSectionNames(t *testing.T) {
	for _, s := range []string{"上海新闻", "长三角·城市", "文体新闻/体育", "战疫/帮侬忙", "新闻/社会/法治"} {
		if !isSectionName(s) {
			t.Errorf("isSectionName(%q) = false", s)
		}
	}
	for _, s := range []string{"·城市", "城市/", "本报记者张三李四", "A5", "要/", "一/二"} {
		if isSectionName(s) {
			t.Errorf("isSectionName(%q) = true", s)
		}
	}
}

func TestAuthorUnderHeadline(t *testing.T) {
	for _, tc := range []struct {
		author string
		want   []string
	}{
		{"葛春明", []string{"葛春明"}},
		{"◆周明远", []string{"周明远"}},
		{"文/付小宏", []string{"付小宏"}},
		{"欧阳晓东", []string{"欧阳晓东"}},
	} {
		text := page(
			"读书的春天",
			tc.author,
			"春天来了，窗外的玉兰开得正好。翻开一本旧书，纸页间还夹着",
			"去年的书签，仿佛时光从未走远。",
		)
		pages, _ := parseString(t, "x.txt", text)
		arts := pages[0].Articles
		if len(arts) != 1 || arts[0].Headline != "读书的春天" || arts[0].Subtitle != "" || !cmp.Equal(arts[0].Reporters, tc.want) {
			t.Errorf("author %q: got %+v", tc.author, arts)
		}
	}
	// A four-character line under a headline is a subtitle, not a name.
	pages, _ := parseString(t, "x.txt", page("读书的春天", "喜迎新春", "春天来了，窗外的玉兰开得正好。"))
	if a := pages[0].Articles[0]; len(a.Reporters) != 0 {
		t.Errorf("喜迎新春 read as an author: %+v", a)
	}
}

func TestIntertitles(t *testing.T) {
	text := page(
		"老街焕新记",
		"本报记者 钱小雨",
		"城南老街改造完工后，老街的青石板路重新铺好，沿街的老字号陆续回归，",
		"老街的烟火气又回来了。",
		"留住老街记忆",
		"改造中，老街保留了青石板路和老字号的木门窗，老街居民说，走在老街上，",
		"还是小时候的感觉。老字号的老师傅也回到了老街。",
		"新业态添活力",
		"老街上还开出了书店和咖啡馆，老街的年轻人多了，老字号的生意也更好了。",
	)
	arts := articlesOf(t, text, 1)
	if !strings.Contains(arts[0].Body, "\n留住老街记忆\n") || !strings.Contains(arts[0].Body, "\n新业态添活力\n") {
		t.Errorf("intertitles not kept as paragraphs: %q", arts[0].Body)
	}
	// Two stories on different subjects stay apart even without bylines.
	text = page(
		"老街焕新记",
		"本报记者 钱小雨",
		"城南老街改造完工后，老街的青石板路重新铺好，沿街的老字号陆续回归，",
		"老街的烟火气又回来了。",
		"全市春季运动会开幕",
		"昨天，全市春季运动会在体育中心开幕，来自各区的两千余名运动员参加",
		"田径、游泳等十二个项目的比赛。",
	)
	articlesOf(t, text, 2)
}

func TestEditorNoteSignature(t *testing.T) {
	text := page(
		"乡村振兴一线见闻",
		"编者按：新春佳节，记者走进乡村，记录群众生活的新变化。",
		"——编者",
		"果园里的新年",
		"本报记者 吴小川",
		"清晨，果园里已经忙碌起来，果农们正在为春季修剪做准备。",
		"（本报记者吴小川采访整理）",
	)
	pages, _ := parseString(t, "x.txt", text)
	for _, a := range pages[0].Articles {
		for _, f := range []string{a.Kicker, a.Headline, a.Subtitle} {
			if strings.Contains(f, "——编者") || strings.Contains(f, "采访整理") {
				t.Errorf("note line %q taken for a headline: %+v", f, a)
			}
		}
	}
	var all string
	for _, a := range pages[0].Articles {
		all += a.Body
	}
	if !strings.Contains(all, "——编者") {
		t.Errorf("note line lost from the bodies: %q", all)
	}
	// The closing note names the reporter who wrote the piece up.
	last := pages[0].Articles[len(pages[0].Articles)-1]
	if diff := cmp.Diff([]string{"吴小川"}, last.Reporters); diff != "" {
		t.Errorf("reporters from （本报记者吴小川采访整理） (-want +got):\n%s", diff)
	}
}

package pages

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"baoku/indexer/article"
)

// wantArticle is what the acceptance table says of one article.
type wantArticle struct {
	Column, Kicker, Headline, Subtitle string
	HeadlinePrefix                     string // for derived headlines
	Derived                            bool
	Source, Dateline                   string
	Reporters, Roles                   []string
}

// got is the part of an article the acceptance table talks about.
func got(a article.Article) wantArticle {
	w := wantArticle{Column: a.Column, Kicker: a.Kicker, Headline: a.Headline, Subtitle: a.Subtitle,
		Derived: a.HeadlineDerived, Source: a.Source, Dateline: a.Dateline, Reporters: a.Reporters, Roles: a.Roles}
	return w
}

func TestSamplePage(t *testing.T) {
	pages, warns := parseFile(t, samplePage)
	if len(pages) != 1 {
		t.Fatalf("got %d pages, want 1", len(pages))
	}
	pg := pages[0]
	if pg.Paper != "吕梁日报" || pg.Date != "2023-07-22" || pg.Issue != "第11055期" || pg.Page != "1" {
		t.Errorf("page = %q %q %q %q, want 吕梁日报 2023-07-22 第11055期 1", pg.Paper, pg.Date, pg.Issue, pg.Page)
	}
	want := []wantArticle{
		{Kicker: "拧紧“安全阀”当好“守夜人”", Headline: "吕梁公安“夏季行动”取得阶段性战果", Source: "本报讯",
			Reporters: []string{"刘丽霞", "秦钰轩"}, Roles: []string{"记者", "实习生"}},
		{Headline: "市四届人大常委会第三十一次主任会议召开", Subtitle: "刘振国主持", Source: "本报讯",
			Reporters: []string{"刘丽霞", "秦钰轩"}, Roles: []string{"记者", "实习生"}},
		{Headline: "我市铝镁新材料产业稳步壮大", Source: "本报讯", Reporters: []string{"王涛"}, Roles: []string{"记者"}},
		{HeadlinePrefix: "市政府与怀柔实验室山西研究院", Derived: true, Source: "本报讯",
			Reporters: []string{"刘子璇"}, Roles: []string{"记者"}},
		{Headline: "张广勇就交城县违法用地整改工作进行现场办公", Source: "本报讯",
			Reporters: []string{"刘子璇"}, Roles: []string{"记者"}},
		{Kicker: "习近平给“科学与中国”院士专家代表回信强调",
			Headline: "带动更多科技工作者支持和参与科普事业 促进全民科学素质的提高",
			Source:   "新华社", Dateline: "北京7月21日电"},
		{Kicker: "习近平对全军党的建设会议作出重要指示强调", Headline: "开创我军党的领导和党的建设工作新局面",
			Subtitle: "为实现建军一百年奋斗目标提供坚强政治保证", Source: "新华社", Dateline: "北京7月21日电",
			Reporters: []string{"梅常伟"}, Roles: []string{"记者"}},
		{Column: "特写", Headline: "老区“红”助力老区“兴”", Reporters: []string{"白凯冰"}, Roles: []string{"本报记者"}},
	}
	if len(pg.Articles) != len(want) {
		t.Fatalf("got %d articles, want %d", len(pg.Articles), len(want))
	}
	for i, w := range want {
		a := pg.Articles[i]
		g := got(a)
		if w.HeadlinePrefix != "" {
			if !strings.HasPrefix(a.Headline, w.HeadlinePrefix) {
				t.Errorf("article %d: derived headline %q does not start with %q", i+1, a.Headline, w.HeadlinePrefix)
			}
			g.Headline, w.HeadlinePrefix = "", ""
		}
		if diff := cmp.Diff(w, g); diff != "" {
			t.Errorf("article %d (-want +got):\n%s", i+1, diff)
		}
		if a.Paper != "吕梁日报" || a.Date != "2023-07-22" || a.Issue != "第11055期" || a.Page != "1" {
			t.Errorf("article %d: page fields %q %q %q %q not filled from the page", i+1, a.Paper, a.Date, a.Issue, a.Page)
		}
		// Headline lines must not be left in a body as text of their own
		// (the lead may of course say the same words).
		for _, para := range strings.Split(a.Body, "\n") {
			for _, other := range want {
				for _, h := range []string{other.Kicker, other.Headline, other.Subtitle} {
					if h != "" && strings.HasPrefix(para, strings.ReplaceAll(h, " ", "")) {
						t.Errorf("article %d: paragraph %q repeats headline %q", i+1, para, h)
					}
				}
			}
		}
		for _, m := range []string{"邮发代号", "LVLIANG", "RIBAO", "机关报", "第11055期", "农历癸卯年", "今日4版", "CN14"} {
			if strings.Contains(a.Body, m) {
				t.Errorf("article %d: masthead text %q in the body", i+1, m)
			}
		}
		if strings.Contains(a.Body, "\n\n") || strings.HasPrefix(a.Body, "\n") || strings.HasSuffix(a.Body, "\n") {
			t.Errorf("article %d: empty paragraph in body", i+1)
		}
	}
	body := func(i int) string { return pg.Articles[i-1].Body }
	for _, c := range []struct {
		article int
		want    string
	}{
		{1, "吕梁市公安局夏季治安打击整治行动"},
		{1, "检查车辆13760台次，盘查19014人次"},
		{1, "7月21日，记者从"},
		{1, "挽回群众经济损失237万余元"},
		{2, "刘振国主持会议"},
		{3, "上马航宇3D打印二期"},
		{5, "采取拆除、处罚、问责等措施，从严从快推动处置，切实保护耕地资源；要严格落实整改措施"},
		{6, "2002年12月，在周光召"},
		{8, "实现设施、队伍、产业、创作和群众性文化活动等“五个振兴发展”"},
	} {
		if !strings.Contains(body(c.article), c.want) {
			t.Errorf("article %d: body lacks %q", c.article, c.want)
		}
	}
	if !strings.HasPrefix(body(8), "夜幕降临的碛口古镇") {
		t.Errorf("article 8 body starts %q, want 夜幕降临的碛口古镇…", firstParagraph(body(8)))
	}
	if !strings.HasPrefix(body(1), "本报讯（记者刘丽霞实习生秦钰轩）") {
		t.Errorf("article 1 body starts %q, want the inline byline joined", firstParagraph(body(1)))
	}
	// Paragraphs: the first article has five, each ending a sentence.
	paras := strings.Split(body(1), "\n")
	if len(paras) != 5 {
		t.Errorf("article 1 has %d paragraphs, want 5: %q", len(paras), paras)
	}
	for _, p := range paras {
		if !endsSentence(p) {
			t.Errorf("article 1 paragraph does not end a sentence: %q", p)
		}
	}
	var derived bool
	for _, w := range warns {
		if strings.Contains(w.Msg, "article 4: no headline found, derived from lead") && w.File == "lvliang-2023-07-22-01.txt" {
			derived = true
		}
	}
	if !derived {
		t.Errorf("no warning about article 4's derived headline in %v", warns)
	}
}

func TestMetaFromFileName(t *testing.T) {
	for _, c := range []struct {
		name string
		want PageMeta
	}{
		{"lvliang-2023-07-22-01.txt", PageMeta{Paper: "吕梁日报", Date: "2023-07-22", Page: "1"}},
		{"data/pages/rmrb-2025-10-20-A05-要闻.txt", PageMeta{Paper: "人民日报", Date: "2025-10-20", Page: "A05", Section: "要闻"}},
		{"吕梁日报-20230722-03-经济-科技.txt", PageMeta{Paper: "吕梁日报", Date: "2023-07-22", Page: "3", Section: "经济-科技"}},
		{"somepaper-2023-07-22.txt", PageMeta{Paper: "somepaper", Date: "2023-07-22"}},
		{"2023-07-22-02.txt", PageMeta{Date: "2023-07-22", Page: "2"}},
		{"lvliang-2023-02-30-01.txt", PageMeta{}},
		{"notes.txt", PageMeta{}},
		{"", PageMeta{}},
	} {
		t.Run(c.name, func(t *testing.T) {
			if diff := cmp.Diff(c.want, MetaFromFileName(c.name)); diff != "" {
				t.Errorf("MetaFromFileName(%q) (-want +got):\n%s", c.name, diff)
			}
		})
	}
}

func TestWarningString(t *testing.T) {
	if got := (Warning{File: "a.txt", Line: 3, Msg: "bad"}).String(); got != "a.txt:3: bad" {
		t.Errorf("got %q", got)
	}
	if got := (Warning{File: "a.txt", Msg: "bad"}).String(); got != "a.txt: bad" {
		t.Errorf("got %q", got)
	}
}

func TestCleanBody(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"检 查 车 辆 13760 台 次 ，盘 查 19014 人", "检查车辆13760台次，盘查19014人"},
		{"自 6 月 30 日“夏季行动”开展以", "自6月30日“夏季行动”开展以"},
		{"LVLIANG  RIBAO 报", "LVLIANG RIBAO报"},
		{"  上马航宇 3D ", "上马航宇3D"},
	} {
		if got := cleanBody(c.in); got != c.want {
			t.Errorf("cleanBody(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if got := joinLines([]string{"PEOPLE'S", "DAILY 吕梁市公", "安局"}); got != "PEOPLE'S DAILY 吕梁市公安局" {
		t.Errorf("joinLines = %q", got)
	}
	if got := cleanHeadline("带动更多科普事业  促进全民科学素质的提高"); got != "带动更多科普事业 促进全民科学素质的提高" {
		t.Errorf("cleanHeadline kept %q", got)
	}
	if got := cleanHeadline("要 闻 速 递"); got != "要闻速递" {
		t.Errorf("cleanHeadline letter-spaced = %q", got)
	}
}

func BenchmarkParsePages(b *testing.B) {
	pages, _ := parseFile(b, samplePage) // warm up and check it parses
	if len(pages) == 0 {
		b.Fatal("no pages")
	}
	raw, _ := readSample(b)
	meta := MetaFromFileName(samplePage)
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := ParsePages("sample", raw, meta); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParsePagesLongLine parses an 8 MB page that is one line, the
// shape of a broken extraction; the time must stay linear in the size.
func BenchmarkParsePagesLongLine(b *testing.B) {
	line := strings.Repeat("本报讯记者张三昨日在会上说，今年的工作进展顺利。", 8<<20/75)
	b.SetBytes(int64(len(line)))
	for b.Loop() {
		if _, _, err := ParsePages("long.txt", line, PageMeta{}); err != nil {
			b.Fatal(err)
		}
	}
}

func TestColumnTag(t *testing.T) {
	for _, c := range []struct{ in, rest, tag string }{
		{"帮扶更有速度（深阅读·乡村振兴）", "帮扶更有速度", "深阅读·乡村振兴"},
		{"携手推动绿色发展（共建“一带一路”）", "携手推动绿色发展", "共建“一带一路”"},
		{"国企改革走向纵深(专家点评)", "国企改革走向纵深", "专家点评"},
		{"峡谷清幽 山乡秀美（寻找最美乡村·岩铺村）", "峡谷清幽 山乡秀美", "寻找最美乡村·岩铺村"},
		// parts and notes stay in the headline
		{"百年老店的新故事（上）", "", ""},
		{"百年老店的新故事（之一）", "", ""},
		{"数字政府建设指导意见（征求意见稿）", "", ""},
		{"城市更新行动方案（2022年）", "", ""},
		{"会议在京召开（下转第二版）", "", ""},
		{"（权威发布）", "", ""},
		{"东西南北（一）、（二）", "", ""},
		{"今天的天气怎么样", "", ""},
	} {
		rest, tag, ok := columnTag(c.in)
		if ok != (c.tag != "") || ok && (rest != c.rest || tag != c.tag) {
			t.Errorf("columnTag(%q) = %q, %q, %v; want %q, %q", c.in, rest, tag, ok, c.rest, c.tag)
		}
	}
	text := page("黄河岸边的春耕（经济新方位）",
		"本报记者 林一",
		"春分刚过，黄河岸边的麦田里，农机来回穿梭。")
	pages, _ := parseString(t, "x.txt", text)
	a := pages[0].Articles[0]
	if a.Headline != "黄河岸边的春耕" || a.Column != "经济新方位" {
		t.Errorf("headline %q column %q, want 黄河岸边的春耕 and the column 经济新方位", a.Headline, a.Column)
	}
}

// TestHeadlineWidow checks that the last character or two of a long
// headline, wrapped onto a line of their own, stay in the headline, while
// a short name under a headline is still read as its author.
func TestHeadlineWidow(t *testing.T) {
	text := page("距离地球约四百公里——中国空间站的第一个春",
		"节",
		"执行任务的航天员在空间站里迎来了新春佳节，他们贴春联、挂灯笼，",
		"向全国人民送上祝福。",
		"城市绿道串起百座公园",
		"王涛",
		"今年以来，全市新建绿道一百二十公里，把城区的公园连成了片。")
	pages, _ := parseString(t, "x.txt", text)
	arts := pages[0].Articles
	if len(arts) != 2 {
		t.Fatalf("got %d articles, want 2", len(arts))
	}
	if arts[0].Headline != "距离地球约四百公里——中国空间站的第一个春节" || arts[0].Subtitle != "" {
		t.Errorf("headline %q subtitle %q", arts[0].Headline, arts[0].Subtitle)
	}
	if arts[1].Headline != "城市绿道串起百座公园" || strings.Join(arts[1].Reporters, ",") != "王涛" {
		t.Errorf("article 2: headline %q reporters %q", arts[1].Headline, arts[1].Reporters)
	}
}

package pages

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"baoku/indexer/article"
)

// readSample returns the sample page's text.
func readSample(t testing.TB) (string, error) {
	t.Helper()
	b, err := os.ReadFile(samplePage)
	if err != nil {
		t.Fatal(err)
	}
	return string(b), nil
}

// parseString parses text that must give articles.
func parseString(t *testing.T, name, text string) ([]Page, []Warning) {
	t.Helper()
	pages, warns, err := ParsePages(name, text, MetaFromFileName(name))
	if err != nil {
		t.Fatal(err)
	}
	return pages, warns
}

func TestInnerPage(t *testing.T) {
	pages, _ := parseFile(t, "testdata/lvliang-2023-07-22-02.txt")
	if len(pages) != 1 {
		t.Fatalf("got %d pages", len(pages))
	}
	pg := pages[0]
	if pg.Paper != "吕梁日报" || pg.Date != "2023-07-22" || pg.Page != "2" || pg.Section != "要闻" {
		t.Errorf("page = %q %q %q %q, want 吕梁日报 2023-07-22 2 要闻", pg.Paper, pg.Date, pg.Page, pg.Section)
	}
	want := []wantArticle{
		{Headline: "城区新建三处口袋公园", Source: "本报讯",
			Reporters: []string{"张晓明", "王立新"}, Roles: []string{"记者", "通讯员"}},
		{Headline: "全省秋粮生产形势总体向好", Source: "新华社", Dateline: "太原7月21日电",
			Reporters: []string{"王海涛", "李静", "赵小川"}, Roles: []string{"记者", "记者", "记者"}},
		{Headline: "老旧小区改造惠及八千余户", Reporters: []string{"陈雨"}, Roles: []string{"本报记者"}},
	}
	if len(pg.Articles) != len(want) {
		t.Fatalf("got %d articles, want %d: %+v", len(pg.Articles), len(want), pg.Articles)
	}
	for i, w := range want {
		if diff := cmp.Diff(w, got(pg.Articles[i])); diff != "" {
			t.Errorf("article %d (-want +got):\n%s", i+1, diff)
		}
		for _, h := range []string{"责任编辑", "美编", "星期六", "要闻"} {
			if strings.Contains(pg.Articles[i].Body, h) {
				t.Errorf("article %d: running header %q in body", i+1, h)
			}
		}
	}
	a2 := pg.Articles[1]
	if diff := cmp.Diff([]string{"郭晨"}, a2.Photographers); diff != "" {
		t.Errorf("photographers (-want +got):\n%s", diff)
	}
	if !strings.Contains(a2.Body, "苗情长势总体好于常年。") {
		t.Errorf("article 2 body not joined: %q", a2.Body)
	}
	a3 := pg.Articles[2]
	if strings.Contains(a3.Body, "陈雨") || !strings.HasSuffix(a3.Body, "群众满意度明显提升。") {
		t.Errorf("article 3 body = %q, want the end byline out of it", a3.Body)
	}
	if !strings.Contains(pg.Articles[0].Body, "总面积约1.2万平方米") {
		t.Errorf("article 1 body = %q", pg.Articles[0].Body)
	}
}

func TestTwoPagesFormFeed(t *testing.T) {
	pages, _ := parseFile(t, "testdata/xmwb-2022-04-15-03.txt")
	if len(pages) != 2 {
		t.Fatalf("got %d pages, want 2", len(pages))
	}
	for i, w := range []struct{ page, section, headline, reporter, role, bodyStart string }{
		{"3", "社会", "社区志愿者助力居民就医", "孙晓燕", "本报记者", "清晨七点"},
		{"4", "文化", "古籍修复技艺走进课堂", "周文涛", "记者", "记者周文涛报道"},
	} {
		pg := pages[i]
		if pg.Paper != "新民晚报" || pg.Date != "2022-04-15" || pg.Page != w.page || pg.Section != w.section {
			t.Errorf("page %d = %q %q %q %q", i+1, pg.Paper, pg.Date, pg.Page, pg.Section)
		}
		if len(pg.Articles) != 1 {
			t.Fatalf("page %d: %d articles, want 1", i+1, len(pg.Articles))
		}
		a := pg.Articles[0]
		if a.Headline != w.headline || a.HeadlineDerived || !cmp.Equal(a.Reporters, []string{w.reporter}) ||
			!cmp.Equal(a.Roles, []string{w.role}) || !strings.HasPrefix(a.Body, w.bodyStart) {
			t.Errorf("page %d article = %+v", i+1, a)
		}
		if a.Section != w.section || a.Page != w.page {
			t.Errorf("page %d article section/page = %q %q", i+1, a.Section, a.Page)
		}
	}
}

// page wraps article text in a small page with a running header.
// articlesOf parses page text and fails unless it holds want articles.
func articlesOf(t *testing.T, text string, want int) []article.Article {
	t.Helper()
	pages, warns := parseString(t, "x.txt", text)
	if got := len(pages[0].Articles); got != want {
		t.Fatalf("got %d articles, want %d: %+v (warnings %v)", got, want, pages[0].Articles, warns)
	}
	return pages[0].Articles
}

func page(lines ...string) string {
	return "2023年7月22日 星期六 第3版 综合\n" + strings.Join(lines, "\n") + "\n"
}

func TestBylines(t *testing.T) {
	for _, c := range []struct {
		name, text string
		want       wantArticle
		photos     []string
	}{
		{"benbao with intern split by a line break", page("本报讯 （记者 刘一 实习生 秦", "小明） 昨日，我市召开会议。"),
			wantArticle{Source: "本报讯", Reporters: []string{"刘一", "秦小明"}, Roles: []string{"记者", "实习生"}}, nil},
		{"benbao with correspondent", page("本报讯（记者 张三 李四 通讯员 王五）昨日，我市召开会议。"),
			wantArticle{Source: "本报讯", Reporters: []string{"张三", "李四", "王五"}, Roles: []string{"记者", "记者", "通讯员"}}, nil},
		{"two names split by a line break", page("本报讯（记者 欧阳明远", "司马青） 昨日，我市召开会议。"),
			wantArticle{Source: "本报讯", Reporters: []string{"欧阳明远", "司马青"}, Roles: []string{"记者", "记者"}}, nil},
		{"wire with several reporters", page("新华社北京7月21日电（记者 王一、李二 张三）全国会议昨日召开。"),
			wantArticle{Source: "新华社", Dateline: "北京7月21日电", Reporters: []string{"王一", "李二", "张三"}, Roles: []string{"记者", "记者", "记者"}}, nil},
		{"wire without reporters", page("新华社华盛顿7月20日电 美国官员当天表示，会谈取得进展。"),
			wantArticle{Source: "新华社", Dateline: "华盛顿7月20日电"}, nil},
		{"staff reporter line", page("本报记者 赵六 钱七", "昨天上午，市民在广场上参加健身活动。"),
			wantArticle{Reporters: []string{"赵六", "钱七"}, Roles: []string{"本报记者", "本报记者"}}, nil},
		{"bullet byline after body", page("昨天上午，市民在广场上参加健身活动。", "□ 本报记者 孙八"),
			wantArticle{Reporters: []string{"孙八"}, Roles: []string{"本报记者"}}, nil},
		{"reported by", page("记者 周九 报道 昨天上午，市民在广场上参加健身活动。"),
			wantArticle{Reporters: []string{"周九"}, Roles: []string{"记者"}}, nil},
		{"end byline inline", page("昨天上午，市民在广场上参加健身活动。（本报记者 吴十）"),
			wantArticle{Reporters: []string{"吴十"}, Roles: []string{"本报记者"}}, nil},
		{"photo credits are not writers", page("本报讯（记者 郑一）昨天，公园开放。", "游客在公园里散步。 新华社记者 冯二 摄", "本报记者 陈三 摄", "褚四摄（影像中国）"),
			wantArticle{Source: "本报讯", Reporters: []string{"郑一"}, Roles: []string{"记者"}}, []string{"冯二", "陈三", "褚四"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			pages, _ := parseString(t, "x.txt", c.text)
			a := pages[0].Articles[0]
			g := got(a)
			g.Headline, g.Derived, g.Kicker, g.Subtitle, g.Column = "", false, "", "", ""
			if diff := cmp.Diff(c.want, g); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(c.photos, a.Photographers); diff != "" {
				t.Errorf("photographers (-want +got):\n%s", diff)
			}
		})
	}
}

func TestHeadlineBeforeBody(t *testing.T) {
	text := page(
		"“双减”落地见实效",
		"我市中小学课后服务实现全覆盖",
		"本报讯（记者 林一）新学期以来，全市中小学课后服务",
		"实现全覆盖，学生参与率达到九成以上。",
		"各学校结合实际开设了书法、科学实验等特色课程。",
		"夏粮收购工作有序开展",
		"本报讯（记者 林二）连日来，各收购点秩序井然，",
		"夏粮收购工作有序推进。",
	)
	arts := articlesOf(t, text, 2)
	if arts[0].Kicker != "“双减”落地见实效" || arts[0].Headline != "我市中小学课后服务实现全覆盖" {
		t.Errorf("article 1 kicker/headline = %q / %q", arts[0].Kicker, arts[0].Headline)
	}
	if arts[1].Headline != "夏粮收购工作有序开展" || arts[1].HeadlineDerived {
		t.Errorf("article 2 headline = %q", arts[1].Headline)
	}
	if strings.Contains(arts[0].Body, "夏粮") {
		t.Errorf("article 1 body took the next headline: %q", arts[0].Body)
	}
}

// TestFeatureSections checks that the intertitles of a feature, even
// after a short opening section, keep it one article, while a picture
// item after it (headline, caption, credit) stays an article of its own.
func TestFeatureSections(t *testing.T) {
	text := page(
		"山村有了新产业",
		"本报记者 林一",
		"春天到了，山里的村子热闹起来。茶农上山采茶，合作社",
		"收购鲜叶，村口的民宿住满了游客，全村两百多户增收。",
		"茶园里一片新绿",
		"清晨，茶农们背着竹篓上山采茶。今年的新茶",
		"价格比去年高出两成，茶叶合作社收购了全村的鲜叶。",
		"合作社负责人说，茶园扩大到三千亩，带动两百多户增收。",
		"民宿里住满游客",
		"村口的老房子改成了民宿，周末常常客满。游客白天",
		"采茶，晚上围炉煮茶，不少人一住就是好几天。",
		"大桥施工",
		"3月27日，工程建设人员在特大桥工地进行桥梁施工作",
		"业。目前大桥主体已完工，桥面铺设正在抓紧进行。",
		"王闽摄（影像中国）",
	)
	pages, warns := parseString(t, "x.txt", text)
	arts := pages[0].Articles
	if len(arts) != 2 {
		for _, a := range arts {
			t.Logf("%q: %q", a.Headline, a.Body)
		}
		t.Fatalf("got %d articles, want 2: %v", len(arts), warns)
	}
	if arts[0].Headline != "山村有了新产业" || !strings.Contains(arts[0].Body, "茶园里一片新绿\n") || !strings.Contains(arts[0].Body, "民宿里住满游客\n") {
		t.Errorf("feature = %q: %q", arts[0].Headline, arts[0].Body)
	}
	if arts[1].Headline != "大桥施工" || strings.Join(arts[1].Photographers, ",") != "王闽" {
		t.Errorf("picture item = %q, photographers %q", arts[1].Headline, arts[1].Photographers)
	}
}

func TestMastheadWeekdayMismatch(t *testing.T) {
	text := "中共吕梁市委机关报 吕梁日报社出版\n22\n2023年 7月\n第11055期\n星期五\n本报讯（记者 张三）昨日，我市召开会议。\n"
	pages, warns := parseString(t, "lvliang-2023-07-22-01.txt", text)
	if pages[0].Date != "2023-07-22" {
		t.Errorf("date = %q", pages[0].Date)
	}
	found := false
	for _, w := range warns {
		found = found || strings.Contains(w.Msg, "星期五")
	}
	if !found {
		t.Errorf("no weekday warning in %v", warns)
	}
}

func TestBadInput(t *testing.T) {
	for _, c := range []struct{ name, text, want string }{
		{"empty.txt", "", "empty.txt: empty file"},
		{"blank.txt", " \n\n\f\n  ", "blank.txt: empty file"},
		{"masthead.txt", "中共吕梁市委机关报 吕梁日报社出版\n22\n2023年 7月\n第11055期\n", "masthead.txt: no recognisable articles"},
		{"digits.txt", "12 34\n——\n56\n", "digits.txt: no recognisable articles"},
	} {
		t.Run(c.name, func(t *testing.T) {
			pages, _, err := ParsePages(c.name, c.text, PageMeta{})
			if err == nil || err.Error() != c.want {
				t.Errorf("ParsePages = %d pages, %v; want error %q", len(pages), err, c.want)
			}
		})
	}
}

func TestLongLine(t *testing.T) {
	line := strings.Repeat("检 查 车 辆 13760 台 次，", 1<<18) // about 7 MB in one line
	start := time.Now()
	pages, warns, err := ParsePages("long.txt", line, PageMeta{})
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != 1 || len(pages[0].Articles) != 1 {
		t.Fatalf("got %d pages", len(pages))
	}
	if want := strings.Repeat("检查车辆13760台次，", 1<<18); pages[0].Articles[0].Body != want {
		t.Errorf("long body is %d bytes, want %d", len(pages[0].Articles[0].Body), len(want))
	}
	long := false
	for _, w := range warns {
		long = long || w.Line == 1 && strings.Contains(w.Msg, "very long line")
	}
	if !long {
		t.Errorf("no long-line warning in %v", warns)
	}
	if d := time.Since(start); d > 20*time.Second {
		t.Errorf("took %v", d)
	}
}

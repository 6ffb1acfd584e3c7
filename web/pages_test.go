package web

import (
	"encoding/json"
	"html"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// fetch fetches a path from the test server and returns status and body.
func fetch(t *testing.T, base, path string) (int, string) {
	t.Helper()
	res, err := http.Get(base + path)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res.StatusCode, string(b)
}

var (
	totalRe = regexp.MustCompile(`<strong id="total">(\d+)</strong>`)
	// facetRe finds a facet value link and its count in the sidebar.
	facetRe = regexp.MustCompile(`<li><a href="([^"]+)">([^<]+)</a> <span class="count">(\d+)</span></li>`)
	hitRe   = regexp.MustCompile(`<h2><a href="/articles/([^"?]+)`)
)

func totalOf(t *testing.T, page string) int {
	t.Helper()
	m := totalRe.FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("no total in page:\n%s", page)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

func hitIDs(page string) []string {
	var ids []string
	for _, m := range hitRe.FindAllStringSubmatch(page, -1) {
		ids = append(ids, m[1])
	}
	return ids
}

func TestSearchPage(t *testing.T) {
	srv := newTestServer(t)
	code, page := fetch(t, srv.URL, "/search?q="+url.QueryEscape("碛口"))
	if code != http.StatusOK {
		t.Fatalf("status %d", code)
	}
	for _, want := range []string{
		`<mark>碛口</mark>古镇夜游火了`,    // headline, marked
		`黄河岸边灯火璀璨`,                 // subtitle
		`第3版</a> 文旅`,               // page and section
		`白凯冰`,                      // reporter
		`href="/help"`,             // syntax help
		`name="from"`, `name="to"`, // date range
		`aria-label="分页"`,
	} {
		if !strings.Contains(page, want) && !(want == `aria-label="分页"`) {
			t.Errorf("search page lacks %q", want)
		}
	}
	if n := totalOf(t, page); n != 1 {
		t.Errorf("total = %d, want 1", n)
	}
	if got := hitIDs(page); len(got) != 1 || got[0] != "lv3" {
		t.Errorf("hits = %v", got)
	}
	// Article text is escaped, never markup.
	_, page = fetch(t, srv.URL, "/search?q="+url.QueryEscape("标签"))
	if strings.Contains(page, "<script>") || !strings.Contains(page, "&lt;script&gt;") {
		t.Errorf("article text not escaped")
	}
	// The home page has no results, only the archive size.
	code, page = fetch(t, srv.URL, "/")
	if code != http.StatusOK || !strings.Contains(page, "档案共收录 29 篇文章") {
		t.Errorf("home: %d\n%s", code, page)
	}
}

func TestSearchPageBadQuery(t *testing.T) {
	srv := newTestServer(t)
	for _, tc := range []struct{ path, want string }{
		{"/search?q=" + url.QueryEscape(`碛口 "古镇`), "检索式第 4 个字处：引号没有配对。"},
		{"/search?q=" + url.QueryEscape(`(碛口`), "检索式第 1 个字处：括号没有配对。"},
		{"/search?q=" + url.QueryEscape(`-碛口`), "检索式不能只有排除条件"},
		{"/search?q=" + url.QueryEscape(`日期:2023-02-30`), "日期“2023-02-30”不对"},
		{"/search?q=" + url.QueryEscape(`，`), "检索式里没有可检索的字"},
		{"/search?q=a&page=x", "参数 page 应是从 1 起的整数"},
		{"/search?q=a&page=0", "参数 page 应是从 1 起的整数"},
		{"/search?q=a&size=0", "参数 size 应是从 1 起的整数"},
		{"/search?q=a&sort=best", "排序（sort）应为 relevance、newest 或 oldest"},
		{"/search?q=a&from=2023-13-01", "起始日期“2023-13-01”应写作 年-月-日"},
		{"/search?q=a&year=abc", "年份（year）应是四位数字"},
		{"/search?q=a&year=99999", "年份（year）应是四位数字"},
		{"/search?q=a&month=13", "月份（month）应写作 年-月"},
		{"/search?q=a&month=7", "月份（month）应写作 年-月"},
		{"/search?q=a&month=2023-13", "月份（month）应写作 年-月"},
		{"/search?q=a&pageno=abc", "版次应是页码"},
		{"/search?q=a&q=b", "参数 q 只能给一次"},
		{"/search?q=a&sort=newest&sort=oldest", "参数 sort 只能给一次"},
		{"/search?q=" + url.QueryEscape(`版次:abc`), "版次应是页码"},
	} {
		code, page := fetch(t, srv.URL, tc.path)
		if code != http.StatusBadRequest {
			t.Errorf("%s: status %d, want 400", tc.path, code)
		}
		if !strings.Contains(html.UnescapeString(page), tc.want) {
			t.Errorf("%s: page lacks %q", tc.path, tc.want)
		}
	}
	code, body := fetch(t, srv.URL, "/api/search?q="+url.QueryEscape(`"古镇`))
	var e struct {
		Error   string
		ErrorZh string `json:"error_zh"`
	}
	if err := json.Unmarshal([]byte(body), &e); err != nil || code != http.StatusBadRequest ||
		e.Error != "query: unclosed quote at 0" || e.ErrorZh != "检索式第 1 个字处：引号没有配对。" {
		t.Errorf("api bad query: %d %s", code, body)
	}
}

// TestFacetLinks follows every facet link of a search and checks that it
// finds as many articles as the facet said.
func TestFacetLinks(t *testing.T) {
	srv := newTestServer(t)
	for _, q := range []string{"古镇", "铝镁", "吕梁 OR 上海"} {
		_, page := fetch(t, srv.URL, "/search?q="+url.QueryEscape(q))
		links := facetRe.FindAllStringSubmatch(page, -1)
		if len(links) < 3 {
			t.Fatalf("%s: only %d facet links", q, len(links))
		}
		for _, l := range links {
			u, count := html.UnescapeString(l[1]), l[3]
			_, clicked := fetch(t, srv.URL, u)
			if got := strconv.Itoa(totalOf(t, clicked)); got != count {
				t.Errorf("%s: facet %s says %s, clicking finds %s", q, l[2], count, got)
			}
			if !strings.Contains(clicked, "取消筛选") {
				t.Errorf("%s: %s shows no way to remove the filter", q, u)
			}
		}
	}
}

func TestMonthDrillDownAndRemoval(t *testing.T) {
	srv := newTestServer(t)
	_, page := fetch(t, srv.URL, "/search?q="+url.QueryEscape("铝镁"))
	if strings.Contains(page, "<h3>月份</h3>") {
		t.Error("month facet shown before a year is chosen")
	}
	_, page = fetch(t, srv.URL, "/search?q="+url.QueryEscape("铝镁 OR 古镇")+"&year=2023")
	if !strings.Contains(page, "<h3>月份</h3>") || !strings.Contains(page, ">2023-08</a>") || strings.Contains(page, ">2022-03</a>") {
		t.Errorf("year 2023 does not drill down to its months:\n%s", page)
	}
	_, page = fetch(t, srv.URL, "/search?q="+url.QueryEscape("铝镁 OR 古镇")+"&year=2023&month=2023-07&paper="+url.QueryEscape("吕梁日报"))
	if n := totalOf(t, page); n != 2 {
		t.Errorf("2023-07 total = %d, want 2", n)
	}
	// Removing the year removes the month; removing the paper keeps both.
	re := regexp.MustCompile(`<li>年份：2023 <a href="([^"]+)"`)
	m := re.FindStringSubmatch(page)
	if m == nil {
		t.Fatal("no removable year filter")
	}
	u, _ := url.Parse(html.UnescapeString(m[1]))
	if v := u.Query(); v.Get("year") != "" || v.Get("month") != "" || v.Get("paper") != "吕梁日报" || v.Get("q") != "铝镁 OR 古镇" {
		t.Errorf("removing the year: %s", u)
	}
	// The form keeps the filters as hidden fields.
	if !strings.Contains(page, `<input type="hidden" name="paper" value="吕梁日报">`) {
		t.Error("form drops the paper filter")
	}
}

func TestPagingAndSort(t *testing.T) {
	srv := newTestServer(t)
	seen := map[string]bool{}
	path := "/search?q=" + url.QueryEscape("古镇") + "&sort=newest"
	pages := 0
	var dates []string
	for path != "" {
		pages++
		_, page := fetch(t, srv.URL, path)
		if n := totalOf(t, page); n != 25 {
			t.Fatalf("total = %d, want 25", n)
		}
		for _, id := range hitIDs(page) {
			if seen[id] {
				t.Errorf("%s on two pages", id)
			}
			seen[id] = true
		}
		for _, m := range regexp.MustCompile(`<a href="/browse/(\d{4}-\d\d-\d\d)">`).FindAllStringSubmatch(page, -1) {
			dates = append(dates, m[1])
		}
		path = ""
		if m := regexp.MustCompile(`<a href="([^"]+)" rel="next">`).FindStringSubmatch(page); m != nil {
			path = html.UnescapeString(m[1])
		}
	}
	if pages != 3 || len(seen) != 25 {
		t.Errorf("%d pages, %d distinct hits; want 3 and 25", pages, len(seen))
	}
	for i := 1; i < len(dates); i++ {
		if dates[i] > dates[i-1] {
			t.Fatalf("newest first broken at %d: %v", i, dates)
		}
	}
	_, page := fetch(t, srv.URL, "/search?q="+url.QueryEscape("古镇")+"&sort=oldest")
	if ids := hitIDs(page); len(ids) == 0 || ids[0] != "gz01" {
		t.Errorf("oldest first: %v", ids)
	}
	if !strings.Contains(page, `<strong aria-current="true">最早</strong>`) {
		t.Error("sort switch does not show the current order")
	}
	// Date range inputs.
	_, page = fetch(t, srv.URL, "/search?q="+url.QueryEscape("古镇")+"&from=2022-03-05&to=2022-03-09")
	if n := totalOf(t, page); n != 5 {
		t.Errorf("date range total = %d, want 5", n)
	}
}

func TestArticlePage(t *testing.T) {
	srv := newTestServer(t)
	code, page := fetch(t, srv.URL, "/articles/lv1?q="+url.QueryEscape("夏季行动"))
	if code != http.StatusOK {
		t.Fatalf("status %d", code)
	}
	for _, want := range []string{
		`<h1>吕梁公安<mark>夏季行动</mark>取得阶段性战果</h1>`,
		`<p class="kicker">拧紧安全阀</p>`,
		`强力推进<mark>夏季行动</mark>。</p>`,                                                      // paragraphs, marked
		`<p id="p2">检查车辆13760台次，&lt;script&gt;不是标签&lt;/script&gt;。</p>`,                   // paragraphs have anchors
		`href="/browse/2023-07-22?page=1&amp;paper=%E5%90%95%E6%A2%81%E6%97%A5%E6%8A%A5"`, // same page
		`<h3>同版文章</h3>`, `我市铝镁新材料产业稳步壮大`,
		`← 返回搜索结果`, `刘丽霞`, `本报讯`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("article page lacks %q", want)
		}
	}
	// Related articles: lv4 shares 铝镁 with lv2.
	_, page = fetch(t, srv.URL, "/articles/lv2")
	if !strings.Contains(page, `<h3>相关文章</h3>`) || !strings.Contains(page, `铝镁精深加工项目集中开工`) || strings.Contains(page, "<mark>") {
		t.Errorf("article lv2 lacks related articles, or marks without a query:\n%s", page)
	}
	// A query that does not parse still shows the article.
	if code, page := fetch(t, srv.URL, "/articles/lv2?q="+url.QueryEscape(`"铝镁`)); code != http.StatusOK || !strings.Contains(page, "稳步壮大") {
		t.Errorf("bad q: %d", code)
	}
	if code, page := fetch(t, srv.URL, "/articles/nope"); code != http.StatusNotFound || !strings.Contains(page, "没有这篇文章") {
		t.Errorf("unknown article: %d", code)
	}
	if code, _ := fetch(t, srv.URL, "/api/articles/lv1"); code != http.StatusOK {
		t.Errorf("api article: %d", code)
	}
}

func TestBrowsePages(t *testing.T) {
	srv := newTestServer(t)
	for _, tc := range []struct {
		path string
		code int
		want []string
	}{
		{"/browse", 200, []string{"2023年", "2022年", `href="/browse/2023-07"`, `href="/browse/2022-03"`, "吕梁日报", "24</span>"}},
		{"/browse?paper=" + url.QueryEscape("新民晚报"), 200, []string{`href="/browse/2022-04?paper=`, `<strong aria-current="page">新民晚报</strong>`}},
		{"/browse/2023-07", 200, []string{"2023年7月", `href="/browse/2023-07-22"`, "3篇", "1 天有报纸，共 3 篇文章"}},
		{"/browse/2022-03", 200, []string{"24 天有报纸"}},
		{"/browse/2023-07-22", 200, []string{"2023年7月22日", "星期六", "第1版", "要闻", "第3版", "文旅", "碛口古镇夜游火了", "吕梁公安夏季行动取得阶段性战果"}},
		{"/browse/2023-07-22?paper=" + url.QueryEscape("吕梁日报") + "&page=3", 200, []string{"第3版", "碛口古镇夜游火了", `<p class="snippet">`}},
		{"/browse/2023-07-23", 200, []string{"这一天没有收录的报纸"}},
		{"/browse/0001-01-01", 200, []string{"这一天没有收录的报纸"}},
		{"/browse/2023-13", 400, []string{"月份“2023-13”应写作 年-月"}},
		{"/browse/2023-02-30", 400, []string{"日期“2023-02-30”应写作 年-月-日"}},
		{"/browse/yesterday", 400, []string{"“yesterday”不是月份"}},
		{"/help", 200, []string{"检索语法", "标题:", "记者:", "日期:2023-07-01..2023-07-31", "检索式第 8 个字处：引号没有配对。", "“精确”指什么", "数字里的标点算数", "短语不跨段落"}},
		{"/no/such/page", 404, []string{"页面不存在"}},
	} {
		code, page := fetch(t, srv.URL, tc.path)
		if code != tc.code {
			t.Errorf("%s: status %d, want %d", tc.path, code, tc.code)
		}
		for _, w := range tc.want {
			if !strings.Contains(page, w) {
				t.Errorf("%s: page lacks %q", tc.path, w)
			}
		}
	}
	_, page := fetch(t, srv.URL, "/browse/2023-07-22?paper="+url.QueryEscape("吕梁日报")+"&page=3")
	if strings.Contains(page, "吕梁公安夏季行动") {
		t.Error("page 3 lists an article of page 1")
	}
}

// TestNoExternalRequests checks that pages load nothing from elsewhere:
// every script, style and image comes from the server itself, and the
// only scripts are its own static files (no inline script).
func TestNoExternalRequests(t *testing.T) {
	srv := newTestServer(t)
	ext := regexp.MustCompile(`(?i)(src|href)="(https?:)?//`)
	for _, p := range []string{"/", "/search?q=" + url.QueryEscape("古镇"), "/articles/lv3", "/browse", "/browse/2023-07", "/browse/2023-07-22", "/help"} {
		_, page := fetch(t, srv.URL, p)
		if m := ext.FindString(page); m != "" {
			t.Errorf("%s refers elsewhere: %s", p, m)
		}
		if strings.Contains(ownScript.ReplaceAllString(page, ""), "<script") {
			t.Errorf("%s has a script that is not a static file of the site's", p)
		}
	}
	code, css := fetch(t, srv.URL, "/static/style.css")
	if code != http.StatusOK || !strings.Contains(css, "@media") || strings.Contains(css, "url(") {
		t.Errorf("style.css: %d", code)
	}
}

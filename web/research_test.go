package web

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"baoku/indexer"
	"baoku/indexer/article"
	"baoku/search"
	"baoku/segment"
)

// researchFixture is articles written for the research views' tests: two
// papers over three years, a month without an issue (2021-02), pages 1 and
// A1 (front pages) among others, and sentences that repeat 黄河 and 古镇.
func researchFixture() []*article.Article {
	sentences := []string{
		"黄河岸边的古镇焕发新生机。", "吕梁市公安局召开新闻发布会。", "黄河黄河，奔流不息。",
		"古镇游客络绎不绝，黄河文化旅游带初具规模。", "新材料产业稳步壮大。", "臺灣青年来到古镇创业。",
	}
	var arts []*article.Article
	n := 0
	for _, paper := range []string{"吕梁日报", "新民晚报"} {
		for y := 2020; y <= 2022; y++ {
			for m := 1; m <= 12; m++ {
				if y == 2021 && m == 2 {
					continue
				}
				for k := 0; k < 1+(m+y)%3; k++ {
					n++
					body := sentences[n%len(sentences)] + sentences[(n*7)%len(sentences)] + "\n" + sentences[(n*3)%len(sentences)]
					arts = append(arts, &article.Article{
						ID: fmt.Sprintf("w%03d", n), Paper: paper, Date: fmt.Sprintf("%d-%02d-%02d", y, m, 1+(n*5)%28),
						Page: []string{"1", "2", "A1", "A3"}[n%4], Section: []string{"要闻", "文旅"}[n%2],
						Headline: []string{"黄河古镇纪行", "公安一线", "新材料观察"}[n%3], Body: body,
						Reporters: []string{"白凯冰", "王涛"}[:1+n%2],
					})
				}
			}
		}
	}
	return arts
}

// researchServer serves the research fixture, without a rate limit unless
// one is given.
func researchServer(t testing.TB, rl RateLimit) (http.Handler, *indexer.Index, []*article.Article) {
	t.Helper()
	arts := researchFixture()
	ix := secIndex(t, arts)
	if rl.PerMinute == 0 && rl.now == nil {
		rl.PerMinute = -1
	}
	return secRouter(t, secEngine(t, ix), Options{Research: rl}), ix, arts
}

// getJSON requests a target and decodes its JSON answer, failing unless
// the status is want.
func getJSON(t *testing.T, h http.Handler, target string, want int, v any) {
	t.Helper()
	w := serve(t, h, http.MethodGet, target, nil)
	if w.Code != want {
		t.Fatalf("GET %s: %d %s, want %d", target, w.Code, w.Body.String(), want)
	}
	if err := json.Unmarshal(w.Body.Bytes(), v); err != nil {
		t.Fatalf("GET %s: %v", target, err)
	}
}

// has reports whether an article's text has the phrase, normalised, in
// any text field.
func has(a *article.Article, phrase string) bool {
	for _, s := range []string{a.Kicker, a.Headline, a.Subtitle, a.Body} {
		if strings.Contains(segment.Normalize(s), segment.Normalize(phrase)) {
			return true
		}
	}
	return false
}

// TestAPITrendBruteForce checks /api/trend's buckets, and its CSV, against
// a scan of the articles.
func TestAPITrendBruteForce(t *testing.T) {
	h, _, arts := researchServer(t, RateLimit{})
	var res search.TrendResult
	getJSON(t, h, "/api/trend?q=%22%E9%BB%84%E6%B2%B3%22&vs=%E5%8F%A4%E9%95%87&by=month&paper=%E5%90%95%E6%A2%81%E6%97%A5%E6%8A%A5", http.StatusOK, &res)
	if len(res.Series) != 2 || len(res.Buckets) != 36 {
		t.Fatalf("%d series, %d buckets; want 2 and 36 months", len(res.Series), len(res.Buckets))
	}
	for si, phrase := range []string{"黄河", "古镇"} {
		count, total := map[string]int{}, map[string]int{}
		for _, a := range arts {
			if a.Paper != "吕梁日报" {
				continue
			}
			total[a.Date[:7]]++
			if has(a, phrase) {
				count[a.Date[:7]]++
			}
		}
		for _, b := range res.Series[si].Buckets {
			if b.Count != count[b.Key] || b.Total != total[b.Key] {
				t.Errorf("%s %s: %d of %d, brute force %d of %d", phrase, b.Key, b.Count, b.Total, count[b.Key], total[b.Key])
			}
		}
	}
	w := serve(t, h, http.MethodGet, "/api/trend?q=%E9%BB%84%E6%B2%B3&format=csv", nil)
	rows, err := csv.NewReader(w.Body).ReadAll()
	if err != nil || w.Code != http.StatusOK || len(rows) != 1+3 || rows[0][0] != "query" {
		t.Errorf("trend CSV: %d %v rows %d", w.Code, err, len(rows))
	}
	var bad map[string]string
	getJSON(t, h, "/api/trend?q=%E9%BB%84%E6%B2%B3&by=week", http.StatusBadRequest, &bad)
	if !strings.Contains(bad["error"], "by must be") {
		t.Errorf("bad by: %v", bad)
	}
}

// TestAPIKWICBruteForce checks /api/kwic's total and its CSV of every
// line against a scan of the text.
func TestAPIKWICBruteForce(t *testing.T) {
	h, _, arts := researchServer(t, RateLimit{})
	want := 0
	for _, a := range arts {
		for _, s := range []string{a.Kicker, a.Headline, a.Subtitle, a.Body} {
			want += strings.Count(segment.Normalize(s), "黄河")
		}
	}
	var res search.KWICResult
	getJSON(t, h, "/api/kwic?q=%E9%BB%84%E6%B2%B3&size=7&page=2&width=4", http.StatusOK, &res)
	if res.Total != want || len(res.Lines) != 7 || res.Page != 2 {
		t.Errorf("total %d (brute force %d), %d lines on page %d", res.Total, want, len(res.Lines), res.Page)
	}
	for _, l := range res.Lines {
		if l.Match != "黄河" || len([]rune(l.Left)) > 4 || len([]rune(l.Right)) > 4 {
			t.Errorf("line %+v", l)
		}
	}
	w := serve(t, h, http.MethodGet, "/api/kwic?q=%E9%BB%84%E6%B2%B3&format=csv", nil)
	rows, err := csv.NewReader(w.Body).ReadAll()
	if err != nil || len(rows) != want+1 || !strings.Contains(rows[1][10], "/articles/") {
		t.Errorf("kwic CSV: %v, %d rows for %d lines", err, len(rows), want)
	}
}

// TestAPICollocates checks /api/collocates' count of the node against the
// text, and its errors.
func TestAPICollocates(t *testing.T) {
	h, _, arts := researchServer(t, RateLimit{})
	node := 0
	for _, a := range arts {
		for _, s := range []string{a.Kicker, a.Headline, a.Subtitle, a.Body} {
			node += strings.Count(segment.Normalize(s), "古镇")
		}
	}
	var res search.CollocResult
	getJSON(t, h, "/api/collocates?q=%E5%8F%A4%E9%95%87&window=3&min=2&by=ll", http.StatusOK, &res)
	if res.Node != node || len(res.Collocates) == 0 || res.By != "ll" || res.Window != 3 {
		t.Errorf("node %d (brute force %d), %d collocates, by %s, window %d", res.Node, node, len(res.Collocates), res.By, res.Window)
	}
	for _, c := range res.Collocates {
		if c.Count < 2 || c.Score != c.LL {
			t.Errorf("collocate %+v", c)
		}
	}
	var bad map[string]string
	getJSON(t, h, "/api/collocates?q=%E5%8F%A4%E9%95%87&window=x", http.StatusBadRequest, &bad)
	if !strings.Contains(bad["error"], "window") {
		t.Errorf("bad window: %v", bad)
	}
}

// TestAPIExport checks that /api/export lists every hit in each format.
func TestAPIExport(t *testing.T) {
	h, _, arts := researchServer(t, RateLimit{})
	want := map[string]bool{}
	for _, a := range arts {
		if a.Paper == "新民晚报" && has(a, "古镇") {
			want[a.ID] = true
		}
	}
	q := "q=%E5%8F%A4%E9%95%87&paper=%E6%96%B0%E6%B0%91%E6%99%9A%E6%8A%A5"
	w := serve(t, h, http.MethodGet, "/api/export?"+q, nil)
	rows, err := csv.NewReader(w.Body).ReadAll()
	if err != nil || w.Code != http.StatusOK || len(rows) != len(want)+1 {
		t.Fatalf("csv: %d %v, %d rows for %d hits", w.Code, err, len(rows), len(want))
	}
	for _, r := range rows[1:] {
		if !want[r[0]] {
			t.Errorf("exported %s, which does not match", r[0])
		}
	}
	if cd := w.Header().Get("Content-Disposition"); !strings.Contains(cd, "baoku-export.csv") || w.Header().Get("X-Total-Count") != fmt.Sprint(len(want)) {
		t.Errorf("headers %v", w.Header())
	}
	for format, marker := range map[string]string{"ris": "TY  - NEWS", "biblatex": "entrysubtype = {newspaper}", "gbt7714": "[N]. 新民晚报", "csl": `"type":"article-newspaper"`, "ndjson": `"paper":"新民晚报"`} {
		w := serve(t, h, http.MethodGet, "/api/export?"+q+"&format="+format, nil)
		if n := strings.Count(w.Body.String(), marker); w.Code != http.StatusOK || n != len(want) {
			t.Errorf("%s: %d, %d records for %d hits", format, w.Code, n, len(want))
		}
	}
	var bad map[string]string
	getJSON(t, h, "/api/export?"+q+"&format=docx", http.StatusBadRequest, &bad)
	if !strings.Contains(bad["error"], "format must be one of") {
		t.Errorf("bad format: %v", bad)
	}
}

// TestAPICoverage checks /api/coverage against the fixture.
func TestAPICoverage(t *testing.T) {
	h, _, arts := researchServer(t, RateLimit{})
	var cov search.Coverage
	getJSON(t, h, "/api/coverage", http.StatusOK, &cov)
	perPaper := map[string]int{}
	for _, a := range arts {
		perPaper[a.Paper]++
	}
	if cov.Total != len(arts) || len(cov.Papers) != 2 || len(cov.Months) != 36 {
		t.Fatalf("total %d papers %d months %d", cov.Total, len(cov.Papers), len(cov.Months))
	}
	for _, p := range cov.Papers {
		if p.Articles != perPaper[p.Paper] || p.Months[13].Month != "2021-02" || p.Months[13].Articles != 0 {
			t.Errorf("%s: %d articles (brute force %d), %+v", p.Paper, p.Articles, perPaper[p.Paper], p.Months[13])
		}
	}
}

// TestAPISnapshots freezes a result set through the API and by the page's
// form, grows the index, and checks that the set comes back unchanged and
// that the page shows the rerun's difference.
func TestAPISnapshots(t *testing.T) {
	h, ix, arts := researchServer(t, RateLimit{})
	body := `{"q": "\"黄河\"", "paper": ["吕梁日报"], "from": "2021-01-01"}`
	w := serve(t, h, http.MethodPost, "/api/snapshots", strings.NewReader(body), "Content-Type", "application/json")
	if w.Code != http.StatusCreated {
		t.Fatalf("POST: %d %s", w.Code, w.Body.String())
	}
	var s search.Snapshot
	if err := json.Unmarshal(w.Body.Bytes(), &s); err != nil {
		t.Fatal(err)
	}
	want := 0
	for _, a := range arts {
		if a.Paper == "吕梁日报" && a.Date >= "2021-01-01" && has(a, "黄河") {
			want++
		}
	}
	if s.Total != want || len(s.IDs) != want || len(s.SHA256) != 64 || s.Query != `"黄河"` {
		t.Errorf("snapshot: total %d ids %d (brute force %d), sha %q", s.Total, len(s.IDs), want, s.SHA256)
	}
	first := serve(t, h, http.MethodGet, "/api/snapshots/"+s.ID, nil).Body.String()

	addArticles(t, ix, []*article.Article{{ID: "later", Paper: "吕梁日报", Date: "2022-12-30", Headline: "黄河新篇", Body: "黄河奔流。"}})
	if again := serve(t, h, http.MethodGet, "/api/snapshots/"+s.ID, nil).Body.String(); again != first {
		t.Errorf("the set changed after the index grew:\n%s\n%s", first, again)
	}
	page := serve(t, h, http.MethodGet, "/snapshots/"+s.ID+"?rerun=1", nil)
	text := page.Body.String()
	if page.Code != http.StatusOK || !strings.Contains(text, "[DS/OL]") || !strings.Contains(text, `<strong id="added">1</strong>`) || !strings.Contains(text, "/articles/later") {
		t.Errorf("snapshot page: %d\n%s", page.Code, text)
	}

	form := url.Values{"q": {"古镇"}, "section": {"文旅"}}.Encode()
	w = serve(t, h, http.MethodPost, "/snapshots", strings.NewReader(form), "Content-Type", "application/x-www-form-urlencoded")
	if loc := w.Header().Get("Location"); w.Code != http.StatusSeeOther || !strings.HasPrefix(loc, "/snapshots/") {
		t.Errorf("form: %d, location %q", w.Code, loc)
	}
	if w := serve(t, h, http.MethodGet, "/api/snapshots/nope", nil); w.Code != http.StatusNotFound {
		t.Errorf("unknown snapshot: %d", w.Code)
	}
	if w := serve(t, h, http.MethodPost, "/api/snapshots", strings.NewReader(`{"q": 3}`), "Content-Type", "application/json"); w.Code != http.StatusBadRequest {
		t.Errorf("bad body: %d %s", w.Code, w.Body.String())
	}
}

// TestCitations checks an article's citation endpoint and the citations
// on its page, with the script that adds copy buttons.
func TestCitations(t *testing.T) {
	h, _, _ := researchServer(t, RateLimit{})
	w := serve(t, h, http.MethodGet, "/api/articles/w001/cite?format=ris", nil)
	if w.Code != http.StatusOK || !strings.Contains(w.Body.String(), "TY  - NEWS") || !strings.Contains(w.Body.String(), "UR  - http://example.com/articles/w001") {
		t.Errorf("RIS: %d %s", w.Code, w.Body.String())
	}
	page := serve(t, h, http.MethodGet, "/articles/w001", nil).Body.String()
	for _, want := range []string{"白凯冰, 王涛. 公安一线[N]. 吕梁日报, 2020-01-06(2).", "TY  - NEWS", "@article{baoku:w001", "article-newspaper", `<script src="/static/copy.js"></script>`, `id="p1"`} {
		if !strings.Contains(page, want) {
			t.Errorf("article page lacks %q", want)
		}
	}
	if w := serve(t, h, http.MethodGet, "/static/copy.js", nil); w.Code != http.StatusOK || !strings.Contains(w.Body.String(), "clipboard") {
		t.Errorf("copy.js: %d", w.Code)
	}
}

// TestRateLimit checks that a client past its budget gets 429 with the
// seconds to wait, that another client and the search go on, and that the
// budget comes back with time.
func TestRateLimit(t *testing.T) {
	clock := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	h, _, _ := researchServer(t, RateLimit{PerMinute: 6, Burst: 3, now: func() time.Time { return clock }})
	get := func(target, addr string) *httptest.ResponseRecorder {
		req := httptest.NewRequest(http.MethodGet, target, nil)
		req.RemoteAddr = addr
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		return w
	}
	for i := range 3 {
		if w := get("/api/coverage", "192.0.2.1:1000"); w.Code != http.StatusOK {
			t.Fatalf("request %d: %d", i, w.Code)
		}
	}
	w := get("/api/coverage", "192.0.2.1:1001")
	if w.Code != http.StatusTooManyRequests || w.Header().Get("Retry-After") != "10" || !strings.Contains(w.Body.String(), "error") {
		t.Errorf("over the limit: %d, Retry-After %q, %s", w.Code, w.Header().Get("Retry-After"), w.Body.String())
	}
	if w := get("/trend?q=x", "192.0.2.1:1002"); w.Code != http.StatusTooManyRequests {
		t.Errorf("page over the limit: %d", w.Code)
	}
	if w := get("/api/coverage", "192.0.2.2:1000"); w.Code != http.StatusOK {
		t.Errorf("another client: %d", w.Code)
	}
	if w := get("/api/search?q=%E9%BB%84%E6%B2%B3", "192.0.2.1:1003"); w.Code != http.StatusOK {
		t.Errorf("search is not limited: %d", w.Code)
	}
	clock = clock.Add(10 * time.Second)
	if w := get("/api/coverage", "192.0.2.1:1004"); w.Code != http.StatusOK {
		t.Errorf("after waiting: %d", w.Code)
	}
}

// TestResearchPages checks that each page renders its view, keeps its
// state in the URL and shows its API call.
func TestResearchPages(t *testing.T) {
	h, _, _ := researchServer(t, RateLimit{})
	for _, tc := range []struct {
		target string
		want   []string
	}{
		{"/trend?q=%E9%BB%84%E6%B2%B3&q=%E5%8F%A4%E9%95%87&by=month", []string{"<svg", `class="sparse"`, "/search?month=2020-01", "curl &#39;http://example.com/api/trend?by=month&amp;q=", "每万篇", "冻结为可引用的结果集"}},
		{"/trend?q=%E9%BB%84%E6%B2%B3&scale=per10k", []string{"<svg", `<strong aria-current="true">每万篇</strong>`}},
		{"/kwic?q=%E5%8F%B0%E6%B9%BE&sort=right", []string{`<mark>臺灣</mark>`, `<strong aria-current="true">按右侧</strong>`, "/articles/w", "#p"}},
		{"/collocates?q=%E5%8F%A4%E9%95%87&min=2", []string{"logDice", `id="node"`, "/kwic?q="}},
		{"/coverage?paper=%E6%96%B0%E6%B0%91%E6%99%9A%E6%8A%A5", []string{"新民晚报", "缺", `class="lv0"`}},
	} {
		w := serve(t, h, http.MethodGet, tc.target, nil)
		if w.Code != http.StatusOK {
			t.Errorf("%s: %d", tc.target, w.Code)
			continue
		}
		for _, s := range tc.want {
			if !strings.Contains(w.Body.String(), s) {
				t.Errorf("%s: page lacks %q", tc.target, s)
			}
		}
	}
	w := serve(t, h, http.MethodGet, "/trend?q=%E9%BB%84%E6%B2%B3&by=week", nil)
	if w.Code != http.StatusBadRequest || !bytes.Contains(w.Body.Bytes(), []byte("by must be year, month or day")) {
		t.Errorf("bad trend: %d", w.Code)
	}
}

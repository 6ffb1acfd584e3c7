package web

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"baoku/indexer"
	"baoku/indexer/article"
	"baoku/search"
	"baoku/segment"
)

const xss = `<script>alert(1)</script>`

// secArticles are the articles of the security tests, one of them hostile.
func secArticles() []*article.Article {
	arts := []*article.Article{
		{ID: "evil", Paper: "测试日报", Date: "2023-07-22", Page: "1", Section: "要闻" + xss,
			Reporters: []string{"记者" + xss}, Headline: "攻击标题" + xss, Kicker: xss, Subtitle: xss,
			Body: "正文里有脚本" + xss + "。\n第二段<img src=x onerror=alert(2)>结束。"},
		{ID: "calm", Paper: "测试日报", Date: "2023-07-23", Page: "2", Section: "文旅",
			Headline: "古镇夜游", Body: "夜幕降临的古镇，游客在巷弄间参观。"},
	}
	for i := 0; i < 30; i++ {
		arts = append(arts, &article.Article{ID: fmt.Sprintf("s%02d", i), Paper: "测试日报", Date: "2023-08-01",
			Section: fmt.Sprintf("版面%02d", i), Headline: fmt.Sprintf("古镇第%d篇", i), Body: "古镇保护。"})
	}
	return arts
}

// secIndex returns an in-memory index of the articles, with the test
// dictionary.
func secIndex(t testing.TB, arts []*article.Article) *indexer.Index {
	t.Helper()
	ix, err := indexer.NewMem(indexer.Options{Dict: segment.DictTest})
	if err != nil {
		t.Fatal(err)
	}
	addArticles(t, ix, arts)
	return ix
}

// addArticles writes arts into ix.
func addArticles(t testing.TB, ix *indexer.Index, arts []*article.Article) {
	t.Helper()
	w := indexer.NewWriter(ix, 100)
	for _, a := range arts {
		if err := w.Add(a); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
}

func secEngine(t testing.TB, ix *indexer.Index) *search.Engine {
	t.Helper()
	e := search.New(ix)
	if err := e.Warm(); err != nil {
		t.Fatal(err)
	}
	return e
}

func secRouter(t testing.TB, s Searcher, opt Options) http.Handler {
	t.Helper()
	r, err := NewRouter(s, opt)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// serve runs one request through the handler, raw: the target is sent as
// written, not cleaned by a client.
func serve(t testing.TB, h http.Handler, method, target string, body io.Reader, header ...string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, "/", body)
	u, err := url.ParseRequestURI(target)
	if err != nil {
		t.Fatalf("target %q: %v", target, err)
	}
	req.URL, req.RequestURI = u, target
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func TestSecurityHeaders(t *testing.T) {
	h := secRouter(t, secEngine(t, secIndex(t, secArticles())), Options{})
	for _, path := range []string{"/", "/search?q=古镇", "/api/search?q=古镇", "/articles/calm", "/api/articles/nope", "/static/style.css", "/healthz"} {
		t.Run(path, func(t *testing.T) {
			rec := serve(t, h, "GET", path, nil)
			hd := rec.Header()
			csp := hd.Get("Content-Security-Policy")
			for _, want := range []string{"default-src 'self'", "script-src 'self'", "frame-ancestors 'none'", "object-src 'none'"} {
				if !strings.Contains(csp, want) {
					t.Errorf("CSP %q lacks %q", csp, want)
				}
			}
			if strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "unsafe-eval") || strings.Contains(csp, "*") {
				t.Errorf("CSP %q allows more than the site's own assets", csp)
			}
			if got := hd.Get("X-Content-Type-Options"); got != "nosniff" {
				t.Errorf("X-Content-Type-Options = %q, want nosniff", got)
			}
			if hd.Get("Referrer-Policy") == "" {
				t.Error("no Referrer-Policy")
			}
		})
	}
}

// TestPagesNeedNoInlineCode checks the pages would work under the CSP: no
// inline script, event handler or style attribute.
func TestPagesNeedNoInlineCode(t *testing.T) {
	h := secRouter(t, secEngine(t, secIndex(t, secArticles())), Options{})
	for _, path := range []string{"/", "/search?q=古镇", "/articles/calm?q=古镇", "/help", "/browse", "/nowhere"} {
		body := serve(t, h, "GET", path, nil).Body.String()
		low := strings.ToLower(body)
		for i := strings.Index(low, "<script"); i >= 0; i = indexFrom(low, "<script", i+1) {
			tag := low[i : i+strings.Index(low[i:], ">")]
			if !strings.Contains(tag, " src=") {
				t.Errorf("%s: inline script %q", path, tag)
			}
		}
		for _, bad := range []string{" onclick=", " onload=", " onerror=", " onsubmit=", " style=", "javascript:"} {
			if strings.Contains(low, bad) {
				t.Errorf("%s: page has %q, which the CSP blocks", path, bad)
			}
		}
	}
}

func indexFrom(s, sub string, from int) int {
	if from >= len(s) {
		return -1
	}
	if i := strings.Index(s[from:], sub); i >= 0 {
		return from + i
	}
	return -1
}

// ownScript is a script tag of the site's own, from its static folder.
var ownScript = regexp.MustCompile(`<script src="/static/[a-z]+\.js"></script>`)

// TestScriptEscapedEverywhere puts <script> in the query and in article
// text and checks no response carries it as markup.
func TestScriptEscapedEverywhere(t *testing.T) {
	h := secRouter(t, secEngine(t, secIndex(t, secArticles())), Options{})
	q := url.QueryEscape(xss)
	paths := []string{
		"/api/search?q=" + q, "/search?q=" + q, "/?q=" + q,
		"/api/search?q=" + url.QueryEscape("攻击 脚本"), "/search?q=" + url.QueryEscape("攻击 脚本"),
		"/search?q=" + url.QueryEscape("alert"), "/api/search?q=" + url.QueryEscape("alert"),
		"/articles/evil", "/articles/evil?q=" + q, "/api/articles/evil",
		"/search?section=" + url.QueryEscape("要闻"+xss), "/search?paper=" + q + "&reporter=" + q,
		"/articles/" + url.PathEscape(xss), "/api/articles/" + url.PathEscape(xss),
	}
	for _, path := range paths {
		t.Run(path, func(t *testing.T) {
			rec := serve(t, h, "GET", path, nil)
			// The site's own scripts, from its static folder, are the
			// only ones a page may carry.
			body := ownScript.ReplaceAllString(rec.Body.String(), "")
			for _, bad := range []string{"<script", "<img"} {
				if strings.Contains(strings.ToLower(body), strings.ToLower(bad)) {
					i := strings.Index(strings.ToLower(body), strings.ToLower(bad))
					t.Errorf("status %d: response carries %q unescaped: …%s…", rec.Code, bad, body[max(0, i-80):min(len(body), i+80)])
				}
			}
		})
	}
	// The hostile article is found, and shown, escaped.
	body := serve(t, h, "GET", "/articles/evil", nil).Body.String()
	if !strings.Contains(body, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Error("article page does not show the script text escaped")
	}
	api := serve(t, h, "GET", "/api/search?q="+url.QueryEscape("攻击"), nil).Body.String()
	if !strings.Contains(api, `\u003cscript\u003e`) && !strings.Contains(api, `&lt;script&gt;`) {
		t.Errorf("API answer does not carry the hostile headline escaped: %.300s", api)
	}
}

// TestStaticCannotEscape asks for files outside the static folder with
// every spelling of "..".
func TestStaticCannotEscape(t *testing.T) {
	h := secRouter(t, secEngine(t, secIndex(t, secArticles())), Options{})
	for _, path := range []string{
		"/static/../web.go", "/static/../../go.mod", "/static/..%2fweb.go", "/static/%2e%2e/web.go",
		"/static/%2e%2e%2fweb.go", "/static/..%5cweb.go", "/static/....//web.go", "/static//../web.go",
		"/static/%252e%252e/web.go", "/static/../templates/search.html", "/static/..;/web.go",
	} {
		t.Run(path, func(t *testing.T) {
			rec := serve(t, h, "GET", path, nil)
			body := rec.Body.String()
			if strings.Contains(body, "package web") || strings.Contains(body, "module baoku") || strings.Contains(body, "{{") {
				t.Errorf("status %d: served a file outside the static folder", rec.Code)
			}
			if rec.Code == http.StatusOK && !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/css") {
				t.Errorf("status 200 with %q", rec.Header().Get("Content-Type"))
			}
		})
	}
	for _, dir := range []string{"/static/", "/static//", "/static/./"} {
		if rec := serve(t, h, "GET", dir, nil); rec.Code != http.StatusNotFound || strings.Contains(rec.Body.String(), "style.css") {
			t.Errorf("%s: status %d, %q; want 404 and no listing", dir, rec.Code, rec.Body.String())
		}
	}
	if rec := serve(t, h, "GET", "/static/style.css", nil); rec.Code != http.StatusOK {
		t.Errorf("/static/style.css: status %d, want 200", rec.Code)
	}
}

// failing is a searcher whose searches fail in the ways a server must not
// explain to its clients.
type failing struct {
	*search.Engine
	mode string
}

func (f failing) Search(ctx context.Context, r search.Request) (*search.Result, error) {
	switch f.mode {
	case "panic":
		panic("index corrupt at /srv/baoku/var/index/store/000001.zap")
	case "error":
		return nil, fmt.Errorf("search: open /srv/baoku/var/index/store/000001.zap: %w", errors.New("input/output error"))
	}
	return f.Engine.Search(ctx, r)
}

func (f failing) Article(ctx context.Context, id string) (*article.Article, error) {
	if f.mode == "panic" {
		panic("runtime error: index out of range [3] with length 3")
	}
	return nil, fmt.Errorf("search: article %s: read /srv/baoku/var/index/store/root.bolt: input/output error", id)
}

func TestNoInternalsInErrors(t *testing.T) {
	log.SetOutput(io.Discard) // the stacks go to the log, which is not under test
	t.Cleanup(func() { log.SetOutput(os.Stderr) })
	eng := secEngine(t, secIndex(t, secArticles()))
	for _, mode := range []string{"panic", "error"} {
		h := secRouter(t, failing{eng, mode}, Options{})
		for _, path := range []string{"/api/search?q=古镇", "/search?q=古镇", "/api/articles/calm", "/articles/calm"} {
			t.Run(mode+path, func(t *testing.T) {
				rec := serve(t, h, "GET", path, nil)
				if rec.Code != http.StatusInternalServerError {
					t.Errorf("status %d, want 500", rec.Code)
				}
				body := rec.Body.String()
				for _, bad := range []string{"/srv/", ".zap", ".bolt", "goroutine", ".go:", "panic", "runtime error", "input/output"} {
					if strings.Contains(body, bad) {
						t.Errorf("body leaks %q: %.300s", bad, body)
					}
				}
			})
		}
	}
}

// blocking is a searcher whose searches wait until released or cancelled.
type blocking struct {
	*search.Engine
	started chan struct{}
	release chan struct{}
}

func (b blocking) Search(ctx context.Context, r search.Request) (*search.Result, error) {
	b.started <- struct{}{}
	select {
	case <-b.release:
		return b.Engine.Search(ctx, r)
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

func TestConcurrencyCapAnswers503(t *testing.T) {
	eng := secEngine(t, secIndex(t, secArticles()))
	b := blocking{eng, make(chan struct{}, 4), make(chan struct{})}
	h := secRouter(t, b, Options{Limits: Limits{MaxSearches: 2, QueueWait: -1, Timeout: time.Minute}})
	var wg sync.WaitGroup
	codes := make(chan int, 2)
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			codes <- serve(t, h, "GET", "/api/search?q=古镇", nil).Code
		}()
	}
	<-b.started
	<-b.started
	for _, path := range []string{"/api/search?q=古镇", "/search?q=古镇"} {
		rec := serve(t, h, "GET", path, nil)
		if rec.Code != http.StatusServiceUnavailable || rec.Header().Get("Retry-After") == "" {
			t.Errorf("%s with every slot busy: status %d, Retry-After %q; want 503 with Retry-After", path, rec.Code, rec.Header().Get("Retry-After"))
		}
	}
	if rec := serve(t, h, "GET", "/healthz", nil); rec.Code != http.StatusOK {
		t.Errorf("/healthz while searches are busy: status %d, want 200", rec.Code)
	}
	close(b.release)
	wg.Wait()
	close(codes)
	for c := range codes {
		if c != http.StatusOK {
			t.Errorf("a search holding a slot answered %d, want 200", c)
		}
	}
	if rec := serve(t, h, "GET", "/api/search?q=古镇", nil); rec.Code != http.StatusOK {
		t.Errorf("after the crowd: status %d, want 200", rec.Code)
	}
}

func TestRequestTimeoutCancelsSearch(t *testing.T) {
	eng := secEngine(t, secIndex(t, secArticles()))
	b := blocking{eng, make(chan struct{}, 1), make(chan struct{})}
	h := secRouter(t, b, Options{Limits: Limits{Timeout: 50 * time.Millisecond}})
	rec := serve(t, h, "GET", "/api/search?q=古镇", nil)
	if rec.Code != http.StatusServiceUnavailable {
		t.Errorf("search past the timeout: status %d, want 503", rec.Code)
	}
	// The engine hands the context to bleve: a cancelled one stops it.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := eng.Search(ctx, search.Request{Query: "古镇"}); !errors.Is(err, context.Canceled) {
		t.Errorf("search with a cancelled context: err %v, want context.Canceled", err)
	}
}

// TestClientGoneIsNot500: a client that goes away mid-search is answered
// (to no one) with 499 and counted so, not as a server error.
func TestClientGoneIsNot500(t *testing.T) {
	eng := secEngine(t, secIndex(t, secArticles()))
	h := secRouter(t, eng, Options{})
	for _, target := range []string{"/api/search?q=古镇", "/search?q=古镇"} {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		req := httptest.NewRequest("GET", target, nil).WithContext(ctx)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != statusClientGone {
			t.Errorf("%s, client gone: status %d, want %d", target, rec.Code, statusClientGone)
		}
	}
	metrics := serve(t, h, "GET", "/metrics", nil).Body.String()
	if strings.Contains(metrics, `code="500"`) || !strings.Contains(metrics, `code="499"`) {
		t.Errorf("metrics count the gone clients wrongly:\n%s", grepLines(metrics, "baoku_http_requests_total"))
	}
}

// grepLines returns the lines of text that contain s.
func grepLines(text, s string) string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		if strings.Contains(l, s) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

func TestRequestLimits(t *testing.T) {
	h := secRouter(t, secEngine(t, secIndex(t, secArticles())), Options{})
	long := url.QueryEscape(strings.Repeat("古", 513))
	for _, c := range []struct {
		path string
		code int
	}{
		{"/api/search?q=古镇&size=100", 200},
		{"/api/search?q=古镇&size=101", 400},
		{"/api/search?q=古镇&size=-1", 400},
		{"/api/search?q=古镇&page=101&size=100", 400},
		{"/api/search?q=古镇&page=1000000000000000000000", 400},
		{"/api/search?q=" + long, 400},
		{"/api/search?q=" + url.QueryEscape(strings.Repeat("古", 512)), 200},
	} {
		if rec := serve(t, h, "GET", c.path, nil); rec.Code != c.code {
			t.Errorf("%.80s: status %d, want %d", c.path, rec.Code, c.code)
		}
	}
	// Facets return at most search.FacetSize values, however many there are.
	eng := secEngine(t, secIndex(t, secArticles()))
	res, err := eng.Search(context.Background(), search.Request{Query: "古镇"})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(res.Facets["section"]); n == 0 || n > search.FacetSize {
		t.Errorf("section facet has %d values, want 1 to %d (the index has 32)", n, search.FacetSize)
	}
}

// Check the raw-request helper sends the target as written.
func TestServeSendsRawTarget(t *testing.T) {
	var got string
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { got = r.RequestURI })
	serve(t, h, "GET", "/static/../web.go", nil)
	if got != "/static/../web.go" {
		t.Fatalf("RequestURI %q", got)
	}

}

package web

import (
	"context"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// browserPath finds a Chromium to drive: $BAOKU_CHROMIUM, then the usual
// names on PATH.
func browserPath() string {
	if p := os.Getenv("BAOKU_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// newBrowser starts headless Chromium with a fresh profile. Without a
// browser the test skips, except under CI, where it fails.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	path := browserPath()
	if path == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("no Chromium found (install it: apt-get install -y chromium); browser tests may not skip under CI")
		}
		t.Skip("no Chromium found; install it (apt-get install -y chromium) to run the browser tests")
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.WindowSize(390, 844), // a phone
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 40*time.Second)
	t.Cleanup(func() { cancelTimeout(); cancelCtx(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start Chromium %s: %v", path, err)
	}
	return ctx
}

// do runs browser steps, failing the test on error.
func do(t *testing.T, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

// textOf returns the text of the first element a CSS selector finds.
func textOf(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		t.Fatalf("text of %s: %v", sel, err)
	}
	return strings.TrimSpace(s)
}

func location(t *testing.T, ctx context.Context) string {
	t.Helper()
	u, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// TestBrowserSearchFlow types a query, pages through the results, clicks
// a facet, opens an article and removes the filter from the keyboard, in
// a real browser at phone width. The pages have no script.
func TestBrowserSearchFlow(t *testing.T) {
	srv := newTestServer(t)
	ctx := newBrowser(t)
	do(t, ctx,
		chromedp.Navigate(srv.URL+"/"),
		chromedp.WaitVisible(chromedp.CSS(`#q`)),
		chromedp.SendKeys(chromedp.CSS(`#q`), "古镇\n"),
		chromedp.WaitVisible(chromedp.CSS(`#total`)),
	)
	if total := textOf(t, ctx, `#total`); total != "25" {
		t.Errorf("total after typing 古镇 = %q, want 25", total)
	}
	firstPage := textOf(t, ctx, `ol.hits`)
	overflow, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth`))
	if err != nil {
		t.Fatal(err)
	}
	if overflow {
		t.Error("the search page is wider than a phone screen")
	}

	// Page through: the second page shows other articles.
	do(t, ctx,
		chromedp.Click(chromedp.CSS(`a[rel="next"]`)),
		chromedp.WaitVisible(chromedp.CSS(`a[rel="prev"]`)),
	)
	secondPage := textOf(t, ctx, `ol.hits`)
	if u := location(t, ctx); !strings.Contains(u, "page=2") || secondPage == firstPage || secondPage == "" {
		t.Errorf("next page: url %s, same hits as page one: %v", u, secondPage == firstPage)
	}

	// Click the 吕梁日报 facet: the filter shows and the total is its count.
	facet := `//aside//a[text()="吕梁日报"]`
	facetCount, err := chromedp.Run(ctx, chromedp.Text(chromedp.Search(facet+`/following-sibling::span`)))
	if err != nil {
		t.Fatal(err)
	}
	do(t, ctx,
		chromedp.Click(chromedp.Search(facet)),
		chromedp.WaitVisible(chromedp.CSS(`ul.active`)),
	)
	if got := textOf(t, ctx, `#total`); got != facetCount || facetCount == "" {
		t.Errorf("facet said %q, clicking found %q", facetCount, got)
	}
	filtered := location(t, ctx)
	if strings.Contains(filtered, "page=") {
		t.Errorf("a facet click keeps the page: %s", filtered)
	}

	// Open the article: matches are marked, its page is linked.
	do(t, ctx,
		chromedp.Click(chromedp.CSS(`ol.hits li h2 a`)),
		chromedp.WaitVisible(chromedp.CSS(`main.article h1`)),
	)
	title, marked := textOf(t, ctx, `main.article h1`), textOf(t, ctx, `main.article mark`)
	if !strings.Contains(title, "碛口古镇") || marked != "古镇" {
		t.Errorf("article: title %q, first mark %q", title, marked)
	}
	if link := textOf(t, ctx, `#pagelink`); link != "吕梁日报 第3版 文旅" {
		t.Errorf("link to the article's page = %q", link)
	}

	// Back to the results (the URL holds them); remove the filter from
	// the keyboard.
	do(t, ctx,
		chromedp.Navigate(filtered),
		chromedp.WaitVisible(chromedp.CSS(`ul.active a`)),
		chromedp.Focus(chromedp.CSS(`ul.active a`)),
		chromedp.KeyEvent("\r"),
		chromedp.WaitNotPresent(chromedp.CSS(`ul.active`)),
	)
	if got := textOf(t, ctx, `#total`); got != "25" {
		t.Errorf("after removing the filter: total %q, want 25", got)
	}
}

// TestBrowserBadQuery checks that a malformed query shows where it breaks.
func TestBrowserBadQuery(t *testing.T) {
	srv := newTestServer(t)
	ctx := newBrowser(t)
	do(t, ctx,
		chromedp.Navigate(srv.URL+"/search"),
		chromedp.WaitVisible(chromedp.CSS(`#q`)),
		chromedp.SendKeys(chromedp.CSS(`#q`), "碛口 \"古镇\n"),
		chromedp.WaitVisible(chromedp.CSS(`.error`)),
	)
	if msg := textOf(t, ctx, `.error`); msg != "检索式第 4 个字处：引号没有配对。" {
		t.Errorf("error shown = %q", msg)
	}
}

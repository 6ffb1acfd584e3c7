package web

import (
	"context"
	"net/http/httptest"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"baoku/indexer"
	"baoku/segment"
)

// researchBrowserServer serves the research fixture over HTTP.
func researchBrowserServer(t *testing.T) (*httptest.Server, int, int) {
	t.Helper()
	h, _, arts := researchServer(t, RateLimit{})
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	in2020, taiwan := 0, 0
	seen := map[string]bool{} // an article printed twice counts once
	for _, a := range arts {
		if a.Date[:4] == "2020" && has(a, "黄河") && !seen[indexer.ContentKey(a)] {
			seen[indexer.ContentKey(a)] = true
			in2020++
		}
		for _, s := range []string{a.Kicker, a.Headline, a.Subtitle, a.Body} {
			taiwan += strings.Count(segment.Normalize(s), "台湾")
		}
	}
	return srv, in2020, taiwan
}

// noOverflow fails when the page is wider than the phone's screen.
func noOverflow(t *testing.T, ctx context.Context, page string) {
	t.Helper()
	overflow, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth`))
	if err != nil {
		t.Fatal(err)
	}
	if overflow {
		t.Errorf("%s is wider than a phone screen", page)
	}
}

// TestBrowserTrend draws a trend from the form, switches to rates per
// 10,000, and follows a point of the chart to its articles, in a real
// browser at phone width.
func TestBrowserTrend(t *testing.T) {
	srv, in2020, _ := researchBrowserServer(t)
	ctx := newBrowser(t)
	do(t, ctx,
		chromedp.Navigate(srv.URL+"/trend"),
		chromedp.WaitVisible(chromedp.CSS(`#qnew`)),
		chromedp.SendKeys(chromedp.CSS(`#qnew`), "黄河\n"),
		chromedp.WaitVisible(chromedp.CSS(`svg.chart`)),
	)
	points, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("svg.chart circle.point").length`))
	if err != nil {
		t.Fatal(err)
	}
	if points != 3 {
		t.Errorf("%d points, want one a year, 3", points)
	}
	if got := textOf(t, ctx, `.seriescount`); got == "" || got == "0" {
		t.Errorf("series count %q", got)
	}
	noOverflow(t, ctx, "/trend")
	// The script added copy buttons (the CSP lets the site's own run).
	if n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("button.copy").length`)); err != nil || n == 0 {
		t.Errorf("copy buttons: %d %v", n, err)
	}

	do(t, ctx,
		chromedp.Click(chromedp.CSS(`#per10k`)),
		chromedp.WaitVisible(chromedp.CSS(`svg.chart`)),
	)
	if u := location(t, ctx); !strings.Contains(u, "scale=per10k") || !strings.Contains(u, "q=") {
		t.Errorf("per 10k: url %s", u)
	}

	// The first point is 2020: its link is the search for that year.
	do(t, ctx,
		chromedp.Click(chromedp.CSS(`svg.chart a circle.point`)),
		chromedp.WaitVisible(chromedp.CSS(`#total`)),
	)
	if u := location(t, ctx); !strings.Contains(u, "year=2020") {
		t.Errorf("the point led to %s", u)
	}
	if got := textOf(t, ctx, `#total`); got != strconv.Itoa(in2020) {
		t.Errorf("2020's articles: the search finds %s, the chart said %d", got, in2020)
	}
}

// TestBrowserKWIC lists a concordance from the form, sorts it by the left
// context and follows a line to its paragraph in the article.
func TestBrowserKWIC(t *testing.T) {
	srv, _, taiwan := researchBrowserServer(t)
	ctx := newBrowser(t)
	do(t, ctx,
		chromedp.Navigate(srv.URL+"/kwic"),
		chromedp.WaitVisible(chromedp.CSS(`#kq`)),
		chromedp.SendKeys(chromedp.CSS(`#kq`), "台湾\n"),
		chromedp.WaitVisible(chromedp.CSS(`#kwictotal`)),
	)
	if got := textOf(t, ctx, `#kwictotal`); got != strconv.Itoa(taiwan) {
		t.Errorf("occurrences %s, brute force %d", got, taiwan)
	}
	if m := textOf(t, ctx, `td.match mark`); m != "臺灣" {
		t.Errorf("first match %q, want the characters printed, 臺灣", m)
	}
	noOverflow(t, ctx, "/kwic")

	do(t, ctx,
		chromedp.Click(chromedp.Search(`//a[text()="按左侧"]`)),
		chromedp.WaitVisible(chromedp.Search(`//strong[text()="按左侧"]`)),
	)
	lefts, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("td.left")).map(td => Array.from(td.textContent).reverse().join(""))`))
	if err != nil {
		t.Fatal(err)
	}
	if len(lefts) == 0 || !sort.StringsAreSorted(lefts) {
		t.Errorf("left contexts, reversed, not sorted: %v", lefts)
	}

	do(t, ctx,
		chromedp.Click(chromedp.CSS(`td.match a`)),
		chromedp.WaitVisible(chromedp.CSS(`main.article h1`)),
	)
	u := location(t, ctx)
	hash := u[strings.LastIndex(u, "#")+1:]
	if !strings.HasPrefix(hash, "p") {
		t.Fatalf("the line led to %s, not to a paragraph", u)
	}
	if p := textOf(t, ctx, `#`+hash); !strings.Contains(segment.Normalize(p), "台湾") {
		t.Errorf("paragraph %s: %q lacks the match", hash, p)
	}
}

package web

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"baoku/indexer/article"
)

// pageImageName of the test page: a hash and the page number.
const testImage = "0123456789abcdef-1.png"

// pdfArticles are two articles read from a PDF page, with their page
// image and regions, and one from page text without.
func pdfArticles() []*article.Article {
	region := func(x, y, w, h float64) *article.Region {
		return &article.Region{Width: 600, Height: 800, Boxes: []article.Box{{X: x, Y: y, W: w, H: h}}}
	}
	return []*article.Article{
		{ID: "pdf1", Paper: "晨光日报", Date: "2024-05-01", Page: "2", Section: "要闻", Headline: "青山县新建大桥今日通车",
			Body: "青山县新建大桥今日正式通车。", Captions: []string{"图为新建成的大桥。王五摄"}, Photographers: []string{"王五"},
			PageImage: "pages/" + testImage, Region: region(40, 48, 300, 220)},
		{ID: "pdf2", Paper: "晨光日报", Date: "2024-05-01", Page: "2", Section: "要闻", Headline: "社区食堂办到家门口",
			Body: "东湖区首家社区食堂昨天开业。", PageImage: "pages/" + testImage, Region: region(380, 70, 180, 100)},
		{ID: "txt1", Paper: "晨光日报", Date: "2024-05-01", Page: "3", Headline: "夜市重开人气旺", Body: "石桥镇夜市昨晚重新开放。"},
	}
}

// pageImageServer serves the PDF articles with a folder of page images
// holding the test page's image (600×800 pixels).
func pageImageServer(t *testing.T) *httptest.Server {
	t.Helper()
	dir := t.TempDir()
	img := image.NewGray(image.Rect(0, 0, 600, 800))
	for i := range img.Pix {
		img.Pix[i] = 0xee
	}
	img.Set(10, 10, color.Black)
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, testImage), buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "secret.txt"), []byte("not served"), 0o644); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(secRouter(t, secEngine(t, secIndex(t, pdfArticles())), Options{PageImages: dir}))
	t.Cleanup(srv.Close)
	return srv
}

func fetchURL(t *testing.T, u string) (int, string, string) {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header.Get("Content-Type"), string(b)
}

func TestPageImageRoute(t *testing.T) {
	srv := pageImageServer(t)
	if code, ct, _ := fetchURL(t, srv.URL+"/pages/"+testImage); code != 200 || ct != "image/png" {
		t.Errorf("page image: %d %s", code, ct)
	}
	for _, p := range []string{"secret.txt", "..%2Fsecret.txt", "0123456789abcdef-2.png", "x.png", "%2e%2e/%2e%2e/etc/passwd"} {
		if code, _, body := fetchURL(t, srv.URL+"/pages/"+p); code != 404 || strings.Contains(body, "not served") {
			t.Errorf("/pages/%s: %d", p, code)
		}
	}
}

func TestArticlePageImage(t *testing.T) {
	srv := pageImageServer(t)
	_, _, body := fetchURL(t, srv.URL+"/articles/pdf1")
	for _, want := range []string{
		`<svg viewBox="0 0 600 800"`, `<image href="/pages/` + testImage + `" width="600" height="800"/>`,
		`<rect class="region current" x="40" y="48" width="300" height="220"/>`, `图为新建成的大桥。王五摄`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("article page lacks %s", want)
		}
	}
	if strings.Contains(body, "style=") {
		t.Error("inline style on the article page (the CSP forbids it)")
	}
	if _, _, body := fetchURL(t, srv.URL+"/articles/txt1"); strings.Contains(body, "<svg") {
		t.Error("an article without a page image shows one")
	}
	// The browse page of the page: the image with each article a link.
	_, _, body = fetchURL(t, srv.URL+"/browse/2024-05-01?paper=晨光日报&page=2")
	for _, want := range []string{`id="pagemap"`, `<a href="/articles/pdf1"><title>青山县新建大桥今日通车</title><rect class="region" x="40"`, `<a href="/articles/pdf2">`} {
		if !strings.Contains(body, want) {
			t.Errorf("browse page lacks %s", want)
		}
	}
	if _, _, body := fetchURL(t, srv.URL+"/browse/2024-05-01?paper=晨光日报&page=3"); strings.Contains(body, "pagemap") {
		t.Error("a page without images shows a page map")
	}
}

func TestPageImagesOff(t *testing.T) {
	srv := httptest.NewServer(secRouter(t, secEngine(t, secIndex(t, pdfArticles())), Options{}))
	defer srv.Close()
	if code, _, _ := fetchURL(t, srv.URL+"/pages/"+testImage); code != 404 {
		t.Errorf("page images served without a folder: %d", code)
	}
}

// TestBrowserArticlePageImage opens an article read from a PDF in a real
// browser: the page image loads and the article's region is drawn on it
// where the article is; on the page's browse view a click on a region
// opens its article.
func TestBrowserArticlePageImage(t *testing.T) {
	srv := pageImageServer(t)
	ctx := newBrowser(t)
	do(t, ctx,
		chromedp.Navigate(srv.URL+"/articles/pdf1"),
		chromedp.WaitVisible(chromedp.CSS(`#pageimage svg`)),
	)
	loaded, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`new Promise(resolve => {
		const check = () => {
			const e = performance.getEntriesByType('resource').find(e => e.name.endsWith('/pages/`+testImage+`'));
			if (e) resolve(e.responseStatus === 200 && e.transferSize > 0); else setTimeout(check, 50);
		};
		check();
		setTimeout(() => resolve(false), 5000);
	})`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	if !loaded {
		t.Error("the page image did not load")
	}
	// The region sits where the article is: a 300 by 220 box at (40, 48)
	// of a 600 by 800 page, at whatever scale the figure is drawn.
	geom, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](`(() => {
		const s = document.querySelector('#pageimage svg').getBoundingClientRect();
		const r = document.querySelector('#pageimage rect.region').getBoundingClientRect();
		return [s.width, s.height, (r.left - s.left) / s.width, (r.top - s.top) / s.height, r.width / s.width, r.height / s.height];
	})()`))
	if err != nil {
		t.Fatal(err)
	}
	want := []float64{0, 0, 40.0 / 600, 48.0 / 800, 300.0 / 600, 220.0 / 800}
	if geom[0] < 100 || geom[1] < 100 {
		t.Errorf("page image drawn %.0f×%.0f", geom[0], geom[1])
	}
	for i := 2; i < len(want); i++ {
		if d := geom[i] - want[i]; d > 0.02 || d < -0.02 {
			t.Errorf("region geometry %v, want about %v", geom[2:], want[2:])
			break
		}
	}
	// From the page's browse view, a click on the other region opens it.
	do(t, ctx,
		chromedp.Navigate(srv.URL+"/browse/2024-05-01?paper="+"%E6%99%A8%E5%85%89%E6%97%A5%E6%8A%A5"+"&page=2"),
		chromedp.WaitVisible(chromedp.CSS(`#pagemap svg`)),
		chromedp.Click(chromedp.CSS(`#pagemap a[href="/articles/pdf2"] rect`)),
		chromedp.WaitVisible(chromedp.CSS(`article h1`)),
	)
	if u := location(t, ctx); !strings.HasSuffix(u, "/articles/pdf2") {
		t.Errorf("clicking the region went to %s", u)
	}
	if h := textOf(t, ctx, `article h1`); h != "社区食堂办到家门口" {
		t.Errorf("article %q", h)
	}
}

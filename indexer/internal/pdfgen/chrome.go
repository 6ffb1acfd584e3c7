package pdfgen

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// browser is a headless Chromium driven over the DevTools protocol: the
// same printing as --print-to-pdf, but the page can be measured first,
// so the truth is what the browser laid out, not what was hoped for.
type browser struct {
	ctx     context.Context
	cancel  func()
	profile string
}

func startBrowser(ctx context.Context, path string) (*browser, error) {
	profile, err := os.MkdirTemp("", "pdfgen-chromium")
	if err != nil {
		return nil, fmt.Errorf("pdfgen: %w", err)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.UserDataDir(profile),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("allow-file-access-from-files", true),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	bctx, cancelCtx := chromedp.NewContext(actx)
	b := &browser{ctx: bctx, profile: profile, cancel: func() { cancelCtx(); cancelAlloc() }}
	if err := chromedp.Do(bctx); err != nil {
		b.close()
		return nil, fmt.Errorf("pdfgen: start Chromium %s: %w", path, err)
	}
	return b, nil
}

func (b *browser) close() {
	b.cancel()
	os.RemoveAll(b.profile)
}

type fitResult struct {
	K     int          `json:"k"`
	Rects [][4]float64 `json:"rects"`
}

// print lays out the pages of one file in the browser, fits their text,
// prints them to path and returns their truth.
func (b *browser) print(ctx context.Context, lays []*layout, path string) ([]Page, error) {
	doc, data := writeHTML(lays)
	htmlPath := strings.TrimSuffix(path, ".pdf") + ".html"
	if err := os.WriteFile(htmlPath, []byte(doc), 0o644); err != nil {
		return nil, fmt.Errorf("pdfgen: %w", err)
	}
	defer os.Remove(htmlPath)
	abs, err := filepath.Abs(htmlPath)
	if err != nil {
		return nil, fmt.Errorf("pdfgen: %w", err)
	}
	tctx, cancel := context.WithTimeout(b.ctx, 60*time.Second)
	defer cancel()
	stop := context.AfterFunc(ctx, cancel)
	defer stop()
	var fit []fitResult
	err = chromedp.Do(tctx, chromedp.Navigate((&url.URL{Scheme: "file", Path: abs}).String()))
	if err == nil {
		fit, err = chromedp.Run(tctx, chromedp.Evaluate[[]fitResult]("fitAll()", chromedp.EvalAwaitPromise))
	}
	if err != nil {
		return nil, fmt.Errorf("pdfgen: lay out %s: %w", htmlPath, err)
	}
	if len(fit) != len(data) {
		return nil, fmt.Errorf("pdfgen: %s: %d bodies fitted, %d laid out", htmlPath, len(fit), len(data))
	}
	pdf, err := chromedp.Run(tctx, chromedp.PrintToPDF(
		chromedp.PDFPrintBackground(),
		func(p *page.PrintToPDFParams) {
			yes := true
			p.PreferCSSPageSize = &yes
		},
		chromedp.PDFMargin(0),
	))
	if err != nil {
		return nil, fmt.Errorf("pdfgen: print %s: %w", path, err)
	}
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		return nil, fmt.Errorf("pdfgen: %w", err)
	}
	return truth(lays, fit, path), nil
}

// truth puts together what each page holds after fitting.
func truth(lays []*layout, fit []fitResult, path string) []Page {
	var out []Page
	i := 0
	for n, l := range lays {
		pg := Page{PDF: path, Index: n, Seed: l.seed, Family: l.fam.name, HeldOut: l.fam.heldOut,
			Width: lays[0].w * ptPerMM, Height: lays[0].h * ptPerMM,
			Paper: l.paper, Date: l.date, PageNo: l.page, Section: l.section}
		if l.masthead {
			pg.Section = ""
		}
		for _, b := range l.boxes {
			f := fit[i]
			i++
			if f.K == 0 {
				continue
			}
			if b.art != nil {
				pg.Articles = append(pg.Articles, b.art.truth(f.K, b.rectMM))
				continue
			}
			for j, it := range b.briefs[:f.K] {
				a := Article{Headline: it.headline, Body: strings.Join(it.sents[0], ""), Brief: true}
				if j < len(f.Rects) {
					r := f.Rects[j]
					a.Region = Rect{r[0] * 0.75, r[1] * 0.75, r[2] * 0.75, r[3] * 0.75}
				}
				pg.Articles = append(pg.Articles, a)
			}
		}
		out = append(out, pg)
	}
	return out
}

// truth is the article as printed with its first k sentences.
func (it *item) truth(k int, r rectMM) Article {
	a := Article{Kicker: it.kicker, Headline: it.headline, Subtitle: it.subtitle,
		Reporters: it.reporters, Region: Rect{r.x * ptPerMM, r.y * ptPerMM, r.w * ptPerMM, r.h * ptPerMM}}
	var paras []string
	left := k
	for _, p := range it.sents {
		if left <= 0 {
			break
		}
		take := p[:min(left, len(p))]
		left -= len(take)
		paras = append(paras, strings.Join(take, ""))
	}
	a.Body = strings.Join(paras, "\n")
	if it.photo != nil {
		a.Captions = []string{it.photo.caption}
		a.Photographers = it.photo.photographers
	}
	return a
}

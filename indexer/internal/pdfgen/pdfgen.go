// Package pdfgen makes newspaper page PDFs for tests and measurement, with
// the truth of what is on them. It lays corpus records out as broadsheet
// and tabloid pages in HTML — a masthead or running header, articles in
// boxes on a column grid, headlines in large type with kickers and
// subtitles, bylines in several styles, photos with captions, boxed briefs
// — and prints them with headless Chromium. Layout family and parameters
// come from a seed, so a page is made again from its seed; the text each
// article kept after fitting its box is read back from the laid-out page.
//
// Nothing it makes may be committed: the records belong to their
// publishers. Tests and tools generate pages at run time into a temporary
// or ignored folder.
package pdfgen

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
)

// Rect is a rectangle on a page in PDF points (1/72 inch) from the page's
// top left corner.
type Rect struct {
	X, Y, W, H float64
}

// Article is one article as laid out: the truth a page parser should
// find.
type Article struct {
	// Kicker, Headline and Subtitle are the 引题, 主题 and 副题 printed.
	Kicker, Headline, Subtitle string
	// Reporters are the names of the printed byline, in order.
	Reporters []string
	// Body is the article text printed, paragraphs separated by "\n",
	// bylines, captions and the headline not included.
	Body string
	// Captions are the photo captions printed with the article (图为……
	// 摄), never part of Body.
	Captions []string
	// Photographers are the names credited in the captions.
	Photographers []string
	// Brief is true for an item of a boxed column of briefs.
	Brief bool
	// Region is where the article is printed.
	Region Rect
}

// Page is one generated page.
type Page struct {
	// PDF is the path of the PDF file the page is in; Index is its
	// 0-based place in that file.
	PDF   string
	Index int
	// Seed made the page; Family names its layout family; HeldOut tells
	// whether the family or seed belongs to the held-out split.
	Seed    int64
	Family  string
	HeldOut bool
	// Width and Height are the page size in points.
	Width, Height float64
	// Paper, Date, PageNo and Section are what the masthead or running
	// header prints.
	Paper, Date, PageNo, Section string
	// Articles are the page's articles in reading order.
	Articles []Article
}

// Record is an article to lay out, as the corpus's records give it.
type Record struct {
	Paper, Date, Page, Section string
	Kicker, Headline, Subtitle string
	// Body is the text, "\n" between paragraphs.
	Body string
}

// Options configures Generate.
type Options struct {
	// CorpusDir holds the record files (CorpusFiles); ../shared/corpus
	// seen from the repository root.
	CorpusDir string
	// Records, when set, are laid out instead of the corpus's (tests use
	// articles they invent).
	Records []Record
	// OutDir is where the PDFs are written; it is created.
	OutDir string
	// Seeds are the pages to make, one a seed.
	Seeds []int64
	// PagesPerFile puts that many pages into one PDF, as a merged issue
	// is (1 when 0).
	PagesPerFile int
	// Chromium is the browser to print with; found on PATH when "".
	Chromium string
	// Families, when set, restricts the layout families drawn from
	// (see Families); a seed then draws among these only.
	Families []string
}

// ErrNoChromium is returned when no Chromium is found.
var ErrNoChromium = errors.New("pdfgen: no Chromium found (apt-get install chromium fonts-noto-cjk)")

// FindChromium returns the path of a Chromium: $BAOKU_CHROMIUM, then the
// usual names on PATH; "" when there is none.
func FindChromium() string {
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

// Generate lays out a page for each seed, prints the pages into PDFs in
// opt.OutDir (PagesPerFile to a file, named page-<seed>.pdf after the
// first seed of the file) and returns them with their truth.
func Generate(ctx context.Context, opt Options) ([]Page, error) {
	if opt.PagesPerFile <= 0 {
		opt.PagesPerFile = 1
	}
	if opt.Chromium == "" {
		opt.Chromium = FindChromium()
	}
	if opt.Chromium == "" {
		return nil, ErrNoChromium
	}
	fams, err := pickFamilies(opt.Families)
	if err != nil {
		return nil, err
	}
	var stories []story
	if len(opt.Records) > 0 {
		for _, r := range opt.Records {
			if s, ok := clean(record(r)); ok {
				stories = append(stories, s)
			}
		}
		if len(stories) == 0 {
			return nil, errors.New("pdfgen: no record with enough text to lay out")
		}
	} else if stories, err = loadStories(opt.CorpusDir); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(opt.OutDir, 0o755); err != nil {
		return nil, fmt.Errorf("pdfgen: %w", err)
	}
	br, err := startBrowser(ctx, opt.Chromium)
	if err != nil {
		return nil, err
	}
	defer br.close()
	var out []Page
	for i := 0; i < len(opt.Seeds); i += opt.PagesPerFile {
		seeds := opt.Seeds[i:min(i+opt.PagesPerFile, len(opt.Seeds))]
		var lays []*layout
		for _, s := range seeds {
			l := newLayout(s, fams, stories, nil)
			if len(lays) > 0 {
				// The pages of one file are of one size and family.
				l = newLayout(s, []family{lays[0].fam}, stories, lays[0])
			}
			lays = append(lays, l)
		}
		path := filepath.Join(opt.OutDir, "page-"+strconv.FormatInt(seeds[0], 10)+".pdf")
		pages, err := br.print(ctx, lays, path)
		if err != nil {
			return out, err
		}
		out = append(out, pages...)
	}
	return out, nil
}

// Package pdf reads the layout of a newspaper page — text pieces with
// their position, type size, weight and colour, as poppler's pdftohtml
// gives them — into articles. Type size and weight tell headline, kicker
// and subtitle, byline, body, captions and the running header apart;
// geometry gives columns, article regions and reading order; indentation
// gives paragraphs. What a line says (headers, bylines, photo credits) is
// read by package pages, as for page text.
//
// It is pure: positions in, articles out. It does no I/O and imports
// neither bleve, gse nor gin; the reader in package indexer runs poppler
// and folds the characters before calling it.
package pdf

import (
	"baoku/indexer/article"
	"baoku/indexer/pages"
)

// Text is a piece of text on a page, in PDF points from the page's top
// left corner.
type Text struct {
	X, Y, W, H float64
	// Size is the font size in points.
	Size float64
	// Bold is true for a bold font.
	Bold bool
	// Color is the text colour, "#rrggbb".
	Color string
	// Text is what the piece says.
	Text string
}

// Page is the text of one page.
type Page struct {
	// Width and Height are the page size in points.
	Width, Height float64
	// Texts are the page's text pieces, in any order.
	Texts []Text
}

// Options configures Parse.
type Options struct {
	// Name names the input in warnings.
	Name string
	// Index is the page's 0-based place in its file.
	Index int
	// Meta is what the file name or a sidecar says about the page; the
	// masthead or running header wins over it.
	Meta pages.PageMeta
}

// Parse reads one page into articles in reading order. The Page returned
// has the paper, date, issue, page and section of the masthead or running
// header (else of opt.Meta), and articles with Region set (in the page's
// points) and every text field it can fill except ID and File. A page
// without articles gives a Page without articles and a warning.
func Parse(p Page, opt Options) (pages.Page, []pages.Warning) {
	lines := buildLines(p.Texts)
	if len(lines) == 0 {
		return pages.Page{}, []pages.Warning{{File: opt.Name, Msg: pageMsg(opt, "no text")}}
	}
	st := measure(lines)
	lines, pg, warns := dropHeader(lines, p, st, opt)
	classify(lines, st)
	root := cutPage(lines, st)
	arts := assemble(root, st)
	for _, a := range arts {
		art, ok := a.build(st)
		if !ok {
			continue
		}
		art.Paper, art.Date, art.Issue, art.Page, art.Section = pg.Paper, pg.Date, pg.Issue, pg.Page, pg.Section
		art.Region = &article.Region{Width: p.Width, Height: p.Height, Boxes: a.boxes()}
		pg.Articles = append(pg.Articles, art)
	}
	if len(pg.Articles) == 0 {
		warns = append(warns, pages.Warning{File: opt.Name, Msg: pageMsg(opt, "no recognisable articles")})
	}
	return pg, warns
}

func pageMsg(opt Options, msg string) string {
	return "page " + itoa(opt.Index+1) + ": " + msg
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

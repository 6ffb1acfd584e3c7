package pdf

import "baoku/indexer/pages"

// Bands of the page where the masthead, running header and footer are
// looked for, as fractions of its height.
const (
	topBand    = 0.15
	bottomBand = 0.93
)

// dropHeader reads the masthead, running header and footer lines at the
// top and bottom of the page into the page's paper, date, issue, page and
// section, and returns the other lines.
func dropHeader(lines []*line, p Page, st stats, opt Options) ([]*line, pages.Page, []pages.Warning) {
	var cand []*line
	var texts []string
	for _, l := range lines {
		if l.y1 <= p.Height*topBand || l.y0 >= p.Height*bottomBand {
			cand = append(cand, l)
			texts = append(texts, l.text)
		}
	}
	pg, isHeader, warns := pages.PageHeader(opt.Name, texts, opt.Index, opt.Meta)
	drop := map[*line]bool{}
	for i, h := range isHeader {
		if h {
			drop[cand[i]] = true
		}
	}
	out := lines[:0:0]
	for _, l := range lines {
		if !drop[l] {
			out = append(out, l)
		}
	}
	return out, pg, warns
}

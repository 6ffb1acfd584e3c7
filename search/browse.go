package search

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	bq "github.com/blevesearch/bleve/v2/search/query"

	"baoku/indexer"
	"baoku/indexer/field"
)

// Browsing limits.
const (
	// maxMonths bounds the months listed by Months: a century of issues.
	maxMonths = 1200
	// MaxEdition is the most articles Edition lists.
	MaxEdition = 2000
)

// Months returns the months that have articles (YYYY-MM), newest first,
// each with its number of articles: the top of the calendar of issues.
// A non-empty paper limits it to that newspaper.
func (e *Engine) Months(ctx context.Context, paper string) ([]FacetValue, error) {
	var q bq.Query = bq.NewMatchAllQuery()
	if paper != "" {
		q = exact(field.Paper, paper)
	}
	req := bleve.NewSearchRequestOptions(q, 0, 0, false)
	req.AddFacet("month", bleve.NewFacetRequest(field.Month, maxMonths))
	res, err := e.ix.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("search: months: %w", err)
	}
	months := termsOf(res.Facets["month"])
	sort.Slice(months, func(i, j int) bool { return months[i].Key > months[j].Key })
	return months, nil
}

// Papers returns the newspapers in the index with their numbers of
// articles, most first.
func (e *Engine) Papers(ctx context.Context) ([]FacetValue, error) {
	req := bleve.NewSearchRequestOptions(bq.NewMatchAllQuery(), 0, 0, false)
	req.AddFacet("paper", bleve.NewFacetRequest(field.Paper, maxMonths))
	res, err := e.ix.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("search: papers: %w", err)
	}
	return termsOf(res.Facets["paper"]), nil
}

// Days returns the days of a month (YYYY-MM) that have articles, in order,
// each with its number of articles (Key is YYYY-MM-DD). A non-empty paper
// limits it to that newspaper.
func (e *Engine) Days(ctx context.Context, month, paper string) ([]FacetValue, error) {
	_, err := time.Parse("2006-01", month)
	if err != nil {
		return nil, badRequest(fmt.Sprintf("月份“%s”应写作 年-月，如 2023-07", month), "month %q is not YYYY-MM", month)
	}
	filters := []bq.Query{exact(field.Month, month)}
	if paper != "" {
		filters = append(filters, exact(field.Paper, paper))
	}
	req := bleve.NewSearchRequestOptions(bq.NewConjunctionQuery(filters), 0, 0, false)
	req.AddFacet("day", bleve.NewFacetRequest(field.PubDate, 31))
	res, err := e.ix.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("search: days of %s: %w", month, err)
	}
	days := termsOf(res.Facets["day"])
	sort.Slice(days, func(i, j int) bool { return days[i].Key < days[j].Key })
	return days, nil
}

// Edition is what was printed on one day: by newspaper, then by page.
type Edition struct {
	Date   string         `json:"date"`
	Papers []PaperEdition `json:"papers"`
	// Truncated is true when the day has more than MaxEdition articles
	// and only the first are listed.
	Truncated bool `json:"truncated,omitempty"`
}

// PaperEdition is one newspaper's issue of the day.
type PaperEdition struct {
	Paper string        `json:"paper"`
	Pages []PageEdition `json:"pages"`
}

// PageEdition is one page (版) of an issue and its articles.
type PageEdition struct {
	Page     string `json:"page"`
	Section  string `json:"section,omitempty"`
	Articles []Hit  `json:"articles"`
}

// Edition returns the articles published on date (YYYY-MM-DD), grouped by
// newspaper and page in page order. A non-empty paper, and page, narrow it
// to one newspaper, and one page of it: the same-day and same-page
// neighbours of an article.
func (e *Engine) Edition(ctx context.Context, date, paper, page string) (*Edition, error) {
	dq, err := dateRange(date, date)
	if err != nil || date == "" {
		return nil, badRequest(fmt.Sprintf("日期“%s”应写作 年-月-日，如 2023-07-22", date), "date %q is not YYYY-MM-DD", date)
	}
	filters := []bq.Query{dq}
	if paper != "" {
		filters = append(filters, exact(field.Paper, paper))
	}
	if page != "" {
		filters = append(filters, exact(field.Page, page))
	}
	req := bleve.NewSearchRequestOptions(bq.NewConjunctionQuery(filters), MaxEdition, 0, false)
	req.Fields = []string{indexer.FieldStored}
	req.SortBy([]string{field.Paper, field.Page, "_id"})
	res, err := e.ix.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("search: edition of %s: %w", date, err)
	}
	ed := &Edition{Date: date, Papers: []PaperEdition{}, Truncated: res.Total > uint64(len(res.Hits))}
	byPaper := map[string]map[string]*PageEdition{}
	for _, h := range res.Hits {
		a, err := articleOf(h)
		if err != nil {
			return nil, err
		}
		hit := hitOf(a, h.Score, nil)
		pages := byPaper[hit.Paper]
		if pages == nil {
			pages = map[string]*PageEdition{}
			byPaper[hit.Paper] = pages
		}
		pe := pages[hit.Page]
		if pe == nil {
			pe = &PageEdition{Page: hit.Page, Section: hit.Section}
			pages[hit.Page] = pe
		}
		if pe.Section == "" {
			pe.Section = hit.Section
		}
		pe.Articles = append(pe.Articles, hit)
	}
	for p, pages := range byPaper {
		pp := PaperEdition{Paper: p}
		for _, pe := range pages {
			// Reading order where the page gave it, then by headline.
			sort.SliceStable(pe.Articles, func(i, j int) bool {
				a, b := pe.Articles[i], pe.Articles[j]
				if a.Seq != b.Seq {
					return a.Seq < b.Seq
				}
				return a.Headline < b.Headline
			})
			pp.Pages = append(pp.Pages, *pe)
		}
		sort.Slice(pp.Pages, func(i, j int) bool { return PageLess(pp.Pages[i].Page, pp.Pages[j].Page) })
		ed.Papers = append(ed.Papers, pp)
	}
	sort.Slice(ed.Papers, func(i, j int) bool { return ed.Papers[i].Paper < ed.Papers[j].Paper })
	return ed, nil
}

// PageLess orders pages as printed: by letter prefix (A before B), then by
// number (2 before 10), then as text; an empty page comes last.
func PageLess(a, b string) bool {
	if (a == "") != (b == "") {
		return b == ""
	}
	pa, na, ra := splitPage(a)
	pb, nb, rb := splitPage(b)
	if pa != pb {
		return pa < pb
	}
	if na != nb {
		return na < nb
	}
	return ra < rb
}

// splitPage splits a page label into its letter prefix, its first number
// and the rest: A05 → "A", 5, ""; 2/3 → "", 2, "/3".
func splitPage(p string) (prefix string, n int, rest string) {
	i := strings.IndexAny(p, "0123456789")
	if i < 0 {
		return p, -1, ""
	}
	j := i
	for j < len(p) && p[j] >= '0' && p[j] <= '9' {
		j++
	}
	n, err := strconv.Atoi(p[i:j])
	if err != nil {
		n = -1
	}
	return p[:i], n, p[j:]
}

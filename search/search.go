// Package search answers queries over a Baoku index: it parses the query
// language (package query), compiles it to bleve queries over the word and
// character views, filters, ranks, counts facets and highlights matches on
// the original characters.
package search

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync/atomic"
	"time"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"
	bq "github.com/blevesearch/bleve/v2/search/query"

	"baoku/indexer"
	"baoku/indexer/article"
	"baoku/search/query"
	"baoku/segment"
)

// ErrBadRequest marks a request that cannot be answered as asked (bad
// parameter, bad query); the web layer answers it with HTTP 400. Query
// syntax errors wrap query.ErrBadQuery instead; IsBadRequest covers both.
var ErrBadRequest = errors.New("bad request")

// ErrNotFound is returned for an article ID that is not in the index; it
// is indexer's, so that a delete and a search say the same.
var ErrNotFound = indexer.ErrNotFound

// IsBadRequest reports whether err is the caller's fault: a bad
// parameter, a bad query, or input that cannot be indexed.
func IsBadRequest(err error) bool {
	return errors.Is(err, ErrBadRequest) || errors.Is(err, query.ErrBadQuery) || errors.Is(err, indexer.ErrBadInput)
}

// Limits of a request.
const (
	DefaultSize = 10
	MaxSize     = 100
	// MaxOffset bounds deep paging: page*size may not pass it.
	MaxOffset = 10000
	// FacetSize is the number of values returned per facet.
	FacetSize = 20
)

// Sort orders.
const (
	SortRelevance = "relevance"
	SortNewest    = "newest"
	SortOldest    = "oldest"
)

// Request is one search.
type Request struct {
	// Query in the query language; empty matches every article.
	Query string
	// From and To limit the publication date, YYYY-MM-DD, both included.
	From, To string
	// Filters narrow the search to exact values of keyword fields, by
	// field name (package field: paper, section, reporter, source, page
	// as printed, year "2023", month "2023-07"); several values of one
	// field are alternatives, and fields must all match.
	Filters map[string][]string
	// Sort is SortRelevance (default), SortNewest or SortOldest.
	Sort string
	// Page is 1-based; Size is the number of hits a page (DefaultSize when 0).
	Page, Size int
	// NoFacets skips facet counting.
	NoFacets bool
	// Explain adds how the query was analysed and why each hit scored.
	Explain bool
	// IDsOnly leaves hits with their ID and score only: no stored article,
	// no highlighting, for tools that compare sets of results.
	IDsOnly bool
	// Reprints lists every printing of an article as a hit of its own,
	// and counts them so, for tools that compare with engines that do
	// (see dedup.go); by default an article printed twice is one hit.
	Reprints bool
}

// Hit is one article found.
type Hit struct {
	ID        string   `json:"id"`
	Headline  string   `json:"headline"`
	Kicker    string   `json:"kicker,omitempty"`
	Subtitle  string   `json:"subtitle,omitempty"`
	Date      string   `json:"date"`
	Paper     string   `json:"paper"`
	Page      string   `json:"page,omitempty"`
	Section   string   `json:"section,omitempty"`
	Reporters []string `json:"reporters,omitempty"`
	Source    string   `json:"source,omitempty"`
	// Seq is the article's place in reading order on its page, when known.
	Seq int `json:"seq,omitempty"`
	// HeadlineHTML, KickerHTML and SubtitleHTML are the lines as HTML with
	// matches in <mark>.
	HeadlineHTML string `json:"headline_html"`
	KickerHTML   string `json:"kicker_html,omitempty"`
	SubtitleHTML string `json:"subtitle_html,omitempty"`
	// Snippet is one or two passages of the body as HTML, matches in <mark>.
	Snippet string  `json:"snippet"`
	Score   float64 `json:"score"`
	// Why lists the terms that matched and their shares of the score,
	// with Request.Explain.
	Why []WhyMatch `json:"why,omitempty"`
	// Explanation is bleve's whole account of the score, with
	// Request.Explain; left out of JSON for its size (Why sums it up).
	Explanation *bsearch.Explanation `json:"-"`
	// Places are where the article was printed, this hit's place first,
	// when it was printed in more than one (the same headline and body
	// on page 1 and page 4, or on two days): one hit stands for all.
	Places []Place `json:"places,omitempty"`
}

// Place is one printing of an article: the article stored for it, with
// its paper, date, page and section.
type Place struct {
	ID      string `json:"id"`
	Paper   string `json:"paper"`
	Date    string `json:"date"`
	Page    string `json:"page,omitempty"`
	Section string `json:"section,omitempty"`
}

// FacetValue is one value of a facet and the number of matching articles
// that have it.
type FacetValue struct {
	Key   string `json:"key"`
	Count int    `json:"count"`
}

// Result is the answer to a Request.
type Result struct {
	Query string `json:"query"`
	// Total is the number of articles found: an article printed in
	// several places counts once (see Hit.Places).
	Total  uint64                  `json:"total"`
	TookMS float64                 `json:"took_ms"`
	Page   int                     `json:"page"`
	Size   int                     `json:"size"`
	Sort   string                  `json:"sort"`
	Hits   []Hit                   `json:"hits"`
	Facets map[string][]FacetValue `json:"facets,omitempty"`
	// Explain says how the query was analysed, with Request.Explain.
	Explain *Explain `json:"explain,omitempty"`
	// Highlight lists the query texts that are marked in hits, for links
	// to the article page.
	Highlight []string `json:"highlight,omitempty"`
	// Notes say what the reader should know about how the query was
	// read: text ignored (a lone mark), or searched as text (an unknown
	// field, an address).
	Notes []query.Note `json:"notes,omitempty"`
}

// Explain says how a query was understood.
type Explain struct {
	Parsed string        `json:"parsed"`
	Terms  []TermExplain `json:"terms"`
	// WordsReady is false while the dictionary loads, when words are
	// looked up as characters only.
	WordsReady bool `json:"words_ready"`
	// Bleve is the compiled query as bleve JSON; left out of JSON for its
	// size (TermExplain.How says the same in words).
	Bleve string `json:"-"`
}

// Engine searches one index. It is safe for concurrent use.
type Engine struct {
	idx *indexer.Index
	ix  bleve.Index
	seg *segment.Segmenter // the index's: queries are cut as its text was
	// warming is set while Warm loads the dictionary and ready once it
	// has: asking the segment package meanwhile would wait for the load.
	warming, ready atomic.Bool
	// tables hold each segment's facet values and dates for collecting.
	tables *facetTables
	// research keeps what the research views compute once per segment.
	research researchCache
}

// New returns an engine over an open index.
func New(ix *indexer.Index) *Engine {
	return &Engine{idx: ix, ix: ix.Bleve(), seg: ix.Segmenter(), tables: newFacetTables()}
}

// Index returns the index searched.
func (e *Engine) Index() *indexer.Index { return e.idx }

// Warm loads the word segmenter; until it is loaded, queries are answered
// from the character view alone.
func (e *Engine) Warm() error {
	e.warming.Store(true)
	err := e.seg.Load()
	e.ready.Store(err == nil)
	e.warming.Store(false)
	return err
}

// wordsFunc returns the query-mode word cutter, or nil while the dictionary
// is still loading.
func (e *Engine) wordsFunc() func(string) []string {
	if !e.ready.Load() && (e.warming.Load() || !e.seg.Ready()) {
		return nil
	}
	return e.seg.QueryWords
}

// Search runs a request.
func (e *Engine) Search(ctx context.Context, r Request) (*Result, error) {
	start := time.Now()
	if err := r.normalize(); err != nil {
		return nil, err
	}
	c := &compiler{words: e.wordsFunc()}
	var (
		textQ     bq.Query = bq.NewMatchAllQuery()
		parsed    query.Q
		notes     []query.Note
		highlight []string
	)
	if strings.TrimSpace(r.Query) != "" {
		var err error
		parsed, notes, err = query.ParseNotes(r.Query)
		if err != nil {
			return nil, err
		}
		if textQ, err = c.compile(parsed); err != nil {
			return nil, err
		}
		for _, t := range query.Terms(parsed) {
			if !isKeyword(t.Field) {
				highlight = append(highlight, t.Text)
			}
		}
		highlight = append(highlight, c.allWords()...)
	}
	filters, err := r.filters()
	if err != nil {
		return nil, err
	}
	q := textQ
	if len(filters) > 0 {
		b := bq.NewBooleanQuery([]bq.Query{textQ}, nil, nil)
		b.Filter = bq.NewConjunctionQuery(filters)
		q = b
	}

	// bleve finds and scores the hits; the collector counts facets, orders
	// and keeps the page (see collect.go).
	req := bleve.NewSearchRequestOptions(q, r.Size, (r.Page-1)*r.Size, r.Explain)
	req.SortBy([]string{"-_score"})
	coll := &collector{
		tables: e.tables, facets: !r.NoFacets, ids: r.IDsOnly, reprints: r.Reprints,
		keep: r.Page * r.Size, from: (r.Page - 1) * r.Size, less: orderOf(r.Sort),
	}
	ctx = context.WithValue(ctx, bsearch.MakeDocumentMatchHandlerKey,
		bsearch.MakeDocumentMatchHandler(coll.handler))
	if _, err := e.ix.SearchInContext(ctx, req); err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, fmt.Errorf("search: %w", err)
	}

	out := &Result{
		Query: r.Query, Total: coll.total, Page: r.Page, Size: r.Size, Sort: r.Sort,
		Hits: make([]Hit, 0, len(coll.hits)), Highlight: highlight, Notes: notes,
	}
	needles := needlesOf(highlight)
	for _, h := range coll.hits {
		places, err := placesOf(h.places, r.IDsOnly)
		if err != nil {
			return nil, err
		}
		if r.IDsOnly {
			out.Hits = append(out.Hits, Hit{ID: h.id, Score: h.score, Places: places})
			continue
		}
		a, err := decodeArticle(h.id, h.article)
		if err != nil {
			return nil, err
		}
		hit := hitOf(a, h.score, needles)
		hit.Places = places
		if r.Explain {
			hit.Explanation = h.expl
			hit.Why = whyOf(h.expl)
		}
		out.Hits = append(out.Hits, hit)
	}
	if !r.NoFacets {
		out.Facets = coll.facetCounts()
		out.Facets["year"], out.Facets["month"] = yearsAndMonths(out.Facets["month"])
	}
	if r.Explain {
		ex := &Explain{Terms: c.explain, WordsReady: c.words != nil}
		if parsed != nil {
			ex.Parsed = parsed.String()
		}
		if js, err := json.Marshal(q); err == nil {
			ex.Bleve = string(js)
		}
		out.Explain = ex
	}
	out.TookMS = float64(time.Since(start).Microseconds()) / 1000
	return out, nil
}

// allWords lists the query words found while compiling, for highlighting:
// those of terms under NOT are not marked.
func (c *compiler) allWords() []string {
	var ws []string
	for _, t := range c.explain {
		if !t.Negated {
			ws = append(ws, t.Words...)
		}
	}
	return ws
}

// placesOf returns the places of the documents of a hit that stands for
// several; with idsOnly, their IDs alone.
func placesOf(docs []storedDoc, idsOnly bool) ([]Place, error) {
	var out []Place
	for _, d := range docs {
		if idsOnly {
			out = append(out, Place{ID: d.id})
			continue
		}
		a, err := decodeArticle(d.id, d.article)
		if err != nil {
			return nil, err
		}
		out = append(out, Place{ID: a.ID, Paper: a.Paper, Date: a.Date, Page: a.Page, Section: a.Section})
	}
	return out, nil
}

func hitOf(a *article.Article, score float64, needles [][]rune) Hit {
	return Hit{
		ID: a.ID, Headline: a.Headline, Kicker: a.Kicker, Subtitle: a.Subtitle,
		Date: a.Date, Paper: a.Paper, Page: a.Page, Section: a.Section,
		Reporters: a.Reporters, Source: a.Source, Seq: a.Seq,
		HeadlineHTML: markAll(a.Headline, needles),
		KickerHTML:   markAll(a.Kicker, needles),
		SubtitleHTML: markAll(a.Subtitle, needles),
		Snippet:      snippet(a.Body, needles, 2),
		Score:        score,
	}
}

func articleOf(h *bsearch.DocumentMatch) (*article.Article, error) {
	js, ok := h.Fields[indexer.FieldStored].(string)
	if !ok {
		return nil, fmt.Errorf("search: article %s has no stored text", h.ID)
	}
	return decodeArticle(h.ID, []byte(js))
}

// decodeArticle reads an article as the index stores it.
func decodeArticle(id string, stored []byte) (*article.Article, error) {
	if len(stored) == 0 {
		return nil, fmt.Errorf("search: article %s has no stored text", id)
	}
	a, err := indexer.DecodeStored(stored)
	if err != nil {
		return nil, fmt.Errorf("search: article %s: %w", id, err)
	}
	return a, nil
}

// termsOf lists the values of a facet of its own field, as bleve ordered
// them.
func termsOf(fr *bsearch.FacetResult) []FacetValue {
	vals := []FacetValue{}
	if fr != nil && fr.Terms != nil {
		for _, t := range fr.Terms.Terms() {
			vals = append(vals, FacetValue{Key: t.Term, Count: t.Count})
		}
	}
	return vals
}

// yearsAndMonths turns the counts of every month into the year and month
// facets: for each, the FacetSize values with most articles (ties to the
// smaller key, as bleve chooses), newest first. Every article has a date,
// so the years summed from the months are the counts a year facet gives;
// counting them so spares visiting the year of every hit.
func yearsAndMonths(months []FacetValue) (years, top []FacetValue) {
	byYear := map[string]int{}
	for _, m := range months {
		byYear[m.Key[:min(4, len(m.Key))]] += m.Count
	}
	years = make([]FacetValue, 0, len(byYear))
	for y, n := range byYear {
		years = append(years, FacetValue{Key: y, Count: n})
	}
	return topNewest(years), topNewest(slices.Clone(months))
}

// topNewest keeps the FacetSize values with the highest counts and orders
// them by key, newest first.
func topNewest(vals []FacetValue) []FacetValue {
	sort.Slice(vals, func(i, j int) bool {
		if vals[i].Count != vals[j].Count {
			return vals[i].Count > vals[j].Count
		}
		return vals[i].Key < vals[j].Key
	})
	vals = vals[:min(len(vals), FacetSize)]
	sort.Slice(vals, func(i, j int) bool { return vals[i].Key > vals[j].Key })
	return vals
}

// Article returns the article with the given ID, or else the one whose
// record was sent with that id (Article.SourceID); several articles of
// different papers with that record id are ErrAmbiguous, naming them.
func (e *Engine) Article(ctx context.Context, id string) (*article.Article, error) {
	req := bleve.NewSearchRequestOptions(bq.NewDocIDQuery([]string{id}), 1, 0, false)
	req.Fields = []string{indexer.FieldStored}
	res, err := e.ix.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("search: article %s: %w", id, err)
	}
	if len(res.Hits) == 0 {
		src := bq.NewTermQuery(id)
		src.SetField(indexer.FieldSourceID)
		req = bleve.NewSearchRequestOptions(src, 10, 0, false)
		req.Fields = []string{indexer.FieldStored}
		req.SortBy([]string{"_id"})
		if res, err = e.ix.SearchInContext(ctx, req); err != nil {
			return nil, fmt.Errorf("search: article %s: %w", id, err)
		}
	}
	switch {
	case len(res.Hits) == 0:
		return nil, fmt.Errorf("article %s: %w", id, ErrNotFound)
	case len(res.Hits) > 1:
		var ids []string
		for _, h := range res.Hits {
			ids = append(ids, h.ID)
		}
		return nil, fmt.Errorf("record id %s: %w: %s", id, ErrAmbiguous, strings.Join(ids, ", "))
	}
	return articleOf(res.Hits[0])
}

// ErrAmbiguous is returned for a record id that several articles were sent
// with (records of different papers may share ids): ask for one of them by
// its article ID.
var ErrAmbiguous = errors.New("several articles have this record id")

// Count returns the number of articles in the index.
func (e *Engine) Count() (uint64, error) {
	return e.ix.DocCount()
}

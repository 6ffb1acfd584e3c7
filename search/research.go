package search

import (
	"context"
	"encoding/binary"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	bsearch "github.com/blevesearch/bleve/v2/search"
	bq "github.com/blevesearch/bleve/v2/search/query"

	"baoku/indexer"
	"baoku/indexer/article"
	"baoku/indexer/field"
	"baoku/search/query"
	"baoku/segment"
)

// The research views (trend, concordance, collocates, export, snapshots,
// coverage) look at every hit of a query, not at a ranked page of them.
// They compile the query and the filters as Search does, run it without
// scoring, and read each hit's date and facet values from the collector's
// tables (collect.go); those that need the text read the stored articles
// of the hits from the same index snapshot.

// prepared is a request compiled for a research view.
type prepared struct {
	req    Request
	parsed query.Q // nil for an empty query
	// text is the query's own part, filters the request's; both are
	// needed apart: a denominator is the filters without the text.
	text    bq.Query
	filters []bq.Query
	c       *compiler
}

// prepare checks and compiles a request's query and filters.
func (e *Engine) prepare(r Request) (*prepared, error) {
	if len([]rune(r.Query)) > query.MaxRunes {
		return nil, fmt.Errorf("%w: query longer than %d characters", query.ErrBadQuery, query.MaxRunes)
	}
	p := &prepared{req: r, text: bq.NewMatchAllQuery(), c: &compiler{words: e.wordsFunc()}}
	if strings.TrimSpace(r.Query) != "" {
		parsed, err := query.Parse(r.Query)
		if err != nil {
			return nil, err
		}
		if p.text, err = p.c.compile(parsed); err != nil {
			return nil, err
		}
		p.parsed = parsed
	}
	var err error
	if p.filters, err = r.filters(); err != nil {
		return nil, err
	}
	return p, nil
}

// query is the request's whole query: its text under its filters.
func (p *prepared) query() bq.Query { return p.with(p.text) }

// with puts another text query under the request's filters.
func (p *prepared) with(text bq.Query) bq.Query {
	if len(p.filters) == 0 {
		return text
	}
	b := bq.NewBooleanQuery([]bq.Query{text}, nil, nil)
	b.Filter = bq.NewConjunctionQuery(p.filters)
	return b
}

// denominator is the request's filters alone: every article the query
// could have found.
func (p *prepared) denominator() bq.Query { return p.with(bq.NewMatchAllQuery()) }

// terms are the query's text terms that are not negated (and not on
// keyword fields): what a concordance lists and collocates are counted
// around.
func (p *prepared) terms() []query.Term {
	if p.parsed == nil {
		return nil
	}
	var out []query.Term
	for _, t := range query.Terms(p.parsed) {
		if isKeyword(t.Field) || strings.TrimSpace(segment.Normalize(t.Text)) == "" {
			continue
		}
		out = append(out, t)
	}
	return out
}

// hitVisitor is called for each hit of a walk with the tables of the
// snapshot searched, the hit's segment there (v.segs[seg] is its table,
// v.live[seg] the segment) and its document number in the segment and in
// the snapshot.
type hitVisitor func(v *view, seg int, local, num uint64)

// walk runs a query over the index without scoring and calls visit for
// each hit, in document order. When hold is set, the snapshot searched is
// returned still open (the caller releases it), with the tables of its
// segments, so that the hits' articles can be read from it afterwards.
func (e *Engine) walk(ctx context.Context, q bq.Query, hold bool, visit hitVisitor) (*snapshot, error) {
	req := bleve.NewSearchRequestOptions(q, 0, 0, false)
	req.Score = bleve.ScoreNone
	var snap *snapshot
	handler := func(sctx *bsearch.SearchContext) (bsearch.DocumentMatchHandler, bool, error) {
		is, ok := sctx.IndexReader.(*scorch.IndexSnapshot)
		if !ok {
			return nil, false, fmt.Errorf("search: cannot walk a %T index", sctx.IndexReader)
		}
		v, err := e.tables.viewOf(is)
		if err != nil {
			return nil, false, err
		}
		if hold {
			is.AddRef()
			snap = &snapshot{is: is, v: v}
		}
		loc := locator{v: v}
		return func(d *bsearch.DocumentMatch) error {
			if d == nil {
				return nil
			}
			num := docNumber(d.IndexInternalID)
			seg, local := loc.find(num)
			visit(v, seg, local, num)
			sctx.DocumentMatchPool.Put(d)
			return nil
		}, false, nil
	}
	ctx = context.WithValue(ctx, bsearch.MakeDocumentMatchHandlerKey, bsearch.MakeDocumentMatchHandler(handler))
	if _, err := e.ix.SearchInContext(ctx, req); err != nil {
		snap.release()
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, fmt.Errorf("search: %w", err)
	}
	return snap, nil
}

// locator finds the segment of a document number; hits come in document
// order, so the last segment found is tried first.
type locator struct {
	v   *view
	cur int
}

func (l *locator) find(num uint64) (seg int, local uint64) {
	o := l.v.offsets
	if l.cur >= len(o) || num < o[l.cur] || (l.cur+1 < len(o) && num >= o[l.cur+1]) {
		l.cur = sort.Search(len(o), func(i int) bool { return o[i] > num }) - 1
	}
	return l.cur, num - o[l.cur]
}

// snapshot is an index snapshot held open after a walk, to read the
// articles of its hits.
type snapshot struct {
	is *scorch.IndexSnapshot
	v  *view
}

// release lets the snapshot go; a nil snapshot has nothing to release.
func (s *snapshot) release() {
	if s != nil && s.is != nil {
		_ = s.is.DecRef()
		s.is = nil
	}
}

// stored reads the ID and the stored article of a document of the
// snapshot, by its number.
func (s *snapshot) stored(num uint64) (id string, stored []byte, err error) {
	l := locator{v: s.v}
	seg, local := l.find(num)
	err = s.v.live[seg].VisitDocument(local, func(name string, _ byte, value []byte, _ []uint64) bool {
		switch name {
		case "_id":
			id = string(value)
		case indexer.FieldStored:
			stored = slices.Clone(value) // value is only good during the visit
		}
		return true
	})
	if err != nil {
		return "", nil, fmt.Errorf("search: read article: %w", err)
	}
	return id, stored, nil
}

// id reads the ID of a document of the snapshot, by its number.
func (s *snapshot) id(num uint64) (string, error) {
	l := locator{v: s.v}
	seg, local := l.find(num)
	id, err := s.v.live[seg].Segment().DocID(local)
	if err != nil {
		return "", fmt.Errorf("search: read article ID: %w", err)
	}
	return string(id), nil
}

// article reads and decodes the article of a document of the snapshot.
func (s *snapshot) article(num uint64) (*article.Article, error) {
	id, stored, err := s.stored(num)
	if err != nil {
		return nil, err
	}
	return decodeArticle(id, stored)
}

// dated is a hit with its date, for ordering hits by date.
type dated struct {
	num  uint64
	date int64
}

// hitsByDate runs a query and returns its hits oldest first (ties in
// index order) with the snapshot they are read from, which the caller
// releases.
func (e *Engine) hitsByDate(ctx context.Context, q bq.Query) ([]dated, *snapshot, error) {
	var hits []dated
	snap, err := e.walk(ctx, q, true, func(v *view, seg int, local, num uint64) {
		hits = append(hits, dated{num: num, date: v.segs[seg].dates[local]})
	})
	if err != nil {
		return nil, nil, err
	}
	sort.Slice(hits, func(i, j int) bool {
		if hits[i].date != hits[j].date {
			return hits[i].date < hits[j].date
		}
		return hits[i].num < hits[j].num
	})
	return hits, snap, nil
}

// facetOf returns, for each facet ordinal of a view, whether it is a value
// of the named facet that keep accepts.
func facetOf(v *view, name string, keep func(string) bool) []bool {
	out := make([]bool, v.nvalues)
	for o, fv := range v.values {
		out[o] = fv.name == name && keep(fv.value)
	}
	return out
}

// has reports whether a document has a facet value marked in set.
func (st *segTable) has(local uint64, set []bool) bool {
	for _, o := range st.ords[st.start[local]:st.start[local+1]] {
		if int(o) < len(set) && set[o] {
			return true
		}
	}
	return false
}

// IsFrontPage reports whether a page label is a front page (头版): page 1
// of the paper or of one of its sections (1, 01, A1, A01).
func IsFrontPage(page string) bool {
	_, n, rest := splitPage(page)
	return n == 1 && rest == ""
}

// dateOf formats a date number YYYYMMDD as YYYY-MM-DD.
func dateOf(n int64) string {
	return fmt.Sprintf("%04d-%02d-%02d", n/10000, n/100%100, n%100)
}

// textFields are the text fields of an article in reading order, with
// their texts.
func textFields(a *article.Article) []struct{ name, text string } {
	return []struct{ name, text string }{
		{field.Kicker, a.Kicker}, {field.Headline, a.Headline}, {field.Subtitle, a.Subtitle}, {field.Body, a.Body},
	}
}

// docNumber reads a document's number in a snapshot from its internal ID.
func docNumber(id []byte) uint64 { return binary.BigEndian.Uint64(id) }

// sortedFields lists the names of a set of fields in the order of package
// field's table.
func sortedFields(set map[string]bool) []string {
	var out []string
	for _, f := range field.All {
		if set[f.Name] {
			out = append(out, f.Name)
		}
	}
	return out
}

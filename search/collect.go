package search

import (
	"cmp"
	"encoding/binary"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2/index/scorch"
	bsearch "github.com/blevesearch/bleve/v2/search"
	index "github.com/blevesearch/bleve_index_api"
	zseg "github.com/blevesearch/scorch_segment_api/v2"

	"baoku/indexer"
	"baoku/indexer/field"
)

// A broad query matches tens of thousands of articles, and bleve's own
// collector reads and decompresses the doc values of every one of them to
// count facets and to sort by date: most of the cost of such a query. The
// collector here reads them from tables kept in memory instead, one per
// index segment, built once from the segment's doc values (segments never
// change; a merge makes a new one). Per hit it then costs a few array
// reads: the facet counts and the ranking are exactly bleve's.

// segTable holds the facet values and the date of each document of one
// segment, by the segment's own document number.
type segTable struct {
	// dates is each document's date as a number, YYYYMMDD.
	dates []int64
	// content is each document's content key (see dedup.go), 0 when
	// it has none.
	content []uint64
	// ords[start[n]:start[n+1]] are document n's facet values, as
	// ordinals of facetTables.values.
	start []uint32
	ords  []uint32
}

// facetTables builds and keeps the segTable of each segment in use. A
// table is built without holding the lock of them all: a search that
// needs a new segment's table (the first after a merge) waits for that
// table alone, and searches that need only built ones go on meanwhile.
type facetTables struct {
	mu sync.Mutex
	// values are the facet values met so far, each split into its facet's
	// name and its value; ordinals index them and never change.
	values []facetValue
	ordOf  map[string]uint32
	segs   map[zseg.Segment]*segEntry
	// nextID numbers the segments' entries.
	nextID uint64
	// groups are the groups of reprints of the snapshot searched last.
	groups groupCache
	// building, when set (in tests), is called as a table starts to be
	// built, outside the lock.
	building func(zseg.Segment)
}

// segEntry is the table of one segment, ready once done is closed.
type segEntry struct {
	done chan struct{}
	st   *segTable
	err  error
	id   uint64 // unique among the entries ever made
}

type facetValue struct{ name, value string }

func newFacetTables() *facetTables {
	return &facetTables{ordOf: map[string]uint32{}, segs: map[zseg.Segment]*segEntry{}}
}

// view is the tables of one index snapshot, for one search.
type view struct {
	segs    []*segTable
	live    []*scorch.SegmentSnapshot
	offsets []uint64 // first global document number of each segment
	ids     []uint64 // the segments' entry numbers
	nvalues int      // ordinals below this are in values
	values  []facetValue
}

// ready reports whether an entry's table is built (or failed).
func ready(e *segEntry) bool {
	select {
	case <-e.done:
		return true
	default:
		return false
	}
}

// viewOf returns the tables of the segments of a snapshot, building those
// it lacks, and forgets the tables of segments no longer in use.
func (t *facetTables) viewOf(is *scorch.IndexSnapshot) (*view, error) {
	snaps := is.Segments()
	v := &view{segs: make([]*segTable, len(snaps)), live: snaps, offsets: make([]uint64, len(snaps)), ids: make([]uint64, len(snaps))}
	entries := make([]*segEntry, len(snaps))
	var mine []int // the tables this search builds
	t.mu.Lock()
	inUse := make(map[zseg.Segment]bool, len(snaps))
	var next uint64
	for i, ss := range snaps {
		seg := ss.Segment()
		inUse[seg] = true
		v.offsets[i] = next
		next += seg.Count()
		e, ok := t.segs[seg]
		if !ok {
			t.nextID++
			e = &segEntry{done: make(chan struct{}), id: t.nextID}
			t.segs[seg] = e
			mine = append(mine, i)
		}
		entries[i] = e
		v.ids[i] = e.id
	}
	if len(t.segs) > len(inUse) {
		// A snapshot still in use by an older search holds its own
		// references; the map only serves new searches.
		for seg, e := range t.segs {
			if !inUse[seg] && ready(e) {
				delete(t.segs, seg)
			}
		}
	}
	t.mu.Unlock()

	for _, i := range mine {
		seg, e := snaps[i].Segment(), entries[i]
		if t.building != nil {
			t.building(seg)
		}
		st, terms, err := build(seg)
		t.mu.Lock()
		if err != nil {
			e.err = err
			if t.segs[seg] == e {
				delete(t.segs, seg) // tried again by the next search
			}
		} else {
			t.globalise(st, terms)
			e.st = st
		}
		t.mu.Unlock()
		close(e.done)
	}
	for i, e := range entries {
		<-e.done
		if e.err != nil {
			return nil, e.err
		}
		v.segs[i] = e.st
	}
	t.mu.Lock()
	v.nvalues = len(t.values)
	v.values = t.values[:v.nvalues:v.nvalues]
	t.mu.Unlock()
	return v, nil
}

// build reads a segment's facet values and dates from its doc values. The
// table's ordinals are the segment's own, indexing terms, until globalise
// makes them facetTables'.
func build(seg zseg.Segment) (st *segTable, terms []string, err error) {
	dv, ok := seg.(zseg.DocValueVisitable)
	if !ok {
		return nil, nil, fmt.Errorf("search: segment %T has no doc values", seg)
	}
	n := seg.Count()
	st = &segTable{dates: make([]int64, n), content: make([]uint64, n), start: make([]uint32, n+1), ords: make([]uint32, 0, 4*n)}
	fields := []string{indexer.FieldFacets, field.PubDate, indexer.FieldContent}
	local := map[string]uint32{}
	var (
		state zseg.DocVisitState
		doc   uint64
	)
	visit := func(name string, term []byte) {
		switch name {
		case indexer.FieldFacets:
			o, ok := local[string(term)]
			if !ok {
				o = uint32(len(terms))
				terms = append(terms, string(term))
				local[terms[o]] = o
			}
			st.ords = append(st.ords, o)
		case field.PubDate:
			st.dates[doc] = dateNumber(term)
		case indexer.FieldContent:
			st.content[doc], _ = strconv.ParseUint(string(term), 16, 64)
		}
	}
	for doc = 0; doc < n; doc++ {
		st.start[doc] = uint32(len(st.ords))
		if state, err = dv.VisitDocValues(doc, fields, visit, state); err != nil {
			return nil, nil, fmt.Errorf("search: read facet values: %w", err)
		}
	}
	st.start[n] = uint32(len(st.ords))
	return st, terms, nil
}

// globalise turns a table's own ordinals of terms into facetTables'; t.mu
// is held.
func (t *facetTables) globalise(st *segTable, terms []string) {
	global := make([]uint32, len(terms))
	for i, term := range terms {
		global[i] = t.ordinal(term)
	}
	for i, o := range st.ords {
		st.ords[i] = global[o]
	}
}

// dateNumber reads a date, YYYY-MM-DD, as the number YYYYMMDD, which
// orders as the date does.
func dateNumber(term []byte) int64 {
	var n int64
	for _, b := range term {
		if b >= '0' && b <= '9' {
			n = n*10 + int64(b-'0')
		}
	}
	return n
}

// ordinal returns the ordinal of a facet term, adding it when new; t.mu
// is held.
func (t *facetTables) ordinal(term string) uint32 {
	if o, ok := t.ordOf[term]; ok {
		return o
	}
	o := uint32(len(t.values))
	name, value, _ := strings.Cut(term, indexer.FacetSep)
	t.values = append(t.values, facetValue{name, value})
	t.ordOf[term] = o
	return o
}

// ranked is one hit kept by a collector.
type ranked struct {
	num   uint64 // global document number in the snapshot
	score float64
	date  int64
	expl  *bsearch.Explanation
}

// collector counts the facets of every hit and keeps the best hits of a
// search in the requested order. It replaces the per-hit work of bleve's
// collector (see handler).
type collector struct {
	tables *facetTables
	v      *view
	facets bool
	counts []int32
	total  uint64
	keep   int // from + size
	less   func(a, b *ranked) bool
	top    []ranked // a heap with the worst kept hit first, while collecting
	cand   ranked   // the hit being added
	cur    int      // segment of the last hit: hits come in document order
	// hits are the kept hits, best first, from the offset on, with their
	// stored articles, once the search is done.
	hits []storedHit
	from int
	ids  bool
	// groups are the snapshot's reprints, grouped the ones met (see
	// dedup.go).
	groups  *groups
	grouped []groupHit
	// reprints keeps every printing a hit of its own (no groups).
	reprints bool
}

// storedHit is a hit with what the index stores for it.
type storedHit struct {
	ranked
	id      string
	article []byte
	// places are every document of the hit's group, itself first, when
	// it is one article printed in several places.
	places []storedDoc
}

// storedDoc is one document's ID and stored article.
type storedDoc struct {
	id      string
	article []byte
}

// orderOf returns the comparison of a sort order: true when a comes first.
// Ties go to the document first in the index, so the order is total.
func orderOf(sortBy string) func(a, b *ranked) bool {
	return func(a, b *ranked) bool {
		var c int
		switch sortBy {
		case SortNewest:
			c = cmp.Or(cmp.Compare(b.date, a.date), cmp.Compare(b.score, a.score))
		case SortOldest:
			c = cmp.Or(cmp.Compare(a.date, b.date), cmp.Compare(b.score, a.score))
		default:
			c = cmp.Or(cmp.Compare(b.score, a.score), cmp.Compare(b.date, a.date))
		}
		if c != 0 {
			return c < 0
		}
		return a.num < b.num
	}
}

// handler plugs the collector into bleve's: bleve finds and scores the
// hits, the collector does the rest.
func (c *collector) handler(sctx *bsearch.SearchContext) (bsearch.DocumentMatchHandler, bool, error) {
	is, ok := sctx.IndexReader.(*scorch.IndexSnapshot)
	if !ok {
		return nil, false, fmt.Errorf("search: cannot collect from a %T index", sctx.IndexReader)
	}
	v, err := c.tables.viewOf(is)
	if err != nil {
		return nil, false, err
	}
	c.v = v
	if !c.reprints {
		c.groups = c.tables.groups.groupsOf(v)
	}
	if c.facets {
		c.counts = make([]int32, v.nvalues)
	}
	return func(d *bsearch.DocumentMatch) error {
		if d == nil {
			return c.finish(sctx.IndexReader)
		}
		c.add(d)
		sctx.DocumentMatchPool.Put(d)
		return nil
	}, false, nil
}

// add counts one hit and keeps it when it ranks among the best.
func (c *collector) add(d *bsearch.DocumentMatch) {
	num := binary.BigEndian.Uint64(d.IndexInternalID)
	v := c.v
	if c.cur >= len(v.offsets) || num < v.offsets[c.cur] || (c.cur+1 < len(v.offsets) && num >= v.offsets[c.cur+1]) {
		c.cur = sort.Search(len(v.offsets), func(i int) bool { return v.offsets[i] > num }) - 1
	}
	st := v.segs[c.cur]
	local := num - v.offsets[c.cur]
	score := d.Score
	if math.IsNaN(score) || math.IsInf(score, 0) {
		score = 0 // no ranking is worth an answer that cannot be sent
	}
	// The candidate lives in the collector: a local whose address went
	// to c.less would be allocated on the heap for every hit.
	c.cand = ranked{num: num, score: score, date: st.dates[local], expl: d.Expl}
	vals := st.ords[st.start[local]:st.start[local+1]]
	if n := c.groups.group(c.cur, local); n != 0 {
		c.addGrouped(n, vals)
		return
	}
	c.total++
	if c.facets {
		for _, o := range vals {
			c.counts[o]++
		}
	}
	switch {
	case len(c.top) < c.keep:
		c.top = append(c.top, c.cand)
		c.up(len(c.top) - 1)
	case c.keep > 0 && c.less(&c.cand, &c.top[0]):
		c.top[0] = c.cand
		c.down(0)
	}
}

// up and down keep c.top a heap whose root is the worst kept hit.
func (c *collector) up(i int) {
	for i > 0 {
		p := (i - 1) / 2
		if !c.less(&c.top[p], &c.top[i]) {
			return
		}
		c.top[p], c.top[i] = c.top[i], c.top[p]
		i = p
	}
}

func (c *collector) down(i int) {
	n := len(c.top)
	for {
		w, l, r := i, 2*i+1, 2*i+2
		if l < n && c.less(&c.top[w], &c.top[l]) {
			w = l
		}
		if r < n && c.less(&c.top[w], &c.top[r]) {
			w = r
		}
		if w == i {
			return
		}
		c.top[i], c.top[w] = c.top[w], c.top[i]
		i = w
	}
}

// finish orders the kept hits, the best of each group of reprints among
// them, and reads the stored article and ID of those from the offset on,
// while the snapshot is still open.
func (c *collector) finish(reader index.IndexReader) error {
	all := append(c.top, c.groupBests()...)
	slices.SortFunc(all, func(a, b ranked) int {
		if c.less(&a, &b) {
			return -1
		}
		return 1
	})
	all = all[:min(len(all), c.keep)]
	if c.from >= len(all) {
		return nil
	}
	for _, r := range all[c.from:] {
		d, err := c.read(r.num)
		if err != nil {
			return err
		}
		h := storedHit{ranked: r, id: d.id, article: d.article}
		i, local := c.v.locate(r.num)
		if n := c.groups.group(i, local); n != 0 {
			h.places = append(h.places, d)
			for _, m := range c.groups.members[n] {
				if m == r.num {
					continue
				}
				md, err := c.read(m)
				if err != nil {
					return err
				}
				h.places = append(h.places, md)
			}
		}
		c.hits = append(c.hits, h)
	}
	return nil
}

// read reads a document's ID and, unless only IDs are wanted, its stored
// article.
func (c *collector) read(num uint64) (storedDoc, error) {
	var d storedDoc
	i, local := c.v.locate(num)
	err := c.v.live[i].VisitDocument(local, func(field string, _ byte, value []byte, _ []uint64) bool {
		switch field {
		case "_id":
			d.id = string(value)
		case indexer.FieldStored:
			if !c.ids {
				d.article = slices.Clone(value)
			}
		}
		return true
	})
	if err != nil {
		return d, fmt.Errorf("search: read hit: %w", err)
	}
	return d, nil
}

// locate returns the segment of a global document number and the
// document's number in it.
func (v *view) locate(num uint64) (int, uint64) {
	i := sort.Search(len(v.offsets), func(i int) bool { return v.offsets[i] > num }) - 1
	return i, num - v.offsets[i]
}

// facetCounts splits the counts by facet, each ordered by count, ties by
// value, keeping FacetSize values a facet (every month, from which the
// years are summed).
func (c *collector) facetCounts() map[string][]FacetValue {
	facets := field.Facets()
	out := make(map[string][]FacetValue, len(facets))
	for _, f := range facets {
		out[f.Name] = []FacetValue{}
	}
	for o, n := range c.counts {
		if n == 0 {
			continue
		}
		fv := c.v.values[o]
		if vals, known := out[fv.name]; known {
			out[fv.name] = append(vals, FacetValue{Key: fv.value, Count: int(n)})
		}
	}
	for name, vals := range out {
		slices.SortFunc(vals, func(a, b FacetValue) int {
			return cmp.Or(cmp.Compare(b.Count, a.Count), strings.Compare(a.Key, b.Key))
		})
		if name != field.Month && len(vals) > FacetSize {
			out[name] = vals[:FacetSize]
		}
	}
	return out
}

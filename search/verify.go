package search

import (
	"context"
	"encoding/binary"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	bq "github.com/blevesearch/bleve/v2/search/query"
	"github.com/blevesearch/bleve/v2/search/searcher"
	index "github.com/blevesearch/bleve_index_api"

	"baoku/indexer"
	"baoku/indexer/article"
	"baoku/indexer/field"
	"baoku/segment"
)

// The character view finds a run of units exactly, from its pairs and
// their positions. A phrase of several runs ("安全阀”当好", "ab，c，de",
// "a b") it finds only nearly: a separator takes one position, as one unit
// does, so "人民“永远" would also match 人民将永远; and a unit alone between
// separators has no pair, so the index knows that the article holds it,
// not where. Such a phrase is found by the index and its matches are then
// checked against the stored text.

// checkedPhrase returns q, the character-view query of normalised text
// norm in fields, checked against the stored text when norm is more than
// one run of units.
func checkedPhrase(q bq.Query, norm string, fields []string) bq.Query {
	pairs, lone := segment.CharPhrase(norm)
	if (len(lone) == 0 && !slices.Contains(pairs, "")) || (len(pairs) == 0 && len(lone) == 1) {
		return q
	}
	return &checkedQuery{Inner: q, Fields: fields, Want: segment.ExactForm(norm)}
}

// checkedQuery keeps the matches of Inner whose stored text holds Want,
// an ExactForm, in one of Fields.
type checkedQuery struct {
	Inner  bq.Query `json:"inner"`
	Fields []string `json:"fields"`
	Want   string   `json:"exact"`
}

// Searcher implements bleve's query.Query.
func (q *checkedQuery) Searcher(ctx context.Context, i index.IndexReader, m mapping.IndexMapping, o bsearch.SearcherOptions) (bsearch.Searcher, error) {
	s, err := q.Inner.Searcher(ctx, i, m, o)
	if err != nil {
		return nil, err
	}
	is, ok := i.(*scorch.IndexSnapshot)
	if !ok {
		return nil, fmt.Errorf("search: cannot check phrases in a %T index", i)
	}
	docs := newStoredDocs(is)
	return searcher.NewFilteringSearcher(ctx, s, func(_ *bsearch.SearchContext, d *bsearch.DocumentMatch) bool {
		a, err := docs.article(d.IndexInternalID)
		// An article that cannot be read is no match; the same failure
		// shows when the hit itself is read.
		return err == nil && holdsExact(a, q.Fields, q.Want)
	}), nil
}

// holdsExact reports whether one of the fields of a holds want, an
// ExactForm, the way exact matching defines it.
func holdsExact(a *article.Article, fields []string, want string) bool {
	for _, f := range fields {
		if strings.Contains(segment.ExactForm(segment.Normalize(TextOf(a, f))), want) {
			return true
		}
	}
	return false
}

// TextOf returns the text of a text field of an article.
func TextOf(a *article.Article, name string) string {
	switch name {
	case field.Kicker:
		return a.Kicker
	case field.Headline:
		return a.Headline
	case field.Subtitle:
		return a.Subtitle
	case field.Body:
		return a.Body
	}
	return ""
}

// storedDocs reads the stored articles of one index snapshot by their
// internal document numbers.
type storedDocs struct {
	segs    []*scorch.SegmentSnapshot
	offsets []uint64
}

func newStoredDocs(is *scorch.IndexSnapshot) *storedDocs {
	segs := is.Segments()
	d := &storedDocs{segs: segs, offsets: make([]uint64, len(segs))}
	var next uint64
	for i, s := range segs {
		d.offsets[i] = next
		next += s.Segment().Count()
	}
	return d
}

// article reads the stored article of a document.
func (d *storedDocs) article(id index.IndexInternalID) (*article.Article, error) {
	num := binary.BigEndian.Uint64(id)
	i := sort.Search(len(d.offsets), func(i int) bool { return d.offsets[i] > num }) - 1
	if i < 0 {
		return nil, fmt.Errorf("search: no document %d", num)
	}
	var stored []byte
	err := d.segs[i].VisitDocument(num-d.offsets[i], func(name string, _ byte, value []byte, _ []uint64) bool {
		if name == indexer.FieldStored {
			stored = value
			return false
		}
		return true
	})
	if err != nil {
		return nil, fmt.Errorf("search: read document %d: %w", num, err)
	}
	return decodeArticle(fmt.Sprint(num), stored)
}

package indexer

import (
	"fmt"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/single"
	bdoc "github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/mapping"
	index "github.com/blevesearch/bleve_index_api"

	"baoku/indexer/article"
	"baoku/indexer/field"
	"baoku/segment"
)

// Index fields beyond the article's own (package field names those). Each
// text field is indexed three times: under its own name as words (gse, for
// BM25 ranking), under its name plus CharSuffix as character pairs with
// positions (for phrases and any substring), and under its name plus
// SingleSuffix as single characters (one-character queries).
const (
	// FieldStored holds the article, compressed (see DecodeStored); it is
	// stored, not indexed, and is what a hit shows.
	FieldStored = "_article"
	// FieldFacets holds every facet value of an article, each as its
	// facet's name, FacetSep and the value ("paper\x1f人民日报"), so that
	// counting all facets visits one field per hit, not one per facet.
	FieldFacets = "_facets"
	// FacetSep separates a facet's name from its value in FieldFacets.
	FacetSep = "\x1f"
	// FieldContent holds an article's content key (see ContentKey), with
	// doc values: articles with the same key are one article printed in
	// several places, which search shows as one hit.
	FieldContent = "_content"
	// FieldSourceID holds a record's own id (Article.SourceID), so that
	// the id a record was sent with finds its article.
	FieldSourceID = "_source_id"
	// CharSuffix names the positional half of a text field's character
	// view, its character pairs: body → body_c.
	CharSuffix = "_c"
	// SingleSuffix names the other half, its single characters, kept
	// without positions: body → body_u.
	SingleSuffix = "_u"
	// KeywordSuffix names the search terms of a keyword field a user
	// types (see KeywordTerms): paper → paper_k.
	KeywordSuffix = "_k"
)

// DateLayout is the layout of Article.Date.
const DateLayout = "2006-01-02"

// view is how one bleve field of the index sees an article field.
type view int

const (
	viewWords   view = iota // segment.WordView
	viewPairs               // segment.PairView
	viewSingles             // segment.SingleView
	viewKeyword             // exact values
	viewStored              // stored, not indexed
)

// analyzerNames names the analyzers of the text views in the mapping.
var analyzerNames = map[view]string{
	viewWords:   segment.WordTokenizer,
	viewPairs:   segment.CharTokenizer,
	viewSingles: segment.SingleTokenizer,
}

// indexField is one bleve field of the index and what it keeps: the
// mapping and the documents are both made from the list of them
// (indexFields), so they cannot disagree.
type indexField struct {
	name   string
	source string // the article field it indexes (package field); "" for the facets and the stored article
	view   view
	// vectors keeps positions; scored keeps term frequencies and field
	// lengths; docValues keeps the values per document (sorting,
	// browsing, facets).
	vectors, scored, docValues bool
	// terms indexes a keyword field's values as KeywordTerms gives them
	// (the values as printed stay the facets').
	terms bool
}

// options are bleve's indexing options of the field.
func (f indexField) options() index.FieldIndexingOptions {
	if f.view == viewStored {
		return index.StoreField
	}
	o := index.IndexField
	if f.vectors {
		o |= index.IncludeTermVectors
	}
	if f.docValues {
		o |= index.DocValues
	}
	if !f.scored {
		o |= index.SkipFreqNorm
	}
	return o
}

// indexFields lists the bleve fields of the index, from the field table.
var indexFields = func() []indexField {
	var fs []indexField
	for _, f := range field.All {
		switch f.Kind {
		case field.Text:
			fs = append(fs,
				// Word view: ranking, so frequencies and norms. No
				// positions: phrases go to the character view.
				indexField{name: f.Name, source: f.Name, view: viewWords, scored: true},
				// Character pairs: recall and exact phrases, so
				// positions (but no offsets: see segment.CharTokenizer).
				// Frequencies and norms too: phrase matches add to
				// the score (a query's words found together rank
				// higher).
				indexField{name: f.Name + CharSuffix, source: f.Name, view: viewPairs, vectors: true, scored: true},
				// Single characters: one-character queries need no
				// positions. How often a character occurs in a body
				// says little about an article, so the body's
				// frequencies and norms are left out (they were a
				// third of the view); the short lines keep theirs, so
				// that a one-character query ranks the articles with
				// it in a headline first.
				indexField{name: f.Name + SingleSuffix, source: f.Name, view: viewSingles, scored: f.Name != field.Body})
		case field.Keyword:
			// The values as printed, for sorting and browsing.
			fs = append(fs, indexField{name: f.Name, source: f.Name, view: viewKeyword, docValues: f.Sorted})
			if len(f.Prefixes) > 0 {
				// Filters and queries: exact values as
				// KeywordTerms gives them, never scored.
				fs = append(fs, indexField{name: f.Name + KeywordSuffix, source: f.Name, view: viewKeyword, terms: true})
			}
		case field.Date:
			// An exact value, YYYY-MM-DD, with doc values for sorting.
			// A bleve date takes 16 terms an article, all kept as doc
			// values; ranges are covered by days, months and years
			// instead (see search's dateRange).
			fs = append(fs, indexField{name: f.Name, source: f.Name, view: viewKeyword, docValues: true})
		}
	}
	return append(fs,
		// Facets: every facet value of an article in one field.
		indexField{name: FieldFacets, view: viewKeyword, docValues: true},
		// The content key, read per document to collapse reprints.
		indexField{name: FieldContent, view: viewKeyword, docValues: true},
		// The record's own id, for looking the article up by it.
		indexField{name: FieldSourceID, view: viewKeyword},
		// The article itself, for display only.
		indexField{name: FieldStored, view: viewStored})
}()

// NewMapping returns the index schema. dict names the word segmenter's
// dictionary (segment.DictNews in production, segment.DictTest in tests); it
// is recorded in the index, so a reopened index cuts words the same way.
// Documents are analysed by the index's own segmenter (see newDocument),
// which adds the words it learned; the mapping names the same analysis.
func NewMapping(dict string) (*mapping.IndexMappingImpl, error) {
	im := mapping.NewIndexMapping()
	im.ScoringModel = "bm25"
	im.IndexDynamic = false
	im.StoreDynamic = false
	im.DocValuesDynamic = false
	im.DefaultAnalyzer = keyword.Name

	tokenizers := map[string]map[string]interface{}{
		segment.WordTokenizer:   {"type": segment.WordTokenizer, "dict": dict, "mode": "index"},
		segment.CharTokenizer:   {"type": segment.CharTokenizer},
		segment.SingleTokenizer: {"type": segment.SingleTokenizer},
	}
	for name, config := range tokenizers {
		if err := im.AddCustomTokenizer(name, config); err != nil {
			return nil, fmt.Errorf("mapping: %w", err)
		}
		if err := im.AddCustomAnalyzer(name, map[string]interface{}{
			"type": custom.Name, "char_filters": []string{segment.NormalizeFilter}, "tokenizer": name,
		}); err != nil {
			return nil, fmt.Errorf("mapping: %w", err)
		}
	}

	dm := mapping.NewDocumentStaticMapping()
	for _, f := range indexFields {
		var m *mapping.FieldMapping
		switch f.view {
		case viewKeyword:
			m = mapping.NewKeywordFieldMapping()
		default:
			m = mapping.NewTextFieldMapping()
			m.Analyzer = analyzerNames[f.view]
		}
		o := f.options()
		m.Name = f.name
		m.Index = o.IsIndexed()
		m.Store = o.IsStored()
		m.IncludeTermVectors = f.vectors
		m.DocValues = f.docValues
		m.SkipFreqNorm = o.SkipFreqNorm()
		m.IncludeInAll = false
		dm.AddFieldMappingsAt(f.name, m)
	}
	im.DefaultMapping = dm
	if err := im.Validate(); err != nil {
		return nil, fmt.Errorf("mapping: %w", err)
	}
	return im, nil
}

// analyzers are the analyzers of one snapshot of an index's segmenter.
type analyzers [viewStored]analysis.Analyzer

func analyzersOf(seg *segment.Segmenter) *analyzers {
	return &analyzers{
		viewWords:   seg.Analyzer(segment.WordView),
		viewPairs:   seg.Analyzer(segment.PairView),
		viewSingles: seg.Analyzer(segment.SingleView),
		viewKeyword: keywordAnalyzer,
	}
}

// keywordAnalyzer keeps a value whole, as bleve's keyword analyzer does.
var keywordAnalyzer analysis.Analyzer = &analysis.DefaultAnalyzer{Tokenizer: single.NewSingleTokenTokenizer()}

// newDocument checks an article and turns it into its index document,
// analysed (when analysed) by an: the text as the article has it, which the
// analyzers normalise; exact values for filters and facets; the article
// compressed, for display.
func newDocument(a *article.Article, an *analyzers) (*bdoc.Document, error) {
	if a.ID == "" {
		return nil, fmt.Errorf("article has no id")
	}
	d, err := time.Parse(DateLayout, a.Date)
	if err != nil {
		return nil, fmt.Errorf("article %s: date %q is not a valid YYYY-MM-DD date", a.ID, a.Date)
	}
	stored, err := encodeStored(a)
	if err != nil {
		return nil, err
	}
	vals := fieldValues(a, d)
	doc := bdoc.NewDocument(a.ID)
	for _, f := range indexFields {
		var values []string
		switch f.name {
		case FieldStored:
			doc.AddField(bdoc.NewTextFieldWithIndexingOptions(f.name, nil, []byte(stored), f.options()))
			continue
		case FieldFacets:
			values = facetValues(vals)
		case FieldContent:
			values = []string{ContentKey(a)}
		case FieldSourceID:
			values = nonEmpty(a.SourceID)
		default:
			values = vals[f.source]
			if f.terms {
				values = KeywordTerms(f.source, values...)
			}
		}
		for _, v := range values {
			doc.AddField(bdoc.NewTextFieldCustom(f.name, nil, []byte(v), f.options(), an[f.view]))
		}
	}
	return doc, nil
}

// fieldValues returns the values of an article's fields, by field name:
// text as printed (every text field, empty or not, so that field lengths
// count every article), exact values trimmed, empty ones left out (an
// empty value is no facet value).
func fieldValues(a *article.Article, date time.Time) map[string][]string {
	return map[string][]string{
		field.Kicker:   {strings.TrimSpace(a.Kicker)},
		field.Headline: {strings.TrimSpace(a.Headline)},
		field.Subtitle: {strings.TrimSpace(a.Subtitle)},
		field.Body:     {strings.TrimSpace(searchedBody(a))},
		field.Paper:    nonEmpty(a.Paper),
		field.Section:  nonEmpty(a.Section),
		field.Source:   nonEmpty(a.Source),
		field.Reporter: nonEmpty(a.Reporters...),
		field.Page:     nonEmpty(a.Page),
		field.PubDate:  {date.Format(DateLayout)},
		field.Year:     {date.Format("2006")},
		field.Month:    {date.Format("2006-01")},
	}
}

// searchedBody is the body as searched: the text and, after it, the
// photo captions printed with the article.
func searchedBody(a *article.Article) string {
	if len(a.Captions) == 0 {
		return a.Body
	}
	return a.Body + "\n" + strings.Join(a.Captions, "\n")
}

// facetValues lists the values of the facet fields for FieldFacets. The
// year is counted from the month (see search), so it is not among them.
func facetValues(vals map[string][]string) []string {
	var out []string
	for _, f := range field.Facets() {
		if f.Name == field.Year {
			continue
		}
		for _, v := range vals[f.Name] {
			out = append(out, f.Name+FacetSep+v)
		}
	}
	return out
}

// nonEmpty returns the non-empty values, trimmed.
func nonEmpty(vs ...string) []string {
	var out []string
	for _, v := range vs {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

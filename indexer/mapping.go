package indexer

import (
	"fmt"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/mapping"

	"baoku/indexer/article"
	"baoku/segment"
)

// Field names of the index. Each text field is indexed twice: under its own
// name as words (gse, for BM25 ranking) and under its name plus CharSuffix as
// characters and character pairs (for recall of any substring and exact
// phrases). Only the character view keeps positions, since only it answers
// phrases; the word view keeps frequencies and norms for scoring.
const (
	FieldKicker    = "kicker"
	FieldHeadline  = "headline"
	FieldSubtitle  = "subtitle"
	FieldBody      = "body"
	FieldPaper     = "paper"
	FieldSection   = "section"
	FieldSource    = "source"
	FieldReporters = "reporters"
	FieldPage      = "page"
	FieldDate      = "date"
	FieldYear      = "year"
	FieldMonth     = "month"
	// FieldStored holds the article, compressed (see DecodeStored); it is
	// stored, not indexed, and is what a hit shows.
	FieldStored = "_article"
	// FieldFacets holds every facet value of an article, each as its
	// facet's name, FacetSep and the value ("paper\x1f人民日报"), so that
	// counting all facets visits one field per hit, not one per facet.
	FieldFacets = "_facets"
	// FacetSep separates a facet's name from its value in FieldFacets.
	FacetSep = "\x1f"
	// CharSuffix names the positional half of a text field's character
	// view, its character pairs: body → body_c.
	CharSuffix = "_c"
	// SingleSuffix names the other half, its single characters, kept
	// without positions: body → body_u.
	SingleSuffix = "_u"
)

// TextFields are the segmented text fields, in display order.
var TextFields = []string{FieldKicker, FieldHeadline, FieldSubtitle, FieldBody}

// KeywordFields are the exact-value fields: filters, never segmented.
var KeywordFields = []string{FieldPaper, FieldSection, FieldSource, FieldReporters, FieldPage, FieldYear, FieldMonth}

// sortedFields are the keyword fields that keep doc values of their own,
// for browsing (counts by year, month and paper) and ordering an edition by
// paper and page; the search facets are counted from FieldFacets.
var sortedFields = map[string]bool{FieldPaper: true, FieldPage: true, FieldYear: true, FieldMonth: true}

// Analyzer names in the index mapping.
const (
	analyzerWords   = "baoku_words"
	analyzerChars   = "baoku_chars"
	analyzerSingles = "baoku_singles"
)

// NewMapping returns the index schema. dict names the word segmenter's
// dictionary (segment.DictNews in production, segment.DictTest in tests); it
// is recorded in the index, so a reopened index cuts words the same way.
func NewMapping(dict string) (*mapping.IndexMappingImpl, error) {
	im := mapping.NewIndexMapping()
	im.ScoringModel = "bm25"
	im.IndexDynamic = false
	im.StoreDynamic = false
	im.DocValuesDynamic = false
	im.DefaultAnalyzer = keyword.Name

	if err := im.AddCustomTokenizer(analyzerWords, map[string]interface{}{
		"type": segment.WordTokenizer, "dict": dict, "mode": "index",
	}); err != nil {
		return nil, fmt.Errorf("mapping: %w", err)
	}
	if err := im.AddCustomTokenizer(analyzerChars, map[string]interface{}{
		"type": segment.CharTokenizer,
	}); err != nil {
		return nil, fmt.Errorf("mapping: %w", err)
	}
	if err := im.AddCustomTokenizer(analyzerSingles, map[string]interface{}{
		"type": segment.SingleTokenizer,
	}); err != nil {
		return nil, fmt.Errorf("mapping: %w", err)
	}
	for _, name := range []string{analyzerWords, analyzerChars, analyzerSingles} {
		if err := im.AddCustomAnalyzer(name, map[string]interface{}{
			"type": custom.Name, "tokenizer": name,
		}); err != nil {
			return nil, fmt.Errorf("mapping: %w", err)
		}
	}

	dm := mapping.NewDocumentStaticMapping()
	for _, f := range TextFields {
		dm.AddFieldMappingsAt(f,
			// Word view: ranking, so frequencies and norms. No
			// positions: phrases go to the character view.
			textField(f, analyzerWords, false, true),
			// Character view, pairs: recall and exact phrases, so
			// positions (but no offsets: see segment.CharTokenizer).
			// Frequencies and norms too: phrase matches add to the
			// score (a query's words found together rank higher).
			textField(f+CharSuffix, analyzerChars, true, true),
			// Character view, single characters: one-character queries
			// need no positions, which halves what the view keeps.
			// How often a character occurs in a body says little
			// about an article, so the body's frequencies and norms
			// are left out (they were a third of the view); the short
			// lines keep theirs, so that a one-character query ranks
			// the articles with it in a headline first.
			textField(f+SingleSuffix, analyzerSingles, false, f != FieldBody))
	}
	for _, f := range KeywordFields {
		// Filters: exact values, never scored.
		dm.AddFieldMappingsAt(f, keywordField(sortedFields[f]))
	}
	// Facets: every facet value of an article in one field with doc values.
	dm.AddFieldMappingsAt(FieldFacets, keywordField(true))
	// Date: an exact value, YYYY-MM-DD, with doc values for sorting. A
	// bleve date takes 16 terms an article, all kept as doc values; ranges
	// are covered by days, months and years instead (see search's
	// dateRange).
	dm.AddFieldMappingsAt(FieldDate, keywordField(true))
	// The article itself, for display only.
	stored := mapping.NewTextFieldMapping()
	stored.Index = false
	stored.Store = true
	stored.IncludeInAll = false
	stored.IncludeTermVectors = false
	stored.DocValues = false
	dm.AddFieldMappingsAt(FieldStored, stored)

	im.DefaultMapping = dm
	if err := im.Validate(); err != nil {
		return nil, fmt.Errorf("mapping: %w", err)
	}
	return im, nil
}

// textField is an indexed, unstored text field named name, analysed by
// analyzer, with positions when vectors is set and with term frequencies
// and field lengths (for scoring) when scored is set.
func textField(name, analyzer string, vectors, scored bool) *mapping.FieldMapping {
	m := mapping.NewTextFieldMapping()
	m.Name = name
	m.Analyzer = analyzer
	m.Store = false
	m.IncludeTermVectors = vectors
	m.IncludeInAll = false
	m.DocValues = false
	m.SkipFreqNorm = !scored
	return m
}

// keywordField is an indexed, unstored exact-value field, never scored,
// with doc values when docValues is set.
func keywordField(docValues bool) *mapping.FieldMapping {
	m := mapping.NewKeywordFieldMapping()
	m.Store = false
	m.IncludeTermVectors = false
	m.IncludeInAll = false
	m.DocValues = docValues
	m.SkipFreqNorm = true
	return m
}

// document is what goes into the index for one article: normalised text for
// the analyzers, exact values for filters and facets, the article as JSON.
type document struct {
	Kicker    string   `json:"kicker"`
	Headline  string   `json:"headline"`
	Subtitle  string   `json:"subtitle"`
	Body      string   `json:"body"`
	Paper     []string `json:"paper"`   // keyword fields are lists so that
	Section   []string `json:"section"` // an empty value is left out,
	Source    []string `json:"source"`  // not indexed as a facet value ""
	Reporters []string `json:"reporters"`
	Page      []string `json:"page"`
	Date      string   `json:"date"`
	Year      string   `json:"year"`
	Month     string   `json:"month"`
	Article   string   `json:"_article"`
	Facets    []string `json:"_facets"`
}

// DateLayout is the layout of Article.Date.
const DateLayout = "2006-01-02"

// newDocument checks an article and turns it into its index document.
func newDocument(a *article.Article) (*document, error) {
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
	doc := &document{
		Kicker:    segment.Normalize(a.Kicker),
		Headline:  segment.Normalize(a.Headline),
		Subtitle:  segment.Normalize(a.Subtitle),
		Body:      segment.Normalize(a.Body),
		Paper:     values(a.Paper),
		Section:   values(a.Section),
		Source:    values(a.Source),
		Reporters: values(a.Reporters...),
		Page:      values(a.Page),
		Date:      d.Format(DateLayout),
		Year:      a.Date[:4],
		Month:     a.Date[:7],
		Article:   stored,
	}
	for _, f := range []struct {
		name   string
		values []string
	}{
		{"paper", doc.Paper}, {"section", doc.Section}, {"source", doc.Source},
		{"reporter", doc.Reporters}, {"page", doc.Page}, {"month", []string{doc.Month}},
	} {
		for _, v := range f.values {
			doc.Facets = append(doc.Facets, f.name+FacetSep+v)
		}
	}
	return doc, nil
}

// values returns the non-empty values, trimmed.
func values(vs ...string) []string {
	var out []string
	for _, v := range vs {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

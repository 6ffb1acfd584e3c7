package search

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	bq "github.com/blevesearch/bleve/v2/search/query"

	"baoku/indexer"
	"baoku/indexer/article"
	"baoku/indexer/field"
	"baoku/search/query"
	"baoku/segment"
)

// Limits of "more like this".
const (
	// DefaultRelated is the number of related articles returned when the
	// caller asks for 0.
	DefaultRelated = 5
	// relatedTerms is the number of an article's words that make up its
	// "more like this" query.
	relatedTerms = 25
	// headlineWeight counts a word in a headline line this many times.
	headlineWeight = 3
)

// weightedTerm is one term of a "more like this" query.
type weightedTerm struct {
	field, term string
	weight      float64
}

// Related returns up to n articles most like the article with the given ID
// ("more like this"), best first; DefaultRelated when n is 0. The article's
// distinctive words — by tf-idf, words of its headline lines counting more —
// become a disjunction that excludes the article itself. While the word
// segmenter loads, character pairs stand in for words.
func (e *Engine) Related(ctx context.Context, id string, n int) ([]Hit, error) {
	if n == 0 {
		n = DefaultRelated
	}
	if n < 1 || n > MaxSize {
		return nil, fmt.Errorf("%w: related size must be 1 to %d, not %d", ErrBadRequest, MaxSize, n)
	}
	a, err := e.Article(ctx, id)
	if err != nil {
		return nil, err
	}
	terms, err := e.distinctiveTerms(a)
	if err != nil {
		return nil, err
	}
	if len(terms) == 0 {
		return []Hit{}, nil
	}
	should := make([]bq.Query, 0, len(terms))
	for _, t := range terms {
		tq := bq.NewTermQuery(t.term)
		tq.SetField(t.field)
		tq.SetBoost(t.weight)
		should = append(should, tq)
	}
	dq := bq.NewDisjunctionQuery(should)
	// Not the article itself, nor its reprints: they are the same text.
	same := bq.NewTermQuery(indexer.ContentKey(a))
	same.SetField(indexer.FieldContent)
	q := bq.NewBooleanQuery([]bq.Query{dq}, nil, []bq.Query{bq.NewDocIDQuery([]string{id}), same})
	req := bleve.NewSearchRequestOptions(q, n, 0, false)
	req.Fields = []string{indexer.FieldStored}
	req.SortBy([]string{"-_score", "-" + field.PubDate, "_id"})
	res, err := e.ix.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("search: related to %s: %w", id, err)
	}
	hits := make([]Hit, 0, len(res.Hits))
	for _, h := range res.Hits {
		a, err := articleOf(h)
		if err != nil {
			return nil, err
		}
		hit := hitOf(a, h.Score, nil)
		hits = append(hits, hit)
	}
	return hits, nil
}

// distinctiveTerms returns the article's words that best tell it apart:
// term frequency in the article times inverse document frequency in the
// index, leaving out words found in this article alone (they relate it to
// nothing) and words in more than half the articles.
func (e *Engine) distinctiveTerms(a *article.Article) ([]weightedTerm, error) {
	field, tf := e.termCounts(a)
	total, err := e.ix.DocCount()
	if err != nil {
		return nil, fmt.Errorf("search: count articles: %w", err)
	}
	var out []weightedTerm
	for term, f := range tf {
		df, err := e.docFreq(field, term)
		if err != nil {
			return nil, err
		}
		if df < 2 || (total > 4 && uint64(df)*2 > total) {
			continue
		}
		idf := math.Log(1 + float64(total)/float64(df))
		out = append(out, weightedTerm{field: field, term: term, weight: math.Sqrt(f) * idf})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].weight != out[j].weight {
			return out[i].weight > out[j].weight
		}
		return out[i].term < out[j].term
	})
	if len(out) > relatedTerms {
		out = out[:relatedTerms]
	}
	return out, nil
}

// termCounts counts the article's terms in the body's word view, or in its
// character view (pairs only) while the segmenter loads.
func (e *Engine) termCounts(a *article.Article) (string, map[string]float64) {
	tf := map[string]float64{}
	ready := e.seg.Ready()
	add := func(text string, weight float64) {
		if ready {
			for _, w := range e.seg.QueryWords(text) {
				if worthRelating(w) {
					tf[w] += weight
				}
			}
			return
		}
		for _, t := range segment.Chars(segment.Normalize(text)) {
			if utf8.RuneCountInString(t.Term) == 2 && worthRelating(t.Term) {
				tf[t.Term] += weight
			}
		}
	}
	for _, s := range []string{a.Kicker, a.Headline, a.Subtitle} {
		add(s, headlineWeight)
	}
	add(a.Body, 1)
	name := field.Body
	if !ready {
		name += indexer.CharSuffix
	}
	return name, tf
}

// worthRelating keeps words of two or more characters that hold a letter:
// single characters and numbers relate everything to everything.
func worthRelating(term string) bool {
	if utf8.RuneCountInString(term) < 2 {
		return false
	}
	return strings.IndexFunc(term, unicode.IsLetter) >= 0
}

// docFreq returns the number of articles whose field holds term.
func (e *Engine) docFreq(field, term string) (int, error) {
	d, err := e.ix.FieldDictRange(field, []byte(term), []byte(term))
	if err != nil {
		return 0, fmt.Errorf("search: dictionary of %s: %w", field, err)
	}
	defer d.Close()
	ent, err := d.Next()
	if err != nil {
		return 0, fmt.Errorf("search: dictionary of %s: %w", field, err)
	}
	if ent == nil || ent.Term != term {
		return 0, nil
	}
	return int(ent.Count), nil
}

// Marker returns a function that renders text as HTML with the matches of
// the query q in <mark>, as search results mark them; for the article page
// reached from a search. An empty q marks nothing.
func (e *Engine) Marker(q string) (func(string) string, error) {
	needles, err := e.needlesFor(q)
	if err != nil {
		return nil, err
	}
	return func(s string) string { return markAll(s, needles) }, nil
}

// needlesFor returns what a query highlights: its text terms and the words
// they were cut into.
func (e *Engine) needlesFor(q string) ([][]rune, error) {
	if strings.TrimSpace(q) == "" {
		return nil, nil
	}
	r := Request{Query: q}
	if err := r.normalize(); err != nil {
		return nil, err
	}
	parsed, err := query.Parse(q)
	if err != nil {
		return nil, err
	}
	c := &compiler{words: e.wordsFunc()}
	if _, err := c.compile(parsed); err != nil {
		return nil, err
	}
	var texts []string
	for _, t := range query.Terms(parsed) {
		if !isKeyword(t.Field) {
			texts = append(texts, t.Text)
		}
	}
	return needlesOf(append(texts, c.allWords()...)), nil
}

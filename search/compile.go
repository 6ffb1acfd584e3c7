package search

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	bq "github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"

	"baoku/indexer"
	"baoku/indexer/field"
	"baoku/search/query"
	"baoku/segment"
)

// boostOf is a text field's weight (package field): a match in the
// headline lines counts more than one in the body.
func boostOf(name string) float64 {
	if f, ok := field.Get(name); ok && f.Boost > 0 {
		return f.Boost
	}
	return 1
}

const (
	// charWeight scales the character view's score against the words'.
	charWeight = 0.3
	// togetherBoost scales the bonus for query words found side by side.
	togetherBoost = 0.5
)

// isKeyword reports whether a query field holds exact values, whose
// matches are not marked in the text.
func isKeyword(name string) bool {
	f, ok := field.Get(name)
	return ok && f.Kind == field.Keyword
}

// compiler turns a parsed query into a bleve query.
type compiler struct {
	// words cuts query text into words; nil while the dictionary loads,
	// when terms are looked up in the character view alone.
	words func(string) []string
	// explain collects how each term was analysed.
	explain []TermExplain
	// negated counts the NOTs around the node being compiled.
	negated int
}

// TermExplain says how one query term was analysed.
type TermExplain struct {
	Field      string   `json:"field,omitempty"`
	Text       string   `json:"text"`
	Normalized string   `json:"normalized"`
	Quoted     bool     `json:"quoted,omitempty"`
	Words      []string `json:"words,omitempty"`
	CharTerms  []string `json:"char_terms,omitempty"`
	// Negated is set for a term under NOT: articles with it are left
	// out, so it is never marked.
	Negated bool `json:"negated,omitempty"`
	// How says in words how the term is matched.
	How string `json:"how"`
}

func (c *compiler) compile(q query.Q) (bq.Query, error) {
	switch q := q.(type) {
	case *query.And:
		var must, mustNot []bq.Query
		for _, ch := range q.Children {
			if n, ok := ch.(*query.Not); ok {
				sub, err := c.compileNot(n.Child)
				if err != nil {
					return nil, err
				}
				mustNot = append(mustNot, sub)
				continue
			}
			sub, err := c.compile(ch)
			if err != nil {
				return nil, err
			}
			must = append(must, sub)
		}
		if len(must) == 0 {
			must = append(must, bq.NewMatchAllQuery())
		}
		return bq.NewBooleanQuery(must, nil, mustNot), nil
	case *query.Or:
		var subs []bq.Query
		for _, ch := range q.Children {
			sub, err := c.compile(ch)
			if err != nil {
				return nil, err
			}
			subs = append(subs, sub)
		}
		return bq.NewDisjunctionQuery(subs), nil
	case *query.Not:
		sub, err := c.compileNot(q.Child)
		if err != nil {
			return nil, err
		}
		return bq.NewBooleanQuery([]bq.Query{bq.NewMatchAllQuery()}, nil, []bq.Query{sub}), nil
	case *query.DateRange:
		return dateRange(q.From, q.To)
	case *query.Term:
		if q.Field == "" {
			return c.text(q, field.Of(field.Text)), nil
		}
		f, ok := field.Get(q.Field)
		switch {
		case !ok:
			return nil, fmt.Errorf("%w: unknown field %q", ErrBadRequest, q.Field)
		case f.Kind == field.Keyword:
			return exact(f.Name, strings.TrimSpace(q.Text)), nil
		case f.Kind == field.Text:
			return c.text(q, f.Searched()), nil
		}
		return nil, fmt.Errorf("%w: field %q takes a date or a range of dates", ErrBadRequest, q.Field)
	}
	return nil, fmt.Errorf("search: unknown query node %T", q)
}

// compileNot compiles the child of a NOT.
func (c *compiler) compileNot(q query.Q) (bq.Query, error) {
	c.negated++
	defer func() { c.negated-- }()
	return c.compile(q)
}

// text compiles a text term. A quoted term must occur as the exact character
// sequence (the character view as a phrase). An unquoted term is cut into
// words; each word must be found, as a word or as characters, and words
// found side by side score a bonus.
func (c *compiler) text(t *query.Term, fields []string) bq.Query {
	norm := segment.Normalize(t.Text)
	ex := TermExplain{Field: t.Field, Text: t.Text, Normalized: norm, Quoted: t.Quoted, CharTerms: charTerms(norm), Negated: c.negated > 0}
	defer func() {
		ex.How = ex.describe(c.words != nil)
		c.explain = append(c.explain, ex)
	}()
	whole := phraseAny(norm, fields, 1)
	if whole == nil {
		// Nothing searchable (only punctuation): matches nothing.
		return bq.NewMatchNoneQuery()
	}
	if t.Quoted || c.words == nil {
		return whole
	}
	if pairs, lone := segment.CharPhrase(norm); len(pairs) == 0 && len(lone) == 1 {
		// One character: its count in the character view ranks as well as
		// the word view could, at half the cost of a query that matches
		// a great many articles.
		return whole
	}
	words := c.words(norm)
	ex.Words = words
	switch len(words) {
	case 0:
		return whole
	case 1:
		if words[0] == norm {
			return bq.NewDisjunctionQuery(wordOrChars(norm, fields, 1))
		}
		return bq.NewDisjunctionQuery(append(wordAny(words[0], fields), whole))
	}
	must := make([]bq.Query, 0, len(words))
	for _, w := range words {
		must = append(must, bq.NewDisjunctionQuery(wordOrChars(w, fields, charWeight)))
	}
	together := phraseAny(norm, fields, togetherBoost)
	return bq.NewBooleanQuery(must, []bq.Query{together}, nil)
}

// wordOrChars finds a word in any of fields, in the word view or as
// characters, whose score weight scales: per field, see wordOrPairs.
func wordOrChars(w string, fields []string, weight float64) []bq.Query {
	pairs, lone := segment.CharPhrase(w)
	if len(pairs) == 0 || len(lone) > 0 || slices.Contains(pairs, "") {
		alts := wordAny(w, fields)
		if p := phraseAny(w, fields, weight); p != nil {
			alts = append(alts, p)
		}
		return alts
	}
	qs := make([]bq.Query, 0, len(fields))
	for _, f := range fields {
		word := bq.NewTermQuery(w)
		word.SetField(f)
		word.SetBoost(boostOf(f))
		qs = append(qs, &wordOrPairs{Word: word, Chars: CharQuery(w, []string{f}, weight), Pairs: pairs, Field: f + indexer.CharSuffix})
	}
	return qs
}

// wordOrPairs finds a word in one field, as a word or as the sequence of
// its character pairs. Every article with the word has each of the pairs,
// so when the index counts as many articles with one of the pairs as with
// the word, the articles with the whole sequence have the word too, and
// the character view is not read at all: for a common word that halves
// the cost of the query. The counts are those of the snapshot the search
// reads, so the answer is exactly that of both views.
type wordOrPairs struct {
	Word  *bq.TermQuery `json:"word"`
	Chars bq.Query      `json:"chars"`
	Pairs []string      `json:"pairs"`
	Field string        `json:"pair_field"`
}

// Searcher implements bleve's query.Query.
func (q *wordOrPairs) Searcher(ctx context.Context, i index.IndexReader, m mapping.IndexMapping, o bsearch.SearcherOptions) (bsearch.Searcher, error) {
	nw, err := articlesWith(ctx, i, q.Word.FieldVal, q.Word.Term)
	if err != nil {
		return nil, err
	}
	for _, p := range q.Pairs {
		np, err := articlesWith(ctx, i, q.Field, p)
		if err != nil {
			return nil, err
		}
		if np == nw {
			return bq.NewDisjunctionQuery([]bq.Query{q.Word}).Searcher(ctx, i, m, o)
		}
	}
	chars := q.Chars
	if len(q.Pairs) > 1 {
		// A phrase reads the positions of every article with all its
		// pairs, nearly all of which have the word. Only those without
		// it can add to the answer: they are found from the pairs'
		// postings alone, and only their positions are read.
		must := make([]bq.Query, 0, len(q.Pairs))
		for _, p := range q.Pairs {
			must = append(must, filterTerm(q.Field, p))
		}
		without := bq.NewBooleanQuery(must, nil, []bq.Query{q.Word})
		without.SetBoost(0)
		chars = bq.NewConjunctionQuery([]bq.Query{q.Chars, without})
	}
	return bq.NewDisjunctionQuery([]bq.Query{q.Word, chars}).Searcher(ctx, i, m, o)
}

// articlesWith counts the articles with a term in a field.
func articlesWith(ctx context.Context, i index.IndexReader, field, term string) (uint64, error) {
	r, err := i.TermFieldReader(ctx, []byte(term), field, false, false, false)
	if err != nil {
		return 0, err
	}
	defer r.Close()
	return r.Count(), nil
}

// wordAny finds a word in the word view of any of fields.
func wordAny(word string, fields []string) []bq.Query {
	qs := make([]bq.Query, 0, len(fields))
	for _, f := range fields {
		tq := bq.NewTermQuery(word)
		tq.SetField(f)
		tq.SetBoost(boostOf(f))
		qs = append(qs, tq)
	}
	return qs
}

// phraseAny finds normalised text as an exact character sequence in any of
// fields; nil when the text has no searchable character.
func phraseAny(norm string, fields []string, weight float64) bq.Query {
	return CharQuery(norm, fields, weight)
}

// charTerms lists the character view's terms for normalised text: its
// pairs as a phrase ("" for a gap), then the units that stand alone.
func charTerms(norm string) []string {
	pairs, lone := segment.CharPhrase(norm)
	return append(pairs, lone...)
}

// CharQuery is the character view's query for normalised text in any of
// fields: the phrase of its character pairs in a field, and each unit that
// stands alone (a one-character query) in the same field. Text without
// separators is found exactly where it occurs; nil when the text has no
// searchable character.
func CharQuery(norm string, fields []string, weight float64) bq.Query {
	pairs, lone := segment.CharPhrase(norm)
	if len(pairs) == 0 && len(lone) == 0 {
		return nil
	}
	qs := make([]bq.Query, 0, len(fields))
	for _, f := range fields {
		boost := boostOf(f) * weight
		var must []bq.Query
		switch len(pairs) {
		case 0:
		case 1:
			tq := bq.NewTermQuery(pairs[0])
			tq.SetField(f + indexer.CharSuffix)
			tq.SetBoost(boost)
			must = append(must, tq)
		default:
			pq := bq.NewPhraseQuery(pairs, f+indexer.CharSuffix)
			pq.SetBoost(boost)
			must = append(must, pq)
		}
		for _, u := range lone {
			tq := bq.NewTermQuery(u)
			tq.SetField(f + indexer.SingleSuffix)
			tq.SetBoost(boost)
			must = append(must, tq)
		}
		if len(must) == 1 {
			qs = append(qs, must[0])
		} else {
			qs = append(qs, bq.NewConjunctionQuery(must))
		}
	}
	if len(qs) == 1 {
		return qs[0]
	}
	return bq.NewDisjunctionQuery(qs)
}

// exact matches an exact value of a keyword field.
func exact(field, value string) bq.Query {
	tq := bq.NewTermQuery(value)
	tq.SetField(field)
	return tq
}

// dateRange matches articles published from one day to another, both
// included; either may be empty. Dates are exact values, so a range is the
// fewest day, month and year values that cover it: 2020-03-15..2023-06-10
// is 17 days, 9 months, two years, 5 months and 10 days, not 1,184 days.
// The values only filter: they add nothing to a hit's score.
func dateRange(from, to string) (bq.Query, error) {
	var start, end time.Time
	if from != "" {
		t, err := time.Parse(indexer.DateLayout, from)
		if err != nil {
			return nil, fmt.Errorf("%w: date %q is not YYYY-MM-DD", ErrBadRequest, from)
		}
		start = t
	}
	if to != "" {
		t, err := time.Parse(indexer.DateLayout, to)
		if err != nil {
			return nil, fmt.Errorf("%w: date %q is not YYYY-MM-DD", ErrBadRequest, to)
		}
		end = t
	}
	if !start.IsZero() && !end.IsZero() && end.Before(start) {
		return nil, fmt.Errorf("%w: date range %s..%s ends before it starts", ErrBadRequest, from, to)
	}
	var qs []bq.Query
	years := func(min, max string) {
		inclusive := true
		q := bq.NewTermRangeInclusiveQuery(min, max, &inclusive, &inclusive)
		q.SetField(field.Year)
		q.SetBoost(0)
		qs = append(qs, q)
	}
	if start.IsZero() {
		if end.IsZero() {
			return bq.NewMatchAllQuery(), nil
		}
		// Every year before the last, then the last year's days.
		years("", fmt.Sprintf("%04d", end.Year()-1))
		start = time.Date(end.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
	}
	if end.IsZero() {
		// The first year's days, then every year after it.
		years(fmt.Sprintf("%04d", start.Year()+1), "")
		end = time.Date(start.Year(), 12, 31, 0, 0, 0, 0, time.UTC)
	}
	for d := start; !d.After(end); {
		switch {
		case d.YearDay() == 1 && !d.AddDate(1, 0, -1).After(end):
			qs = append(qs, filterTerm(field.Year, d.Format("2006")))
			d = d.AddDate(1, 0, 0)
		case d.Day() == 1 && !d.AddDate(0, 1, -1).After(end):
			qs = append(qs, filterTerm(field.Month, d.Format("2006-01")))
			d = d.AddDate(0, 1, 0)
		default:
			qs = append(qs, filterTerm(field.PubDate, d.Format(indexer.DateLayout)))
			d = d.AddDate(0, 0, 1)
		}
	}
	if len(qs) == 1 {
		return qs[0], nil
	}
	return bq.NewDisjunctionQuery(qs), nil
}

// filterTerm matches an exact value without adding to the score.
func filterTerm(field, value string) bq.Query {
	tq := exact(field, value)
	tq.(*bq.TermQuery).SetBoost(0)
	return tq
}

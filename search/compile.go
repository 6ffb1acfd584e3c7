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
	// prefer are the periods of the bare years and months read as dates
	// (query.Term.When) outside NOT: their articles rank first.
	prefer []query.DateRange
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
	// Date is the period a bare year or month was read as, first day to
	// last (query.Term.When): the articles of the period rank first.
	Date string `json:"date,omitempty"`
}

func (c *compiler) compile(q query.Q) (bq.Query, error) {
	switch q := q.(type) {
	case *query.And:
		var must, mustNot, dates []bq.Query
		for _, ch := range q.Children {
			switch ch := ch.(type) {
			case *query.Not:
				sub, err := c.compileNot(ch.Child)
				if err != nil {
					return nil, err
				}
				mustNot = append(mustNot, sub)
				continue
			case *query.DateRange:
				// A date only filters: it adds nothing to the score.
				d, err := dateRange(ch.From, ch.To)
				if err != nil {
					return nil, err
				}
				dates = append(dates, d)
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
		b := bq.NewBooleanQuery(must, nil, mustNot)
		if len(dates) > 0 {
			b.AddFilter(bq.NewConjunctionQuery(dates))
		}
		return b, nil
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
		// Every article in the range scores the same (as all articles do
		// for an empty query): a query of dates alone would otherwise
		// weigh nothing, and bleve's normalisation of nothing is NaN.
		d, err := dateRange(q.From, q.To)
		if err != nil {
			return nil, err
		}
		b := bq.NewBooleanQuery([]bq.Query{bq.NewMatchAllQuery()}, nil, nil)
		b.AddFilter(d)
		return b, nil
	case *query.Term:
		if q.Field == "" && q.When != nil {
			return c.when(q)
		}
		if q.Field == "" {
			return c.text(q, field.Of(field.Text)), nil
		}
		f, ok := field.Get(q.Field)
		switch {
		case !ok:
			return nil, badRequest(fmt.Sprintf("没有“%s”这个字段", q.Field), "unknown field %q", q.Field)
		case f.Kind == field.Keyword:
			v := strings.TrimSpace(q.Text)
			if f.Name == field.Page {
				if err := checkPage(v); err != nil {
					return nil, err
				}
			}
			return exact(f.Name, v), nil
		case f.Kind == field.Text:
			return c.text(q, f.Searched()), nil
		}
		return nil, badRequest(fmt.Sprintf("字段“%s”只能跟日期或日期范围", f.Label), "field %q takes a date or a range of dates", q.Field)
	}
	return nil, fmt.Errorf("search: unknown query node %T", q)
}

// when compiles a bare year or month read as a date (query.Term.When): it
// finds the articles of the period, which score nothing for it and rank
// first (see rank.go), and those that hold the text, which score as text
// does.
func (c *compiler) when(t *query.Term) (bq.Query, error) {
	d, err := dateRange(t.When.From, t.When.To)
	if err != nil {
		return nil, err
	}
	text := c.text(t, field.Of(field.Text))
	ex := &c.explain[len(c.explain)-1]
	ex.Date = t.When.From + ".." + t.When.To
	ex.How = fmt.Sprintf("read as a date: the stories of %s rank first; stories of other dates match when they hold %q, below them (quote it to search the text alone); as text, %s",
		t.When.Period(), t.Text, ex.How)
	if c.negated == 0 {
		c.prefer = append(c.prefer, *t.When)
	}
	return bq.NewDisjunctionQuery([]bq.Query{d, text}), nil
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
	// A query has no paragraphs: a line break in it is a space.
	norm := segment.Normalize(strings.NewReplacer("\r", " ", "\n", " ", "\u2029", " ").Replace(t.Text))
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
	whole = checkedPhrase(whole, norm, fields)
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
		// One word among marks (，吕梁; 8 of 8°): the word as a word or
		// as characters, the whole as a bonus, as for several words.
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
	pairs = tiled(pairs)
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

// tiled keeps, of each run of consecutive pairs of a phrase, the pairs at
// every other position and the last one, and leaves the positions between
// them free (""): pairs at positions p, p+2, p+4 … and the last cover every
// character of the run, so the phrase matches exactly where the whole
// sequence would, and reads the positions of half as many terms.
// 中国特色社会主义 is 中国 _ 特色 _ 社会 _ 主义.
func tiled(pairs []string) []string {
	out := slices.Clone(pairs)
	start := 0
	for i := 0; i <= len(out); i++ {
		if i < len(out) && out[i] != "" {
			continue
		}
		// out[start:i] is a run of pairs.
		for j := start + 1; j < i-1; j += 2 {
			out[j] = ""
		}
		start = i + 1
	}
	return out
}

// exact matches an exact value of a keyword field, as its search terms
// hold it (indexer.KeywordTerms: normalised, spreads and sub-sections by
// their parts).
func exact(name, value string) bq.Query {
	tq := bq.NewTermQuery(indexer.KeywordTerm(name, value))
	tq.SetField(indexer.KeywordField(name))
	return tq
}

// dateRange matches articles published from one day to another, both
// included; either may be empty. Dates are exact values, so a range is the
// fewest day, month and year values that cover it: 2020-03-15..2023-06-10
// is 17 days, 9 months, the years 2021 to 2022 as one range of years, 5
// months and 10 days, not 1,184 days. The values only filter: they add
// nothing to a hit's score.
func dateRange(from, to string) (bq.Query, error) {
	var start, end time.Time
	if from != "" {
		t, err := time.Parse(indexer.DateLayout, from)
		if err != nil {
			return nil, badRequest(fmt.Sprintf("起始日期“%s”应写作 年-月-日，如 2023-07-01", from), "date %q is not YYYY-MM-DD", from)
		}
		start = t
	}
	if to != "" {
		t, err := time.Parse(indexer.DateLayout, to)
		if err != nil {
			return nil, badRequest(fmt.Sprintf("截止日期“%s”应写作 年-月-日，如 2023-07-31", to), "date %q is not YYYY-MM-DD", to)
		}
		end = t
	}
	if from != "" && to != "" && end.Before(start) {
		return nil, badRequest(fmt.Sprintf("日期范围 %s 至 %s 的结束早于开始", from, to), "date range %s..%s ends before it starts", from, to)
	}
	var qs []bq.Query
	years := func(min, max string) {
		inclusive := true
		q := bq.NewTermRangeInclusiveQuery(min, max, &inclusive, &inclusive)
		q.SetField(field.Year)
		q.SetBoost(0)
		qs = append(qs, q)
	}
	// cover adds the fewest days, months and years from a to b.
	cover := func(a, b time.Time) {
		for d := a; !d.After(b); {
			switch {
			case d.YearDay() == 1 && !d.AddDate(1, 0, -1).After(b):
				qs = append(qs, filterTerm(field.Year, d.Format("2006")))
				d = d.AddDate(1, 0, 0)
			case d.Day() == 1 && !d.AddDate(0, 1, -1).After(b):
				qs = append(qs, filterTerm(field.Month, d.Format("2006-01")))
				d = d.AddDate(0, 1, 0)
			default:
				qs = append(qs, filterTerm(field.PubDate, d.Format(indexer.DateLayout)))
				d = d.AddDate(0, 0, 1)
			}
		}
	}
	switch {
	case from == "" && to == "":
		return bq.NewMatchAllQuery(), nil
	case from == "":
		// Every year before the last, then the last year's days.
		if end.Year() > 1 {
			years("", fmt.Sprintf("%04d", end.Year()-1))
		}
		cover(time.Date(end.Year(), 1, 1, 0, 0, 0, 0, time.UTC), end)
	case to == "":
		// The first year's days, then every year after it.
		cover(start, time.Date(start.Year(), 12, 31, 0, 0, 0, 0, time.UTC))
		years(fmt.Sprintf("%04d", start.Year()+1), "")
	case end.Year()-start.Year() >= 2:
		// The first year's days, the years between as one range, the
		// last year's days.
		cover(start, time.Date(start.Year(), 12, 31, 0, 0, 0, 0, time.UTC))
		years(fmt.Sprintf("%04d", start.Year()+1), fmt.Sprintf("%04d", end.Year()-1))
		cover(time.Date(end.Year(), 1, 1, 0, 0, 0, 0, time.UTC), end)
	default:
		cover(start, end)
	}
	if len(qs) == 1 {
		return qs[0], nil
	}
	return bq.NewDisjunctionQuery(qs), nil
}

// filterTerm matches a term of an index field as it is, without adding
// to the score.
func filterTerm(field, value string) bq.Query {
	tq := bq.NewTermQuery(value)
	tq.SetField(field)
	tq.SetBoost(0)
	return tq
}

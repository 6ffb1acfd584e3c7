package search

import (
	"fmt"

	bq "github.com/blevesearch/bleve/v2/search/query"

	"baoku/indexer/field"
	"baoku/search/query"
	"baoku/segment"
)

// A search finds a word as a word or as characters (compile.go), so that
// every string the text contains is found. A corpus tool that only has the
// words of a segmenter finds less: 安局 is not a word of 公安局. The
// research views count in the character view, as Search does, and give the
// word view's count beside it, so a reader sees where they differ.

// wordQuery compiles a parsed query as a system that only knows the
// words of the segmenter would: an unquoted term matches when each of its
// words is a word of the text. A quoted term is a sequence of characters
// and stays one; keyword fields and dates are as in Search. It returns nil
// while the dictionary loads, when there are no words to count.
func (c *compiler) wordQuery(q query.Q) (bq.Query, error) {
	if c.words == nil {
		return nil, nil
	}
	var build func(q query.Q) (bq.Query, error)
	build = func(q query.Q) (bq.Query, error) {
		switch q := q.(type) {
		case *query.And:
			var must, mustNot []bq.Query
			for _, ch := range q.Children {
				target := &must
				if n, ok := ch.(*query.Not); ok {
					target, ch = &mustNot, n.Child
				}
				sub, err := build(ch)
				if err != nil {
					return nil, err
				}
				*target = append(*target, sub)
			}
			if len(must) == 0 {
				must = append(must, bq.NewMatchAllQuery())
			}
			return bq.NewBooleanQuery(must, nil, mustNot), nil
		case *query.Or:
			var subs []bq.Query
			for _, ch := range q.Children {
				sub, err := build(ch)
				if err != nil {
					return nil, err
				}
				subs = append(subs, sub)
			}
			return bq.NewDisjunctionQuery(subs), nil
		case *query.Not:
			sub, err := build(q.Child)
			if err != nil {
				return nil, err
			}
			return bq.NewBooleanQuery([]bq.Query{bq.NewMatchAllQuery()}, nil, []bq.Query{sub}), nil
		case *query.Term:
			fields := field.Of(field.Text)
			if q.Field != "" {
				f, ok := field.Get(q.Field)
				if !ok || f.Kind != field.Text {
					return c.compile(q)
				}
				fields = f.Searched()
			}
			return c.wordsOnly(q, fields), nil
		}
		return c.compile(q)
	}
	return build(q)
}

// wordsOnly finds a text term in the word view alone.
func (c *compiler) wordsOnly(t *query.Term, fields []string) bq.Query {
	norm := segment.Normalize(t.Text)
	if t.Quoted {
		if q := phraseAny(norm, fields, 1); q != nil {
			return q
		}
		return bq.NewMatchNoneQuery()
	}
	words := c.words(norm)
	if len(words) == 0 {
		return bq.NewMatchNoneQuery()
	}
	must := make([]bq.Query, 0, len(words))
	for _, w := range words {
		must = append(must, bq.NewDisjunctionQuery(wordAny(w, fields)))
	}
	if len(must) == 1 {
		return must[0]
	}
	return bq.NewConjunctionQuery(must)
}

// inHeadline rewrites a query so that its text terms must be found in the
// headline lines (kicker, headline, subtitle): the hits that carry the
// query in a headline. Negated terms keep their field: an article without
// the word anywhere is still meant.
func inHeadline(q query.Q) query.Q {
	var rewrite func(q query.Q, negated bool) query.Q
	rewrite = func(q query.Q, negated bool) query.Q {
		switch s := q.(type) {
		case *query.And:
			out := &query.And{}
			for _, ch := range s.Children {
				out.Children = append(out.Children, rewrite(ch, negated))
			}
			return out
		case *query.Or:
			out := &query.Or{}
			for _, ch := range s.Children {
				out.Children = append(out.Children, rewrite(ch, negated))
			}
			return out
		case *query.Not:
			return &query.Not{Child: rewrite(s.Child, !negated)}
		case *query.Term:
			if negated || (s.Field != "" && s.Field != field.Body) {
				return s
			}
			t := *s
			t.Field = field.Headline
			return &t
		}
		return q
	}
	return rewrite(q, false)
}

// headlineQuery compiles the query with its terms in the headline lines;
// nil for an empty query.
func (p *prepared) headlineQuery() (bq.Query, error) {
	if p.parsed == nil {
		return nil, nil
	}
	c := &compiler{words: p.c.words}
	q, err := c.compile(inHeadline(p.parsed))
	if err != nil {
		return nil, fmt.Errorf("search: headline query: %w", err)
	}
	return q, nil
}

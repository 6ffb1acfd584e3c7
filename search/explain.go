package search

import (
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"

	bsearch "github.com/blevesearch/bleve/v2/search"

	"baoku/indexer"
)

// WhyMatch is one query term found in a hit and its share of the hit's
// score, with Request.Explain: the shares of a hit add up to its score.
type WhyMatch struct {
	// Field is the text field: kicker, headline, subtitle or body.
	Field string `json:"field"`
	// View is "words" (the word view, for ranking) or "chars" (the
	// character view: characters and character pairs, for recall).
	View string `json:"view"`
	// Term is the word, character or character pair matched.
	Term string `json:"term"`
	// TF is the number of times the term occurs in the field.
	TF    int     `json:"tf"`
	Score float64 `json:"score"`
}

// whyOf flattens bleve's account of a score into the terms that matched,
// each with its share: a term's weight times the factors (coordination)
// applied above it. Shares of the same term in the same field are summed.
func whyOf(e *bsearch.Explanation) []WhyMatch {
	if e == nil {
		return nil
	}
	sum := map[[2]string]*WhyMatch{}
	var order [][2]string
	var walk func(e *bsearch.Explanation, mult float64)
	walk = func(e *bsearch.Explanation, mult float64) {
		if field, term, ok := weightOf(e.Message); ok {
			view := "words"
			if f, found := strings.CutSuffix(field, indexer.CharSuffix); found {
				field, view = f, "chars"
			} else if f, found := strings.CutSuffix(field, indexer.SingleSuffix); found {
				field, view = f, "chars"
			}
			k := [2]string{field + "/" + view, term}
			m := sum[k]
			if m == nil {
				m = &WhyMatch{Field: field, View: view, Term: term, TF: tfOf(e)}
				sum[k] = m
				order = append(order, k)
			}
			m.Score += mult * e.Value
			return
		}
		if e.Message == "product of:" {
			for i, c := range e.Children {
				other := 1.0
				for j, d := range e.Children {
					if j != i {
						other *= d.Value
					}
				}
				walk(c, mult*other)
			}
			return
		}
		for _, c := range e.Children {
			walk(c, mult)
		}
	}
	walk(e, 1)
	out := make([]WhyMatch, 0, len(order))
	for _, k := range order {
		m := *sum[k]
		m.Score = math.Round(m.Score*1e4) / 1e4
		if math.IsNaN(m.Score) || math.IsInf(m.Score, 0) {
			m.Score = 0 // as the hit's own score is: JSON has no NaN
		}
		out = append(out, m)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Score > out[j].Score })
	return out
}

// weightOf reads a term's weight line, "weight(field:term^boost in doc),
// product of:".
func weightOf(msg string) (field, term string, ok bool) {
	rest, ok := strings.CutPrefix(msg, "weight(")
	if !ok {
		return "", "", false
	}
	field, rest, ok = strings.Cut(rest, ":")
	if !ok || field == "" {
		return "", "", false
	}
	i := strings.LastIndex(rest, "^")
	if i < 0 {
		return "", "", false
	}
	return field, rest[:i], true
}

// tfOf finds the term frequency in a weight's account.
func tfOf(e *bsearch.Explanation) int {
	if rest, ok := strings.CutPrefix(e.Message, "tf(termFreq("); ok {
		if i := strings.LastIndex(rest, "="); i >= 0 {
			n, _ := strconv.Atoi(strings.TrimRight(rest[i+1:], ")"))
			return n
		}
	}
	for _, c := range e.Children {
		if n := tfOf(c); n > 0 {
			return n
		}
	}
	return 0
}

// describe says in a line how a term is matched.
func (t TermExplain) describe(wordsReady bool) string {
	chars := strings.Join(t.CharTerms, " ")
	switch {
	case len(t.CharTerms) == 0:
		return "nothing to search for (only punctuation): matches nothing"
	case t.Quoted:
		return fmt.Sprintf("exact characters %q: the character view as a phrase (%s)", t.Normalized, chars)
	case !wordsReady:
		return fmt.Sprintf("characters %q as a phrase (%s); words are not used while the dictionary loads", t.Normalized, chars)
	case len([]rune(t.Normalized)) == 1 && len(t.CharTerms) == 1:
		return fmt.Sprintf("one character %q: the character view's single characters", t.Normalized)
	case len(t.Words) <= 1:
		return fmt.Sprintf("the word %s (word view, ranks) or the characters %q (character view, finds)", t.Normalized, t.Normalized)
	}
	return fmt.Sprintf("every word must occur, as a word or as characters: %s; a bonus where they stand together as %q",
		strings.Join(t.Words, " · "), t.Normalized)
}

// WriteExplain prints a result's explanation as text: how each query term
// was normalised, cut and matched, and why each hit scored.
func WriteExplain(w io.Writer, res *Result) {
	ex := res.Explain
	if ex == nil {
		return
	}
	fmt.Fprintf(w, "query  %s\n", ex.Parsed)
	if !ex.WordsReady {
		fmt.Fprintln(w, "       (dictionary still loading: characters only)")
	}
	for _, t := range ex.Terms {
		label := t.Text
		if t.Field != "" {
			label = t.Field + ":" + label
		}
		fmt.Fprintf(w, "\nterm   %s\n", label)
		if t.Normalized != t.Text {
			fmt.Fprintf(w, "  normalised  %s\n", t.Normalized)
		}
		if len(t.Words) > 0 {
			fmt.Fprintf(w, "  words       %s\n", strings.Join(t.Words, " | "))
		}
		fmt.Fprintf(w, "  characters  %s\n", strings.Join(t.CharTerms, " "))
		fmt.Fprintf(w, "  match       %s\n", t.How)
	}
	for i, h := range res.Hits {
		fmt.Fprintf(w, "\nhit %d  %s  score %.4f  %s\n", (res.Page-1)*res.Size+i+1, h.ID, h.Score, h.Headline)
		for _, m := range h.Why {
			fmt.Fprintf(w, "  %-8s %-5s %-10s tf %-3d %.4f\n", m.Field, m.View, m.Term, m.TF, m.Score)
		}
	}
}

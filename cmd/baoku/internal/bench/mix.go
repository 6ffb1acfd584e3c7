package bench

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"unicode/utf8"

	"baoku/indexer/article"
	"baoku/segment"
)

// benchQuery is one query of the mix: the strings an article must contain
// (each within one paragraph of one field) and whether they are quoted.
// Each engine writes it in its own language (the methods below).
type benchQuery struct {
	Kind   string   `json:"kind"`
	Terms  []string `json:"terms"`
	Quoted bool     `json:"quoted"`
}

// Kinds of query in the mix.
const (
	kindWord   = "word"      // a word cut from a headline
	kindWords  = "two words" // two words of one headline
	kindPhrase = "phrase"    // a quoted run of 3 to 6 characters of a body
	kindChar   = "character" // one character of a headline, unquoted
)

// maxQuoted is the longest quoted substring of its own kind.
const maxQuoted = 6

// kindQuoted is the kind of a quoted substring of n characters of a body.
func kindQuoted(n int) string {
	if n == 1 {
		return "quoted 1 char"
	}
	return fmt.Sprintf("quoted %d chars", n)
}

// queryKinds are the kinds in the order of the tables.
var queryKinds = func() []string {
	ks := []string{kindWord, kindWords, kindPhrase, kindChar}
	for n := 1; n <= maxQuoted; n++ {
		ks = append(ks, kindQuoted(n))
	}
	return ks
}()

// buildMix draws perKind queries of each kind from the articles with a fixed
// seed: words cut from headlines, a phrase of 3 to 6 characters from a body,
// a single character of a headline, and quoted substrings of 1 to 6
// characters of bodies.
func buildMix(arts []*article.Article, seg *segment.Segmenter, perKind int) []benchQuery {
	rng := rand.New(rand.NewPCG(2012, 2026))
	pick := func() *article.Article { return arts[rng.IntN(len(arts))] }
	words := func(a *article.Article) []string {
		var ws []string
		for _, t := range seg.Words(segment.Normalize(a.Headline), segment.Query) {
			if n := utf8.RuneCountInString(t.Term); n >= 2 && allHan(t.Term) {
				ws = append(ws, t.Term)
			}
		}
		return ws
	}
	var mix []benchQuery
	add := func(kind string, quoted bool, terms ...string) {
		mix = append(mix, benchQuery{Kind: kind, Terms: terms, Quoted: quoted})
	}
	run := func(kind string, quoted bool, field func(*article.Article) string, n func() int) {
		for tries := 0; tries < 100; tries++ {
			if p := hanRun(segment.Normalize(field(pick())), rng, n()); p != "" {
				add(kind, quoted, p)
				return
			}
		}
	}
	body := func(a *article.Article) string { return a.Body }
	headline := func(a *article.Article) string { return a.Headline }
	for i := 0; i < perKind; i++ {
		for tries := 0; tries < 100; tries++ {
			if ws := words(pick()); len(ws) > 0 {
				add(kindWord, false, ws[rng.IntN(len(ws))])
				break
			}
		}
		for tries := 0; tries < 100; tries++ {
			if ws := words(pick()); len(ws) >= 2 {
				i := rng.IntN(len(ws) - 1)
				j := i + 1 + rng.IntN(len(ws)-i-1)
				add(kindWords, false, ws[i], ws[j])
				break
			}
		}
		run(kindPhrase, true, body, func() int { return 3 + rng.IntN(4) })
		run(kindChar, false, headline, func() int { return 1 })
		for n := 1; n <= maxQuoted; n++ {
			run(kindQuoted(n), true, body, func() int { return n })
		}
	}
	return mix
}

func allHan(s string) bool {
	for _, r := range s {
		if !segment.IsHan(r) {
			return false
		}
	}
	return s != ""
}

// hanRun returns n consecutive Chinese characters from a random place in
// text, or "" when there is no such run where it looked.
func hanRun(text string, rng *rand.Rand, n int) string {
	rs := []rune(text)
	if len(rs) < n {
		return ""
	}
	i := rng.IntN(len(rs) - n + 1)
	s := string(rs[i : i+n])
	if !allHan(s) {
		return ""
	}
	return s
}

// baoku writes q in Baoku's query language: "…" for a quoted string, words
// separated by spaces (which must all match).
func (q benchQuery) baoku() string {
	if q.Quoted {
		return `"` + strings.Join(q.Terms, " ") + `"`
	}
	return strings.Join(q.Terms, " ")
}

// bleve writes q in bleve's query string syntax, where + makes a term
// required, as Baoku's words all are.
func (q benchQuery) bleve() string {
	parts := make([]string, len(q.Terms))
	for i, t := range q.Terms {
		if q.Quoted {
			t = `"` + t + `"`
		}
		parts[i] = "+" + t
	}
	return strings.Join(parts, " ")
}

// fts5 writes q as an FTS5 MATCH expression: each term an FTS5 string
// (with " doubled), implicitly ANDed. With the trigram tokenizer a string
// matches as a substring; one of fewer than 3 characters matches nothing.
func (q benchQuery) fts5() string {
	parts := make([]string, len(q.Terms))
	for i, t := range q.Terms {
		parts[i] = `"` + strings.ReplaceAll(t, `"`, `""`) + `"`
	}
	return strings.Join(parts, " ")
}

// groonga writes q in Groonga's query syntax: terms separated by spaces
// (ANDed), a quoted one with " and \ escaped by a backslash.
func (q benchQuery) groonga() string {
	parts := make([]string, len(q.Terms))
	for i, t := range q.Terms {
		if q.Quoted {
			t = `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(t) + `"`
		}
		parts[i] = t
	}
	return strings.Join(parts, " ")
}

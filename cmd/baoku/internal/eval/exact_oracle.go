package eval

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"baoku/indexer/article"
	"baoku/indexer/field"
	"baoku/segment"
)

// The brute force of `eval exact`: what each query must find, worked out
// by reading every stored article, written from the definition of exact
// matching (README, "What exact means") rather than from the engine's
// code: normalised text compared as units and separators.

// xdoc is a stored article as the brute force reads it.
type xdoc struct {
	a *article.Article
	// group is the normalised headline and body: articles with equal
	// groups are one article printed in several places.
	group string
	// text is the exact form of each text field.
	text map[string]string
	// terms are the values of each keyword field, as a query may name
	// them.
	terms map[string]map[string]bool
}

func newXdoc(a *article.Article) *xdoc {
	d := &xdoc{a: a, group: segment.Normalize(a.Headline) + "\x00" + segment.Normalize(a.Body),
		text: map[string]string{}, terms: map[string]map[string]bool{}}
	for _, f := range field.Of(field.Text) {
		d.text[f] = xform(segment.Normalize(textOf(a, f)))
	}
	add := func(name string, vals ...string) {
		m := map[string]bool{}
		for _, v := range vals {
			t := xkey(name, v)
			if t == "" {
				continue
			}
			m[t] = true
			if name == field.Page || name == field.Section {
				for _, part := range strings.Split(t, "/") {
					m[strings.TrimSpace(part)] = true
				}
			}
		}
		d.terms[name] = m
	}
	add(field.Paper, a.Paper)
	add(field.Section, a.Section)
	add(field.Source, a.Source)
	add(field.Reporter, a.Reporters...)
	add(field.Page, a.Page)
	return d
}

// textOf is an article's text field.
func textOf(a *article.Article, name string) string {
	switch name {
	case field.Kicker:
		return a.Kicker
	case field.Headline:
		return a.Headline
	case field.Subtitle:
		return a.Subtitle
	}
	return a.Body
}

// xkey is a keyword value as it is compared: normalised, and a page's
// numbers without their leading zeros.
func xkey(name, v string) string {
	t := segment.Normalize(strings.TrimSpace(v))
	if name != field.Page {
		return t
	}
	// A run of digits loses its leading zeros, keeping its last digit.
	var b strings.Builder
	for i := 0; i < len(t); i++ {
		if t[i] == '0' && i+1 < len(t) && isASCIIDigit(rune(t[i+1])) && leadingZero(t, i) {
			continue
		}
		b.WriteByte(t[i])
	}
	return b.String()
}

func isASCIIDigit(r rune) bool { return r >= '0' && r <= '9' }

// leadingZero reports whether the zero at i is one of the zeros a run of
// digits starts with.
func leadingZero(t string, i int) bool {
	j := i
	for j > 0 && t[j-1] == '0' {
		j--
	}
	return j == 0 || !isASCIIDigit(rune(t[j-1]))
}

// xform is normalised text as exact matching compares it: its units (a
// letter, a digit, a Chinese character, or a mark inside a number) as they
// are, each run of other characters in a paragraph as '|', each paragraph
// break as '¶', nothing at the ends. A quoted phrase is in a text when the
// phrase's form is part of the text's.
func xform(norm string) string {
	rs := []rune(norm)
	var b strings.Builder
	pending := rune(0)
	for i, r := range rs {
		if !xunit(rs, i) {
			if r == '\n' {
				pending = '¶'
			} else if pending == 0 {
				pending = '|'
			}
			continue
		}
		if pending != 0 && b.Len() > 0 {
			b.WriteRune(pending)
		}
		pending = 0
		b.WriteRune(r)
	}
	return b.String()
}

// xunit reports whether rune i of rs is a unit.
func xunit(rs []rune, i int) bool {
	r := rs[i]
	if unicode.IsLetter(r) || unicode.IsNumber(r) {
		return true
	}
	after := i > 0 && isASCIIDigit(rs[i-1])
	before := i+1 < len(rs) && isASCIIDigit(rs[i+1])
	switch {
	case strings.ContainsRune("%‰℃", r):
		return after
	case strings.ContainsRune(".,/:·-~–—", r):
		return after && before
	}
	return false
}

// xnode is a query as the brute force evaluates it.
type xnode interface {
	match(d *xdoc) bool
}

type (
	xand []xnode
	xor  []xnode
	xnot struct{ x xnode }
	// xphrase is a quoted phrase: its form must be in one of the fields.
	xphrase struct {
		fields []string
		form   string
	}
	// xwords is unquoted text: each of its words must be in one of the
	// fields.
	xwords struct {
		fields []string
		words  []string
	}
	// xkeyword is an exact value of a keyword field; any of vals.
	xkeyword struct {
		field string
		vals  []string
	}
	// xdates is a date range, either end open when "".
	xdates struct{ from, to string }
	// xall is every article.
	xall struct{}
)

func (q xand) match(d *xdoc) bool {
	for _, c := range q {
		if !c.match(d) {
			return false
		}
	}
	return true
}

func (q xor) match(d *xdoc) bool {
	for _, c := range q {
		if c.match(d) {
			return true
		}
	}
	return false
}

func (q xnot) match(d *xdoc) bool { return !q.x.match(d) }

func (q xphrase) match(d *xdoc) bool {
	for _, f := range q.fields {
		if strings.Contains(d.text[f], q.form) {
			return true
		}
	}
	return false
}

func (q xwords) match(d *xdoc) bool {
	for _, w := range q.words {
		found := false
		for _, f := range q.fields {
			if strings.Contains(d.text[f], w) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

func (q xkeyword) match(d *xdoc) bool {
	for _, v := range q.vals {
		if d.terms[q.field][xkey(q.field, v)] {
			return true
		}
	}
	return false
}

func (q xdates) match(d *xdoc) bool {
	return (q.from == "" || d.a.Date >= q.from) && (q.to == "" || d.a.Date <= q.to)
}

func (xall) match(*xdoc) bool { return true }

// phraseOf is the brute force of a quoted phrase in fields; a query's line
// breaks are spaces.
func phraseOf(fields []string, text string) xphrase {
	return xphrase{fields: fields, form: xform(segment.Normalize(strings.ReplaceAll(text, "\n", " ")))}
}

// wordsOf is the brute force of unquoted text in fields: the words the
// query is cut into, by the index's segmenter.
func wordsOf(seg *segment.Segmenter, fields []string, text string) xwords {
	var ws []string
	for _, w := range seg.QueryWords(text) {
		ws = append(ws, xform(w))
	}
	return xwords{fields: fields, words: ws}
}

// hasUnit reports whether text holds something to search.
func hasUnit(text string) bool {
	return xform(segment.Normalize(text)) != ""
}

// firstRunes returns the first n runes of s.
func firstRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// runeLen is the length of s in runes.
func runeLen(s string) int { return utf8.RuneCountInString(s) }

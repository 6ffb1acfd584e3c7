package query

import (
	"strings"
)

// Q is a node of a parsed query. The nodes are *And, *Or, *Not, *Term and
// *DateRange; code that runs a query handles each in one type switch.
type Q interface {
	// String returns the query in canonical syntax, with English field
	// names, such that Parse gives back an equal tree.
	String() string
}

// And matches documents that match all of its children.
type And struct {
	Children []Q
}

// Or matches documents that match any of its children.
type Or struct {
	Children []Q
}

// Not matches documents that do not match its child.
type Not struct {
	Child Q
}

// Term is text to find. Field "" means all text fields (kicker, headline,
// subtitle, body); other values are "headline", "body", "reporter",
// "section", "source", "paper" and "page". Quoted is true for an exact
// phrase. Text is as the user typed it: it is not normalised or segmented
// here, so an unquoted 吕梁市 is one Term.
//
// When is set for a bare year or month typed unquoted outside a field
// (2017, 2017年, 2017年12月, 2017-12): the term is read as a date
// preference as well as text. It matches the articles of that period and
// those that hold the text; the period's rank first.
type Term struct {
	Field  string
	Text   string
	Quoted bool
	When   *DateRange
}

// DateRange matches articles published on a day from From to To, both
// included, written as YYYY-MM-DD. From or To may be empty for a range
// open on that side.
type DateRange struct {
	From, To string
}

// String implements Q. Children are separated by spaces.
func (q *And) String() string {
	parts := make([]string, len(q.Children))
	for i, c := range q.Children {
		parts[i] = c.String()
	}
	return strings.Join(parts, " ")
}

// String implements Q. The alternatives are always parenthesised.
func (q *Or) String() string {
	parts := make([]string, len(q.Children))
	for i, c := range q.Children {
		parts[i] = c.String()
	}
	return "(" + strings.Join(parts, " OR ") + ")"
}

// String implements Q, as a minus sign before the child.
func (q *Not) String() string {
	if a, ok := q.Child.(*And); ok && len(a.Children) != 1 {
		return "-(" + a.String() + ")"
	}
	return "-" + q.Child.String()
}

// String implements Q, quoting the text when it is a phrase or when it
// would not read back as one plain word.
func (q *Term) String() string {
	s := q.Text
	if q.Quoted || !isPlainWord(s) {
		s = quote(s)
	}
	if q.Field != "" {
		s = q.Field + ":" + s
	}
	return s
}

// String implements Q: date:FROM..TO, or date:DAY when From equals To.
func (q *DateRange) String() string {
	if q.From == q.To && q.From != "" {
		return fieldDate + ":" + q.From
	}
	return fieldDate + ":" + q.From + ".." + q.To
}

// isPlainWord reports whether s, typed unquoted, is read back as exactly
// one word with text s.
func isPlainWord(s string) bool {
	rs := []rune(s)
	if len(rs) == 0 || rs[0] == '-' || keyword(s) != tokWord {
		return false
	}
	for _, r := range rs {
		if isDelim(r) {
			return false
		}
	}
	_, _, isField := fieldPrefix(rs)
	return !isField
}

// quote wraps s in the first quote style whose closing quote s does not
// contain, so that the phrase reads back unchanged.
func quote(s string) string {
	for _, qq := range [...][2]string{{`"`, `"`}, {"“", "”"}, {"「", "」"}, {"＂", "＂"}} {
		if !strings.Contains(s, qq[1]) {
			return qq[0] + s + qq[1]
		}
	}
	// Only a hand-built Term holds all four closing quotes.
	return `"` + strings.ReplaceAll(s, `"`, "") + `"`
}

// Map rewrites q bottom-up: it maps the children of And, Or and Not first,
// then calls f on the node rebuilt from the results. q is not modified.
func Map(q Q, f func(Q) Q) Q {
	switch s := q.(type) {
	case *And:
		q = &And{Children: mapAll(s.Children, f)}
	case *Or:
		q = &Or{Children: mapAll(s.Children, f)}
	case *Not:
		q = &Not{Child: Map(s.Child, f)}
	}
	return f(q)
}

func mapAll(qs []Q, f func(Q) Q) []Q {
	out := make([]Q, len(qs))
	for i, c := range qs {
		out[i] = Map(c, f)
	}
	return out
}

// Simplify returns q with nested Ands and Ors flattened, single-child Ands
// and Ors replaced by their child, and double negations removed. Parse
// returns simplified queries.
func Simplify(q Q) Q {
	return Map(q, func(q Q) Q {
		switch s := q.(type) {
		case *And:
			return flatten(s.Children, func(c Q) ([]Q, bool) {
				a, ok := c.(*And)
				if !ok {
					return nil, false
				}
				return a.Children, true
			}, func(cs []Q) Q { return &And{Children: cs} })
		case *Or:
			return flatten(s.Children, func(c Q) ([]Q, bool) {
				o, ok := c.(*Or)
				if !ok {
					return nil, false
				}
				return o.Children, true
			}, func(cs []Q) Q { return &Or{Children: cs} })
		case *Not:
			if n, ok := s.Child.(*Not); ok {
				return n.Child
			}
		}
		return q
	})
}

// flatten splices into one list the children of every child that inner
// opens, and returns the single child or a node made by build.
func flatten(children []Q, inner func(Q) ([]Q, bool), build func([]Q) Q) Q {
	var out []Q
	for _, c := range children {
		if cs, ok := inner(c); ok {
			out = append(out, cs...)
		} else {
			out = append(out, c)
		}
	}
	if len(out) == 1 {
		return out[0]
	}
	return build(out)
}

// Terms returns the terms of q that are not negated, in query order, for
// highlighting. Dates are not terms.
func Terms(q Q) []Term {
	var out []Term
	var walk func(Q)
	walk = func(q Q) {
		switch s := q.(type) {
		case *And:
			for _, c := range s.Children {
				walk(c)
			}
		case *Or:
			for _, c := range s.Children {
				walk(c)
			}
		case *Term:
			out = append(out, *s)
		}
	}
	walk(q)
	return out
}

package query

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxRunes is the longest query, in runes, that Parse accepts.
const MaxRunes = 512

// ErrBadQuery is wrapped by every error Parse returns, so that callers can
// tell a user's mistake (HTTP 400) from a server fault with errors.Is.
var ErrBadQuery = errors.New("bad query")

// Error is a parse error. Its message starts with "query:" and, when the
// mistake has a place, ends with "at N", N being the 0-based rune offset
// into the query. It wraps ErrBadQuery.
type Error struct {
	Msg string // what is wrong, without the "query:" prefix
	Pos int    // 0-based rune offset of the mistake, or -1 if it has no place
}

// Error implements error.
func (e *Error) Error() string {
	if e.Pos < 0 {
		return "query: " + e.Msg
	}
	return fmt.Sprintf("query: %s at %d", e.Msg, e.Pos)
}

// Unwrap returns ErrBadQuery.
func (e *Error) Unwrap() error { return ErrBadQuery }

func errorAt(pos int, format string, args ...any) error {
	return &Error{Msg: fmt.Sprintf(format, args...), Pos: pos}
}

// Parse parses a query typed by a user into a simplified AST. See the
// package documentation for the syntax. Every error wraps ErrBadQuery.
func Parse(s string) (Q, error) {
	if n := utf8.RuneCountInString(s); n > MaxRunes {
		return nil, &Error{Msg: fmt.Sprintf("query is %d characters long, the limit is %d", n, MaxRunes), Pos: -1}
	}
	return parse(s)
}

// parse is Parse without the length limit.
func parse(s string) (Q, error) {
	if strings.TrimFunc(s, unicode.IsSpace) == "" {
		return nil, &Error{Msg: "empty query", Pos: -1}
	}
	toks, err := lex([]rune(s))
	if err != nil {
		return nil, err
	}
	p := &parser{toks: toks}
	q, err := p.parseOr("", token{})
	if err != nil {
		return nil, err
	}
	if t := p.peek(); t.kind != tokEOF {
		// Only a stray closing parenthesis stops parseOr early at top level.
		return nil, errorAt(t.pos, "unbalanced parenthesis")
	}
	q = Simplify(q)
	if !positive(q) {
		return nil, &Error{Msg: "a query cannot only exclude", Pos: -1}
	}
	return q, nil
}

// parser is a recursive-descent parser over the tokens of one query.
// Precedence, loosest first: OR, AND (juxtaposition), NOT and -.
//
//	or      = and { OR and }
//	and     = unary { [AND] unary }
//	unary   = ( "-" | NOT ) unary | primary
//	primary = "(" or ")" | FIELD unary | PHRASE | WORD
//
// The field of an enclosing FIELD prefix is passed down, so that it reaches
// every term of a parenthesised group; an inner prefix wins.
type parser struct {
	toks []token
	i    int
}

func (p *parser) peek() token { return p.toks[p.i] }

func (p *parser) next() token {
	t := p.toks[p.i]
	if t.kind != tokEOF {
		p.i++
	}
	return t
}

// startsTerm reports whether the next token can begin a term.
func (p *parser) startsTerm() bool {
	switch p.peek().kind {
	case tokWord, tokPhrase, tokField, tokLParen, tokMinus, tokNot:
		return true
	}
	return false
}

// missing returns the error for a term that should follow after: an
// operator, a field prefix, the parenthesis that opened a group, or the
// zero token at the start of the query.
func (p *parser) missing(after token) error {
	if after.text != "" && after.kind != tokLParen {
		return errorAt(after.pos, "missing term after %s", after.text)
	}
	t := p.peek()
	switch {
	case t.kind == tokOr || t.kind == tokAnd:
		return errorAt(t.pos, "missing term before %s", t.text)
	case t.kind == tokRParen:
		return errorAt(t.pos, "unbalanced parenthesis")
	case t.kind == tokEOF && after.kind == tokLParen:
		return errorAt(after.pos, "unbalanced parenthesis")
	}
	return errorAt(t.pos, "missing term")
}

// parseOr parses alternatives separated by OR. after is the token that
// opened the group (a parenthesis) or the zero token at top level.
func (p *parser) parseOr(field string, after token) (Q, error) {
	var alts []Q
	for {
		if !p.startsTerm() {
			return nil, p.missing(after)
		}
		q, err := p.parseAnd(field)
		if err != nil {
			return nil, err
		}
		alts = append(alts, q)
		if p.peek().kind != tokOr {
			break
		}
		after = p.next()
	}
	if len(alts) == 1 {
		return alts[0], nil
	}
	return &Or{Children: alts}, nil
}

// parseAnd parses terms that must all match; the caller has checked that
// one starts here.
func (p *parser) parseAnd(field string) (Q, error) {
	var all []Q
	for {
		q, err := p.parseUnary(field)
		if err != nil {
			return nil, err
		}
		all = append(all, q)
		if t := p.peek(); t.kind == tokAnd {
			p.next()
			if !p.startsTerm() {
				return nil, p.missing(t)
			}
		} else if !p.startsTerm() {
			break
		}
	}
	if len(all) == 1 {
		return all[0], nil
	}
	return &And{Children: all}, nil
}

// parseUnary parses an optionally negated term.
func (p *parser) parseUnary(field string) (Q, error) {
	t := p.peek()
	if t.kind != tokMinus && t.kind != tokNot {
		return p.parsePrimary(field)
	}
	p.next()
	if (t.kind == tokMinus && !t.glued) || !p.startsTerm() {
		return nil, p.missing(t)
	}
	q, err := p.parseUnary(field)
	if err != nil {
		return nil, err
	}
	return &Not{Child: q}, nil
}

// parsePrimary parses a group, a field-prefixed term, a phrase or a word.
func (p *parser) parsePrimary(field string) (Q, error) {
	t := p.next()
	switch t.kind {
	case tokLParen:
		if p.peek().kind == tokRParen {
			return nil, errorAt(t.pos, "empty parentheses")
		}
		q, err := p.parseOr(field, t)
		if err != nil {
			return nil, err
		}
		if p.next().kind != tokRParen {
			return nil, errorAt(t.pos, "unbalanced parenthesis")
		}
		return q, nil
	case tokField:
		if !t.glued || !p.startsTerm() {
			return nil, p.missing(t)
		}
		return p.parseUnary(t.field)
	case tokPhrase:
		if strings.TrimFunc(t.text, unicode.IsSpace) == "" {
			return nil, errorAt(t.pos, "empty phrase")
		}
		return newTerm(field, t.text, true, t.textPos)
	case tokWord:
		return newTerm(field, t.text, false, t.textPos)
	}
	return nil, errorAt(t.pos, "missing term")
}

// newTerm makes the node for text found at pos under field: a DateRange
// for the date field, a Term otherwise.
func newTerm(field, text string, quoted bool, pos int) (Q, error) {
	if field == fieldDate {
		return parseDateRange(text, pos)
	}
	return &Term{Field: field, Text: text, Quoted: quoted}, nil
}

// positive reports whether q looks for something rather than only
// excluding: an And needs one positive child, an Or needs all of them.
func positive(q Q) bool {
	switch q := q.(type) {
	case *Not:
		return false
	case *And:
		for _, c := range q.Children {
			if positive(c) {
				return true
			}
		}
		return false
	case *Or:
		for _, c := range q.Children {
			if !positive(c) {
				return false
			}
		}
		return len(q.Children) > 0
	}
	return true
}

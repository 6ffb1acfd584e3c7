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
// into the query. It wraps ErrBadQuery. Chinese says the same for the
// pages, counting characters from 1.
type Error struct {
	Msg string // what is wrong, without the "query:" prefix
	Pos int    // 0-based rune offset of the mistake, or -1 if it has no place
	Zh  string // what is wrong, in Chinese, without the place
}

// Error implements error.
func (e *Error) Error() string {
	if e.Pos < 0 {
		return "query: " + e.Msg
	}
	return fmt.Sprintf("query: %s at %d", e.Msg, e.Pos)
}

// Chinese returns the message in Chinese, with its place counted from 1:
// 检索式第 8 个字处：引号没有配对。
func (e *Error) Chinese() string {
	if e.Pos < 0 {
		return "检索式有误：" + e.Zh + "。"
	}
	return fmt.Sprintf("检索式第 %d 个字处：%s。", e.Pos+1, e.Zh)
}

// Unwrap returns ErrBadQuery.
func (e *Error) Unwrap() error { return ErrBadQuery }

// errorAt makes the Error of a mistake at pos, zh saying it in Chinese.
func errorAt(pos int, zh, format string, args ...any) error {
	return &Error{Msg: fmt.Sprintf(format, args...), Pos: pos, Zh: zh}
}

// Note is something about a query that its reader should know, though it
// is no mistake: text that was ignored, or searched otherwise than it may
// have been meant.
type Note struct {
	Pos  int    `json:"pos"`        // 0-based rune offset of the text
	Text string `json:"text"`       // the text concerned
	Msg  string `json:"message"`    // in English
	Zh   string `json:"message_zh"` // in Chinese, for the pages
}

// Parse parses a query typed by a user into a simplified AST. See the
// package documentation for the syntax. Every error wraps ErrBadQuery.
func Parse(s string) (Q, error) {
	q, _, err := ParseNotes(s)
	return q, err
}

// ParseNotes is Parse that also returns the notes on the query, in query
// order.
func ParseNotes(s string) (Q, []Note, error) {
	if n := utf8.RuneCountInString(s); n > MaxRunes {
		return nil, nil, &Error{Msg: fmt.Sprintf("query is %d characters long, the limit is %d", n, MaxRunes), Pos: -1,
			Zh: fmt.Sprintf("检索式有 %d 个字，最多 %d 个", n, MaxRunes)}
	}
	return parse(s)
}

// parse is ParseNotes without the length limit.
func parse(s string) (Q, []Note, error) {
	if strings.TrimFunc(s, unicode.IsSpace) == "" {
		return nil, nil, &Error{Msg: "empty query", Pos: -1, Zh: "检索式是空的"}
	}
	toks, err := lex([]rune(s))
	if err != nil {
		return nil, nil, err
	}
	p := &parser{toks: toks}
	q, err := p.parseOr("", token{})
	if err != nil {
		return nil, nil, err
	}
	if t := p.peek(); t.kind != tokEOF {
		// Only a stray closing parenthesis stops parseOr early at top level.
		return nil, nil, errorAt(t.pos, "括号没有配对", "unbalanced parenthesis")
	}
	if q == nil {
		return nil, p.notes, &Error{Msg: "nothing to search: no letter, digit or Chinese character", Pos: -1,
			Zh: "检索式里没有可检索的字（单独的标点、符号和表情会被忽略）"}
	}
	q = Simplify(q)
	if !positive(q) {
		return nil, p.notes, &Error{Msg: "a query cannot only exclude", Pos: -1,
			Zh: "检索式不能只有排除条件（如 -广告），请加上要找的词"}
	}
	return q, p.notes, nil
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
//
// A term with nothing to search (a lone mark, symbol or emoji outside
// quotes) parses as nil, with a note, and the nodes above it do without
// it.
type parser struct {
	toks  []token
	i     int
	notes []Note
}

// note records a note on the query.
func (p *parser) note(n Note) { p.notes = append(p.notes, n) }

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
		return errorAt(after.pos, fmt.Sprintf("“%s”后面缺少检索词", after.text), "missing term after %s", after.text)
	}
	t := p.peek()
	switch {
	case t.kind == tokOr || t.kind == tokAnd:
		return errorAt(t.pos, fmt.Sprintf("“%s”前面缺少检索词", t.text), "missing term before %s", t.text)
	case t.kind == tokRParen:
		return errorAt(t.pos, "括号没有配对", "unbalanced parenthesis")
	case t.kind == tokEOF && after.kind == tokLParen:
		return errorAt(after.pos, "括号没有配对", "unbalanced parenthesis")
	}
	return errorAt(t.pos, "缺少检索词", "missing term")
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
		if q != nil {
			alts = append(alts, q)
		}
		if p.peek().kind != tokOr {
			break
		}
		after = p.next()
	}
	switch len(alts) {
	case 0:
		return nil, nil
	case 1:
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
		if q != nil {
			all = append(all, q)
		}
		if t := p.peek(); t.kind == tokAnd {
			p.next()
			if !p.startsTerm() {
				return nil, p.missing(t)
			}
		} else if !p.startsTerm() {
			break
		}
	}
	switch len(all) {
	case 0:
		return nil, nil
	case 1:
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
	if err != nil || q == nil {
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
			return nil, errorAt(t.pos, "括号里是空的", "empty parentheses")
		}
		q, err := p.parseOr(field, t)
		if err != nil {
			return nil, err
		}
		if p.next().kind != tokRParen {
			return nil, errorAt(t.pos, "括号没有配对", "unbalanced parenthesis")
		}
		return q, nil
	case tokField:
		if !t.glued || !p.startsTerm() {
			return nil, p.missing(t)
		}
		return p.parseUnary(t.field)
	case tokPhrase:
		if strings.TrimFunc(t.text, unicode.IsSpace) == "" {
			return nil, errorAt(t.pos, "引号里是空的", "empty phrase")
		}
		if field != fieldDate && !hasUnit(t.text) {
			return nil, errorAt(t.pos, fmt.Sprintf("引号里的“%s”没有可检索的字（标点和符号只在字与字之间起作用）", t.text),
				"phrase %q has no letter, digit or Chinese character to search", t.text)
		}
		return newTerm(field, t.text, true, t.textPos)
	case tokWord:
		if field == fieldDate {
			return p.dateWord(t)
		}
		if !hasUnit(t.text) {
			p.note(Note{Pos: t.pos, Text: t.text, Msg: fmt.Sprintf("%q has no letter, digit or Chinese character: ignored", t.text),
				Zh: fmt.Sprintf("“%s”里没有可检索的字，已忽略", t.text)})
			return nil, nil
		}
		p.noteWord(t)
		return newTerm(field, t.text, false, t.textPos)
	}
	return nil, errorAt(t.pos, "缺少检索词", "missing term")
}

// dateWord parses the value of a date field that starts with word t. A
// range typed with spaces around its separator (2023-07-01 .. 2023-07-31)
// comes as several words; they are one value when together they read as a
// range, the longest such run of words winning.
func (p *parser) dateWord(t token) (Q, error) {
	text, end := t.text, p.i
	best, bestEnd := "", -1
	for n := p.i; n < len(p.toks) && p.toks[n].kind == tokWord; n++ {
		if !rangeSepEnd(text) && !rangeSepStart(p.toks[n].text) {
			break
		}
		text += p.toks[n].text
		if _, err := parseDateRange(text, t.textPos); err == nil {
			best, bestEnd = text, n+1
		} else if !rangeSepEnd(text) {
			break
		}
	}
	if bestEnd >= 0 {
		p.i = bestEnd
		return parseDateRange(best, t.textPos)
	}
	p.i = end
	return parseDateRange(t.text, t.textPos)
}

// noteWord notes a word that looks like a field or an address but is
// searched as text.
func (p *parser) noteWord(t token) {
	lower := strings.ToLower(t.text)
	switch {
	case strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://") || strings.HasPrefix(lower, "www."):
		p.note(Note{Pos: t.pos, Text: t.text, Msg: fmt.Sprintf("%s is an address: searched as text, in articles that print it", t.text),
			Zh: fmt.Sprintf("“%s”是网址，按文字检索：找的是正文里印有这个网址的文章", t.text)})
	default:
		name, _, ok := strings.Cut(t.text, ":")
		if !ok {
			name, _, ok = strings.Cut(t.text, "：")
		}
		if ok && name != "" && isASCIILetters(name) {
			p.note(Note{Pos: t.pos, Text: name, Msg: fmt.Sprintf("%s: is not a field: %s is searched as text", name, t.text),
				Zh: fmt.Sprintf("“%s:”不是字段名，“%s”按文字检索（字段名见检索语法）", name, t.text)})
		}
	}
}

// hasUnit reports whether text holds something to search: a letter, a
// digit or a Chinese character, a Kangxi radical or CJK radicals
// supplement character among them (normalisation folds them into the
// ideographs they stand for: ⼈⺠ is 人民).
func hasUnit(text string) bool {
	return strings.ContainsFunc(text, func(r rune) bool {
		return unicode.IsLetter(r) || unicode.IsNumber(r) || r >= 0x2E80 && r <= 0x2FDF
	})
}

// isASCIILetters reports whether s is ASCII letters only.
func isASCIILetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i] | 0x20; c < 'a' || c > 'z' {
			return false
		}
	}
	return s != ""
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

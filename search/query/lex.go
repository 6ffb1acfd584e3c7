package query

import (
	"strings"
	"unicode"
)

// tokenKind is the kind of a lexical token.
type tokenKind int

const (
	tokEOF    tokenKind = iota
	tokWord             // unquoted text
	tokPhrase           // quoted text; text is the content without quotes
	tokField            // a known field prefix with its colon
	tokLParen           // ( or （
	tokRParen           // ) or ）
	tokOr               // OR, | or ｜
	tokAnd              // AND
	tokNot              // NOT
	tokMinus            // - directly before a term
)

// token is one lexical unit. pos is the 0-based rune offset of its first rune
// in the query; for a phrase, textPos is where its content starts.
type token struct {
	kind    tokenKind
	text    string // as typed; for tokField the prefix with its colon
	pos     int
	textPos int
	field   string // tokField: canonical field name
	glued   bool   // tokField, tokMinus: the term follows without a space
}

// quotePairs maps each opening quote to its closing quote.
var quotePairs = map[rune]rune{
	'"': '"',
	'“': '”',
	'「': '」',
	'＂': '＂',
	'『': '』',
	'‘': '’',
}

// isClosingQuote reports whether r closes some phrase: a phrase opened by
// one kind of quote and closed by another (“碛口古镇", typed with two input
// methods) ends at it when its own closing quote never comes.
func isClosingQuote(r rune) bool {
	switch r {
	case '"', '”', '」', '＂', '』', '’':
		return true
	}
	return false
}

// isDelim reports whether r ends an unquoted word. Closing Chinese quotes are
// not delimiters: outside a phrase they are ordinary text.
func isDelim(r rune) bool {
	switch r {
	case '(', ')', '（', '）', '|', '｜':
		return true
	}
	_, open := quotePairs[r]
	return open || unicode.IsSpace(r)
}

// endsTerm reports whether r after a closing quote ends the term there:
// white space, a parenthesis or a bar.
func endsTerm(r rune) bool {
	switch r {
	case '(', ')', '（', '）', '|', '｜':
		return true
	}
	return unicode.IsSpace(r)
}

// lex splits a query into tokens. Its only error is an unclosed quote.
func lex(rs []rune) ([]token, error) {
	var toks []token
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case unicode.IsSpace(r):
			i++
		case r == '(' || r == '（':
			toks = append(toks, token{kind: tokLParen, text: string(r), pos: i})
			i++
		case r == ')' || r == '）':
			toks = append(toks, token{kind: tokRParen, text: string(r), pos: i})
			i++
		case r == '|' || r == '｜':
			toks = append(toks, token{kind: tokOr, text: string(r), pos: i})
			i++
		case r == '-':
			glued := i+1 < len(rs) && !unicode.IsSpace(rs[i+1])
			toks = append(toks, token{kind: tokMinus, text: "-", pos: i, glued: glued})
			i++
		case quotePairs[r] != 0:
			end := phraseEnd(rs, i+1, quotePairs[r])
			if end < 0 {
				return nil, errorAt(i, "引号没有配对", "unclosed quote")
			}
			toks = append(toks, token{kind: tokPhrase, text: string(rs[i+1 : end]), pos: i, textPos: i + 1})
			i = end + 1
		default:
			end := i
			for end < len(rs) && !isDelim(rs[end]) {
				end++
			}
			word := rs[i:end]
			if field, n, ok := fieldPrefix(word); ok {
				glued := i+n < len(rs) && !unicode.IsSpace(rs[i+n])
				toks = append(toks, token{kind: tokField, text: string(word[:n]), pos: i, field: field, glued: glued})
				i += n
				continue
			}
			toks = append(toks, token{kind: keyword(string(word)), text: string(word), pos: i, textPos: i})
			i = end
		}
	}
	return append(toks, token{kind: tokEOF, pos: len(rs)}), nil
}

// keyword returns the operator kind of a keyword, in any case (OR, or,
// Or), or tokWord.
func keyword(w string) tokenKind {
	if len(w) > 3 {
		return tokWord
	}
	switch strings.ToUpper(w) {
	case "OR":
		return tokOr
	case "AND":
		return tokAnd
	case "NOT":
		return tokNot
	}
	return tokWord
}

// phraseEnd returns the index of the quote that closes a phrase starting
// at from, or -1. A phrase ends at its own closing quote; or at another
// kind of closing quote where a term would end after it (white space, a
// parenthesis, a bar, the end of the query): “47%" OR “说” is two
// phrases, and "安全阀”当好" and "正“青春”" one each; or, when its own
// never comes, at the first closing quote of any kind.
func phraseEnd(rs []rune, from int, own rune) int {
	first := -1
	for i := from; i < len(rs); i++ {
		r := rs[i]
		if r == own {
			return i
		}
		if !isClosingQuote(r) {
			continue
		}
		if i+1 == len(rs) || endsTerm(rs[i+1]) {
			return i
		}
		if first < 0 {
			first = i
		}
	}
	return first
}

// indexRune returns the index of the first r in rs at or after from, or -1.
func indexRune(rs []rune, from int, r rune) int {
	for i := from; i < len(rs); i++ {
		if rs[i] == r {
			return i
		}
	}
	return -1
}

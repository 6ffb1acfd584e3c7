package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// What exact matching compares. Normalised text is a sequence of units —
// letters, digits, Chinese characters, and the marks that belong to a
// number — separated by everything else: white space, punctuation,
// symbols. A mark belongs to a number when it stands between two digits
// (the point of 7.8, the bar of 1/3, the dot of 3·21, the colon of 10:30,
// the comma of 1,000, the dash of 2012-2013) or is a per cent, per mille or
// degree sign right after a digit (10%, 5‰, 30℃); elsewhere it only
// separates. A paragraph break (a line break in the text, see Normalize)
// separates too, and is a boundary no phrase crosses.

// Break is the rune by which normalised text marks a paragraph break.
const Break = '\n'

// ParagraphGap is how far the character view's positions jump at a
// paragraph break: further than the longest phrase a query can hold, so
// that no phrase matches across one (a separator inside a phrase stands for
// one position, a unit for one).
const ParagraphGap = 4096

// isDigit reports whether r is an ASCII digit (normalised text has no
// full-width ones).
func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// isLetterOrDigit reports whether r is a unit on its own, whatever its
// neighbours.
func isLetterOrDigit(r rune) bool {
	if r < utf8.RuneSelf {
		return ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z') || isDigit(r)
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r)
}

// numberMark tells how a mark can belong to a number: between digits,
// after a digit, or not at all.
func numberMark(r rune) (between, after bool) {
	switch r {
	case '.', ',', '/', ':', '·', '-', '~', '–', '—':
		return true, false
	case '%', '‰', '℃':
		return false, true
	}
	return false, false
}

// UnitAt returns the rune at byte i of normalised text, its width, and
// whether it is a unit (see above): a mark is a unit only next to the
// digits that make it part of a number.
func UnitAt(text string, i int) (r rune, w int, unit bool) {
	r, w = utf8.DecodeRuneInString(text[i:])
	if isLetterOrDigit(r) {
		return r, w, true
	}
	between, after := numberMark(r)
	if !between && !after {
		return r, w, false
	}
	prev, _ := utf8.DecodeLastRuneInString(text[:i])
	if !isDigit(prev) {
		return r, w, false
	}
	if after {
		return r, w, true
	}
	next, _ := utf8.DecodeRuneInString(text[i+w:])
	return r, w, isDigit(next)
}

// Separator and paragraph marks of ExactForm.
const (
	// ExactSep stands for a run of separators in ExactForm.
	ExactSep = '\x01'
	// ExactBreak stands for a paragraph break in ExactForm.
	ExactBreak = '\x02'
)

// ExactForm is normalised text as exact matching sees it: its units as
// they are, each run of separators within a paragraph one ExactSep, each
// paragraph break one ExactBreak, nothing at either end. A quoted phrase
// occurs in a text exactly when the ExactForm of the phrase (which has no
// ExactBreak: a query's line breaks are spaces) is a substring of the
// text's: its units in order, a separator of the phrase matching any run
// of separators, never across a paragraph.
func ExactForm(norm string) string {
	var b strings.Builder
	b.Grow(len(norm))
	pending := rune(0) // separator or break not yet written
	for i := 0; i < len(norm); {
		r, w, unit := UnitAt(norm, i)
		i += w
		if !unit {
			if r == Break {
				pending = ExactBreak
			} else if pending == 0 {
				pending = ExactSep
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

package pages

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// isHan reports whether r is a Chinese character.
func isHan(r rune) bool {
	switch {
	case r >= 0x4E00 && r <= 0x9FFF: // the unified ideographs, nearly all text
		return true
	case r < 0x2E80:
		return false
	}
	return unicode.Is(unicode.Han, r)
}

// isWide reports whether r is set full width in Chinese text: Chinese
// characters, CJK and full-width punctuation, curly quotes and dashes.
// Spaces next to a wide character are justification, not word breaks.
func isWide(r rune) bool {
	switch {
	case isHan(r):
		return true
	case r >= 0x3000 && r <= 0x303F, r >= 0xFF00 && r <= 0xFFEF:
		return true
	case r >= 0x2010 && r <= 0x2027, r == 0x00B7, r == 0x25A1, r == 0x25A0, r == 0x25CE:
		return true
	}
	return false
}

// isPunctWide reports whether r is full-width punctuation (not a character).
func isPunctWide(r rune) bool { return isWide(r) && !isHan(r) }

// lineWidth estimates the printed width of a line in body character widths:
// compressed punctuation and Latin letters and digits count half.
func lineWidth(s string) float64 {
	var w float64
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
		case isHan(r):
			w++
		case isPunctWide(r), r < 0x80:
			w += 0.5
		default:
			w++
		}
	}
	return w
}

// hanCount counts the Chinese characters in s, stopping at max.
func hanCount(s string, max int) int {
	n := 0
	for _, r := range s {
		if isHan(r) {
			n++
			if n >= max {
				break
			}
		}
	}
	return n
}

// runeCountMax counts the runes of s, stopping at max, so that it is cheap
// on a very long line.
func runeCountMax(s string, max int) int {
	n := 0
	for range s {
		n++
		if n >= max {
			break
		}
	}
	return n
}

// closers are the characters that may follow the end of a sentence.
const closers = "”’」』）)》】"

// endsSentence reports whether a line ends a sentence: its last character,
// after closing quotes and brackets, is 。！？ or an ellipsis.
func endsSentence(s string) bool {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	for s != "" {
		r, n := utf8.DecodeLastRuneInString(s)
		if strings.ContainsRune(closers, r) {
			s = s[:len(s)-n]
			continue
		}
		return strings.ContainsRune("。！？!?…", r)
	}
	return false
}

// cleanBody removes justification spaces: a run of white space next to a
// wide (Chinese) character is dropped; between two Latin letters or digits
// it becomes one space. Leading and trailing space is dropped.
func cleanBody(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	var prev rune
	pending := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			pending = true
			continue
		}
		if pending && prev != 0 && !isWide(prev) && !isWide(r) {
			b.WriteByte(' ')
		}
		pending = false
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

// cleanHeadline tidies a headline line. Headlines use a space to separate
// two phrases (带动… 促进…), so a space between two characters is kept as one
// space unless the line is letter-spaced (要 闻), where all are dropped.
func cleanHeadline(s string) string {
	rs := []rune(strings.TrimSpace(s))
	var han, gaps int
	for i, r := range rs {
		if isHan(r) {
			han++
		}
		if unicode.IsSpace(r) && i > 0 && isHan(rs[i-1]) {
			gaps++
		}
	}
	if han > 1 && gaps*2 >= han-1 {
		return cleanBody(s)
	}
	var b strings.Builder
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if !unicode.IsSpace(r) {
			b.WriteRune(r)
			continue
		}
		j := i
		for j < len(rs) && unicode.IsSpace(rs[j]) {
			j++
		}
		// Keep a space between two phrases, also when one is quoted
		// (智慧农机下田 “云端”管理到户), but not next to a comma.
		if i > 0 && j < len(rs) && phraseEdge(rs[i-1], closers) && phraseEdge(rs[j], openers) {
			b.WriteByte(' ')
		}
		i = j - 1
	}
	return b.String()
}

// phraseEdge reports whether r may stand beside a space between phrases:
// a character, or a quote or bracket of the given side.
func phraseEdge(r rune, side string) bool {
	return !isPunctWide(r) || strings.ContainsRune(side, r)
}

// openers are the quotes and brackets that open a phrase.
const openers = "“‘「『（(《【"

// joinLines joins the wrapped lines of one paragraph. A line break between
// two Latin letters was a space; any other break is dropped.
func joinLines(lines []string) string {
	var b strings.Builder
	n := 0 // the lines and a space between each two
	for _, l := range lines {
		n += len(l) + 1
	}
	b.Grow(n)
	for i, l := range lines {
		l = strings.TrimSpace(l)
		if i > 0 && b.Len() > 0 && l != "" {
			last, _ := utf8.DecodeLastRuneInString(b.String())
			first, _ := utf8.DecodeRuneInString(l)
			if isLatinLetter(last) && isLatinLetter(first) {
				b.WriteByte(' ')
			}
		}
		b.WriteString(l)
	}
	return b.String()
}

// isLatinLetter reports whether r is an ASCII letter.
func isLatinLetter(r rune) bool { return r < 0x80 && unicode.IsLetter(r) }

// hanBigrams returns the set of pairs of adjacent Chinese characters in s,
// reading at most limit runes.
func hanBigrams(s string, limit int) map[[2]rune]bool {
	all, _ := hanBigramsLead(s, limit, 0)
	return all
}

// hanPairs calls f with each pair of adjacent Chinese characters of t,
// white space between them allowed (a justified line) and anything else
// breaking the pair, until f returns false. prev is the character before
// t that a pair may run on from (0 for none); hanPairs returns the one
// that a pair may run on from after t.
func hanPairs(t string, prev rune, f func(p [2]rune) bool) rune {
	for _, r := range t {
		if !isHan(r) {
			if !unicode.IsSpace(r) {
				prev = 0
			}
			continue
		}
		if prev != 0 && !f([2]rune{prev, r}) {
			return r
		}
		prev = r
	}
	return prev
}

// hanBigramsLead returns the pairs of adjacent Chinese characters of s,
// reading at most limit runes, and those of its first lead runes.
func hanBigramsLead(s string, limit, lead int) (all, first map[[2]rune]bool) {
	// Size the sets for their most pairs (a Chinese character is three
	// bytes) so that they do not grow while filling.
	all = make(map[[2]rune]bool, min(limit, len(s)/3))
	first = make(map[[2]rune]bool, min(lead, len(s)/3))
	var prev rune
	n := 0
	for _, r := range s {
		if n++; n > limit {
			break
		}
		if isHan(r) {
			if prev != 0 {
				all[[2]rune{prev, r}] = true
				if n <= lead {
					first[[2]rune{prev, r}] = true
				}
			}
			prev = r
		} else if !unicode.IsSpace(r) {
			prev = 0
		}
	}
	return all, first
}

// hasAny reports whether s contains any of the characters of set; it is
// strings.ContainsAny, faster for a few multi-byte characters.
func hasAny(s, set string) bool {
	for i, r := range set {
		if r < utf8.RuneSelf {
			if strings.IndexByte(s, byte(r)) >= 0 {
				return true
			}
			continue
		}
		if strings.Contains(s, set[i:i+utf8.RuneLen(r)]) {
			return true
		}
	}
	return false
}

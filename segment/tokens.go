package segment

import "unicode/utf8"

// Token is a term of analysed text: its byte offsets in the text it was cut
// from (text[Start:End] == Term) and its 1-based position.
type Token struct {
	Term       string
	Start, End int
	Pos        int
}

// Mode selects how words are cut.
type Mode int

const (
	// Index mode emits each word and, at the same position, the dictionary
	// words inside it (中华人民共和国 also gives 人民共和国, 共和国 …), so a
	// query for a part of a long word finds it in the word view.
	Index Mode = iota
	// Query mode emits each word once, as queries need.
	Query
)

// maxSubword bounds the length, in characters, of the dictionary words looked
// for inside a longer word.
const maxSubword = 6

// isUnit reports whether r is a unit of text whatever its neighbours: a
// letter, digit or Chinese character (see UnitAt for the marks of numbers).
func isUnit(r rune) bool { return isLetterOrDigit(r) }

// Words cuts normalised text (as the analyzers see it, after the
// normalising char filter) into the word view: runs of Chinese characters
// go through the dictionary, runs of other letters and digits are one word
// each, white space and punctuation separate.
func (s *Segmenter) Words(text string, mode Mode) []Token {
	d, lex := s.base(), s.lex.Load()
	toks := make([]Token, 0, len(text)/4)
	pos := 0
	for i := 0; i < len(text); {
		r, w := utf8.DecodeRuneInString(text[i:])
		switch {
		case IsHan(r):
			j := i + w
			for j < len(text) {
				r2, w2 := utf8.DecodeRuneInString(text[j:])
				if !IsHan(r2) {
					break
				}
				j += w2
			}
			start := i
			for _, word := range cutRun(d, lex, text[i:j]) {
				pos++
				end := start + len(word)
				toks = append(toks, Token{Term: word, Start: start, End: end, Pos: pos})
				if mode == Index {
					toks = subwords(d, lex, toks, word, start, pos)
				}
				start = end
			}
			i = j
		case isUnit(r):
			j := i + w
			for j < len(text) {
				r2, w2 := utf8.DecodeRuneInString(text[j:])
				if !isUnit(r2) || IsHan(r2) {
					break
				}
				j += w2
			}
			pos++
			if k := numberEnd(text, i, j); k > j {
				toks = append(toks, Token{Term: text[i:k], Start: i, End: k, Pos: pos})
				if mode == Index {
					toks = numberParts(toks, text, i, k, pos)
				}
				j = k
			} else {
				toks = append(toks, Token{Term: text[i:j], Start: i, End: j, Pos: pos})
			}
			i = j
		default:
			i += w
		}
	}
	return toks
}

// subwords appends the dictionary words of two to maxSubword characters found
// inside word, at word's position.
func subwords(d *dictionary, lex *lexicon, toks []Token, word string, start, pos int) []Token {
	n := utf8.RuneCountInString(word)
	if n < 3 {
		return toks
	}
	var offs [64]int
	idx := offs[:0]
	for i := range word {
		idx = append(idx, i)
	}
	idx = append(idx, len(word))
	for i := 0; i < n; i++ {
		for l := 2; l <= maxSubword && i+l <= n; l++ {
			if l == n {
				break
			}
			sub := word[idx[i]:idx[i+l]]
			if freq, ok := lookup(d, lex, sub); ok && freq > 0 {
				toks = append(toks, Token{Term: sub, Start: start + idx[i], End: start + idx[i+l], Pos: pos})
			}
		}
	}
	return toks
}

// Chars cuts normalised text into the character view: every letter, digit
// and Chinese character is a unit; each unit gives its own term (unigram) and,
// when the next unit follows without a separator, the pair (bigram), both at
// the unit's position. A run of separators advances the position by one more,
// so a phrase never matches across punctuation.
func Chars(text string) []Token {
	return charTokens(text, true, true)
}

// Pairs is the positional half of the character view as it is indexed:
// the bigrams of Chars, at the same positions.
func Pairs(text string) []Token {
	return charTokens(text, true, false)
}

// Singles is the other half of the character view as it is indexed: every
// unit alone (unigrams). They answer one-character queries, which need no
// positions, so they are indexed without them.
func Singles(text string) []Token {
	return charTokens(text, false, true)
}

// charTokens walks the units of text, giving the pairs and the units alone
// as asked, at the positions Chars documents. A paragraph break moves the
// position on by ParagraphGap, so that no phrase spans it.
func charTokens(text string, pairs, singles bool) []Token {
	n := len(text) / 3
	if pairs && singles {
		n *= 2
	}
	toks := make([]Token, 0, n)
	pos := 0
	prevStart := -1 // the previous unit, while it is adjacent
	gap := 0        // positions to skip before the next unit
	for i := 0; i < len(text); {
		r, w, unit := UnitAt(text, i)
		if !unit {
			prevStart = -1
			if pos > 0 {
				if r == Break {
					gap = ParagraphGap
				} else {
					gap = max(gap, 1)
				}
			}
			i += w
			continue
		}
		end := i + w
		if pairs && prevStart >= 0 {
			// The bigram starting at the previous unit, at its position.
			toks = append(toks, Token{Term: text[prevStart:end], Start: prevStart, End: end, Pos: pos})
		}
		pos += 1 + gap
		gap = 0
		if singles {
			toks = append(toks, Token{Term: text[i:end], Start: i, End: end, Pos: pos})
		}
		prevStart = i
		i = end
	}
	return toks
}

// CharPhrase returns the character-view terms that find normalised text as
// a substring: pairs is the sequence of bigrams to match as a phrase in the
// positional view ("" marks a position that may hold anything: the gap of a
// separator, or a unit standing alone between separators), and lone lists
// the units that stand alone (a one-character query, or a single character
// between punctuation inside a quoted query), each of which must occur too.
// For text without separators, pairs alone (or a single lone unit) finds
// exactly the articles that contain it; text with a lone unit among other
// runs needs its matches checked against the text (see ExactForm). Line
// breaks in the text are separators here: a query has no paragraphs.
func CharPhrase(text string) (pairs, lone []string) {
	var run []string // units of the current run
	flush := func() {
		switch len(run) {
		case 0:
			return
		case 1:
			lone = append(lone, run[0])
			pairs = append(pairs, "", "")
		default:
			for i := 0; i+1 < len(run); i++ {
				pairs = append(pairs, run[i]+run[i+1])
			}
			pairs = append(pairs, "", "")
		}
		run = run[:0]
	}
	for i := 0; i < len(text); {
		_, w, unit := UnitAt(text, i)
		if unit {
			run = append(run, text[i:i+w])
		} else {
			flush()
		}
		i += w
	}
	flush()
	for len(pairs) > 0 && pairs[len(pairs)-1] == "" {
		pairs = pairs[:len(pairs)-1]
	}
	for len(pairs) > 0 && pairs[0] == "" {
		pairs = pairs[1:]
	}
	if len(pairs) == 0 {
		pairs = nil
	}
	return pairs, lone
}

// Number words. A run of digits is cut as newspapers write numbers (the
// convention of the PKU corpus): with its decimal point or fraction bar
// (3.5, 1/3), its per cent sign (17%; not ‰ or ℃, which the corpus cuts
// off), a year's 年 after four digits (2001年), a month's, day's or hour's
// 月 日 时 after one or two digits (12月 31日 8时), and 万 亿 after an amount
// (50万, 1万亿).
func numberEnd(text string, i, j int) int {
	if !allDigits(text[i:j]) {
		return j
	}
	// Decimal point or fraction bar between digits.
	for {
		r, w := utf8.DecodeRuneInString(text[j:])
		if r != '.' && r != '．' && r != '/' && r != '／' {
			break
		}
		k := j + w
		for k < len(text) && text[k] >= '0' && text[k] <= '9' {
			k++
		}
		if k == j+w {
			break
		}
		j = k
	}
	digits := 0
	for k := j - 1; k >= i && text[k] >= '0' && text[k] <= '9'; k-- {
		digits++
	}
	r, w := utf8.DecodeRuneInString(text[j:])
	switch {
	case r == '%' || r == '％':
		return j + w
	case r == '年' && digits == 4 && j-i == 4:
		return j + w
	case (r == '月' || r == '日' || r == '时') && digits <= 2 && j-i == digits:
		return j + w
	case r == '万' || r == '亿':
		j += w
		if r2, w2 := utf8.DecodeRuneInString(text[j:]); r == '万' && r2 == '亿' {
			j += w2
		}
	}
	return j
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// numberParts appends, at a number word's position, its runs of digits and
// its Chinese characters, so that 2001 finds 2001年 in the word view.
func numberParts(toks []Token, text string, i, k, pos int) []Token {
	for a := i; a < k; {
		r, w := utf8.DecodeRuneInString(text[a:])
		b := a + w
		switch {
		case r >= '0' && r <= '9':
			for b < k && text[b] >= '0' && text[b] <= '9' {
				b++
			}
		case IsHan(r):
			for b < k {
				r2, w2 := utf8.DecodeRuneInString(text[b:])
				if !IsHan(r2) {
					break
				}
				b += w2
			}
		default:
			a = b
			continue
		}
		toks = append(toks, Token{Term: text[a:b], Start: a, End: b, Pos: pos})
		a = b
	}
	return toks
}

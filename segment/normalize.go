// Package segment owns Chinese text analysis: the normalisation applied to
// indexed and query text alike, the word segmenter (gse's dictionary and
// HMM, loaded once per process, plus each index's learned words), and the
// bleve char filter, tokenizers and analyzers built on them (the word view
// for ranking and the character view for recall). It is the only package
// that imports gse.
package segment

import (
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/longbridgeapp/opencc"
)

// Normalized is normalised text with a map back to the text it came from.
type Normalized struct {
	// Src is the original text.
	Src string
	// Text is the normalised text.
	Text string
	// Orig maps each byte offset of Text (and len(Text)) to the byte offset
	// of the original text it came from; a match Text[i:j] is the original
	// text Orig[i]:Orig[j]. (Offsets are 32-bit: a text is far smaller
	// than 2 GB, and highlighting maps every hit's body.)
	Orig []int32
}

// Normalize returns the search form of s: traditional characters converted
// to simplified (華 → 华, 臺灣 → 台湾, with OpenCC's tables), full-width
// letters, digits and spaces made half-width, the marks of numbers made one
// form (７．８％ → 7.8%), Latin letters lower-cased, spacing artifacts
// inside Chinese text removed (检 查 车 辆 → 检查车辆), a run of white space
// that holds a line break made one paragraph break (Break) and every other
// run of white space made one space. Indexed text and query text go through
// this same function.
func Normalize(s string) string {
	return normalize(s, false).Text
}

// NormalizeMap is Normalize that also returns the map back to s, for
// highlighting matches on the original characters.
func NormalizeMap(s string) Normalized {
	return normalize(s, true)
}

// IsHan reports whether r is a Chinese character.
func IsHan(r rune) bool {
	switch {
	case r < 0x2E80:
		return false // the first Han character is U+2E80
	case r >= 0x4E00 && r <= 0x9FFF:
		return true // the unified ideographs: nearly every character read
	}
	return unicode.Is(unicode.Han, r)
}

// IsWide reports whether white space next to r is a spacing artifact: r is
// a Chinese character or a full-width punctuation mark.
func IsWide(r rune) bool { return isWide(r) }

func isWide(r rune) bool {
	return IsHan(r) || (r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF) ||
		(r >= 0x2010 && r <= 0x2027) // dashes, quotes, ellipsis
}

// foldRune applies the per-character part of normalisation.
func foldRune(r rune) rune {
	switch {
	case (r >= 0xFF10 && r <= 0xFF19) || (r >= 0xFF21 && r <= 0xFF3A) || (r >= 0xFF41 && r <= 0xFF5A):
		r -= 0xFEE0 // full-width digits and letters; punctuation stays
	case r == 0x3000:
		return ' '
	case r == '○' || r == '◯':
		// Circles stand for the numeral zero in dates (二○二三年):
		// the character 〇, so that either finds the other.
		return '〇'
	}
	if r >= 0x2022 {
		if m, ok := foldMark(r); ok {
			return m
		}
	}
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return r
	}
	if r >= noCaseFrom && r < noCaseTo {
		return FoldRadical(r) // Chinese: no case to fold; radicals → ideographs
	}
	return unicode.ToLower(r)
}

// foldMark folds the other forms of the marks that can belong to a number
// (see UnitAt) into one: ７．８％ is 7.8%, １０：３０ is 10:30 and 3・21 is
// 3·21. The full-width comma stays: between digits it separates the items
// of a list (1，2), where the ASCII comma groups thousands.
func foldMark(r rune) (rune, bool) {
	switch r {
	case '％':
		return '%', true
	case '．':
		return '.', true
	case '／':
		return '/', true
	case '：':
		return ':', true
	case '－', '\u2212': // full-width hyphen, minus sign
		return '-', true
	case '～':
		return '~', true
	case '・', '･', '•', '‧', '∙':
		return '·', true
	}
	return r, false
}

// noCaseFrom and noCaseTo bound the block of scripts without case that
// holds the Chinese characters (CJK radicals to Vai).
const noCaseFrom, noCaseTo = 0x2E80, 0xA640

type normBuf struct {
	out  strings.Builder
	orig []int32
	keep bool
}

func (b *normBuf) add(r rune, from int) {
	if b.keep {
		n := utf8.RuneLen(r)
		if n < 0 {
			n = 3 // utf8.RuneError
		}
		for range n {
			b.orig = append(b.orig, int32(from))
		}
	}
	b.out.WriteRune(r)
}

func normalize(s string, keep bool) Normalized {
	b := normBuf{keep: keep}
	b.out.Grow(len(s))
	if keep {
		b.orig = make([]int32, 0, len(s)+1)
	}
	var (
		prev      rune  = -1 // last rune written, after folding
		spaceAt         = -1 // original offset of a pending white space run
		hanStart        = -1 // start of a pending run of Chinese characters
		hanOffset []int      // original offsets of the pending run's runes
		hanRunes  []rune
	)
	flushHan := func() {
		if hanStart < 0 {
			return
		}
		for i, r := range toSimplified(hanRunes) {
			b.add(r, hanOffset[min(i, len(hanOffset)-1)])
		}
		hanStart, hanOffset, hanRunes = -1, hanOffset[:0], hanRunes[:0]
	}
	brk := false // the pending white space holds a paragraph break
	for i, r := range s {
		if unicode.IsSpace(r) || r == 0x3000 {
			if spaceAt < 0 {
				spaceAt = i
			}
			brk = brk || r == Break || r == '\u2029'
			continue
		}
		r = foldRune(r)
		if spaceAt >= 0 {
			switch {
			case prev < 0:
			case brk:
				flushHan()
				b.add(Break, spaceAt)
			case !isWide(prev) && !isWide(r):
				flushHan()
				b.add(' ', spaceAt)
			}
			spaceAt, brk = -1, false
		}
		if IsHan(r) {
			if hanStart < 0 {
				hanStart = i
			}
			hanRunes = append(hanRunes, r)
			hanOffset = append(hanOffset, i)
		} else {
			flushHan()
			b.add(r, i)
		}
		prev = r
	}
	flushHan()
	if keep {
		b.orig = append(b.orig, int32(len(s)))
	}
	return Normalized{Src: s, Text: b.out.String(), Orig: b.orig}
}

// Span maps the normalised byte range [i, j) back to the original text: the
// characters that normalised into it, without white space around them.
func (n Normalized) Span(i, j int) (start, end int) {
	if i >= j {
		return int(n.Orig[i]), int(n.Orig[i])
	}
	start = int(n.Orig[i])
	_, w := utf8.DecodeLastRuneInString(n.Text[:j])
	last := int(n.Orig[j-w])
	_, ow := utf8.DecodeRuneInString(n.Src[last:])
	end = max(last+ow, start)
	if next := int(n.Orig[j]); end > next && next >= start {
		end = next
	}
	return start, end
}

// t2s converts traditional to simplified characters, one character at a
// time with OpenCC's character table. Phrase conversion would be kinder to
// a few words (乾隆 stays 乾隆 as a phrase, while 乾 alone becomes 干), but
// it makes a part of a text normalise differently from the whole, and a
// search for the part would miss the text. Character by character, the
// normalised form of any substring is the substring of the normalised text.
var t2s struct {
	once sync.Once
	cc   *opencc.OpenCC
	mu   sync.Mutex
	// bmp memoises the simplified form of each character of the basic
	// plane, 0 until looked up: one array read per character, where a
	// map took a fifth of the time of highlighting a hit.
	bmp   [0x10000]atomic.Int32
	runes sync.Map // rune → rune, for the other planes
}

func converter() *opencc.OpenCC {
	t2s.once.Do(func() {
		cc, err := opencc.New("t2s")
		if err != nil {
			// The tables are embedded in the library: failing to load
			// them is a build defect, not an input problem.
			panic("segment: load OpenCC t2s tables: " + err.Error())
		}
		t2s.cc = cc
	})
	return t2s.cc
}

func convert(s string) string {
	cc := converter()
	t2s.mu.Lock()
	defer t2s.mu.Unlock()
	out, err := cc.Convert(s)
	if err != nil {
		return s
	}
	return out
}

// simplified returns the simplified form of one character (itself when
// it has none, or when the table gives more than one character).
func simplified(r rune) rune {
	if r >= 0 && r < 0x10000 {
		if v := t2s.bmp[r].Load(); v != 0 {
			return rune(v)
		}
	} else if v, ok := t2s.runes.Load(r); ok {
		return v.(rune)
	}
	out := r
	if rs := []rune(convert(string(r))); len(rs) == 1 {
		out = rs[0]
	}
	if r >= 0 && r < 0x10000 {
		t2s.bmp[r].Store(int32(out))
	} else {
		t2s.runes.Store(r, out)
	}
	return out
}

// toSimplified converts a run of Chinese characters in place, character by
// character: character i of the result stands for character i of the run.
func toSimplified(run []rune) []rune {
	for i, r := range run {
		run[i] = simplified(r)
	}
	return run
}

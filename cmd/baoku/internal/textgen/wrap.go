package textgen

import (
	"math/rand"
	"strings"
	"unicode"
)

// Kinsoku (禁则): no line starts with closing punctuation, none ends with
// an opening mark.
const (
	noStart = "，。、；：？！）”’》」』】〕…·%‰℃,.;:?!)"
	noEnd   = "“‘（《「『【〔("
)

// tok is a unit a line is not broken inside: a character, or a run of
// Latin letters and digits.
type tok struct {
	s     string
	w     float64
	latin bool
}

// tokens cuts text into units.
func tokens(s string) []tok {
	var out []tok
	rs := []rune(s)
	for i := 0; i < len(rs); {
		r := rs[i]
		if isLatin(r) {
			j := i
			for j < len(rs) && isLatin(rs[j]) {
				j++
			}
			out = append(out, tok{s: string(rs[i:j]), w: 0.5 * float64(j-i), latin: true})
			i = j
			continue
		}
		switch {
		case unicode.IsSpace(r):
			out = append(out, tok{s: " ", w: 0.5})
		case unicode.IsPunct(r) || unicode.IsSymbol(r):
			// marks are set compressed, half a character, as newspapers do
			out = append(out, tok{s: string(r), w: 0.5})
		default:
			out = append(out, tok{s: string(r), w: 1})
		}
		i++
	}
	return out
}

// isLatin reports a rune of a Latin word or number (letters, digits and
// the marks inside numbers).
func isLatin(r rune) bool {
	return r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune(".%+-/:", r))
}

// line is a wrapped line: its units and whether it fell short of the
// measure (and may be letter-spaced to fill it).
type line struct {
	toks  []tok
	short bool
}

// wrapper breaks paragraphs into lines of a column.
type wrapper struct {
	width    float64
	pushDown float64
	r        *rand.Rand
}

// wrap breaks text into lines of w.width, the first narrower by indent.
// A closing mark that would start a line either hangs past the margin on
// the line before or takes the line's last character down with it; an
// opening mark that would end a line goes down to the next.
func (wr wrapper) wrap(text string, indent float64) []line {
	var out []line
	var cur []tok
	cw := 0.0
	limit := wr.width - indent
	flush := func(short bool) {
		if len(cur) > 0 {
			out = append(out, line{toks: cur, short: short})
		}
		cur, cw = nil, 0
		limit = wr.width
	}
	ts := tokens(text)
	for i := 0; i < len(ts); i++ {
		t := ts[i]
		if t.s == " " && len(cur) == 0 {
			continue
		}
		if cw+t.w <= limit+1e-9 || len(cur) == 0 {
			cur = append(cur, t)
			cw += t.w
			continue
		}
		switch {
		case strings.Contains(noStart, t.s) && len(cur) > 1 && wr.r.Float64() < wr.pushDown && !strings.Contains(noStart, cur[len(cur)-1].s):
			last := cur[len(cur)-1]
			cur = cur[:len(cur)-1]
			flush(true)
			cur, cw = []tok{last, t}, last.w+t.w
		case strings.Contains(noStart, t.s):
			cur = append(cur, t) // hangs past the margin
			for i+1 < len(ts) && strings.Contains(noStart, ts[i+1].s) {
				i++
				cur = append(cur, ts[i])
			}
			flush(false)
		case strings.Contains(noEnd, cur[len(cur)-1].s) && len(cur) > 1:
			last := cur[len(cur)-1]
			cur = cur[:len(cur)-1]
			flush(true)
			cur, cw = []tok{last, t}, last.w+t.w
		default:
			short := limit-cw >= 1
			flush(short)
			if t.s != " " {
				cur, cw = []tok{t}, t.w
			}
		}
	}
	flush(false)
	return out
}

// render prints a line: letter-spaced when it fell short and the draw says
// so (a space after every unit but punctuation), Latin runs set off by
// spaces when drawn.
func render(l line, justify, digitSpace float64, r *rand.Rand) string {
	spaced := l.short && r.Float64() < justify
	digits := r.Float64() < digitSpace
	var b strings.Builder
	for i, t := range l.toks {
		if i > 0 {
			prev := l.toks[i-1]
			switch {
			case t.s == " " || prev.s == " ":
			case spaced && !isMark(prev.s):
				b.WriteByte(' ')
			case digits && (t.latin || prev.latin) && !isMark(prev.s) && !isMark(t.s):
				b.WriteByte(' ')
			}
		}
		b.WriteString(t.s)
	}
	return strings.TrimSpace(b.String())
}

// spaceOut letter-spaces a short line to about width: a space after every
// character, and wider gaps between its words.
func spaceOut(words []string) string {
	var parts []string
	for _, w := range words {
		var rs []string
		for _, r := range w {
			rs = append(rs, string(r))
		}
		parts = append(parts, strings.Join(rs, " "))
	}
	return strings.Join(parts, "   ")
}

// isMark reports a unit that is a punctuation mark.
func isMark(s string) bool { return len(s) > 0 && strings.Contains(noStart+noEnd+"—", s) }

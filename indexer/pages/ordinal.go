package pages

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The sections of a long feature are often numbered: 1. 2. 3., 一、二、,
// （一）（二）, 第1计 第2计. A heading that opens with the next number of a
// series begun above it is a section of the same article, not the
// headline of a new one; a paper seldom numbers the headlines of separate
// articles on one page.

// reOrdinal matches a heading's sequence number and what marks it.
var reOrdinal = regexp.MustCompile(`^(?:([0-9]{1,2})[.．、](?:[^0-9.．]|$)|[（(]([0-9]{1,2}|[一二三四五六七八九十]{1,3})[）)]|([一二三四五六七八九十]{1,3})[、．]|第([0-9]{1,2}|[一二三四五六七八九十]{1,3})([计招步站条问关课式部分章节篇]))`)

// ordinal returns the sequence number line t opens with and a name of
// its form, so that numbers of different series are not taken for one.
func ordinal(t string) (n int, form string, ok bool) {
	t = strings.TrimLeft(t, " \u3000")
	if r, _ := utf8.DecodeRuneInString(t); !strings.ContainsRune("0123456789（(一二三四五六七八九十第", r) {
		return 0, "", false
	}
	m := reOrdinal.FindStringSubmatch(compact(t))
	if m == nil {
		return 0, "", false
	}
	switch {
	case m[1] != "":
		n, form = atoiOrCN(m[1]), "n."
	case m[2] != "":
		n, form = atoiOrCN(m[2]), "(n)"
	case m[3] != "":
		n, form = atoiOrCN(m[3]), "n、"
	default:
		n, form = atoiOrCN(m[4]), "第n"+m[5]
	}
	return n, form, n > 0
}

// num is a sequence number and the form it is printed in.
type num struct {
	n    int
	form string
}

// atoiOrCN reads a number of one or two digits, or a Chinese numeral up to
// 九十九 (十, 十二, 二十, 二十三); 0 when it is neither.
func atoiOrCN(s string) int {
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	const digits = "零一二三四五六七八九"
	val := func(r rune) int { return strings.IndexRune(digits, r) / len("一") }
	rs := []rune(s)
	switch {
	case len(rs) == 1 && rs[0] == '十':
		return 10
	case len(rs) == 1:
		return max(0, val(rs[0]))
	case len(rs) == 2 && rs[0] == '十':
		return 10 + max(0, val(rs[1]))
	case len(rs) == 2 && rs[1] == '十':
		return 10 * max(0, val(rs[0]))
	case len(rs) == 3 && rs[1] == '十':
		return 10*max(0, val(rs[0])) + max(0, val(rs[2]))
	}
	return 0
}

// seriesGap is the widest step between two numbers of one series.
const seriesGap = 3

// numberedSections marks the blocks whose first line carries a number
// close to that of another numbered heading or paragraph in the same form
// (within seriesGap, as an excerpt may skip sections): the headings of a
// numbered series.
func numberedSections(blocks []*block, drafts []*draft) []bool {
	seen := map[num]int{}
	note := func(t string) (num, bool) {
		n, form, ok := ordinal(t)
		if ok {
			seen[num{n, form}]++
		}
		return num{n, form}, ok
	}
	for _, d := range drafts {
		for i, l := range d.lines {
			if i == 0 || endsSentence(d.lines[i-1].text) || d.lines[i-1].tail != nil {
				note(l.text)
			}
		}
	}
	nums := make([]num, len(blocks))
	for i, b := range blocks {
		if len(b.lines) > 0 {
			nums[i], _ = note(b.lines[0].text)
		}
	}
	out := make([]bool, len(blocks))
	for i, x := range nums {
		for d := 1; x.n > 0 && d <= seriesGap && !out[i]; d++ {
			out[i] = seen[num{x.n - d, x.form}] > 0 || seen[num{x.n + d, x.form}] > 0
		}
	}
	return out
}

// continuesSeries reports whether line l opens with the next number of a
// series whose earlier items open lines of draft d: items signed one
// by one (1.…… 本报记者 某某  2.……) are one article.
func continuesSeries(d *draft, l pline) bool {
	n, form, ok := ordinal(l.text)
	if !ok || n < 2 {
		return false
	}
	for _, x := range d.lines {
		if m, f, ok := ordinal(x.text); ok && f == form && m < n && n-m <= seriesGap {
			return true
		}
	}
	return false
}

// numberedItems reads as text a headline line that is the next numbered
// item of a list whose earlier items open paragraphs of text above it,
// when it (nearly) fills the column and runs on into the next line: the first
// line of an item (3.城东某小区的张女士求助，……), not a heading.
func numberedItems(lines []pline, lay layout) {
	seen := map[num]bool{}
	for i, l := range lines {
		n, form, ok := ordinal(l.text)
		if !ok {
			continue
		}
		start := i == 0 || endsSentence(lines[i-1].text) || lines[i-1].tail != nil
		switch {
		case l.kind == kBody && start:
			seen[num{n, form}] = true
		case l.kind == kHead && i+1 < len(lines) && lines[i+1].kind == kBody && !endsSentence(l.text) &&
			nearlyFull(lay, i, l.w):
			for d := 1; d <= seriesGap; d++ {
				if seen[num{n - d, form}] {
					lines[i].kind = kBody
					seen[num{n, form}] = true
					break
				}
			}
		}
	}
}

// nearlyFull reports a line no wider than the column and at least four
// fifths of it: a line of text that holds digits or Latin letters, which
// are set narrower, still reads as full.
func nearlyFull(lay layout, i int, w float64) bool {
	b := lay.band(i, w)
	col := max(lay.cols[i][0], lay.cols[i][1])
	return b == bandFull || b != bandWide && col > 0 && w >= 0.8*col
}

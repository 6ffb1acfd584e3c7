package pages

import (
	"regexp"
	"strconv"
	"strings"
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
// close to that of another block in the same form (within seriesGap, as
// an excerpt may skip sections): the headings of a numbered series.
func numberedSections(blocks []*block) []bool {
	type num struct {
		n    int
		form string
	}
	nums := make([]num, len(blocks))
	seen := map[num]bool{}
	for i, b := range blocks {
		if len(b.lines) == 0 {
			continue
		}
		if n, form, ok := ordinal(b.lines[0].text); ok {
			nums[i] = num{n, form}
			seen[nums[i]] = true
		}
	}
	out := make([]bool, len(blocks))
	for i, x := range nums {
		if x.n == 0 {
			continue
		}
		for d := 1; d <= seriesGap && !out[i]; d++ {
			out[i] = seen[num{x.n - d, x.form}] || seen[num{x.n + d, x.form}]
		}
	}
	return out
}

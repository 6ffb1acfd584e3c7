package pages

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Poppler's pdftotext (without -layout) reads the lines of neighbouring
// columns that share a baseline as one line, the two halves joined by a
// space; where the baselines differ, it gives the lines of the two
// columns one after the other, alternating. Either way the text of one
// column comes out interleaved with the other's. unweave finds such runs
// and puts each column's lines back together, the left column first.

// minWoven is the fewest lines taken for a run of interleaved columns.
const minWoven = 3

// maxColumnLine is the longest line, in runes, looked at as two columns.
const maxColumnLine = 120

// half is one side of a line split at a gap.
type half struct {
	at          int // byte offset of the gap
	left, right string
	lw, rw      float64
}

// halves returns the ways to split a line at a gap into two runs of text
// of at least two characters each. A line with many gaps is
// letter-spaced, not two columns, and gives none.
func halves(t string) []half {
	if len(t) > 4*maxColumnLine {
		return nil
	}
	var out []half
	gaps := 0
	for i := 0; i < len(t); {
		if t[i] != ' ' {
			i++
			continue
		}
		j := i
		for j < len(t) && t[j] == ' ' {
			j++
		}
		gaps++
		l, r := strings.TrimSpace(t[:i]), strings.TrimSpace(t[j:])
		if hanCount(l, 2) >= 2 && hanCount(r, 2) >= 2 {
			out = append(out, half{at: i, left: l, right: r, lw: lineWidth(l), rw: lineWidth(r)})
		}
		i = j
	}
	if gaps > 3 {
		return nil
	}
	return out
}

// fitsColumn reports whether a column line of width w fits a column of
// width col: full, shorter when it ends a paragraph, or two characters
// short when it starts one (after a line that ended a sentence, or at
// the top).
func fitsColumn(w, col float64, text string, opens bool) bool {
	return w >= col-1 && w <= col+1 || w < col-1 && endsSentence(text) || opens && w >= col-3.5 && w < col-1
}

// unweave puts interleaved columns back in reading order; index lists
// the lines each pair of characters occurs on (indexPairs). It reports
// whether it changed anything.
func unweave(lines []pline, index pairIndex) ([]pline, bool) {
	out := unweaveSideBySide(lines)
	changed := len(out) != len(lines)
	out, moved := unweaveAlternate(out, index)
	return out, changed || moved
}

// unweaveSideBySide splits the lines of runs in which every line is two
// column lines joined by a gap: lines about twice as wide as the page's
// column, each split where its left part best fits the run's left column.
func unweaveSideBySide(lines []pline) []pline {
	col := singleColumn(lines)
	if col == 0 {
		col = leftColumn(lines) // every line of text is two columns
	}
	if col == 0 {
		return lines
	}
	woven := func(l pline) bool {
		return l.w > 1.5*col && len(halves(l.text)) > 0
	}
	found := false
	for i, run := 0, 0; i < len(lines) && !found; i++ {
		if woven(lines[i]) {
			run++
		} else {
			run = 0
		}
		found = run >= minWoven
	}
	if !found {
		return lines
	}
	var out []pline
	for i := 0; i < len(lines); {
		end := i
		for end < len(lines) && woven(lines[end]) {
			end++
		}
		if end-i < minWoven {
			out = append(out, lines[i])
			i++
			continue
		}
		left, right, wl := splitRun(lines[i:end], col)
		right[0].colStart = true
		// Lines after the run that have no partner continue the longer
		// column: the right one if it did not end its paragraph, else
		// the left.
		rest := end
		for rest < len(lines) && rest-end < 2*(end-i) && !woven(lines[rest]) && lines[rest].w <= wl+1.5 &&
			!isHeaderLine(lines[rest].text) {
			rest++
			if endsSentence(lines[rest-1].text) && (rest >= len(lines) || lines[rest].w < wl-2.5) {
				break
			}
		}
		tail := lines[end:rest]
		if len(tail) > 0 && endsSentence(right[len(right)-1].text) && !endsSentence(left[len(left)-1].text) {
			left = append(left, tail...)
			tail = nil
		}
		out = append(out, left...)
		out = append(out, right...)
		out = append(out, tail...)
		i = rest
	}
	return out
}

// singleColumn is the most common width of the lines of text that are
// not two columns joined: the page's column width, 0 if there are none.
func singleColumn(lines []pline) float64 {
	var ws []float64
	for _, l := range lines {
		w := l.w
		if w >= 5 && len(l.text) <= 4*maxColumnLine && isTextLike(l.text) && !endsSentence(l.text) && len(halves(l.text)) == 0 {
			ws = append(ws, w)
		}
	}
	return modeWidth(ws)
}

// leftColumn is the most common width of the left part of lines that
// split in two one way only, 0 if there are none.
func leftColumn(lines []pline) float64 {
	var ws []float64
	for _, l := range lines {
		if hs := halves(l.text); len(hs) == 1 && !endsSentence(hs[0].left) && isTextLike(l.text) {
			ws = append(ws, hs[0].lw)
		}
	}
	if len(ws) < minWoven {
		return 0
	}
	return modeWidth(ws)
}

// splitRun splits each line of a run of joined column lines at the gap
// that best fits the run's left column, and returns the two columns and
// the left column's width.
func splitRun(run []pline, col float64) (left, right []pline, wl float64) {
	var ws []float64
	for _, l := range run {
		best := -1.0
		for _, h := range halves(l.text) {
			if best < 0 || abs(h.lw-col) < abs(best-col) {
				best = h.lw
			}
		}
		ws = append(ws, best)
	}
	wl = modeWidth(ws)
	for k, l := range run {
		opens := k == 0 || endsSentence(left[k-1].text)
		var pick half
		bestCost := -1.0
		for _, h := range halves(l.text) {
			cost := abs(h.lw - wl)
			if fitsColumn(h.lw, wl, h.left, opens) {
				cost /= 4
			}
			if bestCost < 0 || cost < bestCost {
				pick, bestCost = h, cost
			}
		}
		a, b := l, l
		a.text, b.text = pick.left, pick.right
		a.w, b.w = pick.lw, pick.rw
		a.runes, b.runes = utf8.RuneCountInString(a.text), utf8.RuneCountInString(b.text)
		left = append(left, a)
		right = append(right, b)
	}
	return left, right, wl
}

// abs returns |x|.
func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// unweaveAlternate puts back runs of lines that alternate between two
// columns. A line is read after another when the character pair across
// the break occurs elsewhere on the page; in a run whose every other line
// joins much better than the next one, the lines are taken two columns.
func unweaveAlternate(lines []pline, index pairIndex) ([]pline, bool) {
	if len(lines) < 2*minWoven+2 {
		return lines, false
	}
	join := func(a, b string) float64 {
		ra, rb := lastHan(a), firstHan(b)
		if ra == 0 || rb == 0 || endsSentence(a) {
			return 0.3 // a sentence end joins anything
		}
		if index.count(ra, rb) > 1 {
			return 1
		}
		return 0
	}
	textLine := func(l pline) bool {
		return l.kind == kBody && hanCount(l.text, 4) >= 4 && len(halves(l.text)) == 0
	}
	moved := false
	for i := 0; i < len(lines); {
		end := i
		for end < len(lines) && textLine(lines[end]) {
			end++
		}
		if end-i >= 2*minWoven+2 && splitAlternating(lines[i:end], join) {
			moved = true
		}
		i = max(end, i+1)
	}
	return lines, moved
}

// splitAlternating finds, in a run of text lines, stretches where lines
// join their second neighbour better than their first, and puts each
// stretch's odd lines after its even ones, in place. It reports whether
// it moved any.
func splitAlternating(run []pline, join func(a, b string) float64) bool {
	// near[k] joins line k to k+1, far[k] line k to k+2
	near := make([]float64, len(run))
	far := make([]float64, len(run))
	for k := range run {
		if k+1 < len(run) {
			near[k] = join(run[k].text, run[k+1].text)
		}
		if k+2 < len(run) {
			far[k] = join(run[k].text, run[k+2].text)
		}
	}
	moved := false
	for i := 0; i < len(run); {
		bestE, bestGain := -1, 3.0
		var n, f float64
		for e := i + 2; e <= len(run) && e-i <= maxAlternate; e++ {
			// the stretch is run[i:e]
			n += near[e-2]
			if e-3 >= i {
				f += far[e-3]
			}
			if e-i >= 2*minWoven && f-n >= bestGain && f >= 0.5*float64(e-i-2) {
				bestE, bestGain = e, f-n
			}
		}
		if bestE < 0 {
			i++
			continue
		}
		var odd []pline
		even := i
		for k := i; k < bestE; k++ {
			if (k-i)%2 == 0 {
				run[even] = run[k]
				even++
			} else {
				odd = append(odd, run[k])
			}
		}
		odd[0].colStart = true
		copy(run[even:], odd)
		moved = true
		i = bestE
	}
	return moved
}

// maxAlternate is the most lines of one stretch of alternating columns.
const maxAlternate = 80

// lastHan returns the last character of s if it is Chinese, else 0.
func lastHan(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(strings.TrimRightFunc(s, unicode.IsSpace))
	if isHan(r) {
		return r
	}
	return 0
}

// firstHan returns the first character of s if it is Chinese, else 0.
func firstHan(s string) rune {
	r, _ := utf8.DecodeRuneInString(strings.TrimLeftFunc(s, unicode.IsSpace))
	if isHan(r) {
		return r
	}
	return 0
}

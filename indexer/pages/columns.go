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
// letter-spaced, or holds one: it splits only where one run has no gap.
func halves(t string) []half {
	hs := gapHalves(t)
	for i := range hs {
		hs[i].lw, hs[i].rw = lineWidth(hs[i].left), lineWidth(hs[i].right)
	}
	return hs
}

// hasHalves reports whether a line splits into halves, without measuring
// them.
func hasHalves(t string) bool { return len(gapHalves(t)) > 0 }

// gapHalves is halves without the widths of the halves.
func gapHalves(t string) []half {
	if len(t) > 4*maxColumnLine {
		return nil
	}
	var out, whole []half
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
			h := half{at: i, left: l, right: r}
			out = append(out, h)
			if !strings.Contains(l, " ") || !strings.Contains(r, " ") {
				whole = append(whole, h)
			}
		}
		i = j
	}
	if gaps > 3 {
		return whole
	}
	return out
}

// fitsColumn reports whether a column line of width w fits a column of
// width col: full, shorter when it ends a paragraph (with a sentence, or
// with the byline printed after the last one: 已送到。 本报记者 张三), or
// two characters short when it starts one (after a line that ended a
// sentence, or at the top).
func fitsColumn(w, col float64, text string, opens bool) bool {
	return w >= col-1 && w <= col+1 || w < col-1 && (endsSentence(text) || endsWithTailByline(text)) ||
		opens && w >= col-3.5 && w < col-1
}

// endsWithRole reports a line whose part after its last sentence is only
// a role word (……了。 本报记者): the start of a byline whose names follow.
func endsWithRole(t string) bool {
	if !hasRoleWord(t) {
		return false
	}
	cut := tailStart(t)
	if cut < 0 {
		cut = 0
	}
	at, w := findRole(strings.TrimSpace(t[cut:]))
	return at == 0 && w == len(strings.TrimSpace(t[cut:]))
}

// namesOn reports a split of a line between the names of a byline: the
// left half is a byline (本报记者 王一) and the right half opens with a
// name set off by a gap (钱二 圾也越来越多。) that the byline reads on
// with, a column's text having no gap after its first word.
func namesOn(left, right string) bool {
	if !hasRoleWord(left) {
		return false
	}
	i := strings.IndexByte(right, ' ')
	if i < 0 || !isName(right[:i]) {
		return false
	}
	if _, _, ok := parseBylineLine(left); !ok {
		return false
	}
	_, _, ok := parseBylineLine(left + " " + right[:i])
	return ok
}

// endsWithTailByline reports a line that ends with a byline after its
// last sentence.
func endsWithTailByline(t string) bool {
	if !hasRoleWord(t) {
		return false
	}
	_, rest, ok := parseTailByline(t)
	return ok && rest != ""
}

// unweave puts interleaved columns back in reading order; index lists
// the lines each pair of characters occurs on (indexPairs). It reports
// whether it changed anything.
func unweave(lines []pline, index pairIndex) ([]pline, bool) {
	out, heads := unjoinHeadlines(lines, index)
	out, grid := unweaveGrid(out, index)
	out = unweaveSideBySide(out)
	changed := heads || grid || len(out) != len(lines)
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
		return l.w > 1.5*col && hasHalves(l.text)
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
		// Lines of the run whose one side is short (a paragraph's last
		// line, an intertitle, a page number) or letter-spaced are not
		// twice a column wide: they join the run when one side still
		// fits its column, between two runs or next to one.
		wl, wr := runWidths(lines[i:end], col)
		for end < len(lines) {
			k := end
			for k < len(lines) && k-end < maxLoose && !woven(lines[k]) && looseWoven(lines[k], col, wl, wr, true) {
				k++
			}
			if k > end && k < len(lines) && woven(lines[k]) {
				// between two runs
				for end = k; end < len(lines) && woven(lines[end]); end++ {
				}
				continue
			}
			for k = end; k < len(lines) && k-end < maxLooseEnd && !woven(lines[k]) && looseWoven(lines[k], col, wl, wr, false); k++ {
			}
			end = k
			break
		}
		for n := 0; n < maxLooseEnd && i > 0 && len(out) > 0 && !out[len(out)-1].colStart && looseWoven(lines[i-1], col, wl, wr, false) && out[len(out)-1].n == lines[i-1].n; n++ {
			out = out[:len(out)-1]
			i--
		}
		left, right, wl := splitRun(lines[i:end], col, wr)
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
		var heads []pline
		out, heads = rightHeads(out, left, right, tail)
		out = append(out, left...)
		out = append(out, heads...)
		out = append(out, right...)
		out = append(out, tail...)
		i = rest
	}
	return out
}

// rightHeads takes out of the lines before a run of joined column lines
// the headline lines of the article on the right (whose text is right and
// tail), to be put before its column. Two articles side by side have
// their headlines side by side over them; pdftotext gives the headline
// lines one after the other (their type differs, and so their
// baselines), all before the run. Left there, the two headlines read as
// one over the left article's text, with the right one's run on after it.
// The right article's headline is the last lines of the block right
// above the run (up to a line that ends a sentence or is a byline) whose
// character pairs occur in the right column's text and not the left
// one's, under lines that lean as clearly the other way. Only where the
// left column ends a sentence, not with a byline, and the right one opens
// a paragraph: a column of one article mostly goes on mid-paragraph into
// the next, and an article whose column ends with its byline ends there,
// its headline and the next one's matched to their texts by content. It
// returns the lines before the run without those, and those lines.
func rightHeads(before, left, right, tail []pline) (rest, heads []pline) {
	last := left[len(left)-1].text
	if !endsSentence(last) || endsWithByline(last) || !opensParagraph(right) {
		return before, nil
	}
	lo := len(before)
	for lo > 0 && len(before)-lo < maxHeadBlock {
		l := before[lo-1]
		if endsSentence(l.text) || hasHalves(l.text) || lo < len(before) && l.n+1 != before[lo].n {
			break
		}
		if _, _, by := parseBylineLine(l.text); by {
			break
		}
		lo--
	}
	if lo == len(before) {
		return before, nil
	}
	pairs := func(cols ...[]pline) map[[2]rune]bool {
		m := map[[2]rune]bool{}
		for _, col := range cols {
			for _, l := range col {
				hanPairs(l.text, 0, func(p [2]rune) bool {
					m[p] = true
					return true
				})
			}
		}
		return m
	}
	lp, rp := pairs(left), pairs(right, tail)
	// d[k] is how much more line k shares with the right column's text
	// than with the left one's; the right headline is the suffix of the
	// block that leans most to the right, the longest of equals
	block := before[lo:]
	d := make([]int, len(block))
	total := 0
	for k, l := range block {
		hanPairs(l.text, 0, func(p [2]rune) bool {
			if rp[p] && !lp[p] {
				d[k]++
			}
			if lp[p] && !rp[p] {
				d[k]--
			}
			return true
		})
		total += d[k]
	}
	best, bestScore, suffix := -1, 0, total
	prefix := 0
	for k := range block {
		if score := suffix - prefix; d[k] >= 0 && suffix >= 2 && prefix <= -2 && (best < 0 || score > bestScore) {
			best, bestScore = k, score
		}
		prefix += d[k]
		suffix -= d[k]
	}
	if best < 0 {
		return before, nil
	}
	return before[:lo+best], append([]pline(nil), block[best:]...)
}

// opensParagraph reports whether a column's first line opens a
// paragraph: a dateline or lead, or a line two characters short of the
// column's full lines.
func opensParagraph(col []pline) bool {
	if isArticleStart(col[0].text) {
		return true
	}
	var ws []float64
	for _, l := range col {
		ws = append(ws, l.w)
	}
	full := modeWidth(ws)
	return col[0].w >= full-3.5 && col[0].w < full-1
}

// endsWithByline reports a line that is a byline or ends with one.
func endsWithByline(t string) bool {
	if _, _, by := parseBylineLine(t); by {
		return true
	}
	names, _ := parseEndByline(t)
	return len(names) > 0
}

// maxLoose is the most lines in a row taken into a run of joined column
// lines by looseWoven between two runs, maxLooseEnd at either end of one.
const (
	maxLoose    = 4
	maxLooseEnd = 2
)

// runWidths returns the most common widths of the left and right parts of
// a run of joined column lines, split as splitRun splits them.
func runWidths(run []pline, col float64) (wl, wr float64) {
	var ls, rs []float64
	for _, l := range run {
		var best *half
		hs := halves(l.text)
		for k := range hs {
			if best == nil || abs(hs[k].lw-col) < abs(best.lw-col) {
				best = &hs[k]
			}
		}
		if best != nil {
			ls, rs = append(ls, best.lw), append(rs, best.rw)
		}
	}
	return modeWidth(ls), modeWidth(rs)
}

// looseWoven reports whether a line splits at a gap into a part that fits
// the left column (wl) or a part that fits the right one (wr): full, short
// of the indent of a paragraph's first line, or shorter when it ends a
// paragraph. Next to a run of joined column lines
// but not between two, the line must also be wider than the page's
// column (col).
func looseWoven(l pline, col, wl, wr float64, between bool) bool {
	if len(l.text) > 4*maxColumnLine || isHeaderLine(l.text) {
		return false
	}
	if !between && l.w <= col+0.4 {
		// the last lines of both columns: both end, the right one
		// perhaps with its byline (延。 本报记者 左妍)
		for _, h := range looseHalves(l.text) {
			if _, _, by := parseBylineLine(h.right); endsSentence(h.left) && h.lw < wl-1 && (by || endsSentence(h.right)) {
				return true
			}
		}
		return false
	}
	for _, h := range looseHalves(l.text) {
		if fitsColumn(h.lw, wl, h.left, true) || fitsColumn(h.rw, wr, h.right, true) {
			return true
		}
	}
	return false
}

// looseHalves returns the ways to split a line at any gap into two parts
// that each hold a letter or digit. A letter-spaced line (more than three
// gaps) splits only where one part has no gap: the column beside the
// spaced-out one.
func looseHalves(t string) []half {
	var out []half
	spaced := strings.Count(strings.Join(strings.Fields(t), " "), " ") > 3
	for i := 0; i < len(t); {
		if t[i] != ' ' {
			i++
			continue
		}
		j := i
		for j < len(t) && t[j] == ' ' {
			j++
		}
		l, r := strings.TrimSpace(t[:i]), strings.TrimSpace(t[j:])
		if hasLetterOrDigit(l) && hasLetterOrDigit(r) && (!spaced || !strings.Contains(l, " ") || !strings.Contains(r, " ")) {
			out = append(out, half{at: i, left: l, right: r, lw: lineWidth(l), rw: lineWidth(r)})
		}
		i = j
	}
	return out
}

// hasLetterOrDigit reports whether s holds a letter, digit or Chinese
// character.
func hasLetterOrDigit(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || isHan(r) }) >= 0
}

// singleColumn is the most common width of the lines of text that are
// not two columns joined: the page's column width, 0 if there are none.
func singleColumn(lines []pline) float64 {
	var ws []float64
	for _, l := range lines {
		w := l.w
		if w >= 5 && len(l.text) <= 4*maxColumnLine && isTextLike(l.text) && !endsSentence(l.text) && !hasHalves(l.text) {
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
func splitRun(run []pline, col, wr float64) (left, right []pline, wl float64) {
	var ws []float64
	for _, l := range run {
		best := -1.0
		for _, h := range halves(l.text) {
			if best < 0 || abs(h.lw-col) < abs(best-col) {
				best = h.lw
			}
		}
		if best >= 0 {
			ws = append(ws, best)
		}
	}
	wl = modeWidth(ws)
	for k, l := range run {
		opens := k == 0 || endsSentence(left[k-1].text)
		var pick half
		bestCost := -1.0
		hs := halves(l.text)
		if len(hs) == 0 || l.w <= 1.5*col {
			hs = looseHalves(l.text) // a line taken in by looseWoven
		}
		for _, h := range hs {
			cost := abs(h.lw - wl)
			if fitsColumn(h.lw, wl, h.left, opens) {
				cost /= 4
			} else if wr > 0 && fitsColumn(h.rw, wr, h.right, false) {
				cost = abs(h.rw-wr) / 4
			}
			if endsWithRole(h.left) || namesOn(h.left, h.right) {
				cost += wl // a gap inside a byline (……了。 本报记者 | 张三) is no column's edge
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
		if index.count(ra, rb) > 0 {
			// a pair split across a break is on no line: one other
			// line holding it is evidence enough
			return 1
		}
		return 0
	}
	textLine := func(l pline) bool {
		return l.kind == kBody && hanCount(l.text, 4) >= 4 && !hasHalves(l.text)
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
// stretch's odd lines after its even ones, in place. The stretch that
// gains most is taken first, then those before and after it. It reports
// whether it moved any.
func splitAlternating(run []pline, join func(a, b string) float64) bool {
	// nearSum and farSum are the prefix sums of the joins of each line
	// to the next and to the one after
	nearSum := make([]float64, len(run)+1)
	farSum := make([]float64, len(run)+1)
	for k := range run {
		var near, far float64
		if k+1 < len(run) {
			near = join(run[k].text, run[k+1].text)
		}
		if k+2 < len(run) {
			far = join(run[k].text, run[k+2].text)
		}
		nearSum[k+1] = nearSum[k] + near
		farSum[k+1] = farSum[k] + far
	}
	ws := make([]float64, len(run))
	for k := range run {
		ws[k] = run[k].w
	}
	return splitStretches(run, 0, len(run), nearSum, farSum, modeWidth(ws))
}

// splitStretches splits the stretch of alternating lines within
// run[lo:hi] that gains most, then those on either side of it.
func splitStretches(run []pline, lo, hi int, nearSum, farSum []float64, col float64) bool {
	bestI, bestE, bestGain := -1, -1, 3.0
	for i := lo; i < hi; i++ {
		if i+1 < hi && (run[i].w < col-3.5 || run[i+1].w < col-3.5) {
			continue // a stretch opens with two column lines, not a heading
		}
		for e := i + 2*minWoven; e <= hi && e-i <= maxAlternate; e++ {
			// the stretch run[i:e] joins near from i to e-2, far from
			// i to e-3
			n := nearSum[e-1] - nearSum[i]
			f := farSum[e-2] - farSum[i]
			if f-n > bestGain && f >= 0.5*float64(e-i-2) {
				bestI, bestE, bestGain = i, e, f-n
			}
		}
	}
	if bestI < 0 {
		return false
	}
	var odd []pline
	even := bestI
	for k := bestI; k < bestE; k++ {
		if (k-bestI)%2 == 0 {
			run[even] = run[k]
			even++
		} else {
			odd = append(odd, run[k])
		}
	}
	odd[0].colStart = true
	copy(run[even:], odd)
	splitStretches(run, lo, bestI, nearSum, farSum, col)
	splitStretches(run, bestE, hi, nearSum, farSum, col)
	return true
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

// maxHeadBlock is the most lines of a block (lines between blank lines)
// looked at by unjoinHeadlines: a block of headlines, not of text.
const maxHeadBlock = 6

// unjoinHeadlines splits the headlines of two neighbouring articles that
// pdftotext read as one line. Where two headlines stand side by side,
// their first lines share a baseline and come out joined by a gap; their
// second lines follow, each alone. A line of a short block (pdftotext
// gives headlines blocks of their own) that splits at a gap into two
// parts, where a later line of the block, without a gap, carries on the
// left part (the pair across the break occurs elsewhere on the page) but
// not the line before it, is put back as two headlines: the left part
// with the lines that carry it on, then the right part with the rest.
func unjoinHeadlines(lines []pline, index pairIndex) ([]pline, bool) {
	joins := func(a, b string) bool {
		ra, rb := lastHan(a), firstHan(b)
		return ra != 0 && rb != 0 && !endsSentence(a) && index.count(ra, rb) > 0
	}
	out := make([]pline, 0, len(lines)) // at least as many lines as before
	changed := false
	for s := 0; s < len(lines); {
		e := s + 1
		for e < len(lines) && lines[e].n == lines[e-1].n+1 {
			e++
		}
		block := lines[s:e]
		s = e
		if len(block) < 2 || len(block) > maxHeadBlock {
			out = append(out, block...)
			continue
		}
		done := false
		for i := 0; i < len(block)-1 && !done; i++ {
			for _, h := range halves(block[i].text) {
				if endsSentence(h.left) || strings.Contains(h.left, " ") {
					continue
				}
				var moved, rest []pline
				for k := i + 1; k < len(block); k++ {
					l := block[k]
					prev := block[k-1].text
					if !strings.Contains(l.text, " ") && joins(h.left, l.text) && !joins(prev, l.text) && l.w <= h.lw+h.rw {
						moved = append(moved, l)
					} else {
						rest = append(rest, l)
					}
				}
				if len(moved) == 0 {
					continue
				}
				a, b := block[i], block[i]
				a.text, a.w, a.runes = h.left, h.lw, utf8.RuneCountInString(h.left)
				b.text, b.w, b.runes = h.right, h.rw, utf8.RuneCountInString(h.right)
				out = append(out, block[:i]...)
				out = append(out, a)
				out = append(out, moved...)
				out = append(out, b)
				out = append(out, rest...)
				done, changed = true, true
				break
			}
		}
		if !done {
			out = append(out, block...)
		}
	}
	return out, changed
}

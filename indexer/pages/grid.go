package pages

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// Where three or more columns stand side by side, pdftotext reads the
// page a baseline at a time, left to right: the lines of all the columns
// that share a baseline come out as one line, joined by gaps, and a wide
// gap (after a paragraph's short last line, before an indented first
// line, across a column with no line there) breaks the baseline into
// several lines, still left to right. unweaveGrid finds runs of such
// lines and deals each column line back to its column.

// minGrid is the fewest columns side by side unweaveGrid reads; two
// columns are left to unweaveSideBySide and unweaveAlternate.
const minGrid = 3

// gridSeg is one column line of a line read across the columns.
type gridSeg struct {
	text string
	w    float64
}

// gridPieces splits a line at its gaps.
func gridPieces(t string) []string {
	if len(t) > 8*maxColumnLine {
		return nil
	}
	return strings.Fields(t)
}

// fullRow reports whether the pieces of a line are k ≥ minGrid column
// lines of one width, the first perhaps indented, and returns the width.
func fullRow(ps []string) (float64, bool) {
	if len(ps) < minGrid {
		return 0, false
	}
	w := 0.0
	for _, p := range ps[1:] {
		if hanCount(p, 2) < 2 {
			return 0, false
		}
		w = max(w, gridWidth(p))
	}
	if w < 5 {
		return 0, false
	}
	for i, p := range ps {
		pw := gridWidth(p)
		if pw > w+0.6 || pw < w-1 && (i > 0 || pw < w-3.5) {
			return 0, false
		}
	}
	return w, true
}

// gridSegs splits a line into column lines of width w: every one but the
// first is flush left and every one but the last is full, so each ends
// where its width reaches the column's; false if the line does not fit.
func gridSegs(t string, w float64, k int) ([]gridSeg, bool) {
	ps := gridPieces(t)
	if len(ps) == 0 {
		return nil, false
	}
	var out []gridSeg
	cur, cw := "", 0.0
	for _, p := range ps {
		pw := gridWidth(p)
		if cur != "" {
			full := cw >= w-1 || len(out) == 0 && cw >= w-3.5 && cw+pw > w+1
			if full {
				if cw > w+1 {
					return nil, false
				}
				out = append(out, gridSeg{cur, cw})
				cur, cw = "", 0
			} else if cw+pw > w+1 {
				return nil, false
			}
		}
		if cur == "" {
			cur, cw = p, pw
		} else {
			cur, cw = cur+" "+p, cw+pw
		}
	}
	if cw > w+1 {
		return nil, false
	}
	out = append(out, gridSeg{cur, cw})
	if len(out) > k {
		return nil, false
	}
	return out, true
}

// unweaveGrid deals the column lines of runs of lines read across three
// or more columns back to their columns, the left column first.
func unweaveGrid(lines []pline, index pairIndex) ([]pline, bool) {
	out := make([]pline, 0, len(lines)) // at least as many lines as before
	changed := false
	passed := 0 // out ends with lines[passed:i] as they were
	for i := 0; i < len(lines); {
		w, ok := 0.0, false
		if strings.Count(lines[i].text, " ") >= minGrid-1 {
			w, ok = fullRow(gridPieces(lines[i].text))
		}
		if !ok {
			out = append(out, lines[i])
			i++
			continue
		}
		// the run: the lines from here that split into column lines
		// of this width, up to a blank line (pdftotext ends a block
		// there); the lines before it are left, the columns may not
		// have started there. A line with more column lines than the
		// run's first (whose columns had not all started) widens the
		// run to more columns; if the wider run does not deal, the run
		// ends before that line, as it would otherwise.
		start := i
		var dealt []pline
		end, k, full := gridRun(lines, start, w, true)
		ok = false
		if full >= 2 {
			from, k2 := gridLead(lines, passed, start, w, k)
			if from < start {
				var d gridDeal
				d, ok = dealGrid(lines[from:end], w, k2, index)
				dealt = d.lines
				if ok {
					out = out[:len(out)-(start-from)]
				}
			}
			if !ok {
				var d gridDeal
				d, ok = dealGrid(lines[start:end], w, k, index)
				dealt = d.lines
				if from == start {
					if d, f, ok2 := dealGridLead(lines, passed, start, end, w, k, d.odd, ok, index); ok2 {
						dealt, ok = d, true
						out = out[:len(out)-(start-f)]
					}
				}
			}
		}
		if !ok {
			if e, k2, f2 := gridRun(lines, start, w, false); e < end && f2 >= 2 {
				end = e
				var d gridDeal
				d, ok = dealGrid(lines[start:end], w, k2, index)
				dealt = d.lines
			}
		}
		if !ok {
			out = append(out, lines[start:end]...)
			i = end
			continue
		}
		out = append(out, dealt...)
		changed = true
		i = end
		passed = end
	}
	return out, changed
}

// gridLead returns where the run of lines read across k columns of
// width w that has its first full row at lines[start] begins, no earlier
// than from, and the most column lines of a line of it. pdftotext sets
// the first line of a paragraph, indented, a little off the baseline of
// the lines beside it, and a column's line that holds a gap (a byline)
// may end short: the first rows of the columns come out broken up before
// the first row that is full. Lines of two or more column lines that fit
// the width are taken into the run, and above them the first lines of
// the columns standing alone: as many as the columns that have no line
// on the row below them, or one for each column when that row has them
// all (each column's first line came alone). A headline over the text is
// none of these.
func gridLead(lines []pline, from, start int, w float64, k int) (int, int) {
	segsOf := func(i int) ([]gridSeg, bool) {
		l := lines[i]
		if l.n+1 != lines[i+1].n || isHeaderLine(l.text) {
			return nil, false
		}
		if _, _, by := parseBylineLine(l.text); by {
			return nil, false
		}
		return gridSegs(l.text, w, maxGridCols)
	}
	lone := func(i int) bool {
		segs, ok := segsOf(i)
		return ok && len(segs) == 1 && segs[0].w >= w-3.5 && segs[0].w < w-1 && !endsSentence(segs[0].text)
	}
	j := start
	for j > from && start-j < maxGridLead {
		segs, ok := segsOf(j - 1)
		if !ok {
			break
		}
		if len(segs) >= 2 {
			k = max(k, len(segs))
			j--
			continue
		}
		m := 0
		for j-m > from && lone(j-m-1) {
			m++
		}
		below, _ := gridSegs(lines[j].text, w, maxGridCols)
		if r := len(below); r < k {
			j -= min(m, k-r)
		} else if m >= k {
			j -= k
		}
		break
	}
	return j, k
}

// dealGridLead deals the run lines[start:end] together with the lines
// above it that fit its columns, where gridLead takes none: the first
// rows broken up otherwise than it reads them (the first column's
// indented line alone, the other columns' first lines on the line after
// it, a column ending early with its byline on a line of its own). The
// lines above are taken from the highest that fits, up to a line filling
// a column without a comma or stop (a headline over the columns), as
// long as the run deals with no more column lines that cannot follow the
// one above them (odd) than without them, or deals where alone it did
// not (ok). The columns are as many as the most column lines of a line,
// or one more (the column whose line stood alone): of the two, the deal
// with fewer odd lines, then at less cost. It returns the lines dealt and
// where they begin.
func dealGridLead(lines []pline, from, start, end int, w float64, k, odd int, ok bool, index pairIndex) ([]pline, int, bool) {
	j := start
	var most []int // most[start-i-1]: the most column lines of a line of lines[i:start]
	m := 0
	for j > from && start-j < maxGridLead {
		l := lines[j-1]
		if l.n+1 != lines[j].n || isHeaderLine(l.text) {
			break
		}
		if _, _, by := parseBylineLine(l.text); by {
			break
		}
		segs, fit := gridSegs(l.text, w, maxGridCols)
		if !fit || len(segs) == 1 && segs[0].w >= w-3.5 && !hasAny(l.text, "，。、；：") {
			break // a headline over the columns
		}
		m = max(m, len(segs))
		most = append(most, m)
		j--
	}
	for i := j; i < start; i++ {
		kk := max(k, most[start-i-1])
		var best gridDeal
		found := false
		for _, kc := range [2]int{kk, kk + 1} {
			if kc > maxGridCols {
				continue
			}
			d, good := dealGrid(lines[i:end], w, kc, index)
			if good && (!ok || d.odd <= odd) && (!found || d.odd < best.odd || d.odd == best.odd && d.cost < best.cost) {
				best, found = d, true
			}
		}
		if found {
			return best.lines, i, true
		}
	}
	return nil, start, false
}

// maxGridLead is the most lines gridLead takes in before a run's first
// full row: the first rows broken up, not a run of their own.
const maxGridLead = 8

// gridRun returns the end of the run of lines read across columns of
// width w from lines[start], its number of columns and of full rows.
// With wider, a line may have more column lines than the rows before it.
// The run ends at a blank line, a header line, or a byline or a caption
// with its credit on a line of its own: pdftotext goes on past a picture,
// and into the article below, without a blank line.
func gridRun(lines []pline, start int, w float64, wider bool) (end, k, full int) {
	k = len(gridPieces(lines[start].text))
	end, full = start+1, 1
	for end < len(lines) {
		ps := gridPieces(lines[end].text)
		if fw, ok := fullRow(ps); ok && abs(fw-w) <= 1 && len(ps) >= k {
			k = max(k, len(ps))
			full++
			end++
			continue
		}
		kmax := k
		if wider {
			kmax = maxGridCols
		}
		segs, ok := gridSegs(lines[end].text, w, kmax)
		// a byline on a line of its own opens the next article, a
		// caption with its credit stands under a picture
		if _, _, by := parseBylineLine(lines[end].text); by || parsePhotoCredit(lines[end].text) != nil || !ok || isHeaderLine(lines[end].text) || lines[end].n > lines[end-1].n+1 {
			break
		}
		k = max(k, len(segs))
		end++
	}
	return end, k, full
}

// dealGrid deals the column lines of a run to k columns of width w. Each
// line's column lines stand in neighbouring columns; a line goes on the
// baseline of the line before when it starts right of where that one
// ended, else it starts the next baseline. Of the ways to deal the lines,
// the one is taken (by a beam search) whose column lines best continue
// the lines above them: a column line that is full and ends no sentence
// is followed by one whose first character joins its last as elsewhere
// on the page, a paragraph's first line (indented) follows a sentence
// end, and a column has a line on each baseline, though not much rests on
// that, even where the column's last line is full and ends no sentence:
// on a printed page the lines of articles side by side stand a little off
// each other's baselines, and pdftotext gives the lines of one article
// between the rows of the other. It returns the number of column lines
// that cannot follow the one above them either way, and false when there
// are too many.
func dealGrid(run []pline, w float64, k int, index pairIndex) (gridDeal, bool) {
	type state struct {
		last   []gridSeg // each column's last line, w < 0 if none
		filled uint64    // the columns with a line on the current baseline
		rowEnd int
		cost   float64
		picks  []int8 // the first column of each line of the run
	}
	hanging := func(g gridSeg) bool { return g.w >= w-3.5 && !endsSentence(g.text) }
	start := state{last: make([]gridSeg, k), filled: 1<<k - 1, rowEnd: k - 1}
	for c := range start.last {
		start.last[c].w = -1
	}
	beam := []state{start}
	segsOf := make([][]gridSeg, len(run))
	for li, l := range run {
		segs, _ := gridSegs(l.text, w, k)
		segsOf[li] = segs
		m := len(segs)
		var next []state
		for _, st := range beam {
			for c0 := 0; c0+m <= k; c0++ {
				cost := st.cost
				filled := st.filled
				if c0 > st.rowEnd {
					cost += 0.2 * float64(c0-st.rowEnd-1) // on the same baseline
				} else {
					// a new baseline: the columns had a line on the last
					for c := 0; c < k; c++ {
						if filled&(1<<c) == 0 && st.last[c].w >= 0 {
							cost += 0.15
						}
					}
					cost += 0.2 + 0.3*float64(c0)
					filled = 0
				}
				for j, sg := range segs {
					cost += gridJoin(st.last[c0+j], sg, w, index)
					filled |= 1 << (c0 + j)
				}
				ns := state{last: append([]gridSeg(nil), st.last...), filled: filled, rowEnd: c0 + m - 1, cost: cost}
				copy(ns.last[c0:], segs)
				ns.picks = append(append(make([]int8, 0, li+1), st.picks...), int8(c0))
				next = append(next, ns)
			}
		}
		sort.Slice(next, func(i, j int) bool { return next[i].cost < next[j].cost })
		beam = next[:min(len(next), gridBeam)]
	}
	// at the end of the run, the columns should have ended a paragraph
	best, bestCost := beam[0], -1.0
	for _, st := range beam {
		cost := st.cost
		for _, g := range st.last {
			if g.w >= 0 && hanging(g) {
				cost += 0.6
			}
		}
		if bestCost < 0 || cost < bestCost {
			best, bestCost = st, cost
		}
	}
	cols := make([][]pline, k)
	lasts := make([]gridSeg, k)
	odd := 0 // column lines that cannot follow the one above
	for li, l := range run {
		c0 := int(best.picks[li])
		for j, sg := range segsOf[li] {
			c := c0 + j
			if len(cols[c]) > 0 && !gridFollows(lasts[c], sg, w) {
				odd++
			}
			lasts[c] = sg
			p := l
			p.text, p.w, p.runes = sg.text, lineWidth(sg.text), utf8.RuneCountInString(sg.text)
			p.colStart = false
			cols[c] = append(cols[c], p)
		}
	}
	if odd*maxGridOdd > len(run) {
		return gridDeal{odd: odd, cost: bestCost}, false
	}
	var out []pline
	for c, col := range cols {
		if len(col) == 0 {
			continue
		}
		if c > 0 {
			col[0].colStart = true
		}
		out = append(out, col...)
	}
	return gridDeal{out, odd, bestCost}, true
}

// gridDeal is a run's lines dealt to their columns: the column lines
// that cannot follow the one above them (odd), and the cost of the way
// they were dealt.
type gridDeal struct {
	lines []pline
	odd   int
	cost  float64
}

// maxGridCols is the most columns side by side unweaveGrid reads.
const maxGridCols = 12

// gridBeam is the number of ways of dealing a run's lines kept at each
// line.
const gridBeam = 16

// maxGridOdd is the fewest lines of a run per column line that cannot
// follow the line above it in its column: more such lines, and the run
// is not read as columns. Columns dealt with a few such lines read better
// than the lines left as they came, read across all the columns.
const maxGridOdd = 3

// gridFollows reports whether column line s can follow prev in a column
// of width w: a line short of the column ends a sentence (or is a
// heading), and a line indented as a paragraph's first follows one that
// ends a sentence.
func gridFollows(prev, s gridSeg, w float64) bool {
	if endsSentence(prev.text) {
		return true
	}
	if prev.w < w-3.5 {
		return false
	}
	return !(s.w >= w-3.5 && s.w < w-1 && !endsSentence(s.text))
}

// gridJoin is the cost of reading column line s after prev, the last
// line of its column so far (w < 0 if none).
func gridJoin(prev, s gridSeg, w float64, index pairIndex) float64 {
	switch {
	case prev.w < 0:
		return 0.4
	case endsSentence(prev.text):
		switch {
		case s.w < w-3.5:
			return 0.5 // a one-line paragraph or a heading
		case s.w < w-1:
			return 0 // a paragraph's first line, indented
		}
		return 0.7 // a full line: a paragraph goes on after a sentence end
	case prev.w < w-3.5:
		return 0.8 // a short line that ends no sentence: a heading
	case !gridFollows(prev, s, w):
		return 1.5
	}
	a, b := lastHan(prev.text), firstHan(s.text)
	if a == 0 || b == 0 {
		return 0.3
	}
	if index.count(a, b) > 0 {
		return 0
	}
	return 0.4
}

// gridWidth is the printed width of a column line in character widths
// as a browser sets it: punctuation full width, Latin letters and digits
// half.
func gridWidth(s string) float64 {
	var w float64
	for _, r := range s {
		switch {
		case r == ' ' || r == '\t':
		case r < 0x80:
			w += 0.5
		default:
			w++
		}
	}
	return w
}

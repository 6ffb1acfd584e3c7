package pdf

import (
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// line is a line of text: pieces side by side at the same height, of one
// type size, with no gap wider than a character between them.
type line struct {
	x0, y0, x1, y1 float64
	size           float64
	bold           bool
	color          string
	text           string
	runes          int
	class          class
	row            int     // the line's row on the page: lines side by side share one
	first, last    Text    // the pieces at either end, whose spaces do not count
	pieces         []Text  // the pieces, left to right
	sizeSum        float64 // size × runes of the pieces, for the mean
	boldN          int     // runes in bold
}

func (l *line) h() float64  { return l.y1 - l.y0 }
func (l *line) w() float64  { return l.x1 - l.x0 }
func (l *line) cy() float64 { return (l.y0 + l.y1) / 2 }

// maxPieceGap is the widest gap between two pieces of one line, in type
// sizes, and maxPieceGapPt in points: column gutters are wider (3 mm is
// 8.5 points), also beside headlines in large type.
const (
	maxPieceGap   = 0.6
	maxPieceGapPt = 7.0
)

// buildLines joins the pieces into lines. Pieces are taken from left to
// right, each joining the line that ends just before it at the same
// height and size.
func buildLines(texts []Text) []*line {
	ts := make([]Text, 0, len(texts))
	for _, t := range texts {
		if strings.TrimSpace(t.Text) != "" && t.W > 0 && t.H > 0 {
			ts = append(ts, t)
		}
	}
	sort.SliceStable(ts, func(i, j int) bool {
		if ts[i].X != ts[j].X {
			return ts[i].X < ts[j].X
		}
		return ts[i].Y < ts[j].Y
	})
	const bucket = 4.0
	byRow := map[int][]*line{}
	var lines []*line
	for _, t := range ts {
		cy := t.Y + t.H/2
		var best *line
		bestGap := math.Inf(1)
		k := int(cy / bucket)
		for _, b := range []int{k - 1, k, k + 1} {
			for _, l := range byRow[b] {
				if !sameLine(l, t) {
					continue
				}
				if g := t.X - l.x1; g < bestGap {
					best, bestGap = l, g
				}
			}
		}
		if best == nil {
			l := lineOf([]Text{t})
			lines = append(lines, l)
			byRow[k] = append(byRow[k], l)
			continue
		}
		best.add(t, bestGap)
	}
	lines = splitAtEdges(lines)
	for _, l := range lines {
		l.trimEnds()
		l.text = strings.TrimSpace(strings.ReplaceAll(despace(strings.TrimSpace(l.text)), "\u3000", " "))
		l.size = l.sizeSum / float64(max(1, l.runes))
		l.bold = 2*l.boldN > l.runes
	}
	numberRows(lines)
	sortLines(lines)
	return lines
}

// splitAtEdges splits a line where a piece starts at a column's left
// edge after a gap: the piece's line ran on across a gutter, bridged by
// the width the extractor gives to a space at the end of a column's line.
// A column's left edge is where several lines start.
func splitAtEdges(lines []*line) []*line {
	starts := map[int]int{}
	for _, l := range lines {
		starts[int(math.Round(l.x0))]++
	}
	isEdge := func(x float64) bool {
		k := int(math.Round(x))
		return starts[k-1]+starts[k]+starts[k+1] >= 4
	}
	var out []*line
	for _, l := range lines {
		cut := 0
		for i := 1; i < len(l.pieces); i++ {
			p, t := l.pieces[i-1], l.pieces[i]
			trail := p.Text[len(strings.TrimRightFunc(p.Text, unicode.IsSpace)):]
			if trail == "" || !isEdge(t.X) {
				continue
			}
			out = append(out, lineOf(l.pieces[cut:i]))
			cut = i
		}
		if cut == 0 {
			out = append(out, l)
			continue
		}
		out = append(out, lineOf(l.pieces[cut:]))
	}
	return out
}

// lineOf makes a line of pieces that follow each other.
func lineOf(ps []Text) *line {
	t := ps[0]
	l := &line{x0: t.X, y0: t.Y, x1: t.X + t.W, y1: t.Y + t.H, size: t.Size, bold: t.Bold, color: t.Color}
	l.text = t.Text
	l.runes = utf8.RuneCountInString(t.Text)
	l.sizeSum = t.Size * float64(l.runes)
	l.first, l.last = t, t
	l.pieces = []Text{t}
	if t.Bold {
		l.boldN = l.runes
	}
	for _, p := range ps[1:] {
		l.add(p, p.X-l.x1)
	}
	return l
}

// numberRows gives each line the number of its row: lines whose middles
// are within a third of a line of each other share a row, whatever their
// tops (a bracket's box starts higher than a character's).
func numberRows(lines []*line) {
	sort.SliceStable(lines, func(i, j int) bool { return lines[i].cy() < lines[j].cy() })
	row := 0
	for i, l := range lines {
		if i > 0 {
			p := lines[i-1]
			if l.cy()-p.cy() > 0.35*math.Min(l.h(), p.h()) {
				row++
			}
		}
		l.row = row
	}
}

// sortLines puts lines in page order: by row, then from left to right.
func sortLines(lines []*line) {
	sort.SliceStable(lines, func(i, j int) bool {
		if lines[i].row != lines[j].row {
			return lines[i].row < lines[j].row
		}
		return lines[i].x0 < lines[j].x0
	})
}

// sameLine reports whether piece t continues line l.
func sameLine(l *line, t Text) bool {
	s := math.Min(l.size, t.Size)
	if s <= 0 || math.Max(l.size, t.Size)/s > 1.3 {
		return false
	}
	g := t.X - l.x1
	if g < -0.5*s || g > math.Min(maxPieceGap*s, maxPieceGapPt) {
		return false
	}
	cy := t.Y + t.H/2
	return math.Abs(cy-l.cy()) <= 0.35*math.Min(t.H, l.h())
}

// add appends piece t to the line, gap points after its end.
func (l *line) add(t Text, gap float64) {
	n := utf8.RuneCountInString(t.Text)
	if gap > 0.25*math.Min(l.size, t.Size) {
		l.text += " "
	}
	l.text += t.Text
	// The line's size and weight are those of most of its characters.
	if n > l.runes {
		l.color = t.Color
	}
	l.sizeSum += t.Size * float64(n)
	if t.Bold {
		l.boldN += n
	}
	l.runes += n
	l.pieces = append(l.pieces, t)
	if t.X+t.W >= l.x1 {
		l.last = t
	}
	l.x1 = math.Max(l.x1, t.X+t.W)
	l.y0 = math.Min(l.y0, t.Y)
	l.y1 = math.Max(l.y1, t.Y+t.H)
}

// despace takes out letter-spacing. In a justified line of Chinese the
// characters stand apart and the extractor puts a single space between
// many of them; such spaces go, and a run of two or more (a real space,
// widened) becomes one. A space printed as such (U+3000, which the reader
// gives for typographic spaces) stays. A line without letter-spacing is
// kept as it is.
func despace(s string) string {
	rs := []rune(s)
	wide, singles := 0, 0
	for i, r := range rs {
		if isWideRune(r) {
			wide++
			if i+2 < len(rs) && rs[i+1] == ' ' && isWideRune(rs[i+2]) {
				singles++
			}
		}
	}
	if singles < 2 || 3*singles < wide {
		return s
	}
	var sb strings.Builder
	for i := 0; i < len(rs); i++ {
		if rs[i] != ' ' {
			sb.WriteRune(rs[i])
			continue
		}
		j := i
		for j < len(rs) && rs[j] == ' ' {
			j++
		}
		single := j-i == 1
		prevWide := i > 0 && isWideRune(rs[i-1])
		nextWide := j < len(rs) && isWideRune(rs[j])
		if !(single && (prevWide || nextWide)) {
			sb.WriteByte(' ')
		}
		i = j - 1
	}
	return sb.String()
}

// isWideRune reports whether r is a Chinese character or full-width mark.
func isWideRune(r rune) bool {
	return r >= 0x2E80 && r <= 0x9FFF || r >= 0xF900 && r <= 0xFAFF || r >= 0xFF00 && r <= 0xFF60 || r >= 0x3000 && r <= 0x303F || r == '“' || r == '”' || r == '‘' || r == '’' || r == '—' || r == '…'
}

// trimEnds takes the spaces at either end of the line out of its box:
// the extractor counts their width, which can bridge a gutter. The width
// of a piece is shared out by its characters' widths.
func (l *line) trimEnds() {
	if t := l.last; strings.TrimRightFunc(t.Text, unicode.IsSpace) != t.Text {
		if all := textWidth(t.Text); all > 0 {
			l.x1 -= textWidth(t.Text[len(strings.TrimRightFunc(t.Text, unicode.IsSpace)):]) * t.W / all
		}
	}
	if t := l.first; strings.TrimLeftFunc(t.Text, unicode.IsSpace) != t.Text {
		if all := textWidth(t.Text); all > 0 {
			l.x0 += textWidth(t.Text[:len(t.Text)-len(strings.TrimLeftFunc(t.Text, unicode.IsSpace))]) * t.W / all
		}
	}
	l.x1 = math.Max(l.x1, l.x0)
}

// textWidth is the width of s in ems: a Chinese character or full-width
// mark is one, anything else a half.
func textWidth(s string) float64 {
	w := 0.0
	for _, r := range s {
		if isWideRune(r) {
			w++
		} else {
			w += 0.5
		}
	}
	return w
}

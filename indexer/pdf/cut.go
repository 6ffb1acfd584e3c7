package pdf

import (
	"math"
	"sort"
	"strings"
)

// blockKind is what a block of lines is.
type blockKind int

const (
	bText    blockKind = iota // article text
	bHead                     // headline type: kicker, headline, subtitle, a box's label
	bCaption                  // a photo caption
	bBrief                    // text opened by a bold title: items of briefs
)

// block is a run of lines of one kind in one column: a leaf of the cut.
type block struct {
	lines          []*line
	x0, y0, x1, y1 float64
	kind           blockKind
	path           []int // the nodes of the cut from the page down to the block
	order          int   // place in reading order
}

func (b *block) text() string {
	var sb strings.Builder
	for _, l := range b.lines {
		sb.WriteString(l.text)
	}
	return sb.String()
}

// cutter cuts a page into blocks, recursively along the widest clear
// bands (XY cut): first across wide gaps (between articles), then down
// the gutters, then across narrow gaps (between a headline and its text).
type cutter struct {
	st                 stats
	hBig, hSmall, vGap float64
	nodes              int
	blocks             []*block
}

// cutPage cuts the lines into blocks in reading order.
func cutPage(lines []*line, st stats) []*block {
	c := &cutter{st: st,
		hBig:   st.lineGap + 1.1*st.body,
		hSmall: st.lineGap + 0.3*st.body,
		vGap:   0.5 * st.body,
	}
	c.cut(lines, nil)
	for i, b := range c.blocks {
		b.order = i
	}
	return c.blocks
}

func (c *cutter) cut(lines []*line, path []int) {
	c.nodes++
	path = append(path[:len(path):len(path)], c.nodes)
	if len(lines) == 0 {
		return
	}
	for _, split := range []func() [][]*line{
		func() [][]*line { return splitAlong(lines, c.hBig, false) },
		func() [][]*line { return splitAlong(lines, c.vGap, true) },
		func() [][]*line { return splitAlong(lines, c.hSmall, false) },
	} {
		if parts := split(); len(parts) > 1 {
			for _, p := range parts {
				c.cut(p, path)
			}
			return
		}
	}
	c.leaf(lines, path)
}

// splitAlong splits lines at the clear bands at least gap wide, across
// the page (down it when vertical), in order.
func splitAlong(lines []*line, gap float64, vertical bool) [][]*line {
	lo := func(l *line) float64 { return l.y0 }
	hi := func(l *line) float64 { return l.y1 }
	if vertical {
		lo = func(l *line) float64 { return l.x0 }
		hi = func(l *line) float64 { return l.x1 }
	}
	s := append([]*line(nil), lines...)
	sort.SliceStable(s, func(i, j int) bool { return lo(s[i]) < lo(s[j]) })
	var parts [][]*line
	start, end := 0, hi(s[0])
	for i := 1; i < len(s); i++ {
		if lo(s[i])-end >= gap {
			parts = append(parts, s[start:i])
			start = i
		}
		end = math.Max(end, hi(s[i]))
	}
	parts = append(parts, s[start:])
	for _, p := range parts {
		sortLines(p)
	}
	return parts
}

// leaf splits a leaf of the cut where the kind of type changes (a
// headline sitting close above its columns), and cuts each run again: the
// columns under a headline are cut apart once the headline is out of the
// way.
func (c *cutter) leaf(lines []*line, path []int) {
	kindOf := func(l *line) int {
		switch {
		case isHeadClass(l.class):
			return 1
		case l.class == cSmall:
			return 2
		}
		return 0
	}
	var runs [][]*line
	start := 0
	for i := 1; i <= len(lines); i++ {
		if i < len(lines) && kindOf(lines[i]) == kindOf(lines[start]) {
			continue
		}
		runs = append(runs, lines[start:i])
		start = i
	}
	if len(runs) == 1 {
		c.add(lines, path, kindOf(lines[0]))
		return
	}
	for _, r := range runs {
		c.cut(r, path)
	}
}

func (c *cutter) add(lines []*line, path []int, k int) {
	b := &block{lines: lines, path: path, x0: math.Inf(1), y0: math.Inf(1), x1: math.Inf(-1), y1: math.Inf(-1)}
	for _, l := range lines {
		b.x0, b.y0 = math.Min(b.x0, l.x0), math.Min(b.y0, l.y0)
		b.x1, b.y1 = math.Max(b.x1, l.x1), math.Max(b.y1, l.y1)
	}
	text := b.text()
	switch {
	case k == 1:
		b.kind = bHead
	case k == 2 && isCaptionText(text):
		b.kind = bCaption
	case k == 0 && len(lines) <= 4 && endsWithCredit(text):
		// In body type, only a block ending with a photo credit: text
		// in a column may well say 图为…….
		b.kind = bCaption
	case k == 0 && lines[0].class == cBold && hasBodyLine(lines):
		b.kind = bBrief
	default:
		b.kind = bText
	}
	c.blocks = append(c.blocks, b)
}

func hasBodyLine(lines []*line) bool {
	for _, l := range lines {
		if l.class == cBody {
			return true
		}
	}
	return false
}

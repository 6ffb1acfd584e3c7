package pdf

import (
	"math"
	"sort"

	"baoku/indexer/article"
)

// draft is an article being put together: its headline group and the
// blocks that belong to it.
type draft struct {
	head  []*block // kicker, headline, subtitle; empty for an article without a headline
	body  []*block // text and captions, in reading order
	brief bool
	order int
	// For items of briefs, the lines of the title and of the text.
	titleLines, textLines []*line
}

func (d *draft) all() []*block { return append(append([]*block(nil), d.head...), d.body...) }

// bounds returns the rectangle the blocks cover.
func bounds(bs []*block) (x0, y0, x1, y1 float64) {
	x0, y0, x1, y1 = math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, b := range bs {
		x0, y0 = math.Min(x0, b.x0), math.Min(y0, b.y0)
		x1, y1 = math.Max(x1, b.x1), math.Max(y1, b.y1)
	}
	return
}

// boxes returns the article's region: the rectangle around its blocks.
func (d *draft) boxes() []article.Box {
	var bs []*block
	if d.brief {
		x0, y0, x1, y1 := lineBounds(append(append([]*line(nil), d.titleLines...), d.textLines...))
		return []article.Box{{X: x0, Y: y0, W: x1 - x0, H: y1 - y0}}
	}
	bs = d.all()
	x0, y0, x1, y1 := bounds(bs)
	return []article.Box{{X: x0, Y: y0, W: x1 - x0, H: y1 - y0}}
}

func lineBounds(ls []*line) (x0, y0, x1, y1 float64) {
	x0, y0, x1, y1 = math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, l := range ls {
		x0, y0 = math.Min(x0, l.x0), math.Min(y0, l.y0)
		x1, y1 = math.Max(x1, l.x1), math.Max(y1, l.y1)
	}
	return
}

// assemble groups the blocks into articles, in reading order. Each group
// of headline blocks opens an article; every other block goes to the
// headline above it in the smallest part of the cut that has one (the
// headline of its box), else to the nearest headline above that it lies
// under. Items of briefs are articles of their own.
func assemble(blocks []*block, st stats) []*draft {
	groups := headGroups(blocks, st)
	intertitles(blocks, groups, st)
	var out []*draft
	for _, g := range groups {
		out = append(out, g)
	}
	// Blocks right under a headline go to it first; the others then go
	// to the article whose columns stand beside them.
	owners := map[*block]*draft{}
	var unsure []*block
	for _, b := range blocks {
		if b.kind != bText && b.kind != bCaption {
			continue
		}
		g, sure := owner(b, groups, st)
		if !sure {
			g = clearAbove(b, groups, blocks, st)
			sure = g != nil
		}
		if sure {
			owners[b] = g
		} else {
			unsure = append(unsure, b)
		}
	}
	// Each pass settles the blocks it can; a block settled may settle
	// its neighbour in the next.
	for len(unsure) > 0 {
		var left []*block
		for _, b := range unsure {
			if g := besideOwner(b, owners, st); g != nil {
				owners[b] = g
			} else if g := nodeOwner(b, blocks, owners); g != nil {
				owners[b] = g
			} else {
				left = append(left, b)
			}
		}
		if len(left) == len(unsure) {
			for _, b := range left {
				if g, _ := owner(b, groups, st); g != nil {
					owners[b] = g
				}
			}
			break
		}
		unsure = left
	}
	var orphan *draft
	for _, b := range blocks {
		switch b.kind {
		case bHead:
			orphan = nil
			continue
		case bBrief:
			orphan = nil
			out = append(out, briefItems(b)...)
			continue
		}
		g := owners[b]
		if g == nil {
			// Text before any headline above it: an article of its own
			// (its headline is derived), continued by the next orphans.
			if orphan == nil {
				orphan = &draft{order: b.order}
				out = append(out, orphan)
			}
			orphan.body = append(orphan.body, b)
			continue
		}
		g.body = append(g.body, b)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].order < out[j].order })
	return out
}

// intertitles tells the text opened by a bold title that continues an
// article (an intertitle, 小标题) from the items of a box of briefs: the
// block lies right under a headline, and that headline is an article's,
// not a box's label (a few characters: 简讯, 新闻速览). Such blocks become
// text.
func intertitles(blocks []*block, groups []*draft, st stats) {
	for _, b := range blocks {
		if b.kind != bBrief {
			continue
		}
		g, sure := owner(b, groups, st)
		if !sure || isLabel(g) {
			continue
		}
		b.kind = bText
	}
}

// isLabel reports whether a headline group is only a box's label: one
// short line, four characters or so.
func isLabel(g *draft) bool {
	n := 0
	for _, h := range g.head {
		for _, l := range h.lines {
			n += l.runes
		}
	}
	return n <= 6
}

// headGroups joins headline blocks that sit one above the other (kicker,
// headline, subtitle) into groups.
func headGroups(blocks []*block, st stats) []*draft {
	var groups []*draft
	for _, b := range blocks {
		if b.kind != bHead {
			continue
		}
		var into *draft
		for _, g := range groups {
			if adjacent(g, b) {
				into = g
				break
			}
		}
		if into == nil {
			into = &draft{order: b.order}
			groups = append(groups, into)
		}
		into.head = append(into.head, b)
	}
	for _, g := range groups {
		sort.SliceStable(g.head, func(i, j int) bool { return g.head[i].y0 < g.head[j].y0 })
	}
	return groups
}

// adjacent reports whether headline block b sits right above or below
// group g, overlapping it across.
func adjacent(g *draft, b *block) bool {
	x0, y0, x1, y1 := bounds(g.head)
	size := 0.0
	for _, h := range append([]*block{b}, g.head...) {
		for _, l := range h.lines {
			size = math.Max(size, l.size)
		}
	}
	gap := math.Max(b.y0-y1, y0-b.y1)
	overlap := math.Min(x1, b.x1) - math.Max(x0, b.x0)
	return gap <= 0.9*size && overlap > 0.3*math.Min(x1-x0, b.x1-b.x0)
}

// owner finds the article a block belongs to: going up the cut from the
// block, the first part that holds a headline above the block; among
// several, the nearest above that it lies under. sure is false when the
// block lies under none of them.
func owner(b *block, groups []*draft, st stats) (g *draft, sure bool) {
	tol := 0.5 * st.body
	for k := len(b.path) - 1; k >= 0; k-- {
		node := b.path[k]
		var cands []*draft
		for _, g := range groups {
			if g.head[0].y0 > b.y0+tol || !within(g, node) {
				continue
			}
			_, _, _, y1 := bounds(g.head)
			if y1 <= b.y0+tol {
				cands = append(cands, g)
			}
		}
		if len(cands) == 0 {
			continue
		}
		return nearest(b, cands, st)
	}
	return nil, false
}

// besideOwner finds the article of a block that lies under no headline
// by the columns beside it: the article whose block stands next to it,
// its top or bottom level with it; the block to its left wins when the
// block goes on with its text (its first line is not indented).
func besideOwner(b *block, owners map[*block]*draft, st stats) *draft {
	var best *draft
	bestCost := math.Inf(1)
	for o, g := range owners {
		if o.kind != bText || math.Min(o.y1, b.y1)-math.Max(o.y0, b.y0) <= 0 {
			continue
		}
		dx := math.Max(o.x0-b.x1, b.x0-o.x1)
		if dx < 0 || dx > 4*st.body || math.Abs(o.y0-b.y0) > 2*st.body && math.Abs(o.y1-b.y1) > 2*st.body {
			continue
		}
		cost := math.Abs(o.y0-b.y0) + 0.5*math.Abs(o.y1-b.y1) + dx
		if o.x1 <= b.x0 && !indented(b.lines[0], b.lines) {
			cost -= 2 * st.body
		}
		if cost < bestCost {
			best, bestCost = g, cost
		}
	}
	return best
}

// within reports whether a block of g lies in the cut's node.
func within(g *draft, node int) bool {
	for _, h := range g.head {
		for _, n := range h.path {
			if n == node {
				return true
			}
		}
	}
	return false
}

// nearest returns the group right above b: among those it lies under,
// the lowest, sure when no other headline stands wholly between them;
// else the closest.
func nearest(b *block, cands []*draft, st stats) (*draft, bool) {
	var best *draft
	bestY := math.Inf(-1)
	for _, g := range cands {
		x0, _, x1, y1 := bounds(g.head)
		if math.Min(x1, b.x1)-math.Max(x0, b.x0) > 0 && y1 > bestY {
			best, bestY = g, y1
		}
	}
	if best != nil {
		for _, g := range cands {
			if _, y0, _, _ := bounds(g.head); y0 > bestY+st.body {
				return best, false
			}
		}
		return best, true
	}
	bestD := math.Inf(1)
	for _, g := range cands {
		x0, _, x1, y1 := bounds(g.head)
		dx := math.Max(0, math.Max(x0-b.x1, b.x0-x1))
		if d := (b.y0 - y1) + 2*dx; d < bestD {
			best, bestD = g, d
		}
	}
	return best, false
}

// clearAbove finds the headline a block lies under with nothing printed
// between them (a photo under a headline, its caption below), however
// the page was cut; nil when there is none.
func clearAbove(b *block, groups []*draft, blocks []*block, st stats) *draft {
	var best *draft
	bestY := math.Inf(-1)
	for _, g := range groups {
		x0, _, x1, y1 := bounds(g.head)
		if y1 <= b.y0+0.5*st.body && y1 > bestY && math.Min(x1, b.x1)-math.Max(x0, b.x0) > 0 {
			best, bestY = g, y1
		}
	}
	if best == nil {
		return nil
	}
	for _, o := range blocks {
		if o == b || o.y1 <= bestY || o.y0 >= b.y0 {
			continue
		}
		if math.Min(o.x1, b.x1)-math.Max(o.x0, b.x0) > 0 {
			return nil // something printed between them
		}
	}
	return best
}

// nodeOwner finds the article of a block that lies under no headline by
// the part of the cut it is in: the article most of whose text is in the
// smallest part that holds text already settled (the part is the box of
// an article, more often than not).
func nodeOwner(b *block, blocks []*block, owners map[*block]*draft) *draft {
	for k := len(b.path) - 2; k >= 0; k-- {
		node := b.path[k]
		weight := map[*draft]int{}
		var best *draft
		for _, o := range blocks {
			g, ok := owners[o]
			if !ok || o == b || !inNode(o, node) {
				continue
			}
			weight[g] += len(o.lines)
			if best == nil || weight[g] > weight[best] {
				best = g
			}
		}
		if best != nil {
			return best
		}
	}
	return nil
}

func inNode(b *block, node int) bool {
	for _, n := range b.path {
		if n == node {
			return true
		}
	}
	return false
}

// briefItems splits a block of briefs into its items, each opened by its
// bold title.
func briefItems(b *block) []*draft {
	var out []*draft
	var cur *draft
	for _, l := range b.lines {
		if l.class == cBold && (cur == nil || len(cur.textLines) > 0) {
			cur = &draft{brief: true, order: b.order}
			out = append(out, cur)
		}
		if cur == nil {
			continue
		}
		if l.class == cBold && len(cur.textLines) == 0 {
			cur.titleLines = append(cur.titleLines, l)
		} else {
			cur.textLines = append(cur.textLines, l)
		}
	}
	return out
}

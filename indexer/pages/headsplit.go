package pages

// splitBetweenHeads cuts a draft in two where the text of one article
// runs into the text of the next: a draft with a headline block before it
// and another after it, whose first part holds the words of the block
// before and hardly any of the block after, and whose second part holds
// the words of the block after and none of the block before, is two
// articles (the second's headline printed under its text). The cut falls
// at the start of a paragraph; the blocks' references are renumbered.
func splitBetweenHeads(drafts []*draft, blocks []*block) ([]*draft, []*block) {
	before := map[int]*block{}
	after := map[int]*block{}
	for _, b := range blocks {
		if b.next >= 0 && len(b.lines) > 0 {
			before[b.next] = b
		}
		if b.prev >= 0 && b.prev != b.next && len(b.lines) > 0 {
			after[b.prev] = b
		}
	}
	var out []*draft
	start := make([]int, len(drafts))
	end := make([]int, len(drafts))
	cut := false
	for i, d := range drafts {
		start[i] = len(out)
		out = append(out, d)
		end[i] = start[i]
		bb, ba := before[i], after[i]
		if bb == nil || ba == nil || bb == ba {
			continue
		}
		k := headCut(d, groupText(bb.lines), groupText(ba.lines))
		if k < 0 {
			continue
		}
		e := &draft{lines: append([]pline(nil), d.lines[k:]...), ended: d.ended}
		at := d.lines[k].n
		d.lines = d.lines[:k:k]
		var keep []pline
		for _, l := range d.bylines {
			if l.n >= at {
				e.bylines = append(e.bylines, l)
			} else {
				keep = append(keep, l)
			}
		}
		d.bylines = keep
		d.ended = false
		d.setBody()
		e.setBody()
		out = append(out, e)
		end[i] = len(out) - 1
		cut = true
	}
	if !cut {
		return drafts, blocks
	}
	for _, b := range blocks {
		if b.prev >= 0 {
			b.prev = end[b.prev]
		}
		if b.next >= 0 {
			b.next = start[b.next]
		}
	}
	return out, blocks
}

// minCutLines is the fewest lines of text each part of a cut draft keeps.
const minCutLines = 4

// headCut returns where draft d's lines divide between the article
// headed by text above (the block before it) and the one headed by text
// below (the block after it), or -1 when they do not: at the first
// paragraph start after the last words of above, when no words of below
// occur before it and at least three different pairs of them after.
func headCut(d *draft, above, below string) int {
	ha, hb := hanBigrams(above, maxHeadline*4), hanBigrams(below, maxHeadline*4)
	if len(ha) < 3 || len(hb) < 3 {
		return -1
	}
	n := len(d.lines)
	if n < 2*minCutLines {
		return -1
	}
	// the line each pair of the headlines first and last occurs on
	firstB, lastA := n, -1
	firstAt := map[[2]rune]int{}
	var prev rune // a pair may run across the line end
	for li, l := range d.lines {
		prev = hanPairs(l.text, prev, func(p [2]rune) bool {
			if ha[p] {
				lastA = li
			}
			if hb[p] {
				if _, ok := firstAt[p]; !ok {
					firstAt[p] = li
				}
				firstB = min(firstB, li)
			}
			return true
		})
	}
	// the words of above stop before those of below begin, and several
	// words of below recur (not one pair by chance)
	if lastA < 0 || firstB >= n || lastA >= firstB || len(firstAt) < 3 {
		return -1
	}
	// the first paragraph start after the last words of above
	for k := lastA + 1; k <= firstB; k++ {
		if k < minCutLines || n-k < minCutLines {
			continue
		}
		l, p := d.lines[k], d.lines[k-1]
		if (l.kind == kBody || l.kind == kStart) && (p.kind == kBreak || endsSentence(p.text)) {
			return k
		}
	}
	return -1
}

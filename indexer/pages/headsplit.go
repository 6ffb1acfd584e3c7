package pages

// splitBetweenHeads cuts a draft in two where the text of one article
// runs into the text of the next: a draft with a headline block before it
// and another after it, whose first part holds the words of the block
// before and hardly any of the block after, and whose second part holds
// the words of the block after and none of the block before, is two
// articles (the second's headline printed under its text). So is a draft
// next to a block of two headlines whose words part its text in the same
// way (blockCut). The cut falls at the start of a paragraph; the blocks'
// references are renumbered.
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
		k := -1
		var dp []pairAt // the draft's pairs, read once for all the cuts tried
		if (bb != nil || ba != nil) && len(d.lines) >= 2*minCutLines {
			dp = draftPairs(d)
		}
		if bb != nil && ba != nil && bb != ba {
			var next *draft // the text after the block below
			if ba.next >= 0 && ba.next != i {
				next = drafts[ba.next]
			}
			k = headCut(d, dp, next, groupText(bb.lines), groupText(ba.lines), false)
		}
		var by *block // the block of two headlines whose words part d
		for _, b := range []*block{bb, ba} {
			if k < 0 && b != nil {
				if k = blockCut(d, dp, b); k >= 0 {
					by = b
				}
			}
		}
		if k < 0 {
			continue
		}
		e := &draft{lines: append([]pline(nil), d.lines[k:]...), ended: d.ended}
		if by != nil {
			d.cutBy, e.cutBy = by, by
		}
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
// occur before it and at least three different pairs of them after. When
// the words of the two are mixed, mixedCut finds the cut; next is the
// draft after the block below, or nil. With block set, above and below
// are two headlines of one block: at least three different pairs of
// above must occur too (above may head the text on the block's other
// side), and their words may be mixed only as blockMixedCut allows. dp
// is draftPairs(d).
func headCut(d *draft, dp []pairAt, next *draft, above, below string, block bool) int {
	n := len(d.lines)
	if n < 2*minCutLines {
		return -1
	}
	ha, hb := hanBigrams(above, maxHeadline*4), hanBigrams(below, maxHeadline*4)
	if len(ha) < 3 || len(hb) < 3 {
		return -1
	}
	// the line each pair of the headlines first and last occurs on
	firstB, lastA := n, -1
	spanA, spanB := map[[2]rune][2]int{}, map[[2]rune][2]int{}
	for _, x := range dp {
		if ha[x.p] {
			lastA = x.li
			noteSpan(spanA, x.p, x.li)
		}
		if hb[x.p] {
			firstB = min(firstB, x.li)
			noteSpan(spanB, x.p, x.li)
		}
	}
	// several words of below recur (not one pair by chance)
	if lastA < 0 || firstB >= n || len(spanB) < 3 || block && len(spanA) < 3 {
		return -1
	}
	// the words of above stop before those of below begin
	if lastA >= firstB {
		if block {
			return blockMixedCut(d, spanA, spanB)
		}
		return mixedCut(d, spanA, spanB, len(hb), pairsIn(next, hb))
	}
	// the first paragraph start after the last words of above
	for k := lastA + 1; k <= firstB; k++ {
		if k < minCutLines || n-k < minCutLines {
			continue
		}
		if paragraphStart(d, k) {
			return k
		}
	}
	return -1
}

// maxBlockCut is the most lines of a block parted by blockCut.
const maxBlockCut = 8

// blockCut returns where draft d's lines divide between the articles of
// two headlines set together in block b, before or after d, or -1: the
// block's lines parted at some line into an upper headline and a lower
// one, in the order of their articles, as headCut finds.
func blockCut(d *draft, dp []pairAt, b *block) int {
	if len(b.lines) > maxBlockCut {
		return -1 // a column of briefs' headlines, not two headlines: keep the work linear
	}
	for j := 1; j < len(b.lines); j++ {
		if k := headCut(d, dp, nil, groupText(b.lines[:j]), groupText(b.lines[j:]), true); k >= 0 {
			return k
		}
	}
	return -1
}

// pairAt is a pair of adjacent Chinese characters and the line of a
// draft that it ends on.
type pairAt struct {
	p  [2]rune
	li int
}

// draftPairs returns the pairs of draft d's lines in order; a pair may
// run across the end of a line.
func draftPairs(d *draft) []pairAt {
	n := 0 // at most one pair a character (three bytes)
	for _, l := range d.lines {
		n += len(l.text) / 3
	}
	out := make([]pairAt, 0, n)
	var prev rune
	for li, l := range d.lines {
		prev = hanPairs(l.text, prev, func(p [2]rune) bool {
			out = append(out, pairAt{p, li})
			return true
		})
	}
	return out
}

// paragraphStart reports whether line k of draft d opens a paragraph.
func paragraphStart(d *draft, k int) bool {
	l, p := d.lines[k], d.lines[k-1]
	return (l.kind == kBody || l.kind == kStart) && (p.kind == kBreak || endsSentence(p.text))
}

// noteSpan records line li in the first and last lines pair p occurs on.
func noteSpan(spans map[[2]rune][2]int, p [2]rune, li int) {
	if sp, ok := spans[p]; ok {
		spans[p] = [2]int{sp[0], li}
	} else {
		spans[p] = [2]int{li, li}
	}
}

// minMixedGain is the least number of the pairs of the headline below
// that the part of a cut draft under the cut must hold and the part above
// it must not, beyond those that both hold, when the words of the two
// headlines are mixed in the draft.
const minMixedGain = 3

// mixedCut returns where draft d's lines divide between the article
// headed by the block above and the one headed by the block below when
// some words of each headline occur in the other's text too (a common
// pair such as 未来 or 第一 in the other article), or -1. spanA and spanB
// hold, for each pair of the headlines above and below, the first and
// last line it occurs on; nb is the number of pairs of below and nNext
// the number of them in the text after the block below. For each
// paragraph start, each headline gains the pairs that occur only in its
// own part and loses those that occur only in the other. The cut falls
// where the gains together are greatest, of the paragraph starts where
// above gains at least two pairs and half the pairs of its part, below at
// least minMixedGain, and below's part holds half its pairs and more of
// them than the text after the block below (where an intertitle's words
// recur, not a headline's printed under its text).
func mixedCut(d *draft, spanA, spanB map[[2]rune][2]int, nb, nNext int) int {
	n := len(d.lines)
	best, bestK := 0, -1
	for k := minCutLines; k <= n-minCutLines; k++ {
		if !paragraphStart(d, k) {
			continue
		}
		aGain, bGain, aBefore, bAfter := 0, 0, 0, 0
		for _, sp := range spanA {
			if sp[0] < k {
				aGain++
				aBefore++
			}
			if sp[1] >= k {
				aGain--
			}
		}
		for _, sp := range spanB {
			if sp[1] >= k {
				bGain++
				bAfter++
			}
			if sp[0] < k {
				bGain--
			}
		}
		if aGain < 2 || 2*aGain < aBefore || bGain < minMixedGain || 2*bAfter < nb || bAfter <= nNext {
			continue
		}
		if s := aGain + bGain; s > best {
			best, bestK = s, k
		}
	}
	return bestK
}

// pairsIn counts the pairs of hb that occur in draft d's lines.
func pairsIn(d *draft, hb map[[2]rune]bool) int {
	if d == nil {
		return 0
	}
	seen := map[[2]rune]bool{}
	var prev rune
	for _, l := range d.lines {
		prev = hanPairs(l.text, prev, func(p [2]rune) bool {
			if hb[p] {
				seen[p] = true
			}
			return true
		})
	}
	return len(seen)
}

// blockMixedCut returns where draft d's lines divide between the articles
// of two headlines of one block when a word or two of one also occur in
// the other's text (夜市 in the text after 老街夜市重新开张), or -1: the
// paragraph start with the most pairs of above only before it and of
// below only after it, three or more of each, where at most one pair of
// each, and no more than a quarter of its pairs, crosses to the other
// side. Two parts of one headline (a kicker and its headline) have their
// words mixed all through their text, more than that. spanA and spanB
// are as for mixedCut.
func blockMixedCut(d *draft, spanA, spanB map[[2]rune][2]int) int {
	n := len(d.lines)
	best, bestK := 0, -1
	for k := minCutLines; k <= n-minCutLines; k++ {
		if !paragraphStart(d, k) {
			continue
		}
		aIn, aOut, bIn, bOut := 0, 0, 0, 0
		for _, sp := range spanA {
			if sp[1] >= k {
				aOut++
			} else {
				aIn++
			}
		}
		for _, sp := range spanB {
			if sp[0] < k {
				bOut++
			} else {
				bIn++
			}
		}
		if aOut > 1 || bOut > 1 || aIn < 3 || bIn < 3 || 4*aOut > len(spanA) || 4*bOut > len(spanB) {
			continue
		}
		if s := aIn + bIn; s > best {
			best, bestK = s, k
		}
	}
	return bestK
}

package pages

// Long features are broken by intertitles (小标题): a short line in bold
// between paragraphs. In extracted text one looks like the headline of a
// new article with no byline. An intertitle is told from a headline by
// what follows it: the text goes on with the article before (it shares
// much of its vocabulary) and opens with no byline or dateline.

// minCohesion is the least share of the character pairs of the text after
// a one-line block that must occur in the article before it for the line
// to be read as an intertitle.
const minCohesion = 0.05

// photoItem is the longest text, in runes, of a picture item: a short
// headline over a caption that ends in a photo credit.
const photoItem = 400

// mergeIntertitles folds the article after a short headline block into
// the article before it, with the line kept as a paragraph, when that
// block is an intertitle; the blocks' references are renumbered.
func mergeIntertitles(drafts []*draft, blocks []*block) ([]*draft, []*block) {
	into := make([]int, len(drafts)) // where each draft ends up
	for i := range into {
		into[i] = i
	}
	var keep []*block
	for _, b := range blocks {
		if b.prev < 0 || b.next != b.prev+1 || !isIntertitle(b, drafts[into[b.prev]], drafts[b.next]) {
			keep = append(keep, b)
			continue
		}
		prev, next := drafts[into[b.prev]], drafts[b.next]
		for i, l := range b.lines {
			l.kind = kBody
			if i == len(b.lines)-1 {
				l.kind = kBreak // the intertitle is a paragraph of its own
			}
			prev.lines = append(prev.lines, l)
		}
		prev.lines = append(prev.lines, next.lines...)
		prev.bylines = append(prev.bylines, next.bylines...)
		prev.body = buildBody(prev.lines, nil, nil)
		next.lines, next.bylines = nil, nil
		into[b.next] = into[b.prev]
	}
	if len(keep) == len(blocks) {
		return drafts, blocks
	}
	var out []*draft
	idx := make([]int, len(drafts))
	for i, d := range drafts {
		if into[i] != i {
			idx[i] = idx[into[i]]
			continue
		}
		idx[i] = len(out)
		out = append(out, d)
	}
	renumber(keep, idx)
	return out, keep
}

// isIntertitle reports whether a block is an intertitle inside prev, the
// article before it, rather than the headline of next: one or two short lines, between two articles, the one after
// opening with plain text (no dateline, no byline anywhere) that goes on
// with the vocabulary of the one before.
func isIntertitle(b *block, prev, next *draft) bool {
	if len(b.lines) > 2 {
		return false
	}
	n := 0
	for _, l := range b.lines {
		if l.kind != kHead {
			return false
		}
		n += runeCountMax(l.text, 31)
	}
	if n > 30 {
		return false
	}
	if len(next.bylines) > 0 || len(next.lines) == 0 || next.lines[0].kind == kStart || len(prev.lines) == 0 {
		return false
	}
	for _, l := range next.lines {
		if l.kind == kStart {
			return false
		}
		if l.kind == kPhoto && runeCountMax(next.body, photoItem+1) <= photoItem {
			return false // a picture with its caption and credit
		}
	}
	if len(prev.bylines) > 0 && prev.bylines[len(prev.bylines)-1].kind == kEndByline {
		return false // the article before has ended
	}
	before := hanBigrams(prev.body, matchLimit)
	after := hanBigrams(next.body, 300)
	if len(after) < 10 {
		return false
	}
	hit := 0
	for k := range after {
		if before[k] {
			hit++
		}
	}
	return float64(hit) >= minCohesion*float64(len(after))
}

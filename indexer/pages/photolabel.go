package pages

import "strings"

// photoLabels names the labels a paper prints over a photo report, a
// picture with only a caption and a credit under it: the label is the
// item's headline.
var photoLabels = []string{"图片报道", "图片新闻"}

// isPhotoLabel reports whether s is only a photo report's label, with or
// without a column tag after it: 图片报道, 图片报道（新春走基层）.
func isPhotoLabel(s string) bool {
	t := compact(s)
	if rest, _, ok := columnTag(t); ok {
		t = strings.TrimSpace(rest)
	}
	for _, p := range photoLabels {
		if t == p {
			return true
		}
	}
	return false
}

// maxCaptionHeadLines is the most lines of a caption's start that
// captionUnderLabel gives back to the text.
const maxCaptionHeadLines = 3

// maxCaptionLines is how far under a photo label its credit is looked
// for.
const maxCaptionLines = 16

// captionUnderLabel gives back to the text the first lines of a caption
// that the roles took for headline lines under a photo label (图片报道 /
// 3月5日，某地 / 群众正在…… / 王五摄): a photo report's only headline
// is its label, and its text is a caption that a credit closes. The lines
// go back only when text follows them, each is no wider than the column,
// and a photo credit (X 摄, 影像中国, 摄影报道) ends the text within a
// few lines with nothing but text before it. A label under a credit is
// the report's above it, printed under its picture.
func captionUnderLabel(lines []pline, lay layout) {
	for i := 0; i+1 < len(lines); i++ {
		if lines[i].kind != kHead || !isPhotoLabel(lines[i].text) || i > 0 && isPhotoCredit(lines[i-1]) {
			continue // a label under a credit closes the report above it
		}
		j := i + 1
		for j < len(lines) && j-i-1 <= maxCaptionHeadLines && lines[j].kind == kHead {
			j++
		}
		if j == i+1 || j-i-1 > maxCaptionHeadLines || j >= len(lines) || lines[j].kind != kBody && lines[j].kind != kBreak {
			continue
		}
		fits := true
		for k := i + 1; k < j; k++ {
			if isPhotoLabel(lines[k].text) || lines[k].w > lay.cols[j][1]+1 {
				fits = false
			}
		}
		if !fits || !creditCloses(lines, j) {
			continue
		}
		for k := i + 1; k < j; k++ {
			lines[k].kind = kBody
		}
		i = j
	}
}

// creditCloses reports whether a photo credit ends the text that starts
// at line j within maxCaptionLines lines, with only text before it.
func creditCloses(lines []pline, j int) bool {
	for k := j; k < len(lines) && k < j+maxCaptionLines; k++ {
		switch l := lines[k]; {
		case isPhotoCredit(l):
			return true
		case l.kind != kBody && l.kind != kBreak:
			return false
		}
	}
	return false
}

// isPhotoCredit reports whether l is a photo credit: a caption ending in one
// (X 摄, 影像中国), or a byline naming photographers (X 摄影报道).
func isPhotoCredit(l pline) bool {
	switch l.kind {
	case kPhoto:
		return true
	case kByline, kEndByline:
		return l.by != nil && len(l.by.photos) > 0
	}
	return false
}

// maxReportCuts is the most photo reports cut from the text above their
// labels on one page: each cut moves the drafts after it, so a page of
// many is read in time linear in its size.
const maxReportCuts = 16

// maxCaptionCut is the most lines of text splitCaption takes from the
// end of a draft for a photo report's caption.
const maxCaptionCut = 12

// splitCaption cuts from the end of draft d the photo report printed
// above its label (caption / credit / 图片报道) that was read on with
// the article before it: the report's text is its last paragraph before
// the credit, and the one before that when the last is the picture's
// description (图为……). The credit, a line (王五摄) or a byline naming
// photographers (王五 摄影报道), must end d's text and stand right over
// the label; bylines after it go with the report. It returns the
// report's draft, or nil when d has no text left before the caption.
func splitCaption(d *draft, label pline) *draft {
	c := len(d.lines) - 1
	if c < 1 || d.lines[c].n > label.n {
		return nil
	}
	last := c // the caption's last line
	switch {
	case d.lines[c].kind == kPhoto:
		last = c - 1
	case !creditByline(d):
		return nil
	}
	for _, b := range d.bylines {
		if b.n > d.lines[c].n && !isPhotoCredit(b) && b.kind != kByline {
			return nil
		}
	}
	start := func(k int) int { // the first line of the paragraph line k is in
		for k > 0 && d.lines[k].kind != kStart {
			p := d.lines[k-1]
			if p.kind == kPhoto || p.kind == kBreak || endsSentence(p.text) {
				break
			}
			k--
		}
		return k
	}
	s := start(last)
	if s > 1 && strings.HasPrefix(compact(d.lines[s].text), "图为") {
		s = start(s - 1)
	}
	if s < 1 || last-s >= maxCaptionCut || d.lines[s-1].kind == kPhoto && strings.Contains(d.lines[s-1].text, "。") {
		// the credit of a caption amid the text (图为…… 王五摄), not of
		// a report before this one
		return nil
	}
	rest := &draft{lines: d.lines[:s:s], opened: d.opened, prefix: d.prefix}
	if !rest.hasBody() {
		return nil
	}
	nd := &draft{lines: append([]pline(nil), d.lines[s:]...), ended: d.ended}
	for _, b := range d.bylines {
		if b.n > d.lines[s].n {
			nd.bylines = append(nd.bylines, b)
		} else {
			rest.bylines = append(rest.bylines, b)
		}
	}
	d.lines, d.bylines, d.ended = rest.lines, rest.bylines, len(rest.bylines) > 0 && !d.opened
	d.setBody()
	nd.setBody()
	return nd
}

// isLabelUnderCredit reports whether group g is only a photo label that
// opens block b right under a draft ending in a photo credit or a
// photographers' byline.
func isLabelUnderCredit(g *headGroup, b *block, drafts []*draft) bool {
	if !isLabelGroup(g) || !isPhotoLabel(g.lines[0].text) || b.prev < 0 || len(b.lines) == 0 || b.lines[0].n != g.lines[0].n {
		return false
	}
	d := drafts[b.prev]
	return len(d.lines) > 0 && (d.lines[len(d.lines)-1].kind == kPhoto || creditByline(d))
}

// creditByline reports whether draft d ends in a byline naming
// photographers (王五 摄影报道) after its last line of text.
func creditByline(d *draft) bool {
	if len(d.bylines) == 0 || len(d.lines) == 0 {
		return false
	}
	b := d.bylines[len(d.bylines)-1]
	return isPhotoCredit(b) && b.n > d.lines[len(d.lines)-1].n
}

// insertDraft puts nd into drafts at index at, moving the blocks'
// references and the best fits of groups to drafts at or after it.
func insertDraft(drafts []*draft, at int, nd *draft, blocks []*block, bestOf map[*headGroup]int) []*draft {
	drafts = append(drafts, nil)
	copy(drafts[at+1:], drafts[at:])
	drafts[at] = nd
	for _, b := range blocks {
		if b.prev >= at {
			b.prev++
		}
		if b.next >= at {
			b.next++
		}
	}
	for g, d := range bestOf {
		if d >= at {
			bestOf[g] = d + 1
		}
	}
	return drafts
}

// isLabelGroup reports whether headline group g is only a label
// (isLabelHead), which neither heads another headline as its kicker nor
// ends one as its subtitle.
func isLabelGroup(g *headGroup) bool {
	return len(g.lines) == 1 && g.column == "" && isLabelHead(g.lines[0].text)
}

// isLabelHead reports whether s is only a label printed as the headline
// of an item of its own: a photo label, or 导读 over a digest of an
// article printed elsewhere.
func isLabelHead(s string) bool {
	return isPhotoLabel(s) || compact(s) == "导读"
}

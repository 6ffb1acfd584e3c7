package pages

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
)

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

// mergeIntertitles folds the article after a headline block into the
// article before it, with the block's lines kept as paragraphs, when the
// block is an intertitle; the blocks' references are renumbered.
func mergeIntertitles(drafts []*draft, blocks []*block, lay layout) ([]*draft, []*block) {
	into := make([]int, len(drafts)) // where each draft ends up
	for i := range into {
		into[i] = i
	}
	ev := newCohesion(drafts)
	ev.heads = make([]map[[2]rune]bool, len(drafts))
	for _, b := range blocks {
		if b.next >= 0 {
			ev.heads[b.next] = hanBigrams(groupText(b.lines), 200)
		}
	}
	numbered := numberedSections(blocks, drafts)
	topical := map[int]bool{} // drafts that took in a section under a topic heading
	owner := lineOwners(drafts)
	var keep []*block
	for bi, b := range blocks {
		if b.prev < 0 || b.next != b.prev+1 {
			keep = append(keep, b)
			continue
		}
		pv := textBefore(b, owner, drafts)
		if r := drafts[b.prev].resumes; r != nil && pv == b.prev {
			// the text before the block is that of the article a brief
			// was set amid, which went on after the brief
			if k := slices.Index(drafts, r); k >= 0 {
				pv = k
			}
		}
		target := into[pv]
		boxed, inBox := sectionAfterBox(b, blocks, drafts, into)
		switch {
		case inBox && boxed != target:
			// a signed section of the piece above, after a box set amid it
			target = boxed
		case !isIntertitle(b, target, b.next, drafts, ev, lay, numbered[bi], topical[target]):
			f := featureAbove(b, pv, into, drafts, topical)
			if f < 0 {
				keep = append(keep, b)
				continue
			}
			target = f
		}
		if topicHeading(b) {
			topical[target] = true
		}
		prev, next := drafts[target], drafts[b.next]
		for i, l := range b.lines {
			l.kind = kBody
			if i == len(b.lines)-1 {
				l.kind = kBreak // the intertitle is a paragraph of its own
			}
			prev.lines = append(prev.lines, l)
		}
		prev.lines = append(prev.lines, next.lines...)
		if next.opened {
			// the section's own reporters, signed under its heading,
			// are the piece's too
			for _, l := range next.bylines {
				if l.by != nil {
					l.by.section = true
				}
			}
		}
		prev.bylines = append(prev.bylines, next.bylines...)
		prev.ended = next.ended
		prev.setBody()
		next.lines, next.bylines = nil, nil
		ev.merge(target, b.next)
		into[b.next] = target
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

// signedSection reports whether block b over draft next is the heading
// of a signed section of a longer piece: a kicker ending in a dash over
// the section's title, and a byline over its text.
func signedSection(b *block, next *draft) bool {
	if !next.opened || len(next.bylines) == 0 || next.bylines[0].kind != kByline || next.bylines[0].author || !next.hasBody() {
		return false
	}
	for _, l := range b.lines[:len(b.lines)-1] {
		if strings.HasSuffix(strings.TrimSpace(l.text), "——") {
			return true
		}
	}
	return false
}

// maxBoxItems is the most articles of a box set amid a piece.
const maxBoxItems = 3

// sectionAfterBox returns the draft that block b and the draft under it
// go on, when b heads a signed section (see signedSection) of a piece
// opened by an editor's note (……——编者), which goes on in such sections,
// and stands after a box of short articles set amid the piece, or right
// after an earlier section. A credit for the page's making (本版制图：X)
// closes the piece: the walk back stops at one. into maps each draft to
// the one it went into.
func sectionAfterBox(b *block, blocks []*block, drafts []*draft, into []int) (int, bool) {
	if !signedSection(b, drafts[b.next]) {
		return 0, false
	}
	for j := b.prev; j >= 0 && j >= b.prev-maxBoxItems; j-- {
		if t := into[j]; editorNoted(drafts[t]) {
			return t, true
		}
		if into[j] != j || runeCountMax(drafts[j].body, maxBox+1) > maxBox || creditOver(blocks, j) {
			break
		}
	}
	return 0, false
}

// creditOver reports whether the block over draft j holds a credit for
// the page (本版制图：X, see pageCredit), which closes the piece before it.
func creditOver(blocks []*block, j int) bool {
	for _, b := range blocks {
		if b.next != j {
			continue
		}
		for _, l := range b.lines {
			if pageCredit(l.text) {
				return true
			}
		}
	}
	return false
}

// featureAbove returns the draft of the feature whose section block b
// heads, when the feature stands above the draft before the block (pv),
// with briefs set amid it between them, or -1. The block must be a topic
// heading over a section signed by its own reporters, and the feature
// one of such sections: it took in a topic heading before, or opens with
// an editor's note.
func featureAbove(b *block, pv int, into []int, drafts []*draft, topical map[int]bool) int {
	if !topicHeading(b) || !drafts[b.next].opened {
		return -1
	}
	for k := pv; k >= 0 && k >= pv-maxAmid; k-- {
		r := into[k]
		if r == into[pv] {
			continue
		}
		if topical[r] || editorNoted(drafts[r]) {
			return r
		}
	}
	return -1
}

// maxAmid is the most drafts set amid a feature between its sections.
const maxAmid = 4

// lineOwners returns, for each content line of the page by its place,
// the draft whose text holds it, or -1.
func lineOwners(drafts []*draft) []int {
	n := 0
	for _, d := range drafts {
		for _, l := range d.lines {
			n = max(n, l.idx+1)
		}
	}
	owner := make([]int, n)
	for i := range owner {
		owner[i] = -1
	}
	for i, d := range drafts {
		for _, l := range d.lines {
			owner[l.idx] = i
		}
	}
	return owner
}

// textBefore returns the draft whose text runs right before block b: the
// draft before it, unless that is a brief closed by its byline and the
// text there is the rest of an earlier article broken off by the brief
// set amid it, moved back onto that article (see joinContinuations):
// the block then follows that article's text.
func textBefore(b *block, owner []int, drafts []*draft) int {
	if k := b.lines[0].idx - 1; drafts[b.prev].ended && k >= 0 && k < len(owner) && owner[k] >= 0 && owner[k] < b.prev {
		return owner[k]
	}
	return b.prev
}

// cohesion holds the character pairs of each draft and of its lead, and
// how many drafts have each pair, so that pairs found everywhere on the
// page count little, and the pairs of the headline over each draft.
type cohesion struct {
	sets, leads []map[[2]rune]bool
	heads       []map[[2]rune]bool // nil for a draft with no headline
	df          map[[2]rune]int
}

// newCohesion indexes the drafts' bodies.
func newCohesion(drafts []*draft) *cohesion {
	c := &cohesion{}
	for _, d := range drafts {
		all, lead := d.pairs()
		c.sets = append(c.sets, all)
		c.leads = append(c.leads, lead)
	}
	return c
}

// count counts, once, how many drafts have each pair.
func (c *cohesion) count() {
	if c.df != nil {
		return
	}
	n := 0
	for _, set := range c.sets {
		n = max(n, len(set))
	}
	c.df = make(map[[2]rune]int, 2*n)
	for _, set := range c.sets {
		for k := range set {
			c.df[k]++
		}
	}
}

// merge records that draft ni's text joined draft pi's.
func (c *cohesion) merge(pi, ni int) {
	joined := make(map[[2]rune]bool, len(c.sets[pi])+len(c.sets[ni]))
	for _, set := range []map[[2]rune]bool{c.sets[pi], c.sets[ni]} {
		for k := range set {
			joined[k] = true
		}
	}
	c.sets[pi] = joined
}

// between returns the share of the pairs of the lead of draft ni that
// occur in draft pi, plain and weighted by rarity on the page.
func (c *cohesion) between(pi, ni int) (plain, rare float64) {
	before, after := c.sets[pi], c.leads[ni]
	if len(after) == 0 {
		return 0, 0
	}
	c.count()
	var hit int
	var num, den float64
	for k := range after {
		w := 1 / float64(max(1, c.df[k]))
		den += w
		if before[k] {
			hit++
			num += w
		}
	}
	return float64(hit) / float64(len(after)), num / den
}

// headShare returns the share of the pairs of the headline over draft pi
// that occur in the text of draft ni, or 0 when pi has no headline or
// fewer than minHeadHits of its pairs occur there: one word of a short
// headline (上海) is found in many texts of the same page.
func (c *cohesion) headShare(pi, ni int) float64 {
	head := c.heads[pi]
	if len(head) == 0 {
		return 0
	}
	hit := 0
	for k := range head {
		if c.sets[ni][k] {
			hit++
		}
	}
	if hit < minHeadHits {
		return 0
	}
	return float64(hit) / float64(len(head))
}

// minHeadHits is the least number of pairs of a headline that headShare
// counts.
const minHeadHits = 2

// minHeadShare is the least share of the pairs of the headline of the
// article before a block that, found in the text after it, tells that
// text goes on with that article's subject.
const minHeadShare = 0.15

// isIntertitle reports whether block b, between draft pi (where the
// article before it now stands) and draft ni, is an intertitle inside
// that article rather than the headline of the next. It is not when the
// next text opens with a dateline or a byline (unless the block is a
// topic heading, topicHeading: a feature's sections are signed each by
// its own reporters under their headings), or is a picture with its
// caption (a credit line after a paragraph of text is the caption of a
// picture set amid the text, not the text of a picture item), or the
// article before has ended with its byline (unless the
// block is numbered as a section, as features of sections signed by
// their own reporters are, or heads a list of items signed one by one
// like the list before it: see signedItems). Otherwise
// the evidence is weighed: a block of one or two short lines, ending in
// a dash (磁力不减——) or set with a bullet, whose next text shares words
// with the text before and matches it, or speaks of what the headline
// of the article before announced, reads as an intertitle; a wide or
// long block, or text opening like a lead, reads as a headline; a block
// numbered as the next of a series (numbered) reads as a section; after
// sections under topic headings (topical), a heading of another form
// reads as a headline more than before. The
// weights were fitted on generated pages of the tuning split.
func isIntertitle(b *block, pi, ni int, drafts []*draft, c *cohesion, lay layout, numbered, topical bool) bool {
	prev, next := drafts[pi], drafts[ni]
	// a topic or a place line ending in a dash (楼宇治理议事会——) heads a
	// section of a feature, which may be signed by its own reporters
	// under it
	topic := topicHeading(b)
	if len(next.lines) == 0 || len(prev.lines) == 0 || next.opened && !topic || next.lines[0].signed || prev.ended && !numbered && !signedItems(prev, next) || next.lines[0].kind == kStart {
		return false
	}
	if last := prev.lines[len(prev.lines)-1]; pageCredit(last.text) {
		return false // 本版图片由受访者提供: the credit closes the piece
	}
	if _, open := openEnd(prev, lay); open && !numbered && leadLike(next.lines[0].text) > 0 {
		// the text before an intertitle ends its paragraph: after text
		// broken off mid-sentence on a full line, a block over text that
		// opens like a lead (近日, a date) heads the next article
		return false
	}
	for _, l := range b.lines {
		// a place with a colon (上海普陀：) may open a section; a label in
		// brackets (【评论】) opens an article
		if l.kind != kHead && (l.kind != kColumn || strings.HasPrefix(l.text, "【")) {
			return false
		}
	}
	paragraphs := 0 // paragraphs of text ended before a credit
	for _, l := range next.lines {
		if l.kind == kStart {
			return false
		}
		if l.kind == kPhoto && paragraphs < 2 && runeCountMax(next.body, photoItem+1) <= photoItem {
			return false // a picture with its caption and credit
		}
		if l.kind == kBody && endsSentence(l.text) && lay.band(l.idx, l.w) > bandFull {
			paragraphs++
		}
	}
	plain, rare := c.between(pi, ni)
	s := 12*(rare-0.025) + 4*(plain-0.08)
	if c.headShare(pi, ni) >= minHeadShare {
		// the text after the block speaks of what the headline of the
		// article before announced (年货 under 办年货): it is still that
		// article, even when its lead shares few words with the text
		// just before
		s += 0.3
	}
	runes := 0
	allShort, dash := true, false
	for _, l := range b.lines {
		runes += runeCountMax(l.text, 100)
		switch lay.band(l.idx, l.w) {
		case bandWide:
			s -= 0.6
			allShort = false
		case bandFull:
			allShort = false
		}
		if strings.HasSuffix(l.text, "——") || strings.ContainsAny(firstRune(l.text), "■●◆▲") {
			dash = true
		}
	}
	if next.ended && !dash && !numbered && runeCountMax(next.body, shortSigned) < shortSigned && !listed(next) {
		// a short text closed by its own byline is a brief under its
		// headline, not a section of the article before; a list of
		// numbered items each signed is a section of a piece
		return false
	}
	switch {
	case len(b.lines) == 1 || wrappedLine(b.lines, lay):
		s += 0.3 // one line, or one wrapped by a narrow column
	case len(b.lines) >= 3 && !topic:
		// three lines and more make a headline, but a topic line and
		// its subheading in two parts (从看病难到看病易—— / 小病不出村 /
		// 大病有人帮) head a section
		s -= 0.5
	}
	if allShort {
		s += 0.3
	}
	if dash {
		s += 0.7
	}
	if rePartLabel.MatchString(strings.TrimSpace(b.lines[0].text)) {
		s += 1.2 // a numbered part of a longer piece: 第3计, 第二部分
	}
	s -= 0.15 * float64(runes) / 10
	if leadLike(next.lines[0].text) > 0 {
		s -= 0.6
	}
	if numbered {
		s += 3
	}
	if topical && !topic {
		// the sections of a feature are headed alike: after sections
		// under topic headings, a heading of another form more likely
		// opens the next article
		s -= topicalPenalty
	}
	return s > 0
}

// pageCredit reports a credit for the pictures or the making of the page
// (本版图片由受访者提供, 本版制图：X), printed after the last piece it
// covers.
func pageCredit(t string) bool {
	t = strings.TrimSpace(t)
	if !strings.HasPrefix(t, "本版") || runeCountMax(t, 31) > 30 {
		return false
	}
	return isCreditLine(t) || reCredit.MatchString(t)
}

// topicHeading reports whether block b holds a line ending in a dash
// after words of its own (重庆市巫山县下庄村——), or a dash alone on a
// line after such words: the topic or place that heads a section of a
// feature, with the section's subheading under it. A headline's dash
// opens its subtitle (——脱贫群众生活更安心) or joins its parts inside one
// line.
func topicHeading(b *block) bool {
	for i, l := range b.lines {
		t := strings.TrimSpace(l.text)
		if !strings.HasSuffix(t, "——") {
			continue
		}
		if hanCount(t, 1) > 0 && !isDashed(t) || t == "——" && i > 0 && !isDashed(b.lines[i-1].text) {
			return true
		}
	}
	return false
}

// topicalPenalty weighs against a heading of another form after the
// topic headings of a feature's sections.
const topicalPenalty = 1.0

// wrappedLine reports a block of two lines that is one line wrapped by
// a narrow column: the first fills the column and breaks inside a word
// that the second, shorter line finishes (行业新发 / 展).
func wrappedLine(lines []pline, lay layout) bool {
	if len(lines) != 2 || lines[1].w >= lines[0].w {
		return false
	}
	return lay.band(lines[0].idx, lines[0].w) <= bandShort2 && lay.band(lines[1].idx, lines[1].w) > bandFull &&
		lay.joins(lines[0].text, lines[1].text)
}

// signedItems reports whether prev is a list of numbered items each
// signed by its own byline (1.…… 本报记者 X / 2.…… 本报记者 Y) and next
// opens a list afresh (1.……): a heading between them groups the items
// of one piece, which the last item's byline has not ended.
func signedItems(prev, next *draft) bool {
	if len(prev.bylines) < 2 {
		return false
	}
	n, form, ok := ordinal(next.lines[0].text)
	if !ok || n != 1 {
		return false
	}
	items := 0
	for _, l := range prev.lines {
		if m, f, ok := ordinal(l.text); ok && f == form && m >= 1 {
			items++
		}
	}
	return items >= 2
}

// listed reports whether d opens with a numbered item (1.…).
func listed(d *draft) bool {
	_, _, ok := ordinal(d.lines[0].text)
	return ok
}

// shortSigned is the most text, in runes, of a brief closed by its byline.
const shortSigned = 150

// rePartLabel matches a line that only numbers a part of a piece: 第3计,
// 第二部分, 之一.
var rePartLabel = regexp.MustCompile(`^(?:第[0-9０-９一二三四五六七八九十百]+\p{Han}{1,2}|之[一二三四五六七八九十]+)$`)

// firstRune returns the first character of s.
func firstRune(s string) string {
	for _, r := range s {
		return string(r)
	}
	return ""
}

// groupText joins lines' text.
func groupText(lines []pline) string {
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(l.text)
	}
	return b.String()
}

// A paragraph broken off mid-sentence by something set amid it (a box of
// briefs, a picture with its caption) goes on after it: in extracted
// text its continuation follows the box, as a text without a headline,
// or glued to the end of the last brief.

// maxBox is the most text, in runes, of the articles of a box set amid
// another article.
const maxBox = 600

// joinContinuations moves the continuation of each article whose text
// stops mid-sentence back onto it: the first stretch of text after it
// that starts a line the broken sentence can go on with, within the next
// few short articles. Then an article whose text ends a paragraph over a
// box of briefs takes back the text without a headline after the box
// that goes on in its words (see resumedAt).
func joinContinuations(drafts []*draft, blocks []*block, lay layout) ([]*draft, []*block) {
	headed := map[int]bool{}   // drafts right after a headline block
	under := map[int][]pline{} // the headline block right after each draft
	for _, b := range blocks {
		if b.next >= 0 {
			headed[b.next] = true
		}
		if b.prev >= 0 {
			under[b.prev] = b.lines
		}
	}
	for i, d := range drafts {
		last, ok := openEnd(d, lay)
		if !ok {
			continue
		}
		for j := i + 1; j < len(drafts) && j <= i+4; j++ {
			e := drafts[j]
			if p := continuesAt(last, d, e, !headed[j], lay); p >= 0 {
				d.lines = append(d.lines, e.lines[p:]...)
				if p == 0 {
					d.bylines = append(d.bylines, e.bylines...)
					d.ended = e.ended
					e.bylines = nil
				} else {
					takeBylinesFrom(d, e, e.lines[p].idx)
				}
				e.lines = e.lines[:p]
				if p == 0 || hanCount(groupText(e.lines), minBrief) >= minBrief {
					// the text after e is d's again: e is a brief set amid
					// it, or nothing is left of e
					e.resumes = d
				}
				d.setBody()
				e.setBody()
				break
			}
			if runeCountMax(e.body, maxBox+1) > maxBox {
				break
			}
		}
	}
	for i, d := range drafts {
		if j := resumedAt(drafts, i, headed, under, lay); j >= 0 {
			e := drafts[j]
			d.lines = append(d.lines, e.lines...)
			d.bylines = append(d.bylines, e.bylines...)
			d.ended = e.ended
			e.lines, e.bylines = nil, nil
			e.resumes = d
			d.setBody()
			e.setBody()
		}
	}
	return mergeEmpty(drafts, blocks)
}

// takeBylinesFrom moves to d the bylines of e that stand at or after its
// content line at: the credits that close the stretch of d's text read
// on after e's own (……已准备发放物资。 本报记者 张三), which sign d, not e.
func takeBylinesFrom(d, e *draft, at int) {
	k := 0
	for _, b := range e.bylines {
		if b.idx >= at {
			d.bylines = append(d.bylines, b)
		} else {
			e.bylines[k] = b
			k++
		}
	}
	if k < len(e.bylines) {
		d.ended = e.ended
		e.bylines = e.bylines[:k]
	}
}

// openEnd returns the last line of a draft whose text stops
// mid-sentence on a full line: no byline after it, no sentence end.
func openEnd(d *draft, lay layout) (pline, bool) {
	if d.ended || len(d.lines) == 0 {
		return pline{}, false
	}
	last := d.lines[len(d.lines)-1]
	if last.kind != kBody || endsSentence(last.text) || isNoteLine(last.text) ||
		lay.band(last.idx, last.w) != bandFull && !(hasLatin(last.text) && nearlyFull(lay, last.idx, last.w)) {
		return pline{}, false
	}
	return last, true
}

// fullWidth is the most common width of a draft's lines of text that end
// no sentence: its full lines.
func fullWidth(e *draft) float64 {
	var ws []float64
	for _, l := range e.lines {
		if l.kind == kBody && !endsSentence(l.text) {
			ws = append(ws, l.w)
		}
	}
	return modeWidth(ws)
}

// continuesAt returns where in draft e the sentence broken off at line
// last goes on, or -1: at its start when e has no headline and opens
// with no dateline or byline, or else after a sentence end inside it, on
// a line whose first character makes with the broken line's last one a
// pair found elsewhere on the page, or, where paragraphs are indented, on
// a line as wide as the draft's full ones after a paragraph's short last
// line: a line that opens no paragraph there goes on one from elsewhere;
// or, when e is under a headline of its own, on a line no wider than the
// broken one from which the text talks on in the words of d (see
// talksOn).
func continuesAt(last pline, d, e *draft, bare bool, lay layout) int {
	a := lastHan(last.text)
	if a == 0 {
		return -1
	}
	fw := -1.0 // e's full width, once needed
	for p, l := range e.lines {
		if l.kind != kBody && l.kind != kBreak {
			continue
		}
		if p == 0 && (!bare || e.opened) {
			continue
		}
		if p == 0 {
			return 0 // text without a headline after the box: the rest of the broken one
		}
		if !endsSentence(e.lines[p-1].text) {
			continue
		}
		if b := firstHan(l.text); b != 0 && lay.index.count(a, b) > 0 {
			return p
		}
		if prev := e.lines[p-1]; lay.indent && l.kind == kBody && lay.band(prev.idx, prev.w) == bandShort {
			if fw < 0 {
				fw = fullWidth(e)
			}
			if fw > 0 && l.w > fw-1 {
				return p
			}
		}
		if !bare && l.w <= last.w+2 && talksOn(d, e.lines[:p], e.lines[p:]) {
			return p
		}
	}
	return -1
}

// talksOn reports whether the text rest, after the sentence that ends the
// text own of a short article under its own headline, goes on with the
// words of the article d broken off before it rather than with its own:
// a brief's text is short, and the broken article's text resumes right
// after it. Only the first lines of rest are read.
func talksOn(d *draft, own, rest []pline) bool {
	text := groupText(own)
	if runeCountMax(text, maxBrief+1) > maxBrief || hanCount(text, minBrief) < minBrief {
		return false
	}
	cont := hanBigrams(groupText(rest[:min(len(rest), 6)]), 120)
	ownSet := hanBigrams(text, maxBrief)
	all, _ := d.pairs()
	inD, inOwn := 0, 0
	for k := range cont {
		if all[k] {
			inD++
		}
		if ownSet[k] {
			inOwn++
		}
	}
	// at most one pair of its own text, and some of d's: a tenth of the
	// pairs, six at least
	return inOwn <= 1 && inD >= 6 && 10*inD >= len(cont)
}

// maxBrief is the most text, in runes, of a brief set in a box amid
// another article, its lead included.
const maxBrief = 2 * shortSigned

// minBrief is the least number of Chinese characters of a brief's text:
// a sentence at least.
const minBrief = 20

// resumedAt returns the draft after drafts[i] that goes on with its text
// after a box of briefs set between two of its paragraphs, or -1: a text
// without a headline, byline or dateline after one to three briefs, each
// under its own headline, that talks on in the words of drafts[i] (see
// talksOn).
func resumedAt(drafts []*draft, i int, headed map[int]bool, under map[int][]pline, lay layout) int {
	d := drafts[i]
	if d.ended || len(d.lines) == 0 {
		return -1
	}
	if _, open := openEnd(d, lay); open {
		return -1
	}
	for j := i + 1; j < len(drafts) && j <= i+4; j++ {
		e := drafts[j]
		if !headed[j] {
			if j == i+1 || e.opened || len(e.lines) == 0 || e.lines[0].kind == kStart {
				return -1
			}
			if talksOn(d, drafts[j-1].lines, e.lines) && !headsText(under[j], e) {
				return j
			}
			return -1
		}
		if _, open := openEnd(e, lay); open || runeCountMax(e.body, maxBrief+1) > maxBrief {
			return -1 // no brief, or one whose text the next goes on with
		}
	}
	return -1
}

// hasLatin reports whether t holds Latin letters or digits, which are set
// narrower than Chinese characters.
func hasLatin(t string) bool {
	for _, r := range t {
		if r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			return true
		}
	}
	return false
}

// headsText reports whether the headline lines printed right after draft
// e are its own, printed under its text: words of them recur in it.
func headsText(head []pline, e *draft) bool {
	if len(head) == 0 {
		return false
	}
	all, _ := e.pairs()
	hit := 0
	for k := range hanBigrams(groupText(head), 200) {
		if all[k] {
			hit++
		}
	}
	return hit >= minHeadHits
}

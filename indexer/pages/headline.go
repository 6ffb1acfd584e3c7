package pages

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// block is a run of headline lines, with the drafts next to it.
type block struct {
	lines      []pline
	prev, next int // index of the draft before and after the block, -1 if none
}

// headGroup is the headline of one article: its lines in print order
// (kicker, headline, subtitles) and an optional column label.
type headGroup struct {
	lines  []pline
	column string
	kicker bool // the first line is a kicker that matched nothing by itself
}

var (
	// reCredit is a credit for the making of a page or a set of articles
	// (本期统筹：张三, 本版制图：李四 王五): a role, a colon and names.
	reCredit     = regexp.MustCompile(`^(?:本版|本期|本组)?(?:统筹|策划|制图|绘图|插图|设计|版式设计|美术设计|漫画|图表)\s*[：:]\s*\p{Han}{1,4}(?:[ 　、，,]+\p{Han}{1,4}){0,3}$`)
	reColumn     = regexp.MustCompile(`^(?:【(\p{Han}{2,8})】|(\p{Han}{2,6})[：:])$`)
	kickerEnds   = []string{"强调", "指出", "表示", "要求", "批示", "寄语", "提出", "致信", "致电", "回信"}
	subtitleEnds = []string{"主持", "出席", "讲话", "参加", "会见", "致辞"}
)

// maxHeadline is the longest headline line, in runes, matched by content.
const maxHeadline = 40

// isNoteLine reports a line that closes a paragraph rather than heads an
// article: a note in brackets (（作者为本报评论员）) or the signature of an
// editor's note (——编者).
func isNoteLine(s string) bool {
	if (strings.HasPrefix(s, "（") || strings.HasPrefix(s, "(")) && (strings.HasSuffix(s, "）") || strings.HasSuffix(s, ")")) {
		return true
	}
	return isDashed(s) && hanCount(s, 4) <= 3
}

// isColumnLabel reports a column label line (特写：, 【评论】) and returns it.
func isColumnLabel(s string) (string, bool) {
	m := reColumn.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return "", false
	}
	return m[1] + m[2], true
}

// minWidowHead is the least width of a headline line that may wrap.
const minWidowHead = 16

// isHeadWidow reports whether line is the tail of the long headline line
// prev, wrapped: one to three characters (节, 点）) that end no sentence,
// under a line of at least minWidowHead characters.
func isHeadWidow(prev, line string) bool {
	return isWidow(line) && lineWidth(prev) >= minWidowHead
}

// isWidow reports a line that could be the wrapped tail of a headline:
// one to three characters that end no sentence.
func isWidow(line string) bool {
	n := runeCountMax(line, 4)
	if n > 3 || hanCount(line, 1) == 0 || endsSentence(line) {
		return false
	}
	return strings.IndexFunc(line, unicode.IsSpace) < 0
}

// isKicker reports a line that reads as a kicker (引题): it ends with a
// reporting verb (…强调, …指出) or is a short slogan with quoted words.
func isKicker(s string) bool {
	for _, e := range kickerEnds {
		if strings.HasSuffix(s, e) {
			return true
		}
	}
	return strings.Count(s, "“") >= 2 && utf8.RuneCountInString(s) <= 16
}

// isQuestionKicker reports a first line that asks or sets the scene for
// the headline below it (老人独居在家，谁来上门送餐？): it has a comma or ends
// with a question or exclamation mark, and the headline has neither.
func isQuestionKicker(first, second string) bool {
	punct := func(s string) bool {
		return strings.ContainsAny(s, "，,") || strings.HasSuffix(strings.TrimRight(s, closers), "？") ||
			strings.HasSuffix(strings.TrimRight(s, closers), "！")
	}
	return punct(first) && !punct(second) && !isDashed(second)
}

// isSubtitle reports a line that reads as a subtitle (副题): it starts with
// a dash, or says who presided or attended. (A very short line is as
// likely the headline of another article in the block: 图片报道.)
func isSubtitle(s string) bool {
	if strings.HasPrefix(s, "—") || strings.HasPrefix(s, "－") || strings.HasPrefix(s, "-") {
		return true
	}
	for _, e := range subtitleEnds {
		if strings.HasSuffix(s, e) && utf8.RuneCountInString(s) <= 12 {
			return true
		}
	}
	return false
}

// roles splits the group into column, kicker, headline and subtitle.
func (g *headGroup) roles() (column, kicker, headline, subtitle string) {
	var ts []string
	for _, l := range g.lines {
		ts = append(ts, cleanHeadline(l.text))
	}
	column = g.column
	switch {
	case len(ts) == 0:
	case len(ts) == 1:
		headline = ts[0]
	case len(ts) >= 3 && isDashed(ts[2]) && !isDashed(ts[1]):
		// kicker, headline, ——subtitle
		kicker, headline = ts[0], ts[1]
		subtitle = strings.Join(ts[2:], " ")
	case g.kicker || isKicker(ts[0]) || len(ts) == 2 && isQuestionKicker(ts[0], ts[1]):
		kicker, headline = ts[0], ts[1]
		subtitle = strings.Join(ts[2:], " ")
	default:
		headline = ts[0]
		subtitle = strings.Join(ts[1:], " ")
	}
	if column == "" {
		last := &subtitle
		if subtitle == "" {
			last = &headline
		}
		if rest, tag, ok := columnTag(*last); ok {
			*last, column = rest, tag
		}
	}
	return column, kicker, headline, subtitle
}

// tagNotColumn are words that make a bracket at the end of a headline a
// note on the text, not a column: (全文), (征求意见稿), (下转第2版).
var tagNotColumn = []string{"记者", "通讯员", "摄", "电", "版", "稿", "全文", "摘要", "节选", "草案", "试行", "修订", "连载"}

// columnTag splits a column tag in brackets off the end of a headline:
// 帮扶更有速度（深阅读·乡村振兴） → 帮扶更有速度, 深阅读·乡村振兴. A tag has
// four to twenty characters, mostly Chinese, no sentence punctuation or
// digits (（上）, （2022年） and （之一） are parts of the headline), and
// leaves a headline of at least four characters.
func columnTag(s string) (rest, tag string, ok bool) {
	t := strings.TrimSpace(s)
	var open string
	switch {
	case strings.HasSuffix(t, "）"):
		open = "（"
	case strings.HasSuffix(t, ")"):
		open = "("
	default:
		return s, "", false
	}
	i := strings.LastIndex(t, open)
	if i < 0 {
		return s, "", false
	}
	inner := strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(t[i+len(open):], "）"), ")"))
	rest = strings.TrimSpace(t[:i])
	if hanCount(rest, 4) < 4 || !isTagText(inner) {
		return s, "", false
	}
	return rest, cleanHeadline(inner), true
}

// isTagText reports whether the text inside brackets reads as a column
// tag (see columnTag).
func isTagText(inner string) bool {
	if n := runeCountMax(inner, 21); n > 20 || hanCount(inner, 4) < 4 {
		return false
	}
	if strings.ContainsAny(inner, "，。；：、！？,;:!?()（）0123456789") {
		return false
	}
	for _, w := range tagNotColumn {
		if strings.Contains(inner, w) {
			return false
		}
	}
	return true
}

// text is the group's text, for matching: a column tag at its end
// (（深阅读·乡村振兴）), whose words are not the article's, left out.
func (g *headGroup) text() string {
	var b strings.Builder
	for _, l := range g.lines {
		b.WriteString(l.text)
	}
	t := b.String()
	if rest, _, ok := columnTag(t); ok {
		return rest
	}
	return t
}

// maxCandidates is the number of articles on a page above which a
// headline is only matched against articles near it.
const maxCandidates = 200

// matchLimit is how much of an article's text is read for matching.
const matchLimit = 20000

// minScore is the least share of a headline's character pairs that must
// occur in an article's text for the headline to be matched to it.
const minScore = 0.3

// matcher scores headlines against articles by the share of the headline's
// pairs of adjacent characters that occur in the article, more if in the
// lead.
type matcher struct {
	all, lead []map[[2]rune]bool
}

// newMatcher indexes the drafts' bodies.
func newMatcher(drafts []*draft) *matcher {
	m := &matcher{}
	for _, d := range drafts {
		all, lead := d.pairs()
		m.all = append(m.all, all)
		m.lead = append(m.lead, lead)
	}
	return m
}

// pairs is the set of character pairs of a headline, for score.
func pairs(text string) map[[2]rune]bool { return hanBigrams(text, maxHeadline*4) }

// score rates how well a headline with character pairs bg fits draft i,
// 0 to 1.25.
func (m *matcher) score(bg map[[2]rune]bool, i int) float64 {
	if len(bg) == 0 {
		return 0
	}
	var all, lead int
	for k := range bg {
		if m.all[i][k] {
			all++
		}
		if m.lead[i][k] {
			lead++
		}
	}
	return (float64(all) + 0.25*float64(lead)) / float64(len(bg))
}

// tailFits reports whether tail, a short line under headline line
// head, may be head's wrapped end, given that head fits draft d best (-1
// if none): a tail of two or more characters none of whose pairs, nor
// the pair across the break, occurs in that draft's text is a headline
// of its own (导读 under the headline of the article above). Tails with
// other than Chinese characters, or that may be an author's name, are
// left as they are.
func (m *matcher) tailFits(head, tail string, d int) bool {
	if d < 0 || hanCount(tail, 2) < 2 || hanCount(tail, 4) != runeCountMax(tail, 4) || hasSurname(tail) {
		return true // one character, a number (破2亿), a name (张明)
	}
	if a, b := lastHan(head), firstHan(tail); a != 0 && b != 0 && m.all[d][[2]rune{a, b}] {
		return true
	}
	for k := range pairs(tail) {
		if m.all[d][k] {
			return true
		}
	}
	return false
}

// wordGoesOn reports whether line goes on with a word broken at the end
// of headline line prev, a long line that fits draft d best: prev ends
// with a character, not punctuation, and the pair across the break
// (…强调携 / 手构建…) occurs in d's text.
func (m *matcher) wordGoesOn(prev pline, line string, d int) bool {
	return prev.w >= minWidowHead && m.pairAcross(prev, line, d)
}

// wrapsOn reports whether line goes on with a word broken at the end of
// headline line prev, as a column narrower than the headline wraps it
// (同比增 / 长37.9%): prev fills the column and ends with a character,
// and the pair across the break occurs in the text of draft d, which
// prev fits best.
func (m *matcher) wrapsOn(prev pline, line string, d int) bool {
	return prev.full && m.pairAcross(prev, line, d)
}

// pairAcross reports whether the last character of line prev and the
// first of line, both Chinese, make a pair that occurs in draft d's text.
func (m *matcher) pairAcross(prev pline, line string, d int) bool {
	if d < 0 {
		return false
	}
	a, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(prev.text))
	b, _ := utf8.DecodeRuneInString(strings.TrimSpace(line))
	return isHan(a) && isHan(b) && m.all[d][[2]rune{a, b}]
}

// best returns the draft in [lo, hi] that text fits best, and its score.
func (m *matcher) best(text string, lo, hi int) (int, float64) {
	bi, bs := -1, 0.0
	bg := pairs(text)
	for i := max(lo, 0); i <= hi && i < len(m.all); i++ {
		if s := m.score(bg, i); s > bs {
			bi, bs = i, s
		}
	}
	return bi, bs
}

// readsOn reports whether headline line s goes on in the line after it,
// next: s ends in a dash (从有房住到住好房——), or leaves a bracket open
// after its first character that next closes (…（深阅读·乡村 / 振兴）).
func readsOn(s, next string) bool {
	s = strings.TrimSpace(s)
	if strings.HasSuffix(s, "——") {
		return true
	}
	for _, p := range [][2]string{{"（", "）"}, {"(", ")"}, {"“", "”"}, {"《", "》"}, {"【", "】"}} {
		i := strings.LastIndex(s, p[0])
		if i > 0 && !strings.Contains(s[i:], p[1]) && strings.Contains(next, p[1]) && !strings.Contains(next, p[0]) {
			return true
		}
	}
	return false
}

// groupBlock splits a block into headline groups. A line joins the group
// before it when that is a lone kicker or a column label, when the line
// reads as a subtitle, or when both fit the same article best.
func groupBlock(b *block, m *matcher, lo, hi int) []*headGroup {
	var groups []*headGroup
	var cur *headGroup
	curBest := -1
	force := false
	for _, l := range b.lines {
		if l.kind == kColumn {
			label, _ := isColumnLabel(l.text)
			cur = &headGroup{column: label}
			groups = append(groups, cur)
			force, curBest = true, -1
			continue
		}
		// a label (导读, 图片报道) is no wrapped tail of the line above
		if cur != nil && len(cur.lines) > 0 && !isLabelHead(l.text) && (l.widow || isHeadWidow(cur.lines[len(cur.lines)-1].text, l.text)) &&
			m.tailFits(cur.lines[len(cur.lines)-1].text, l.text, curBest) {
			cur.lines[len(cur.lines)-1].text += l.text
			continue
		}
		bi, bs := m.best(l.text, lo, hi)
		if float64(len(pairs(l.text)))*bs < 2 {
			bs = 0 // one pair in common is chance (图片报道, 报道)
		}
		join := cur != nil && (force ||
			len(cur.lines) > 0 && readsOn(cur.lines[len(cur.lines)-1].text, l.text) ||
			len(cur.lines) > 0 && (m.wordGoesOn(cur.lines[len(cur.lines)-1], l.text, curBest) || m.wordGoesOn(cur.lines[len(cur.lines)-1], l.text, bi)) ||
			len(cur.lines) > 0 && (bi == curBest || bs < minScore) && m.wrapsOn(cur.lines[len(cur.lines)-1], l.text, curBest) ||
			len(cur.lines) == 1 && isKicker(cur.lines[0].text) ||
			len(cur.lines) > 0 && isSubtitle(l.text) ||
			len(cur.lines) > 0 && len(cur.lines) < 3 && bi >= 0 && bi == curBest && bs >= minScore)
		if !join {
			cur = &headGroup{}
			groups = append(groups, cur)
			curBest = -1
		}
		cur.lines = append(cur.lines, l)
		force = false
		if bs >= minScore {
			curBest = bi
		}
	}
	return groups
}

// assignHeadlines matches the headline groups of all blocks to drafts by
// content, best pairs first, preferring drafts next to the block. A group
// that fits no draft goes to the draft right after its block if it is the
// last group of the block (a headline printed above its article); failing
// that its lines are kept as body text of the nearest draft, with a warning.
func (p *parser) assignHeadlines(drafts []*draft, blocks []*block) []*draft {
	takeTags(drafts, blocks)
	m := newMatcher(drafts)
	type cand struct {
		g     *headGroup
		b     *block
		last  bool
		d     int
		score float64
	}
	var cands []cand
	var groups []*headGroup
	owner := map[*headGroup]*block{}
	lastOf := map[*headGroup]bool{}
	bestOf := map[*headGroup]int{} // the draft a group fits best
	bestScore := map[*headGroup]float64{}
	for bi, b := range blocks {
		lo := 0
		if bi > 0 {
			lo = blocks[bi-1].prev + 1
		}
		hi := max(b.prev, b.next)
		// Headlines may be printed far from their articles, so every
		// article is a candidate, those next to the block preferred; on a
		// page with very many articles only a window is searched, to keep
		// the work linear.
		from, to := 0, len(drafts)-1
		if len(drafts) > maxCandidates {
			from, to = lo-maxCandidates/4, hi+maxCandidates/4
		}
		p.takeCredits(b, drafts)
		gs := groupBlock(b, m, from, to)
		for gi, g := range gs {
			groups = append(groups, g)
			owner[g] = b
			lastOf[g] = gi == len(gs)-1
			if len(g.lines) == 0 {
				continue
			}
			bg := pairs(g.text())
			for d := max(from, 0); d <= to && d < len(drafts); d++ {
				s := m.score(bg, d)
				chance := float64(len(bg))*s < 2 // one pair in common (图片报道, 报道)
				// (a text cut from the text next to the block by the
				// block's headlines stands next to it too)
				if (d < lo || d > b.prev && d != b.next) && drafts[d].cutBy != b {
					s *= 0.5
				}
				if s >= minScore && !chance {
					cands = append(cands, cand{g: g, b: b, d: d, score: s})
					if s > bestScore[g] {
						bestOf[g], bestScore[g] = d, s
					}
				}
			}
		}
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].score > cands[j].score })
	assigned := map[*headGroup]bool{} // heads an article
	for _, c := range cands {
		if assigned[c.g] || drafts[c.d].head != nil {
			continue
		}
		drafts[c.d].head = c.g
		assigned[c.g] = true
	}
	// A headline printed right above an article's text that lost the
	// article to a headline printed under it, the last of its own block,
	// takes it back: the headline under the text heads the article after
	// its block instead, when that has none (headlines stand above their
	// texts more often than under them). So does a headline printed away
	// from the text that fits it better than the one under it does, but
	// lost it for standing further off. A line with punctuation inside,
	// as text has, is no headline sure enough to move.
	for _, c := range cands {
		b := owner[c.g]
		if assigned[c.g] {
			continue
		}
		h := drafts[c.d].head
		hb := owner[h]
		if hb == nil || hb == b || hb.prev != c.d || !lastOf[h] || hb.next < 0 || drafts[hb.next].head != nil || isTextLike(h.text()) {
			continue
		}
		if !(lastOf[c.g] && b.next == c.d) && m.score(pairs(c.g.text()), c.d) <= m.score(pairs(h.text()), c.d) {
			continue
		}
		drafts[hb.next].head = h
		drafts[c.d].head = c.g
		assigned[c.g] = true
	}
	// The headlines of a block set over several texts stand in their
	// order: a group that lost the text after the one the group above
	// it heads, for standing further off, heads it when it fits it and
	// no block stands over it.
	if len(groups) > 1 {
		under := make([]bool, len(drafts))
		for _, b := range blocks {
			if b.next >= 0 && b.next < len(drafts) {
				under[b.next] = true
			}
		}
		for i, g := range groups {
			b := owner[g]
			if assigned[g] || len(g.lines) == 0 || b.next < 0 {
				continue
			}
			j := i - 1 // the nearest group above that heads a text
			for j >= 0 && owner[groups[j]] == b && !assigned[groups[j]] {
				j--
			}
			if j < 0 || owner[groups[j]] != b {
				continue
			}
			d := headedBy(drafts, groups[j])
			if d < b.next || d+1 >= len(drafts) || under[d+1] || drafts[d+1].head != nil {
				continue
			}
			bg := pairs(g.text())
			if s := m.score(bg, d+1); s >= minScore && float64(len(bg))*s >= 2 {
				drafts[d+1].head = g
				assigned[g] = true
			}
		}
	}
	// A group that fits best the article its neighbour in the block
	// heads, and no article without a headline, is a line of that
	// headline: a subtitle of the group before it, or a kicker of the
	// group after it.
	joined := map[*headGroup]*headGroup{} // group → the group it joined
	root := func(g *headGroup) *headGroup {
		for joined[g] != nil {
			g = joined[g]
		}
		return g
	}
	for i, g := range groups {
		d, ok := bestOf[g]
		if assigned[g] || !ok || len(g.lines) == 0 {
			continue
		}
		b := owner[g]
		if i > 0 && owner[groups[i-1]] == b && g.column == "" {
			if prev := root(groups[i-1]); drafts[d].head == prev {
				prev.lines = append(prev.lines, g.lines...)
				joined[g] = prev
				continue
			}
		}
		if i+1 < len(groups) && owner[groups[i+1]] == b && groups[i+1].column == "" && drafts[d].head == groups[i+1] {
			next := groups[i+1]
			next.lines = append(append([]pline(nil), g.lines...), next.lines...)
			next.column = g.column
			next.kicker = true
			joined[g] = next
		}
	}
	// Headlines set one after another over the texts they head stand in
	// the texts' order: the last group of a block that fits the text
	// after the one right under the block, though too little to head it
	// from where it stands, heads it when the group above it fits the
	// text under the block no worse than that next one; that group then
	// heads the text under the block.
	blockOrder(drafts, groups, owner, assigned, joined, blocks, m)
	// A group that fits no article by content heads a neighbour of its
	// block that has no headline: the article after it when it is the
	// block's last group (a headline printed above its text), else the
	// article before it when that is the block's first (printed below).
	// Headlines in a block stand in the order of their articles: one
	// before a headline of an article printed above the block heads the
	// article before that one.
	for i, g := range groups {
		b := owner[g]
		if assigned[g] || joined[g] != nil || len(g.lines) == 0 {
			continue
		}
		if isLabelUnderCredit(g, b, drafts) && drafts[b.prev].head == nil {
			// a photo label right under a credit heads the report the
			// credit closes, printed above it, not the text under it
			drafts[b.prev].head = g
			assigned[g] = true
			continue
		}
		first := i == 0 || owner[groups[i-1]] != b || headsAbove(drafts, groups, owner, i)
		if i+1 < len(groups) && owner[groups[i+1]] == b && assigned[groups[i+1]] {
			if d := headedBy(drafts, groups[i+1]); d >= 0 && d <= b.prev {
				if e := headlessBefore(drafts, d); e >= 0 {
					drafts[e].head = g
					assigned[g] = true
					continue
				}
			}
		}
		switch {
		case lastOf[g] && b.next >= 0 && drafts[b.next].head == nil:
			drafts[b.next].head = g
			assigned[g] = true
		case first && b.prev >= 0 && drafts[b.prev].head == nil:
			drafts[b.prev].head = g
			assigned[g] = true
		}
	}
	cuts := 0 // photo reports cut from the text above their labels
	// A group that fits nothing by itself is most likely a slogan kicker
	// of the group after it, or a subtitle of the one before it.
	// A photo label (图片报道) is neither: it heads a report of its own.
	for i, g := range groups {
		if assigned[g] || joined[g] != nil || len(g.lines) == 0 {
			continue
		}
		b := owner[g]
		// a group that fits another article than the one the group
		// after it heads is a headline of that article printed away
		// from it (a headline under its text), not a kicker
		fitsOther := func(h *headGroup) bool {
			d, ok := bestOf[g]
			return ok && drafts[d].head != h
		}
		switch {
		case !lastOf[g] && !isLabelGroup(g) && !isLabelGroup(groups[i+1]) && assigned[groups[i+1]] && groups[i+1].column == "" && !fitsOther(groups[i+1]) && headsGroup(g, groups[i+1]):
			next := groups[i+1]
			next.lines = append(append([]pline(nil), g.lines...), next.lines...)
			next.column = g.column
			next.kicker = true
			joined[g] = next
		case i > 0 && !isLabelGroup(g) && !isLabelGroup(root(groups[i-1])) && owner[groups[i-1]] == b && assigned[root(groups[i-1])] && g.column == "":
			prev := root(groups[i-1])
			prev.lines = append(prev.lines, g.lines...)
			joined[g] = prev
		case isLabelUnderCredit(g, b, drafts) && cuts < maxReportCuts:
			// a photo label under its report's credit, the report
			// read on with the article above it: the report is cut
			// from that article and headed by its label
			if nd := splitCaption(drafts[b.prev], g.lines[0]); nd != nil {
				drafts = insertDraft(drafts, b.prev+1, nd, blocks, bestOf)
				cuts++
				b.prev++ // the report stands right above its label
				nd.head = g
				assigned[g] = true
				break
			}
			drafts = p.keepAsBody(g, b, drafts)
		default:
			drafts = p.keepAsBody(g, b, drafts)
		}
	}
	for _, g := range groups {
		if !assigned[g] && len(g.lines) == 0 {
			drafts = p.keepAsBody(g, owner[g], drafts)
		}
	}
	for _, d := range drafts {
		if d.head == nil {
			headUnder(d)
		}
	}
	headAfterBlock(drafts, blocks, m)
	for i, d := range drafts {
		if d.head == nil && (i == 0 || drafts[i-1].ended || len(drafts[i-1].bylines) > 0) {
			headFirstLine(d)
		}
	}
	return drafts
}

// headFirstLine takes the first line of a draft that has no headline,
// right after an article closed by its byline, as its headline when it
// reads as one: a line of Chinese with no punctuation but quotes, over
// more text.
func headFirstLine(d *draft) {
	if len(d.lines) < 3 {
		return
	}
	l := d.lines[0]
	t := strings.TrimSpace(l.text)
	if l.kind != kBody || hanCount(t, 6) < 6 || runeCountMax(t, maxHeadline+1) > maxHeadline ||
		hasAny(t, "，。、；：！？,.;:!?（）()…—0123456789 　") {
		return
	}
	l.kind = kHead
	d.head = &headGroup{lines: []pline{l}}
	d.lines = d.lines[1:]
	d.setBody()
}

// headAfterBlock gives the article right after a block its headline
// from the block when all the block's lines went to the article before
// it and the article after has none: the last line of the group, unless
// it reads as part of the line above (a subtitle, a wrapped tail, a
// bracket left open, the line above filling the column), heads the
// article after the block, when the rest of the group fits the article
// before by itself and more than twice as well as the last line does
// (春天的约定 under its text, 我想独自去看海 over the next).
func headAfterBlock(drafts []*draft, blocks []*block, m *matcher) {
	for _, b := range blocks {
		if b.prev < 0 || b.next < 0 || b.prev >= len(drafts) || b.next >= len(drafts) || len(b.lines) < 2 {
			continue
		}
		dn, dp := drafts[b.next], drafts[b.prev]
		g := dp.head
		if dn.head != nil || g == nil || len(g.lines) < 2 || g.column != "" {
			continue
		}
		last, above := g.lines[len(g.lines)-1], g.lines[len(g.lines)-2]
		if g.lines[0].n != b.lines[0].n || last.n != b.lines[len(b.lines)-1].n {
			continue // the group is not the whole block
		}
		if above.full || last.widow || isSubtitle(last.text) || readsOn(above.text, last.text) || isHeadWidow(above.text, last.text) || isLabelHead(last.text) {
			continue
		}
		rest := &headGroup{lines: g.lines[: len(g.lines)-1 : len(g.lines)-1]}
		if s := m.score(pairs(rest.text()), b.prev); s < minScore || 2*m.score(pairs(last.text), b.prev) > s {
			continue
		}
		g.lines = rest.lines
		dn.head = &headGroup{lines: []pline{last}}
	}
}

// maxUnderLines is the most lines of a headline read from the end of its
// text by headUnder.
const maxUnderLines = 3

// headUnder takes the last paragraph of a draft that has no headline as
// its headline, printed under the text and read as a paragraph of it
// (一季度沪深股市出现大幅调整 / 不必恐慌，春天临近了！), when it reads as
// one: one to three short lines after a sentence end, with no full stop
// or semicolon, at most one comma a line, none ending with a comma or
// colon, and at least half of its character pairs, four or more, recur
// in the lead of the text above it, as a headline's words do.
func headUnder(d *draft) {
	n := len(d.lines)
	s := n
	for s > 0 && n-s < maxUnderLines {
		l := d.lines[s-1]
		if l.kind != kBody && l.kind != kBreak || s < n && endsSentence(l.text) {
			break
		}
		s--
	}
	if s == n || s < minCutLines || !endsSentence(d.lines[s-1].text) {
		return
	}
	var head strings.Builder
	for k := s; k < n; k++ {
		t := d.lines[k].text
		commas := strings.Count(t, "，") + strings.Count(t, ",")
		if runeCountMax(t, maxHeadline+1) > maxHeadline || hanCount(t, 2) < 2 || commas > 1 || endsWithStop(t) ||
			hasAny(strings.TrimRight(t, closers+" "), "。；;") || k < n-1 && endsSentence(t) {
			return
		}
		head.WriteString(t)
	}
	var above strings.Builder
	for k := 0; k < s && above.Len() < 3*leadRunes; k++ {
		above.WriteString(d.lines[k].text)
	}
	lead := hanBigrams(above.String(), leadRunes)
	hp := hanBigrams(head.String(), maxHeadline*4)
	hit := 0
	for k := range hp {
		if lead[k] {
			hit++
		}
	}
	if hit < 4 || 2*hit < len(hp) {
		return
	}
	g := &headGroup{}
	for _, l := range d.lines[s:] {
		l.kind = kHead
		g.lines = append(g.lines, l)
	}
	d.lines = d.lines[:s:s]
	d.head = g
	d.setBody()
}

// leadRunes is how much of a text's start is read as its lead by
// headUnder.
const leadRunes = 200

// headsGroup reports whether group g, which fits no article, reads as
// the top of the headline group next below it: a kicker by its words or
// punctuation (…强调, 老人独居，谁来送餐？, 从有房住到住好房——), the main
// line over a dashed subtitle, or one of two short parallel phrases
// (山间新居 / 茶韵悠然). A short label that fits nothing (图片报道 over
// a picture whose caption went elsewhere) is none of these.
func headsGroup(g, next *headGroup) bool {
	if len(g.lines) == 0 || len(next.lines) == 0 {
		return false
	}
	top := cleanHeadline(g.lines[len(g.lines)-1].text)
	below := cleanHeadline(next.lines[0].text)
	if rest, _, ok := columnTag(below); ok {
		below = rest
	}
	switch {
	case isKicker(top) || strings.HasSuffix(top, "——") || strings.HasSuffix(top, "：") ||
		endsAsKicker(top) && isQuestionKicker(top, below):
		return true
	case isDashed(below):
		return true
	}
	n, m := hanCount(top, 9), hanCount(below, 9)
	if n == m && n <= 8 && runeCountMax(top, 9) == runeCountMax(below, 9) && top != below {
		return true
	}
	// a slogan of one phrase (聚焦民生实事), longer than a label
	return len(g.lines) == 1 && n >= 6 && n <= 8 && !hasAny(top, "，。；：！？、,.;:!?（）()0123456789")
}

// endsAsKicker reports whether s ends as a question kicker may, leading
// into the line below: with a question or exclamation mark or a comma
// (老人独居在家，谁来送餐？). A line with a comma inside that ends
// otherwise (明天，我想去看海) is as likely a headline of its own.
func endsAsKicker(s string) bool {
	s = strings.TrimRight(s, closers)
	for _, e := range []string{"？", "！", "?", "!", "，", ","} {
		if strings.HasSuffix(s, e) {
			return true
		}
	}
	return false
}

// headsAbove reports whether every group of its block before groups[i]
// heads an article printed before the block other than the one right
// above it. Headlines stand in the order of their articles, so groups[i]
// is then the first that may head the article right above the block
// (a headline printed below its text, 图片报道 under a photo and its
// caption, after the headline of an article further up).
func headsAbove(drafts []*draft, groups []*headGroup, owner map[*headGroup]*block, i int) bool {
	b := owner[groups[i]]
	for j := i - 1; j >= 0 && owner[groups[j]] == b; j-- {
		if d := headedBy(drafts, groups[j]); d < 0 || d >= b.prev {
			return false
		}
	}
	return true
}

// blockOrder gives the last two groups of a block over several texts
// the two texts after it, in their order; see assignHeadlines.
func blockOrder(drafts []*draft, groups []*headGroup, owner map[*headGroup]*block, assigned map[*headGroup]bool,
	joined map[*headGroup]*headGroup, blocks []*block, m *matcher) {
	for i := 1; i < len(groups); i++ {
		g, f := groups[i], groups[i-1]
		b := owner[g]
		if owner[f] != b || assigned[f] || assigned[g] || joined[f] != nil || joined[g] != nil || len(f.lines) == 0 || len(g.lines) == 0 ||
			f.column != "" || g.column != "" || isLabelGroup(f) || isLabelGroup(g) || i+1 < len(groups) && owner[groups[i+1]] == b ||
			b.next < 0 || b.next+1 >= len(drafts) || drafts[b.next].head != nil || drafts[b.next+1].head != nil || underBlock(blocks, b.next+1) {
			continue
		}
		bg, fg := pairs(g.text()), pairs(f.text())
		s := m.score(bg, b.next+1)
		if s < minScore || float64(len(bg))*s < 2 || s <= m.score(bg, b.next) || m.score(fg, b.next) < m.score(fg, b.next+1) {
			continue
		}
		drafts[b.next].head, drafts[b.next+1].head = f, g
		assigned[f], assigned[g] = true, true
	}
}

// underBlock reports whether a block stands right over draft d.
func underBlock(blocks []*block, d int) bool {
	for _, b := range blocks {
		if b.next == d {
			return true
		}
	}
	return false
}

// headedBy returns the draft group g heads, or -1.
func headedBy(drafts []*draft, g *headGroup) int {
	for i, d := range drafts {
		if d.head == g {
			return i
		}
	}
	return -1
}

// headlessBefore returns the nearest draft before d that has no headline,
// looking back over no more than a few drafts, or -1.
func headlessBefore(drafts []*draft, d int) int {
	for e := d - 1; e >= 0 && e >= d-4; e-- {
		if drafts[e].head == nil {
			return e
		}
	}
	return -1
}

// takeTags moves a column tag standing alone on the first line of the
// text under a block ((经济新方位), set on a line of its own under the
// headline) back into the block, at its end.
func takeTags(drafts []*draft, blocks []*block) {
	for _, b := range blocks {
		if b.next < 0 || len(b.lines) == 0 {
			continue
		}
		d := drafts[b.next]
		if len(d.lines) < 2 || d.lines[0].kind != kBody && d.lines[0].kind != kBreak || !isTagLine(d.lines[0].text) {
			continue
		}
		l := d.lines[0]
		l.kind = kHead
		b.lines = append(b.lines, l)
		d.lines = d.lines[1:]
		d.setBody()
	}
}

// takeCredits moves the credit lines of a block (本期统筹：张三), which
// close the text before them rather than head the next, out of the block
// into the body of the draft before it (or after it, if none).
func (p *parser) takeCredits(b *block, drafts []*draft) {
	if b.prev < 0 && b.next < 0 {
		return
	}
	kept := b.lines[:0:0]
	for _, l := range b.lines {
		if l.kind != kHead || runeCountMax(l.text, 31) > 30 || !reCredit.MatchString(l.text) {
			kept = append(kept, l)
			continue
		}
		if b.prev >= 0 {
			drafts[b.prev].extra = append(drafts[b.prev].extra, cleanBody(l.text))
		} else {
			drafts[b.next].prefix = append(drafts[b.next].prefix, cleanBody(l.text))
		}
	}
	b.lines = kept
}

// keepAsBody puts the lines of an unmatched headline group into the body
// of the draft before its block (or after it, or a new one), so that no
// text is lost.
func (p *parser) keepAsBody(g *headGroup, b *block, drafts []*draft) []*draft {
	var parts []string
	if g.column != "" {
		parts = append(parts, g.column)
	}
	for _, l := range g.lines {
		parts = append(parts, cleanHeadline(l.text))
	}
	text := strings.Join(parts, " ")
	line := 0
	if len(g.lines) > 0 {
		line = g.lines[0].n
	}
	switch {
	case b.prev >= 0:
		drafts[b.prev].extra = append(drafts[b.prev].extra, text)
	case b.next >= 0:
		drafts[b.next].prefix = append(drafts[b.next].prefix, text)
	case len(drafts) > 0:
		drafts[0].prefix = append(drafts[0].prefix, text)
	default:
		drafts = append(drafts, &draft{prefix: []string{text}})
	}
	p.warn(line, "headline-like text %q fits no article; kept as body text", text)
	return drafts
}

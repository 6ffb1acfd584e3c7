package pages

import (
	"math"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A page's lines are told apart by evidence that holds across papers,
// weighed together rather than by one rule each:
//
//   - the line's width against the page's column: text fills the column,
//     a paragraph's first line is two characters short when the page
//     indents, its last line ends a sentence; a headline is wider than the
//     column (it spans several) or short without ending one;
//   - punctuation: text has commas and full stops, headlines few;
//   - what stands around it: a headline follows the end of a paragraph,
//     another headline or a byline, and is followed by a byline, a
//     dateline or the first line of a paragraph;
//   - whether its words recur in the text next to it, as a headline's do.
//
// Lines whose kind is certain by form (bylines, datelines, photo credits)
// are settled first; the others get a headline score, and a positive
// score makes a headline line. Whether a short heading is an article's
// headline or an intertitle inside one is decided later, when the
// articles are put together.

// layout is what the lines of a page say about its columns.
type layout struct {
	cols   [][2]float64 // for each line, the column width before and after it
	indent bool         // paragraphs start two characters in
	// for each line, computed once: its headline evidence, and its
	// character pairs
	ev    []float64
	known []bool
	rec   []float64 // recurrence, -1 until computed
	pairs [][][2]rune
	index pairIndex // the lines each pair of characters is on
}

// colWindow is the number of lines of text before, and after, a line
// whose widths give the column width on that side of it: articles on one
// page are set in columns of different widths.
const colWindow = 10

// minColLines is the least number of lines of text on one side of a line
// that tell the column width there without the line itself.
const minColLines = 3

// readLayout estimates the column width on each side of each line, the
// most common width of nearby lines of text that end no sentence, and
// whether paragraphs are indented: after a sentence end, lines two
// characters short outnumber full ones.
func readLayout(lines []pline, index pairIndex) layout {
	var at []int         // lines of text
	var widths []float64 // their widths
	for i, l := range lines {
		if w := l.w; w >= 5 && l.runes < 200 && isTextLike(l.text) && !endsSentence(l.text) {
			at = append(at, i)
			widths = append(widths, w)
		}
	}
	lay := layout{cols: make([][2]float64, len(lines)), ev: make([]float64, len(lines)),
		known: make([]bool, len(lines)), rec: make([]float64, len(lines)), pairs: make([][][2]rune, len(lines))}
	for i := range lay.rec {
		lay.rec[i] = -1
	}
	lay.index = index
	k := 0 // the first line of text after i
	for i := range lines {
		for k < len(at) && at[k] <= i {
			k++
		}
		// a line of text is measured against the lines around it, not
		// itself, unless they are too few to tell a column
		before, after := k, k
		if k > 0 && at[k-1] == i {
			before--
			if min(before, colWindow)+min(len(at)-k, colWindow) < minColLines {
				before, after = k, k-1
			}
		}
		lay.cols[i] = [2]float64{
			modeWidth(widths[max(0, before-colWindow):before]),
			modeWidth(widths[after:min(len(at), after+colWindow)]),
		}
		if lay.cols[i][0] == 0 {
			lay.cols[i][0] = lay.cols[i][1]
		}
		if lay.cols[i][1] == 0 {
			lay.cols[i][1] = lay.cols[i][0]
		}
	}
	short, full := 0, 0
	for i := 1; i < len(lines); i++ {
		if !endsSentence(lines[i-1].text) || endsSentence(lines[i].text) {
			continue
		}
		switch lay.band(i, lines[i].w) {
		case bandShort2:
			short++
		case bandFull:
			full++
		}
	}
	lay.indent = short > full
	return lay
}

// modeWidth returns the most common width, counting widths within half a
// character together; when none stands out (a short or ragged stretch),
// the upper quartile.
func modeWidth(ws []float64) float64 {
	if len(ws) == 0 {
		return 0
	}
	var buf [2*colWindow + 2]float64
	sorted := append(buf[:0], ws...)
	slices.Sort(sorted) // as sort.Float64s, without its interface calls
	best, bw := 0, 0.0
	for i, w := range sorted {
		n := 0
		for j := i; j < len(sorted) && sorted[j] <= w+1; j++ {
			n++
		}
		if n >= best {
			best, bw = n, sorted[i+n-1]
			if n > 1 {
				bw = sorted[i+n/2]
			}
		}
	}
	if 10*best < 3*len(sorted) {
		return sorted[len(sorted)*3/4]
	}
	return bw
}

// isTextLike reports a line with punctuation inside it, as lines of text
// nearly always have and headlines seldom.
func isTextLike(t string) bool {
	t = strings.TrimRightFunc(t, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) })
	return hasAny(t, "，。、；：")
}

// stretched reports a line set with gaps between its characters, by
// justification (检 查 车 辆 13760 台 次) or around numbers (自 6 月 30 日):
// however many characters it holds, it fills its column.
func stretched(t string) bool {
	return len(strings.Fields(t)) >= 3 && !phrases(t)
}

// phrases reports a line of three or four runs of two or more Chinese
// characters set apart by gaps, with no punctuation or digits: phrases of
// a headline (哪组 冤家路窄 谁人 一马平川), not a line of text stretched
// by justification, whose gaps fall between single characters or around
// numbers.
func phrases(t string) bool {
	f := strings.Fields(t)
	if len(f) < 3 || len(f) > 4 {
		return false
	}
	for _, w := range f {
		if n := runeCountMax(w, 9); n < 2 || hanCount(w, 9) != n {
			return false
		}
	}
	return true
}

// width bands of a line against the column.
const (
	bandWide   = iota // wider than the column
	bandFull          // a full line
	bandShort2        // two characters short: an indented first line
	bandShort         // shorter
)

// band returns the width band of w at line i, against the column on
// either side of it: a line as wide as either is a full line.
func (lay layout) band(i int, w float64) int {
	b, wide := bandShort, true
	for _, col := range lay.cols[i] {
		switch {
		case col == 0:
		case w > col+1.5:
			continue
		case w >= col-1:
			return bandFull
		case w >= col-2.5:
			b = bandShort2
		}
		wide = false
	}
	if wide && lay.cols[i][0]+lay.cols[i][1] > 0 {
		return bandWide
	}
	return b
}

// stretchedBand is the band of a line set with gaps (stretched): its
// width is less certain, and it is read one band nearer a full line.
func (lay layout) stretchedBand(i int, w float64) int {
	b := lay.band(i, w)
	switch {
	case b == bandWide && lay.band(i, w-1) != bandWide:
		return bandFull
	case b > bandFull:
		return b - 1
	}
	return b
}

// classify sets the kind of each line and returns the page's layout.
func classify(lines []pline, index pairIndex) layout {
	lay := readLayout(lines, index)
	for i := range lines {
		settleForm(lines, i)
	}
	for i := range lines {
		markedAuthor(lines, i)
	}
	for i := 0; i < len(lines); {
		l := &lines[i]
		switch {
		case l.kind != kBody:
			i++
		case !opensHere(lines, i):
			if (setAmid(lines, i, lay) || overStart(lines, i, lay)) && !endsBullet(lines, i, lay) {
				l.kind = kHead
			}
			i++
		default:
			if _, ok := isColumnLabel(l.text); ok {
				l.kind = kColumn
				i++
				continue
			}
			i = readRun(lines, i, lay)
		}
	}
	// A line over a subtitle set with a dash is the headline the
	// subtitle goes on from, though it has a comma or fills the column
	// (生活更加便利，环境更加宜居 / ——旧貌变新颜): a paragraph of text
	// that breaks off without a stop goes on in words, not with a dash.
	for i := len(lines) - 2; i >= 0; i-- {
		if lines[i].kind == kBody && lines[i+1].kind == kHead && overDash(lines[i].text, lines[i+1].text) {
			lines[i].kind = kHead
		}
	}
	// A kicker above a headline, though it asks a question or has a
	// comma: 老人独居在家，谁来上门送餐？
	for i := len(lines) - 2; i >= 0; i-- {
		if lines[i].kind == kBody && lines[i+1].kind == kHead && opensHere(lines, i) &&
			!endsWithStop(lines[i].text) && (headEvidence(lines, i, lay) > kickerFloor(lines, i) || asksOver(lines, i, lay)) {
			lines[i].kind = kHead
		}
	}
	for i := 1; i < len(lines); i++ {
		switch {
		case lines[i].kind == kHead && lines[i-1].kind == kHead:
			afterHead(lines, i, lay)
		case lines[i].kind == kBody && lines[i-1].kind == kHead:
			unitUnder(lines, i)
		}
	}
	for i := 1; i < len(lines); i++ {
		if lines[i].kind == kHead && lines[i-1].kind == kHead {
			authorUnder(lines, i, lay)
		}
	}
	for i := 2; i+1 < len(lines); i++ {
		textUnderByline(lines, i)
	}
	numberedItems(lines, lay)
	for i := range lines {
		lines[i].full = lay.band(i, lines[i].w) <= bandFull
		standAlone(lines, i)
		if lines[i].kind == kBody && isNoteLine(lines[i].text) {
			lines[i].kind = kBreak // ——编者, （作者为本报评论员）: the end of a paragraph
		}
	}
	return lay
}

// overDash reports a line that ends neither a sentence nor a clause,
// right over a line that opens with a dash.
func overDash(t, next string) bool {
	t = strings.TrimSpace(t)
	return strings.HasPrefix(strings.TrimSpace(next), "——") && !endsWithStop(t) && !endsSentence(t) &&
		!strings.HasSuffix(t, "—") && !strings.HasSuffix(t, "…") && hanCount(t, 2) >= 2
}

// textUnderByline settles a heading-like line between a byline under a
// headline and text (headline / □ 记者 X / 由某公司投资的某项目 / text):
// the byline has closed the headline, so the line is the first line of
// the text, short and without punctuation as an indented first line may
// be, not a second headline.
func textUnderByline(lines []pline, i int) {
	l := &lines[i]
	by := lines[i-1]
	if l.kind != kHead || by.kind != kByline || by.author || lines[i-2].kind != kHead || reCredit.MatchString(lines[i-2].text) {
		return // a credit line (本版制图：X) closes the text before it, not heads
	}
	if k := lines[i+1].kind; k != kBody && k != kBreak {
		return
	}
	l.kind = kBody
}

// kickerFloor is the least headline evidence of a line over a headline
// line for it to be read as a kicker: less at the top of the page or right
// after an article's byline, where a headline is likelier than text.
func kickerFloor(lines []pline, i int) float64 {
	if i == 0 || lines[i-1].kind == kEndByline || lines[i-1].kind == kByline && !lines[i-1].author {
		return -4.5
	}
	return -2.5
}

// isTagLine reports a line that is only a column tag in brackets, as a
// long headline's tag wraps onto a line of its own: （经济新方位）.
func isTagLine(t string) bool {
	t = strings.TrimSpace(t)
	inner, ok := strings.CutPrefix(t, "（")
	if !ok {
		return false
	}
	inner, ok = strings.CutSuffix(inner, "）")
	return ok && isTagText(inner)
}

// setAmid reports a line that does not open a paragraph but is a
// headline all the same: something set amid a paragraph (a box of
// briefs, or the next article where a column's text breaks off) shows by
// a headline that nothing else explains.
func setAmid(lines []pline, i int, lay layout) bool {
	if formEvidence(lines, i, lay)+maxRecurrence < 0.5 {
		return false
	}
	h := headEvidence(lines, i, lay)
	return h >= 4 || h >= 2 && i+1 < len(lines) && opens(lines[i+1].kind) || h >= 0.5 && interrupts(lines, i, lay)
}

// overStart reports a line amid text that stands right over an article
// start (新华社北京3月1日电, 本报讯) or over a byline that opens text or
// a start (本报记者 X / text), perhaps with its wrapped tail between: the
// headline of that article, set where the text of the column before
// breaks off. The text's own lines go on from the line above (a word
// across the break) or end with a stop, a comma or an ellipsis; a
// headline does neither, and its form and words say headline at least
// weakly.
func overStart(lines []pline, i int, lay layout) bool {
	if i+1 >= len(lines) {
		return false
	}
	// over its wrapped tail (三峡船闸提前恢复 / 通航 / 本报记者 X)
	j := i + 1
	if j+1 < len(lines) && lines[j].kind == kBody && isWidow(lines[j].text) {
		j++
	}
	next := lines[j]
	opensText := next.kind == kByline && !next.author && j+1 < len(lines) && (lines[j+1].kind == kBody || lines[j+1].kind == kStart)
	if next.kind != kStart && !opensText {
		return false
	}
	t := strings.TrimSpace(lines[i].text)
	if endsWithStop(t) || strings.HasSuffix(t, "…") || lay.joins(lines[i-1].text, t) {
		return false
	}
	return headEvidence(lines, i, lay) >= -0.5
}

// maxBulletLines is the most lines of a summary paragraph set with a
// bullet that endsBullet looks back over.
const maxBulletLines = 40

// endsBullet reports a line that ends a paragraph begun above it with a
// bullet (■ 乡村振兴要靠产业带动，…… / …… / 一茬接着一茬干): the
// summary points printed over an article's dateline often end with no
// sentence end, and their short last line, right over the dateline, is
// their text, not a headline set amid the text. Every line between the
// bullet and the line fills the column, as a paragraph's lines do.
func endsBullet(lines []pline, i int, lay layout) bool {
	for j := i - 1; j >= 0 && j >= i-maxBulletLines; j-- {
		l := lines[j]
		if l.kind != kBody {
			return false
		}
		if strings.HasPrefix(strings.TrimSpace(l.text), "■") {
			return true
		}
		if lay.band(j, l.w) != bandFull {
			return false
		}
	}
	return false
}

// breaksRun reports a line amid a run of text that is a headline all the
// same: the next article set where a column's text breaks off, shown by
// strong evidence of its own (wider than the column, no punctuation,
// words that recur) after a line that reads as text, unless the next line
// ends the paragraph short, as a wide line that a caption or brief
// carries on to does.
func breaksRun(lines []pline, i int, lay layout) bool {
	if !isTextLike(lines[i-1].text) || lay.band(i, lines[i].w) != bandWide || formEvidence(lines, i, lay)+maxRecurrence < 4 ||
		headEvidence(lines, i, lay) < 4 {
		return false
	}
	if i+1 < len(lines) {
		next := lines[i+1]
		if next.kind == kBody && endsSentence(next.text) && lay.band(i+1, next.w) == bandShort {
			return false
		}
	}
	return true
}

// interrupts reports a short line that ends no sentence right after a
// full line that ends none: no paragraph goes on so, something is set
// amid it.
func interrupts(lines []pline, i int, lay layout) bool {
	prev, t := lines[i-1], lines[i].text
	return prev.kind == kBody && !endsSentence(prev.text) && lay.band(i-1, prev.w) == bandFull &&
		lay.band(i, lines[i].w) == bandShort && !endsSentence(t) && !endsWithStop(t) && !stretched(t) &&
		!lay.joins(prev.text, t)
}

// joins reports whether the characters either side of a line break make
// a pair found elsewhere on the page: a word goes on across the break.
func (lay layout) joins(a, b string) bool {
	ra, rb := lastHan(a), firstHan(b)
	return ra != 0 && rb != 0 && lay.index.count(ra, rb) > 0
}

// opens reports kinds of line that open an article: a dateline lead or a
// byline.
func opens(k lineKind) bool { return k == kStart || k == kByline }

// maxHeadRun is the most headline lines read before text in one run.
const maxHeadRun = 8

// readRun reads the lines from i, where a paragraph or a headline may
// start, to the end of the paragraph that follows: the first line that
// ends a sentence or is a note in brackets (（本报北京电）), or the line
// before one whose kind is settled. Some
// first lines of the run may be headline lines and the rest text: of the
// ways to split it, the one with the most evidence is taken. It returns
// the index after the run.
func readRun(lines []pline, i int, lay layout) int {
	end := i // last line of the run
	for end+1 < len(lines) && lines[end+1].kind == kBody && !endsSentence(lines[end].text) && !isBracketNote(lines[end].text) &&
		!signedEnd(lines[end].text) &&
		!interrupts(lines, end+1, lay) &&
		!(end+1 > i+1 && breaksRun(lines, end+1, lay)) && !(end+1 > i && overStart(lines, end+1, lay)) {
		end++
	}
	closed := endsSentence(lines[end].text) // the run ends a paragraph
	next := lineKind(-1)
	if end+1 < len(lines) {
		next = lines[end+1].kind
	}
	// a byline after the run that opens the text after it
	opensText := next == kByline && !lines[end+1].author && end+2 < len(lines) && lines[end+2].kind == kBody
	// k is the first line of text; heads are lines[i:k]
	best, bestK := textShape(lines, i, end, lay, closed, next), i
	heads := 0.0
	if i == 0 || i > 0 && (lines[i-1].kind == kEndByline || lines[i-1].kind == kByline && !lines[i-1].author && i > 1 && lines[i-2].kind != kHead) {
		// the top of the page, or an article has just ended with its
		// byline: a headline is likelier than text
		heads += 1.5
		if i > 0 && i == end && asksOrExclaims(lines[i].text) {
			// a line by itself that asks or exclaims, where the next
			// article begins, is its headline whatever its commas
			// (成人感染被转运，孩子谁来照顾？): text opens with what
			// it tells, not with a line that ends so
			heads += 6
		}
	}
	for k := i + 1; k <= min(end+1, i+maxHeadRun); k++ {
		t := lines[k-1].text
		tag := k-1 > i && isTagLine(t)
		if endsWithStop(t) || endsSentence(t) && k-1 != end || hasAny(strings.TrimRight(t, "。；; "), "。；;") || isNoteLine(t) && !tag {
			break // a headline holds no full stop, and is no note
		}
		if k-1 > i && pointMarked(t) {
			break // a point set with a bullet under a headline opens the text
		}
		if (k-1 > i || underHead(lines, i, lay)) && (isWidow(t) || tag) {
			heads += 2 // the wrapped tail of the headline line above, or its column tag
		} else {
			heads += headEvidence(lines, k-1, lay)
		}
		var sc float64
		if k > end {
			if closed && !endsSentence(lines[end].text) {
				break
			}
			sc = heads + allHeads(next)
			if opensText {
				sc += 1 // a byline over text stands under a headline
			}
			if endsWithStop(lines[end].text) {
				sc -= 4 // a full stop closes text, not a headline
			}
		} else {
			sc = heads + textShape(lines, k, end, lay, closed, next) + leadLike(lines[k].text)
			if goesOn(lines[k-1], lines[k], k == end && closed, lay) {
				// text carried on across the break: it outweighs the
				// evidence of a line wider than the columns, as every
				// line of a brief set across them is
				sc -= 6
			}
		}
		if sc > best {
			best, bestK = sc, k
		}
	}
	for k := i; k < bestK; k++ {
		lines[k].kind = kHead
	}
	return end + 1
}

// asksOrExclaims reports a line of at least four Chinese characters,
// short enough for a headline, that ends with a question or an
// exclamation mark and has no full stop, and is no one's words in quotes.
func asksOrExclaims(t string) bool {
	t = strings.TrimSpace(t)
	r, _ := utf8.DecodeLastRuneInString(t)
	return strings.ContainsRune("？！?!", r) && !hasAny(t, "。；;") && !strings.HasPrefix(t, "“") && !strings.HasPrefix(t, "「") &&
		hanCount(t, 4) >= 4 && runeCountMax(t, maxHeadline+1) <= maxHeadline
}

// underHead reports a run that starts right under a headline line that
// fills the column: its first line may be that line's wrapped tail (平台获
// / 解), which alone has too few characters to weigh as a headline.
func underHead(lines []pline, i int, lay layout) bool {
	return i > 0 && lines[i-1].kind == kHead && lay.band(i-1, lines[i-1].w) <= bandFull
}

// isBracketNote reports a line that is only a note in brackets, as ends
// an article: （本报北京电）, （相关报道见第三版）.
func isBracketNote(t string) bool {
	return (strings.HasPrefix(t, "（") || strings.HasPrefix(t, "(")) && (strings.HasSuffix(t, "）") || strings.HasSuffix(t, ")"))
}

// goesOn reports a line that the next line carries on as text: one
// paragraph set wider than the columns around it (a brief across the
// page), not a headline over text. The line has commas or a word runs on
// across the break (波|兰), and the next line is as wide and holds a full
// stop, or is shorter and ends the paragraph (last, when it is the last
// line of the run and ends a sentence), which a lead of one line rarely
// does.
func goesOn(l, next pline, last bool, lay layout) bool {
	if !hasAny(l.text, "，、,") && !lay.joins(l.text, next.text) {
		return false
	}
	if math.Abs(l.w-next.w) <= 2 {
		return hasAny(next.text, "。；;")
	}
	return last && next.w < l.w
}

// allHeads weighs a run that is headline lines only, by what follows it.
func allHeads(next lineKind) float64 {
	switch next {
	case kStart, kByline:
		return 3
	case kHead, kColumn, kPhoto:
		return 1
	}
	return -1
}

// textShape weighs lines[k..end] as a paragraph of text: a paragraph of
// several lines starts with an indented or a full line, goes on with full
// lines and ends a sentence. Where paragraphs are indented, an indented
// line inside it opens a new paragraph: the line above, when it has no
// punctuation inside and is no author's line, ended one without a
// sentence end, as only a headline does (迎来第 / 一个春节——日子红火).
func textShape(lines []pline, k, end int, lay layout, closed bool, next lineKind) float64 {
	s := 0.0
	if k < end {
		switch lay.band(k, lines[k].w) {
		case bandShort:
			switch {
			case stretched(lines[k].text):
			case pointMarked(lines[k].text) && !opensHere(lines, k):
				// a point under a headline line: its bullet takes the
				// place of an indent
			case isTextLike(lines[k].text):
				s -= 1.5 // short, as when a long number went to the next line
			default:
				s -= 4 // a short line does not open a paragraph that goes on
			}
		case bandFull:
			if lay.indent {
				s -= 1
			}
		case bandWide:
			s -= 2
		}
	}
	if !closed && (next == kStart || next == kByline && k == end) {
		s -= 2 // text that runs into a dateline without ending
	}
	if lay.indent {
		for j := k + 1; j <= end; j++ {
			if lay.band(j, lines[j].w) == bandShort2 && !stretched(lines[j].text) && !isTextLike(lines[j-1].text) &&
				!namesFirst(lines[j-1].text) {
				s -= 2 // an indented line opens a paragraph: the line above ended one
				break
			}
		}
	}
	return s
}

// namesFirst reports a line that opens with a name of two or three
// characters set off by a gap (张明 北京市第一中学), as an author's line
// does.
func namesFirst(t string) bool {
	f := strings.Fields(t)
	if len(f) < 2 {
		return false
	}
	n := runeCountMax(f[0], 4)
	return n >= 2 && n <= 3 && hanCount(f[0], 4) == n && hasSurname(f[0])
}

// reLeadLike matches how a lead often opens: a date, 近日, 记者.
var reLeadLike = regexp.MustCompile(`^(?:\d{1,2}月\d{1,2}日|\d{4}年|近日|日前|近期|近年来|今年|去年|昨天|昨日|今天|今日|记者)`)

// leadLike weighs a line as the first of an article's text.
func leadLike(t string) float64 {
	if reLeadLike.MatchString(compact(t)) {
		return 1
	}
	return 0
}

// headEvidence weighs what line i itself says about being a headline
// line: punctuation, width against the column, a leading dash, a gap
// between phrases, and how much its words recur in the text around it.
func headEvidence(lines []pline, i int, lay layout) float64 {
	f := formEvidence(lines, i, lay)
	if f < -5 {
		return f - 0.8 // text by its form whatever recurs: not worth counting
	}
	return f + 2*(lay.recurrence(lines, i)-0.4)
}

// maxRecurrence is the most that recurrence adds to headEvidence.
const maxRecurrence = 1.2

// formEvidence is the part of headEvidence that the line's own form
// gives, computed once.
func formEvidence(lines []pline, i int, lay layout) float64 {
	if lay.known[i] {
		return lay.ev[i]
	}
	lay.ev[i], lay.known[i] = lineForm(lines, i, lay), true
	return lay.ev[i]
}

// lineForm computes formEvidence.
func lineForm(lines []pline, i int, lay layout) float64 {
	t := lines[i].text
	if hanCount(t, 2) < 2 || runeCountMax(t, 81) > 80 || isNoteLine(t) {
		return -10
	}
	s := punctEvidence(t)
	w := lines[i].w
	band := lay.band(i, w)
	spread := stretched(t)
	if spread {
		band = lay.stretchedBand(i, w)
	}
	switch band {
	case bandWide:
		s += 3 + min(2, (w-max(lay.cols[i][0], lay.cols[i][1]))/4)
	case bandFull:
		s -= 2.5
	case bandShort2:
		if lay.indent || spread {
			s -= 1.5
		} else {
			s += 0.5
		}
	default:
		s += 1.5
	}
	if strings.HasPrefix(t, "—") {
		s += 2 // a subtitle
	}
	if _, _, ok := columnTag(t); ok {
		s += 2 // a column tag in brackets ends a headline, not a line of text
	}
	return s
}

// headScore weighs the evidence that line i is a headline line where it
// stands: its own evidence, and what stands before and after it.
func headScore(lines []pline, i int, lay layout) float64 {
	s := headEvidence(lines, i, lay)
	if opensHere(lines, i) {
		s += 0.5
	} else {
		s -= 3
	}
	if i+1 < len(lines) && opens(lines[i+1].kind) {
		s += 3
	}
	return s
}

// endsWithStop reports a line ending with a full stop or semicolon (or
// a comma): text, never a headline.
func endsWithStop(t string) bool {
	r, _ := utf8.DecodeLastRuneInString(strings.TrimRight(t, closers+" "))
	return strings.ContainsRune("。；;，、,：:", r)
}

// settleForm sets the kind of a line whose form says what it is: a
// dateline or 本报讯 lead, a line that is only a byline, a photo credit.
func settleForm(lines []pline, i int) {
	l := &lines[i]
	if b, end, ok := parseBylineLine(l.text); ok {
		l.by = &b
		l.kind = kByline
		if end {
			l.kind = kEndByline
		}
		return
	}
	if isArticleStart(l.text) {
		l.kind = kStart
		return
	}
	if parsePhotoCredit(l.text) != nil || isCreditLine(l.text) {
		l.kind = kPhoto
		return
	}
	if hasRoleWord(l.text) {
		// a byline after the line's last sentence ends the article:
		// ……确保家中安全。 本报记者 潘高峰
		if b, rest, ok := parseTailByline(l.text); ok && allSurnamed(b.names) && (spacedTail(l.text, rest) || spacedRole(b.text)) {
			l.text, l.tail = rest, &b
			if parsePhotoCredit(rest) != nil || isCreditLine(rest) {
				l.kind = kPhoto // 李四摄（影像中国）  记者 张三
			}
		}
	}
}

// markedAuthor settles a line that is only an author's name set off by
// a mark (◆周立民, 文/付秀宏) over a line of text as the author line of
// the text after it, wherever it stands: the line above it, a headline
// with a comma, is then read knowing what follows it.
func markedAuthor(lines []pline, i int) {
	l := &lines[i]
	if l.kind != kBody || !textNext(lines, i) || !reAuthorMark.MatchString(l.text) {
		return
	}
	b, ok := parseAuthorLine(l.text)
	if !ok || !allSurnamed(b.names) {
		return
	}
	l.by, l.kind, l.author = &b, kByline, true
}

// textNext reports whether the line after i is article text or opens an
// article (本报讯 …): an author's name stands over either.
func textNext(lines []pline, i int) bool {
	return i+1 < len(lines) && (lines[i+1].kind == kBody || lines[i+1].kind == kStart)
}

// spacedTail reports whether the byline after rest in t is set apart by
// a gap or by brackets that close the line (……好去处。（记者 张三）), as a
// byline closing an article is; text that names a reporter (……。记者张三说)
// runs on without either.
func spacedTail(t, rest string) bool {
	if len(t) <= len(rest) {
		return false
	}
	tail := t[len(rest):]
	return tail[0] == ' ' || (strings.HasPrefix(tail, "（") || strings.HasPrefix(tail, "(")) &&
		(strings.HasSuffix(tail, "）") || strings.HasSuffix(tail, ")"))
}

// spacedRole reports whether a byline opens with a role word set apart
// from the name after it (本报记者 张三): a byline run on after the last
// sentence without a gap (……的效率。本报记者 张三) is one still, while
// text that names a reporter runs the name on (……。记者张三说).
func spacedRole(by string) bool {
	at, w := findRole(by)
	if at != 0 || w >= len(by) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(by[w:])
	return unicode.IsSpace(r)
}

// pairElsewhere reports a line of two characters that occur together on
// another line of the page: a word (方便), not a name, which the page
// prints only in its byline.
func pairElsewhere(t string, lay layout) bool {
	rs := []rune(strings.TrimSpace(t))
	return len(rs) == 2 && lay.index.count(rs[0], rs[1]) >= 2
}

// allSurnamed reports whether every name starts with a surname: a
// byline found inside a line is taken only so (本报记者采访了 is text).
func allSurnamed(names []string) bool {
	for _, n := range names {
		if !hasSurname(n) {
			return false
		}
	}
	return len(names) > 0
}

// afterHead settles a short line right under a headline line: the tail
// of a headline wrapped at its last characters, or the author's name.
func afterHead(lines []pline, i int, lay layout) bool {
	l := &lines[i]
	if n := authorUnit(lines, i); n > 0 {
		for k := i; k < i+n; k++ {
			lines[k].kind = kBody
		}
		lines[i+n-1].kind = kBreak
		lines[i].author = true // it opens an article, as a byline does
		return true
	}
	if b, ok := parseAuthorLine(l.text); ok && reAuthorMark.MatchString(l.text) {
		l.by, l.kind, l.author = &b, kByline, true // ◆周立民, 文/付秀宏
		return true
	}
	if pw := lines[i-1].w; isWidow(l.text) && (lay.band(i-1, pw) <= bandFull || pw >= minWidowHead ||
		!hasSurname(l.text) && pw >= headRunWidth(lines, i-1)-1.5) {
		l.kind, l.widow = kHead, true
		return true
	}
	if isWidow(l.text) && runeCountMax(l.text, 3) <= 2 && !hasSurname(l.text) && i+1 < len(lines) && lines[i+1].kind == kBody {
		// two characters under the headline, too short to be its
		// wrapped tail, right over the text (求助 / 我的妻子……): a
		// label of the text's first paragraph
		l.kind = kBreak
		return true
	}
	if b, ok := parseAuthorLine(l.text); ok {
		if lay.joins(lines[i-1].text, l.text) && (!hasSurname(l.text) || pairElsewhere(l.text, lay)) || parallelTail(lines[i-1].text, l.text) {
			// a word goes on across the break (巴基斯坦总 / 理伊姆兰·汗),
			// and the line starts with no surname, or is a word printed
			// elsewhere on the page (就业更 / 方便): the headline's tail
			l.kind, l.widow = kHead, true
			return true
		}
		l.by, l.kind, l.author = &b, kByline, true
		return true
	}
	return false
}

// parallelTail reports a short line that finishes the second of two
// phrases of a headline line set apart by a gap, as long as the first
// (服务牧民群众 建设富 / 饶草原): a headline's two parallel phrases are
// mostly as long as each other, so the line is the wrapped tail of the
// second, not an author's name.
func parallelTail(head, t string) bool {
	f := strings.Fields(head)
	if len(f) != 2 || endsSentence(head) || hanCount(f[0], 13) != utf8.RuneCountInString(f[0]) || hanCount(f[1], 13) != utf8.RuneCountInString(f[1]) {
		return false
	}
	n1, n2 := utf8.RuneCountInString(f[0]), utf8.RuneCountInString(f[1])
	return n2 < n1 && n2+utf8.RuneCountInString(t) == n1
}

// unitUnder marks an author's name and unit read as text right under a
// headline (张三 某中学 初二（3）班): the opening of a reader's piece,
// as a byline is, so the headline over it heads that piece rather than
// standing as an intertitle of the text before.
func unitUnder(lines []pline, i int) {
	n := authorUnit(lines, i)
	if n == 0 {
		return
	}
	for k := i; k < i+n; k++ {
		lines[k].kind = kBody
	}
	lines[i+n-1].kind = kBreak
	lines[i].author = true
}

// reUnitEnd matches the end of a contributor's school or unit, printed
// after the name under the headline of a reader's piece: 某某中学 初三（2）班.
var reUnitEnd = regexp.MustCompile(`(?:中学|小学|大学|学院|学校|幼儿园|年级|班)$`)

// authorUnit returns how many lines from i, one or two, hold an author's
// name and the school or unit after it (张三 某市第一中学 初二（3）班),
// printed under a headline over the text: the opening paragraph of the
// text, not a subtitle. The name has two or three characters and starts
// with a surname; a short second line finishes the unit when the first
// breaks it.
func authorUnit(lines []pline, i int) int {
	f := strings.Fields(lines[i].text)
	if len(f) < 2 || runeCountMax(lines[i].text, 31) > 30 || !isName(f[0]) || hanCount(f[0], 4) > 3 || !hasSurname(f[0]) {
		return 0
	}
	unit := compact(strings.Join(f[1:], ""))
	n := 1
	if !reUnitEnd.MatchString(unit) && i+1 < len(lines) && runeCountMax(lines[i+1].text, 13) <= 12 &&
		lines[i+1].kind != kByline && lines[i+1].kind != kStart {
		unit += compact(lines[i+1].text)
		n = 2
	}
	if !reUnitEnd.MatchString(unit) || !hasAny(unit, "学校园") || strings.ContainsAny(unit, "。，；！？") ||
		i+n >= len(lines) || lines[i+n].kind != kBody && lines[i+n].kind != kHead {
		return 0
	}
	return n
}

// standAlone settles an author's name standing alone over the text of
// an article whose headline is printed elsewhere (after it, or in a block
// of headlines): ◆周立民, or a bare name of two or three characters that
// starts with a surname, where a paragraph may open and text follows.
func standAlone(lines []pline, i int) {
	l := &lines[i]
	if l.kind != kHead && l.kind != kBody || i > 0 && lines[i-1].kind == kHead || !opensHere(lines, i) ||
		!textNext(lines, i) || endsSentence(l.text) {
		return
	}
	b, ok := parseAuthorLine(l.text)
	if !ok || !reAuthorMark.MatchString(l.text) && (runeCountMax(l.text, 4) > 3 || !hasSurname(l.text)) {
		return
	}
	if !reAuthorMark.MatchString(l.text) && signedLead(lines, i+1) {
		// a bare name over a lead that names its own reporters signs
		// nothing of its article: after a sentence of text, it is the
		// last words of the text before (……的方式。 / 张三 / 本报讯（记者 李四）)
		if i > 0 && lines[i-1].kind == kBody && endsSentence(lines[i-1].text) {
			l.kind = kBody
		}
		return
	}
	l.by, l.kind, l.author = &b, kByline, true
}

// signedLead reports a lead at line i that names its own reporters
// (本报讯（记者 张三）).
func signedLead(lines []pline, i int) bool {
	return lines[i].kind == kStart && hasRoleWord(lines[i].text) && !relayed(lines[i].text)
}

// headRunWidth is the width of the widest of the headline lines up to
// line i.
func headRunWidth(lines []pline, i int) float64 {
	w := lines[i].w
	for j := i - 1; j >= 0 && lines[j].kind == kHead; j-- {
		w = max(w, lines[j].w)
	}
	return w
}

// opensHere reports whether line i stands where a heading may: at the
// top, after the end of a paragraph, a headline or a byline.
func opensHere(lines []pline, i int) bool {
	if i == 0 {
		return true
	}
	switch prev := lines[i-1]; prev.kind {
	case kHead, kColumn, kByline, kEndByline, kPhoto:
		return true
	default:
		return endsSentence(prev.text) || isNoteLine(prev.text) || signedEnd(prev.text)
	}
}

// signedEnd reports a line that ends a paragraph with its author's name
// after the last sentence (……博弈的方式。应健中): two or three characters
// that read as a name, after a full stop, a question or an exclamation
// mark. A photo credit (……。李霞摄) is no signature.
func signedEnd(t string) bool {
	t = strings.TrimRightFunc(t, unicode.IsSpace)
	// Find the last full stop, question or exclamation mark reading back
	// from the end; the name after it is at most three characters, so
	// more than three before one is no signature.
	i, seen := len(t), 0
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(t[:i])
		i -= n
		if strings.ContainsRune("。！？!?", r) {
			break
		}
		if !unicode.IsSpace(r) {
			if seen++; seen > 3 {
				return false
			}
		}
	}
	if i <= 0 {
		return false
	}
	_, n := utf8.DecodeRuneInString(t[i:])
	name := strings.TrimSpace(t[i+n:])
	k := runeCountMax(name, 4)
	return k >= 2 && k <= 3 && hanCount(name, 4) == k && hasSurname(name) && !strings.HasSuffix(name, "摄")
}

// punctEvidence weighs a line's punctuation: none at all says headline,
// commas say text, a full stop says text for certain.
func punctEvidence(t string) float64 {
	s := 0.0
	r, _ := utf8.DecodeLastRuneInString(strings.TrimRight(t, closers+" "))
	switch {
	case strings.ContainsRune("。；;，、,：:", r):
		s -= 6
	case endsSentence(t):
		s -= 1.5 // a question or exclamation ends some headlines
	}
	if hasAny(strings.TrimRight(t, "。；; "), "。；;") {
		s -= 3
	}
	commas := strings.Count(t, "，") + strings.Count(t, "、") + strings.Count(t, "：") + strings.Count(t, ",")
	s -= 1.2 * float64(min(commas, 3))
	if strings.IndexFunc(t, func(r rune) bool {
		return unicode.IsPunct(r) && !strings.ContainsRune("“”‘’《》·—-（）()", r)
	}) < 0 {
		s += 1.5
	}
	if phraseGap(t) {
		s += 1 // two phrases set apart by a space: 春分到 春耕忙
	}
	return s
}

// phraseGap reports a single gap between two runs of characters in a
// line that is not letter-spaced.
func phraseGap(t string) bool {
	if hasAny(t, "，。、；：,;:") {
		return false
	}
	f := strings.Fields(t)
	return len(f) == 2 && hanCount(f[0], 2) >= 2 && hanCount(f[1], 2) >= 2 || phrases(t)
}

// recurrence is the share of line i's character pairs that occur in the
// text just after it or just before it (about 400 characters), whichever
// is more: a headline repeats the words of its article, which stands
// after it, or before it when the headline is printed below.
func (lay layout) recurrence(lines []pline, i int) float64 {
	if lay.rec[i] >= 0 {
		return lay.rec[i]
	}
	lay.rec[i] = lay.computeRecurrence(lines, i)
	return lay.rec[i]
}

// asksOver reports a question over a headline line (成人被转运，孩子谁来
// 照顾？): one clause, a comma and another that ends with a question or
// exclamation mark, most of whose pairs recur in the text after the
// headline. As wide as a narrow column, and ending as a sentence, it
// reads as a line of text by its form; a line of text closing the
// article above would share its words with that one, not with the text
// below.
func asksOver(lines []pline, i int, lay layout) bool {
	t := strings.TrimRight(lines[i].text, closers+" ")
	if !strings.HasSuffix(t, "？") && !strings.HasSuffix(t, "！") && !strings.HasSuffix(t, "?") && !strings.HasSuffix(t, "!") {
		return false
	}
	inner := strings.TrimRight(t, "？！?!")
	if strings.Count(inner, "，")+strings.Count(inner, ",") != 1 || hasAny(inner, "。；;：:、？！?!") ||
		runeCountMax(t, 31) > 30 || hanCount(t, 6) < 6 {
		return false
	}
	return lay.recurrenceOn(lines, i, 1) >= 0.5
}

// recurrenceOn is the share of line i's character pairs that occur in
// the text on one side of it: dir 1 after it, -1 before it.
func (lay layout) recurrenceOn(lines []pline, i, dir int) float64 {
	return lay.recurrenceDirs(lines, i, []int{dir})
}

// computeRecurrence computes recurrence.
func (lay layout) computeRecurrence(lines []pline, i int) float64 {
	return lay.recurrenceDirs(lines, i, []int{1, -1})
}

// recurrenceDirs is the share of line i's pairs that occur in the text
// next to it, on the side in dirs where most do.
func (lay layout) recurrenceDirs(lines []pline, i int, dirs []int) float64 {
	own := lay.pairsOf(lines, i)
	if len(own) == 0 {
		return 0
	}
	type span struct{ from, to int }
	spans := make([]span, len(own))
	for x, k := range own {
		spans[x].from, spans[x].to = lay.index.span(k[0], k[1])
	}
	best := 0
	for _, dir := range dirs {
		// the text lines within reach on this side, skipping headlines
		// right next to line i
		lo, hi, n := i, i, 0
		for j := i + dir; j >= 0 && j < len(lines) && n < 400; j += dir {
			if lines[j].kind == kHead {
				if n > 0 {
					break
				}
				continue
			}
			lo, hi = min(lo, j), max(hi, j)
			n += min(lines[j].runes, 200)
		}
		hit := 0
		for _, sp := range spans {
			if lay.occursIn(lines, sp.from, sp.to, lo, hi, i) {
				hit++
			}
		}
		best = max(best, hit)
	}
	return float64(best) / float64(len(own))
}

// occursIn reports whether the index keys from..to of one pair hold a
// line from lo to hi, other than line i and headline lines.
func (lay layout) occursIn(lines []pline, from, to, lo, hi, i int) bool {
	at := from + sort.Search(to-from, func(x int) bool { return lay.index.line(from+x) >= lo })
	for ; at < to && lay.index.line(at) <= hi; at++ {
		if j := lay.index.line(at); j != i && lines[j].kind != kHead {
			return true
		}
	}
	return false
}

// pairsOf returns the distinct character pairs of line i, computed once.
func (lay layout) pairsOf(lines []pline, i int) [][2]rune {
	if lay.pairs[i] == nil {
		lay.pairs[i] = linePairs(lines[i].text)
	}
	return lay.pairs[i]
}

// linePairs returns the distinct pairs of adjacent Chinese characters of
// a line (at most maxHeadline*2 of them).
func linePairs(t string) [][2]rune {
	out := [][2]rune{}
	hanPairs(t, 0, func(p [2]rune) bool {
		if !slices.Contains(out, p) {
			out = append(out, p)
		}
		return len(out) < 2*maxHeadline
	})
	return out
}

// pairIndex lists where each pair of adjacent Chinese characters occurs
// on a page: sorted keys, the pair in the high bits and the line in the
// low ones, so that the lines of a pair are a range found by binary
// search.
type pairIndex []uint64

// lineBits is the number of low bits of a pairIndex key that hold the
// line; later lines of a longer page are not indexed.
const lineBits = 20

// pairKey is the high bits of the keys of the pair a, b.
func pairKey(a, b rune) uint64 { return (uint64(a)<<21 | uint64(b)) << lineBits }

// indexPairs indexes the pairs of the lines.
func indexPairs(lines []pline) pairIndex {
	n := 0 // at most one pair a character (three bytes)
	for _, l := range lines {
		n += len(l.text) / 3
	}
	keys := make([]uint64, 0, n)
	for i, l := range lines {
		if len(l.text) > 4*maxColumnLine || i >= 1<<lineBits {
			continue
		}
		hanPairs(l.text, 0, func(p [2]rune) bool {
			keys = append(keys, pairKey(p[0], p[1])|uint64(i))
			return true
		})
	}
	slices.Sort(keys)
	return slices.Compact(keys)
}

// span returns the range of x holding the lines of the pair a, b.
func (x pairIndex) span(a, b rune) (lo, hi int) {
	k := pairKey(a, b)
	lo, _ = slices.BinarySearch(x, k)
	hi, _ = slices.BinarySearch(x[lo:], k+1<<lineBits) // the end is after the start
	return lo, lo + hi
}

// count returns the number of lines the pair a, b occurs on.
func (x pairIndex) count(a, b rune) int {
	lo, hi := x.span(a, b)
	return hi - lo
}

// line returns the line of key i.
func (x pairIndex) line(i int) int { return int(x[i] & (1<<lineBits - 1)) }

// authorUnder settles a pen name printed under a headline as the first
// line of the text, no byline of the article: four characters starting
// with a surname, none of whose pairs occur in the text, under a headline
// line at least twice as wide. Read as a headline line it would be glued
// to the headline as a subtitle, or taken for it while the headline went
// to the body; it opens the text instead. (A name with a school or unit
// after it is settled by authorUnit.)
func authorUnder(lines []pline, i int, lay layout) {
	l := lines[i]
	if l.widow || hanCount(l.text, 5) != 4 || runeCountMax(l.text, 5) != 4 || !hasSurname(l.text) ||
		i+1 >= len(lines) || lines[i+1].kind != kBody || lines[i-1].w < 2*l.w || lay.recurrence(lines, i) != 0 {
		return
	}
	lines[i].kind, lines[i].signed = kBreak, true
}

// pointMarks are the bullets that open a summary point or a marked
// paragraph (■ 民之所忧，我必念之……).
const pointMarks = "■●◆▲"

// pointMarked reports a line that opens with a bullet and goes on with
// text: a summary point under a headline, the first line of a paragraph,
// not a line of the headline above it.
func pointMarked(t string) bool {
	r, n := utf8.DecodeRuneInString(t)
	return strings.ContainsRune(pointMarks, r) && hanCount(t[n:], 2) >= 2
}

package pages

import (
	"cmp"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"baoku/indexer/article"
)

// Warning is a problem found in an input that did not stop it from being read.
type Warning struct {
	// File is the input's name.
	File string
	// Line is the 1-based line the problem is on; 0 means the whole file.
	Line int
	// Msg says what is wrong.
	Msg string
}

// String formats the warning as "file:line: msg", or "file: msg" when it
// is about the whole file.
func (w Warning) String() string {
	if w.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", w.File, w.Line, w.Msg)
	}
	return fmt.Sprintf("%s: %s", w.File, w.Msg)
}

// PageMeta is what is known about a page before its text is read: from the
// file name (MetaFromFileName) and an optional sidecar. Empty fields are
// unknown.
type PageMeta struct {
	// Paper is the publication's name, e.g. 吕梁日报.
	Paper string
	// Date is the publication date, YYYY-MM-DD.
	Date string
	// Page is the page number as printed, e.g. 1 or A05.
	Page string
	// Section is the page name, e.g. 要闻.
	Section string
}

// Page is one parsed newspaper page.
type Page struct {
	// Paper, Date, Issue, Page and Section describe the page, from its
	// masthead or running header, else from the PageMeta given.
	Paper, Date, Issue, Page, Section string
	// Articles are the page's articles in reading order, their Paper, Date,
	// Issue, Page and Section filled from the page.
	Articles []article.Article
}

// lineKind is what a line of a page is.
type lineKind int

const (
	kBody      lineKind = iota // article text
	kStart                     // opens an article: 本报讯, wire dateline, 记者 X 报道
	kByline                    // a line that is only a byline: □ 本报记者 X
	kEndByline                 // （本报记者 X） at the end of an article
	kPhoto                     // a photo caption ending in a credit: X 摄
	kHead                      // a headline line (kicker, headline or subtitle)
	kColumn                    // a column label: 特写：
	kBreak                     // article text that ends its paragraph
)

// pline is one non-blank line of a page.
type pline struct {
	n     int     // 1-based line number in the file
	idx   int     // place among the page's content lines
	text  string  // trimmed text
	w     float64 // lineWidth of text
	runes int     // its number of runes
	kind  lineKind
	by    *byline // for kByline and kEndByline
	tail  *byline // a byline printed after the line's last sentence
	widow bool    // the wrapped tail of the headline line before
	full  bool    // as wide as the column around it, or wider
	// author is true for a byline without a role (◆周立民, 沈嘉禄): an
	// author over the text of the article after it; on a line of text,
	// for an author's name and unit that open the text (see authorUnit).
	author bool
	// colStart marks the first line of a column put back after the
	// column beside it (see unweave).
	colStart bool
	// signed marks an author line printed as the first line of an
	// article's text, under its headline (see authorUnder).
	signed bool
}

// draft is an article being put together.
type draft struct {
	lines   []pline  // body lines in order: kStart, kBody, kPhoto
	bylines []pline  // standalone bylines
	opened  bool     // a byline stands before its text (under a headline)
	ended   bool     // a byline stands after its text: the article is over
	prefix  []string // paragraphs put before the body
	extra   []string // paragraphs put after the body
	head    *headGroup
	// resumes is the article whose text goes on after this one's: a
	// brief set amid it (see joinContinuations)
	resumes *draft
	body    string // clean body, once built
	// the character pairs of the body and of its lead, for matching;
	// nil until needed
	all, lead map[[2]rune]bool
	// cutBy is the block of two headlines whose words parted this draft
	// from the one next to it (see blockCut): both stand next to it
	cutBy *block
}

// setBody builds the draft's clean body from its lines.
func (d *draft) setBody() {
	d.body = buildBody(d.lines, nil, nil)
	d.all, d.lead = nil, nil
}

// pairs returns the character pairs of the draft's body and of its
// lead.
func (d *draft) pairs() (all, lead map[[2]rune]bool) {
	if d.all == nil {
		d.all, d.lead = hanBigramsLead(d.body, matchLimit, 300)
	}
	return d.all, d.lead
}

// hasBody reports whether the draft has article text.
func (d *draft) hasBody() bool {
	for _, l := range d.lines {
		if l.kind != kPhoto {
			return true
		}
	}
	return false
}

// parser holds the state of one ParsePages call.
type parser struct {
	name  string
	meta  PageMeta
	warns []Warning
}

// warn records a warning; line 0 means the whole file.
func (p *parser) warn(line int, format string, args ...any) {
	p.warns = append(p.warns, Warning{File: p.name, Line: line, Msg: fmt.Sprintf(format, args...)})
}

// longLine is the length above which a line is reported as suspicious.
const longLine = 1 << 20

// ParsePages parses the text of one page file into pages of articles.
// Several pages may be separated by form feeds (\f). name is used in
// warnings and errors; meta fills what the text does not say (the masthead
// or running header wins over meta; a disagreement is a warning).
//
// Masthead and running-header lines at the top and bottom of a page and
// editor lines (责任编辑：…) anywhere are dropped; every other line ends up
// in some article, as body, headline, or byline. Headlines printed away
// from their articles are matched to them by content; an article without a
// printed headline gets one derived from its lead, with HeadlineDerived set.
//
// A file with edition lines (《人民日报》（2025年10月20日 第 01 版）) is a
// web-edition export and is read article by article instead; see
// page_edition.go.
//
// ParsePages never panics and runs in time linear in the size of text. It
// fills every Article field it can except ID and File. It returns an error,
// naming the file, only when nothing usable is in the text.
func ParsePages(name, text string, meta PageMeta) ([]Page, []Warning, error) {
	p := &parser{name: name, meta: meta}
	if strings.TrimSpace(text) == "" {
		return nil, nil, fmt.Errorf("%s: empty file", name)
	}
	if isEditionText(text) {
		pages := p.parseEdition(text)
		if len(pages) == 0 {
			return nil, p.warns, fmt.Errorf("%s: no recognisable articles", name)
		}
		return pages, p.warns, nil
	}
	chunks := splitPages(text)
	var pages []Page
	for i, c := range chunks {
		pg, ok := p.parsePage(c, i, len(chunks))
		if ok {
			pages = append(pages, pg)
		}
	}
	if len(pages) == 0 {
		return nil, p.warns, fmt.Errorf("%s: no recognisable articles", name)
	}
	return pages, p.warns, nil
}

// splitPages splits text into pages at form feeds and each page into its
// non-blank lines, numbered as in the file.
func splitPages(text string) [][]pline {
	// room for all the lines on the first page, usually the only one
	pages := [][]pline{make([]pline, 0, strings.Count(text, "\n")+1)}
	n := 0
	for len(text) > 0 {
		n++
		var l string
		if i := strings.IndexAny(text, "\r\n"); i >= 0 {
			l = text[:i]
			if text[i] == '\r' && i+1 < len(text) && text[i+1] == '\n' {
				i++
			}
			text = text[i+1:]
		} else {
			l, text = text, ""
		}
		for k, part := range strings.Split(l, "\f") {
			if k > 0 {
				pages = append(pages, nil)
			}
			if t := strings.TrimSpace(part); t != "" {
				pages[len(pages)-1] = append(pages[len(pages)-1], newLine(n, t))
			}
		}
	}
	var out [][]pline
	for _, pg := range pages {
		if len(pg) > 0 {
			out = append(out, pg)
		}
	}
	return out
}

// newLine makes the pline of line n with text t. The width of a line
// too long to be anything but a paragraph is its number of runes.
func newLine(n int, t string) pline {
	runes := utf8.RuneCountInString(t)
	w := float64(runes)
	if len(t) <= 4096 {
		w = lineWidth(t)
	}
	return pline{n: n, text: t, w: w, runes: runes}
}

// parsePage parses one page; idx is its position in the file.
func (p *parser) parsePage(lines []pline, idx, count int) (Page, bool) {
	for _, l := range lines {
		if len(l.text) > longLine {
			p.warn(l.n, "very long line (%d bytes); read as one paragraph", len(l.text))
		}
	}
	var h header
	top := 0
	for top < len(lines) && readHeaderLine(lines[top].text, &h, top+1 < len(lines) && isYearMonthLine(lines[top+1].text)) {
		top++
	}
	bottom := len(lines)
	for bottom > top && readHeaderLine(lines[bottom-1].text, &h, false) {
		bottom--
	}
	late := lateHeader(lines[:bottom], top, &h)
	var content []pline
	for k, l := range lines[top:bottom] {
		if !isEditorLine(l.text) && !late[top+k] {
			content = append(content, l)
		}
	}
	pg := p.pageInfo(&h, lines[0].n, idx)
	if len(content) == 0 {
		p.warn(lines[0].n, "page %d: no articles, only masthead or header", idx+1)
		return pg, false
	}
	content = joinWrappedTails(joinWrappedBylines(content))
	content = joinWrappedDatelines(content)
	index := indexPairs(content)
	content, changed := unweaveJoined(content, index)
	if changed {
		index = indexPairs(content)
	}
	for i := range content {
		content[i].idx = i
	}
	lay := classify(content, index)
	loneHeads(content)
	captionUnderLabel(content, lay)
	drafts, blocks := splitArticles(content)
	drafts, blocks = mergeEmpty(drafts, blocks)
	takeTailBylines(drafts)
	for _, d := range drafts {
		d.setBody()
	}
	drafts, blocks = joinContinuations(drafts, blocks, lay)
	drafts, blocks = mergeIntertitles(drafts, blocks, lay)
	drafts, blocks = splitBetweenHeads(drafts, blocks)
	drafts = p.assignHeadlines(drafts, blocks)
	for i, d := range drafts {
		a, ok := p.article(d, i+1, pg)
		if ok {
			pg.Articles = append(pg.Articles, a)
		}
	}
	if len(pg.Articles) == 0 {
		p.warn(lines[0].n, "page %d: no recognisable articles", idx+1)
		return pg, false
	}
	return pg, true
}

// unweaveJoined is unweave, with the closing bylines that a column broke
// put back together once the column's lines are: the wrapped part of one
// (本报记者 王小 / 明) stands under it only then.
func unweaveJoined(lines []pline, index pairIndex) ([]pline, bool) {
	out, changed := unweave(lines, index)
	if changed {
		out = joinWrappedTails(out)
	}
	return out, changed
}

// maxAboveHeader is the most lines read before the rest of the running
// header by lateHeader.
const maxAboveHeader = 2

// isPageLine reports whether s is a running-header line that gives the
// page number (第1版 要闻).
func isPageLine(s string) bool {
	var hh header
	return isHeaderTokens(s, &hh, false) && hh.page != ""
}

// lateHeader returns the page lines (isPageLine) that come after a line
// or two of the page under the masthead: pdftotext gives a headline set
// across the top of the page before the page and section line printed
// beside it (人民日报 / date / headline / 第1版 要闻). The lines after the
// first top header lines, up to the first line of text after them, are
// read into h; left in, the page line is glued to the headline. Only
// after header lines at the top (top > 0).
func lateHeader(lines []pline, top int, h *header) map[int]bool {
	if top == 0 {
		return nil
	}
	var late map[int]bool
	others := 0
	for k := top; k < len(lines) && others <= maxAboveHeader; k++ {
		t := lines[k].text
		switch {
		case isEditorLine(t):
		case others > 0 && isPageLine(t):
			readHeaderLine(t, h, false)
			if late == nil {
				late = map[int]bool{}
			}
			late[k] = true
		case late != nil:
			return late // text after the late header
		default:
			others++
		}
	}
	return late
}

// pageInfo settles the page's paper, date, issue, page and section from
// its header and the meta given, warning when they disagree.
func (p *parser) pageInfo(h *header, line, idx int) Page {
	pg := Page{Paper: h.paper, Issue: h.issue, Page: h.page, Section: h.section}
	if pg.Paper == "" {
		pg.Paper = p.meta.Paper
	}
	d, probs := h.date()
	for _, pr := range probs {
		p.warn(line, "%s", pr)
	}
	switch {
	case d == "":
		pg.Date = p.meta.Date
	case p.meta.Date != "" && d != p.meta.Date && len(probs) > 0:
		pg.Date = p.meta.Date
		p.warn(line, "masthead date %s does not check out; using %s from the file name", d, p.meta.Date)
	case p.meta.Date != "" && d != p.meta.Date:
		pg.Date = d
		p.warn(line, "masthead date %s differs from %s in the file name; using the masthead", d, p.meta.Date)
	default:
		pg.Date = d
	}
	if pg.Page == "" && p.meta.Page != "" {
		pg.Page = p.meta.Page
		if n, err := strconv.Atoi(p.meta.Page); err == nil && idx > 0 {
			pg.Page = strconv.Itoa(n + idx)
		}
	}
	if pg.Page == "" && h.masthead && idx == 0 {
		pg.Page = "1"
	}
	if pg.Section == "" {
		pg.Section = p.meta.Section
	}
	return pg
}

// splitArticles splits classified lines into article drafts and headline blocks
// (runs of headline lines). A headline block ends the article before it;
// an article start (本报讯 …) begins a new one; a standalone byline belongs
// to the article before it when that has none and nothing but headlines or
// a new article follows, or when it stands between text and a headline,
// else it begins the next article.
func splitArticles(lines []pline) ([]*draft, []*block) {
	var drafts []*draft
	var blocks []*block
	var open *block
	boundary := true
	cur := func() *draft {
		if len(drafts) == 0 {
			return nil
		}
		return drafts[len(drafts)-1]
	}
	newDraft := func() *draft {
		d := &draft{}
		drafts = append(drafts, d)
		return d
	}
	for i, ln := range lines {
		if ln.kind == kHead && i > 0 && lines[i-1].kind == kStart && leadOnly(lines[i-1].text) &&
			i+1 < len(lines) && lines[i+1].kind == kBody {
			// a heading right under a lead that is only its byline
			// (本报讯（记者 X） / 求助 / text) opens the text: the lead's
			// article goes on under it
			ln.kind = kBreak
		}
		if ln.kind == kHead || ln.kind == kColumn {
			if open == nil {
				open = &block{prev: len(drafts) - 1, next: -1}
				blocks = append(blocks, open)
			}
			open.lines = append(open.lines, ln)
			boundary = true
			continue
		}
		closed := open
		open = nil
		d := cur()
		switch ln.kind {
		case kStart:
			// a lead that is only its byline (本报讯（记者 X）) on a line
			// of its own signs the text under it, even one opening with
			// a dateline, unless that names reporters of its own (two
			// leads side by side)
			bylineLead := d != nil && closed == nil && len(d.lines) == 1 && len(d.bylines) == 0 && d.lines[0].kind == kStart &&
				leadOnly(d.lines[0].text) && (!strings.Contains(ln.text, "记者") || relayed(ln.text))
			if d == nil || d.hasBody() && !bylineLead && !summaryOnly(d, closed == nil && headed(blocks, len(drafts)-1)) {
				d = newDraft()
			}
			d.lines = append(d.lines, ln)
			boundary = false
		case kByline:
			if d != nil && d.hasBody() && !d.ended && len(d.lines) > 0 && !ln.author && i+1 < len(lines) && lines[i+1].kind == kBody &&
				(closed == nil || closed == blocks[len(blocks)-1] && closed.prev == len(drafts)-1 && len(closed.lines) <= 3) && editorNoted(d) {
				// a feature opened by an editor's note (……——编者) goes on
				// in sections, each under its own heading and byline: the
				// heading is a paragraph of the text, the byline one of
				// its reporters
				if closed != nil {
					for k, l := range closed.lines {
						l.kind = kBody
						if k == len(closed.lines)-1 {
							l.kind = kBreak
						}
						d.lines = append(d.lines, l)
					}
					blocks = blocks[:len(blocks)-1]
					closed = nil
				} else if l := &d.lines[len(d.lines)-1]; l.kind == kBody {
					l.kind = kBreak // the heading read as text
				}
				d.bylines = append(d.bylines, ln)
				boundary = false
				break
			}
			if n := len(blocks); d != nil && n > 0 && headLineAsText(d, lines, i, blocks[n-1], len(drafts)-1) {
				// a subtitle read as text between the headline and its
				// byline (一季度… / 不必恐慌，春天临近了！ / 首席记者 X)
				// goes back to the headline
				l := d.lines[0]
				l.kind = kHead
				blocks[n-1].lines = append(blocks[n-1].lines, l)
				drafts = drafts[:len(drafts)-1]
				d = newDraft()
				d.bylines = append(d.bylines, ln)
				d.opened = true
				boundary = true
				break
			}
			// A byline under a headline opens the next article; one after
			// text ends the article it follows, unless that one already
			// named its reporters.
			afterText := i > 0 && lines[i-1].kind != kHead && lines[i-1].kind != kColumn && lines[i-1].kind != kByline
			// under a headline and over an article start (本报讯 …), the
			// byline is the next article's
			underHead := !afterText && i > 0 && i+1 < len(lines) && lines[i+1].kind == kStart
			// between text and a headline, the byline closes the text
			// before it: it opens nothing, as the next article's
			// headline is still to come; so it does over a lead that
			// names the next article's own reporters (本报讯（记者 X）)
			overHead := afterText && i+1 < len(lines) && (lines[i+1].kind == kHead ||
				lines[i+1].kind == kStart && strings.Contains(lines[i+1].text, "记者") && !relayed(lines[i+1].text))
			if d != nil && d.hasBody() && !ln.author && !ln.by.marked && (overHead ||
				len(d.bylines) == 0 && !leadHasByline(d) && (afterText || !underHead && nextNotBody(lines, i))) {
				d.bylines = append(d.bylines, ln)
				d.ended = true
			} else {
				if d == nil || d.hasBody() {
					d = newDraft()
				}
				d.bylines = append(d.bylines, ln)
				d.opened = true
			}
			boundary = true
		case kEndByline:
			if d == nil {
				d = newDraft()
			}
			d.bylines = append(d.bylines, ln)
			d.ended = d.hasBody() && !ln.by.section
			boundary = !ln.by.section
		case kPhoto:
			if d == nil {
				d = newDraft()
			}
			d.lines = append(d.lines, ln)
			if ln.tail != nil {
				// the byline after the credit closes the article
				d.bylines = append(d.bylines, pline{n: ln.n, idx: ln.idx, kind: kEndByline, by: ln.tail})
				boundary = true
			}
		default:
			switch {
			case d != nil && boundary && d.hasBody() && closed == nil && continuesSeries(d, ln):
				d.ended = false // the next numbered item of a signed series
			case d != nil && !d.hasBody() && len(d.lines) == 0 && closed == nil && len(drafts) > 1 &&
				!headed(blocks, len(drafts)-1) && continuesSeries(drafts[len(drafts)-2], ln):
				// the byline closed the item before, not opened an article
				prev := drafts[len(drafts)-2]
				prev.bylines = append(prev.bylines, d.bylines...)
				prev.ended = false
				drafts = drafts[:len(drafts)-1]
				d = prev
			case d == nil || boundary && d.hasBody():
				d = newDraft()
			}
			if ln.author && len(d.lines) == 0 {
				d.opened = true // the author and unit under a headline (张三 某中学 初二（3）班)
			}
			d.lines = append(d.lines, ln)
			boundary = false
			if ln.tail != nil {
				// the byline closes the text; a section of a longer piece
				// may follow under an intertitle, so the article is not
				// taken for ended
				d.bylines = append(d.bylines, pline{n: ln.n, idx: ln.idx, kind: kEndByline, by: ln.tail})
				boundary = true
			}
		}
		if closed != nil && len(drafts)-1 != closed.prev {
			closed.next = len(drafts) - 1
		}
	}
	return drafts, blocks
}

// editorNoted reports whether the draft holds the signature of an
// editor's note (——编者), which introduces the pieces after it.
func editorNoted(d *draft) bool {
	for _, l := range d.lines {
		if t := strings.ReplaceAll(strings.TrimSpace(l.text), " ", ""); isDashed(t) && strings.HasSuffix(t, "编者") {
			return true
		}
	}
	return false
}

// headed reports whether a block of headlines stands right before draft i.
func headed(blocks []*block, i int) bool {
	for _, b := range blocks {
		if b.next == i {
			return true
		}
	}
	return false
}

// summaryOnly reports whether a draft holds only the summary printed
// under a byline before an article's dateline, set after a mark
// (本报记者 X / ■ 依法治军是…… / 本报北京3月5日电 ……), the byline on a
// line of its own or set as a lead (本报讯（记者 X）), or right under
// the headline when underHead (headline / ■ … / ■ … / 新华社北京…电):
// the dateline goes on the same article.
func summaryOnly(d *draft, underHead bool) bool {
	ls := d.lines
	if len(ls) > 1 && ls[0].kind == kStart && leadOnly(ls[0].text) {
		ls = ls[1:] // the byline set as a lead: 本报讯（记者 X）
	} else if !d.opened && !underHead {
		return false
	}
	if len(ls) == 0 || !strings.HasPrefix(ls[0].text, "■") {
		return false
	}
	for _, l := range ls {
		if l.kind == kStart {
			return false
		}
	}
	return true
}

// headLineAsText reports whether draft d, the draft at index at, is
// only one line of text right under headline block b, with byline i after
// it and text after that: no article is one line long, so the line is
// the headline's last (a subtitle ending in ！ or ？ read as text).
func headLineAsText(d *draft, lines []pline, i int, b *block, at int) bool {
	if len(d.lines) != 1 || len(d.bylines) > 0 || d.lines[0].kind != kBody || b.next != at || i < 2 ||
		lines[i-2].kind != kHead || i+1 >= len(lines) || lines[i+1].kind != kBody {
		return false
	}
	t := d.lines[0].text
	return !strings.ContainsAny(t, "。；;") && runeCountMax(t, 31) <= 30
}

// leadOnly reports whether a lead line holds nothing after its source
// and byline: 本报讯（记者 张三）.
func leadOnly(t string) bool {
	t = strings.TrimSpace(t)
	return (strings.HasSuffix(t, "）") || strings.HasSuffix(t, ")")) && runeCountMax(t, 41) <= 40
}

// leadHasByline reports whether the draft opens with a byline naming
// reporters (本报讯（记者 X）).
func leadHasByline(d *draft) bool {
	return len(d.lines) > 0 && d.lines[0].kind == kStart && strings.Contains(d.lines[0].text, "记者") && !relayed(d.lines[0].text)
}

// nextNotBody reports whether the line after i is missing or is not
// article text.
func nextNotBody(lines []pline, i int) bool {
	return i+1 >= len(lines) || lines[i+1].kind != kBody && lines[i+1].kind != kPhoto
}

// renumber points the blocks at the drafts' new places after a merge:
// idx[i] is where draft i went. A block between a draft and itself is
// then between nothing after it.
func renumber(blocks []*block, idx []int) {
	for _, b := range blocks {
		if b.prev >= 0 {
			b.prev = idx[b.prev]
		}
		if b.next >= 0 {
			b.next = idx[b.next]
			if b.next == b.prev {
				b.next = -1
			}
		}
	}
}

// mergeEmpty folds drafts that have no article text (only a byline or a
// photo credit) into the article before them, or failing that turns their
// lines into body text, and renumbers the blocks' references.
func mergeEmpty(drafts []*draft, blocks []*block) ([]*draft, []*block) {
	var out []*draft
	idx := make([]int, len(drafts))
	for i, d := range drafts {
		if !d.hasBody() && len(out) > 0 {
			prev := out[len(out)-1]
			prev.bylines = append(prev.bylines, d.bylines...)
			prev.lines = append(prev.lines, d.lines...)
			prev.ended = prev.ended || d.ended
			if d.resumes != nil && d.resumes != prev {
				prev.resumes = d.resumes
			}
			if len(d.lines) > 0 && prev.body != "" {
				prev.setBody()
			}
			idx[i] = len(out) - 1
			continue
		}
		if !d.hasBody() {
			for _, b := range d.bylines {
				b.kind = kBody
				d.lines = append(d.lines, b)
			}
			d.bylines = nil
			if d.body != "" {
				d.setBody()
			}
		}
		out = append(out, d)
		idx[i] = len(out) - 1
	}
	renumber(blocks, idx)
	return out, blocks
}

// buildBody joins a draft's lines into clean paragraphs. A paragraph ends
// after a line that ends a sentence; an article start and a photo caption
// are paragraphs of their own.
func buildBody(lines []pline, prefix, extra []string) string {
	paras := append([]string(nil), prefix...)
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			if t := cleanBody(joinLines(cur)); t != "" {
				paras = append(paras, t)
			}
			cur = cur[:0]
		}
	}
	for _, l := range lines {
		if l.kind == kStart || l.kind == kPhoto {
			flush()
		}
		cur = append(cur, l.text)
		if l.kind == kPhoto || l.kind == kBreak || endsSentence(l.text) {
			flush()
		}
	}
	flush()
	paras = append(paras, extra...)
	return strings.Join(paras, "\n")
}

// article turns a draft into an Article; n is its 1-based position on the
// page, used in warnings.
func (p *parser) article(d *draft, n int, pg Page) (article.Article, bool) {
	a := article.Article{Paper: pg.Paper, Date: pg.Date, Issue: pg.Issue, Page: pg.Page, Section: pg.Section}
	a.Body = d.body
	if len(d.prefix)+len(d.extra) > 0 || d.body == "" {
		a.Body = buildBody(d.lines, d.prefix, d.extra)
	}
	if d.head != nil {
		a.Column, a.Kicker, a.Headline, a.Subtitle = d.head.roles()
	}
	if !hasLetter(a.Body) && !hasLetter(a.Headline) && len(d.bylines) == 0 {
		return a, false
	}
	var b byline
	// a picture's caption may stand over the lead (本报讯（记者 X）…)
	first := 0
	for first < len(d.lines) && d.lines[first].kind == kPhoto {
		first++
	}
	if first < len(d.lines) && d.lines[first].kind == kStart {
		var raw []string
		for _, l := range d.lines[first:] {
			if len(raw) == 4 {
				break
			}
			raw = append(raw, l.text)
			if endsSentence(l.text) {
				break
			}
		}
		b = parseLead(strings.Join(raw, "\n"))
	}
	a.Source, a.Dateline = b.source, b.dateline
	addReporters(&a, b.names, b.roles)
	// A piece that names its reporters in its lead or under its headline
	// is not signed again at the end: a closing byline naming others
	// belongs to a piece run on after this one, not to it.
	// A piece of several sections each signed (本报记者 X after each) is
	// told by more than one closing byline: all are its own.
	opening := d.opened && len(d.bylines) > 0 && d.bylines[0].kind == kByline
	closing := len(d.bylines)
	if opening {
		closing--
	}
	lead := (len(a.Reporters) > 0 || opening) && closing <= 1
	foreign := func(b *byline) bool { return lead && !b.section && !anyContained(a.Reporters, b.names) }
	for j, l := range d.bylines {
		if foreign(l.by) && (j > 0 || !opening) {
			if t := cmp.Or(l.text, l.by.text); t != "" {
				a.Body = strings.TrimPrefix(a.Body+"\n"+cleanBody(t), "\n")
			}
			continue
		}
		if anyContained(a.Reporters, l.by.names) {
			// The same name twice: keep the line as text, not lose it.
			if t := cleanBody(cmp.Or(l.text, l.by.text)); t != "" {
				a.Body = strings.TrimPrefix(a.Body+"\n"+t, "\n")
			}
			continue
		}
		addReporters(&a, l.by.names, l.by.roles)
		addPhotographers(&a, l.by.photos)
	}
	if len(a.Reporters) == 0 {
		names, roles := parseEndByline(lastParagraph(a.Body))
		addReporters(&a, names, roles)
	}
	// credits that wrapped over lines stand as paragraphs of their own:
	// （本报记者 张三采访整理）
	for _, para := range strings.Split(a.Body, "\n") {
		if b, end, ok := parseBylineLine(para); ok && end && !foreign(&b) {
			addReporters(&a, b.names, b.roles)
		}
	}
	for _, l := range d.lines {
		if l.kind == kPhoto {
			addPhotographers(&a, parsePhotoCredit(l.text))
		}
	}
	if a.Headline == "" {
		a.Headline = leadClause(a.Body)
		if a.Headline == "" {
			a.Headline = strings.TrimFunc(truncateRunes(a.Body, 30), func(r rune) bool {
				return !unicode.IsLetter(r) && !unicode.IsDigit(r)
			})
		}
		if a.Headline == "" {
			a.Headline = strings.TrimSpace(truncateRunes(a.Body, 30))
		}
		a.HeadlineDerived = true
		line := 0
		if len(d.lines) > 0 {
			line = d.lines[0].n
		}
		p.warn(line, "article %d: no headline found, derived from lead: %s", n, a.Headline)
	}
	return a, true
}

// addReporters appends names not yet listed, with their roles.
func addReporters(a *article.Article, names, roles []string) {
	for i, n := range names {
		if contains(a.Reporters, n) {
			continue
		}
		a.Reporters = append(a.Reporters, n)
		a.Roles = append(a.Roles, roles[i])
	}
}

// addPhotographers appends photographers not yet listed.
func addPhotographers(a *article.Article, names []string) {
	for _, n := range names {
		if !contains(a.Photographers, n) {
			a.Photographers = append(a.Photographers, n)
		}
	}
}

// takeTailBylines reads the byline printed after the last sentence of a
// draft's last line of text (……确保家中安全。 本报记者 潘高峰) into a
// byline of the draft, leaving the text before it.
func takeTailBylines(drafts []*draft) {
	for _, d := range drafts {
		if len(d.bylines) > 0 {
			continue
		}
		for k := len(d.lines) - 1; k >= 0; k-- {
			l := &d.lines[k]
			if l.kind == kPhoto {
				continue
			}
			if l.kind == kBody || l.kind == kBreak {
				if b, rest, ok := parseTailByline(l.text); ok {
					l.text = rest
					d.bylines = append(d.bylines, pline{n: l.n, idx: l.idx, text: "", kind: kEndByline, by: &b})
					d.ended = true
				}
			}
			break
		}
	}
}

// anyContained reports whether list holds any of names.
func anyContained(list, names []string) bool {
	for _, n := range names {
		if contains(list, n) {
			return true
		}
	}
	return false
}

// contains reports whether list holds s.
func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// lastParagraph returns text after the last line break.
func lastParagraph(s string) string {
	if i := strings.LastIndexByte(s, '\n'); i >= 0 {
		return s[i+1:]
	}
	return s
}

// hasLetter reports whether s holds a letter or a Chinese character
// (some, like 〥, are not letters to Unicode).
func hasLetter(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || isHan(r) }) >= 0
}

// loneHeads marks as headline lines the lines of text that stand alone
// between article boundaries: after a byline, a headline or the top of
// the page, and before a headline, a byline, an article start or the end
// of the page. No article is one line long, so such a line, short and
// ending no sentence with a full stop, is a headline the roles took for
// text (a headline printed under its text at the foot of the page, a
// question kicker over a headline, a headline over an author's name).
func loneHeads(lines []pline) {
	boundaryAt := func(i int) bool {
		if i < 0 {
			return true
		}
		l := lines[i]
		return l.kind == kHead || l.kind == kByline || l.kind == kEndByline || l.tail != nil
	}
	for i, l := range lines {
		if l.kind != kBody && l.kind != kBreak || l.tail != nil || l.author || !boundaryAt(i-1) {
			continue
		}
		if i+1 < len(lines) {
			switch lines[i+1].kind {
			case kHead, kByline, kStart:
			default:
				continue
			}
		}
		t := strings.TrimSpace(l.text)
		if t == "" || strings.ContainsAny(t, "。；;") || runeCountMax(t, maxHeadline+1) > maxHeadline {
			continue
		}
		if r, _ := utf8.DecodeLastRuneInString(t); strings.ContainsRune("，、：,:", r) {
			continue
		}
		lines[i].kind = kHead
	}
}

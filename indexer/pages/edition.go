package pages

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"baoku/indexer/article"
)

// Web-edition exports (人民日报 and others publish each day's articles as a
// PDF of one article after another) print under each headline and byline a
// line naming the paper, date and page:
//
//	确保基本实现社会主义现代化取得决定性进
//	展
//	本报记者
//	张三
//	《人民日报》（2025年10月20日 第 01 版）
//	article text …
//
// A file holding such lines is read as a run of articles rather than as a
// printed page: the line gives paper, date and page of the article it
// heads; the lines above it, back to the start of the PDF page (or to the
// previous sentence end when there are no form feeds), are its headline and
// byline; the lines after it, up to the next article's headline, its body.
// A table of contents before the first article, the PDF's page footers
// (第 3 页) and entries that only name the page's editors (本版责编：…) or
// say 广告 are dropped.

// reEdition matches an edition line with its spaces removed.
var reEdition = regexp.MustCompile(`^《(\p{Han}{2,12})》[（(](\d{4})年(\d{1,2})月(\d{1,2})日(?:星期[一二三四五六日天])?第?([A-Z]?\d{1,3})版[）)]$`)

// rePDFFooter matches the page footer a PDF text extractor leaves: 第 3 页.
var rePDFFooter = regexp.MustCompile(`^第\s*\d{1,5}\s*页$`)

// reTOCEntry matches an entry of a numbered table of contents.
var reTOCEntry = regexp.MustCompile(`^\d{1,4}\s*[.．、]\s*\S`)

// authorOrgEnds are the endings of an authoring body printed in place of a
// byline (中共中央党史和文献研究院).
var authorOrgEnds = []string{"研究院", "研究所", "研究中心", "研究会", "学会", "委员会", "中心组", "评论员", "编辑部", "课题组", "办公室", "工作室"}

// edition is what an edition line says.
type edition struct {
	paper, date, page string
}

// parseEditionLine reads an edition line.
func parseEditionLine(s string) (edition, bool) {
	if len(s) > 200 || !strings.HasPrefix(strings.TrimSpace(s), "《") {
		return edition{}, false
	}
	m := reEdition.FindStringSubmatch(compact(s))
	if m == nil {
		return edition{}, false
	}
	y, _ := strconv.Atoi(m[2])
	mo, _ := strconv.Atoi(m[3])
	d, _ := strconv.Atoi(m[4])
	date, ok := makeDate(y, mo, d)
	if !ok {
		return edition{}, false
	}
	return edition{paper: m[1], date: date, page: normalisePage(m[5])}, true
}

// isEditionText reports whether text has an edition line, which makes
// ParsePages read it as a web-edition export.
func isEditionText(text string) bool {
	for i := 0; i < len(text); {
		j := strings.Index(text[i:], "《")
		if j < 0 {
			return false
		}
		i += j
		// An edition line is short: look no further than 200 bytes.
		win := text[i:min(len(text), i+200)]
		end := strings.IndexAny(win, "\n\r\f")
		if end < 0 {
			end = len(win)
		}
		if _, ok := parseEditionLine(win[:end]); ok {
			line := text[:i]
			if k := strings.LastIndexAny(line, "\n\r\f"); k >= 0 {
				line = line[k+1:]
			}
			if strings.TrimSpace(line) == "" {
				return true
			}
		}
		i += len("《")
	}
	return false
}

// eline is a line of an edition export: a page line, whether it starts
// a PDF page, and what it is.
type eline struct {
	pline
	pageStart bool
	ed        *edition
}

// parseEdition parses a web-edition export into pages of articles, one
// Page per run of articles on the same printed page.
func (p *parser) parseEdition(text string) []Page {
	var lines []eline
	for _, pg := range splitPages(text) {
		first := true
		for _, l := range pg {
			if rePDFFooter.MatchString(l.text) {
				continue
			}
			el := eline{pline: l, pageStart: first}
			first = false
			if ed, ok := parseEditionLine(l.text); ok {
				el.ed = &ed
			}
			lines = append(lines, el)
		}
	}
	var eds []int
	for i, l := range lines {
		if l.ed != nil {
			eds = append(eds, i)
		}
	}
	starts := make([]int, len(eds)) // first header line of each entry
	for k, e := range eds {
		lo := 0
		if k > 0 {
			lo = eds[k-1] + 1
		}
		starts[k] = headerStart(lines, lo, e)
	}
	wrap := headWrapWidth(lines, starts, eds)
	var pages []Page
	if pre := lines[:starts[0]]; len(pre) > 0 && !isTOC(pre) {
		d := &draft{}
		for _, l := range pre {
			l.pline.kind = kBody
			d.lines = append(d.lines, l.pline)
		}
		pg := Page{Paper: p.meta.Paper, Date: p.meta.Date, Page: p.meta.Page, Section: p.meta.Section}
		if a, ok := p.article(d, 1, pg); ok {
			pg.Articles = append(pg.Articles, a)
			pages = append(pages, pg)
		}
	}
	for k, e := range eds {
		end := len(lines)
		if k+1 < len(eds) {
			end = starts[k+1]
		}
		ed := lines[e].ed
		a, ok := p.editionArticle(lines[starts[k]:e], lines[e+1:end], *ed, wrap, k+1)
		if !ok {
			continue
		}
		if n := len(pages); n == 0 || pages[n-1].Page != ed.page || pages[n-1].Date != ed.date || pages[n-1].Paper != ed.paper {
			pages = append(pages, Page{Paper: ed.paper, Date: ed.date, Page: ed.page, Section: p.meta.Section})
		}
		pg := &pages[len(pages)-1]
		pg.Articles = append(pg.Articles, a)
	}
	return pages
}

// headerStart returns the first line of the headline and byline above the
// edition line at e, no earlier than lo: the start of the PDF page the
// headline is on, or without page breaks the line after the last sentence
// end (at most eight lines up).
func headerStart(lines []eline, lo, e int) int {
	for i := e; i >= lo; i-- {
		if lines[i].pageStart {
			if i == e && i > lo {
				continue // the edition line opens a page: the headline is on the one before
			}
			return skipLeftovers(lines, i, e)
		}
	}
	s := e
	for s > lo && e-s < 8 && !endsSentence(lines[s-1].text) && !isEditorLine(lines[s-1].text) {
		s--
	}
	return s
}

// skipLeftovers steps over single characters left at the top of a page by
// the entry before (names of its editors), so that the header starts at
// the first line of two or more characters.
func skipLeftovers(lines []eline, i, e int) int {
	j := i
	for j < e && hanCount(lines[j].text, 2) == 1 && runeCountMax(strings.TrimSpace(lines[j].text), 3) == 1 {
		j++
	}
	if j == e {
		return i
	}
	return j
}

// headWrapWidth estimates the width at which long headlines wrap: the
// widest first headline line, if at least two are about that wide;
// otherwise nothing is known and it returns a width no line reaches.
func headWrapWidth(lines []eline, starts, eds []int) float64 {
	w := 0.0
	for k, s := range starts {
		if s < eds[k] {
			w = max(w, printWidth(lines[s].text))
		}
	}
	n := 0
	for k, s := range starts {
		if s < eds[k] && printWidth(lines[s].text) >= w-1 {
			n++
		}
	}
	if n < 2 {
		return 1e9
	}
	return w
}

// printWidth is the width of a line with full-width punctuation counted
// whole, as web-edition headlines are set.
func printWidth(s string) float64 {
	var w float64
	for _, r := range strings.TrimSpace(s) {
		switch {
		case unicode.IsSpace(r):
		case r < 0x80:
			w += 0.5
		default:
			w++
		}
	}
	return w
}

// isTOC reports whether the lines before the first article are a table of
// contents: mostly numbered entries.
func isTOC(lines []eline) bool {
	n := 0
	for _, l := range lines {
		if reTOCEntry.MatchString(l.text) {
			n++
		}
	}
	return n*3 >= len(lines)
}

// editionArticle builds the article of one entry from its header lines
// (headline and byline) and body lines; n is its position, for warnings.
// Entries that only name editors or say 广告 give no article.
func (p *parser) editionArticle(head, body []eline, ed edition, wrap float64, n int) (article.Article, bool) {
	pg := Page{Paper: ed.paper, Date: ed.date, Page: ed.page, Section: p.meta.Section}
	if len(head) > 0 && isEditorLine(head[0].text) && isCredit(head) {
		// Page credits: the editors, then the page's mailbox, data
		// sources or a call for letters; a long text after them is an
		// article without a headline after all.
		if bodyHan(body) < 200 {
			return article.Article{}, false
		}
		head = nil
	}
	var heads, bys []string
	for i, l := range head {
		t := strings.TrimSpace(l.text)
		cont := len(heads) > 0 && len(bys) == 0 && continues(head[i-1].text, t, wrap)
		if len(heads) == 0 || cont || !isBylineText(t) {
			if cont {
				heads[len(heads)-1] = joinLines([]string{heads[len(heads)-1], t})
			} else {
				heads = append(heads, t)
			}
			continue
		}
		bys = append(bys, t)
	}
	if len(heads) == 1 && heads[0] == "广告" && !hasBodyText(body) {
		return article.Article{}, false
	}
	d := &draft{}
	for _, l := range editionParagraphs(body) {
		d.lines = append(d.lines, l)
	}
	if len(heads) > 0 {
		// One line, so that the article is kept if any part of the
		// headline has a letter; the roles are set below.
		d.head = &headGroup{lines: []pline{{n: head[0].n, text: strings.Join(heads, " "), kind: kHead}}}
	}
	a, ok := p.article(d, n, pg)
	if !ok && len(bys) == 0 {
		return a, false
	}
	if len(heads) > 0 {
		a.Column = ""
		a.Kicker, a.Headline, a.Subtitle = headRoles(heads)
		last := &a.Subtitle
		if a.Subtitle == "" {
			last = &a.Headline
		}
		if rest, tag, ok := columnTag(*last); ok {
			*last, a.Column = rest, tag
		}
	}
	names, roles, org := parseEditionByline(bys)
	if len(names) > 0 {
		found, foundRoles := a.Reporters, a.Roles
		a.Reporters, a.Roles = nil, nil
		addReporters(&a, names, roles)
		addReporters(&a, found, foundRoles)
	}
	if a.Source == "" {
		a.Source = org
	}
	for _, r := range roles {
		if src := strings.TrimSuffix(r, "记者"); a.Source == "" && src != r && len([]rune(src)) >= 2 && src != "本报" && src != "特约" {
			a.Source = src
		}
	}
	return a, true
}

// hasBodyText reports whether the lines hold text other than editor and
// mailbox lines.
func hasBodyText(lines []eline) bool {
	for _, l := range lines {
		if !isEditorLine(l.text) && hasLetter(l.text) {
			return true
		}
	}
	return false
}

// isCredit reports whether header lines are only editor lines and names.
func isCredit(head []eline) bool {
	for _, l := range head {
		if !isEditorLine(l.text) && !isBylineText(l.text) {
			return false
		}
	}
	return true
}

// bodyHan counts the Chinese characters of the lines, up to 1000.
func bodyHan(lines []eline) int {
	n := 0
	for _, l := range lines {
		n += hanCount(l.text, 1000)
		if n >= 1000 {
			break
		}
	}
	return n
}

// continues reports whether header line t continues the headline line
// prev: prev fills the width headlines wrap at (unless it closes with a
// bracket or quote and t reads as a byline), t starts with closing
// punctuation, or prev is a lone character of a headline set vertically.
func continues(prev, t string, wrap float64) bool {
	if r, _ := utf8.DecodeRuneInString(t); strings.ContainsRune(closers+"，。、；：！？", r) {
		return true
	}
	if utf8.RuneCountInString(strings.TrimSpace(prev)) == 1 && utf8.RuneCountInString(t) == 1 {
		return true
	}
	if printWidth(prev) < wrap-1.5 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(prev))
	return !(strings.ContainsRune(closers, last) && isBylineText(t))
}

// headRoles splits headline parts into kicker, headline and subtitle: a
// first part that reads as a kicker is one; a part after the headline that
// starts with a dash is the subtitle; other parts make one headline,
// separated by spaces, as a two-line headline is printed.
func headRoles(parts []string) (kicker, headline, subtitle string) {
	ts := make([]string, len(parts))
	for i, s := range parts {
		ts[i] = cleanHeadline(s)
	}
	if len(ts) > 1 && (isKicker(ts[0]) || isStudyKicker(ts[0])) {
		kicker, ts = ts[0], ts[1:]
	}
	var main, sub []string
	for _, t := range ts {
		if len(main) > 0 && (len(sub) > 0 || isDashed(t)) {
			sub = append(sub, t)
			continue
		}
		main = append(main, t)
	}
	return kicker, strings.Join(main, " "), strings.Join(sub, " ")
}

// isDashed reports a line that starts with a dash, as subtitles do.
func isDashed(s string) bool {
	return strings.HasPrefix(s, "—") || strings.HasPrefix(s, "－") || strings.HasPrefix(s, "--")
}

// isStudyKicker reports the kicker of a study article: 深入学习贯彻…精神.
func isStudyKicker(s string) bool {
	return (strings.HasPrefix(s, "学习") || strings.HasPrefix(s, "深入学习") || strings.HasPrefix(s, "贯彻")) &&
		(strings.HasSuffix(s, "精神") || strings.HasSuffix(s, "重要讲话"))
}

// isBylineText reports whether a header line belongs to a byline: a role
// word, names (single characters of a spaced two-character name count),
// or an authoring body.
func isBylineText(s string) bool {
	toks := bylineTokens(s)
	if len(toks) == 0 {
		return false
	}
	for _, t := range toks {
		if at, _ := findRole(t); at == 0 {
			continue
		}
		if isRoleWord(t) || isAuthorOrg(t) {
			continue
		}
		if isName(t) && (hanCount(t, 5) < 4 || hasCompoundSurname(t) || strings.ContainsRune(t, '·')) {
			continue
		}
		if r := []rune(t); len(r) == 1 && isHan(r[0]) {
			continue
		}
		return false
	}
	return true
}

// compoundSurnames are the two-character surnames of four-character names.
var compoundSurnames = []string{"欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐",
	"长孙", "宇文", "司徒", "夏侯", "轩辕", "端木", "独孤", "南宫", "西门", "呼延", "申屠", "太史", "闻人", "万俟"}

// hasCompoundSurname reports whether a name starts with a compound surname.
func hasCompoundSurname(s string) bool {
	for _, c := range compoundSurnames {
		if strings.HasPrefix(s, c) {
			return true
		}
	}
	return false
}

// isRoleWord reports a role such as 人民网记者 not in roleWords.
func isRoleWord(t string) bool {
	r := []rune(t)
	return len(r) >= 3 && len(r) <= 8 && strings.HasSuffix(t, "记者") && hanCount(t, 9) == len(r)
}

// isAuthorOrg reports an authoring body: 中共中央党史和文献研究院.
func isAuthorOrg(t string) bool {
	if hanCount(t, 31) != len([]rune(t)) || len([]rune(t)) > 30 {
		return false
	}
	for _, e := range authorOrgEnds {
		if strings.HasSuffix(t, e) && len([]rune(t)) > len([]rune(e)) {
			return true
		}
	}
	return false
}

// bylineTokens splits byline text at spaces and name separators.
func bylineTokens(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || r == '、' || r == '，' || r == ',' || r == '/'
	})
}

// parseEditionByline reads the byline lines of an entry: role words, names
// (runs of single characters are two-character names printed spaced out)
// and an authoring body, returned as org.
func parseEditionByline(lines []string) (names, roles []string, org string) {
	var toks []string
	for _, l := range lines {
		toks = append(toks, bylineTokens(l)...)
	}
	role := ""
	var singles []string
	flush := func() {
		for _, n := range pairSingles(singles) {
			names = append(names, n)
			roles = append(roles, role)
		}
		singles = nil
	}
	for _, t := range toks {
		if r := []rune(t); len(r) == 1 && isHan(r[0]) {
			singles = append(singles, t)
			continue
		}
		flush()
		at, w := findRole(t)
		switch {
		case at == 0:
			role = t[:w]
			if rest := t[w:]; isName(rest) {
				names = append(names, rest)
				roles = append(roles, role)
			}
		case isRoleWord(t):
			role = t
		case isName(t):
			names = append(names, t)
			roles = append(roles, role)
		case isAuthorOrg(t):
			org = t
		}
	}
	flush()
	return names, roles, org
}

// pairSingles joins single characters into names: pairs, with a run of
// three read as one name and a last odd one joined to the name before.
func pairSingles(s []string) []string {
	switch len(s) {
	case 0, 1:
		return nil
	case 3:
		return []string{strings.Join(s, "")}
	}
	var out []string
	for i := 0; i+1 < len(s); i += 2 {
		out = append(out, s[i]+s[i+1])
	}
	if len(s)%2 == 1 {
		out[len(out)-1] += s[len(s)-1]
	}
	return out
}

// editionParagraphs marks the body lines of an entry: an article start
// or photo credit as such, and a line clearly shorter than the column that
// does not end a sentence or leave a bracket open (a subhead, a sign-off)
// as ending its paragraph. A line of closing punctuation alone is joined
// to the line before. Editor lines are dropped.
func editionParagraphs(body []eline) []pline {
	col := 0.0
	for _, l := range body {
		col = max(col, printWidth(l.text))
	}
	var out []pline
	open := 0 // brackets and quotes left open in the paragraph so far
	for i, l := range body {
		pl := l.pline
		if isEditorLine(pl.text) {
			continue
		}
		n := len(out)
		if n > 0 && strings.Trim(pl.text, closers+"。！？，；、 ") == "" {
			out[n-1].text += pl.text
			continue
		}
		pl.kind = kBody
		switch {
		case n == 0 && isArticleStart(pl.text):
			pl.kind = kStart
		case parsePhotoCredit(pl.text) != nil:
			pl.kind = kPhoto
			if n > 0 && isRoleOnly(out[n-1].text) {
				// 新华社记者 on the line above the credit
				pl.text = out[n-1].text + " " + pl.text
				out = out[:n-1]
			}
		}
		open += openCount(pl.text)
		if pl.kind != kBody || endsSentence(pl.text) {
			open = 0
		} else if i+1 < len(body) && printWidth(pl.text) < 0.75*col && open <= 0 {
			pl.kind = kBreak
			open = 0
		}
		out = append(out, pl)
	}
	return out
}

// isRoleOnly reports a line that is only a role: 新华社记者.
func isRoleOnly(s string) bool {
	s = strings.TrimSpace(s)
	at, w := findRole(s)
	return at == 0 && w == len(s) || isRoleWord(s)
}

// openCount is the number of brackets and quotes s opens less those it
// closes.
func openCount(s string) int {
	return strings.Count(s, "（") + strings.Count(s, "(") + strings.Count(s, "“") -
		strings.Count(s, "）") - strings.Count(s, ")") - strings.Count(s, "”")
}

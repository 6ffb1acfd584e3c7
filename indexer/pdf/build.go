package pdf

import (
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"baoku/indexer/article"
	"baoku/indexer/pages"
)

// build turns a draft into an article; ok is false when it has no text.
func (d *draft) build(st stats) (article.Article, bool) {
	var a article.Article
	if d.brief {
		a.Headline = headText(d.titleLines)
		paras := paragraphs([][]*line{d.textLines}, st)
		a.Body = joinParas(paras)
		d.bylines(&a, paras)
		return a, a.Headline != "" && a.Body != ""
	}
	d.headline(&a)
	var cols [][]*line
	for _, b := range d.body {
		if b.kind == bCaption {
			raw := joinLines(b.lines)
			a.Captions = append(a.Captions, pages.CleanText(raw))
			for _, p := range photoCredits(raw) {
				if !contains(a.Photographers, p) {
					a.Photographers = append(a.Photographers, p)
				}
			}
			continue
		}
		cols = append(cols, b.lines)
	}
	cols = d.bylineLines(&a, cols)
	paras := paragraphs(cols, st)
	d.bylines(&a, paras)
	a.Body = joinParas(paras)
	if a.Body == "" {
		return a, false
	}
	if a.Headline == "" {
		a.Headline = derive(a.Body)
		a.HeadlineDerived = true
	}
	return a, true
}

// headline reads kicker, headline and subtitle from the headline group:
// the lines in the largest type are the headline, those above it the
// kicker, those below the subtitle.
func (d *draft) headline(a *article.Article) {
	var ls []*line
	for _, b := range d.head {
		ls = append(ls, b.lines...)
	}
	if len(ls) == 0 {
		return
	}
	sort.SliceStable(ls, func(i, j int) bool { return ls[i].y0 < ls[j].y0 })
	maxSize := 0.0
	for _, l := range ls {
		maxSize = math.Max(maxSize, l.size)
	}
	first, last := -1, -1
	for i, l := range ls {
		if l.size >= 0.85*maxSize {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	a.Kicker = headText(ls[:first])
	a.Headline = headText(ls[first : last+1])
	a.Subtitle = strings.TrimLeft(headText(ls[last+1:]), "—－-─ ")
}

// headText joins headline lines: wrapped lines without a space, a space
// inside a line kept as one.
func headText(ls []*line) string {
	var parts []string
	for _, l := range ls {
		parts = append(parts, strings.Join(strings.Fields(l.text), " "))
	}
	return joinStrings(parts)
}

// bylineLines takes a byline printed on a line of its own under the
// headline (本报记者 张三 李四, 文/张三) or at the end of the text
// (（本报记者 张三）) out of the text and into the article.
func (d *draft) bylineLines(a *article.Article, cols [][]*line) [][]*line {
	headBottom := math.Inf(-1)
	for _, b := range d.head {
		headBottom = math.Max(headBottom, b.y1)
	}
	for k, ls := range cols {
		if len(ls) == 0 || k > 1 && ls[0].y0 > headBottom+3*ls[0].size {
			continue
		}
		if names, roles, ok := pages.ParseByline(ls[0].text); ok && !indented(ls[0], ls) {
			addReporters(a, names, roles)
			cols[k] = ls[1:]
			break
		}
	}
	if n := len(cols); n > 0 && len(cols[n-1]) > 0 {
		ls := cols[n-1]
		l := ls[len(ls)-1]
		if t := strings.TrimSpace(l.text); strings.HasPrefix(t, "（") || strings.HasPrefix(t, "(") {
			if names, roles, ok := pages.ParseByline(t); ok {
				addReporters(a, names, roles)
				cols[n-1] = ls[:len(ls)-1]
			}
		}
	}
	return cols
}

// bylines reads the byline that opens the first paragraph (本报讯（记者
// 张三）) or closes the last one (（本报记者 张三）).
func (d *draft) bylines(a *article.Article, paras []para) {
	if len(paras) == 0 {
		return
	}
	// The byline is read from the lines as printed. Spaces part names,
	// but the extractor also puts them between letter-spaced characters,
	// and a line break may part two names or fall inside one: each
	// reading is tried, and the one that gives names of a name's length
	// wins.
	first := paras[0].lines[:min(4, len(paras[0].lines))]
	var names, roles []string
	for i, text := range readings(first) {
		src, dl, n, r := pages.ParseLead(text)
		if i == 0 || betterNames(n, names) {
			a.Source, a.Dateline, names, roles = src, dl, n, r
		}
	}
	addReporters(a, names, roles)
	if len(a.Reporters) == 0 {
		last := paras[len(paras)-1].lines
		last = last[max(0, len(last)-4):]
		names, roles = nil, nil
		for i, text := range readings(last) {
			if n, r := pages.ParseEndByline(text); i == 0 || betterNames(n, names) {
				names, roles = n, r
			}
		}
		addReporters(a, names, roles)
	}
}

// readings are the ways of reading lines that may hold a byline: joined
// with letter-spacing taken out, joined as they are, and with each line
// break read as a space.
func readings(ls []*line) []string {
	joined := joinLines(ls)
	return []string{unspace(joined), joined, joinLinesWith(ls, " ")}
}

// unspace removes single spaces next to Chinese characters (letter-
// spacing) and makes runs of spaces one.
func unspace(s string) string {
	rs := []rune(s)
	var sb strings.Builder
	for i := 0; i < len(rs); i++ {
		if rs[i] != ' ' {
			sb.WriteRune(rs[i])
			continue
		}
		j := i
		for j < len(rs) && rs[j] == ' ' {
			j++
		}
		if j-i > 1 || i > 0 && j < len(rs) && !isWideRune(rs[i-1]) && !isWideRune(rs[j]) {
			sb.WriteByte(' ')
		}
		i = j - 1
	}
	return sb.String()
}

// betterNames reports whether names a read better than b: all of a
// name's length (two to four characters, no role word) where b's are
// not, or more of them.
func betterNames(a, b []string) bool {
	ok := func(ns []string) bool {
		for _, n := range ns {
			if k := utf8.RuneCountInString(n); k < 2 || k > 4 || k == 4 && !strings.ContainsRune(n, '·') && !compoundSurname(n) ||
				strings.Contains(n, "记者") || strings.Contains(n, "通讯员") || strings.Contains(n, "实习生") {
				return false
			}
		}
		return len(ns) > 0
	}
	return ok(a) && (!ok(b) || len(a) > len(b))
}

// compoundSurname reports whether a four-character name starts with a
// two-character surname.
func compoundSurname(n string) bool {
	for _, s := range []string{"欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯", "令狐", "端木", "独孤"} {
		if strings.HasPrefix(n, s) {
			return true
		}
	}
	return false
}

func addReporters(a *article.Article, names, roles []string) {
	for i, n := range names {
		if contains(a.Reporters, n) {
			continue
		}
		a.Reporters = append(a.Reporters, n)
		r := ""
		if i < len(roles) {
			r = roles[i]
		}
		a.Roles = append(a.Roles, r)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// indented reports whether l starts further right than the column's
// other lines by about a character or more: the first line of a
// paragraph.
func indented(l *line, col []*line) bool {
	left := math.Inf(1)
	for _, m := range col {
		left = math.Min(left, m.x0)
	}
	return l.x0-left >= 0.9*l.size
}

// paragraphs joins the lines of the article's columns, in order, into
// paragraphs: a paragraph begins at an indented line, or after a line
// that ends a sentence well short of the column's right edge.
func paragraphs(cols [][]*line, st stats) []para {
	var paras []para
	var cur []*line
	flush := func() {
		if len(cur) > 0 {
			if t := pages.CleanText(joinLines(cur)); t != "" {
				paras = append(paras, para{t, cur})
			}
			cur = nil
		}
	}
	for _, col := range cols {
		if len(col) == 0 {
			continue
		}
		left, right := math.Inf(1), math.Inf(-1)
		for _, l := range col {
			left, right = math.Min(left, l.x0), math.Max(right, l.x1)
		}
		for _, l := range col {
			// A line beside the one before (a piece set apart by a wide
			// space) goes on with it.
			if len(cur) > 0 && cur[len(cur)-1].row != l.row {
				p := cur[len(cur)-1]
				// An intertitle, in bold, is a paragraph of its own.
				if l.x0-left >= 0.9*l.size || p.x1 < right-1.5*l.size && endsSentence(p.text) || (p.class == cBold) != (l.class == cBold) {
					flush()
				}
			}
			cur = append(cur, l)
		}
	}
	flush()
	return paras
}

// para is a paragraph: its clean text and its lines.
type para struct {
	text  string
	lines []*line
}

func joinParas(ps []para) string {
	var sb strings.Builder
	for i, p := range ps {
		if i > 0 {
			sb.WriteByte('\n')
		}
		sb.WriteString(p.text)
	}
	return sb.String()
}

// joinLines joins wrapped lines without a space, except between two
// Latin letters or digits.
func joinLines(ls []*line) string {
	parts := make([]string, len(ls))
	for i, l := range ls {
		parts[i] = l.text
	}
	return joinStrings(parts)
}

// joinLinesWith joins lines with sep between them.
func joinLinesWith(ls []*line, sep string) string {
	parts := make([]string, len(ls))
	for i, l := range ls {
		parts[i] = l.text
	}
	return strings.Join(parts, sep)
}

func joinStrings(parts []string) string {
	var sb strings.Builder
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		if sb.Len() > 0 {
			last, _ := utf8.DecodeLastRuneInString(sb.String())
			first, _ := utf8.DecodeRuneInString(p)
			if isLatin(last) && isLatin(first) {
				sb.WriteByte(' ')
			}
		}
		sb.WriteString(p)
	}
	return sb.String()
}

func isLatin(r rune) bool { return r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) }

// endsSentence reports whether s ends a sentence.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, " ”’」』）)")
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune("。！？!?…：:", r)
}

// derive makes a headline from the lead of a body printed without one:
// its first clause, at most 30 characters.
func derive(body string) string {
	first, _, _ := strings.Cut(body, "\n")
	if i := strings.IndexAny(first, "。！？，；"); i > 0 {
		first = first[:i]
	}
	if utf8.RuneCountInString(first) > 30 {
		first = string([]rune(first)[:30])
	}
	return first
}

// photoCredits reads the photographers credited at the end of a caption,
// from the credit after its last sentence when there is one (本报记者
// 王五摄), else from the whole caption (…… 王五 摄).
func photoCredits(caption string) []string {
	if i := strings.LastIndexAny(caption, "。！？"); i >= 0 {
		if ns := pages.PhotoCredits(strings.TrimSpace(caption[i+len("。"):])); len(ns) > 0 {
			return ns
		}
	}
	return pages.PhotoCredits(caption)
}

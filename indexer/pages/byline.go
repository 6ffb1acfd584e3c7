package pages

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// roleWords are the roles printed before reporters' names, longest first so
// that 本报记者 wins over 记者.
var roleWords = []string{
	"本报特约通讯员", "本报首席记者", "本报特约记者", "本报见习记者", "本报实习记者", "全媒体记者", "融媒体记者", "本报通讯员",
	"新华社记者", "人民日报记者", "本报实习生", "本报记者", "特约通讯员", "特约记者", "见习记者", "实习记者",
	"首席记者", "摄影记者", "特约撰稿", "通讯员", "实习生", "记者",
}

var (
	reBenbao = regexp.MustCompile(`^据?本报讯`)
	// reWire matches a wire dateline: source, place and date, then 电.
	reWire = regexp.MustCompile(`^据?(新华社|中新社|本报|人民日报|光明日报|经济日报|央视网|央广网|新华网|人民网|中新网|国际在线|\p{Han}{2,6}?(?:社|报|网|台))((?:\p{Han}|·){0,12}?\d{1,2}月\d{1,2}日(?:\p{Han}{0,2})?电)`)
	// reNetNews matches 央视网消息 and the like.
	reNetNews = regexp.MustCompile(`^(央视网|新华网|人民网|中新网|央广网|国际在线)消息`)
	// reReportedBy matches 记者 X 报道 / 本报记者 X Y 报道 at the start of an article.
	reReportedBy = regexp.MustCompile(`^((?:本报)?记者[^（）()。，]{2,30}?)报道`)
	// reWenTu matches 文/图 (words and pictures by) before or after a byline.
	reWenTu = regexp.MustCompile(`^(?:文|图)\s*[/／|｜·]\s*(?:图|文)\s+|\s+(?:文|图)\s*[/／|｜·]\s*(?:图|文)$`)
	// reWenMark matches 文/ (words by) printed before a role: 文/本报记者 张三.
	reWenMark = regexp.MustCompile(`^(?:撰)?文\s*[/／|｜:：]\s*`)
	// reRolePlace matches what may stand before 记者 as part of the role:
	// 本报驻京, 新华社驻上海.
	reRolePlace = regexp.MustCompile(`(?:本报|新华社)?驻\p{Han}{1,4}$`)
	// reRoleOrg matches an outlet printed before a role: 人民网 in 人民网记者.
	reRoleOrg   = regexp.MustCompile(`^\p{Han}{1,6}(?:网|社|台|报|刊|电视|广播)$`)
	reParen     = regexp.MustCompile(`^[（(]([^（）()]{1,80})[）)]`)
	reEndByline = regexp.MustCompile(`[（(]\s*(?:\p{Han}{2,12}?\d{1,2}月\d{1,2}日电\s*)?((?:综合)?(?:本报|新华社|人民日报|特约|首席|见习|实习|全媒体|融媒体)*(?:记者|通讯员|实习生)[^（）()]{1,60})[）)]\s*$`)
	// rePhotoBare matches a photo credit line written without a space: 王五摄.
	rePhotoBare = regexp.MustCompile(`^(?:本报记者|新华社记者|记者|本报通讯员|通讯员|特约记者)?\s*([\p{Han}·]{2,4})摄$`)
	rePhoto     = regexp.MustCompile(`(?:^|[\s。，；）（(])((?:本报记者|新华社记者|新华社发|记者|本报通讯员|通讯员|特约记者)?\s*)((?:[\p{Han}·]{2,4}[\s、]+){1,4})摄[）)]?$`)
	// reCreditNote matches the picture agency printed after a photo
	// credit: （影像中国）, （人民视觉）.
	reCreditNote = regexp.MustCompile(`[（(]\p{Han}{2,6}[）)]$`)
	reLeadDate   = regexp.MustCompile(`^(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:上午|下午|晚上|晚间|晚|凌晨|中午)?[，,]`)
)

// byline is what a byline says.
type byline struct {
	source, dateline string
	names, roles     []string
	photos           []string // photographers: names before 摄 or 摄影报道
	// section is true for a credit closing one section of a piece made
	// of several (（本报记者 张三采访整理）): the article goes on.
	section bool
	// marked is true for a byline set after a bullet (□ 本报记者 X),
	// as bylines under a headline are printed: it opens an article.
	marked bool
	// text is the byline as printed, for one taken off the end of a
	// line of text (parseTailByline).
	text string
}

// maxBylineLine is the longest line examined for a byline or photo credit.
const maxBylineLine = 200

// compact removes all white space.
func compact(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// isArticleStart reports whether a line opens an article: 本报讯, a wire
// dateline (新华社北京7月21日电), 央视网消息, or 记者 X 报道.
func isArticleStart(s string) bool {
	if !hasAny(s, "讯电消报") {
		return false // 本报讯, …电, …消息, …报道
	}
	if runeCountMax(s, maxBylineLine+1) > maxBylineLine {
		s = truncateRunes(s, maxBylineLine)
	}
	c := compact(s)
	return reBenbao.MatchString(c) || reWire.MatchString(c) || reNetNews.MatchString(c) || reReportedBy.MatchString(c)
}

// hasRoleWord reports whether s may hold a role word: every one ends in
// 记者, 通讯员, 实习生 or 撰稿, or is letter-spaced (记 者).
func hasRoleWord(s string) bool {
	return strings.Contains(s, "记者") || strings.Contains(s, "通讯员") || strings.Contains(s, "实习生") ||
		strings.Contains(s, "撰稿") || strings.Contains(s, "记 者")
}

// truncateRunes returns at most n runes of s.
func truncateRunes(s string, n int) string {
	i := 0
	for j := range s {
		if i == n {
			return s[:j]
		}
		i++
	}
	return s
}

// parseLead reads the byline at the start of an article: raw is the first
// lines of the article joined with "\n", spaces kept, so that names split
// by a line break can be told from names separated by one.
func parseLead(raw string) byline {
	var b byline
	raw = truncateRunes(strings.TrimSpace(raw), 300)
	raw = despaceLead(raw)
	// Compact spaces but keep line breaks and name separators: a single
	// space between two names becomes "、".
	s := nameSpaces(raw)
	switch {
	case reBenbao.MatchString(s):
		loc := reBenbao.FindStringIndex(s)
		b.source = "本报讯"
		s = s[loc[1]:]
	case reWire.MatchString(wireKey(s)):
		m := reWire.FindStringSubmatch(wireKey(s))
		b.source, b.dateline = m[1], m[2]
		s = skipCompact(s, len(m[0]))
	case reNetNews.MatchString(s):
		m := reNetNews.FindStringSubmatch(s)
		b.source = m[1]
		return b
	case reReportedBy.MatchString(s):
		m := reReportedBy.FindStringSubmatch(s)
		b.names, b.roles = parseNames(m[1])
		return b
	default:
		return b
	}
	s = strings.TrimLeft(s, "\n、 ")
	if m := reParen.FindStringSubmatch(s); m != nil && !relayed(raw) {
		b.names, b.roles = parseNames(dropTextLines(joinBrokenRoles(m[1])))
	}
	return b
}

// dropTextLines removes from a byline in brackets broken over lines the
// lines that hold text, a run of characters neither a name nor a role
// (记 / 市民们都说新修的公园很好、林 / 者 张三  李四）): the neighbouring
// column's line read between the byline's, whose last character would
// otherwise join the next line's into a name.
func dropTextLines(s string) string {
	if !strings.Contains(s, "\n") {
		return s
	}
	lines := strings.Split(s, "\n")
	kept := make([]string, 0, len(lines))
	for _, l := range lines {
		if !textLine(l) {
			kept = append(kept, l)
		}
	}
	if len(kept) == len(lines) {
		return s
	}
	return strings.Join(kept, "\n")
}

// textLine reports a line of a byline that holds a word of five or more
// characters that is neither a name nor a role, or one of four, a whole
// name's length, that starts with no surname (补齐短板: a headline read
// between the byline's lines): text. A shorter word may be the wrapped
// end of a name (冯 / 晓雪）).
func textLine(l string) bool {
	for l != "" {
		i := strings.IndexFunc(l, func(r rune) bool { return r == '、' || r == '，' || r == ',' || r == ' ' })
		f := l
		if i >= 0 {
			_, n := utf8.DecodeRuneInString(l[i:])
			f, l = l[:i], l[i+n:]
		} else {
			l = ""
		}
		if n := hanCount(f, 5); (n >= 5 && !isName(f) || n == 4 && !hasSurname(f)) && !hasRoleWord(f) {
			return true
		}
	}
	return false
}

// relayed reports whether a lead passes on another outlet's report
// (据新华社北京4月2日电（记者 某某）): the reporter named is that outlet's,
// not the article's, which the paper does not sign.
func relayed(lead string) bool {
	return strings.HasPrefix(strings.TrimLeft(lead, " \u3000"), "据")
}

// nameSpaces turns runs of spaces into "、" between words and drops them
// next to punctuation, keeping line breaks.
func nameSpaces(s string) string {
	var out strings.Builder
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if r == '\n' || !unicode.IsSpace(r) {
			out.WriteRune(r)
			continue
		}
		j := i
		for j < len(rs) && rs[j] != '\n' && unicode.IsSpace(rs[j]) {
			j++
		}
		if i > 0 && j < len(rs) && !isPunctWide(rs[i-1]) && !isPunctWide(rs[j]) && rs[i-1] != '\n' && rs[j] != '\n' &&
			!(isDigitOrMonth(rs[i-1]) && isDigitOrMonth(rs[j])) {
			out.WriteRune('、')
		}
		i = j - 1
	}
	return out.String()
}

// isDigitOrMonth reports runes of a date written with spaces (7 月 21 日).
func isDigitOrMonth(r rune) bool { return r < 0x80 || r == '月' || r == '日' || r == '年' }

// wireKey removes spaces, line breaks and the separators nameSpaces put
// in, so that a dateline broken by justification still matches reWire.
func wireKey(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '、' {
			return -1
		}
		return r
	}, s)
}

// skipCompact returns s after its first n bytes of wireKey text.
func skipCompact(s string, n int) string {
	for i, r := range s {
		if n <= 0 {
			return s[i:]
		}
		if !unicode.IsSpace(r) && r != '、' {
			n -= utf8.RuneLen(r)
		}
	}
	return ""
}

// parseNames reads names and roles from a byline such as
// "记者、刘丽霞、实习生\n秦钰轩" or "记者梅常\n伟". A role applies to the names
// after it until the next role. Within a name a line break is joined when
// the parts make at most four characters, otherwise it separates two names.
func parseNames(s string) (names, roles []string) {
	s = joinBrokenRoles(s)
	role := ""
	for _, tok := range joinSingles(strings.FieldsFunc(s, func(r rune) bool {
		return r == '、' || r == '，' || r == ',' || r == '；' || r == '/' || r == '／' || r == ' ' || r == '\u3000'
	})) {
		for tok != "" {
			at, w := findRole(tok)
			before := tok
			if at >= 0 {
				before = tok[:at]
			}
			for _, n := range splitBreak(before) {
				names = append(names, n)
				roles = append(roles, role)
			}
			if at < 0 {
				break
			}
			role = tok[at : at+w]
			if reRoleOrg.MatchString(before) {
				role = before + role // 人民网记者
				if n := len(names); n > 0 && names[n-1] == before {
					names, roles = names[:n-1], roles[:n-1]
				}
			}
			tok = tok[at+w:]
		}
	}
	return names, roles
}

// joinSingles joins runs of single Chinese characters, a two-character
// name printed spaced out (周 敏), into names (see pairSingles); a lone
// character stays as it is.
func joinSingles(toks []string) []string {
	var out, run []string
	flush := func() {
		if len(run) == 1 {
			out = append(out, run...)
		} else {
			out = append(out, pairSingles(run)...)
		}
		run = nil
	}
	for _, t := range toks {
		if r, n := utf8.DecodeRuneInString(t); n == len(t) && isHan(r) {
			run = append(run, t)
			continue
		}
		flush()
		out = append(out, t)
	}
	flush()
	return out
}

// findRole returns the position and length of the first role word in s.
func findRole(s string) (int, int) {
	best, bw := -1, 0
	for _, r := range roleWords {
		if i := strings.Index(s, r); i >= 0 && (best < 0 || i < best || i == best && len(r) > bw) {
			best, bw = i, len(r)
		}
	}
	if best > 0 && strings.HasPrefix(s[best:], "记者") {
		// a posting is part of the role: 本报驻京记者
		if m := reRolePlace.FindStringIndex(s[:best]); m != nil {
			bw += best - m[0]
			best = m[0]
		}
	}
	return best, bw
}

// splitBreak turns a name part that may hold line breaks into names.
func splitBreak(s string) []string {
	s = strings.Trim(s, "\n")
	if s == "" {
		return nil
	}
	joined := strings.ReplaceAll(s, "\n", "")
	if isName(joined) {
		return []string{joined}
	}
	var out []string
	for _, p := range strings.Split(s, "\n") {
		if isName(p) {
			out = append(out, p)
		}
	}
	return out
}

// isName reports whether s looks like a person's name: two to four Chinese
// characters, or a transliterated name with a middle dot.
func isName(s string) bool {
	n := 0
	dot := false
	for _, r := range s {
		switch {
		case isHan(r):
			n++
		case r == '·' || r == '•':
			dot = true
		default:
			return false
		}
	}
	return n >= 2 && (n <= 4 || dot && n <= 12)
}

// bulletChars are the marks printed before a standalone byline (□ 本报记者 X).
const bulletChars = "□■◎●▲◆★○◇△☆▼"

// parseBylineLine reads a line that is only a byline: "本报记者 X Y",
// "□ 本报记者 X", "（本报记者 X）", "记者 X 通讯员 Y". end is true for the
// parenthesised form printed at the end of an article.
func parseBylineLine(s string) (b byline, end, ok bool) {
	s = strings.TrimSpace(s)
	if s == "" || runeCountMax(s, 61) > 60 || !hasRoleWord(s) {
		return b, false, false
	}
	s = despace(s)
	t := strings.TrimLeft(s, bulletChars)
	marked := t != s
	s = strings.TrimSpace(strings.TrimLeft(t, bulletChars+" \u3000"))
	s = strings.TrimSpace(reWenTu.ReplaceAllString(s, " "))
	s = strings.TrimSpace(reWenMark.ReplaceAllString(s, "")) // 文/本报记者 张三
	photo := false
	if t := strings.TrimSuffix(s, "摄影报道"); t != s {
		s, photo = strings.TrimSpace(t), true
	}
	if strings.HasPrefix(s, "（") && strings.HasSuffix(s, "）") {
		s = strings.TrimSuffix(strings.TrimPrefix(s, "（"), "）")
		end = true
	} else if strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") {
		s = strings.TrimSuffix(strings.TrimPrefix(s, "("), ")")
		end = true
	}
	if t := strings.TrimSuffix(s, "摄影报道"); end && t != s {
		s, photo = strings.TrimSpace(t), true // （本报记者 张三 摄影报道）
	}
	section := false
	if end && !photo {
		// （综合本报记者 张三、李四报道）, （本报记者张三采访整理）
		s = strings.TrimPrefix(s, "综合")
		for _, suf := range []string{"采访整理", "综合报道", "报道", "整理"} {
			if t := strings.TrimSuffix(s, suf); t != s {
				s = strings.TrimSpace(t)
				section = suf == "采访整理" || suf == "整理"
				break
			}
		}
	}
	if at, _ := findRole(s); at != 0 {
		return b, false, false
	}
	if strings.HasSuffix(s, "摄") {
		if b, ok := wordsAndPictures(s); ok && !end {
			b.marked = marked
			return b, false, true
		}
		return b, false, false // a photo credit: 本报记者 史自强摄
	}
	b.names, b.roles = parseNames(nameSpaces(s))
	if len(b.names) == 0 || reconstruct(b) != hanOnly(s) || hasDuplicate(b.names) {
		return byline{}, false, false
	}
	if len(b.names) == 1 && hanCount(b.names[0], 3) == 2 && !strings.ContainsAny(s, " \u3000") && !hasSurname(b.names[0]) {
		// a role run into a word that starts with no surname is a
		// heading: 记者手记, 记者调查
		return byline{}, false, false
	}
	if strings.ContainsAny(s, "，,") && !allSurnamed(b.names) {
		// names are listed with 、 or spaces; words between commas are
		// text (本报记者推进下，已得到解)
		return byline{}, false, false
	}
	if photo {
		b.photos = b.names
	}
	b.section = section
	b.marked = marked && !end
	return b, end, true
}

// wordsAndPictures reads a byline of both words and pictures on one
// line: 本报记者 张三 李四文 本报记者 王五摄. The reporters before 文 are
// the byline's names, the names before 摄 its photographers; a line that
// is only a photo credit is no byline.
func wordsAndPictures(s string) (byline, bool) {
	for j := strings.Index(s, "文"); j > 0; {
		left, right := strings.TrimSpace(s[:j]), s[j+len("文"):]
		if b, _, ok := parseBylineLine(left); ok && len(b.photos) == 0 {
			if photos := parsePhotoCredit(right); photos != nil && !anyContained(b.names, photos) {
				b.photos = photos
				return b, true
			}
		}
		k := strings.Index(right, "文")
		if k < 0 {
			break
		}
		j += len("文") + k
	}
	return byline{}, false
}

// hasDuplicate reports whether a name is listed twice, which no byline
// does: such a line is kept as text.
func hasDuplicate(names []string) bool {
	for i, n := range names {
		if contains(names[:i], n) {
			return true
		}
	}
	return false
}

// reAuthorMark matches what may stand before an author's name under a
// headline: a bullet, 文/, 作者.
var reAuthorMark = regexp.MustCompile(`^(?:[` + bulletChars + `◆◇]\s*|文\s*[/／|｜]\s*|作者[：:\s]\s*)`)

// parseAuthorLine reads the author line printed under a headline on
// feature and opinion pages, without a role: "葛昆元", "◆周立民",
// "文/付秀宏", "非常时期 吴越" is not one. A bare name has two or three
// characters (four with a compound surname); after a mark, one or two
// names of two to four.
func parseAuthorLine(s string) (byline, bool) {
	s = strings.TrimSpace(s)
	if runeCountMax(s, 21) > 20 {
		return byline{}, false
	}
	rest := reAuthorMark.ReplaceAllString(s, "")
	marked := rest != s
	names := joinSingles(strings.Fields(rest))
	if len(names) == 0 || len(names) > 2 || !marked && len(names) > 1 {
		return byline{}, false
	}
	var b byline
	for _, n := range names {
		k := hanCount(n, 5)
		if !isName(n) || !marked && (k == 4 && !hasCompoundSurname(n) || !hasSurname(n)) && !strings.ContainsRune(n, '·') {
			return byline{}, false
		}
		b.names = append(b.names, n)
		b.roles = append(b.roles, "")
	}
	return b, true
}

// reconstruct prints a byline's roles and names back, each role once.
func reconstruct(b byline) string {
	var sb strings.Builder
	for i, n := range b.names {
		if i == 0 || b.roles[i] != b.roles[i-1] {
			sb.WriteString(b.roles[i])
		}
		sb.WriteString(n)
	}
	return hanOnly(sb.String())
}

// hanOnly keeps only the Chinese characters of s.
func hanOnly(s string) string {
	return strings.Map(func(r rune) rune {
		if isHan(r) {
			return r
		}
		return -1
	}, s)
}

// parsePhotoCredit reads a photo credit at the end of a line:
// "王五 摄", "新华社记者 李四 摄", "（本报记者 张三 摄）", "王五摄（影像中国）".
func parsePhotoCredit(s string) []string {
	s = strings.TrimSpace(s)
	if runeCountMax(s, maxBylineLine+1) > maxBylineLine || !strings.Contains(s, "摄") {
		return nil
	}
	if m := reCreditNote.FindStringIndex(s); m != nil && strings.HasSuffix(strings.TrimSpace(s[:m[0]]), "摄") {
		s = strings.TrimSpace(s[:m[0]]) // 王五摄（影像中国）: the agency after the credit
	}
	m := rePhoto.FindStringSubmatch(s)
	if m == nil {
		if b := rePhotoBare.FindStringSubmatch(joinSpacedName(s)); b != nil && isName(b[1]) {
			return []string{b[1]}
		}
		return nil
	}
	var names []string
	for _, n := range joinSingles(strings.FieldsFunc(m[2], func(r rune) bool { return unicode.IsSpace(r) || r == '、' })) {
		if at, w := findRole(n); at == 0 && w == len(n) {
			continue // 本报记者, caught as a name by its length
		}
		if isName(n) {
			names = append(names, n)
		}
	}
	return names
}

// joinSpacedName joins a two-character name spaced out before 摄
// (郑  八摄 → 郑八摄).
func joinSpacedName(s string) string {
	f := strings.Fields(s)
	if len(f) == 2 && utf8.RuneCountInString(f[0]) == 1 && strings.HasSuffix(f[1], "摄") && utf8.RuneCountInString(f[1]) <= 3 {
		return f[0] + f[1]
	}
	return s
}

// parseEndByline reads a byline in brackets at the end of an article's
// last paragraph: "……。（本报记者 X）".
func parseEndByline(para string) (names, roles []string) {
	if len(para) > 4*maxBylineLine {
		para = para[len(para)-4*maxBylineLine:]
		for !utf8.ValidString(para) && para != "" {
			para = para[1:]
		}
	}
	m := reEndByline.FindStringSubmatch(para)
	if m == nil {
		return nil, nil
	}
	if b, _, ok := parseBylineLine("（" + m[1] + "）"); ok {
		return b.names, b.roles // closing words and 摄影报道 read as on a line of its own
	}
	return parseNames(nameSpaces(m[1]))
}

// leadClause derives a headline from an article's lead: the byline and a
// leading date are skipped and the first clause taken, extended by the
// next clause when very short, and cut to at most 30 characters.
func leadClause(body string) string {
	s := firstParagraph(body)
	s = strings.TrimPrefix(s, "据")
	if loc := reBenbao.FindStringIndex(s); loc != nil {
		s = s[loc[1]:]
	} else if m := reWire.FindStringSubmatch(s); m != nil {
		s = s[len(m[0]):]
	} else if m := reNetNews.FindStringSubmatch(s); m != nil {
		s = s[len(m[0]):]
	} else if m := reReportedBy.FindStringSubmatch(s); m != nil {
		s = s[len(m[0]):]
	}
	s = strings.TrimLeft(s, " ：:")
	if m := reParen.FindStringIndex(s); m != nil {
		s = s[m[1]:]
	}
	if m := reLeadDate.FindStringIndex(s); m != nil {
		s = s[m[1]:]
	}
	rs := []rune(truncateRunes(s, 200))
	end := len(rs)
	for i, r := range rs {
		if strings.ContainsRune("，。；！？,;!?：", r) {
			if i >= 6 || r == '。' {
				end = i
				break
			}
		}
	}
	const max = 30
	if end > max {
		return string(rs[:max]) + "…"
	}
	return strings.TrimSpace(string(rs[:end]))
}

// firstParagraph returns text up to the first line break.
func firstParagraph(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// despace undoes letter-spacing: in a line set with a space between most
// characters (本 报 讯   （ 记 者   任 瑞 ）), single spaces go and wider
// gaps become one space. Other lines are returned as they are.
func despace(s string) string {
	rs := []rune(s)
	singles, joins := 0, 0 // characters set apart by one space, and side by side
	for i := 0; i+1 < len(rs); i++ {
		switch {
		case !isHan(rs[i]):
		case isHan(rs[i+1]):
			joins++
		case rs[i+1] == ' ' && i+2 < len(rs) && isHan(rs[i+2]):
			singles++
		}
	}
	if singles < 3 || 4*joins > singles {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(rs); i++ {
		if rs[i] != ' ' {
			b.WriteRune(rs[i])
			continue
		}
		j := i
		for j < len(rs) && rs[j] == ' ' {
			j++
		}
		if j-i > 1 && i > 0 && j < len(rs) {
			b.WriteByte(' ')
		}
		i = j - 1
	}
	return b.String()
}

// despaceLead undoes the letter-spacing of a lead's byline, which may
// be spaced out while the text after it is not: the part up to the first
// closing bracket is despaced by itself.
func despaceLead(s string) string {
	if i := strings.IndexAny(s, "）)"); i >= 0 && i < 4*60 {
		_, n := utf8.DecodeRuneInString(s[i:])
		return despaceLines(s[:i+n]) + s[i+n:]
	}
	return despaceLines(s)
}

// despaceLines applies despace to each line of s.
func despaceLines(s string) string {
	if !strings.Contains(s, " ") {
		return s
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = despace(l)
	}
	return strings.Join(lines, "\n")
}

// joinBrokenRoles removes the line breaks that split a role word
// (通讯\n员, 记\n者), so that the role is read as one.
func joinBrokenRoles(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' && splitsRole(s[:i], s[i+1:]) {
			s = s[:i] + s[i+1:]
			i--
		}
	}
	return s
}

// splitsRole reports whether a role word starts at the end of before and
// ends at the start of after.
func splitsRole(before, after string) bool {
	for _, w := range roleWords {
		for k := 1; k < len(w); k++ {
			if utf8.RuneStart(w[k]) && strings.HasSuffix(before, w[:k]) && strings.HasPrefix(after, w[k:]) {
				return true
			}
		}
	}
	return false
}

// reCreditLine matches a picture credit that names no photographer: the
// agency (影像中国, 新华社发), who supplied the picture (资料图片,
// 中国三峡集团供图, 本版图片由受访者提供).
var reCreditLine = regexp.MustCompile(`^[（(]?(?:影像中国|人民视觉|视觉中国|新华社发|中新社发|资料图片|资料照片|\p{Han}{2,16}供图|本版图片由\p{Han}{2,12}提供|图片由\p{Han}{2,12}提供)[）)]?$`)

// isCreditLine reports a line that is only a picture credit without a
// photographer's name.
func isCreditLine(s string) bool {
	if !hasAny(s, "影视新中资图供提") {
		return false
	}
	s = strings.TrimSpace(s)
	return runeCountMax(s, 25) < 25 && reCreditLine.MatchString(compact(s))
}

// reTailStart finds where a byline may start after the last sentence of
// a line: after the sentence's end and any closing quote, or after a
// photo credit (王五摄（影像中国）).
var reTailStart = regexp.MustCompile(`(?:[。！？!?…][”’」』）)]*|摄(?:[（(]\p{Han}{2,6}[）)])?)\s*`)

// parseTailByline reads a byline printed on the last line of an article
// after its last sentence (……确保家中安全。  本报记者  潘高峰) and returns
// it with the line's text before it. A name printed before the byline
// (……的方式。应健中 记者 张三) stays with the text.
func parseTailByline(line string) (b byline, rest string, ok bool) {
	end := tailStart(line)
	if end < 0 {
		return b, line, false
	}
	tail := strings.TrimSpace(line[end:])
	if tail == "" || runeCountMax(tail, 41) > 40 {
		return b, line, false
	}
	if b, _, ok = parseBylineLine(tail); ok {
		b.text = tail
		return b, strings.TrimRightFunc(line[:end], unicode.IsSpace), true
	}
	// the byline may start after a gap later in the tail
	if i := strings.LastIndexByte(tail, ' '); i > 0 {
		for j := strings.IndexByte(tail, ' '); j > 0 && j <= i; {
			if b, _, ok = parseBylineLine(tail[j+1:]); ok && findRoleAt(strings.TrimSpace(tail[j+1:])) {
				b.text = strings.TrimSpace(tail[j+1:])
				cut := len(line) - len(tail) + j
				return b, strings.TrimRightFunc(line[:cut], unicode.IsSpace), true
			}
			k := strings.IndexByte(tail[j+1:], ' ')
			if k < 0 {
				break
			}
			j += k + 1
		}
	}
	return byline{}, line, false
}

// tailStart returns where a byline may start after the last sentence of
// a line (see reTailStart), or -1. The 摄 of 摄影报道 (本报记者 张三
// 摄影报道) closes no photo credit: it is part of the byline.
func tailStart(line string) int {
	locs := reTailStart.FindAllStringIndex(line, -1)
	for k := len(locs) - 1; k >= 0; k-- {
		if !strings.HasPrefix(line[locs[k][0]:], "摄影") {
			return locs[k][1]
		}
	}
	return -1
}

// findRoleAt reports whether s starts with a role word.
func findRoleAt(s string) bool {
	at, _ := findRole(s)
	return at == 0
}

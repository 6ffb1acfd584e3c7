package pages

import (
	"fmt"
	"path"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// paperSlugs maps the pinyin slugs used in file names to paper names.
var paperSlugs = map[string]string{
	"lvliang": "吕梁日报",
	"llrb":    "吕梁日报",
	"rmrb":    "人民日报",
	"gmrb":    "光明日报",
	"jjrb":    "经济日报",
	"xmwb":    "新民晚报",
	"sxrb":    "山西日报",
}

var reSlugDate = regexp.MustCompile(`^(\d{4})-?(\d{2})-?(\d{2})$`)

// MetaFromFileName reads what a page file's name says about the page.
//
// The convention is <paper>-<YYYY-MM-DD>-<page>[-<section>].txt, for example
// lvliang-2023-07-22-01.txt or 吕梁日报-2023-07-22-02-要闻.txt. The date may
// also be written YYYYMMDD. paper is a pinyin slug (known slugs such as
// lvliang or rmrb become the paper's name, others are kept as written) or
// the paper's name in Chinese; page is kept as printed except that leading
// zeros of a plain number are dropped (01 → 1, A05 stays A05). Any directory
// and extension are ignored; parts that are missing or do not fit stay empty.
//
// A page file may have a sidecar beside it, <file>.json (for example
// lvliang-2023-07-22-01.txt.json), holding {"paper","date","page","section"};
// the caller reads it and passes its non-empty fields in the PageMeta given
// to ParsePages, in place of what the file name says.
func MetaFromFileName(name string) PageMeta {
	base := path.Base(strings.ReplaceAll(name, `\`, "/"))
	if i := strings.IndexByte(base, '.'); i > 0 {
		base = base[:i]
	}
	parts := strings.Split(base, "-")
	var m PageMeta
	for i := range parts {
		date, used := dateAt(parts, i)
		if used == 0 {
			continue
		}
		m.Paper = strings.Join(parts[:i], "-")
		if p, ok := paperSlugs[strings.ToLower(m.Paper)]; ok {
			m.Paper = p
		}
		m.Date = date
		rest := parts[i+used:]
		if len(rest) > 0 {
			m.Page = normalisePage(rest[0])
		}
		if len(rest) > 1 {
			m.Section = strings.Join(rest[1:], "-")
		}
		return m
	}
	return m
}

// dateAt reads a date starting at parts[i], written as three parts
// YYYY, MM, DD or one part YYYYMMDD, and returns it with the number of parts
// it used (0 if none).
func dateAt(parts []string, i int) (string, int) {
	if i+2 < len(parts) && len(parts[i]) == 4 && len(parts[i+1]) == 2 && len(parts[i+2]) == 2 {
		if d, ok := validDate(parts[i] + parts[i+1] + parts[i+2]); ok {
			return d, 3
		}
	}
	if len(parts[i]) == 8 {
		if d, ok := validDate(parts[i]); ok {
			return d, 1
		}
	}
	return "", 0
}

// validDate checks a YYYYMMDD string and returns it as YYYY-MM-DD.
func validDate(s string) (string, bool) {
	m := reSlugDate.FindStringSubmatch(s)
	if m == nil {
		return "", false
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	d, _ := strconv.Atoi(m[3])
	return makeDate(y, mo, d)
}

// makeDate returns YYYY-MM-DD for a real calendar date.
func makeDate(y, m, d int) (string, bool) {
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if y < 1800 || y > 2200 || t.Month() != time.Month(m) || t.Day() != d {
		return "", false
	}
	return t.Format("2006-01-02"), true
}

// normalisePage drops leading zeros from a plain page number.
func normalisePage(p string) string {
	p = strings.TrimSpace(p)
	if n, err := strconv.Atoi(p); err == nil && n >= 0 {
		return strconv.Itoa(n)
	}
	return p
}

// header is what a page's masthead or running header says.
type header struct {
	paper, issue, page, section string
	year, month, day            int
	weekday                     string // 一 … 日
	lunarYear                   string // 干支 of the lunar year, e.g. 癸卯
	lunarMonth, lunarDay        int    // lunar month and day, 0 if not printed
	masthead                    bool   // a front-page masthead was seen
}

var (
	reHdrFullDate   = regexp.MustCompile(`^(\d{4})年(\d{1,2})月(\d{1,2})日$`)
	reHdrYearMonth  = regexp.MustCompile(`^(\d{4})年(\d{1,2})月$`)
	reHdrDay        = regexp.MustCompile(`^\d{1,2}$`)
	reHdrIssue      = regexp.MustCompile(`^总?第(\d+)期$`)
	reHdrWeekday    = regexp.MustCompile(`^(?:星期|周)([一二三四五六日天])$`)
	reHdrPageNo     = regexp.MustCompile(`^第?([A-Z]?\d{1,3})(?:版|页)$`)
	reHdrPageLetter = regexp.MustCompile(`^[A-Z]\d{1,2}$`)
	reHdrToday      = regexp.MustCompile(`^(?:今日|本期)\d+(?:版|页)$`)
	reHdrPaper      = regexp.MustCompile(`(\p{Han}{2,8}?(?:日报|晚报|早报|时报|商报))社?出版`)
	reHdrPaperLine  = regexp.MustCompile(`^\p{Han}{2,6}(?:日报|晚报|早报|时报|商报)$`)
	reHdrLatin      = regexp.MustCompile(`^[A-Z][A-Z .'&-]+$`)
	reHdrCN         = regexp.MustCompile(`^(?:CN|ISSN)\s*\d`)
	reHdrEditor     = regexp.MustCompile(`(?:本版|[一二三四五六七八九十]{1,3}版|[A-Z]?\d{1,3}版)?(?:责任编辑|责编|编辑|美编|校对|版式设计|版式|组版|照排|图片编辑|视觉设计|排版|版面设计|邮箱|数据来源)\s*[：:]`)
	reHdrDigitSp    = regexp.MustCompile(`(\d)\s+([年月日期版页])`)
	reHdrSpDigit    = regexp.MustCompile(`([年月第])\s+(\d)`)
)

// mastheadKeys mark masthead lines (publisher, registration numbers).
var mastheadKeys = []string{"机关报", "社出版", "出版物号", "邮发代号", "主管主办", "新闻网", "定价", "社址", "广告许可证"}

// sectionNames are page names printed in running headers.
var sectionNames = map[string]bool{
	"要闻": true, "综合": true, "经济": true, "文化": true, "国内": true, "国际": true, "时政": true,
	"社会": true, "体育": true, "副刊": true, "理论": true, "评论": true, "专版": true, "专题": true,
	"民生": true, "法治": true, "教育": true, "科技": true, "农业": true, "城市": true, "县区": true,
	"旅游": true, "健康": true, "视点": true, "聚焦": true, "新闻": true, "地方": true, "文体": true,
	"观点": true, "生活": true, "财经": true, "国内新闻": true, "国际新闻": true, "本地新闻": true,
	"要闻综合": true, "综合新闻": true, "经济新闻": true, "文化周刊": true, "时事": true, "公告": true,
}

// isEditorLine reports whether a line names the page's editors
// (责任编辑：…, 责编：…, 美编：…). Such lines are dropped wherever they are.
func isEditorLine(s string) bool {
	s = strings.TrimSpace(s)
	if len(s) > 4*60 || runeCountMax(s, 61) > 60 || !hasAny(s, "：:") {
		return false // before the regexp, which would read all of a long line
	}
	loc := reHdrEditor.FindStringIndex(s)
	if loc == nil {
		return false
	}
	return loc[0] == 0 || isHeaderTokens(s[:loc[0]], nil, false)
}

// editorAt returns where an editor role (责任编辑：) is in s, or nil; lines
// without a colon are not searched.
func editorAt(s string) []int {
	if !hasAny(s, "：:") {
		return nil
	}
	return reHdrEditor.FindStringIndex(s)
}

// isHeaderLine reports whether a line is masthead or running-header text
// (paper, date, weekday, lunar date, issue, page number and name, editors,
// registration numbers). ParsePages drops such lines at the top and bottom
// of a page, and editor lines anywhere; no other line is dropped.
func isHeaderLine(s string) bool {
	return readHeaderLine(s, nil, false)
}

// readHeaderLine reports whether s is a header line and, when h is not nil,
// records what it says. nextIsYearMonth tells whether the next line is a
// year and month without a day, which makes a bare number the day.
func readHeaderLine(s string, h *header, nextIsYearMonth bool) bool {
	s = strings.TrimSpace(s)
	if s == "" || runeCountMax(s, 121) > 120 {
		return false
	}
	for _, k := range mastheadKeys {
		if strings.Contains(s, k) {
			if h != nil {
				h.masthead = true
				if m := reHdrPaper.FindStringSubmatch(s); m != nil {
					h.paper = m[1]
				}
			}
			return true
		}
	}
	if reHdrCN.MatchString(s) || reHdrLatin.MatchString(s) && len(s) > 3 {
		if h != nil {
			h.masthead = true
		}
		return true
	}
	if l, ok := parseLunar(s); ok && strings.HasPrefix(s, "农历") {
		if h != nil {
			h.setLunar(l)
		}
		return true
	}
	if reHdrPaperLine.MatchString(s) {
		if h != nil {
			h.paper = s
			h.masthead = true
		}
		return true
	}
	if loc := editorAt(s); loc != nil {
		return isEditorLine(s) && (loc[0] == 0 || isHeaderTokens(s[:loc[0]], h, false))
	}
	return isHeaderTokens(s, h, nextIsYearMonth)
}

// isHeaderTokens reports whether every space-separated token of s is a
// running-header token: date, weekday, issue, page number, page name.
func isHeaderTokens(s string, h *header, nextIsYearMonth bool) bool {
	s = reHdrDigitSp.ReplaceAllString(strings.TrimSpace(s), "$1$2")
	s = reHdrSpDigit.ReplaceAllString(s, "$1$2")
	toks := strings.Fields(s)
	if len(toks) == 0 {
		return false
	}
	var hh header
	editor := false // the token before was an editor role: names follow
	for _, t := range toks {
		if editorWords[t] {
			editor = true
			continue
		}
		if editor && isName(t) {
			continue
		}
		editor = false
		if !headerToken(t, &hh, len(toks) > 1, nextIsYearMonth && len(toks) == 1) {
			return false
		}
	}
	// A page name outside the known list is only taken next to a date,
	// weekday or page number, so that "本报记者 张三" is not a header.
	if hh.section != "" && !sectionNames[hh.section] && hh.year == 0 && hh.page == "" && hh.weekday == "" {
		return false
	}
	if h != nil {
		h.merge(hh)
	}
	return true
}

// headerToken classifies one token of a header line into hh.
func headerToken(t string, hh *header, withOthers, dayFirst bool) bool {
	if m := reHdrFullDate.FindStringSubmatch(t); m != nil {
		hh.year, _ = strconv.Atoi(m[1])
		hh.month, _ = strconv.Atoi(m[2])
		hh.day, _ = strconv.Atoi(m[3])
		return true
	}
	if m := reHdrYearMonth.FindStringSubmatch(t); m != nil {
		hh.year, _ = strconv.Atoi(m[1])
		hh.month, _ = strconv.Atoi(m[2])
		return true
	}
	if m := reHdrWeekday.FindStringSubmatch(t); m != nil {
		hh.weekday = m[1]
		return true
	}
	if m := reHdrIssue.FindStringSubmatch(t); m != nil {
		hh.issue = "第" + m[1] + "期"
		return true
	}
	if m := reHdrPageNo.FindStringSubmatch(t); m != nil {
		hh.page = normalisePage(m[1])
		return true
	}
	if l, ok := parseLunar(t); ok && strings.HasPrefix(t, "农历") {
		hh.setLunar(l)
		return true
	}
	if withOthers && reHdrPageLetter.MatchString(t) {
		hh.page = t // A5: the page of an evening paper's section A
		return true
	}
	if reHdrToday.MatchString(t) {
		return true
	}
	if reHdrDay.MatchString(t) {
		if dayFirst {
			hh.day, _ = strconv.Atoi(t)
		} else {
			hh.page = normalisePage(t)
		}
		return true
	}
	if sectionNames[t] || withOthers && isSectionName(t) {
		hh.section = t
		return true
	}
	return false
}

// editorWords are the roles printed before editors' names in a running
// header without a colon: 责任编辑 王五 视觉设计 赵六.
var editorWords = map[string]bool{
	"责任编辑": true, "责编": true, "编辑": true, "美编": true, "视觉设计": true, "版式设计": true,
	"校对": true, "图片编辑": true, "版面设计": true, "本版编辑": true, "本版责编": true,
}

// isSectionName reports a page name printed beside a date or page number:
// two to six Chinese characters, or parts of them joined by a middle dot
// or slash (长三角·城市, 文体新闻/体育).
func isSectionName(t string) bool {
	parts := strings.FieldsFunc(t, func(r rune) bool { return r == '·' || r == '/' || r == '／' })
	if len(parts) == 0 || len(parts) > 3 || strings.Join(parts, "") != strings.NewReplacer("·", "", "/", "", "／", "").Replace(t) {
		return false
	}
	for _, p := range parts {
		if !isShortHan(p, 6) {
			return false
		}
	}
	first, _ := utf8.DecodeRuneInString(t)
	last, _ := utf8.DecodeLastRuneInString(t)
	return isHan(first) && isHan(last)
}

// isShortHan reports whether t is 2 to max Chinese characters and nothing else.
func isShortHan(t string, max int) bool {
	n := 0
	for _, r := range t {
		if !isHan(r) {
			return false
		}
		n++
	}
	return n >= 2 && n <= max
}

// merge copies into h the fields that o has.
func (h *header) merge(o header) {
	set := func(dst *string, v string) {
		if v != "" {
			*dst = v
		}
	}
	set(&h.paper, o.paper)
	set(&h.issue, o.issue)
	set(&h.page, o.page)
	set(&h.section, o.section)
	set(&h.weekday, o.weekday)
	set(&h.lunarYear, o.lunarYear)
	if o.lunarMonth != 0 || o.lunarDay != 0 {
		h.lunarMonth, h.lunarDay = o.lunarMonth, o.lunarDay
	}
	if o.year != 0 {
		h.year, h.month = o.year, o.month
	}
	if o.day != 0 {
		h.day = o.day
	}
	h.masthead = h.masthead || o.masthead
}

var weekdays = map[string]time.Weekday{
	"日": time.Sunday, "天": time.Sunday, "一": time.Monday, "二": time.Tuesday,
	"三": time.Wednesday, "四": time.Thursday, "五": time.Friday, "六": time.Saturday,
}

// date returns the header's date, if it has a whole one, and problems
// found checking it against the weekday and lunar year printed with it.
func (h *header) date() (string, []string) {
	if h.year == 0 || h.day == 0 {
		return "", nil
	}
	d, ok := makeDate(h.year, h.month, h.day)
	if !ok {
		return "", []string{fmt.Sprintf("masthead date %d年%d月%d日 is not a real date", h.year, h.month, h.day)}
	}
	var probs []string
	t, _ := time.Parse("2006-01-02", d)
	if wd, ok := weekdays[h.weekday]; ok && wd != t.Weekday() {
		probs = append(probs, fmt.Sprintf("masthead date %s is a %s, but the page says 星期%s", d, t.Weekday(), h.weekday))
	}
	if h.lunarYear != "" && h.lunarYear != ganzhi(h.year) && h.lunarYear != ganzhi(h.year-1) {
		probs = append(probs, fmt.Sprintf("masthead lunar year %s does not fit %d (%s)", h.lunarYear, h.year, ganzhi(h.year)))
	}
	probs = append(probs, lunarProblems(t, lunar{month: h.lunarMonth, day: h.lunarDay})...)
	return d, probs
}

// setLunar records a lunar date.
func (h *header) setLunar(l lunar) {
	if l.year != "" {
		h.lunarYear = l.year
	}
	if l.month != 0 || l.day != 0 {
		h.lunarMonth, h.lunarDay = l.month, l.day
	}
}

// ganzhi returns the sexagenary (干支) name of a Gregorian year.
func ganzhi(y int) string {
	stems := []rune("甲乙丙丁戊己庚辛壬癸")
	branches := []rune("子丑寅卯辰巳午未申酉戌亥")
	i := ((y-4)%60 + 60) % 60
	return string(stems[i%10]) + string(branches[i%12])
}

// isYearMonthLine reports whether s is a year and month without a day.
func isYearMonthLine(s string) bool {
	s = reHdrDigitSp.ReplaceAllString(strings.TrimSpace(s), "$1$2")
	s = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
	return reHdrYearMonth.MatchString(s)
}

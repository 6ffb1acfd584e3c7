package eval

import (
	"fmt"
	"math/rand/v2"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"unicode"

	"github.com/longbridgeapp/opencc"

	"baoku/indexer/field"
	"baoku/segment"
)

// A probe is one request of `eval exact`, drawn from the stored articles,
// with the brute force of what it must find (or the status it must get).
type probe struct {
	kind   string
	params url.Values // the request's parameters, q among them
	want   xnode      // nil for a request that must be refused
}

// The kinds of probe, in the order the report lists them.
const (
	kindHan        = "han run, quoted"
	kindHanWords   = "han run, unquoted"
	kindNumber     = "number with its marks"
	kindLatin      = "latin and digits in chinese"
	kindPunct      = "phrase across marks"
	kindParagraph  = "phrase across a paragraph"
	kindField      = "field prefix"
	kindDate       = "date alone"
	kindBoolean    = "or / not / groups"
	kindFilter     = "filters and sorts"
	kindIgnored    = "lone mark ignored"
	kindBad        = "bad input (400)"
	kindSurrounded = "all kinds combined"
)

var probeKinds = []string{kindHan, kindHanWords, kindNumber, kindLatin, kindPunct, kindParagraph, kindField,
	kindDate, kindBoolean, kindFilter, kindIgnored, kindSurrounded, kindBad}

// drawer draws probes from the stored articles.
type drawer struct {
	rng   *rand.Rand
	docs  []*xdoc
	seg   *segment.Segmenter
	s2t   *opencc.OpenCC
	dates []string // the articles' dates, sorted, distinct
}

func newDrawer(seed uint64, docs []*xdoc, seg *segment.Segmenter) (*drawer, error) {
	s2t, err := opencc.New("s2t")
	if err != nil {
		return nil, fmt.Errorf("load OpenCC s2t: %w", err)
	}
	seen := map[string]bool{}
	var dates []string
	for _, d := range docs {
		if !seen[d.a.Date] {
			seen[d.a.Date] = true
			dates = append(dates, d.a.Date)
		}
	}
	sort.Strings(dates)
	return &drawer{rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)), docs: docs, seg: seg, s2t: s2t, dates: dates}, nil
}

// atom is a query term with its brute force.
type atom struct {
	q string
	x xnode
}

// draw returns n probes, of every kind in turn.
func (dr *drawer) draw(n int) []probe {
	weights := map[string]int{kindHan: 9, kindHanWords: 7, kindNumber: 6, kindLatin: 5, kindPunct: 6, kindParagraph: 3,
		kindField: 10, kindDate: 7, kindBoolean: 8, kindFilter: 9, kindIgnored: 3, kindSurrounded: 6, kindBad: 2}
	var deck []string
	for _, k := range probeKinds {
		for range weights[k] {
			deck = append(deck, k)
		}
	}
	var out []probe
	for i := 0; len(out) < n && i < 4*n; i++ {
		kind := deck[i%len(deck)]
		for range 10 {
			if p, ok := dr.probeOf(kind); ok {
				out = append(out, p)
				break
			}
		}
	}
	return out
}

func (dr *drawer) probeOf(kind string) (probe, bool) {
	p := probe{kind: kind, params: url.Values{}}
	var a atom
	var ok bool
	switch kind {
	case kindHan:
		a, ok = dr.hanPhrase()
	case kindHanWords:
		a, ok = dr.hanWords()
	case kindNumber:
		a, ok = dr.number()
	case kindLatin:
		a, ok = dr.latin()
	case kindPunct:
		a, ok = dr.acrossMarks()
	case kindParagraph:
		a, ok = dr.acrossParagraph()
	case kindField:
		a, ok = dr.fieldTerm()
	case kindDate:
		a, ok = dr.dateTerm()
	case kindBoolean:
		a, ok = dr.boolean(2 + dr.rng.IntN(2))
	case kindIgnored:
		if a, ok = dr.anyAtom(); ok {
			marks := []string{"，", "😀", "+", "·", "。", "——", "※", "、"}
			m := marks[dr.rng.IntN(len(marks))]
			if dr.rng.IntN(2) == 0 {
				a.q = m + " " + a.q
			} else {
				a.q += " " + m
			}
		}
	case kindFilter:
		return dr.filtered(p)
	case kindSurrounded:
		if a, ok = dr.boolean(2 + dr.rng.IntN(3)); ok {
			p.want = a.x
			p.params.Set("q", a.q)
			return dr.withFilters(p, 1+dr.rng.IntN(2)), true
		}
	case kindBad:
		return dr.bad(), true
	}
	if !ok {
		return p, false
	}
	p.params.Set("q", a.q)
	p.want = a.x
	if dr.rng.IntN(4) == 0 {
		p.params.Set("sort", []string{"relevance", "newest", "oldest"}[dr.rng.IntN(3)])
	}
	if dr.rng.IntN(10) == 0 {
		p.params.Set("explain", "1")
	}
	return p, true
}

// pick returns a random article and one of its text fields' normalised
// text, the body most often.
func (dr *drawer) pick() (*xdoc, string, string) {
	d := dr.docs[dr.rng.IntN(len(dr.docs))]
	f := field.Body
	switch dr.rng.IntN(6) {
	case 0, 1:
		f = field.Headline
	case 2:
		if d.a.Kicker != "" {
			f = field.Kicker
		} else if d.a.Subtitle != "" {
			f = field.Subtitle
		}
	}
	return d, f, segment.Normalize(textOf(d.a, f))
}

var allText = field.Of(field.Text)

// hanRun returns a run of 1 to max Chinese characters of rs from i.
func hanRun(rs []rune, i, n int) string {
	j := i
	for j < len(rs) && j-i < n && segment.IsHan(rs[j]) {
		j++
	}
	return string(rs[i:j])
}

// hanAt returns a random run of Chinese characters of a text field.
func (dr *drawer) hanAt(minLen, maxLen int) (string, bool) {
	_, _, text := dr.pick()
	rs := []rune(text)
	var starts []int
	for i, r := range rs {
		if segment.IsHan(r) {
			starts = append(starts, i)
		}
	}
	if len(starts) == 0 {
		return "", false
	}
	run := hanRun(rs, starts[dr.rng.IntN(len(starts))], minLen+dr.rng.IntN(maxLen-minLen+1))
	if runeLen(run) < minLen {
		return "", false
	}
	return run, true
}

// traditional writes text in traditional characters, now and then.
func (dr *drawer) traditional(text string) string {
	if dr.rng.IntN(4) != 0 {
		return text
	}
	t, err := dr.s2t.Convert(text)
	if err != nil {
		return text
	}
	return t
}

// quote wraps text in a random kind of quotes, mixed ones too.
func (dr *drawer) quote(text string) string {
	pairs := [][2]string{{`"`, `"`}, {"“", "”"}, {"「", "」"}, {"＂", "＂"}, {"“", `"`}, {"『", "』"}}
	for {
		p := pairs[dr.rng.IntN(len(pairs))]
		if !strings.Contains(text, p[1]) && !strings.ContainsAny(text, `"＂”」』`) {
			return p[0] + text + p[1]
		}
		if !strings.Contains(text, `"`) {
			return `"` + text + `"`
		}
		text = strings.ReplaceAll(text, `"`, "")
	}
}

func (dr *drawer) hanPhrase() (atom, bool) {
	run, ok := dr.hanAt(1, 8)
	if !ok {
		return atom{}, false
	}
	run = dr.traditional(run)
	return atom{dr.quote(run), phraseOf(allText, run)}, true
}

func (dr *drawer) hanWords() (atom, bool) {
	run, ok := dr.hanAt(2, 8)
	if !ok {
		return atom{}, false
	}
	run = dr.traditional(run)
	return atom{run, wordsOf(dr.seg, allText, run)}, true
}

// numberRe finds numbers written with marks: 7.8%, 1/3, 3·21, 10:30, 2012-2013.
var numberRe = regexp.MustCompile(`[0-9]+(?:[.,/:·\-~–—][0-9]+)+[%‰℃]?|[0-9]+[%‰℃]`)

// toWide writes digits and marks full-width.
func toWide(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= '0' && r <= '9', r == '%', r == '.', r == '/', r == ':', r == '-', r == '~':
			return r + 0xFEE0
		case r == '·':
			return '・'
		}
		return r
	}, s)
}

func (dr *drawer) number() (atom, bool) {
	for range 20 {
		_, _, text := dr.pick()
		ms := numberRe.FindAllString(text, -1)
		if len(ms) == 0 {
			continue
		}
		n := ms[dr.rng.IntN(len(ms))]
		// Now and then a part of it: 7.8 of 7.8%, 8% of 7.8%.
		if rs := []rune(n); len(rs) > 2 && dr.rng.IntN(4) == 0 {
			i := dr.rng.IntN(len(rs) - 1)
			n = string(rs[i : i+2+dr.rng.IntN(len(rs)-i-1)])
		}
		if !hasUnit(n) {
			continue
		}
		if dr.rng.IntN(5) == 0 {
			n = toWide(n)
		}
		if dr.rng.IntN(5) == 0 && !strings.HasPrefix(n, "-") && !strings.HasPrefix(n, "－") {
			// (Unquoted, -2 would exclude 2.)
			return atom{n, wordsOf(dr.seg, allText, n)}, true
		}
		return atom{dr.quote(n), phraseOf(allText, n)}, true
	}
	return atom{}, false
}

// latinRe finds Latin letters or digits next to Chinese characters.
var latinRe = regexp.MustCompile(`\p{Han}{0,3}[a-z0-9]+\p{Han}{1,3}|\p{Han}{1,3}[a-z0-9]+\p{Han}{0,3}`)

func (dr *drawer) latin() (atom, bool) {
	for range 20 {
		_, _, text := dr.pick()
		ms := latinRe.FindAllString(text, -1)
		if len(ms) == 0 {
			continue
		}
		m := ms[dr.rng.IntN(len(ms))]
		if dr.rng.IntN(3) == 0 {
			m = strings.ToUpper(m)
		}
		if dr.rng.IntN(6) == 0 {
			m = toWide(m)
		}
		if dr.rng.IntN(3) == 0 {
			return atom{m, wordsOf(dr.seg, allText, m)}, true
		}
		return atom{dr.quote(m), phraseOf(allText, m)}, true
	}
	return atom{}, false
}

// unitsAround returns up to before units before rune i of rs and after
// units from j on, with what lies between, when they are units.
func unitsAround(rs []rune, i, j, before, after int) (string, bool) {
	a := i
	for a > 0 && i-a < before && xunit(rs, a-1) {
		a--
	}
	b := j
	for b < len(rs) && b-j < after && xunit(rs, b) {
		b++
	}
	if a == i || b == j {
		return "", false
	}
	return string(rs[a:b]), true
}

func (dr *drawer) acrossMarks() (atom, bool) {
	for range 20 {
		_, _, text := dr.pick()
		rs := []rune(text)
		var seps []int // runs of separators within a paragraph, between units
		for i := 1; i < len(rs)-1; i++ {
			if !xunit(rs, i) && xunit(rs, i-1) && rs[i] != '\n' {
				j := i
				for j < len(rs) && !xunit(rs, j) && rs[j] != '\n' {
					j++
				}
				if j < len(rs) && xunit(rs, j) {
					seps = append(seps, i)
				}
			}
		}
		if len(seps) == 0 {
			continue
		}
		i := seps[dr.rng.IntN(len(seps))]
		j := i
		for !xunit(rs, j) {
			j++
		}
		// Some phrases take in a second mark, so that a unit can stand
		// alone between two.
		end := j
		for k := 0; k < 1+dr.rng.IntN(4) && end < len(rs) && xunit(rs, end); k++ {
			end++
		}
		if dr.rng.IntN(3) == 0 && end < len(rs) && !xunit(rs, end) && rs[end] != '\n' {
			for end < len(rs) && !xunit(rs, end) && rs[end] != '\n' {
				end++
			}
			for k := 0; k < 1+dr.rng.IntN(3) && end < len(rs) && xunit(rs, end); k++ {
				end++
			}
		}
		a := i
		for n := 1 + dr.rng.IntN(4); a > 0 && i-a < n && xunit(rs, a-1); {
			a--
		}
		s := string(rs[a:end])
		if dr.rng.IntN(3) == 0 {
			// Any mark stands for any other.
			marks := []string{"，", "、", " ", "”", "·", "；"}
			s = strings.Replace(s, string(rs[i:j]), marks[dr.rng.IntN(len(marks))], 1)
		}
		if !hasUnit(s) {
			continue
		}
		return atom{dr.quote(s), phraseOf(allText, s)}, true
	}
	return atom{}, false
}

func (dr *drawer) acrossParagraph() (atom, bool) {
	for range 20 {
		d := dr.docs[dr.rng.IntN(len(dr.docs))]
		rs := []rune(segment.Normalize(d.a.Body))
		var breaks []int
		for i, r := range rs {
			if r == '\n' {
				breaks = append(breaks, i)
			}
		}
		if len(breaks) == 0 {
			continue
		}
		i := breaks[dr.rng.IntN(len(breaks))]
		// The units before the break and after it, and the marks around
		// it or none: the phrase the two paragraphs would make as one.
		a := i
		for a > 0 && !xunit(rs, a-1) {
			a--
		}
		b := i + 1
		for b < len(rs) && !xunit(rs, b) {
			b++
		}
		start, end := a, b
		for k := 1 + dr.rng.IntN(4); start > 0 && a-start < k && xunit(rs, start-1); {
			start--
		}
		for k := 1 + dr.rng.IntN(4); end < len(rs) && end-b < k && xunit(rs, end); {
			end++
		}
		if start == a || end == b {
			continue
		}
		between := ""
		if dr.rng.IntN(2) == 0 {
			between = strings.ReplaceAll(string(rs[a:b]), "\n", "")
		}
		s := string(rs[start:a]) + between + string(rs[b:end])
		return atom{dr.quote(s), phraseOf(allText, s)}, true
	}
	return atom{}, false
}

// prefixes are what a reader may type before the colon for each field, in
// simplified and traditional characters and English.
var prefixes = map[string][]string{
	field.Headline: {"标题:", "標題:", "headline:", "title:", "标题：", "Title:"},
	field.Body:     {"正文:", "body:", "正文："},
	field.Reporter: {"记者:", "記者:", "作者:", "reporter:", "author:"},
	field.Section:  {"版面:", "section:", "版面："},
	field.Source:   {"来源:", "來源:", "source:"},
	field.Paper:    {"报纸:", "報紙:", "paper:", "PAPER:"},
	field.Page:     {"版次:", "page:"},
}

func (dr *drawer) prefix(name string) string {
	ps := prefixes[name]
	return ps[dr.rng.IntN(len(ps))]
}

// keywordValue returns a value of a keyword field of some article, or of
// a part of it.
func (dr *drawer) keywordValue(name string) (string, bool) {
	for range 20 {
		d := dr.docs[dr.rng.IntN(len(dr.docs))]
		var vals []string
		switch name {
		case field.Paper:
			vals = []string{d.a.Paper}
		case field.Section:
			vals = []string{d.a.Section}
		case field.Source:
			vals = []string{d.a.Source}
		case field.Reporter:
			vals = d.a.Reporters
		case field.Page:
			vals = []string{d.a.Page}
		}
		if len(vals) == 0 {
			continue
		}
		v := strings.TrimSpace(vals[dr.rng.IntN(len(vals))])
		if v == "" {
			continue
		}
		if parts := strings.Split(v, "/"); len(parts) > 1 && dr.rng.IntN(2) == 0 {
			v = parts[dr.rng.IntN(len(parts))]
		}
		if name == field.Page && !strings.ContainsFunc(v, unicode.IsDigit) {
			continue
		}
		if name == field.Page && dr.rng.IntN(4) == 0 && len(v) == 1 {
			v = "0" + v // 版次:04 is page 4
		}
		return dr.traditional(v), true
	}
	return "", false
}

func (dr *drawer) fieldTerm() (atom, bool) {
	names := []string{field.Headline, field.Headline, field.Body, field.Reporter, field.Section, field.Source, field.Paper, field.Page}
	name := names[dr.rng.IntN(len(names))]
	f, _ := field.Get(name)
	if f.Kind == field.Text {
		var d *xdoc
		var text string
		for range 20 {
			var fname string
			d, fname, text = dr.pick()
			if (name == field.Headline) == (fname != field.Body) {
				break
			}
		}
		rs := []rune(text)
		if len(rs) == 0 || d == nil {
			return atom{}, false
		}
		i := dr.rng.IntN(len(rs))
		if !segment.IsHan(rs[i]) {
			return atom{}, false
		}
		run := dr.traditional(hanRun(rs, i, 1+dr.rng.IntN(6)))
		if dr.rng.IntN(2) == 0 {
			return atom{dr.prefix(name) + dr.quote(run), phraseOf(f.Searched(), run)}, true
		}
		return atom{dr.prefix(name) + run, wordsOf(dr.seg, f.Searched(), run)}, true
	}
	v, ok := dr.keywordValue(name)
	if !ok || strings.ContainsAny(v, " \t()（）|｜\"“”「」＂") {
		return atom{}, false
	}
	if !hasUnit(v) {
		return atom{}, false
	}
	q := dr.prefix(name) + v
	if dr.rng.IntN(4) == 0 {
		q = dr.prefix(name) + dr.quote(v)
	}
	return atom{q, xkeyword{field: name, vals: []string{v}}}, true
}

// dateForms writes a day, a month or a year in the ways a reader types it.
func (dr *drawer) dateForms(day string, level int) string {
	y, m, d := day[:4], day[5:7], day[8:10]
	trim := func(s string) string { return strings.TrimPrefix(s, "0") }
	switch level {
	case 0:
		return y
	case 1:
		switch dr.rng.IntN(3) {
		case 0:
			return y + "-" + m
		case 1:
			return y + "/" + trim(m)
		}
		return y + "年" + trim(m) + "月"
	}
	switch dr.rng.IntN(4) {
	case 0:
		return day
	case 1:
		return y + "/" + m + "/" + d
	case 2:
		return y + "." + trim(m) + "." + trim(d)
	}
	return y + "年" + trim(m) + "月" + trim(d) + "日"
}

// span returns the first and last day a date of a level covers.
func span(day string, level int) (string, string) {
	switch level {
	case 0:
		return day[:4] + "-01-01", day[:4] + "-12-31"
	case 1:
		last := map[string]string{"01": "31", "02": "28", "03": "31", "04": "30", "05": "31", "06": "30",
			"07": "31", "08": "31", "09": "30", "10": "31", "11": "30", "12": "31"}[day[5:7]]
		y := day[:4]
		if day[5:7] == "02" && isLeap(y) {
			last = "29"
		}
		return day[:7] + "-01", day[:7] + "-" + last
	}
	return day, day
}

func isLeap(y string) bool {
	n := 0
	fmt.Sscan(y, &n)
	return n%4 == 0 && (n%100 != 0 || n%400 == 0)
}

func (dr *drawer) dateTerm() (atom, bool) {
	if len(dr.dates) == 0 {
		return atom{}, false
	}
	pre := []string{"日期:", "date:", "日期：", "Date:"}[dr.rng.IntN(4)]
	a := dr.dates[dr.rng.IntN(len(dr.dates))]
	b := dr.dates[dr.rng.IntN(len(dr.dates))]
	if a > b {
		a, b = b, a
	}
	la, lb := dr.rng.IntN(3), dr.rng.IntN(3)
	from, _ := span(a, la)
	_, to := span(b, lb)
	switch dr.rng.IntN(8) {
	case 0, 1: // one day, month or year
		f, t := span(a, la)
		return atom{pre + dr.dateForms(a, la), xdates{f, t}}, true
	case 2: // open end
		return atom{pre + dr.dateForms(a, la) + "..", xdates{from: from}}, true
	case 3: // open start
		return atom{pre + ".." + dr.dateForms(b, lb), xdates{to: to}}, true
	case 4: // a range with spaces around its dots
		return atom{pre + dr.dateForms(a, la) + " .. " + dr.dateForms(b, lb), xdates{from, to}}, true
	case 5: // Chinese: 2012年7月至9月, the end taking the start's year
		if a[:4] == b[:4] {
			f, _ := span(a, 1)
			_, t := span(b, 1)
			return atom{pre + a[:4] + "年" + strings.TrimPrefix(a[5:7], "0") + "月至" + strings.TrimPrefix(b[5:7], "0") + "月", xdates{f, t}}, true
		}
	case 6: // 2012-07～2012-09
		f, _ := span(a, 1)
		_, t := span(b, 1)
		return atom{pre + a[:7] + []string{"～", "~", "到"}[dr.rng.IntN(3)] + b[:7], xdates{f, t}}, true
	}
	// 2012—2013, 2012-2013
	f, _ := span(a, 0)
	_, t := span(b, 0)
	return atom{pre + a[:4] + []string{"—", "-", ".."}[dr.rng.IntN(3)] + b[:4], xdates{f, t}}, true
}

// anyAtom is a term of one of the simple kinds.
func (dr *drawer) anyAtom() (atom, bool) {
	switch dr.rng.IntN(8) {
	case 0, 1:
		return dr.hanPhrase()
	case 2, 3:
		return dr.hanWords()
	case 4:
		return dr.fieldTerm()
	case 5:
		return dr.number()
	case 6:
		return dr.latin()
	}
	return dr.dateTerm()
}

// boolean combines n terms with AND, OR, NOT and parentheses, the
// operators in any case, so that something positive stays.
func (dr *drawer) boolean(n int) (atom, bool) {
	var parts []atom
	for range n {
		a, ok := dr.anyAtom()
		if !ok {
			return atom{}, false
		}
		if strings.HasSuffix(a.q, "..") {
			// 日期:2022.. 2013 would read as one range.
			a.q = "(" + a.q + ")"
		}
		parts = append(parts, a)
	}
	pick := func(ss ...string) string { return ss[dr.rng.IntN(len(ss))] }
	switch dr.rng.IntN(5) {
	case 0: // a OR b OR c
		var qs []string
		var xs xor
		for _, p := range parts {
			qs = append(qs, p.q)
			xs = append(xs, p.x)
		}
		return atom{strings.Join(qs, " "+pick("OR", "or", "|", "｜", "Or")+" "), xs}, true
	case 1: // a -b …
		q, xs := parts[0].q, xand{parts[0].x}
		for _, p := range parts[1:] {
			q += " " + pick("-", "NOT ", "not ") + p.q
			xs = append(xs, xnot{p.x})
		}
		return atom{q, xs}, true
	case 2: // a (b OR c)
		if len(parts) < 3 {
			parts = append(parts, parts[0])
		}
		op := pick("OR", "or", "|")
		q := parts[0].q + " " + pick("", "AND ", "and ") + "(" + parts[1].q + " " + op + " " + parts[2].q + ")"
		x := xand{parts[0].x, xor{parts[1].x, parts[2].x}}
		return atom{q, x}, true
	case 3: // a b OR c: AND binds tighter
		if len(parts) < 3 {
			parts = append(parts, parts[0])
		}
		q := parts[0].q + " " + parts[1].q + " OR " + parts[2].q
		return atom{q, xor{xand{parts[0].x, parts[1].x}, parts[2].x}}, true
	}
	// a -(b OR c)
	if len(parts) < 3 {
		parts = append(parts, parts[1])
	}
	q := parts[0].q + " -(" + parts[1].q + " OR " + parts[2].q + ")"
	return atom{q, xand{parts[0].x, xnot{xor{parts[1].x, parts[2].x}}}}, true
}

// filtered is a probe of filters and a sort, with a term or without.
func (dr *drawer) filtered(p probe) (probe, bool) {
	p.want = xall{}
	if dr.rng.IntN(4) != 0 {
		a, ok := dr.anyAtom()
		if !ok {
			return p, false
		}
		p.params.Set("q", a.q)
		p.want = a.x
	}
	return dr.withFilters(p, 1+dr.rng.IntN(3)), true
}

// withFilters adds n filters and a sort to a probe.
func (dr *drawer) withFilters(p probe, n int) probe {
	var all xand // the filters but the dates, which the parameters keep
	// Several values of one parameter are alternatives.
	vals := map[string][]string{}
	for range n {
		d := dr.docs[dr.rng.IntN(len(dr.docs))]
		switch dr.rng.IntN(7) {
		case 0, 1:
			vs := []string{d.a.Paper}
			if dr.rng.IntN(3) == 0 {
				vs = append(vs, dr.docs[dr.rng.IntN(len(dr.docs))].a.Paper)
			}
			for _, v := range vs {
				p.params.Add("paper", v)
			}
			vals[field.Paper] = append(vals[field.Paper], vs...)
		case 2:
			if v, ok := dr.keywordValue(field.Section); ok {
				p.params.Add("section", v)
				vals[field.Section] = append(vals[field.Section], v)
			}
		case 3:
			if v, ok := dr.keywordValue(field.Page); ok {
				p.params.Add("pageno", v)
				vals[field.Page] = append(vals[field.Page], v)
			}
		case 4:
			p.params.Set("year", d.a.Date[:4])
		case 5:
			p.params.Set("month", d.a.Date[:7])
		default:
			a := dr.dates[dr.rng.IntN(len(dr.dates))]
			b := dr.dates[dr.rng.IntN(len(dr.dates))]
			if a > b {
				a, b = b, a
			}
			switch dr.rng.IntN(3) {
			case 0:
				p.params.Set("from", a)
			case 1:
				p.params.Set("to", b)
			default:
				p.params.Set("from", a)
				p.params.Set("to", b)
			}
		}
	}
	for _, name := range []string{field.Paper, field.Section, field.Page} {
		if len(vals[name]) > 0 {
			all = append(all, xkeyword{field: name, vals: vals[name]})
		}
	}
	// A second year, month, from or to replaces the first (Set): the
	// dates are those the parameters end up holding.
	if y := p.params.Get("year"); y != "" {
		all = append(all, xdates{y + "-01-01", y + "-12-31"})
	}
	if m := p.params.Get("month"); m != "" {
		f, t := span(m+"-01", 1)
		all = append(all, xdates{f, t})
	}
	if f, t := p.params.Get("from"), p.params.Get("to"); f != "" && t != "" && f > t {
		// Set by two draws: a range that ends before it starts is an
		// error (a kind of its own), not a filter.
		p.params.Set("from", t)
		p.params.Set("to", f)
	}
	if f, t := p.params.Get("from"), p.params.Get("to"); f != "" || t != "" {
		all = append(all, xdates{f, t})
	}
	p.want = append(xand{p.want}, all...)
	p.params.Set("sort", []string{"relevance", "newest", "oldest"}[dr.rng.IntN(3)])
	return p
}

// bad is a request that must be refused with a 400 saying why.
func (dr *drawer) bad() probe {
	p := probe{kind: kindBad, params: url.Values{}}
	switch dr.rng.IntN(11) {
	case 10:
		p.params.Set("q", "吕梁")
		p.params.Set("from", "2023-05-01")
		p.params.Set("to", "2023-01-01")
	case 0:
		p.params.Set("q", `吕梁 "公安`)
	case 1:
		p.params.Set("q", "日期:2023-02-30")
	case 2:
		p.params.Set("q", "-广告")
	case 3:
		p.params.Set("q", "，。😀")
	case 4:
		p.params.Set("q", "吕梁")
		p.params.Set("year", []string{"abc", "99999", "0000"}[dr.rng.IntN(3)])
	case 5:
		p.params.Set("q", "吕梁")
		p.params.Set("month", []string{"13", "7", "2023-13", "2023-00"}[dr.rng.IntN(4)])
	case 6:
		p.params.Set("q", "吕梁")
		p.params.Set("pageno", "abc")
	case 7:
		p.params.Set("q", "吕梁")
		p.params.Set([]string{"page", "size"}[dr.rng.IntN(2)], []string{"0", "x", "-1"}[dr.rng.IntN(3)])
	case 8:
		p.params.Add("q", "吕梁")
		p.params.Add("q", "铝镁")
	default:
		p.params.Set("q", "版次:abc")
	}
	return p
}

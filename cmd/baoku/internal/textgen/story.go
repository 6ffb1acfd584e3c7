package textgen

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Story is the truth about one article of a generated page.
type Story struct {
	// Record is the ID of the corpus record the article was made from.
	Record string
	// Kicker, Headline and Subtitle are as printed; a record that glues
	// them into its headline keeps them glued there.
	Kicker, Headline, Subtitle string
	// Source is what opens the lead: 本报讯, or the wire of a dateline
	// (新华社, 本报); empty when the lead names none.
	Source string
	// Reporters are everyone credited with the text, in no set order.
	Reporters []string
	// Photographers are everyone credited with a picture (X 摄).
	Photographers []string
	// Body is the article's text, paragraphs separated by "\n", captions
	// included; bylines printed on lines of their own are left out.
	Body string
	// Brief is true for a short item of a boxed group of briefs.
	Brief bool
	// Placement is where the headline stands (before, after, block), and
	// Form how the byline is printed: for reports by layout.
	Placement, Form string
}

// paraKind is what a paragraph of a record's body is.
type paraKind int

const (
	pText   paraKind = iota // article text
	pByline                 // a line that is only a byline, kept where it stands
	pCredit                 // a photo credit (X 摄), kept as text
)

// para is one paragraph of a record's body.
type para struct {
	kind paraKind
	text string
}

// credit is a name with the role printed before it (记者, 通讯员 …).
type credit struct{ role, name string }

// wire is a dateline lead: 新华社北京2月5日电.
type wire struct{ source, place, month, day string }

// source is a record read for layout: its headline lines, its body
// paragraphs without the byline that the layout prints in a form of its
// own, and that byline.
type source struct {
	rec    Record
	heads  []string // kicker, headline parts, subtitle: one printed line each before wrapping
	kicker string
	head   string
	sub    string
	paras  []para
	wire   *wire
	by     []credit // the article's own byline
	photo  []string // photographers named in credits kept in the body
	extra  []string // reporters named in bylines kept in the body
	brief  bool
}

var (
	reParaBreak  = regexp.MustCompile(`\n|[ ]{3,}|\x{3000}{2,}`)
	reHeadParts  = regexp.MustCompile(`[ \x{3000}\x{a0}]{2,}`)
	reLeadWire   = regexp.MustCompile(`^(本报|新华社)((?:\p{Han}|·){1,12}?)(\d{1,2})月(\d{1,2})日电[ \x{a0}\x{3000}]*(?:[（(]记者[ \x{a0}\x{3000}]*([^（）()]{2,40})[）)])?[ \x{a0}\x{3000}]*`)
	reAgency     = regexp.MustCompile(`摄[（(]\p{Han}{2,6}[）)]$`)
	reAuthor     = regexp.MustCompile(`^(?:◆[ \x{a0}\x{3000}]*|文/)?((?:\p{Han}|·){2,4})$`)
	reAgencyLine = regexp.MustCompile(`^(?:影像中国|人民视觉|新华社发|\p{Han}{2,12}供图|本版图片由\p{Han}{2,12}提供)$`)
	reBracketBy  = regexp.MustCompile(`^[（(](?:综合)?((?:本报|新华社)?记者)([^（）()]+?)(?:采访整理|报道|对本文亦有贡献)?(?:[，,][^（）()]*)?[）)]$`)
)

// notAuthor are labels that open some record bodies and are not authors.
var notAuthor = map[string]bool{"求助": true, "导读": true, "开栏的话": true, "核心阅读": true, "编者按": true}

// spaceLike are the spaces of record bodies.
const spaceLike = " \u3000\u00a0\t"

// roleWords are the roles a byline prints before names, longest first.
var roleWords = []string{
	"本报特约记者", "特约通讯员", "本报通讯员", "本报实习生", "本报记者", "新华社记者", "人民网记者", "首席记者",
	"见习记者", "实习记者", "特约记者", "通讯员", "实习生", "记者",
}

// readSource reads a record for layout. ok is false for a record that
// cannot be laid out as a page article: no body, a body longer than a
// page, or a byline in its body that reads neither as text nor as a
// byline.
func readSource(r Record, maxBody int) (*source, bool) {
	s := &source{rec: r}
	s.kicker = clean(r.Kicker)
	s.head = clean(r.Headline)
	s.sub = clean(r.Subtitle)
	for _, h := range []string{r.Kicker, r.Headline, r.Subtitle} {
		for _, part := range reHeadParts.Split(strings.TrimSpace(h), -1) {
			if p := clean(part); p != "" {
				s.heads = append(s.heads, p)
			}
		}
	}
	if len(s.heads) == 0 || utf8.RuneCountInString(r.Body) > maxBody {
		return nil, false
	}
	for _, p := range reParaBreak.Split(r.Body, -1) {
		if p = strings.Trim(p, spaceLike); p != "" {
			s.paras = append(s.paras, para{text: p})
		}
	}
	if len(s.paras) == 0 {
		return nil, false
	}
	s.readLead()
	s.readTail()
	if m := reAuthor.FindStringSubmatch(s.paras[0].text); m != nil && len(s.paras) > 1 && !notAuthor[m[1]] &&
		(utf8.RuneCountInString(m[1]) <= 3 || m[0] != m[1]) {
		s.paras[0].kind = pByline // an author under the headline: ◆周立民, 文/付秀宏
		s.extra = append(s.extra, m[1])
	}
	for i := range s.paras {
		p := &s.paras[i]
		if p.kind != pText {
			continue
		}
		if reps, photos, ok := readByline(p.text); ok {
			p.kind = pByline
			if len(photos) > 0 {
				p.kind = pCredit
			}
			s.extra = append(s.extra, reps...)
			s.photo = append(s.photo, photos...)
			continue
		}
		if m := reBracketBy.FindStringSubmatch(p.text); m != nil {
			names := splitNames(m[2])
			if len(names) == 0 {
				return nil, false
			}
			p.kind = pByline
			s.extra = append(s.extra, names...)
			continue
		}
		if reAgencyLine.MatchString(p.text) {
			p.kind = pCredit // 影像中国, 新华社发: a credit without a name
			continue
		}
		// a section of a feature signed after its last sentence, as the
		// whole text is (……又快又安全。  本报记者  某某): the text stays as
		// printed, its reporters are the article's too
		s.extra = append(s.extra, gluedReporters(p.text)...)
		if unclear(p.text) {
			return nil, false
		}
	}
	for i := range s.paras {
		s.paras[i].text = clean(s.paras[i].text)
	}
	return s, true
}

// readLead takes a dateline and its bracketed byline off the first
// paragraph.
func (s *source) readLead() {
	m := reLeadWire.FindStringSubmatchIndex(s.paras[0].text)
	if m == nil {
		return
	}
	t := s.paras[0].text
	s.wire = &wire{source: t[m[2]:m[3]], place: t[m[4]:m[5]], month: t[m[6]:m[7]], day: t[m[8]:m[9]]}
	if m[10] >= 0 {
		for _, n := range splitNames(t[m[10]:m[11]]) {
			s.by = append(s.by, credit{"记者", n})
		}
	}
	s.paras[0].text = t[m[1]:]
	if strings.Trim(s.paras[0].text, spaceLike) == "" {
		s.paras = s.paras[1:]
	}
}

// readTail takes the byline off the end of the last paragraph
// (……中发现。  本报记者  左妍), or the last paragraph when it is only a
// byline; a picture note after it (本版图片由受访者提供) stays.
func (s *source) readTail() {
	if len(s.paras) == 0 || len(s.by) > 0 {
		return
	}
	last := len(s.paras) - 1
	if last > 0 && utf8.RuneCountInString(s.paras[last].text) <= 12 && strings.HasSuffix(s.paras[last].text, "提供") {
		last--
	}
	t := s.paras[last].text
	cut := strings.LastIndexAny(t, "。！？”…」）)")
	tail := t
	if cut >= 0 {
		_, n := utf8.DecodeRuneInString(t[cut:])
		tail = t[cut+n:]
	}
	cr, ok := readCredits(tail)
	if !ok {
		return
	}
	for _, c := range cr {
		if c.role == "" || c.role == "摄" {
			return // a photo credit: kept in the body as printed
		}
	}
	s.by = cr
	s.paras[last].text = strings.Trim(t[:len(t)-len(tail)], spaceLike)
	if s.paras[last].text == "" {
		s.paras = append(s.paras[:last], s.paras[last+1:]...)
	}
}

// gluedReporters returns the reporters of a byline printed after a
// paragraph's last sentence, if it has one.
func gluedReporters(t string) []string {
	cut := strings.LastIndexAny(t, "。！？”…")
	if cut < 0 {
		return nil
	}
	_, n := utf8.DecodeRuneInString(t[cut:])
	cr, ok := readCredits(t[cut+n:])
	if !ok {
		return nil
	}
	var names []string
	for _, c := range cr {
		if c.role == "" || c.role == "摄" {
			return nil
		}
		names = append(names, c.name)
	}
	return names
}

// readByline reads a paragraph that is only a byline or a photo credit:
// "本报记者 郭雪岩 齐志明", "胡学军摄（影像中国）", "张云河 严立政摄影报道",
// "本报记者 范佳元 孙龙飞文 本报记者 蒋雨师摄".
func readByline(s string) (reporters, photographers []string, ok bool) {
	cr, ok := readCredits(s)
	if !ok {
		return nil, nil, false
	}
	for _, c := range cr {
		switch c.role {
		case "摄":
			photographers = append(photographers, c.name)
		case "摄影报道":
			photographers = append(photographers, c.name)
			reporters = append(reporters, c.name)
		case "":
			return nil, nil, false
		default:
			reporters = append(reporters, c.name)
		}
	}
	return reporters, photographers, true
}

// readCredits reads a run of roles and names. A name followed by 摄 gets
// the role 摄, by 摄影报道 the role 摄影报道; a line of names without a
// role word before them must end in one of those. The result is nil, false
// for anything else.
func readCredits(s string) ([]credit, bool) {
	s = strings.Trim(s, spaceLike)
	if s == "" || utf8.RuneCountInString(s) > 80 {
		return nil, false
	}
	s = reAgency.ReplaceAllString(s, "摄")
	toks := strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(spaceLike, r) })
	var out []credit
	role := ""
	pending := 0 // names since the last mark, waiting for 摄 or 文
	var single string
	mark := func(m string) {
		for i := len(out) - pending; i < len(out); i++ {
			switch m {
			case "文":
				if out[i].role == "" {
					out[i].role = "记者"
				}
			default:
				out[i].role = m
			}
		}
		pending = 0
	}
	addName := func(n string) bool {
		if !isName(n) {
			return false
		}
		out = append(out, credit{role, n})
		pending++
		return true
	}
	for _, t := range toks {
		for t != "" {
			if r := roleAt(t); r != "" {
				if single != "" {
					return nil, false
				}
				role, t = r, t[len(r):]
				pending = 0
				continue
			}
			if t == "摄" || t == "摄影报道" || t == "文" {
				if single != "" || pending == 0 {
					return nil, false
				}
				mark(t)
				t = ""
				continue
			}
			if utf8.RuneCountInString(t) == 1 && isHan([]rune(t)[0]) {
				if single == "" {
					single, t = t, ""
					continue
				}
				t, single = single+t, ""
			}
			var suffix string
			for _, m := range []string{"摄影报道", "摄", "文"} {
				if strings.HasSuffix(t, m) && isName(strings.TrimSuffix(t, m)) && (m != "文" || role != "") {
					t, suffix = strings.TrimSuffix(t, m), m
					break
				}
			}
			if single != "" && utf8.RuneCountInString(t) == 1 {
				t, single = single+t, ""
			}
			if single != "" {
				return nil, false
			}
			if !addName(t) {
				return nil, false
			}
			if suffix != "" {
				mark(suffix)
			}
			t = ""
		}
	}
	if single != "" || len(out) == 0 {
		return nil, false
	}
	return out, true
}

// roleAt returns the role word t starts with, or "".
func roleAt(t string) string {
	for _, r := range roleWords {
		if strings.HasPrefix(t, r) {
			return r
		}
	}
	return ""
}

// splitNames splits the names of a bracketed byline: 王汉超, 施芳、王明峰.
func splitNames(s string) []string {
	var out []string
	for _, part := range strings.FieldsFunc(s, func(r rune) bool {
		return r == '、' || r == '，' || r == ',' || strings.ContainsRune(spaceLike, r)
	}) {
		if r := roleAt(part); r != "" {
			part = part[len(r):]
		}
		if isName(part) {
			out = append(out, part)
		}
	}
	return out
}

// unclear reports a short paragraph that names a reporter in a way the
// truth cannot be read from: a record with one is not laid out.
func unclear(s string) bool {
	if utf8.RuneCountInString(s) > 40 || strings.ContainsAny(s, "。！？") {
		return false
	}
	return strings.Contains(s, "记者") && !strings.Contains(s, "记者会") || strings.HasSuffix(s, "摄")
}

// isName reports two to four Chinese characters, or a transliterated name
// with a middle dot.
func isName(s string) bool {
	n, dot := 0, false
	for _, r := range s {
		switch {
		case isHan(r):
			n++
		case r == '·':
			dot = true
		default:
			return false
		}
	}
	return n >= 2 && (n <= 4 || dot && n <= 12)
}

// isHan reports a Chinese character.
func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// clean turns the spaces of a record's text into plain ones and trims it.
func clean(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == '\u00a0' || r == '\u3000' || r == '\t' {
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// story is the truth of a source as laid out: by is the byline printed
// (the source's own, or one given it), lead the source printed before the
// lead (本报讯, 新华社 …), bodyParas the paragraphs printed as text.
func (s *source) story(by []credit, lead string, bodyParas []string) Story {
	st := Story{Record: s.rec.ID, Kicker: s.kicker, Headline: s.head, Subtitle: s.sub, Source: lead, Brief: s.brief}
	seen := map[string]bool{}
	add := func(list *[]string, n string, key string) {
		if !seen[key+n] {
			seen[key+n] = true
			*list = append(*list, n)
		}
	}
	for _, c := range by {
		add(&st.Reporters, c.name, "r")
		if c.role == "摄影报道" {
			add(&st.Photographers, c.name, "p")
		}
	}
	for _, n := range s.extra {
		add(&st.Reporters, n, "r")
	}
	for _, n := range s.photo {
		add(&st.Photographers, n, "p")
	}
	st.Body = strings.Join(bodyParas, "\n")
	return st
}

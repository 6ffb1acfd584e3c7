package textgen

import (
	"math/rand"
	"strings"
	"unicode/utf8"
)

// unit is one article laid out: its headline lines, a byline line under
// the headline, its text lines, and the truth.
type unit struct {
	head  []Line
	under string
	body  []Line
	place Placement
	box   bool // a box of briefs is set amid the text
	truth Story
}

// setter lays out the articles of one page.
type setter struct {
	lay   Layout
	r     *rand.Rand
	names []string // reporters' names to give articles printed without a byline
	date  string   // the page's date, YYYY-MM-DD
}

// wrapper returns the wrapper of the page's columns.
func (s *setter) wrapper() wrapper {
	return wrapper{width: float64(s.lay.Width), pushDown: s.lay.PushDown, r: s.r}
}

// lines wraps a paragraph into rendered lines; first lines of text get
// the indent.
func (s *setter) lines(text string, indent bool, role Role) []Line {
	in := 0.0
	if indent && s.lay.Indent {
		in = 2
	}
	var out []Line
	for i, l := range s.wrapper().wrap(text, in) {
		t := render(l, s.lay.Justify, s.lay.DigitSpace, s.r)
		r := role
		if i == 0 && indent {
			t = s.lay.IndentMark + t
			r = RoleFirst
		}
		out = append(out, Line{r, t})
	}
	return out
}

// headLines prints a headline: kicker, headline parts and subtitle, each
// wrapped at the headline width; a part glued with —— may be printed as
// two lines; a subtitle may get a dash before it.
func (s *setter) headLines(src *source) []Line {
	w := wrapper{width: float64(s.lay.HeadWidth), r: s.r}
	var out []Line
	for i, h := range src.heads {
		parts := []string{h}
		if k := strings.Index(h, "——"); k > 0 && k+len("——") < len(h) && s.r.Intn(2) == 0 {
			second := h[k+len("——"):]
			if s.r.Intn(2) == 0 {
				second = "——" + second
			}
			parts = []string{h[:k], second}
		}
		if i == len(src.heads)-1 && src.sub != "" && !strings.HasPrefix(h, "—") && s.r.Intn(2) == 0 {
			parts[len(parts)-1] = "——" + parts[len(parts)-1]
		}
		for _, p := range parts {
			for _, l := range w.wrap(p, 0) {
				out = append(out, Line{RoleHead, render(l, 0, 0, s.r)})
			}
		}
	}
	return out
}

// invent gives an article without a byline one or two names of the pool.
func (s *setter) invent() []credit {
	if len(s.names) == 0 {
		return nil
	}
	by := []credit{{"记者", pick(s.r, s.names...)}}
	switch s.r.Intn(4) {
	case 0:
		if n := pick(s.r, s.names...); n != by[0].name {
			by = append(by, credit{pick(s.r, "通讯员", "实习生"), n})
		}
	case 1:
		if n := pick(s.r, s.names...); n != by[0].name {
			by = append(by, credit{"记者", n})
		}
	}
	return by
}

// byText prints credits, each role once before its names: in a lead's
// brackets (记者 张三 通讯员 李四), on a line (本报记者 张三  李四), or
// letter-spaced.
func (s *setter) byText(by []credit, inLead bool) string {
	sep := pick(s.r, " ", "  ", "")
	var b strings.Builder
	last := ""
	for i, c := range by {
		role := c.role
		if role == "摄影报道" {
			role = "本报记者"
		}
		if inLead {
			role = strings.TrimPrefix(role, "本报")
		} else if role == "记者" && s.r.Intn(3) > 0 {
			role = "本报记者"
		}
		switch {
		case i == 0 || role != last:
			if i > 0 {
				b.WriteString(" ")
			}
			b.WriteString(role)
			b.WriteString(pick(s.r, " ", sep))
		case inLead && sep == "":
			b.WriteString("、")
		default:
			b.WriteString(pick(s.r, " ", "  "))
		}
		b.WriteString(c.name)
		last = role
	}
	if n := len(by); n > 0 && by[n-1].role == "摄影报道" {
		b.WriteString(" 摄影报道")
	}
	return b.String()
}

// unit lays out one article.
func (s *setter) unit(src *source, place Placement) *unit {
	u := &unit{place: place, head: s.headLines(src)}
	by := src.by
	if len(by) == 0 && len(src.extra) == 0 && s.r.Float64() < s.lay.Invent {
		by = s.invent()
	}
	printed := by
	photo := len(by) > 0 && by[len(by)-1].role == "摄影报道"
	form := Form(weighted(s.r, s.lay.Forms[:]))
	if place != Before && form == Under || photo && form < Under {
		form = EndLine
	}
	lead := ""
	var prefix string
	var spaced string
	switch {
	case src.wire != nil:
		w := src.wire
		lead = w.source
		prefix = w.source + w.place + w.month + "月" + w.day + "日电"
		if len(by) > 0 && !photo {
			prefix += pick(s.r, "", " ") + "（" + s.byText(by, true) + "）"
			by = nil
		}
		prefix += pick(s.r, "", " ", "  ")
	case len(by) > 0 && (form == Lead || form == LeadSpaced):
		lead = "本报讯"
		b := s.byText(by, true)
		if form == LeadSpaced {
			words := []string{"本报讯", "（"}
			for _, f := range strings.Fields(b) {
				words = append(words, f)
			}
			words = append(words, "）")
			spaced = spaceOut(words)
			prefix = "本报讯（" + b + "）"
		} else {
			prefix = "本报讯" + pick(s.r, "", " ") + "（" + b + "）" + pick(s.r, "", " ")
		}
		by = nil
	case len(by) == 0 && s.r.Intn(4) == 0:
		lead = "本报讯"
		prefix = "本报讯" + pick(s.r, " ", "  ", "")
	}
	var truthParas, texts []string
	first := true
	for _, p := range src.paras {
		switch p.kind {
		case pByline:
			u.body = append(u.body, s.lines(p.text, false, RoleByline)...)
			continue
		case pCredit:
			u.body = append(u.body, s.lines(p.text, false, RoleCredit)...)
			truthParas = append(truthParas, p.text)
			continue
		}
		text := p.text
		texts = append(texts, text)
		if first && prefix != "" {
			if spaced != "" {
				u.body = append(u.body, Line{RoleFirst, spaced})
				u.body = append(u.body, s.lines(text, false, RoleText)...)
			} else {
				u.body = append(u.body, s.lines(prefix+text, true, RoleText)...)
			}
			text = prefix + text
		} else {
			u.body = append(u.body, s.lines(text, true, RoleText)...)
		}
		first = false
		truthParas = append(truthParas, text)
	}
	if len(by) > 0 {
		line := s.byText(by, false)
		switch form {
		case Under:
			u.under = pick(s.r, "", "□ ", "■", "◎") + line
		case EndBracket:
			u.body = append(u.body, Line{RoleByline, "（" + line + "）"})
		case EndGlued:
			if n := len(u.body); n > 0 && lineWidth(u.body[n-1].Text)+lineWidth(line)+1 <= float64(s.lay.Width)+0.5 {
				u.body[n-1].Text += pick(s.r, " ", "  ") + line
				break
			}
			u.body = append(u.body, Line{RoleByline, line})
		default:
			u.body = append(u.body, Line{RoleByline, line})
		}
	}
	u.truth = src.story(printed, lead, truthParas)
	u.truth.Placement = placeNames[place]
	if len(printed) > 0 {
		u.truth.Form = formNames[form]
		if src.wire != nil {
			u.truth.Form = "wire"
		}
	}
	s.caption(u, texts)
	return u
}

// caption prints a photo caption with its credit amid the article's text,
// by the draw.
func (s *setter) caption(u *unit, paras []string) {
	if len(u.body) < 6 || len(paras) == 0 || s.r.Float64() >= s.lay.Caption || len(s.names) == 0 {
		return
	}
	clause := firstClause(pick(s.r, paras...), 24)
	if utf8.RuneCountInString(clause) < 6 {
		return
	}
	who := pick(s.r, s.names...)
	credit := pick(s.r, "本报记者 "+who+" 摄", who+" 摄", "新华社记者 "+who+" 摄", who+"摄")
	caption := pick(s.r, "图为", "图为", "") + clause + "。"
	gap := pick(s.r, " ", "  ")
	text := caption + gap + credit
	at := between(s.r, 2, len(u.body)-2)
	// the credit is set whole, after the caption's last line or below it
	lines := s.lines(caption, false, RoleCaption)
	if n := len(lines); lineWidth(lines[n-1].Text)+lineWidth(credit)+1 <= float64(s.lay.Width)+0.5 {
		lines[n-1].Text += gap + credit
	} else {
		lines = append(lines, Line{RoleCredit, credit})
	}
	u.body = append(u.body[:at], append(lines, u.body[at:]...)...)
	u.truth.Body += "\n" + text
	u.truth.Photographers = append(u.truth.Photographers, who)
}

// firstClause returns the first clause of text, at most n runes.
func firstClause(text string, n int) string {
	rs := []rune(text)
	for i, r := range rs {
		if strings.ContainsRune("，。；！？：、", r) || i >= n {
			return strings.Trim(string(rs[:i]), " “”")
		}
	}
	return strings.Trim(string(rs[:min(len(rs), n)]), " “”")
}

// placeNames and formNames name placements and byline forms in reports.
var (
	placeNames = []string{"before", "after", "block"}
	formNames  = []string{"lead", "lead-spaced", "under", "end-bracket", "end-line", "end-glued"}
)

// Role is what a line of a generated page is.
type Role string

// The roles of lines.
const (
	RoleHeader  Role = "header"  // the running header
	RoleHead    Role = "head"    // a kicker, headline or subtitle line
	RoleByline  Role = "byline"  // a line that is only a byline
	RoleFirst   Role = "first"   // the first line of a paragraph of text
	RoleText    Role = "text"    // another line of text
	RoleCaption Role = "caption" // a photo caption
	RoleCredit  Role = "credit"  // a photo credit line
	RoleMerged  Role = "merged"  // two columns' lines on one line
)

// Line is a line of a generated page with its role.
type Line struct {
	Role Role
	Text string
}

// lineWidth is the width of a rendered line: Latin letters and digits
// count half, spaces nothing.
func lineWidth(s string) float64 {
	w := 0.0
	for _, t := range tokens(s) {
		if t.s != " " {
			w += t.w
		}
	}
	return w
}

// brief makes a short item of a box from a source: its headline and its
// first sentences.
func (s *setter) brief(src *source) *unit {
	var text string
	for _, p := range src.paras {
		if p.kind == pText {
			text = p.text
			break
		}
	}
	rs := []rune(text)
	end := -1
	for i, r := range rs {
		if i > 150 {
			break
		}
		if strings.ContainsRune("。！？", r) && i >= 30 {
			end = i + 1
			if s.r.Intn(2) == 0 {
				break
			}
		}
	}
	if end < 0 {
		return nil
	}
	b := &source{rec: src.rec, heads: []string{src.head}, head: src.head, wire: src.wire, by: src.by, brief: true,
		paras: []para{{text: string(rs[:end])}}}
	if strings.Contains(src.head, "——") || utf8.RuneCountInString(src.head) > s.lay.HeadWidth || src.head == "图片报道" {
		return nil
	}
	lay := s.lay
	s.lay.Caption = 0
	s.lay.Forms = [nForms]float64{2, 0, 0, 1, 1, 1}
	u := s.unit(b, Before)
	s.lay = lay
	u.truth.Kicker, u.truth.Subtitle = "", ""
	return u
}

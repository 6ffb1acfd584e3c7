package textgen

import (
	"fmt"
	"math/rand"
	"sort"
	"strings"
	"time"
)

// Options say what to generate.
type Options struct {
	// Split is the half of families and records drawn from.
	Split Split
	// Pages is the number of pages; 0 means 100.
	Pages int
	// Seed seeds every draw: the same records and options give the same
	// pages.
	Seed int64
	// Family, when set, draws only pages of that family of the split.
	Family string
}

// Page is one generated page: its text, as an extractor would give it,
// and the truth about its articles.
type Page struct {
	// Name is a file name for the page: <paper>-<date>-<page>.txt.
	Name string
	// Text is the page text.
	Text string
	// Stories are the page's articles.
	Stories []Story
	// Lines are the page's lines with their roles, without the blank
	// lines between them.
	Lines []Line
	// Layout is the layout the page was drawn with.
	Layout Layout
}

// maxBody is the longest record body, in runes, laid out on a page.
const maxBody = 4000

// maxPage is about the most text, in runes, set on one page.
const maxPage = 9000

// Generate lays out pages from the records of the split.
func Generate(recs []Record, opt Options) ([]Page, error) {
	var fams []family
	for _, f := range families {
		if f.split == opt.Split && (opt.Family == "" || f.name == opt.Family) {
			fams = append(fams, f)
		}
	}
	if len(fams) == 0 {
		return nil, fmt.Errorf("no layout family %q in the %s split (have %s)", opt.Family, opt.Split, strings.Join(Families(opt.Split), ", "))
	}
	byPaper := map[string][]*source{}
	var papers []string
	for _, r := range recs {
		if RecordSplit(r.ID) != opt.Split {
			continue
		}
		s, ok := readSource(r, maxBody)
		if !ok {
			continue
		}
		if byPaper[r.Paper] == nil {
			papers = append(papers, r.Paper)
		}
		byPaper[r.Paper] = append(byPaper[r.Paper], s)
	}
	if len(papers) == 0 {
		return nil, fmt.Errorf("no records of the %s split to lay out", opt.Split)
	}
	sort.Strings(papers)
	names := namePool(byPaper)
	n := opt.Pages
	if n <= 0 {
		n = 100
	}
	var out []Page
	for i := 0; i < n; i++ {
		r := rand.New(rand.NewSource(opt.Seed*1_000_003 + int64(i)))
		f := fams[i%len(fams)]
		lay := f.draw(r)
		lay.Family = f.name
		paper := papers[i%len(papers)]
		pool := byPaper[paper]
		srcs, rest := draw(r, pool, between(r, 1, lay.Articles))
		s := &setter{lay: lay, r: r, names: names, date: srcs[0].rec.Date}
		out = append(out, s.page(srcs, rest))
	}
	return out, nil
}

// namePool collects the reporters' names of the records, sorted.
func namePool(byPaper map[string][]*source) []string {
	seen := map[string]bool{}
	var out []string
	for _, srcs := range byPaper {
		for _, s := range srcs {
			for _, c := range s.by {
				if !seen[c.name] {
					seen[c.name] = true
					out = append(out, c.name)
				}
			}
		}
	}
	sort.Strings(out)
	return out
}

// draw takes up to n sources of pool at random, no more than a page
// holds, and returns the others shuffled.
func draw(r *rand.Rand, pool []*source, n int) (take, rest []*source) {
	idx := r.Perm(len(pool))
	size := 0
	for _, i := range idx {
		s := pool[i]
		l := len([]rune(s.rec.Body))
		if len(take) < n && (len(take) == 0 || size+l <= maxPage) {
			take = append(take, s)
			size += l
			continue
		}
		rest = append(rest, s)
	}
	return take, rest
}

// chunk is a run of page lines; body is the unit whose text it is, -1 for
// headlines.
type chunk struct {
	lines []Line
	body  int
	box   bool // holds a box of briefs
}

// page lays out the sources as one page; extra are sources for briefs.
func (s *setter) page(srcs, extra []*source) Page {
	var units []*unit
	for _, src := range srcs {
		place := Placement(weighted(s.r, s.lay.Place[:]))
		units = append(units, s.unit(src, place))
	}
	for i, u := range units {
		if u.place == Block && (i == 0 || units[i-1].place != Block) && (i+1 == len(units) || units[i+1].place != Block) {
			u.place = Before // a block of one is a headline before its text
		}
		if u.place == Block && u.under != "" {
			u.place = Before
		}
		u.truth.Placement = placeNames[u.place]
	}
	boxed := s.briefs(units, extra)
	chunks := s.arrange(units)
	chunks = s.interleave(chunks, units)
	lines := []Line{{RoleHeader, s.header(srcs[0].rec)}}
	for _, c := range chunks {
		lines = append(lines, c.lines...)
	}
	sep := "\n"
	if s.lay.Blank {
		sep = "\n\n"
	}
	var texts []string
	for _, l := range lines {
		texts = append(texts, l.Text)
	}
	pg := Page{Text: strings.Join(texts, sep) + "\n", Lines: lines, Layout: s.lay, Name: pageName(srcs[0].rec)}
	for _, u := range units {
		pg.Stories = append(pg.Stories, u.truth)
	}
	for _, b := range boxed {
		pg.Stories = append(pg.Stories, b.truth)
	}
	return pg
}

// briefs puts a box of two or three briefs amid the text of the page's
// longest article, by the draw; it returns the briefs.
func (s *setter) briefs(units []*unit, extra []*source) []*unit {
	if s.r.Float64() >= s.lay.Briefs {
		return nil
	}
	host := -1
	for i, u := range units {
		if len(u.body) >= 20 && (host < 0 || len(u.body) > len(units[host].body)) {
			host = i
		}
	}
	if host < 0 {
		return nil
	}
	var box []*unit
	var lines []Line
	want := between(s.r, 2, 3)
	for _, src := range extra {
		if len(box) == want {
			break
		}
		b := s.brief(src)
		if b == nil {
			continue
		}
		box = append(box, b)
		lines = append(lines, b.head...)
		lines = append(lines, b.body...)
	}
	if len(box) == 0 {
		return nil
	}
	h := units[host]
	at := between(s.r, len(h.body)*3/10, len(h.body)*7/10)
	h.body = append(h.body[:at], append(lines, h.body[at:]...)...)
	h.box = true
	return box
}

// arrange orders the headline and text chunks of the units by their
// placements.
func (s *setter) arrange(units []*unit) []chunk {
	var out []chunk
	for i := 0; i < len(units); i++ {
		u := units[i]
		switch u.place {
		case After:
			out = append(out, chunk{lines: u.body, body: i, box: u.box}, chunk{lines: u.head, body: -1})
		case Block:
			j := i
			for j < len(units) && units[j].place == Block {
				j++
			}
			var heads []Line
			for _, v := range units[i:j] {
				heads = append(heads, v.head...)
			}
			before := s.r.Intn(2) == 0
			if before {
				out = append(out, chunk{lines: heads, body: -1})
			}
			for k := i; k < j; k++ {
				out = append(out, chunk{lines: units[k].body, body: k, box: units[k].box})
			}
			if !before {
				out = append(out, chunk{lines: heads, body: -1})
			}
			i = j - 1
		default:
			head := u.head
			if u.under != "" {
				head = append(append([]Line(nil), head...), Line{RoleByline, u.under})
			}
			out = append(out, chunk{lines: head, body: -1}, chunk{lines: u.body, body: i, box: u.box})
		}
	}
	return out
}

// interleave sets two columns side by side on the same lines, or
// alternating, by the draws: two halves of one article's text, or the
// texts of two articles printed one after the other (their headlines then
// come first, one after the other).
func (s *setter) interleave(chunks []chunk, units []*unit) []chunk {
	for _, mode := range []int{0, 1} {
		p := s.lay.SideBySide
		if mode == 1 {
			p = s.lay.Alternate
		}
		if s.r.Float64() >= p {
			continue
		}
		var cand []int
		for i, c := range chunks {
			if c.body >= 0 && !c.box && len(c.lines) >= 8 {
				cand = append(cand, i)
			}
		}
		if len(cand) == 0 {
			continue
		}
		i := pick(s.r, cand...)
		c := chunks[i]
		// two articles: headline A, text A, headline B, text B
		if i >= 1 && i+2 < len(chunks) && chunks[i-1].body < 0 && chunks[i+1].body < 0 && chunks[i+2].body >= 0 &&
			!chunks[i+2].box && s.r.Intn(2) == 0 {
			heads := append(append([]Line(nil), chunks[i-1].lines...), chunks[i+1].lines...)
			merged := s.merge(c.lines, chunks[i+2].lines, mode)
			rest := append([]chunk{{lines: heads, body: -1}, {lines: merged, body: -2}}, chunks[i+3:]...)
			chunks = append(chunks[:i-1], rest...)
			continue
		}
		half := (len(c.lines) + 1) / 2
		chunks[i] = chunk{lines: s.merge(c.lines[:half], c.lines[half:], mode), body: -2}
	}
	return chunks
}

// merge sets left and right columns on shared lines (mode 0: one line of
// each joined by a space) or alternating lines (mode 1).
func (s *setter) merge(left, right []Line, mode int) []Line {
	var out []Line
	gap := " "
	if s.lay.Width >= 25 {
		gap = pick(s.r, " ", "  ")
	}
	for j := 0; j < max(len(left), len(right)); j++ {
		switch {
		case j < len(left) && j < len(right) && mode == 0:
			out = append(out, Line{RoleMerged, left[j].Text + gap + strings.TrimSpace(right[j].Text)})
		case j < len(left) && j < len(right):
			out = append(out, left[j], right[j])
		case j < len(left):
			out = append(out, left[j])
		default:
			out = append(out, right[j])
		}
	}
	return out
}

// weekdays are the weekday names, Sunday first.
var weekdays = []string{"日", "一", "二", "三", "四", "五", "六"}

// header prints the page's running header.
func (s *setter) header(r Record) string {
	d, err := time.Parse("2006-01-02", r.Date)
	if err != nil {
		return ""
	}
	page := strings.Split(r.Page, "/")[0]
	section := strings.Split(r.Section, "/")[0]
	editor := pick(s.r, s.names...)
	date := fmt.Sprintf("%d年%d月%d日 星期%s", d.Year(), int(d.Month()), d.Day(), weekdays[d.Weekday()])
	if r.Paper == "新民晚报" {
		return fmt.Sprintf("%s A%s %s 责任编辑 %s", date, page, section, editor)
	}
	return fmt.Sprintf("%s 第%s版 %s 责任编辑：%s", date, page, section, editor)
}

// pageName names a page file after its paper, date and page.
func pageName(r Record) string {
	slug := map[string]string{"人民日报": "rmrb", "新民晚报": "xmwb"}[r.Paper]
	if slug == "" {
		slug = "paper"
	}
	return fmt.Sprintf("%s-%s-%s.txt", slug, r.Date, strings.Split(r.Page, "/")[0])
}

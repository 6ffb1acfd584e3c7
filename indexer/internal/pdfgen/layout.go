package pdfgen

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"time"
	"unicode/utf8"
)

// layout is one page as the generator plans it, in millimetres; the
// browser fits the text into its boxes.
type layout struct {
	seed               int64
	fam                family
	w, h               float64
	bodyPt, leading    float64
	bodySans           bool
	gutter             float64
	paper, date, page  string
	section            string
	masthead           bool
	mastRed            bool
	issue              int
	editor             string
	footer             string
	boxes              []*box
	rules              []rectMM
	contentX, contentW float64
}

type rectMM struct{ x, y, w, h float64 }

// box is a rectangle of the page grid holding one article or a column of
// briefs.
type box struct {
	rectMM
	cols   int
	art    *item   // an article, or
	briefs []*item // the items of a brief box
	label  string  // the brief box's label: 简讯
}

// item is an article as laid out.
type item struct {
	kicker, headline, subtitle string
	dash                       bool
	headPt, subPt              float64
	headSans, center, red      bool
	byStyle                    string
	reporters                  []string
	byText                     string // the byline line printed under the headline
	end                        string // the byline after the last sentence
	sents                      [][]string
	inter                      []int // paragraphs that are intertitles
	photo                      *photo
	kept                       int // sentences kept by the browser
	region                     Rect
}

type photo struct {
	h             float64 // mm
	top           bool
	caption       string
	photographers []string
}

// newLayout plans the page of a seed; like, when set, is a page of the
// same file, whose size it takes.
func newLayout(seed int64, fams []family, stories []story, like *layout) *layout {
	d := newDice(seed)
	f := fams[d.IntN(len(fams))]
	l := &layout{seed: seed, fam: f, w: math.Round(d.between(f.pageW)), h: math.Round(d.between(f.pageH))}
	if like != nil {
		l.w, l.h = like.w, like.h
	}
	l.bodyPt = math.Round(d.between(f.bodyPt)*2) / 2
	l.leading = d.between(f.leading)
	l.bodySans = d.chance(f.bodySans)
	l.gutter = d.between(f.gutter)
	cols := d.intIn(f.cols)
	margin := 12 + d.Float64()*6
	l.contentX, l.contentW = margin, l.w-2*margin
	// The page's stories: the first settles paper, date, page and section.
	order := d.Perm(len(stories))
	lead := stories[order[0]]
	l.paper, l.date, l.section = lead.paper, lead.date, lead.section
	l.masthead = d.chance(f.masthead)
	l.page = pageNumber(lead.page)
	if l.masthead {
		l.page = "1"
		l.mastRed = d.chance(0.6)
		l.issue = 20000 + d.IntN(8000)
	}
	l.editor = d.pick(names) + "　" + d.pick(names)
	top := margin
	if l.masthead {
		top += 38
	} else {
		top += 10
	}
	bottom := l.h - margin
	if d.chance(f.footer) {
		l.footer = "责任编辑：" + d.pick(names) + "　版式设计：" + d.pick(names)
		bottom -= 8
	}
	n := d.intIn(f.items)
	colW := (l.contentW - float64(cols-1)*l.gutter) / float64(cols)
	cells := partition(d, gridRect{0, cols, top, bottom - top}, n, 55)
	sort.SliceStable(cells, func(i, j int) bool { return cells[i].area() > cells[j].area() })
	briefs := d.chance(f.briefs)
	si := 1
	next := func() story {
		s := stories[order[si%len(order)]]
		si++
		return s
	}
	for k, c := range cells {
		b := &box{cols: c.w}
		b.x = l.contentX + float64(c.x)*(colW+l.gutter)
		b.w = float64(c.w)*colW + float64(c.w-1)*l.gutter
		b.y, b.h = c.y, c.h-l.gutter
		if briefs && k > 0 && c.w <= 3 {
			briefs = false
			b.label = d.pick([]string{"简讯", "新闻速览", "要闻简报", "简明新闻"})
			for range 6 {
				b.briefs = append(b.briefs, l.briefItem(d, next()))
			}
		} else {
			s := lead
			if k > 0 {
				s = next()
			}
			b.art = l.articleItem(d, s, b, k == 0)
		}
		l.boxes = append(l.boxes, b)
		if d.chance(f.rules) {
			l.rules = append(l.rules, rectMM{b.x, b.y + b.h + l.gutter/2 - 0.15, b.w, 0.3})
		}
	}
	return l
}

// articleItem lays out story s in box b; first is the page's lead story.
func (l *layout) articleItem(d dice, s story, b *box, first bool) *item {
	f := l.fam
	it := &item{headline: s.headline, headSans: d.chance(f.headSans), center: d.chance(f.center)}
	it.red = first && d.chance(f.red)
	if s.kicker != "" && d.chance(f.kicker+0.3) {
		it.kicker = s.kicker
	}
	if s.subtitle != "" && d.chance(f.subtitle+0.3) {
		it.subtitle = s.subtitle
		it.dash = d.chance(f.dash)
	}
	wpt := b.w * ptPerMM
	frac := math.Min(1, float64(b.cols)/float64(6))
	pt := f.headPt[0] + (f.headPt[1]-f.headPt[0])*frac*(0.7+0.3*d.Float64())
	if first {
		pt = f.headPt[1]
	}
	// At most two lines of headline.
	if n := float64(utf8.RuneCountInString(it.headline)); n*pt > 2*wpt*0.95 {
		pt = 2 * wpt * 0.95 / n
	}
	it.headPt = math.Max(math.Round(pt), math.Max(16, l.bodyPt*1.7))
	it.subPt = math.Round(math.Max(l.bodyPt*1.3, math.Min(it.headPt*0.6, 15)))
	it.sents = cloneParas(s.paras)
	it.byStyle = d.pick(f.bylines)
	l.byline(d, it, s)
	if len(it.sents) >= 3 && d.chance(f.intertitles) {
		// Intertitles before the second paragraph and every third after.
		var paras [][]string
		for i, p := range it.sents {
			if i > 0 && i%3 == 1 {
				it.inter = append(it.inter, len(paras))
				paras = append(paras, []string{d.pick(intertitleTexts)})
			}
			paras = append(paras, p)
		}
		it.sents = paras
	}
	if d.chance(f.photo) && b.h > 110 {
		p := &photo{h: math.Min(b.w*0.55, b.h*0.35), top: d.chance(f.photoTop)}
		p.photographers = []string{d.pick(names)}
		p.caption = d.pick(captions)
		if d.chance(0.5) {
			p.caption += "　本报记者　" + p.photographers[0] + "摄"
		} else {
			p.caption += "　" + p.photographers[0] + "　摄"
		}
		it.photo = p
	}
	return it
}

// byline prints the item's byline in its style, with invented names.
func (l *layout) byline(d dice, it *item, s story) {
	n := 1 + d.IntN(2)
	var ns []string
	for len(ns) < n {
		if x := d.pick(names); !strings.Contains(strings.Join(ns, ""), x) {
			ns = append(ns, x)
		}
	}
	role := d.pick([]string{"本报记者", "记者"})
	lead := s.lead
	switch it.byStyle {
	case byLine:
		it.byText = "本报记者　" + strings.Join(ns, "　")
		if d.chance(0.3) {
			it.byText = "□ " + it.byText
		}
	case byLead:
		if lead == "" {
			lead = "本报讯"
		}
		sep := "　"
		if d.chance(0.5) {
			sep = "、"
		}
		lead += "（" + strings.TrimPrefix(role, "本报") + " " + strings.Join(ns, sep) + "）"
	case byEnd:
		it.end = "（" + role + "　" + strings.Join(ns, "　") + "）"
	case byAuthor:
		ns = ns[:1]
		it.byText = "文／" + ns[0]
	default:
		ns = nil
	}
	it.reporters = ns
	if lead != "" {
		it.sents[0][0] = lead + "　" + it.sents[0][0]
	}
}

// briefItem makes an item of a brief box: the headline and a sentence or
// two of the story.
func (l *layout) briefItem(d dice, s story) *item {
	it := &item{headline: s.headline, byStyle: byNone}
	k := 1 + d.IntN(2)
	var sents []string
	for _, p := range s.paras {
		for _, x := range p {
			if len(sents) < k {
				sents = append(sents, x)
			}
		}
	}
	it.sents = [][]string{sents}
	return it
}

// gridRect is a rectangle of grid columns by millimetres.
type gridRect struct {
	x, w int
	y, h float64
}

func (g gridRect) area() float64 { return float64(g.w) * g.h }

// partition cuts r into n rectangles at least 2 columns wide and minH
// millimetres high, by a random series of guillotine cuts.
func partition(d dice, r gridRect, n int, minH float64) []gridRect {
	if n <= 1 {
		return []gridRect{r}
	}
	canV := r.w >= 4
	canH := r.h >= 2*minH
	if !canV && !canH {
		return []gridRect{r}
	}
	n1 := 1 + d.IntN(n-1)
	share := float64(n1) / float64(n)
	if canH && (!canV || d.chance(0.55)) {
		h1 := math.Max(minH, math.Min(r.h-minH, r.h*share))
		h1 = math.Round(h1)
		a := partition(d, gridRect{r.x, r.w, r.y, h1}, n1, minH)
		return append(a, partition(d, gridRect{r.x, r.w, r.y + h1, r.h - h1}, n-n1, minH)...)
	}
	w1 := int(math.Round(float64(r.w) * share))
	w1 = max(2, min(r.w-2, w1))
	a := partition(d, gridRect{r.x, w1, r.y, r.h}, n1, minH)
	return append(a, partition(d, gridRect{r.x + w1, r.w - w1, r.y, r.h}, n-n1, minH)...)
}

// pageNumber prints a record's page as a page header would: 2/3 → 2.
func pageNumber(p string) string {
	p, _, _ = strings.Cut(p, "/")
	p = strings.TrimLeft(p, "0")
	if p == "" {
		return "2"
	}
	return p
}

// headerDate prints the date and weekday: 2022年1月1日　星期六.
func headerDate(date string) string {
	t, err := time.Parse("2006-01-02", date)
	if err != nil {
		return date
	}
	wd := []string{"日", "一", "二", "三", "四", "五", "六"}[t.Weekday()]
	return fmt.Sprintf("%d年%d月%d日　星期%s", t.Year(), t.Month(), t.Day(), wd)
}

func cloneParas(p [][]string) [][]string {
	out := make([][]string, len(p))
	for i := range p {
		out[i] = append([]string(nil), p[i]...)
	}
	return out
}

const ptPerMM = 72 / 25.4

// names are invented reporters and photographers.
var names = []string{
	"张伟", "王芳", "李娜", "刘洋", "陈静", "杨帆", "赵磊", "黄敏", "周杰", "吴琼", "徐亮", "孙丽",
	"马超", "朱婷", "胡军", "郭佳", "何平", "高翔", "林峰", "罗兰", "郑凯", "梁爽", "谢文东", "宋雨桐",
	"唐思远", "韩冰", "冯晓雪", "邓一鸣", "曹阳", "彭程", "曾海燕", "萧然", "田野", "董立", "袁方", "潘越",
}

// intertitleTexts are invented intertitles.
var intertitleTexts = []string{
	"多措并举 破解难题", "因地制宜 精准施策", "群众满意是最高标准", "把好事办到群众心坎上",
	"科技赋能 提质增效", "守正创新 行稳致远", "补齐短板 强化服务", "久久为功 久久为新",
}

// captions are invented photo captions.
var captions = []string{
	"图为市民在公园里晨练。", "图为工人在生产线上忙碌。", "图为游客在景区参观游览。",
	"图为志愿者为老人测量血压。", "图为农民在田间管理作物。", "图为学生在实验室里做实验。",
	"图为港口码头一派繁忙景象。", "图为新建成的大桥全景。", "图为演员在舞台上表演节目。",
	"图为居民在社区食堂就餐。", "图为运动员在比赛中。", "图为技术人员在调试设备。",
}

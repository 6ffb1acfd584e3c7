package search

import (
	"context"
	"fmt"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	index "github.com/blevesearch/bleve_index_api"

	"baoku/indexer/article"
	"baoku/indexer/field"
	"baoku/search/query"
	"baoku/segment"
)

// Concordance limits and defaults.
const (
	DefaultWidth = 20
	MaxWidth     = 200
	// DefaultLines and MaxLines are the lines of a concordance page.
	DefaultLines = 50
	MaxLines     = 1000
)

// Concordance orders.
const (
	SortDate  = "date"
	SortLeft  = "left"
	SortRight = "right"
)

// KWICRequest asks for the concordance of a query: every occurrence of
// its terms in the text of the articles it finds, with context.
type KWICRequest struct {
	// Request is the query and its filters; Page and Size page the lines
	// (DefaultLines a page, at most MaxLines).
	Request
	// Width is the context kept on each side, in characters
	// (DefaultWidth when 0, at most MaxWidth).
	Width int
	// Order is SortDate (default: oldest first, in reading order within an
	// article), SortLeft (by the characters before the match, nearest
	// first, as AntConc sorts) or SortRight (by those after it).
	Order string
}

// KWICLine is one occurrence.
type KWICLine struct {
	ID       string `json:"id"`
	Date     string `json:"date"`
	Paper    string `json:"paper"`
	Page     string `json:"page,omitempty"`
	Headline string `json:"headline"`
	// Field is where the occurrence is (kicker, headline, subtitle,
	// body) and Para its paragraph in the body, 1-based, blank
	// paragraphs not counted, as the article page numbers them (its
	// anchors #p1, #p2 …); 0 outside the body.
	Field string `json:"field"`
	Para  int    `json:"para"`
	// Left, Match and Right are the text's own characters: Match is what
	// the article prints (臺灣 where the query said 台湾).
	Left  string `json:"left"`
	Match string `json:"match"`
	Right string `json:"right"`
}

// KWICResult is a page of a concordance.
type KWICResult struct {
	Query string `json:"query"`
	// Total is the number of occurrences, Articles the number of
	// articles the query finds (an article found by words printed apart
	// has no line).
	Total    int `json:"total"`
	Articles int `json:"articles"`
	// WordTotal is the number of occurrences the word view counts (as
	// words and sub-words of the segmenter), when every term is one word;
	// -1 when it cannot be counted (the word view keeps no positions, so
	// a term of several words has no count there).
	WordTotal int        `json:"word_total"`
	Page      int        `json:"page"`
	Size      int        `json:"size"`
	Width     int        `json:"width"`
	Sort      string     `json:"sort"`
	Lines     []KWICLine `json:"lines"`
	TookMS    float64    `json:"took_ms"`
}

// needle is one term of a concordance: its normalised text and the fields
// it is looked for in.
type needle struct {
	text   string
	fields map[string]bool
}

// needlesOfTerms lists a query's terms as concordance needles.
func needlesOfTerms(terms []query.Term) []needle {
	var out []needle
	for _, t := range terms {
		n := needle{text: strings.TrimSpace(segment.Normalize(t.Text)), fields: map[string]bool{}}
		fields := field.Of(field.Text)
		if f, ok := field.Get(t.Field); ok && t.Field != "" {
			fields = f.Searched()
		}
		for _, f := range fields {
			n.fields[f] = true
		}
		out = append(out, n)
	}
	return out
}

// occurrence is a line before its context is cut: where a match is.
type occurrence struct {
	hit   int // index into the hits, by date
	field int // index into textFields
	para  int
	// start and end are byte offsets of the match in the paragraph's
	// original text.
	start, end int
	key        string // the context it sorts by, for SortLeft and SortRight
}

// Concordance lists every occurrence of the query's terms in the articles
// it finds, oldest first or sorted by context, a page at a time.
func (e *Engine) Concordance(ctx context.Context, r KWICRequest) (*KWICResult, error) {
	start := time.Now()
	if err := r.check(); err != nil {
		return nil, err
	}
	p, err := e.prepare(r.Request)
	if err != nil {
		return nil, err
	}
	needles := needlesOfTerms(p.terms())
	if len(needles) == 0 {
		return nil, fmt.Errorf("%w: q: a concordance needs words to find in the text", ErrBadRequest)
	}
	hits, snap, err := e.hitsByDate(ctx, p.query())
	if err != nil {
		return nil, err
	}
	defer snap.release()
	res := &KWICResult{
		Query: r.Query, Articles: len(hits), Page: r.Page, Size: r.Size,
		Width: r.Width, Sort: r.Order, Lines: []KWICLine{},
	}
	if res.WordTotal, err = e.wordOccurrences(ctx, p, snap, hits); err != nil {
		return nil, err
	}
	from := (r.Page - 1) * r.Size
	if r.Order == SortDate {
		// The index counts each article's occurrences from the
		// positions of the character view, so only the articles of
		// the page are read.
		counts, ok, err := indexedCounts(ctx, snap, needles, hits)
		if err != nil {
			return nil, err
		}
		if ok {
			for _, n := range counts {
				res.Total += n
			}
			res.Lines, err = pageAt(snap, hits, counts, needles, from, r.Size, r.Width)
			if err != nil {
				return nil, err
			}
			res.TookMS = float64(time.Since(start).Microseconds()) / 1000
			return res, nil
		}
	}
	key := kwicKey(r, snap)
	occ, kept := e.research.kwic.get(key)
	if !kept {
		if occ, err = scanOccurrences(ctx, snap, hits, needles, r.Width, r.Order); err != nil {
			return nil, err
		}
		if r.Order != SortDate {
			sort.SliceStable(occ, func(i, j int) bool { return occ[i].key < occ[j].key })
		}
		e.research.kwic.put(key, occ)
	}
	res.Total = len(occ)
	if from < len(occ) {
		if res.Lines, err = linesOf(snap, hits, occ[from:min(from+r.Size, len(occ))], r.Width); err != nil {
			return nil, err
		}
	}
	res.TookMS = float64(time.Since(start).Microseconds()) / 1000
	return res, nil
}

// check fills in a concordance request's defaults and checks its bounds.
func (r *KWICRequest) check() error {
	if r.Width == 0 {
		r.Width = DefaultWidth
	}
	if r.Width < 1 || r.Width > MaxWidth {
		return fmt.Errorf("%w: width must be 1 to %d, not %d", ErrBadRequest, MaxWidth, r.Width)
	}
	if r.Size == 0 {
		r.Size = DefaultLines
	}
	if r.Size < 1 || r.Size > MaxLines {
		return fmt.Errorf("%w: size must be 1 to %d, not %d", ErrBadRequest, MaxLines, r.Size)
	}
	if r.Page == 0 {
		r.Page = 1
	}
	if r.Page < 1 {
		return fmt.Errorf("%w: page must be 1 or more, not %d", ErrBadRequest, r.Page)
	}
	switch r.Order {
	case "":
		r.Order = SortDate
	case SortDate, SortLeft, SortRight:
	default:
		return fmt.Errorf("%w: sort must be date, left or right, not %q", ErrBadRequest, r.Order)
	}
	return nil
}

// scanOccurrences reads every hit's text and finds the needles in it, on
// every core. The occurrences come in the hits' order, then in reading
// order; with a context order, each carries its sort key.
func scanOccurrences(ctx context.Context, snap *snapshot, hits []dated, needles []needle, width int, order string) ([]occurrence, error) {
	per := make([][]occurrence, len(hits))
	workers := min(runtime.GOMAXPROCS(0), max(1, len(hits)/64))
	var (
		wg    sync.WaitGroup
		next  int
		mu    sync.Mutex
		first error
	)
	take := func() (int, int) {
		mu.Lock()
		defer mu.Unlock()
		from := next
		next = min(next+64, len(hits))
		return from, next
	}
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				from, to := take()
				if from >= to || ctx.Err() != nil {
					return
				}
				for i := from; i < to; i++ {
					a, err := snap.article(hits[i].num)
					if err != nil {
						mu.Lock()
						first = err
						mu.Unlock()
						return
					}
					per[i] = occurrencesIn(a, i, needles, width, order)
				}
			}
		}()
	}
	wg.Wait()
	if first != nil {
		return nil, first
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	n := 0
	for _, o := range per {
		n += len(o)
	}
	out := make([]occurrence, 0, n)
	for _, o := range per {
		out = append(out, o...)
	}
	return out, nil
}

// occurrencesIn finds the needles in an article's text fields, paragraph
// by paragraph.
func occurrencesIn(a *article.Article, hit int, needles []needle, width int, order string) []occurrence {
	var out []occurrence
	for fi, f := range textFields(a) {
		if f.text == "" {
			continue
		}
		var mine []string
		for _, n := range needles {
			if n.fields[f.name] {
				mine = append(mine, n.text)
			}
		}
		if len(mine) == 0 {
			continue
		}
		paras := []string{f.text}
		if f.name == field.Body {
			paras = strings.Split(f.text, "\n")
		}
		for pi, para := range paras {
			norm := segment.NormalizeMap(para)
			for _, m := range matchSpans(norm.Text, mine) {
				s, e := norm.Span(m[0], m[1])
				o := occurrence{hit: hit, field: fi, start: s, end: e}
				if f.name == field.Body {
					o.para = pi + 1
				}
				switch order {
				case SortLeft:
					o.key = reversed(leftOf(para, s, width))
				case SortRight:
					o.key = strings.Clone(rightOf(para, e, width))
				}
				out = append(out, o)
			}
		}
	}
	return out
}

// matchSpans returns the byte spans of the needles' occurrences in
// normalised text, by start: every place a needle starts, overlapping
// ones included, as the character view counts a phrase at each position.
func matchSpans(text string, needles []string) [][2]int {
	var spans [][2]int
	for _, nd := range needles {
		for i := 0; i < len(text); {
			j := strings.Index(text[i:], nd)
			if j < 0 || nd == "" {
				break
			}
			spans = append(spans, [2]int{i + j, i + j + len(nd)})
			_, w := utf8.DecodeRuneInString(text[i+j:])
			i += j + w
		}
	}
	if len(needles) > 1 {
		sort.SliceStable(spans, func(a, b int) bool { return spans[a][0] < spans[b][0] })
	}
	return spans
}

// leftOf is up to width characters of s before byte offset i.
func leftOf(s string, i, width int) string {
	j := i
	for n := 0; n < width && j > 0; n++ {
		_, w := utf8.DecodeLastRuneInString(s[:j])
		j -= w
	}
	return s[j:i]
}

// rightOf is up to width characters of s from byte offset i.
func rightOf(s string, i, width int) string {
	j := i
	for n := 0; n < width && j < len(s); n++ {
		_, w := utf8.DecodeRuneInString(s[j:])
		j += w
	}
	return s[i:j]
}

// reversed returns s with its characters in reverse order: sorting by it
// sorts by the nearest character first.
func reversed(s string) string {
	rs := []rune(s)
	for i, j := 0, len(rs)-1; i < j; i, j = i+1, j-1 {
		rs[i], rs[j] = rs[j], rs[i]
	}
	return string(rs)
}

// linesOf cuts the lines of a page of occurrences, reading their articles
// again.
func linesOf(snap *snapshot, hits []dated, occ []occurrence, width int) ([]KWICLine, error) {
	lines := make([]KWICLine, 0, len(occ))
	cache := map[int]*article.Article{}
	for _, o := range occ {
		a := cache[o.hit]
		if a == nil {
			var err error
			if a, err = snap.article(hits[o.hit].num); err != nil {
				return nil, err
			}
			cache[o.hit] = a
		}
		lines = append(lines, lineOf(a, o, width))
	}
	return lines, nil
}

// lineOf cuts the line of an occurrence in an article.
func lineOf(a *article.Article, o occurrence, width int) KWICLine {
	f := textFields(a)[o.field]
	para, shown := f.text, 0
	if f.name == field.Body {
		paras := strings.Split(f.text, "\n")
		para = paras[o.para-1]
		// The article page leaves out blank paragraphs: number the
		// paragraph as it shows it.
		for _, p := range paras[:o.para] {
			if strings.TrimSpace(p) != "" {
				shown++
			}
		}
	}
	return KWICLine{
		ID: a.ID, Date: a.Date, Paper: a.Paper, Page: a.Page, Headline: a.Headline,
		Field: f.name, Para: shown,
		Left: leftOf(para, o.start, width), Match: para[o.start:o.end], Right: rightOf(para, o.end, width),
	}
}

// wordOccurrences counts the occurrences of the query's terms in the hits
// as the word view has them: the term frequencies of the word in the
// terms' fields. It is -1 when a term is not one word (or while the
// dictionary loads): the word view has no positions to find a sequence of
// words by.
func (e *Engine) wordOccurrences(ctx context.Context, p *prepared, snap *snapshot, hits []dated) (int, error) {
	if p.c.words == nil {
		return -1, nil
	}
	in := newBitset(hits)
	total := 0
	for _, t := range p.terms() {
		norm := strings.TrimSpace(segment.Normalize(t.Text))
		ws := p.c.words(norm)
		if len(ws) != 1 || ws[0] != norm {
			return -1, nil
		}
		fields := field.Of(field.Text)
		if f, ok := field.Get(t.Field); ok && t.Field != "" {
			fields = f.Searched()
		}
		for _, f := range fields {
			n, err := termFreqWhere(ctx, snap, f, norm, in.has)
			if err != nil {
				return 0, err
			}
			total += n
		}
	}
	return total, nil
}

// termFreqWhere sums a term's frequencies in a field over the documents
// of a snapshot that has accepts.
func termFreqWhere(ctx context.Context, snap *snapshot, fieldName, term string, has func(num uint64) bool) (int, error) {
	r, err := snap.is.TermFieldReader(ctx, []byte(term), fieldName, true, false, false)
	if err != nil {
		return 0, fmt.Errorf("search: read %s postings: %w", fieldName, err)
	}
	defer r.Close()
	total := 0
	var d *index.TermFieldDoc
	for {
		if d, err = r.Next(d); err != nil {
			return 0, fmt.Errorf("search: read %s postings: %w", fieldName, err)
		}
		if d == nil {
			return total, nil
		}
		if has(docNumber(d.ID)) {
			total += int(d.Freq)
		}
	}
}

// bitset is a set of document numbers.
type bitset []uint64

func newBitset(hits []dated) bitset {
	var top uint64
	for _, h := range hits {
		top = max(top, h.num)
	}
	b := make(bitset, top/64+1)
	for _, h := range hits {
		b[h.num/64] |= 1 << (h.num % 64)
	}
	return b
}

func (b bitset) has(n uint64) bool { return n/64 < uint64(len(b)) && b[n/64]&(1<<(n%64)) != 0 }

// add puts n in the set, which must be large enough.
func (b bitset) add(n uint64) { b[n/64] |= 1 << (n % 64) }

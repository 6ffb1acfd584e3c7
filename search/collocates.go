package search

import (
	"context"
	"fmt"
	"math"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"baoku/indexer/field"
	"baoku/segment"
)

// Collocation measures.
const (
	MeasureLogDice = "logdice"
	MeasureMI      = "mi"
	MeasureLL      = "ll"
)

// Collocation limits and defaults.
const (
	DefaultWindow     = 5
	MaxWindow         = 10
	DefaultCollocMin  = 3
	DefaultCollocates = 50
	MaxCollocates     = 500
	// MaxCollocNodes bounds the occurrences of the query read to count
	// collocates: past it, every k-th article found is read (a sample,
	// which the answer reports) unless the request asks for all.
	MaxCollocNodes = 10000
	// maxCandidates bounds the words whose frequency in the filtered set
	// is looked up: those seen most often around the query.
	maxCandidates = 5000
)

// CollocRequest asks which words occur near a query's terms more often
// than chance.
type CollocRequest struct {
	// Request is the query and its filters: the whole filtered set is
	// the reference the words' frequencies come from.
	Request
	// Window is the number of words on each side (DefaultWindow when 0).
	Window int
	// By is the measure that ranks the collocates: MeasureLogDice
	// (default), MeasureMI or MeasureLL.
	By string
	// Min is the fewest times a word must be seen in the windows
	// (DefaultCollocMin when 0).
	Min int
	// Limit is the number of collocates listed (DefaultCollocates).
	Limit int
	// CompareFrom and CompareTo, when either is set, name a second
	// period, counted the same way under the same filters.
	CompareFrom, CompareTo string
	// All reads every occurrence, however many (no sample).
	All bool
}

// Collocate is a word found near the query.
type Collocate struct {
	Word string `json:"word"`
	// Count is the times the word was seen in the windows (estimated
	// from the sample when the period was sampled), Expected the times
	// chance would put it there: the windows' words × its share of the
	// filtered set's words.
	Count    int     `json:"count"`
	Expected float64 `json:"expected"`
	// Score is the request's measure; all three are given.
	Score   float64 `json:"score"`
	LogDice float64 `json:"logdice"`
	MI      float64 `json:"mi"`
	LL      float64 `json:"ll"`
	// Freq is the word's frequency in the filtered set (word view).
	Freq int `json:"freq"`
}

// CollocPeriod is the collocates of one period.
type CollocPeriod struct {
	From string `json:"from,omitempty"`
	To   string `json:"to,omitempty"`
	// Node is the number of occurrences of the query's terms, Articles
	// the articles found, Words the words of the filtered set.
	Node     int `json:"node"`
	Articles int `json:"articles"`
	Words    int `json:"words"`
	// Sample, when set, says that only part of the articles were read.
	Sample     *Sample     `json:"sample,omitempty"`
	Collocates []Collocate `json:"collocates"`
}

// Sample says how much of a period was read.
type Sample struct {
	Read  int     `json:"read"`
	Of    int     `json:"of"`
	Scale float64 `json:"scale"`
}

// CollocResult is the answer to a CollocRequest.
type CollocResult struct {
	Query  string `json:"query"`
	Window int    `json:"window"`
	By     string `json:"by"`
	Min    int    `json:"min"`
	CollocPeriod
	// Compare is the second period, when asked for.
	Compare *CollocPeriod `json:"compare,omitempty"`
	TookMS  float64       `json:"took_ms"`
}

// Collocates counts the words within Window words of each occurrence of
// the query's terms (as the index's segmenter cuts the text) and ranks
// them by how much more often they occur there than their frequency in
// the whole filtered set predicts.
func (e *Engine) Collocates(ctx context.Context, r CollocRequest) (*CollocResult, error) {
	start := time.Now()
	if err := r.check(); err != nil {
		return nil, err
	}
	if e.wordsFunc() == nil {
		return nil, fmt.Errorf("%w: the dictionary is still loading; collocates need the words, ask again shortly", ErrBadRequest)
	}
	res := &CollocResult{Query: r.Query, Window: r.Window, By: r.By, Min: r.Min}
	p, err := e.collocPeriod(ctx, r, r.Request)
	if err != nil {
		return nil, err
	}
	res.CollocPeriod = *p
	if r.CompareFrom != "" || r.CompareTo != "" {
		other := r.Request
		other.From, other.To = r.CompareFrom, r.CompareTo
		if res.Compare, err = e.collocPeriod(ctx, r, other); err != nil {
			return nil, fmt.Errorf("compare: %w", err)
		}
	}
	res.TookMS = float64(time.Since(start).Microseconds()) / 1000
	return res, nil
}

func (r *CollocRequest) check() error {
	if r.Window == 0 {
		r.Window = DefaultWindow
	}
	if r.Window < 1 || r.Window > MaxWindow {
		return fmt.Errorf("%w: window must be 1 to %d words, not %d", ErrBadRequest, MaxWindow, r.Window)
	}
	if r.Min == 0 {
		r.Min = DefaultCollocMin
	}
	if r.Min < 1 {
		return fmt.Errorf("%w: min must be 1 or more, not %d", ErrBadRequest, r.Min)
	}
	if r.Limit == 0 {
		r.Limit = DefaultCollocates
	}
	if r.Limit < 1 || r.Limit > MaxCollocates {
		return fmt.Errorf("%w: size must be 1 to %d, not %d", ErrBadRequest, MaxCollocates, r.Limit)
	}
	switch r.By {
	case "":
		r.By = MeasureLogDice
	case MeasureLogDice, MeasureMI, MeasureLL:
	default:
		return fmt.Errorf("%w: by must be logdice, mi or ll, not %q", ErrBadRequest, r.By)
	}
	return nil
}

// collocPeriod counts the collocates of one period (the request's From
// and To).
func (e *Engine) collocPeriod(ctx context.Context, r CollocRequest, period Request) (*CollocPeriod, error) {
	p, err := e.prepare(period)
	if err != nil {
		return nil, err
	}
	needles := needlesOfTerms(p.terms())
	if len(needles) == 0 {
		return nil, fmt.Errorf("%w: q: collocates need words to find in the text", ErrBadRequest)
	}
	hits, snap, err := e.hitsByDate(ctx, p.query())
	if err != nil {
		return nil, err
	}
	defer snap.release()
	out := &CollocPeriod{From: period.From, To: period.To, Articles: len(hits), Collocates: []Collocate{}}

	// Which articles to read: all, or every k-th past the bound.
	read, scale, known := hits, 1.0, -1
	if counts, ok, err := indexedCounts(ctx, snap, needles, hits); err != nil {
		return nil, err
	} else if ok {
		known = 0
		for _, n := range counts {
			known += n
		}
	}
	if k := sampleStep(known, len(hits)); k > 1 && !r.All {
		read = make([]dated, 0, len(hits)/k+1)
		for i := 0; i < len(hits); i += k {
			read = append(read, hits[i])
		}
		scale = float64(len(hits)) / float64(len(read))
		out.Sample = &Sample{Read: len(read), Of: len(hits), Scale: scale}
	}
	w, err := e.windows(ctx, snap, read, needles, r.Window)
	if err != nil {
		return nil, err
	}
	out.Node = w.node
	if out.Sample != nil {
		out.Node = int(math.Round(float64(w.node) * scale))
		if known >= 0 {
			scale = float64(known) / float64(max(1, w.node))
			out.Node, out.Sample.Scale = known, scale
		}
	}

	// The reference: the words of the filtered set.
	ref, err := e.reference(ctx, p, snap)
	if err != nil {
		return nil, err
	}
	out.Words = ref.words
	cands := candidates(w.counts, r.Min)
	freqs, err := ref.freqs(ctx, cands)
	if err != nil {
		return nil, err
	}
	for i, word := range cands {
		c := score(word, float64(w.counts[word])*scale, float64(out.Node), float64(freqs[i]), float64(w.slots)*scale, float64(ref.words))
		c.Freq = freqs[i]
		switch r.By {
		case MeasureMI:
			c.Score = c.MI
		case MeasureLL:
			c.Score = c.LL
		default:
			c.Score = c.LogDice
		}
		out.Collocates = append(out.Collocates, c)
	}
	sort.Slice(out.Collocates, func(i, j int) bool {
		a, b := out.Collocates[i], out.Collocates[j]
		if a.Score != b.Score {
			return a.Score > b.Score
		}
		return a.Word < b.Word
	})
	out.Collocates = out.Collocates[:min(len(out.Collocates), r.Limit)]
	return out, nil
}

// sampleStep is k for reading every k-th article: 1 when the occurrences
// (known, or guessed at four an article when -1) are within the bound.
func sampleStep(known, articles int) int {
	occ := known
	if occ < 0 {
		occ = 4 * articles
	}
	if occ <= MaxCollocNodes {
		return 1
	}
	return (occ + MaxCollocNodes - 1) / MaxCollocNodes
}

// candidates are the words seen at least min times, the most often seen
// first, at most maxCandidates of them.
func candidates(counts map[string]int, least int) []string {
	var out []string
	for w, n := range counts {
		if n >= least {
			out = append(out, w)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if counts[out[i]] != counts[out[j]] {
			return counts[out[i]] > counts[out[j]]
		}
		return out[i] < out[j]
	})
	return out[:min(len(out), maxCandidates)]
}

// score computes the three measures of a word seen fxy times near a node
// of fx occurrences, with fy occurrences in a reference of n words, where
// the windows held slots words in all.
func score(word string, fxy, fx, fy, slots, n float64) Collocate {
	c := Collocate{Word: word, Count: int(math.Round(fxy))}
	if n <= 0 || fy <= 0 {
		return c
	}
	c.Expected = slots * fy / n
	c.LogDice = 14 + math.Log2(2*fxy/(fx+fy))
	if c.Expected > 0 {
		c.MI = math.Log2(fxy / c.Expected)
	}
	// Dunning's log-likelihood (G²) of the 2×2 table: in the windows or
	// not, the word or another.
	o11 := fxy
	o12 := math.Max(slots-fxy, 0)
	o21 := math.Max(fy-fxy, 0)
	o22 := math.Max(n-slots-o21, 0)
	total := o11 + o12 + o21 + o22
	g := 0.0
	for _, cell := range [][3]float64{
		{o11, o11 + o12, o11 + o21}, {o12, o11 + o12, o12 + o22},
		{o21, o21 + o22, o11 + o21}, {o22, o21 + o22, o12 + o22},
	} {
		if e := cell[1] * cell[2] / total; cell[0] > 0 && e > 0 {
			g += cell[0] * math.Log(cell[0]/e)
		}
	}
	c.LL = 2 * g
	if fxy < c.Expected {
		c.LL = -c.LL // fewer than chance: a negative association
	}
	return c
}

// windowCounts are the words counted around a node.
type windowCounts struct {
	counts map[string]int
	node   int // occurrences of the node
	slots  int // words in all the windows
}

// windows reads the articles and counts the words within width words of
// each occurrence of the needles, on every core.
func (e *Engine) windows(ctx context.Context, snap *snapshot, hits []dated, needles []needle, width int) (*windowCounts, error) {
	workers := min(runtime.GOMAXPROCS(0), max(1, len(hits)/32))
	parts := make([]windowCounts, workers)
	errs := make([]error, workers)
	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		next int
	)
	take := func() (int, int) {
		mu.Lock()
		defer mu.Unlock()
		from := next
		next = min(next+32, len(hits))
		return from, next
	}
	for wi := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			part := &parts[wi]
			part.counts = map[string]int{}
			for {
				from, to := take()
				if from >= to || ctx.Err() != nil {
					return
				}
				for _, h := range hits[from:to] {
					a, err := snap.article(h.num)
					if err != nil {
						errs[wi] = err
						return
					}
					for _, f := range textFields(a) {
						e.countWindows(part, f.name, f.text, needles, width)
					}
				}
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	all := &windowCounts{counts: map[string]int{}}
	for _, p := range parts {
		all.node += p.node
		all.slots += p.slots
		for w, n := range p.counts {
			all.counts[w] += n
		}
	}
	return all, nil
}

// countWindows counts the words around the needles in one field's text.
func (e *Engine) countWindows(into *windowCounts, fieldName, text string, needles []needle, width int) {
	if text == "" {
		return
	}
	var mine []string
	for _, n := range needles {
		if n.fields[fieldName] {
			mine = append(mine, n.text)
		}
	}
	if len(mine) == 0 {
		return
	}
	paras := []string{text}
	if fieldName == field.Body {
		paras = strings.Split(text, "\n")
	}
	for _, para := range paras {
		norm := segment.Normalize(para)
		for _, m := range matchSpans(norm, mine) {
			into.node++
			e.countWindow(into, norm, m[0], m[1], width)
		}
	}
}

// countWindow counts the words within width words of the occurrence
// [start, end) of normalised text. The text around it is cut as the whole
// text would be: the segmenter cuts each run of characters between
// separators on its own, so the piece cut reaches from a separator to a
// separator (or the text's ends). It reaches first about two characters
// a word out, and when that holds too few words on a side, four. Only
// where a run is longer than that is it cut short, and the word at the cut
// dropped, as it may be half a word. Words that overlap the occurrence are
// not counted.
func (e *Engine) countWindow(into *windowCounts, norm string, start, end, width int) {
	var left, right []segment.Token
	for _, span := range []int{2*width + 2, 4*width + 2} {
		from, cutL := before(norm, start, span)
		to, cutR := after(norm, end, span)
		toks := e.seg.Words(norm[from:to], segment.Query)
		if cutL && len(toks) > 0 && toks[0].Start == 0 {
			toks = toks[1:]
		}
		if cutR && len(toks) > 0 && toks[len(toks)-1].End == to-from {
			toks = toks[:len(toks)-1]
		}
		left, right = left[:0], right[:0]
		for _, t := range toks {
			switch {
			case from+t.End <= start:
				left = append(left, t)
			case from+t.Start >= end && len(right) < width:
				right = append(right, t)
			}
		}
		if (len(left) >= width || from == 0) && (len(right) >= width || to == len(norm)) {
			break
		}
	}
	for _, t := range left[max(0, len(left)-width):] {
		into.counts[t.Term]++
		into.slots++
	}
	for _, t := range right {
		into.counts[t.Term]++
		into.slots++
	}
}

// before returns the offset in s from which to cut the text before byte
// offset i: n characters back, then on back to a separator, at most n more;
// cut is set when that stopped inside a run of characters.
func before(s string, i, n int) (from int, cut bool) {
	j := i
	for k := 0; k < n && j > 0; k++ {
		_, w := utf8.DecodeLastRuneInString(s[:j])
		j -= w
	}
	for k := 0; k < n && j > 0; k++ {
		r, w := utf8.DecodeLastRuneInString(s[:j])
		if !isUnitRune(r) {
			return j, false
		}
		j -= w
	}
	return j, j > 0
}

// after returns the offset in s up to which to cut the text after byte
// offset i, the way before does.
func after(s string, i, n int) (to int, cut bool) {
	j := i
	for k := 0; k < n && j < len(s); k++ {
		_, w := utf8.DecodeRuneInString(s[j:])
		j += w
	}
	for k := 0; k < n && j < len(s); k++ {
		r, w := utf8.DecodeRuneInString(s[j:])
		if !isUnitRune(r) {
			return j, false
		}
		j += w
	}
	return j, j < len(s)
}

// isUnitRune reports whether r is searched for (a letter, digit or Chinese
// character) rather than a separator.
func isUnitRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }

package search

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	bq "github.com/blevesearch/bleve/v2/search/query"

	"baoku/indexer"
	"baoku/indexer/field"
)

// Trend granularities.
const (
	ByYear  = "year"
	ByMonth = "month"
	ByDay   = "day"
)

// Trend limits.
const (
	// MaxTrendQueries is the most queries compared on one chart.
	MaxTrendQueries = 8
	// MaxBuckets bounds the buckets of a trend (by day, 27 years).
	MaxBuckets = 10000
)

// TrendRequest asks how often queries were printed over time.
type TrendRequest struct {
	// Request holds the filters (From, To, Filters); its Query is
	// ignored when Queries is set, and used when it is not.
	Request
	// Queries are compared on one chart, each a series.
	Queries []string
	// By is ByYear (default), ByMonth or ByDay.
	By string
}

// TrendBucket is one year, month or day of a series.
type TrendBucket struct {
	// Key is YYYY, YYYY-MM or YYYY-MM-DD.
	Key string `json:"key"`
	// Count is the number of articles of the bucket that match the
	// query (and the filters): Search's total for the same bucket.
	Count int `json:"count"`
	// Total is the number of articles of the bucket under the filters
	// alone: the denominator.
	Total int `json:"total"`
	// Per10k is Count / Total × 10,000; 0 when Total is 0.
	Per10k float64 `json:"per10k"`
	// Sparse marks a bucket where the archive holds few or no articles
	// (fewer than TrendResult.SparseBelow): its rate says little.
	Sparse bool `json:"sparse,omitempty"`
	// Words is the count a word-only system would give (see
	// wordview.go); -1 while the dictionary loads.
	Words int `json:"words"`
	// Front counts the matching articles on a front page (头版) and
	// Headline those with the query in a headline line: the query's
	// prominence.
	Front    int `json:"front"`
	Headline int `json:"headline"`
}

// TrendSeries is the trend of one query.
type TrendSeries struct {
	Query   string        `json:"query"`
	Count   int           `json:"count"`
	Words   int           `json:"words"`
	Buckets []TrendBucket `json:"buckets"`
	// Differs is set when the word view's count differs from the
	// character view's in some bucket.
	Differs bool `json:"differs,omitempty"`
}

// TrendResult is the answer to a TrendRequest.
type TrendResult struct {
	By string `json:"by"`
	// From and To are the first and last day of the range counted.
	From string `json:"from"`
	To   string `json:"to"`
	// Buckets are the first series' (the only one, usually).
	Buckets []TrendBucket `json:"buckets"`
	Series  []TrendSeries `json:"series"`
	// SparseBelow is the total under which a bucket is marked sparse: a
	// tenth of the median total of the buckets that have articles.
	SparseBelow int     `json:"sparse_below"`
	TookMS      float64 `json:"took_ms"`
}

// Trend counts, for each query, the matching articles of each year, month
// or day of the range, with the articles of the bucket under the same
// filters as the denominator. The range is From..To when given, else the
// dates of the articles under the filters; every bucket of it is listed,
// empty ones too.
func (e *Engine) Trend(ctx context.Context, r TrendRequest) (*TrendResult, error) {
	start := time.Now()
	queries := r.Queries
	if len(queries) == 0 && strings.TrimSpace(r.Query) != "" {
		queries = []string{r.Query}
	}
	if len(queries) == 0 {
		return nil, fmt.Errorf("%w: q: give a query to count", ErrBadRequest)
	}
	if len(queries) > MaxTrendQueries {
		return nil, fmt.Errorf("%w: q: at most %d queries on one chart, not %d", ErrBadRequest, MaxTrendQueries, len(queries))
	}
	by, err := bucketing(r.By)
	if err != nil {
		return nil, err
	}
	preps := make([]*prepared, len(queries))
	for i, q := range queries {
		req := r.Request
		req.Query = q
		if preps[i], err = e.prepare(req); err != nil {
			return nil, fmt.Errorf("q %q: %w", q, err)
		}
	}
	totals := map[int64]int{}
	var first, last int64
	var once func(int, uint64, int64) bool
	if _, err := e.walk(ctx, preps[0].denominator(), false, func(v *view, seg int, local, _ uint64) {
		d := v.segs[seg].dates[local]
		if once == nil {
			once = e.onceEach(v)
		}
		if once(seg, local, by.key(d)) {
			totals[by.key(d)]++ // an article printed twice counts once
		}
		if first == 0 || d < first {
			first = d
		}
		last = max(last, d)
	}); err != nil {
		return nil, err
	}
	res := &TrendResult{By: by.name}
	if r.From != "" {
		first = dateNumber([]byte(r.From))
	}
	if r.To != "" {
		last = dateNumber([]byte(r.To))
	}
	keys, err := by.keys(first, last)
	if err != nil {
		return nil, err
	}
	if first > 0 {
		res.From, res.To = dateOf(first), dateOf(last)
	}
	res.SparseBelow = sparseBelow(keys, totals)
	for i, p := range preps {
		s, err := e.series(ctx, p, by, keys, totals, res.SparseBelow)
		if err != nil {
			return nil, fmt.Errorf("q %q: %w", queries[i], err)
		}
		res.Series = append(res.Series, *s)
	}
	res.Buckets = res.Series[0].Buckets
	res.TookMS = float64(time.Since(start).Microseconds()) / 1000
	return res, nil
}

// series counts one query's buckets: its hits, those in the word view,
// those on a front page and those with the query in a headline.
func (e *Engine) series(ctx context.Context, p *prepared, by bucketer, keys []int64, totals map[int64]int, sparse int) (*TrendSeries, error) {
	count, words, front, head := map[int64]int{}, map[int64]int{}, map[int64]int{}, map[int64]int{}
	var fronts []bool // the facet ordinals of front pages
	var once, onceFront func(int, uint64, int64) bool
	if _, err := e.walk(ctx, p.query(), false, func(v *view, seg int, local, _ uint64) {
		st := v.segs[seg]
		if fronts == nil {
			fronts = facetOf(v, field.Page, IsFrontPage)
			once, onceFront = e.onceEach(v), e.onceEach(v)
		}
		k := by.key(st.dates[local])
		if once(seg, local, k) {
			count[k]++ // an article printed twice counts once
		}
		if st.has(local, fronts) && onceFront(seg, local, k) {
			front[k]++
		}
	}); err != nil {
		return nil, err
	}
	wq, err := p.c.wordQuery(p.parsed)
	if err != nil {
		return nil, err
	}
	if wq != nil {
		if err := e.countInto(ctx, p.with(wq), by, words); err != nil {
			return nil, err
		}
	}
	if hq, err := p.headlineQuery(); err != nil {
		return nil, err
	} else if hq != nil {
		if err := e.countInto(ctx, p.with(hq), by, head); err != nil {
			return nil, err
		}
	}
	s := &TrendSeries{Query: p.req.Query, Buckets: make([]TrendBucket, 0, len(keys))}
	if wq == nil {
		s.Words = -1
	}
	for _, k := range keys {
		b := TrendBucket{Key: by.format(k), Count: count[k], Total: totals[k], Front: front[k], Headline: head[k], Words: -1}
		if b.Total > 0 {
			b.Per10k = float64(b.Count) / float64(b.Total) * 10000
		}
		b.Sparse = b.Total < sparse
		if wq != nil {
			b.Words = words[k]
			s.Words += b.Words
			s.Differs = s.Differs || b.Words != b.Count
		}
		s.Count += b.Count
		s.Buckets = append(s.Buckets, b)
	}
	return s, nil
}

// countInto adds a query's hits to the counts of their buckets, an
// article printed twice once.
func (e *Engine) countInto(ctx context.Context, q bq.Query, by bucketer, into map[int64]int) error {
	var once func(int, uint64, int64) bool
	_, err := e.walk(ctx, q, false, func(v *view, seg int, local, _ uint64) {
		if once == nil {
			once = e.onceEach(v)
		}
		if k := by.key(v.segs[seg].dates[local]); once(seg, local, k) {
			into[k]++
		}
	})
	return err
}

// sparseBelow is a tenth of the median total of the buckets with
// articles, at least 1: buckets below it are marked sparse.
func sparseBelow(keys []int64, totals map[int64]int) int {
	var ts []int
	for _, k := range keys {
		if t := totals[k]; t > 0 {
			ts = append(ts, t)
		}
	}
	if len(ts) == 0 {
		return 1
	}
	slices.Sort(ts)
	return max(1, ts[len(ts)/2]/10)
}

// bucketer maps dates to the buckets of a granularity.
type bucketer struct {
	name string
	div  int64 // a date number YYYYMMDD divided by it is the bucket
}

func bucketing(by string) (bucketer, error) {
	switch by {
	case "", ByYear:
		return bucketer{ByYear, 10000}, nil
	case ByMonth:
		return bucketer{ByMonth, 100}, nil
	case ByDay:
		return bucketer{ByDay, 1}, nil
	}
	return bucketer{}, fmt.Errorf("%w: by must be year, month or day, not %q", ErrBadRequest, by)
}

// key is the bucket of a date number.
func (b bucketer) key(date int64) int64 { return date / b.div }

// format writes a bucket as YYYY, YYYY-MM or YYYY-MM-DD.
func (b bucketer) format(k int64) string {
	switch b.div {
	case 10000:
		return fmt.Sprintf("%04d", k)
	case 100:
		return fmt.Sprintf("%04d-%02d", k/100, k%100)
	}
	return dateOf(k)
}

// keys lists every bucket from the one of first to the one of last.
func (b bucketer) keys(first, last int64) ([]int64, error) {
	if first == 0 || last < first {
		return nil, nil
	}
	t, err := time.Parse(indexer.DateLayout, dateOf(first))
	if err != nil {
		return nil, fmt.Errorf("%w: from: %v", ErrBadRequest, err)
	}
	end := b.key(last)
	var keys []int64
	for {
		k := b.key(int64(t.Year()*10000 + int(t.Month())*100 + t.Day()))
		keys = append(keys, k)
		if k >= end {
			return keys, nil
		}
		if len(keys) >= MaxBuckets {
			return nil, fmt.Errorf("%w: more than %d buckets by %s; narrow from/to or count by a longer period", ErrBadRequest, MaxBuckets, b.name)
		}
		switch b.div {
		case 10000:
			t = time.Date(t.Year()+1, 1, 1, 0, 0, 0, 0, time.UTC)
		case 100:
			t = time.Date(t.Year(), t.Month()+1, 1, 0, 0, 0, 0, time.UTC)
		default:
			t = t.AddDate(0, 0, 1)
		}
	}
}

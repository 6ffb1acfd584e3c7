package bench

import (
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"slices"
	"sync"
	"time"
	"unicode/utf8"

	"baoku/indexer/article"
	"baoku/segment"
)

// benchQuery is one query of the mix, written for each engine: Baoku's query
// language and bleve's query string syntax (where + makes a term required,
// as Baoku's words all are).
type benchQuery struct {
	Kind     string `json:"kind"`
	Baoku    string `json:"baoku"`
	Baseline string `json:"baseline"`
}

// Kinds of query in the mix.
const (
	kindWord   = "word"
	kindWords  = "two words"
	kindPhrase = "phrase"
	kindChar   = "character"
)

var queryKinds = []string{kindWord, kindWords, kindPhrase, kindChar}

// buildMix draws perKind queries of each kind from the articles with a fixed
// seed: words cut from headlines, a phrase of 3 to 6 characters from a body,
// a single character of a headline.
func buildMix(arts []*article.Article, seg *segment.Segmenter, perKind int) []benchQuery {
	rng := rand.New(rand.NewPCG(2012, 2026))
	pick := func() *article.Article { return arts[rng.IntN(len(arts))] }
	words := func(a *article.Article) []string {
		var ws []string
		for _, t := range seg.Words(segment.Normalize(a.Headline), segment.Query) {
			if n := utf8.RuneCountInString(t.Term); n >= 2 && allHan(t.Term) {
				ws = append(ws, t.Term)
			}
		}
		return ws
	}
	var mix []benchQuery
	add := func(kind, baoku, baseline string) {
		mix = append(mix, benchQuery{Kind: kind, Baoku: baoku, Baseline: baseline})
	}
	for i := 0; i < perKind; i++ {
		for tries := 0; tries < 100; tries++ {
			if ws := words(pick()); len(ws) > 0 {
				w := ws[rng.IntN(len(ws))]
				add(kindWord, w, "+"+w)
				break
			}
		}
		for tries := 0; tries < 100; tries++ {
			if ws := words(pick()); len(ws) >= 2 {
				i := rng.IntN(len(ws) - 1)
				j := i + 1 + rng.IntN(len(ws)-i-1)
				add(kindWords, ws[i]+" "+ws[j], "+"+ws[i]+" +"+ws[j])
				break
			}
		}
		for tries := 0; tries < 100; tries++ {
			if p := hanRun(segment.Normalize(pick().Body), rng, 3+rng.IntN(4)); p != "" {
				add(kindPhrase, `"`+p+`"`, `+"`+p+`"`)
				break
			}
		}
		for tries := 0; tries < 100; tries++ {
			if c := hanRun(segment.Normalize(pick().Headline), rng, 1); c != "" {
				add(kindChar, c, "+"+c)
				break
			}
		}
	}
	return mix
}

func allHan(s string) bool {
	for _, r := range s {
		if !segment.IsHan(r) {
			return false
		}
	}
	return s != ""
}

// hanRun returns n consecutive Chinese characters from a random place in
// text, or "" when there is no such run where it looked.
func hanRun(text string, rng *rand.Rand, n int) string {
	rs := []rune(text)
	if len(rs) < n {
		return ""
	}
	i := rng.IntN(len(rs) - n + 1)
	s := string(rs[i : i+n])
	if !allHan(s) {
		return ""
	}
	return s
}

// path is the request of q for an engine.
func (q benchQuery) path(baseline bool) string {
	text := q.Baoku
	if baseline {
		text = q.Baseline
	}
	return "/api/search?size=10&q=" + url.QueryEscape(text)
}

func newClient(conns int) *http.Client {
	return &http.Client{
		Timeout:   30 * time.Second,
		Transport: &http.Transport{MaxIdleConnsPerHost: conns, DisableCompression: true},
	}
}

// do sends one request and reads the whole answer; total is the number of
// hits the answer reports when decode is set.
func do(c *http.Client, u string, decode bool) (d time.Duration, total uint64, err error) {
	start := time.Now()
	resp, err := c.Get(u)
	if err != nil {
		return 0, 0, err
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	d = time.Since(start)
	if err != nil {
		return 0, 0, err
	}
	if resp.StatusCode != http.StatusOK {
		return 0, 0, fmt.Errorf("GET %s: status %d: %s", u, resp.StatusCode, tail(string(body), 300))
	}
	if decode {
		var r struct {
			Total uint64 `json:"total"`
		}
		if err := json.Unmarshal(body, &r); err != nil {
			return 0, 0, fmt.Errorf("GET %s: %w", u, err)
		}
		total = r.Total
	}
	return d, total, nil
}

func drain(resp *http.Response) {
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
}

// latency summarises durations.
type latency struct {
	N     int     `json:"n"`
	P50MS float64 `json:"p50_ms"`
	P99MS float64 `json:"p99_ms"`
	MaxMS float64 `json:"max_ms"`
}

func summarize(ds []time.Duration) latency {
	if len(ds) == 0 {
		return latency{}
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	q := func(p float64) float64 {
		i := int(p*float64(len(s))+0.5) - 1
		i = max(0, min(len(s)-1, i))
		return float64(s[i].Microseconds()) / 1000
	}
	return latency{N: len(s), P50MS: q(0.50), P99MS: q(0.99), MaxMS: q(1)}
}

// singleClient runs the mix once, one request at a time, and returns the
// latencies overall and by kind, and the mean hits by kind.
func singleClient(c *http.Client, base string, mix []benchQuery, baseline bool) (latency, map[string]latency, map[string]float64, error) {
	var all []time.Duration
	byKind := map[string][]time.Duration{}
	hits := map[string]float64{}
	for _, q := range mix {
		d, total, err := do(c, base+q.path(baseline), true)
		if err != nil {
			return latency{}, nil, nil, err
		}
		all = append(all, d)
		byKind[q.Kind] = append(byKind[q.Kind], d)
		hits[q.Kind] += float64(total)
	}
	kinds := map[string]latency{}
	for k, ds := range byKind {
		kinds[k] = summarize(ds)
		hits[k] /= float64(len(ds))
	}
	return summarize(all), kinds, hits, nil
}

// throughput runs the mix rounds times over with clients concurrent
// clients, each starting at a different place, and returns queries per
// second and the latencies. It stops early at limit.
func throughput(c *http.Client, base string, mix []benchQuery, baseline bool, clients, rounds int, limit time.Duration) (float64, latency, error) {
	var (
		mu   sync.Mutex
		all  []time.Duration
		ferr error
		wg   sync.WaitGroup
	)
	start := time.Now()
	deadline := start.Add(limit)
	for w := 0; w < clients; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			var mine []time.Duration
			n := rounds * len(mix)
			for i := 0; i < n && time.Now().Before(deadline); i++ {
				q := mix[(w*len(mix)/clients+i)%len(mix)]
				d, _, err := do(c, base+q.path(baseline), false)
				if err != nil {
					mu.Lock()
					ferr = err
					mu.Unlock()
					return
				}
				mine = append(mine, d)
			}
			mu.Lock()
			all = append(all, mine...)
			mu.Unlock()
		}(w)
	}
	wg.Wait()
	el := time.Since(start)
	if ferr != nil {
		return 0, latency{}, ferr
	}
	return float64(len(all)) / el.Seconds(), summarize(all), nil
}

package bench

import (
	"fmt"
	"io"
	"net/http"
	"slices"
	"sync"
	"time"
)

func newClient(conns int) *http.Client {
	return &http.Client{
		Timeout:   30 * time.Second,
		Transport: &http.Transport{MaxIdleConnsPerHost: conns, DisableCompression: true},
	}
}

// do sends one request and reads the whole answer; it is decoded by e
// when e is not nil.
func do(c *http.Client, u string, e engine) (time.Duration, answer, error) {
	start := time.Now()
	resp, err := c.Get(u)
	if err != nil {
		return 0, answer{}, err
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	d := time.Since(start)
	if err != nil {
		return 0, answer{}, err
	}
	if resp.StatusCode != http.StatusOK {
		return 0, answer{}, fmt.Errorf("GET %s: status %d: %s", u, resp.StatusCode, tail(string(body), 300))
	}
	if e == nil {
		return d, answer{}, nil
	}
	ans, err := e.decode(body)
	if err != nil {
		return 0, answer{}, fmt.Errorf("GET %s: %w", u, err)
	}
	return d, ans, nil
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

// pass is one client's run through the mix.
type pass struct {
	all     latency
	byKind  map[string]latency
	hits    map[string]float64 // mean total by kind
	answers []answer           // the first page of each query
}

// singleClient runs the mix once, one request at a time, 10 hits a query,
// and returns the latencies overall and by kind, the mean hits by kind and
// the answers.
func singleClient(c *http.Client, base string, e engine, mix []benchQuery) (pass, error) {
	var all []time.Duration
	byKind := map[string][]time.Duration{}
	p := pass{byKind: map[string]latency{}, hits: map[string]float64{}}
	for _, q := range mix {
		d, ans, err := do(c, base+e.request(q, 10, 0, false), e)
		if err != nil {
			return pass{}, err
		}
		all = append(all, d)
		byKind[q.Kind] = append(byKind[q.Kind], d)
		p.hits[q.Kind] += float64(ans.total)
		p.answers = append(p.answers, ans)
	}
	for k, ds := range byKind {
		p.byKind[k] = summarize(ds)
		p.hits[k] /= float64(len(ds))
	}
	p.all = summarize(all)
	return p, nil
}

// fetchLimit is the largest answer whose IDs are fetched to compare with
// the truth; larger ones are compared by their totals.
const fetchLimit = 1000

// allIDs fetches the IDs of every hit of q, page by page, when there are
// at most fetchLimit of them (total is from the first page); nil otherwise.
func allIDs(c *http.Client, base string, e engine, q benchQuery, total uint64) ([]string, error) {
	if total > fetchLimit {
		return nil, nil
	}
	ids := []string{}
	size := min(e.pageMax(), fetchLimit)
	for off := 0; off < int(total); off += size {
		_, ans, err := do(c, base+e.request(q, size, off, true), e)
		if err != nil {
			return nil, err
		}
		ids = append(ids, ans.ids...)
		if len(ans.ids) < size {
			break
		}
	}
	return ids, nil
}

// judgeMix compares the engine's answers to the mix (first pages from
// singleClient) with the true ones and sums the verdicts by kind.
func judgeMix(c *http.Client, base string, e engine, mix []benchQuery, first []answer, truth []map[string]bool) (map[string]accuracy, error) {
	tallies := map[string]*tally{}
	for i, q := range mix {
		ids, err := allIDs(c, base, e, q, first[i].total)
		if err != nil {
			return nil, err
		}
		if tallies[q.Kind] == nil {
			tallies[q.Kind] = &tally{}
		}
		tallies[q.Kind].add(judge(truth[i], first[i].total, ids), len(truth[i]))
	}
	out := map[string]accuracy{}
	for k, t := range tallies {
		out[k] = t.accuracy()
	}
	return out, nil
}

// throughput runs the mix rounds times over with clients concurrent
// clients, each starting at a different place, and returns queries per
// second and the latencies. It stops early at limit.
func throughput(c *http.Client, base string, e engine, mix []benchQuery, clients, rounds int, limit time.Duration) (float64, latency, error) {
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
				d, _, err := do(c, base+e.request(q, 10, 0, false), nil)
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

package bench

import (
	"runtime"
	"sort"
	"strings"
	"sync"

	"baoku/indexer/article"
	"baoku/segment"
)

// The true answer to a query of the mix is found by brute force: a scan of
// the stories' normalised text (segment.Normalize of the kicker, headline,
// subtitle and body, the fields a query searches) for each of its terms.
// A term matches inside one paragraph of one field, never across a line
// break, as in every engine measured.

// haystack is the normalised text of a set of stories, one after the other,
// each field ended by a line break.
type haystack struct {
	text   string
	starts []int    // byte offset where story i begins
	ids    []string // story i's ID
}

// newHaystack normalises the articles' searched fields.
func newHaystack(arts []*article.Article) *haystack {
	h := &haystack{starts: make([]int, len(arts)), ids: make([]string, len(arts))}
	var b strings.Builder
	for i, a := range arts {
		h.starts[i], h.ids[i] = b.Len(), a.ID
		for _, f := range []string{a.Kicker, a.Headline, a.Subtitle, a.Body} {
			b.WriteString(segment.Normalize(f))
			b.WriteByte('\n')
		}
	}
	h.text = b.String()
	return h
}

// find returns the stories whose text contains s, in order.
func (h *haystack) find(s string) []int {
	var got []int
	for pos := 0; pos < len(h.text); {
		i := strings.Index(h.text[pos:], s)
		if i < 0 {
			break
		}
		story := sort.SearchInts(h.starts, pos+i+1) - 1
		got = append(got, story)
		if story+1 == len(h.starts) {
			break
		}
		pos = h.starts[story+1]
	}
	return got
}

// truth returns the IDs of the stories that contain every term of q.
func (h *haystack) truth(q benchQuery) map[string]bool {
	var hits []int
	for i, t := range q.Terms {
		found := h.find(t)
		if i == 0 {
			hits = found
			continue
		}
		hits = intersect(hits, found)
	}
	ids := make(map[string]bool, len(hits))
	for _, s := range hits {
		ids[h.ids[s]] = true
	}
	return ids
}

// intersect returns the numbers in both sorted lists.
func intersect(a, b []int) []int {
	var out []int
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			out = append(out, a[i])
			i++
			j++
		}
	}
	return out
}

// truths finds the true answers to the queries on every core.
func (h *haystack) truths(mix []benchQuery) []map[string]bool {
	out := make([]map[string]bool, len(mix))
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < runtime.NumCPU(); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i] = h.truth(mix[i])
			}
		}()
	}
	for i := range mix {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}

// verdict is how one answer compares with the truth.
type verdict struct {
	recall, precision float64
	exact             bool
	byIDs             bool // the answer's IDs were compared; otherwise its total
}

// judge compares an engine's answer with the true set: by the IDs when the
// engine returned them all (ids non-nil), by the total otherwise (then the
// shorter of the two counts is taken as found by both). An empty answer has
// no wrong hits: its precision is 1.
func judge(truth map[string]bool, total uint64, ids []string) verdict {
	t := float64(len(truth))
	if ids != nil {
		got := map[string]bool{}
		both := 0
		for _, id := range ids {
			if !got[id] {
				got[id] = true
				if truth[id] {
					both++
				}
			}
		}
		v := verdict{byIDs: true, exact: both == len(truth) && both == len(got)}
		v.recall, v.precision = ratio(float64(both), t), ratio(float64(both), float64(len(got)))
		return v
	}
	n := float64(total)
	both := min(n, t)
	return verdict{recall: ratio(both, t), precision: ratio(both, n), exact: n == t}
}

// ratio is a/b, 1 when b is 0.
func ratio(a, b float64) float64 {
	if b == 0 {
		return 1
	}
	return a / b
}

// accuracy sums the verdicts on the queries of one kind.
type accuracy struct {
	Queries   int     `json:"queries"`
	ByIDs     int     `json:"by_ids"`    // compared by IDs, the others by totals
	TrueHits  float64 `json:"true_hits"` // mean size of the true answer
	Recall    float64 `json:"recall"`    // mean over the queries
	Precision float64 `json:"precision"` // mean over the queries
	Exact     float64 `json:"exact"`     // share of the queries answered exactly
}

// tally keeps the running sums behind an accuracy.
type tally struct {
	n, byIDs, exact          int
	trueHits, rec, precision float64
}

func (t *tally) add(v verdict, trueHits int) {
	t.n++
	t.trueHits += float64(trueHits)
	t.rec += v.recall
	t.precision += v.precision
	if v.exact {
		t.exact++
	}
	if v.byIDs {
		t.byIDs++
	}
}

func (t *tally) accuracy() accuracy {
	if t.n == 0 {
		return accuracy{}
	}
	n := float64(t.n)
	return accuracy{
		Queries: t.n, ByIDs: t.byIDs, TrueHits: t.trueHits / n,
		Recall: t.rec / n, Precision: t.precision / n, Exact: float64(t.exact) / n,
	}
}

package search

import (
	"context"
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"baoku/indexer/article"
	"baoku/indexer/field"
	"baoku/segment"
)

// bruteWindows counts the words within width words of each occurrence of
// phrase, cutting each paragraph whole.
func bruteWindows(e *Engine, arts []*article.Article, phrase string, width int, f Request) (counts map[string]int, node, slots int) {
	counts = map[string]int{}
	norm := segment.Normalize(phrase)
	for _, a := range arts {
		if !inFilters(a, f) || !containsText(a, phrase) {
			continue
		}
		for _, text := range fieldTexts(a) {
			for _, para := range strings.Split(text, "\n") {
				p := segment.Normalize(para)
				toks := e.seg.Words(p, segment.Query)
				for i := range p {
					if !strings.HasPrefix(p[i:], norm) {
						continue
					}
					node++
					end := i + len(norm)
					var left, right []string
					for _, t := range toks {
						if t.End <= i {
							left = append(left, t.Term)
						} else if t.Start >= end && len(right) < width {
							right = append(right, t.Term)
						}
					}
					for _, w := range append(left[max(0, len(left)-width):], right...) {
						counts[w]++
						slots++
					}
				}
			}
		}
	}
	return counts, node, slots
}

// bruteReference counts the words of the articles under the filters as
// the index's word view has them, and a word's frequency there.
func bruteReference(e *Engine, arts []*article.Article, f Request) (freq map[string]int, words int) {
	freq = map[string]int{}
	for _, a := range arts {
		if !inFilters(a, f) {
			continue
		}
		for _, text := range fieldTexts(a) {
			for _, t := range e.seg.Words(segment.Normalize(text), segment.Index) {
				freq[t.Term]++
				words++
			}
		}
	}
	return freq, words
}

// TestCollocatesBruteForce checks counts, frequencies, expected counts
// and the three measures against a scan of the articles.
func TestCollocatesBruteForce(t *testing.T) {
	e, arts := researchEngine(t)
	ctx := context.Background()
	for _, tc := range []struct {
		phrase string
		window int
		f      Request
	}{
		{"黄河", 2, Request{}},
		{"古镇", 3, Request{Filters: map[string][]string{field.Paper: {"人民日报"}}}},
		{"公安局", 1, Request{From: "2020-01-01", To: "2021-12-31"}},
	} {
		t.Run(tc.phrase, func(t *testing.T) {
			r := tc.f
			r.Query = `"` + tc.phrase + `"`
			res, err := e.Collocates(ctx, CollocRequest{Request: r, Window: tc.window, Min: 1, Limit: MaxCollocates, All: true})
			if err != nil {
				t.Fatal(err)
			}
			counts, node, slots := bruteWindows(e, arts, tc.phrase, tc.window, tc.f)
			freq, words := bruteReference(e, arts, tc.f)
			if res.Node != node || res.Words != words || res.Sample != nil {
				t.Errorf("node %d, words %d, sample %v; brute force %d, %d", res.Node, res.Words, res.Sample, node, words)
			}
			got := map[string]int{}
			for _, c := range res.Collocates {
				got[c.Word] = c.Count
				want := score(c.Word, float64(counts[c.Word]), float64(node), float64(freq[c.Word]), float64(slots), float64(words))
				if c.Freq != freq[c.Word] || !near(c.Expected, want.Expected) || !near(c.LogDice, want.LogDice) || !near(c.MI, want.MI) || !near(c.LL, want.LL) {
					t.Errorf("%s: freq %d expected %.3f logDice %.3f MI %.3f LL %.3f; brute force freq %d expected %.3f logDice %.3f MI %.3f LL %.3f",
						c.Word, c.Freq, c.Expected, c.LogDice, c.MI, c.LL, freq[c.Word], want.Expected, want.LogDice, want.MI, want.LL)
				}
				if c.Score != c.LogDice {
					t.Errorf("%s: score %v is not the logDice %v", c.Word, c.Score, c.LogDice)
				}
			}
			if diff := cmp.Diff(counts, got); diff != "" {
				t.Errorf("window counts (-brute force +got):\n%s", diff)
			}
			for i := 1; i < len(res.Collocates); i++ {
				if res.Collocates[i].Score > res.Collocates[i-1].Score {
					t.Errorf("collocates not ordered by score at %d", i)
				}
			}
		})
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9*math.Max(1, math.Abs(b)) }

// TestCollocateScores checks the measures on a table worked by hand:
// a word seen 10 times in 100 window words, 50 times in 10,000 words, near
// a node of 20 occurrences.
func TestCollocateScores(t *testing.T) {
	c := score("w", 10, 20, 50, 100, 10000)
	if !near(c.Expected, 0.5) || !near(c.MI, math.Log2(20)) || !near(c.LogDice, 14+math.Log2(20.0/70)) {
		t.Errorf("expected %v MI %v logDice %v", c.Expected, c.MI, c.LogDice)
	}
	// G² = 2 Σ O ln(O/E) over the four cells.
	o := []float64{10, 90, 40, 9860}
	e := []float64{100 * 50 / 10000.0, 100 * 9950 / 10000.0, 9900 * 50 / 10000.0, 9900 * 9950 / 10000.0}
	g := 0.0
	for i := range o {
		g += o[i] * math.Log(o[i]/e[i])
	}
	if !near(c.LL, 2*g) {
		t.Errorf("LL %v, by hand %v", c.LL, 2*g)
	}
	if rare := score("w", 1, 20, 5000, 100, 10000); rare.LL >= 0 || rare.MI >= 0 {
		t.Errorf("a word rarer near the node than elsewhere: LL %v MI %v, want both negative", rare.LL, rare.MI)
	}
}

// TestCollocatesCompare checks that the second period is counted as a
// request for that period alone would be.
func TestCollocatesCompare(t *testing.T) {
	e, _ := researchEngine(t)
	ctx := context.Background()
	r := CollocRequest{Request: Request{Query: `"黄河"`, From: "2019-01-01", To: "2020-12-31"}, CompareFrom: "2022-01-01", CompareTo: "2023-12-31", By: MeasureMI}
	res, err := e.Collocates(ctx, r)
	if err != nil {
		t.Fatal(err)
	}
	alone, err := e.Collocates(ctx, CollocRequest{Request: Request{Query: `"黄河"`, From: "2022-01-01", To: "2023-12-31"}, By: MeasureMI})
	if err != nil {
		t.Fatal(err)
	}
	if res.Compare == nil {
		t.Fatal("no second period")
	}
	if diff := cmp.Diff(alone.CollocPeriod, *res.Compare); diff != "" {
		t.Errorf("second period differs from asking for it alone (-alone +compare):\n%s", diff)
	}
	if res.From != "2019-01-01" || res.Compare.From != "2022-01-01" || len(res.Collocates) == 0 {
		t.Errorf("periods %s and %s, %d collocates", res.From, res.Compare.From, len(res.Collocates))
	}
	for _, c := range res.Collocates {
		if c.Score != c.MI {
			t.Errorf("%s: score %v is not MI %v", c.Word, c.Score, c.MI)
		}
	}
}

// TestSampleStep checks when and how sparsely a period is sampled.
func TestSampleStep(t *testing.T) {
	for _, tc := range []struct{ known, articles, want int }{
		{MaxCollocNodes, 100, 1}, {MaxCollocNodes + 1, 100, 2}, {5 * MaxCollocNodes, 100, 5},
		{-1, MaxCollocNodes / 4, 1}, {-1, MaxCollocNodes, 4},
	} {
		if got := sampleStep(tc.known, tc.articles); got != tc.want {
			t.Errorf("sampleStep(%d, %d) = %d, want %d", tc.known, tc.articles, got, tc.want)
		}
	}
}

// TestCollocatesErrors checks the parameters' bounds.
func TestCollocatesErrors(t *testing.T) {
	e, _ := researchEngine(t)
	for _, tc := range []struct {
		r    CollocRequest
		want string
	}{
		{CollocRequest{Request: Request{Query: "黄河"}, Window: 11}, "window must be 1 to 10"},
		{CollocRequest{Request: Request{Query: "黄河"}, By: "chi2"}, "by must be logdice, mi or ll"},
		{CollocRequest{Request: Request{Query: "黄河"}, Min: -1}, "min must be 1 or more"},
		{CollocRequest{Request: Request{Query: "paper:吕梁日报"}}, "need words"},
		{CollocRequest{Request: Request{Query: "黄河"}, CompareFrom: "2020-02-30"}, "compare"},
	} {
		_, err := e.Collocates(context.Background(), tc.r)
		if err == nil || !strings.Contains(err.Error(), tc.want) || !IsBadRequest(err) {
			t.Errorf("%+v: error %v, want a bad request saying %q", tc.r, err, tc.want)
		}
	}
}

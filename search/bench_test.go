package search

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
	bq "github.com/blevesearch/bleve/v2/search/query"
	"github.com/google/go-cmp/cmp"

	"baoku/indexer"
	"baoku/indexer/article"
	"baoku/indexer/field"
	"baoku/search/query"
	"baoku/segment"
)

// benchSentences are the material of the synthetic articles searched by the
// benchmarks; the queries below are drawn from them.
var benchSentences = []string{
	"7月21日，记者从吕梁市公安局夏季治安打击整治行动新闻发布会上获悉，检查车辆13760台次。",
	"吕梁是国内公认的铝镁新材料产业发展优势区域，东义镁业发展金属镁链条。",
	"中华人民共和国成立七十多年来，人民生活显著改善。",
	"夜幕降临的碛口古镇，游客在广州路上散步，臺灣同胞也来了。",
	"APEC会议代表参观了高质量发展的新材料产业链。",
	"北京、上海、广州、惠州的记者召开会议，报道产业稳步壮大。",
	"我市公安安全工作会议召开，部署夏季行动。",
	"本报讯 台湾同胞参观碛口古镇，感受黄河文化。",
}

var benchPapers = []string{"吕梁日报", "人民日报", "新民晚报", "新闻联播"}

// benchEngine returns an engine over an in-memory index of n synthetic
// articles (a fixed seed, the test dictionary).
func benchEngine(b testing.TB, n int) *Engine {
	b.Helper()
	ix, err := indexer.NewMem(indexer.Options{Dict: segment.DictTest})
	if err != nil {
		b.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	w := indexer.NewWriter(ix, 500)
	for i := 0; i < n; i++ {
		var body strings.Builder
		for p := 0; p < 2+rng.IntN(4); p++ {
			for s := 0; s < 1+rng.IntN(3); s++ {
				body.WriteString(benchSentences[rng.IntN(len(benchSentences))])
			}
			body.WriteString("\n")
		}
		head := []rune(benchSentences[rng.IntN(len(benchSentences))])
		a := &article.Article{
			ID: fmt.Sprintf("b%05d", i), Paper: benchPapers[rng.IntN(len(benchPapers))],
			Date:     fmt.Sprintf("%d-%02d-%02d", 2012+rng.IntN(14), 1+rng.IntN(12), 1+rng.IntN(28)),
			Page:     fmt.Sprint(1 + rng.IntN(8)),
			Section:  []string{"要闻", "国际", "上海新闻", "综合"}[rng.IntN(4)],
			Headline: string(head[:min(len(head), 14)]),
			Body:     body.String(),
		}
		if err := w.Add(a); err != nil {
			b.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	e := New(ix)
	if err := e.Warm(); err != nil {
		b.Fatal(err)
	}
	return e
}

// benchQueries are one of each kind the bench's mix has: one word, two
// words, a quoted phrase, a single character.
var benchQueries = []struct{ name, q string }{
	{"word", "公安局"},
	{"two words", "新材料 产业链"},
	{"phrase", `"碛口古镇"`},
	{"character", "镁"},
}

// BenchmarkSearch runs each kind of query with facets and snippets, page
// size 10, over 2,000 articles in memory.
func BenchmarkSearch(b *testing.B) {
	e := benchEngine(b, 2000)
	ctx := context.Background()
	for _, q := range benchQueries {
		b.Run(q.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				res, err := e.Search(ctx, Request{Query: q.q, Size: 10})
				if err != nil {
					b.Fatal(err)
				}
				if res.Total == 0 {
					b.Fatalf("%s: no hits", q.q)
				}
			}
		})
	}
}

// BenchmarkSearchNoFacets is BenchmarkSearch without facet counting, to
// see the facets' share of the cost.
func BenchmarkSearchNoFacets(b *testing.B) {
	e := benchEngine(b, 2000)
	ctx := context.Background()
	for _, q := range benchQueries {
		b.Run(q.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := e.Search(ctx, Request{Query: q.q, Size: 10, NoFacets: true}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestYearsFromMonths checks that the year and month facets Search sums
// from the months are the ones bleve counts on the year and month fields,
// over articles spread on 14 years and 168 months.
func TestYearsFromMonths(t *testing.T) {
	e := benchEngine(t, 600)
	for _, q := range append(benchQueries, struct{ name, q string }{"all", ""}) {
		res, err := e.Search(context.Background(), Request{Query: q.q})
		if err != nil {
			t.Fatal(err)
		}
		var textQ bq.Query = bq.NewMatchAllQuery()
		if q.q != "" {
			c := &compiler{words: e.wordsFunc()}
			parsed, err := query.Parse(q.q)
			if err != nil {
				t.Fatal(err)
			}
			if textQ, err = c.compile(parsed); err != nil {
				t.Fatal(err)
			}
		}
		req := bleve.NewSearchRequestOptions(textQ, 0, 0, false)
		req.AddFacet("year", bleve.NewFacetRequest(field.Year, FacetSize))
		req.AddFacet("month", bleve.NewFacetRequest(field.Month, FacetSize))
		want, err := e.ix.Search(req)
		if err != nil {
			t.Fatal(err)
		}
		if want.Total != res.Total {
			t.Fatalf("%s: bleve finds %d, Search %d", q.name, want.Total, res.Total)
		}
		wf := map[string][]FacetValue{}
		for _, f := range []string{"year", "month"} {
			// bleve's FacetSize largest, newest first as Search gives them.
			wf[f] = termsOf(want.Facets[f])
			sort.Slice(wf[f], func(i, j int) bool { return wf[f][i].Key > wf[f][j].Key })
		}
		for _, f := range []string{"year", "month"} {
			if len(wf[f]) < 2 {
				t.Fatalf("%s: only %d %s values: the test needs more", q.name, len(wf[f]), f)
			}
			if d := cmp.Diff(wf[f], res.Facets[f]); d != "" {
				t.Errorf("%s: %s facet (-bleve +Search):\n%s", q.name, f, d)
			}
		}
	}
}

package search

import (
	"cmp"
	"context"
	"io"
	"os"
	"sync"
	"testing"
	"time"

	"baoku/indexer"
)

// The research views' targets are set on the whole xwlb corpus (74,545
// stories). These benchmarks run on an index of it built beforehand:
//
//	bin/baoku index -index /tmp/xwlb-index ../shared/corpus/xwlb-2012-2026.jsonl.gz
//	BAOKU_BENCH_INDEX=/tmp/xwlb-index go test ./search -run XXX -bench Research -count 5
//
// Without BAOKU_BENCH_INDEX they skip, saying so.

var corpusEngine struct {
	once sync.Once
	e    *Engine
	err  error
}

// benchCorpus returns a warm engine over the index BAOKU_BENCH_INDEX names.
func benchCorpus(b *testing.B) *Engine {
	b.Helper()
	dir := os.Getenv("BAOKU_BENCH_INDEX")
	if dir == "" {
		b.Skip("BAOKU_BENCH_INDEX is not set: build an index of ../shared/corpus/xwlb-2012-2026.jsonl.gz and name its folder there")
	}
	corpusEngine.once.Do(func() {
		ix, err := indexer.OpenExisting(dir, indexer.Options{})
		if err != nil {
			corpusEngine.err = err
			return
		}
		e := New(ix)
		if err := e.Warm(); err != nil {
			corpusEngine.err = err
			return
		}
		// The first search reads the facet tables in.
		if _, err := e.Search(context.Background(), Request{Size: 1}); err != nil {
			corpusEngine.err = err
			return
		}
		corpusEngine.e = e
	})
	if corpusEngine.err != nil {
		b.Fatal(corpusEngine.err)
	}
	return corpusEngine.e
}

// reportCPU reports the CPU time the process used a request since start.
func reportCPU(b *testing.B, start time.Duration) {
	b.ReportMetric(float64(processCPU()-start)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
}

// benchWord is the word the benchmarks ask about: BAOKU_BENCH_WORD, or
// 发展, found in about 40% of the stories.
func benchWord() string { return cmp.Or(os.Getenv("BAOKU_BENCH_WORD"), "发展") }

func BenchmarkResearchTrendYearly(b *testing.B) {
	e := benchCorpus(b)
	ctx := context.Background()
	cpu := processCPU()
	defer func() { reportCPU(b, cpu) }()
	for b.Loop() {
		res, err := e.Trend(ctx, TrendRequest{Queries: []string{benchWord()}})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(res.Series[0].Count), "hits")
	}
}

func BenchmarkResearchConcordancePage(b *testing.B) {
	e := benchCorpus(b)
	ctx := context.Background()
	cpu := processCPU()
	defer func() { reportCPU(b, cpu) }()
	for b.Loop() {
		res, err := e.Concordance(ctx, KWICRequest{Request: Request{Query: benchWord()}})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(res.Total), "lines")
	}
}

// BenchmarkResearchConcordanceSorted is the first page of a concordance
// sorted by its left context: every article found is read.
func BenchmarkResearchConcordanceSorted(b *testing.B) {
	e := benchCorpus(b)
	ctx := context.Background()
	cpu := processCPU()
	defer func() { reportCPU(b, cpu) }()
	for b.Loop() {
		e.research.kwic = kwicCache{}
		if _, err := e.Concordance(ctx, KWICRequest{Request: Request{Query: benchWord()}, Order: SortLeft}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkResearchConcordanceSortedNext is a later page of the same
// sorted concordance, cut from the lines kept from the first.
func BenchmarkResearchConcordanceSortedNext(b *testing.B) {
	e := benchCorpus(b)
	ctx := context.Background()
	r := KWICRequest{Request: Request{Query: benchWord(), Page: 7}, Order: SortLeft}
	if _, err := e.Concordance(ctx, r); err != nil {
		b.Fatal(err)
	}
	cpu := processCPU()
	defer func() { reportCPU(b, cpu) }()
	for b.Loop() {
		if _, err := e.Concordance(ctx, r); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkResearchCollocates(b *testing.B) {
	e := benchCorpus(b)
	ctx := context.Background()
	// The words of each segment are counted once, on first use.
	if _, err := e.Collocates(ctx, CollocRequest{Request: Request{Query: benchWord()}}); err != nil {
		b.Fatal(err)
	}
	cpu := processCPU()
	defer func() { reportCPU(b, cpu) }()
	for b.Loop() {
		res, err := e.Collocates(ctx, CollocRequest{Request: Request{Query: benchWord()}})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(res.Node), "nodes")
	}
}

// BenchmarkResearchExportCSV streams a CSV export of about 10,000 stories
// (those of 2013-01-01 to 2014-11-30) to nowhere.
func BenchmarkResearchExportCSV(b *testing.B) {
	e := benchCorpus(b)
	ctx := context.Background()
	r := ExportRequest{Request: Request{From: "2013-01-01", To: "2014-11-30"}, Format: FormatCSV,
		Link: func(id string) string { return "http://localhost:8080/articles/" + id }}
	cpu := processCPU()
	defer func() { reportCPU(b, cpu) }()
	for b.Loop() {
		var rows int
		if err := e.Export(ctx, r, func(m ExportMeta) io.Writer { rows = m.Total; return io.Discard }); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(rows), "rows")
	}
}

// BenchmarkResearchCollocatesFirst counts the words of every segment
// again, as the first collocates request after start does.
func BenchmarkResearchCollocatesFirst(b *testing.B) {
	e := benchCorpus(b)
	ctx := context.Background()
	cpu := processCPU()
	defer func() { reportCPU(b, cpu) }()
	for b.Loop() {
		e.research.mu.Lock()
		e.research.lengths = nil
		e.research.mu.Unlock()
		if _, err := e.Collocates(ctx, CollocRequest{Request: Request{Query: benchWord()}}); err != nil {
			b.Fatal(err)
		}
	}
}

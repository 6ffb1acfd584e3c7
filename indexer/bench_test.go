package indexer

import (
	"bufio"
	"compress/gzip"
	"os"
	"path/filepath"
	"testing"

	"baoku/indexer/article"
	"baoku/segment"
)

// benchCorpus is the benchmark corpus beside the project (see the corpus
// README); benchmarks that need it skip without it.
var benchCorpus = filepath.Join("..", "..", "shared", "corpus", "xwlb-2012-2026.jsonl.gz")

// corpusArticles reads the first n articles of the benchmark corpus.
func corpusArticles(b *testing.B, n int) ([]*article.Article, int64) {
	b.Helper()
	f, err := os.Open(benchCorpus)
	if err != nil {
		b.Skipf("benchmark corpus not found (%v): it lives beside the project in ../shared/corpus", err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		b.Fatal(err)
	}
	var arts []*article.Article
	var bytes int64
	stop := errorString("enough")
	_, err = ReadJSONL(benchCorpus, bufio.NewReader(gz), func(a *article.Article) error {
		arts = append(arts, a)
		bytes += int64(len(a.Body) + len(a.Headline) + len(a.Kicker) + len(a.Subtitle))
		if len(arts) == n {
			return stop
		}
		return nil
	})
	if err != nil && len(arts) < n {
		b.Fatal(err)
	}
	return arts, bytes
}

type errorString string

func (e errorString) Error() string { return string(e) }

// BenchmarkNewDocument measures turning an article into its index document
// (its fields and the stored, compressed article; analysis comes later),
// per MB of text.
func BenchmarkNewDocument(b *testing.B) {
	arts, n := corpusArticles(b, 1000)
	seg, err := segment.New(segment.Options{Dict: segment.DictTest})
	if err != nil {
		b.Fatal(err)
	}
	an := analyzersOf(seg)
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		for _, a := range arts {
			if _, err := newDocument(a, an); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// newsBench readies a benchmark of writing 2,000 corpus articles with the
// news dictionary, measured per MB of their text.
func newsBench(b *testing.B) []*article.Article {
	arts, n := corpusArticles(b, 2000)
	seg, err := segment.New(segment.Options{Dict: segment.DictNews})
	if err == nil {
		err = seg.Load()
	}
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(n)
	b.ReportAllocs()
	return arts
}

// BenchmarkIngest measures writing articles into an index on disk with the
// news dictionary: analysis of both views, batching and bleve's segment
// building, per MB of text.
func BenchmarkIngest(b *testing.B) {
	arts := newsBench(b)
	for b.Loop() {
		b.StopTimer()
		ix, err := Open(filepath.Join(b.TempDir(), "index"), Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		w := NewWriter(ix, 0)
		for _, a := range arts {
			if err := w.Add(a); err != nil {
				b.Fatal(err)
			}
		}
		if err := w.Flush(); err != nil {
			b.Fatal(err)
		}
		if err := ix.Close(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuild measures a bulk build (Build) of the same articles as
// BenchmarkIngest: analysis on every core, a segment per batch, one merge
// at the end, per MB of text. With -cpuprofile it shows where a fresh
// build spends its time.
func BenchmarkBuild(b *testing.B) {
	arts := newsBench(b)
	for b.Loop() {
		b.StopTimer()
		tmp := filepath.Join(b.TempDir(), "index.creating")
		b.StartTimer()
		bk, err := newBulk(tmp, IngestOptions{Dict: segment.DictNews, BatchSize: 500})
		if err != nil {
			b.Fatal(err)
		}
		for _, a := range arts {
			if err := bk.add(a); err != nil {
				b.Fatal(err)
			}
		}
		if err := bk.finish(); err != nil {
			b.Fatal(err)
		}
	}
}

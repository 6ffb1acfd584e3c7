package bench

import (
	"os"
	"path/filepath"
	"testing"

	"baoku/segment"
)

// BenchmarkTruth times the brute-force truth of a mix over the whole bench
// corpus, which the bench computes before it measures the engines.
func BenchmarkTruth(b *testing.B) {
	path := filepath.Join("..", "..", "..", "..", benchCorpus)
	if _, err := os.Stat(path); err != nil {
		b.Skipf("corpus not found at %s: skipping the brute-force scan of real newspaper data", path)
	}
	arts, err := readArticles(path)
	if err != nil {
		b.Fatal(err)
	}
	seg, err := segment.New(segment.Options{Dict: segment.DictNews})
	if err != nil {
		b.Fatal(err)
	}
	mix := buildMix(arts[:len(arts)/4], seg, 5)
	h := newHaystack(arts)
	b.ResetTimer()
	for b.Loop() {
		h.truths(mix)
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N*len(mix)), "ms/query")
}

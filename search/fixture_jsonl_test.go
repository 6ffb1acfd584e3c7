package search

import (
	"os"
	"path/filepath"
	"testing"

	"baoku/indexer"
	"baoku/indexer/article"
	"baoku/segment"
)

// jsonlFixture reads testdata/articles.jsonl: articles written for the
// tests, over three papers, several days, pages, sections and reporters.
func jsonlFixture(t testing.TB) []*article.Article {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "articles.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var arts []*article.Article
	lineErrs, err := indexer.ReadJSONL("articles.jsonl", f, func(a *article.Article) error {
		arts = append(arts, a)
		return nil
	})
	if err != nil || len(lineErrs) > 0 {
		t.Fatalf("read fixture: %v %v", err, lineErrs)
	}
	return arts
}

// engineOf indexes articles in memory with a dictionary and returns a warm
// engine over them.
func engineOf(t testing.TB, dict string, arts []*article.Article) *Engine {
	t.Helper()
	e, _ := batchedEngine(t, dict, arts, 50)
	return e
}

// batchedEngine indexes articles in memory batch at a time (a segment a
// batch) and returns a warm engine over them and the writer, to add more.
func batchedEngine(t testing.TB, dict string, arts []*article.Article, batch int) (*Engine, *indexer.Writer) {
	t.Helper()
	ix, err := indexer.NewMem(indexer.Options{Dict: dict})
	if err != nil {
		t.Fatal(err)
	}
	w := indexer.NewWriter(ix, batch)
	for _, a := range arts {
		if err := w.Add(a); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	e := New(ix)
	if err := e.Warm(); err != nil {
		t.Fatal(err)
	}
	return e, w
}

// testJSONLEngine is the fixture of articles.jsonl with the test dictionary.
func testJSONLEngine(t testing.TB) (*Engine, []*article.Article) {
	arts := jsonlFixture(t)
	return engineOf(t, segment.DictTest, arts), arts
}

package eval

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"baoku/segment"
)

// evalCorpus is the shared corpus beside the repository; the test is
// skipped without it.
func evalCorpus(t *testing.T) string {
	t.Helper()
	dir := filepath.Join("..", "..", "..", "..", "..", "shared", "corpus")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("corpus not found at %s: skipping the evaluation on real newspaper data", dir)
	}
	return dir
}

// TestEvalRecallCorpus runs eval recall on the default corpus: quoted
// searches find exactly the articles containing each sampled substring.
func TestEvalRecallCorpus(t *testing.T) {
	dir := evalCorpus(t)
	ix, docs, err := buildRecallIndex([]string{
		filepath.Join(dir, "rmrb-2022.jsonl.gz"), filepath.Join(dir, "xmwb-2022-04.jsonl.gz"),
		filepath.Join("..", "..", "..", "..", "data", "pages"),
	})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if len(docs) < 250 {
		t.Fatalf("indexed %d articles, want the corpus's ~290", len(docs))
	}
	tallies, skipped, err := evalRecall(context.Background(), ix, docs, recallOptions{samples: 500, maxLen: 8, seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	if skipped > 0 {
		t.Errorf("%d substrings skipped", skipped)
	}
	by := map[string]*tally{}
	for _, tl := range tallies {
		by[tl.name] = tl
		t.Logf("%-36s recall %.2f%% precision %.2f%%", tl.name, pct(tl.correct, tl.truth), pct(tl.correct, tl.found))
	}
	for _, name := range []string{"ours, quoted", "characters only (character phrase)"} {
		tl := by[name]
		if tl == nil || tl.truth < 500 || tl.correct != tl.truth || tl.found != tl.truth {
			t.Errorf("%s: %+v, want every containing article found and no other", name, tl)
		}
	}
	if tl := by["ours, unquoted (words anywhere)"]; tl == nil || tl.correct != tl.truth {
		t.Errorf("unquoted search missed articles: %+v", tl)
	}
	if tl := by["words only (word phrase)"]; tl == nil || tl.correct >= tl.truth {
		t.Errorf("words only found everything (%+v): the comparison shows nothing", tl)
	}
}

// TestEvalSegCorpus checks the segmentation's PKU F1 against the floor the
// issue sets: jieba's published 81.8.
func TestEvalSegCorpus(t *testing.T) {
	dir := evalCorpus(t)
	seg, err := segment.New(segment.Options{Dict: segment.DictNews})
	if err != nil {
		t.Fatal(err)
	}
	s, err := scoreBench(filepath.Join(dir, "icwb2"), segBenches[0], func(text string) []string { return cutText(seg, text) })
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("PKU: P %.1f R %.1f F1 %.1f OOV recall %.1f", s.precision(), s.recall(), s.f1(), s.oovRecall())
	if s.Gold < 100000 || s.f1() < segBenches[0].jiebaF1 {
		t.Errorf("PKU F1 %.2f over %d words, want at least %.1f", s.f1(), s.Gold, segBenches[0].jiebaF1)
	}
}

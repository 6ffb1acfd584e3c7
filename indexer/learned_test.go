package indexer

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"baoku/indexer/article"
	"baoku/segment"
)

// words cuts text as queries over ix are cut; with ix nil, as a new
// index of the test dictionary cuts it.
func words(t *testing.T, ix *Index, text string) []string {
	t.Helper()
	if ix != nil {
		return ix.Segmenter().QueryWords(text)
	}
	seg, err := segment.New(segment.Options{Dict: segment.DictTest})
	if err != nil {
		t.Fatal(err)
	}
	return seg.QueryWords(text)
}

func newTestIndexDir(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "index")
	if err := Create(dir, segment.DictTest); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestLearnNamesFromBylines(t *testing.T) {
	const text = "记者冯雪莲摄"
	if got := words(t, nil, text); slices.Contains(got, "冯雪莲") {
		t.Fatalf("冯雪莲 is one word before it is learned: %q", got)
	}
	dir := newTestIndexDir(t)
	ix, err := OpenExisting(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	w := NewWriter(ix, 10)
	for i, a := range []article.Article{
		{ID: "1", Date: "2023-07-22", Headline: "一", Body: text, Photographers: []string{"冯雪莲"}},
		{ID: "2", Date: "2023-07-22", Headline: "二", Body: "正文", Reporters: []string{"冯雪莲", "Anna Li", "欧阳"}},
	} {
		if err := w.Add(&a); err != nil {
			t.Fatalf("article %d: %v", i, err)
		}
	}
	// The name is a word as soon as its article is added.
	if got := words(t, ix, text); !slices.Contains(got, "冯雪莲") {
		t.Errorf("after indexing its byline, %q cuts as %q", text, got)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	got, err := ReadLearnedWords(dir)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"冯雪莲", "欧阳"}; !slices.Equal(got, want) {
		t.Errorf("learned words = %q, want %q", got, want)
	}
	// Learning the same names again adds nothing to the file.
	w2 := NewWriter(ix, 10)
	if err := w2.Add(&article.Article{ID: "3", Date: "2023-07-23", Headline: "三", Body: "x", Reporters: []string{"欧阳"}}); err != nil {
		t.Fatal(err)
	}
	if err := w2.Flush(); err != nil {
		t.Fatal(err)
	}
	if again, _ := ReadLearnedWords(dir); !slices.Equal(again, got) {
		t.Errorf("learned words after a second run = %q, want %q", again, got)
	}
}

// TestOpenLoadsLearnedWords opens two indexes in one process, one with a
// learned name and one without: each cuts the name as its own words say.
func TestOpenLoadsLearnedWords(t *testing.T) {
	const text = "通讯员尉迟敬德报道"
	if got := words(t, nil, text); slices.Contains(got, "尉迟敬德") {
		t.Fatalf("尉迟敬德 is one word before it is learned: %q", got)
	}
	dir := newTestIndexDir(t)
	if err := os.WriteFile(filepath.Join(dir, LearnedWordsFile), []byte("# names\n尉迟敬德\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	ix, err := OpenExisting(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	other, err := OpenExisting(newTestIndexDir(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if got := words(t, ix, text); !slices.Contains(got, "尉迟敬德") {
		t.Errorf("the index that learned 尉迟敬德 cuts %q as %q", text, got)
	}
	if got := words(t, other, text); slices.Contains(got, "尉迟敬德") {
		t.Errorf("an index that did not learn 尉迟敬德 cuts %q as %q", text, got)
	}
}

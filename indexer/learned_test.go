package indexer

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"baoku/indexer/article"
	"baoku/segment"
)

// words cuts text with the test dictionary, as queries do.
func words(t *testing.T, text string) []string {
	t.Helper()
	seg, err := segment.ForDict(segment.DictTest)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, tok := range seg.Words(text, segment.Query) {
		out = append(out, tok.Term)
	}
	return out
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
	if got := words(t, text); slices.Contains(got, "冯雪莲") {
		t.Fatalf("冯雪莲 is one word before it is learned: %q", got)
	}
	dir := newTestIndexDir(t)
	ix, err := OpenExisting(dir)
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
	if got := words(t, text); !slices.Contains(got, "冯雪莲") {
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

func TestOpenLoadsLearnedWords(t *testing.T) {
	const text = "通讯员尉迟敬德报道"
	if got := words(t, text); slices.Contains(got, "尉迟敬德") {
		t.Fatalf("尉迟敬德 is one word before it is learned: %q", got)
	}
	dir := newTestIndexDir(t)
	if err := os.WriteFile(filepath.Join(dir, LearnedWordsFile), []byte("# names\n尉迟敬德\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	ix, err := OpenExisting(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if got := words(t, text); !slices.Contains(got, "尉迟敬德") {
		t.Errorf("after opening the index, %q cuts as %q", text, got)
	}
}

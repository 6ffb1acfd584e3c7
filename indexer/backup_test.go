package indexer

import (
	"bytes"
	"path/filepath"
	"slices"
	"testing"

	"baoku/indexer/article"
)

// TestBackupKeepsLearnedWords restores backups (a folder copy and a tar
// stream) elsewhere: each holds the articles and cuts a learned name as
// the original does.
func TestBackupKeepsLearnedWords(t *testing.T) {
	const text = "通讯员尉迟敬德报道"
	if got := words(t, nil, text); slices.Contains(got, "尉迟敬德") {
		t.Fatalf("尉迟敬德 is one word before it is learned: %q", got)
	}
	onDisk, err := OpenExisting(newTestIndexDir(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer onDisk.Close()
	for name, ix := range map[string]*Index{"on disk": onDisk} {
		w := NewWriter(ix, 10)
		if err := w.Add(&article.Article{ID: "1", Date: "2023-07-22", Headline: "一", Body: text, Reporters: []string{"尉迟敬德"}}); err != nil {
			t.Fatal(err)
		}
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
		orig := words(t, ix, text)
		if !slices.Contains(orig, "尉迟敬德") {
			t.Fatalf("%s: the index did not learn the name: %q", name, orig)
		}
		copied := filepath.Join(t.TempDir(), "copy")
		if err := ix.CopyTo(copied); err != nil {
			t.Fatal(err)
		}
		var tarred bytes.Buffer
		if err := ix.WriteBackup(&tarred); err != nil {
			t.Fatal(err)
		}
		untarred := filepath.Join(t.TempDir(), "untarred")
		if err := ExtractBackup(&tarred, untarred); err != nil {
			t.Fatal(err)
		}
		for _, dir := range []string{copied, untarred} {
			restored, err := OpenExisting(dir, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got := words(t, restored, text); !slices.Equal(got, orig) {
				t.Errorf("%s, restored from %s: cuts %q, the original %q", name, filepath.Base(dir), got, orig)
			}
			if n, err := restored.Bleve().DocCount(); err != nil || n != 1 {
				t.Errorf("%s, restored from %s: %d articles (%v)", name, filepath.Base(dir), n, err)
			}
			restored.Close()
		}
	}
}

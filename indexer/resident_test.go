package indexer

import (
	"context"
	"fmt"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"

	"baoku/indexer/article"
	"baoku/segment"
)

// TestReleaseMapped writes an index on disk, reads it through searches,
// and checks that Release takes its mapped pages out of the resident set
// while the index answers as before, and that Resident.Run keeps them
// under its budget.
func TestReleaseMapped(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("resident pages of mapped files are measured on Linux only")
	}
	dir := filepath.Join(t.TempDir(), "index")
	if err := Create(dir, segment.DictTest); err != nil {
		t.Fatal(err)
	}
	ix, err := OpenExisting(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	w := NewWriter(ix, 100)
	for i := range 400 {
		a := &article.Article{ID: fmt.Sprint(i), Date: "2023-07-22", Headline: fmt.Sprintf("第%d号文章", i),
			Body: fmt.Sprintf("吕梁市今年第%d批项目开工，涉及文旅、交通和教育。新华社北京电　国务院新闻办公室今天举行发布会。", i)}
		if err := w.Add(a); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	count := func() uint64 {
		q := bleve.NewTermQuery("吕梁市")
		q.SetField("body")
		r, err := ix.Bleve().Search(bleve.NewSearchRequest(q))
		if err != nil {
			t.Fatal(err)
		}
		return r.Total
	}
	want := count()
	if want != 400 {
		t.Fatalf("the search finds %d articles, want 400", want)
	}
	mapped, resident, err := Mapped(dir)
	if err != nil {
		t.Fatal(err)
	}
	if mapped == 0 || resident == 0 {
		t.Skipf("the index maps %d bytes, %d resident (bleve kept its segments in memory): nothing to release", mapped, resident)
	}
	if _, err := Release(dir); err != nil {
		t.Fatal(err)
	}
	if _, after, _ := Mapped(dir); after >= resident {
		t.Errorf("resident %d bytes after release, %d before", after, resident)
	}
	if got := count(); got != want {
		t.Errorf("after release the search finds %d, before %d", got, want)
	}

	// Run releases them again once they pass its budget.
	_ = count()
	_, before, _ := Mapped(dir)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go Resident{Dir: dir, Budget: before / 2, Every: 10 * time.Millisecond}.Run(ctx)
	deadline := time.Now().Add(5 * time.Second)
	for {
		if _, now, _ := Mapped(dir); now <= before/2 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("resident pages stayed over the budget of %d bytes", before/2)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

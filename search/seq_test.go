package search

import (
	"context"
	"testing"

	"baoku/indexer"
	"baoku/segment"
)

// TestEditionReadingOrder checks that a page's articles are listed as they
// were printed, not by headline.
func TestEditionReadingOrder(t *testing.T) {
	arts, _, err := indexer.ReadPageFile("../data/pages/lvliang-2023-07-22-01.txt")
	if err != nil {
		t.Fatal(err)
	}
	e := engineOf(t, segment.DictTest, arts)
	ed, err := e.Edition(context.Background(), "2023-07-22", "吕梁日报", "1")
	if err != nil {
		t.Fatal(err)
	}
	if len(ed.Papers) != 1 || len(ed.Papers[0].Pages) != 1 {
		t.Fatalf("edition = %+v", ed)
	}
	got := ed.Papers[0].Pages[0].Articles
	if len(got) != len(arts) {
		t.Fatalf("%d articles listed, want %d", len(got), len(arts))
	}
	for i, h := range got {
		if h.ID != arts[i].ID || h.Seq != i+1 {
			t.Errorf("article %d listed is %q (seq %d), want %q", i+1, h.Headline, h.Seq, arts[i].Headline)
		}
	}
}

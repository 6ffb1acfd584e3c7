package search

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"baoku/indexer"
	"baoku/indexer/article"
	"baoku/indexer/field"
	"baoku/segment"
)

// TestSnapshotFrozen freezes a result set, grows the index, and checks
// that the set comes back byte for byte, that its IDs and digest are the
// search's, and that a rerun names what was added and dropped.
func TestSnapshotFrozen(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	if err := indexer.Create(dir, segment.DictTest); err != nil {
		t.Fatal(err)
	}
	ix, err := indexer.OpenExisting(dir, indexer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	arts := researchArticles()
	w := indexer.NewWriter(ix, 100)
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
	ctx := context.Background()
	r := Request{Query: `"黄河"`, From: "2020-01-01", Filters: map[string][]string{field.Paper: {"吕梁日报"}}}
	created := time.Date(2026, 12, 1, 8, 0, 0, 0, time.UTC)
	s, err := e.CreateSnapshot(ctx, r, SnapshotOptions{Now: created})
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, a := range sortedByDateID(arts) {
		if inFilters(a, r) && containsText(a, "黄河") {
			want = append(want, a.ID)
		}
	}
	if diff := cmp.Diff(want, s.IDs); diff != "" || s.Total != len(want) {
		t.Errorf("IDs differ from brute force (-want +got):\n%s", diff)
	}
	sum, err := exec.Command("sh", "-c", "printf '%s\\n' "+strings.Join(s.IDs, " ")+" | sha256sum").Output()
	if err == nil && !strings.HasPrefix(string(sum), s.SHA256) {
		t.Errorf("sha256 %s, sha256sum says %s", s.SHA256, sum)
	}
	if s.Created != "2026-12-01T08:00:00Z" || s.IndexVersion != fmt.Sprintf("%s/%d", indexer.SchemaVersion, len(arts)) {
		t.Errorf("created %s, index version %s", s.Created, s.IndexVersion)
	}
	if diff := cmp.Diff(map[string][]string{"from": {"2020-01-01"}, "paper": {"吕梁日报"}}, s.Filters); diff != "" {
		t.Errorf("filters (-want +got):\n%s", diff)
	}
	stored, _, err := e.SnapshotJSON(s.ID)
	if err != nil {
		t.Fatal(err)
	}

	// The same search again is the same set.
	again, err := e.CreateSnapshot(ctx, r, SnapshotOptions{Now: created.Add(time.Hour)})
	if err != nil || again.ID != s.ID || again.Created != s.Created {
		t.Errorf("the same search again: %v, id %s created %s", err, again.ID, again.Created)
	}

	// The index grows: one new article with 黄河, one old one gone.
	add := &article.Article{ID: "new1", Paper: "吕梁日报", Date: "2023-12-30", Headline: "黄河新篇", Body: "黄河奔流。"}
	if err := w.Add(add); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := indexer.Delete(ix, want[0]); err != nil {
		t.Fatal(err)
	}
	later, _, err := e.SnapshotJSON(s.ID)
	if err != nil {
		t.Fatal(err)
	}
	if string(later) != string(stored) {
		t.Errorf("the stored set changed:\nthen %s\nnow  %s", stored, later)
	}
	d, err := e.Rerun(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"new1"}, d.Added); diff != "" || d.AddedCount != 1 {
		t.Errorf("added (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(want[:1], d.Dropped); diff != "" || d.DroppedCount != 1 || d.Total != len(want) {
		t.Errorf("dropped (-want +got):\n%s total %d", diff, d.Total)
	}

	// Reopened, the store has it still.
	store, err := indexer.OpenSnapshots(dir, MaxSnapshots)
	if err != nil {
		t.Fatal(err)
	}
	if js, ok := store.Get(s.ID); !ok || string(js) != string(stored) {
		t.Errorf("reopened store: %v %s", ok, js)
	}
	var decoded Snapshot
	if err := json.Unmarshal(stored, &decoded); err != nil || decoded.ID != s.ID {
		t.Errorf("stored record: %v %+v", err, decoded)
	}
}

func sortedByDateID(arts []*article.Article) []*article.Article {
	out := append([]*article.Article(nil), arts...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j].Date < out[i].Date || out[j].Date == out[i].Date && out[j].ID < out[i].ID {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

// TestSnapshotBounds checks the size bound of a set.
func TestSnapshotBounds(t *testing.T) {
	e, _ := researchEngine(t)
	_, err := e.CreateSnapshot(context.Background(), Request{Query: `"黄河"`}, SnapshotOptions{MaxSize: 5})
	if err == nil || !IsBadRequest(err) || !strings.Contains(err.Error(), "at most 5") {
		t.Errorf("past the size bound: %v", err)
	}
	if _, _, err := e.SnapshotJSON("nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown snapshot: %v", err)
	}
}

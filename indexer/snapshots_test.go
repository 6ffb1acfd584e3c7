package indexer

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSnapshotStore checks that records come back as stored, across a
// reopening, that the bound holds, and that a record is never replaced.
func TestSnapshotStore(t *testing.T) {
	dir := t.TempDir()
	s, err := OpenSnapshots(dir, 2)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Put("a", json.RawMessage(`{"id": "a", "n": 1}`)); err != nil {
		t.Fatal(err)
	}
	if err := s.Put("a", json.RawMessage(`{"id":"a","n":2}`)); err != nil {
		t.Fatal(err)
	}
	if err := s.Put("b", json.RawMessage(`{"id":"b"}`)); err != nil {
		t.Fatal(err)
	}
	if err := s.Put("c", json.RawMessage(`{"id":"c"}`)); !errors.Is(err, ErrSnapshotsFull) {
		t.Errorf("third record of two: %v", err)
	}
	again, err := OpenSnapshots(dir, 2)
	if err != nil {
		t.Fatal(err)
	}
	if js, ok := again.Get("a"); !ok || string(js) != `{"id":"a","n":1}` || again.Len() != 2 {
		t.Errorf("reopened: %s %v, %d records", js, ok, again.Len())
	}
}

// TestSnapshotStoreTornLine checks that a line cut short by a crash is
// left out and cut off before the next record, and that a bad line inside
// the file is an error naming it.
func TestSnapshotStoreTornLine(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, SnapshotsFile)
	if err := os.WriteFile(path, []byte("{\"id\":\"a\"}\n{\"id\":\"b\",\"ids\":[\"x"), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := OpenSnapshots(dir, 10)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := s.Get("b"); ok || s.Len() != 1 {
		t.Errorf("torn record read: %d records", s.Len())
	}
	if err := s.Put("c", json.RawMessage(`{"id":"c"}`)); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(path)
	if string(b) != "{\"id\":\"a\"}\n{\"id\":\"c\"}\n" {
		t.Errorf("file after the torn line: %q", b)
	}
	if err := os.WriteFile(path, []byte("{\"id\":\"a\"}\nnot json\n{\"id\":\"c\"}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := OpenSnapshots(dir, 10); err == nil || !strings.Contains(err.Error(), "line 2") || !strings.Contains(err.Error(), SnapshotsFile) {
		t.Errorf("bad line: %v", err)
	}
}

// TestSnapshotsInBackup checks that a backup copies the result sets.
func TestSnapshotsInBackup(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	if err := Create(dir, "test"); err != nil {
		t.Fatal(err)
	}
	ix, err := OpenExisting(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	s, err := OpenSnapshots(dir, 10)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Put("a", json.RawMessage(`{"id":"a"}`)); err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(t.TempDir(), "copy")
	if err := ix.CopyTo(dest); err != nil {
		t.Fatal(err)
	}
	copied, err := OpenSnapshots(dest, 10)
	if err != nil {
		t.Fatal(err)
	}
	if js, ok := copied.Get("a"); !ok || string(js) != `{"id":"a"}` {
		t.Errorf("the backup's result sets: %s %v", js, ok)
	}
}

package indexer

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"baoku/segment"
)

// writeInputs writes n JSONL files of per records each into dir.
func writeInputs(t *testing.T, dir string, n, per int) []string {
	t.Helper()
	var paths []string
	for f := 0; f < n; f++ {
		var b strings.Builder
		for i := 0; i < per; i++ {
			b.WriteString(good(fmt.Sprintf("f%d-%d", f, i)))
		}
		p := filepath.Join(dir, fmt.Sprintf("in-%02d.jsonl", f))
		if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	return paths
}

func docCount(t *testing.T, ix *Index) uint64 {
	t.Helper()
	n, err := ix.Bleve().DocCount()
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestIngestJournalPassesOverFinishedFiles(t *testing.T) {
	in, ixDir := t.TempDir(), t.TempDir()
	paths := writeInputs(t, in, 4, 5)
	ix := memIndex(t)
	j, err := OpenJournal(ixDir)
	if err != nil {
		t.Fatal(err)
	}
	defer j.Close()
	opt := IngestOptions{BatchSize: 3, Journal: j}
	sum, err := Ingest(NewWriter(ix, 3), []string{in}, opt)
	if err != nil || sum.Articles != 20 || sum.Files != 4 || sum.Done != 0 {
		t.Fatalf("first run: %+v, %v", sum, err)
	}
	if j.Len() != 4 {
		t.Errorf("journal has %d files, want 4", j.Len())
	}

	// Again: every file is passed over.
	sum, err = Ingest(NewWriter(ix, 3), []string{in}, opt)
	if err != nil || sum.Articles != 0 || sum.Files != 0 || sum.Done != 4 {
		t.Errorf("second run: %+v, %v; want 4 files done before, nothing read", sum, err)
	}

	// A changed file is read again, the others are not.
	f, _ := os.OpenFile(paths[2], os.O_APPEND|os.O_WRONLY, 0)
	f.WriteString(good("extra"))
	f.Close()
	os.Chtimes(paths[2], time.Now(), time.Now().Add(time.Minute))
	sum, err = Ingest(NewWriter(ix, 3), []string{in}, opt)
	if err != nil || sum.Files != 1 || sum.Articles != 6 || sum.Done != 3 {
		t.Errorf("after a change: %+v, %v; want the one changed file read", sum, err)
	}
	if n := docCount(t, ix); n != 21 {
		t.Errorf("count %d, want 21", n)
	}

	// -force reads everything again; stable IDs keep the count.
	opt.Force = true
	sum, err = Ingest(NewWriter(ix, 3), []string{in}, opt)
	if err != nil || sum.Files != 4 || sum.Articles != 21 {
		t.Errorf("forced run: %+v, %v", sum, err)
	}
	if n := docCount(t, ix); n != 21 {
		t.Errorf("count %d after a forced run, want 21", n)
	}

	// The journal survives reopening.
	j2, err := OpenJournal(ixDir)
	if err != nil {
		t.Fatal(err)
	}
	defer j2.Close()
	for _, p := range paths {
		if !j2.Done(p) {
			t.Errorf("reopened journal does not have %s", p)
		}
	}
}

// TestIngestJournalOnlyAfterWrite checks a file is recorded only once its
// articles are in the index: when the write fails, nothing is recorded.
func TestIngestJournalOnlyAfterWrite(t *testing.T) {
	in, ixDir := t.TempDir(), t.TempDir()
	writeInputs(t, in, 3, 4)
	ix, err := NewMem(Options{Dict: segment.DictTest}) // closed below, not at cleanup
	if err != nil {
		t.Fatal(err)
	}
	j, err := OpenJournal(ixDir)
	if err != nil {
		t.Fatal(err)
	}
	defer j.Close()
	w := NewWriter(ix, 100) // everything waits for the last flush
	ix.Close()
	sum, err := Ingest(w, []string{in}, IngestOptions{Journal: j})
	var we *writeError
	if err == nil || !errors.As(err, &we) {
		t.Fatalf("ingest into a closed index: err %v, want a write error", err)
	}
	if j.Len() != 0 || sum.Done != 0 {
		t.Errorf("journal records %d files although none was written", j.Len())
	}
}

func TestJournalTornLine(t *testing.T) {
	dir := t.TempDir()
	in := writeInputs(t, t.TempDir(), 2, 1)
	j, err := OpenJournal(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := j.Finish(in[0], 1); err != nil {
		t.Fatal(err)
	}
	j.Close()
	// A crash in the middle of the next write leaves half a line.
	f, _ := os.OpenFile(filepath.Join(dir, JournalName), os.O_APPEND|os.O_WRONLY, 0)
	f.WriteString(`{"path":"` + in[1] + `","si`)
	f.Close()
	j, err = OpenJournal(dir)
	if err != nil {
		t.Fatalf("journal with a torn line does not open: %v", err)
	}
	if !j.Done(in[0]) || j.Done(in[1]) {
		t.Errorf("done: %v %v, want true false", j.Done(in[0]), j.Done(in[1]))
	}
	if err := j.Finish(in[1], 1); err != nil {
		t.Fatal(err)
	}
	j.Close()
	j, _ = OpenJournal(dir)
	defer j.Close()
	if !j.Done(in[0]) || !j.Done(in[1]) || j.Len() != 2 {
		t.Errorf("after the torn line: done %v %v, %d files; want both", j.Done(in[0]), j.Done(in[1]), j.Len())
	}
}

// TestIngestBadFiles indexes a folder of good and bad inputs: each bad one
// is reported by name, the rest is indexed, and the summary counts them.
func TestIngestBadFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a-good.jsonl", []byte(good("g1")+good("g2")))
	write("b-empty.jsonl", nil)
	write("c-binary.jsonl", []byte{0x7f, 'E', 'L', 'F', 0, 0, 1, '\n', 0xff})
	write("d-mixed.jsonl", []byte(good("m1")+gbk(t, `{"headline":"吕梁","date":"2023-01-01"}`)+"\n"+
		`{"headline":"x","date":"2023-02-30"}`+"\n"+`{"headline":["x"],"date":"2023-01-01"}`+"\n"+good("m2")))
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(good("z1") + good("z2") + good("z3")))
	zw.Close()
	write("e-whole.jsonl.gz", gz.Bytes())
	var cut bytes.Buffer
	zw = gzip.NewWriter(&cut)
	zw.Write([]byte(good("t1") + good("t2") + good("t3")))
	zw.Close()
	write("f-truncated.jsonl.gz", cut.Bytes()[:cut.Len()-12])
	write("g-notgzip.jsonl.gz", []byte(good("n1")))
	write("h-page-binary.txt", []byte{0, 1, 2, 3, 0xff, 0xfe, 0xfd})
	write("i-notes.md", []byte("skipped"))
	var huge bytes.Buffer
	huge.WriteString(good("h1") + `{"date":"2023-01-01","headline":"长","body":"`)
	huge.Write(bytes.Repeat([]byte("很长"), (MaxLine/6)+10))
	huge.WriteString("\"}\n" + good("h2"))
	write("j-hugeline.jsonl", huge.Bytes())

	ix := memIndex(t)
	sum, err := Ingest(NewWriter(ix, 2), []string{dir, filepath.Join(dir, "missing.jsonl")}, IngestOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// good: g1 g2, m1 m2, z1-3, h1 h2, and what the truncated gzip held
	// before its cut (up to 3).
	if sum.Articles < 9 || sum.Articles > 12 {
		t.Errorf("indexed %d articles, want 9 to 12", sum.Articles)
	}
	if n := docCount(t, ix); n != uint64(sum.Articles) {
		t.Errorf("index holds %d, summary says %d", n, sum.Articles)
	}
	files, lines := sum.Bad()
	msgs := fmt.Sprint(sum.Errors)
	for _, name := range []string{"b-empty.jsonl", "c-binary.jsonl", "f-truncated.jsonl.gz", "g-notgzip.jsonl.gz", "h-page-binary.txt", "missing.jsonl",
		"d-mixed.jsonl:2", "d-mixed.jsonl:3", "d-mixed.jsonl:4", "j-hugeline.jsonl:2"} {
		if !strings.Contains(msgs, name) {
			t.Errorf("no error names %s; errors: %v", name, sum.Errors)
		}
	}
	if files != 6 || lines != 4 {
		t.Errorf("bad files %d, bad lines %d; want 6 and 4: %v", files, lines, sum.Errors)
	}
	if sum.Skipped != 1 {
		t.Errorf("skipped %d, want 1 (the .md file)", sum.Skipped)
	}
}

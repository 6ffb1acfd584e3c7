package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"

	"baoku/indexer"
	"baoku/indexer/article"
)

// binPath is the baoku binary built for the process tests.
var binPath string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "baoku-bin")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binPath = filepath.Join(dir, "baoku")
	out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput()
	if err != nil {
		fmt.Fprintf(os.Stderr, "build baoku: %v\n%s", err, out)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

const testPaper = "测试日报"

// writeRecords writes files×perFile small article records as JSON Lines
// into dir and returns the IDs the index must end up with.
func writeRecords(t *testing.T, dir string, files, perFile int) map[string]bool {
	t.Helper()
	want := map[string]bool{}
	for f := 0; f < files; f++ {
		var b bytes.Buffer
		for i := 0; i < perFile; i++ {
			id := fmt.Sprintf("r%d-%d", f, i)
			rec := map[string]any{
				"id": id, "paper": testPaper, "date": fmt.Sprintf("2023-%02d-%02d", 1+f%12, 1+i%28),
				"page": fmt.Sprint(1 + i%8), "section": "要闻",
				"headline": fmt.Sprintf("第%d号稿件 吕梁市推进乡村振兴 %d", i, f),
				"body":     fmt.Sprintf("本报讯 吕梁市今年第%d批项目开工，涉及文旅、交通和教育。记者在现场看到，工人们正在施工。编号%s。", i, id),
			}
			js, err := json.Marshal(rec)
			if err != nil {
				t.Fatal(err)
			}
			b.Write(js)
			b.WriteByte('\n')
			want[article.StableID("record", testPaper, id)] = true
		}
		name := filepath.Join(dir, fmt.Sprintf("part-%03d.jsonl", f))
		if err := os.WriteFile(name, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return want
}

// killWhen runs baoku with args and kills it with SIGKILL as soon as
// ready reports true; it fails the test if the run ends first.
func killWhen(t *testing.T, args []string, ready func() bool) {
	t.Helper()
	cmd := exec.Command(binPath, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	deadline := time.After(2 * time.Minute)
	for {
		select {
		case err := <-exited:
			t.Fatalf("index finished before it could be killed (%v); stderr:\n%s", err, stderr.String())
		case <-deadline:
			cmd.Process.Kill()
			<-exited
			t.Fatal("the moment to kill did not come within 2 minutes")
		case <-time.After(5 * time.Millisecond):
			if ready() {
				if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
					t.Fatal(err)
				}
				<-exited
				return
			}
		}
	}
}

// checkIndex opens the index folder and returns its article count and
// which of the wanted IDs are missing.
func checkIndex(t *testing.T, dir string, want map[string]bool) (uint64, []string) {
	t.Helper()
	ix, err := bleve.Open(dir)
	if err != nil {
		t.Fatalf("index does not open after the kill: %v", err)
	}
	defer ix.Close()
	n, err := ix.DocCount()
	if err != nil {
		t.Fatal(err)
	}
	var missing []string
	for id := range want {
		d, err := ix.Document(id)
		if err != nil {
			t.Fatal(err)
		}
		if d == nil {
			missing = append(missing, id)
		}
	}
	return n, missing
}

// journalLines counts the journal's whole lines: a process killed while
// writing one leaves it torn, and the journal ignores a torn line.
func journalLines(dir string) int {
	b, err := os.ReadFile(filepath.Join(dir, indexer.JournalName))
	if err != nil {
		return 0
	}
	n := 0
	for _, line := range strings.SplitAfter(string(b), "\n") {
		if strings.HasSuffix(line, "\n") && json.Valid([]byte(line)) {
			n++
		}
	}
	return n
}

// TestIndexKilledAndRerun kills `baoku index` with SIGKILL in the middle of
// an ingest, checks that the index still opens, and that running the same
// command again finishes the job with every article present exactly once.
func TestIndexKilledAndRerun(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary; skipped with -short")
	}
	tmp := t.TempDir()
	in := filepath.Join(tmp, "in")
	if err := os.Mkdir(in, 0o755); err != nil {
		t.Fatal(err)
	}
	const files, perFile = 16, 200
	want := writeRecords(t, in, files, perFile)
	ixDir := filepath.Join(tmp, "index")
	args := []string{"index", "-q", "-batch", "20", "-index", ixDir, in}

	// Kill early (creating the index, loading the dictionary), then again
	// mid-ingest, after some files are recorded as finished.
	start := time.Now()
	killWhen(t, args, func() bool { return time.Since(start) > 300*time.Millisecond })
	if _, err := os.Stat(ixDir); err == nil {
		checkIndex(t, ixDir, want) // fails the test if it does not open
	}
	killWhen(t, args, func() bool { return journalLines(ixDir) >= 2 })
	n, missing := checkIndex(t, ixDir, want)
	if n == 0 || len(missing) == 0 {
		t.Fatalf("after the kill: %d articles, %d missing; want a partial index", n, len(missing))
	}
	if n > uint64(len(want)) {
		t.Fatalf("after the kill: %d articles, more than the %d in the input", n, len(want))
	}
	done := journalLines(ixDir)
	t.Logf("killed with %d of %d articles written, %d files journaled", n, len(want), done)

	// Run the same command again: it finishes the job.
	out, err := exec.Command(binPath, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("rerun: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), fmt.Sprintf("%d files passed over", done)) {
		t.Errorf("rerun did not pass over the %d finished files; output:\n%s", done, out)
	}
	n, missing = checkIndex(t, ixDir, want)
	if n != uint64(len(want)) || len(missing) > 0 {
		t.Fatalf("after the rerun: %d articles (want %d), %d IDs missing", n, len(want), len(missing))
	}
	if got := journalLines(ixDir); got < files {
		t.Errorf("journal records %d files, want %d", got, files)
	}
}

package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestBenchPeers runs a tiny `baoku bench` (300 stories, 2 queries of each
// kind) with every engine installed here and checks that each measured all
// three shares and that the answers compare with the brute-force truth as
// each engine's design says they must.
func TestBenchPeers(t *testing.T) {
	if testing.Short() {
		t.Skip("the bench builds 12 indexes: skipped with -short")
	}
	corpusFile := filepath.Join("..", "..", "..", "shared", "corpus", "xwlb-2012-2026.jsonl.gz")
	if _, err := os.Stat(corpusFile); err != nil {
		t.Skipf("corpus not found at %s: skipping the bench on real newspaper data", corpusFile)
	}
	engines := []string{"baoku", "baseline", "sqlite"}
	if _, err := exec.LookPath("groonga"); err != nil {
		t.Logf("groonga not installed (Debian groonga-bin): the bench runs without it")
	} else {
		engines = append(engines, "groonga")
	}
	out := t.TempDir()
	cmd := exec.Command(binPath, "bench", "-corpus", corpusFile, "-stories", "300", "-queries", "2",
		"-rounds", "1", "-work", t.TempDir(), "-out", out)
	text, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("bench: %v\n%s", err, text)
	}
	for _, want := range []string{"ingest MB/s of text", "recall % (all queries)", "quoted 1 char", "÷SQLite"} {
		if !strings.Contains(string(text), want) {
			t.Errorf("bench output lacks %q:\n%s", want, text)
		}
	}
	js, err := os.ReadFile(filepath.Join(out, "latest-300-stories.txt"))
	if err != nil || !strings.Contains(string(text), string(js)) {
		t.Errorf("latest-300-stories.txt is not the printed table: %v", err)
	}
	matches, _ := filepath.Glob(filepath.Join(out, "*-300-stories.json"))
	if len(matches) != 1 {
		t.Fatalf("results files: %v", matches)
	}
	js, err = os.ReadFile(matches[0])
	if err != nil {
		t.Fatal(err)
	}
	type accuracy struct {
		Queries           int
		Recall, Precision float64
	}
	var res struct {
		Engines []string
		Runs    []struct {
			Engine     string
			Fraction   float64
			Articles   int
			IndexMB    float64 `json:"index_mb"`
			ServeRSSMB float64 `json:"serve_rss_mb"`
			Accuracy   map[string]accuracy
		}
	}
	if err := json.Unmarshal(js, &res); err != nil {
		t.Fatal(err)
	}
	if strings.Join(res.Engines, ",") != strings.Join(engines, ",") {
		t.Errorf("engines measured: %v, want %v", res.Engines, engines)
	}
	if len(res.Runs) != 3*len(engines) {
		t.Fatalf("%d runs, want %d", len(res.Runs), 3*len(engines))
	}
	full := map[string]map[string]accuracy{}
	for _, r := range res.Runs {
		if r.IndexMB <= 0 || r.ServeRSSMB <= 0 || r.Articles != int(300*r.Fraction) {
			t.Errorf("%s at %.0f%%: %d articles, index %.1f MB, RSS %.0f MB", r.Engine, 100*r.Fraction, r.Articles, r.IndexMB, r.ServeRSSMB)
		}
		if r.Fraction == 1 {
			full[r.Engine] = r.Accuracy
		}
	}
	// Baoku answers every kind exactly.
	for kind, a := range full["baoku"] {
		if a.Queries != 2 || a.Recall != 1 || a.Precision != 1 {
			t.Errorf("Baoku, %s: %+v, want recall and precision 1", kind, a)
		}
	}
	if len(full["baoku"]) != 10 {
		t.Errorf("Baoku was judged on %d kinds, want 10", len(full["baoku"]))
	}
	// SQLite's trigrams find nothing under 3 characters, and substrings
	// of 3 and more exactly.
	if a := full["sqlite"]["quoted 1 char"]; a.Recall != 0 {
		t.Errorf("SQLite, one character: recall %v, want 0 (trigrams)", a.Recall)
	}
	for _, kind := range []string{"quoted 3 chars", "quoted 6 chars", "phrase"} {
		if a := full["sqlite"][kind]; a.Recall != 1 || a.Precision != 1 {
			t.Errorf("SQLite, %s: %+v, want recall and precision 1", kind, a)
		}
	}
	// bleve's cjk bigrams find no lone character.
	if a := full["baseline"]["quoted 1 char"]; a.Recall > 0.5 {
		t.Errorf("bleve, one character: recall %v, want almost none", a.Recall)
	}
	if a, ok := full["groonga"]["quoted 4 chars"]; ok && a.Recall < 0.5 {
		t.Errorf("Groonga, 4 characters: %+v, want most found", a)
	}
}

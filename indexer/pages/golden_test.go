package pages

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata")

// samplePage is the real front page that ships with the program.
const samplePage = "../../data/pages/lvliang-2023-07-22-01.txt"

// parseFile decodes and parses a page file the way the caller does.
func parseFile(t testing.TB, path string) ([]Page, []Warning) {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	name := filepath.Base(path)
	if !utf8.Valid(raw) {
		t.Fatalf("%s: fixtures are UTF-8", path)
	}
	pages, warns, err := ParsePages(name, string(raw), MetaFromFileName(name))
	if err != nil {
		t.Fatal(err)
	}
	return pages, warns
}

// golden is what a golden file holds: the whole parse.
type golden struct {
	Pages    []Page   `json:"pages"`
	Warnings []string `json:"warnings"`
}

// checkGolden compares the parse of path with testdata/<golden>,
// rewriting it with -update.
func checkGolden(t *testing.T, path, goldenName string) {
	pages, warns := parseFile(t, path)
	got := golden{Pages: pages}
	for _, w := range warns {
		got.Warnings = append(got.Warnings, w.String())
	}
	gp := filepath.Join("testdata", goldenName)
	if *update {
		b, err := json.MarshalIndent(got, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(gp, append(b, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	b, err := os.ReadFile(gp)
	if err != nil {
		t.Fatalf("%v (run go test ./indexer/pages -run Golden -update)", err)
	}
	var want golden
	if err := json.Unmarshal(b, &want); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("parse of %s differs from %s (-want +got):\n%s", path, gp, diff)
	}
}

func TestGoldenSamplePage(t *testing.T) {
	checkGolden(t, samplePage, "lvliang-2023-07-22-01.golden.json")
}

// TestGoldenFixtures holds the parse of every page fixture in testdata to
// its golden file, <fixture>.golden.json: any change to what the parser
// makes of them shows in the diff (go test ./indexer/pages -update).
func TestGoldenFixtures(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 4 {
		t.Fatalf("only %d page fixtures in testdata", len(files))
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		t.Run(name, func(t *testing.T) { checkGolden(t, f, name+".golden.json") })
	}
}

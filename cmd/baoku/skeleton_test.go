package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"baoku/indexer"
	"baoku/indexer/article"
	"baoku/indexer/field"
	"baoku/search"
)

var build struct {
	once sync.Once
	bin  string
	err  error
}

// binary builds baoku once for the tests of this package.
func binary(t *testing.T) string {
	t.Helper()
	build.once.Do(func() {
		dir, err := os.MkdirTemp("", "baoku-bin")
		if err != nil {
			build.err = err
			return
		}
		build.bin = filepath.Join(dir, "baoku")
		out, err := exec.Command("go", "build", "-o", build.bin, ".").CombinedOutput()
		if err != nil {
			build.err = err
			build.bin = string(out)
		}
	})
	if build.err != nil {
		t.Fatalf("go build: %v\n%s", build.err, build.bin)
	}
	return build.bin
}

func run(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(binary(t), args...)
	var o, e strings.Builder
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return o.String(), e.String(), code
}

func TestIndexBadInputExitStatus(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	os.Mkdir(in, 0o755)
	bad := filepath.Join(in, "bad.jsonl")
	os.WriteFile(bad, []byte(`{"id":"1","paper":"P","date":"2023-01-02","headline":"好","body":"正文一"}
{"id":"2",
{"id":"3","paper":"P","date":"2023-01-03","headline":"也好","body":"正文二"}
`), 0o644)
	missing := filepath.Join(dir, "missing.txt")
	ix := filepath.Join(dir, "index")
	_, stderr, code := run(t, "index", "-q", "-index", ix, in, missing)
	if code == 0 {
		t.Fatalf("exit status 0 despite bad input; stderr:\n%s", stderr)
	}
	for _, want := range []string{bad + ":2:", missing + ":"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	// The good lines were indexed all the same.
	out, stderr, code := run(t, "search", "-index", ix, "-json", "正文")
	if code != 0 || !strings.Contains(out, `"total": 2`) {
		t.Errorf("search after partial ingest: code %d\n%s\n%s", code, out, stderr)
	}
}

func TestSampleEndToEnd(t *testing.T) {
	ix := filepath.Join(t.TempDir(), "index")
	if _, stderr, code := run(t, "index", "-q", "-index", ix, "../../data/pages"); code != 0 {
		t.Fatalf("index: %d\n%s", code, stderr)
	}
	out, stderr, code := run(t, "search", "-index", ix, "-json", "碛口古镇")
	if code != 0 {
		t.Fatalf("search: %d\n%s", code, stderr)
	}
	for _, want := range []string{`"headline": "老区“红”助力老区“兴”"`, `"date": "2023-07-22"`, `"paper": "吕梁日报"`, "<mark>碛口古镇</mark>"} {
		if !strings.Contains(out, want) {
			t.Errorf("search output lacks %s:\n%.2000s", want, out)
		}
	}
}

// corpusDir is the shared corpus beside the repository, or "" without it.
func corpusDir(t *testing.T) string {
	dir := filepath.Join("..", "..", "..", "shared", "corpus")
	if _, err := os.Stat(filepath.Join(dir, "rmrb-2022.jsonl.gz")); err != nil {
		t.Skipf("corpus not found at %s: skipping the test on real newspaper data", dir)
	}
	return dir
}

func TestCorpusSectionAndDateFacets(t *testing.T) {
	corpus := corpusDir(t)
	ix := filepath.Join(t.TempDir(), "index")
	files := []string{filepath.Join(corpus, "rmrb-2022.jsonl.gz"), filepath.Join(corpus, "xmwb-2022-04.jsonl.gz")}
	if _, stderr, code := run(t, append([]string{"index", "-q", "-index", ix}, files...)...); code != 0 {
		t.Fatalf("index: %d\n%s", code, stderr)
	}
	bix, err := indexer.OpenExisting(ix, indexer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer bix.Close()
	eng := search.New(bix)
	ctx := context.Background()
	all, err := eng.Search(ctx, search.Request{Size: 1})
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := eng.Count(); n != 248+43 {
		t.Errorf("indexed %d articles, want %d", n, 248+43)
	}
	// A search counts an article printed twice once: the distinct
	// contents of each paper's records.
	distinct := map[string]map[string]bool{}
	for _, f := range files {
		if _, err := indexer.ReadRecordFile(f, func(a *article.Article) error {
			if distinct[a.Paper] == nil {
				distinct[a.Paper] = map[string]bool{}
			}
			distinct[a.Paper][indexer.ContentKey(a)] = true
			return nil
		}); err != nil {
			t.Fatal(err)
		}
	}
	rmrb, xmwb := len(distinct["人民日报"]), len(distinct["新民晚报"])
	if rmrb >= 248 || xmwb != 43 {
		t.Fatalf("the corpus has %d distinct 人民日报 articles and %d 新民晚报: the reprints are gone", rmrb, xmwb)
	}
	if all.Total != uint64(rmrb+xmwb) {
		t.Errorf("found %d articles, want %d", all.Total, rmrb+xmwb)
	}
	papers := map[string]int{}
	for _, fv := range all.Facets["paper"] {
		papers[fv.Key] = fv.Count
	}
	if papers["人民日报"] != rmrb || papers["新民晚报"] != xmwb {
		t.Errorf("paper facet = %v, want 人民日报 %d, 新民晚报 %d", all.Facets["paper"], rmrb, xmwb)
	}
	if len(all.Facets["section"]) < 2 || len(all.Facets["month"]) < 2 {
		t.Fatalf("facets: section %v, month %v", all.Facets["section"], all.Facets["month"])
	}
	// Filtering on a facet value returns as many articles as it counted.
	sec := all.Facets["section"][0]
	got, err := eng.Search(ctx, search.Request{Filters: map[string][]string{field.Section: {sec.Key}}})
	if err != nil || int(got.Total) != sec.Count {
		t.Errorf("section %s: facet %d, filter %d (%v)", sec.Key, sec.Count, got.Total, err)
	}
	month := all.Facets["month"][0]
	got, err = eng.Search(ctx, search.Request{Filters: map[string][]string{field.Month: {month.Key}}})
	if err != nil || int(got.Total) != month.Count {
		t.Errorf("month %s: facet %d, filter %d (%v)", month.Key, month.Count, got.Total, err)
	}
	got, err = eng.Search(ctx, search.Request{From: "2022-04-01", To: "2022-04-03", Filters: map[string][]string{field.Paper: {"新民晚报"}}})
	if err != nil || got.Total != 43 {
		t.Errorf("新民晚报 2022-04-01..03: %d (%v), want 43", got.Total, err)
	}
}

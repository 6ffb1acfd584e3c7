package bench

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// fixtureRun makes an engine's run with figures scaled by k.
func fixtureRun(engine string, fraction, k float64, articles int) benchRun {
	x := benchRun{
		Engine: engine, Fraction: fraction, Articles: int(float64(articles) * fraction), RawMB: 30 * fraction,
		IngestS: 20 * fraction * k, IngestCPUS: 35 * fraction * k, PeakRSSMB: 300 * k, IndexMB: 90 * fraction * k,
		StartupMS: 40 * k, Single: latency{N: 40, P50MS: 1.5 * k, P99MS: 9 * k, MaxMS: 12 * k},
		ServeRSSMB: 180 * k, ServeAnonMB: 100 * k, ServeFileMB: 80 * k,
		ByKind:   map[string]latency{kindWord: {P50MS: 1 * k, P99MS: 5 * k}, kindQuoted(1): {P50MS: 2 * k, P99MS: 8 * k}},
		MeanHits: map[string]float64{kindWord: 120, kindQuoted(1): 900},
	}
	x.ArticlesPS = float64(x.Articles) / x.IngestS
	x.MBPS = x.RawMB / x.IngestS
	x.IndexRatio = x.IndexMB / x.RawMB
	if engine == "baoku" {
		x.WordsReadyS = 0.4
	}
	if fraction == 1 {
		x.QPS, x.Concurrent = 800/k, &latency{N: 320, P50MS: 4 * k, P99MS: 30 * k, MaxMS: 40 * k}
	}
	return x
}

func fixtureResult() *benchResult {
	r := &benchResult{
		Date: "2026-12-01T10:00:00Z", Mode: "20000-stories", Corpus: "xwlb.jsonl.gz", GoVersion: "go1.26.8",
		CPUs: 2, Clients: 8, Engines: []string{"baoku", "baseline", "sqlite", "groonga"},
		Mix: make([]benchQuery, 40), Queries: 40,
	}
	scale := map[string]float64{"baoku": 1, "baseline": 1.3, "sqlite": 0.5, "groonga": 0.8}
	for _, f := range benchFractions {
		for _, e := range r.Engines {
			x := fixtureRun(e, f, scale[e], 20000)
			if f == 1 {
				x.Accuracy = map[string]accuracy{
					kindWord:      {Queries: 20, ByIDs: 20, TrueHits: 120, Recall: 1, Precision: 1, Exact: 1},
					kindQuoted(1): {Queries: 20, ByIDs: 2, TrueHits: 900, Recall: 1, Precision: 1, Exact: 1},
				}
				if e == "sqlite" {
					x.Accuracy[kindQuoted(1)] = accuracy{Queries: 20, ByIDs: 20, TrueHits: 900, Recall: 0, Precision: 1, Exact: 0}
				}
				if e == "baseline" {
					x.Accuracy[kindWord] = accuracy{Queries: 20, ByIDs: 12, TrueHits: 120, Recall: 1, Precision: 0.8765, Exact: 0.6}
				}
			}
			r.Runs = append(r.Runs, x)
		}
	}
	return r
}

// checkGolden compares got with testdata/name, or rewrites it with -update.
func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to write it)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s (-want +got):\n%s", name, diff)
	}
}

// line returns the table line that starts with name (after padding).
func line(table, name string) string {
	for _, l := range strings.Split(table, "\n") {
		if strings.HasPrefix(strings.TrimLeft(l, " "), name+"|") {
			return l
		}
	}
	return ""
}

func TestTable(t *testing.T) {
	r := fixtureResult()
	got := r.table()
	checkGolden(t, "table.golden", got)
	for _, tc := range []struct{ row, want string }{
		{"ingest MB/s of text", "≥ SQLite MISS"},                                // 1.5 against SQLite's 3
		{"ingest peak RSS MB", "≤ 400 ok"},                                      // 300
		{"index size / text", "≤ 3.00 ok"},                                      // 3.0
		{"query p99 ms", "≤ 10, < Groonga MISS"},                                // 9 against Groonga's 7.2
		{"RSS serving MB", "≤ 200 ok"},                                          // 180 at 20,000 stories
		{"words ready after start s", "≤ 1 ok"},                                 // 0.4
		{"recall % (all queries)", "100% ok"},                                   // every query exact
		{"ingest wall time s", "|   20.0|   26.0|    10.0|     16.0|   0.77×|"}, // the engines' figures, Baoku ÷ bleve
	} {
		if l := line(got, tc.row); !strings.Contains(l, tc.want) {
			t.Errorf("row %q = %q, want it to contain %q", tc.row, l, tc.want)
		}
	}
	if l := line(got, kindQuoted(1)); !strings.Contains(l, "0.0 / 100 / 0.0") {
		t.Errorf("SQLite's blind spot does not show: %q", l)
	}
	// Above 20,000 stories the serving bound is 300 MB.
	for i := range r.Runs {
		r.Runs[i].Articles *= 4
		r.Runs[i].ServeRSSMB = 250
	}
	if l := line(r.table(), "RSS serving MB"); !strings.Contains(l, "≤ 300 ok") {
		t.Errorf("RSS serving at 80,000 stories: %q", l)
	}
}

func TestScaleTable(t *testing.T) {
	r := fixtureResult()
	r.Mode, r.Engines = "scale", []string{"baoku"}
	got := r.scaleTable(1)
	checkGolden(t, "scale.golden", got)
	// MB/s is flat from 25 to 100% in the fixture: within 20%.
	if l := line(got, "ingest MB/s of text"); !strings.Contains(l, "1.00×") || !strings.Contains(l, "ok") {
		t.Errorf("ingest row: %q", l)
	}
	if l := line(got, "query p99 ms"); !strings.Contains(l, "≤ 25 at 100% ok") {
		t.Errorf("p99 row: %q", l)
	}
}

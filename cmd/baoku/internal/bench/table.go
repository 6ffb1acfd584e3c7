package bench

import (
	"fmt"
	"strings"
	"text/tabwriter"
)

// benchRow is one line of the table: a figure for each engine and the
// target Baoku is held to (lower is better unless higher is set).
type benchRow struct {
	name   string
	get    func(benchRun) float64
	format string
	target float64 // 0: none
	higher bool
}

// run returns the run of an engine at a share of the corpus.
func (r *benchResult) run(engine string, fraction float64) (benchRun, bool) {
	for _, x := range r.Runs {
		if x.Engine == engine && x.Fraction == fraction {
			return x, true
		}
	}
	return benchRun{}, false
}

// table renders the result: one row per figure with Baoku's, the
// baseline's, their ratio and the target.
func (r *benchResult) table() string {
	var b strings.Builder
	full, ok := r.run("baoku", 1)
	if !ok {
		return "no runs\n"
	}
	fmt.Fprintf(&b, "\nbaoku bench (%s): %s, %d articles, %.1f MB of text, %d CPUs, %s, %s\n",
		r.Mode, r.Corpus, full.Articles, full.RawMB, r.CPUs, r.GoVersion, r.Date)
	fmt.Fprintf(&b, "baseline: bleve, default mapping, cjk analyzer, query string, html highlighter\n")
	fmt.Fprintf(&b, "queries: %d (word, two words, phrase, character; facets, snippets, size 10); ratio = Baoku / baseline\n\n", len(r.Mix))
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight|tabwriter.Debug)
	fmt.Fprintln(tw, "figure (100% unless said)\tBaoku\tbaseline\tratio\ttarget\t")
	add := func(row benchRow, fraction float64) {
		a, _ := r.run("baoku", fraction)
		z, _ := r.run("baseline", fraction)
		va, vz := row.get(a), row.get(z)
		ratio := "-"
		if vz != 0 {
			ratio = fmt.Sprintf("%.2f×", va/vz)
		}
		target := ""
		if row.target != 0 {
			pass := va <= row.target
			op := "≤"
			if row.higher {
				pass, op = va >= row.target, "≥"
			}
			verdict := "ok"
			if !pass {
				verdict = "MISS"
			}
			target = fmt.Sprintf("%s "+row.format+" %s", op, row.target, verdict)
		}
		fmt.Fprintf(tw, "%s\t"+row.format+"\t"+row.format+"\t%s\t%s\t\n", row.name, va, vz, ratio, target)
	}
	for _, row := range []benchRow{
		{name: "ingest articles/s", get: func(x benchRun) float64 { return x.ArticlesPS }, format: "%.0f", higher: true},
		{name: "ingest MB/s of text", get: func(x benchRun) float64 { return x.MBPS }, format: "%.2f", target: 5, higher: true},
		{name: "ingest wall time s", get: func(x benchRun) float64 { return x.IngestS }, format: "%.1f"},
		{name: "ingest peak RSS MB", get: func(x benchRun) float64 { return x.PeakRSSMB }, format: "%.0f", target: 1000},
		{name: "index size / text", get: func(x benchRun) float64 { return x.IndexRatio }, format: "%.2f", target: 2.5},
		{name: "query p50 ms", get: func(x benchRun) float64 { return x.Single.P50MS }, format: "%.2f", target: 3},
		{name: "query p99 ms", get: func(x benchRun) float64 { return x.Single.P99MS }, format: "%.2f", target: 15},
		{name: "query max ms", get: func(x benchRun) float64 { return x.Single.MaxMS }, format: "%.2f"},
		{name: fmt.Sprintf("%d clients q/s", r.Clients), get: func(x benchRun) float64 { return x.QPS }, format: "%.0f", target: 400, higher: true},
		{name: fmt.Sprintf("%d clients p99 ms", r.Clients), get: func(x benchRun) float64 {
			if x.Concurrent == nil {
				return 0
			}
			return x.Concurrent.P99MS
		}, format: "%.2f"},
		{name: "startup to first answer ms", get: func(x benchRun) float64 { return x.StartupMS }, format: "%.0f", target: 1000},
		{name: "RSS serving MB", get: func(x benchRun) float64 { return x.ServeRSSMB }, format: "%.0f", target: 400},
	} {
		add(row, 1)
	}
	for _, k := range queryKinds {
		add(benchRow{name: k + " p50 ms", get: func(x benchRun) float64 { return x.ByKind[k].P50MS }, format: "%.2f"}, 1)
		add(benchRow{name: k + " p99 ms", get: func(x benchRun) float64 { return x.ByKind[k].P99MS }, format: "%.2f"}, 1)
		add(benchRow{name: k + " hits/query", get: func(x benchRun) float64 { return x.MeanHits[k] }, format: "%.0f"}, 1)
	}
	for _, f := range benchFractions {
		pct := fmt.Sprintf("%.0f%%", f*100)
		add(benchRow{name: "ingest MB/s at " + pct, get: func(x benchRun) float64 { return x.MBPS }, format: "%.2f"}, f)
		add(benchRow{name: "query p99 ms at " + pct, get: func(x benchRun) float64 { return x.Single.P99MS }, format: "%.2f"}, f)
	}
	tw.Flush()
	if full.WordsReadyS > 0 {
		fmt.Fprintf(&b, "\nBaoku answers from the character view until its dictionary is loaded, %.1f s after start.\n", full.WordsReadyS)
	}
	return b.String()
}

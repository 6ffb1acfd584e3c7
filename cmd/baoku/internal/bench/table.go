package bench

import (
	"fmt"
	"strings"
	"text/tabwriter"
)

// benchRow is one line of the main table: a figure for each engine and the
// target Baoku is held to.
type benchRow struct {
	name   string
	get    func(benchRun) (float64, bool) // false: the engine has no such figure
	format string
	// target checks Baoku's figure; nil: none. It returns the target as
	// text and whether it is met.
	target func(r *benchResult, v float64) (string, bool)
}

// run returns the run of an engine at a share of the stories.
func (r *benchResult) run(engine string, fraction float64) (benchRun, bool) {
	for _, x := range r.Runs {
		if x.Engine == engine && x.Fraction == fraction {
			return x, true
		}
	}
	return benchRun{}, false
}

// fig makes a getter of a figure every engine has.
func fig(f func(benchRun) float64) func(benchRun) (float64, bool) {
	return func(x benchRun) (float64, bool) { return f(x), true }
}

// atMost and atLeast are fixed targets.
func atMost(limit float64, format string) func(*benchResult, float64) (string, bool) {
	return func(_ *benchResult, v float64) (string, bool) { return fmt.Sprintf("≤ "+format, limit), v <= limit }
}

// beside is a target relative to a peer's figure in the same run: at least
// (higher) or below it; no target when the peer did not run.
func beside(peer string, higher bool, fraction float64, get func(benchRun) float64) func(*benchResult, float64) (string, bool) {
	return func(r *benchResult, v float64) (string, bool) {
		x, ok := r.run(peer, fraction)
		if !ok {
			return "", true
		}
		if higher {
			return "≥ " + engineLabels[peer], v >= get(x)
		}
		return "< " + engineLabels[peer], v < get(x)
	}
}

// both joins two targets.
func both(a, b func(*benchResult, float64) (string, bool)) func(*benchResult, float64) (string, bool) {
	return func(r *benchResult, v float64) (string, bool) {
		ta, pa := a(r, v)
		tb, pb := b(r, v)
		if tb == "" {
			return ta, pa
		}
		return ta + ", " + tb, pa && pb
	}
}

// serveTarget is the bound on the serving process's resident set:
// 200 MB up to 20,000 stories, 300 MB above.
func serveTarget(r *benchResult, v float64) (string, bool) {
	limit := 300.0
	if x, ok := r.run("baoku", 1); ok && x.Articles <= 20000 {
		limit = 200
	}
	return atMost(limit, "%.0f")(r, v)
}

// overall is the accuracy over every query of a run.
func overall(x benchRun) (rec, prec, exact float64, ok bool) {
	n := 0
	for _, a := range x.Accuracy {
		q := float64(a.Queries)
		rec, prec, exact = rec+a.Recall*q, prec+a.Precision*q, exact+a.Exact*q
		n += a.Queries
	}
	if n == 0 {
		return 0, 0, 0, false
	}
	return 100 * rec / float64(n), 100 * prec / float64(n), 100 * exact / float64(n), true
}

func mainRows(r *benchResult) []benchRow {
	full100 := func(_ *benchResult, v float64) (string, bool) { return "100%", v >= 100-1e-9 }
	rows := []benchRow{
		{name: "ingest articles/s", get: fig(func(x benchRun) float64 { return x.ArticlesPS }), format: "%.0f"},
		{name: "ingest MB/s of text", get: fig(func(x benchRun) float64 { return x.MBPS }), format: "%.2f",
			target: beside("sqlite", true, 1, func(x benchRun) float64 { return x.MBPS })},
		{name: "ingest wall time s", get: fig(func(x benchRun) float64 { return x.IngestS }), format: "%.1f"},
		{name: "ingest CPU time s", get: fig(func(x benchRun) float64 { return x.IngestCPUS }), format: "%.1f"},
		{name: "ingest peak RSS MB", get: fig(func(x benchRun) float64 { return x.PeakRSSMB }), format: "%.0f", target: atMost(400, "%.0f")},
		{name: "index MB", get: fig(func(x benchRun) float64 { return x.IndexMB }), format: "%.0f"},
		{name: "index size / text", get: fig(func(x benchRun) float64 { return x.IndexRatio }), format: "%.2f", target: atMost(3, "%.2f")},
		{name: "startup to first answer ms", get: fig(func(x benchRun) float64 { return x.StartupMS }), format: "%.0f"},
		{name: "words ready after start s", get: func(x benchRun) (float64, bool) { return x.WordsReadyS, x.Engine == "baoku" },
			format: "%.2f", target: atMost(1, "%.0f")},
		{name: "query p50 ms", get: fig(func(x benchRun) float64 { return x.Single.P50MS }), format: "%.2f"},
		{name: "query p99 ms", get: fig(func(x benchRun) float64 { return x.Single.P99MS }), format: "%.2f",
			target: both(atMost(10, "%.0f"), beside("groonga", false, 1, func(x benchRun) float64 { return x.Single.P99MS }))},
		{name: "query max ms", get: fig(func(x benchRun) float64 { return x.Single.MaxMS }), format: "%.2f"},
		{name: fmt.Sprintf("%d clients q/s", r.Clients), get: fig(func(x benchRun) float64 { return x.QPS }), format: "%.0f"},
		{name: fmt.Sprintf("%d clients p99 ms", r.Clients), get: func(x benchRun) (float64, bool) {
			if x.Concurrent == nil {
				return 0, false
			}
			return x.Concurrent.P99MS, true
		}, format: "%.2f"},
		{name: "RSS serving MB", get: fig(func(x benchRun) float64 { return x.ServeRSSMB }), format: "%.0f", target: serveTarget},
		{name: "  anonymous MB", get: fig(func(x benchRun) float64 { return x.ServeAnonMB }), format: "%.0f"},
		{name: "  file-backed MB", get: fig(func(x benchRun) float64 { return x.ServeFileMB }), format: "%.0f"},
		{name: "recall % (all queries)", get: func(x benchRun) (float64, bool) { v, _, _, ok := overall(x); return v, ok },
			format: "%.1f", target: full100},
		{name: "precision %", get: func(x benchRun) (float64, bool) { _, v, _, ok := overall(x); return v, ok },
			format: "%.1f", target: full100},
		{name: "answered exactly %", get: func(x benchRun) (float64, bool) { _, _, v, ok := overall(x); return v, ok },
			format: "%.1f", target: full100},
	}
	return rows
}

// table renders the result: the main table, one column per engine with
// Baoku's ratio to each other engine and its targets, then the answers and
// latencies by kind of query.
func (r *benchResult) table() string {
	var b strings.Builder
	full, ok := r.run(r.Engines[0], 1)
	if !ok {
		return "no runs\n"
	}
	fmt.Fprintf(&b, "\nbaoku bench (%s): %s, %d articles, %.1f MB of text, %d CPUs, %s, %s\n",
		r.Mode, r.Corpus, full.Articles, full.RawMB, r.CPUs, r.GoVersion, r.Date)
	for _, e := range r.Engines {
		fmt.Fprintf(&b, "%-8s %s\n", engineLabels[e]+":", engineNotes[e])
	}
	for _, s := range r.Skipped {
		fmt.Fprintf(&b, "skipped: %s\n", s)
	}
	fmt.Fprintf(&b, "queries: %d (%d kinds; 10 hits with snippets); ratio = %s / engine; figures at 100%% unless said\n\n",
		len(r.Mix), len(queryKinds), engineLabels[r.Engines[0]])
	r.mainTable(&b)
	r.kindTables(&b)
	return b.String()
}

// engineNotes say how each engine is set up, under the table's title.
var engineNotes = map[string]string{
	"baoku":    "words and character view, facets, snippets",
	"baseline": "bleve, default mapping, cjk analyzer, query string, html highlighter, facets",
	"sqlite":   "FTS5 trigram tokenizer (modernc.org/sqlite), bm25 headline×3, snippet(), optimized; no facets",
	"groonga":  "TokenBigram + NormalizerAuto, one index WITH_POSITION|WITH_SECTION, escalation off, snippet_html; no facets",
}

func (r *benchResult) mainTable(b *strings.Builder) {
	ref := r.Engines[0]
	others := r.Engines[1:]
	tw := tabwriter.NewWriter(b, 0, 0, 2, ' ', tabwriter.AlignRight|tabwriter.Debug)
	head := "figure\t"
	for _, e := range r.Engines {
		head += engineLabels[e] + "\t"
	}
	for _, e := range others {
		head += "÷" + engineLabels[e] + "\t"
	}
	fmt.Fprintln(tw, head+"target\t")
	add := func(row benchRow, fraction float64) {
		line := row.name + "\t"
		vals := map[string]float64{}
		has := map[string]bool{}
		for _, e := range r.Engines {
			x, ok := r.run(e, fraction)
			v, okv := row.get(x)
			if ok && okv {
				vals[e], has[e] = v, true
				line += fmt.Sprintf(row.format, v) + "\t"
			} else {
				line += "-\t"
			}
		}
		for _, e := range others {
			if has[ref] && has[e] && vals[e] != 0 {
				line += fmt.Sprintf("%.2f×", vals[ref]/vals[e]) + "\t"
			} else {
				line += "-\t"
			}
		}
		target := ""
		if row.target != nil && has[ref] && ref == "baoku" {
			text, pass := row.target(r, vals[ref])
			if text != "" {
				target = text + map[bool]string{true: " ok", false: " MISS"}[pass]
			}
		}
		fmt.Fprintln(tw, line+target+"\t")
	}
	for _, row := range mainRows(r) {
		add(row, 1)
	}
	for _, f := range benchFractions {
		pct := fmt.Sprintf("%.0f%%", f*100)
		add(benchRow{name: "ingest MB/s at " + pct, get: fig(func(x benchRun) float64 { return x.MBPS }), format: "%.2f"}, f)
		add(benchRow{name: "query p99 ms at " + pct, get: fig(func(x benchRun) float64 { return x.Single.P99MS }), format: "%.2f"}, f)
	}
	tw.Flush()
	if x, ok := r.run("baoku", 1); ok && x.WordsReadyS > 0 {
		fmt.Fprintf(b, "\nBaoku answers from the character view until its dictionary is loaded, %.2f s after start.\n", x.WordsReadyS)
	}
}

// pct writes a share as a per cent: 100 exactly, else with one decimal.
func pct(v float64) string {
	if v >= 1-1e-9 {
		return "100"
	}
	return fmt.Sprintf("%.1f", 100*v)
}

// kindTables write the answers against the brute-force truth and the
// latencies, by kind of query, at 100%.
func (r *benchResult) kindTables(b *strings.Builder) {
	ref, ok := r.run(r.Engines[0], 1)
	if !ok {
		return
	}
	if len(ref.Accuracy) > 0 {
		fmt.Fprintf(b, "\nanswers against a brute-force scan of the normalised text: recall / precision / answered exactly, %% (mean over the queries)\n\n")
		tw := tabwriter.NewWriter(b, 0, 0, 2, ' ', tabwriter.AlignRight|tabwriter.Debug)
		head := "kind\tqueries\ttrue hits\t"
		for _, e := range r.Engines {
			head += engineLabels[e] + "\t"
		}
		fmt.Fprintln(tw, head)
		for _, k := range queryKinds {
			a, ok := ref.Accuracy[k]
			if !ok {
				continue
			}
			line := fmt.Sprintf("%s\t%d\t%.0f\t", k, a.Queries, a.TrueHits)
			for _, e := range r.Engines {
				x, _ := r.run(e, 1)
				if acc, ok := x.Accuracy[k]; ok {
					line += pct(acc.Recall) + " / " + pct(acc.Precision) + " / " + pct(acc.Exact) + "\t"
				} else {
					line += "-\t"
				}
			}
			fmt.Fprintln(tw, line)
		}
		tw.Flush()
		fmt.Fprintf(b, "(IDs compared where an engine found at most %d, totals otherwise; an empty answer has precision 100)\n", fetchLimit)
	}
	fmt.Fprintf(b, "\nlatency by kind, one client: p50 / p99 ms, and hits a query\n\n")
	tw := tabwriter.NewWriter(b, 0, 0, 2, ' ', tabwriter.AlignRight|tabwriter.Debug)
	head := "kind\t"
	for _, e := range r.Engines {
		head += engineLabels[e] + "\t"
	}
	fmt.Fprintln(tw, head)
	for _, k := range queryKinds {
		if _, ok := ref.ByKind[k]; !ok {
			continue
		}
		line := k + "\t"
		for _, e := range r.Engines {
			x, _ := r.run(e, 1)
			l := x.ByKind[k]
			line += fmt.Sprintf("%.2f / %.2f  %6.0f", l.P50MS, l.P99MS, x.MeanHits[k]) + "\t"
		}
		fmt.Fprintln(tw, line)
	}
	tw.Flush()
}

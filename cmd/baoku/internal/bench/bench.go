// Package bench owns `baoku bench`: it measures Baoku beside a baseline of
// plain bleve (baseline.go) and two peers, SQLite FTS5 with the trigram
// tokenizer (sqlite.go) and Groonga (groonga.go), on the news corpus beside
// the repository, at 25, 50 and 100% of it. Every engine indexes and serves
// as child processes (proc.go): Baoku, the baseline and SQLite from the
// baoku binary whose path the caller hands in, Groonga from its own
// command. One HTTP client, then several, run the same mix of queries
// (mix.go) against each (client.go); the answers are checked against a
// brute-force scan of the stories (truth.go); the figures are printed as
// tables (table.go) and kept as JSON. `-scale N` (scale.go) measures how
// Baoku's costs grow on N stories recombined from the corpus.
package bench

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"time"

	"baoku/cmd/baoku/internal/corpus"
	"baoku/indexer"
	"baoku/indexer/article"
	"baoku/segment"
)

// benchCorpus is the benchmark corpus, beside the project.
var benchCorpus = filepath.Join(corpus.Dir, "xwlb-2012-2026.jsonl.gz")

// benchFractions are the shares of the corpus indexed to see how cost grows.
var benchFractions = []float64{0.25, 0.5, 1}

// benchOptions are the flags of `baoku bench`.
type benchOptions struct {
	corpus  string // article records (.jsonl.gz) to index
	quick   bool   // a 10% sample of the corpus
	stories int    // a sample of this many stories, spread over the corpus; 0: all
	scale   int    // build this many recombined stories instead (scale.go)
	seed    uint64 // seed of the recombined stories
	engines string // engines to measure, comma-separated
	out     string // folder for the results file
	work    string // folder for the indexes; "" for a temporary one
	perKind int    // queries of each kind in the mix
	clients int    // concurrent clients for the throughput run
	rounds  int    // times each concurrent client runs through the mix
}

// Run runs `baoku bench` with its command-line args. It measures Baoku,
// the baseline and the peers on the benchmark corpus: ingest, index size,
// query latency over HTTP, concurrent clients, startup, memory and the
// answers' recall and precision, at 25, 50 and 100% of the corpus. It
// prints the tables and keeps the figures in a JSON file. self is the path
// of the baoku binary, which it starts as the engines' child processes
// (`baoku index` and `baoku serve`, and `baoku bench baseline-index`,
// `baseline-serve`, `sqlite-index` and `sqlite-serve`, which Run answers
// when args start with those names).
func Run(args []string, self string) error {
	if len(args) > 0 {
		if child, ok := map[string]func([]string) error{
			"baseline-index": runBaselineIndex, "baseline-serve": runBaselineServe,
			"sqlite-index": runSQLiteIndex, "sqlite-serve": runSQLiteServe,
		}[args[0]]; ok {
			return child(args[1:])
		}
	}
	var o benchOptions
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.StringVar(&o.corpus, "corpus", benchCorpus, "article records (.jsonl.gz) to index")
	fs.BoolVar(&o.quick, "quick", false, "use a 10% sample of the corpus")
	fs.IntVar(&o.stories, "stories", 0, "use a sample of `N` stories spread over the corpus (0: all)")
	fs.IntVar(&o.scale, "scale", 0, "measure how costs grow on `N` stories recombined from the corpus")
	fs.Uint64Var(&o.seed, "seed", 1, "seed of the recombined stories of -scale")
	fs.StringVar(&o.engines, "engines", "", "engines to measure, comma-separated: baoku,baseline,sqlite,groonga (default: all; with -scale: baoku)")
	fs.StringVar(&o.out, "out", filepath.Join("bench", "results"), "folder for the results file")
	fs.StringVar(&o.work, "work", "", "folder for the indexes (default: a temporary folder, removed after)")
	fs.IntVar(&o.perKind, "queries", 50, "queries of each kind in the mix")
	fs.IntVar(&o.clients, "clients", 8, "concurrent clients for the throughput run")
	fs.IntVar(&o.rounds, "rounds", 2, "times each concurrent client runs through the mix")
	if err := fs.Parse(args); err != nil {
		return err
	}
	for _, p := range []struct {
		name string
		v    int
		min  int
	}{{"stories", o.stories, 0}, {"scale", o.scale, 0}, {"queries", o.perKind, 1}, {"clients", o.clients, 1}, {"rounds", o.rounds, 1}} {
		if p.v < p.min {
			return fmt.Errorf("bench: -%s must be at least %d, not %d", p.name, p.min, p.v)
		}
	}
	if o.scale > 0 && (o.quick || o.stories > 0) {
		return errors.New("bench: -scale builds its own stories; it takes neither -quick nor -stories")
	}
	engs, err := pickEngines(o.engines, o.scale > 0)
	if err != nil {
		return err
	}
	if _, err := os.Stat(o.corpus); err != nil {
		fmt.Printf("bench: skipped: corpus %s not found (it lives beside the project, in %s)\n", o.corpus, corpus.Dir)
		return nil
	}
	work := o.work
	if work == "" {
		if work, err = os.MkdirTemp("", "baoku-bench-"); err != nil {
			return err
		}
		defer os.RemoveAll(work)
	} else if err := os.MkdirAll(work, 0o755); err != nil {
		return err
	}
	var res *benchResult
	if o.scale > 0 {
		res, err = scaleBench(self, work, engs, o)
	} else {
		res, err = bench(self, work, engs, o)
	}
	if err != nil {
		return err
	}
	fmt.Print(res.Table)
	return res.save(o.out)
}

// pickEngines returns the engines named in list (all when empty, Baoku
// alone for -scale), leaving out with a message those not installed.
func pickEngines(list string, scale bool) ([]engine, error) {
	if list == "" && scale {
		list = "baoku"
	}
	var out []engine
	for _, e := range engines() {
		if list != "" && !slices.Contains(strings.Split(list, ","), e.name()) {
			continue
		}
		if why := e.missing(); why != "" {
			fmt.Fprintf(os.Stderr, "bench: %s skipped: %s\n", engineLabels[e.name()], why)
			continue
		}
		out = append(out, e)
	}
	for _, name := range strings.Split(list, ",") {
		if _, ok := engineLabels[name]; !ok && name != "" {
			return nil, fmt.Errorf("bench: -engines: unknown engine %q (baoku, baseline, sqlite, groonga)", name)
		}
	}
	if len(out) == 0 {
		return nil, errors.New("bench: no engine to measure")
	}
	return out, nil
}

// benchRun is what one engine cost at one share of the stories.
type benchRun struct {
	Engine      string  `json:"engine"`
	Fraction    float64 `json:"fraction"`
	Articles    int     `json:"articles"`
	RawMB       float64 `json:"raw_mb"`
	IngestS     float64 `json:"ingest_s"`
	IngestCPUS  float64 `json:"ingest_cpu_s"`
	ArticlesPS  float64 `json:"ingest_articles_per_s"`
	MBPS        float64 `json:"ingest_mb_per_s"`
	PeakRSSMB   float64 `json:"ingest_peak_rss_mb"`
	IndexMB     float64 `json:"index_mb"`
	IndexRatio  float64 `json:"index_ratio"`
	StartupMS   float64 `json:"startup_ms"`
	WordsReadyS float64 `json:"words_ready_s,omitempty"`
	// Single is the latency of one client running the mix once.
	Single   latency            `json:"single"`
	ByKind   map[string]latency `json:"by_kind"`
	MeanHits map[string]float64 `json:"mean_hits"`
	// Accuracy compares the answers with the brute-force truth (full share).
	Accuracy map[string]accuracy `json:"accuracy,omitempty"`
	// QPS and Concurrent are from the concurrent clients (full share only).
	QPS         float64  `json:"qps,omitempty"`
	Concurrent  *latency `json:"concurrent,omitempty"`
	ServeRSSMB  float64  `json:"serve_rss_mb"`
	ServeAnonMB float64  `json:"serve_anon_mb"`
	ServeFileMB float64  `json:"serve_file_mb"`
}

// benchResult is one run of the bench.
type benchResult struct {
	Date      string   `json:"date"`
	Mode      string   `json:"mode"`
	Corpus    string   `json:"corpus"`
	GoVersion string   `json:"go"`
	CPUs      int      `json:"cpus"`
	Clients   int      `json:"clients"`
	Engines   []string `json:"engines"`
	Skipped   []string `json:"skipped,omitempty"` // engines not measured, with why
	// Mix is not kept in the results: its queries are drawn from the
	// corpus, which stays out of the repository; the seed makes it again.
	Mix     []benchQuery `json:"-"`
	Queries int          `json:"queries"`
	Runs    []benchRun   `json:"runs"`
	Table   string       `json:"table"`
}

func bench(self, work string, engs []engine, o benchOptions) (*benchResult, error) {
	mode := "full"
	switch {
	case o.quick:
		mode = "quick"
	case o.stories > 0:
		mode = fmt.Sprintf("%d-stories", o.stories)
	}
	lines, err := readLines(o.corpus)
	if err != nil {
		return nil, err
	}
	lines = sample(lines, o.quick, o.stories)
	var arts []*article.Article
	subs, err := writeShares(work, len(lines), func(i int) []byte { return lines[i] }, hasGroonga(engs),
		func(a *article.Article) { arts = append(arts, a) })
	if err != nil {
		return nil, err
	}
	lines = nil
	seg, err := segment.New(segment.Options{Dict: segment.DictNews})
	if err != nil {
		return nil, err
	}
	res := newResult(mode, o, engs)
	res.Mix = buildMix(arts[:subs[0].articles], seg, o.perKind)
	res.Queries = len(res.Mix)
	last := subs[len(subs)-1]
	fmt.Fprintf(os.Stderr, "bench: %s, %d articles (%.1f MB of text), %d queries; finding the true answers…\n",
		mode, last.articles, float64(last.rawBytes)/1e6, len(res.Mix))
	truth := newHaystack(arts).truths(res.Mix)
	arts = nil
	debug.FreeOSMemory() // the stories' text is not needed again: keep the machine for the engines
	for _, sub := range subs {
		for _, e := range engs {
			var t []map[string]bool
			if sub.fraction == 1 {
				t = truth
			}
			run, err := benchEngine(self, work, e, sub, res.Mix, t, sub.fraction == 1, o)
			if err != nil {
				return nil, err
			}
			res.Runs = append(res.Runs, run)
		}
	}
	res.Table = res.table()
	return res, nil
}

// newResult starts the result of a run.
func newResult(mode string, o benchOptions, engs []engine) *benchResult {
	res := &benchResult{
		Date: time.Now().UTC().Format(time.RFC3339), Mode: mode, Corpus: filepath.Base(o.corpus),
		GoVersion: runtime.Version(), CPUs: runtime.NumCPU(), Clients: o.clients,
	}
	for _, e := range engines() {
		if slices.ContainsFunc(engs, func(x engine) bool { return x.name() == e.name() }) {
			res.Engines = append(res.Engines, e.name())
		} else if why := e.missing(); why != "" {
			res.Skipped = append(res.Skipped, engineLabels[e.name()]+": "+why)
		}
	}
	return res
}

func hasGroonga(engs []engine) bool {
	return slices.ContainsFunc(engs, func(e engine) bool { return e.name() == "groonga" })
}

// readLines reads the records of a .jsonl.gz file, one a line.
func readLines(path string) ([][]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var lines [][]byte
	sc := bufio.NewScanner(gz)
	sc.Buffer(make([]byte, 1<<20), indexer.MaxLine)
	for sc.Scan() {
		if len(bytes.TrimSpace(sc.Bytes())) > 0 {
			lines = append(lines, bytes.Clone(sc.Bytes()))
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return lines, nil
}

// sample keeps every 10th line (quick), or n lines spread evenly over all
// of them, or all.
func sample(lines [][]byte, quick bool, n int) [][]byte {
	var out [][]byte
	switch {
	case quick:
		for i := 0; i < len(lines); i += 10 {
			out = append(out, lines[i])
		}
	case n > 0 && n < len(lines):
		for i := 0; i < n; i++ {
			out = append(out, lines[i*len(lines)/n])
		}
	default:
		out = lines
	}
	return out
}

// benchEngine indexes one share with one engine, serves it and queries it;
// with truth it also compares the answers with the true ones.
func benchEngine(self, work string, e engine, sub subset, mix []benchQuery, truth []map[string]bool, full bool, o benchOptions) (benchRun, error) {
	name := e.name()
	dir := filepath.Join(work, fmt.Sprintf("%s-%03.0f", name, sub.fraction*100))
	defer os.RemoveAll(dir)
	run := benchRun{Engine: name, Fraction: sub.fraction, Articles: sub.articles, RawMB: float64(sub.rawBytes) / 1e6}
	fmt.Fprintf(os.Stderr, "bench: %s %3.0f%%: indexing…\n", name, sub.fraction*100)
	ing, err := e.ingest(self, dir, sub)
	if err != nil {
		return run, err
	}
	run.IngestS = ing.Wall.Seconds()
	run.IngestCPUS = ing.CPU.Seconds()
	run.ArticlesPS = float64(sub.articles) / run.IngestS
	run.MBPS = run.RawMB / run.IngestS
	run.PeakRSSMB = float64(ing.PeakRSS) / 1e6
	run.IndexMB = float64(ing.DiskSize) / 1e6
	run.IndexRatio = float64(ing.DiskSize) / float64(sub.rawBytes)

	fmt.Fprintf(os.Stderr, "bench: %s %3.0f%%: serving…\n", name, sub.fraction*100)
	err = serveAndQuery(self, dir, e, &run, mix, truth, full, o)
	return run, err
}

// serveAndQuery serves the index in dir with e, queries it and adds the
// figures to run.
func serveAndQuery(self, dir string, e engine, run *benchRun, mix []benchQuery, truth []map[string]bool, full bool, o benchOptions) error {
	name := e.name()
	srv, err := startServer(e, self, dir)
	if err != nil {
		return err
	}
	defer srv.stop()
	c := newClient(o.clients)
	startup, err := srv.firstAnswer(c, e.request(mix[0], 10, 0, false), 2*time.Minute)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	run.StartupMS = float64(startup.Microseconds()) / 1000
	if name == "baoku" {
		ready, err := waitWords(c, srv)
		if err != nil {
			return err
		}
		run.WordsReadyS = ready.Seconds()
	}
	// One untimed pass warms every engine the same way.
	if _, err := singleClient(c, srv.base, e, mix); err != nil {
		return err
	}
	p, err := singleClient(c, srv.base, e, mix)
	if err != nil {
		return err
	}
	run.Single, run.ByKind, run.MeanHits = p.all, p.byKind, p.hits
	if full {
		qps, lat, err := throughput(c, srv.base, e, mix, o.clients, o.rounds, time.Minute)
		if err != nil {
			return err
		}
		run.QPS, run.Concurrent = qps, &lat
	}
	// Memory is read after the queries, before the IDs are fetched page by
	// page for the comparison, which no user does.
	mem, err := srv.memory()
	if err != nil {
		return err
	}
	run.ServeRSSMB, run.ServeAnonMB, run.ServeFileMB = float64(mem.RSS)/1e6, float64(mem.Anon)/1e6, float64(mem.File)/1e6
	if truth != nil {
		if run.Accuracy, err = judgeMix(c, srv.base, e, mix, p.answers, truth); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}
	return nil
}

// waitWords waits until Baoku's server has loaded its dictionary, which it
// does in the background after answering from the character view, and
// returns the time since the process started.
func waitWords(c *http.Client, srv *server) (time.Duration, error) {
	u := srv.base + "/api/search?size=1&explain=1&q=" + url.QueryEscape("新闻")
	for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		resp, err := c.Get(u)
		if err != nil {
			return 0, err
		}
		var r struct {
			Explain struct {
				WordsReady bool `json:"words_ready"`
			} `json:"explain"`
		}
		err = json.NewDecoder(resp.Body).Decode(&r)
		drain(resp)
		if err != nil {
			return 0, fmt.Errorf("explain: %w", err)
		}
		if r.Explain.WordsReady {
			return time.Since(srv.start), nil
		}
	}
	return 0, errors.New("the server did not load its dictionary within a minute")
}

// save writes the result as JSON under dir, named by date and mode, and
// the table as latest-<mode>.txt.
func (r *benchResult) save(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	js, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return err
	}
	stamp := strings.NewReplacer(":", "", "-", "").Replace(r.Date[:16])
	name := filepath.Join(dir, stamp+"-"+r.Mode+".json")
	if err := os.WriteFile(name, append(js, '\n'), 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "latest-"+r.Mode+".txt"), []byte(r.Table), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "bench: results in %s\n", name)
	return nil
}

// Package bench owns `baoku bench`: it measures Baoku against a baseline of
// plain bleve (baseline.go) on the news corpus beside the repository, at
// 25, 50 and 100% of it. Both engines index and serve as child processes,
// started from the baoku binary whose path the caller hands in (proc.go);
// one HTTP client runs the same mix of queries against each (client.go);
// the figures are printed as one table (table.go) and kept as JSON.
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
	out     string // folder for the results file
	work    string // folder for the indexes; "" for a temporary one
	perKind int    // queries of each kind in the mix
	clients int    // concurrent clients for the throughput run
	rounds  int    // times each concurrent client runs through the mix
}

// Run runs `baoku bench` with its command-line args. It measures Baoku
// against the baseline on the benchmark corpus: ingest, index size, query
// latency over HTTP, 8 concurrent clients, startup and memory, at 25, 50
// and 100% of the corpus. It prints one table and keeps the figures in a
// JSON file. self is the path of the baoku binary, which it starts as the
// engines' child processes (`baoku index` and `baoku serve`, and `baoku
// bench baseline-index` and `baseline-serve` for the baseline, which Run
// answers when args start with those names).
func Run(args []string, self string) error {
	if len(args) > 0 {
		switch args[0] {
		case "baseline-index":
			return runBaselineIndex(args[1:])
		case "baseline-serve":
			return runBaselineServe(args[1:])
		}
	}
	var o benchOptions
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.StringVar(&o.corpus, "corpus", benchCorpus, "article records (.jsonl.gz) to index")
	fs.BoolVar(&o.quick, "quick", false, "use a 10% sample of the corpus")
	fs.StringVar(&o.out, "out", filepath.Join("bench", "results"), "folder for the results file")
	fs.StringVar(&o.work, "work", "", "folder for the indexes (default: a temporary folder, removed after)")
	fs.IntVar(&o.perKind, "queries", 50, "queries of each kind in the mix")
	fs.IntVar(&o.clients, "clients", 8, "concurrent clients for the throughput run")
	fs.IntVar(&o.rounds, "rounds", 2, "times each concurrent client runs through the mix")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if _, err := os.Stat(o.corpus); err != nil {
		fmt.Printf("bench: skipped: corpus %s not found (it lives beside the project, in %s)\n", o.corpus, corpus.Dir)
		return nil
	}
	work := o.work
	if work == "" {
		var err error
		if work, err = os.MkdirTemp("", "baoku-bench-"); err != nil {
			return err
		}
		defer os.RemoveAll(work)
	}
	res, err := bench(self, work, o)
	if err != nil {
		return err
	}
	res.Table = res.table()
	fmt.Print(res.Table)
	return res.save(o.out)
}

// benchRun is what one engine cost at one share of the corpus.
type benchRun struct {
	Engine      string  `json:"engine"`
	Fraction    float64 `json:"fraction"`
	Articles    int     `json:"articles"`
	RawMB       float64 `json:"raw_mb"`
	IngestS     float64 `json:"ingest_s"`
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
	// QPS and Concurrent are from the concurrent clients (full share only).
	QPS        float64  `json:"qps,omitempty"`
	Concurrent *latency `json:"concurrent,omitempty"`
	ServeRSSMB float64  `json:"serve_rss_mb"`
}

// benchResult is one run of the bench.
type benchResult struct {
	Date      string `json:"date"`
	Mode      string `json:"mode"`
	Corpus    string `json:"corpus"`
	GoVersion string `json:"go"`
	CPUs      int    `json:"cpus"`
	Clients   int    `json:"clients"`
	// Mix is not kept in the results: its queries are drawn from the
	// corpus, which stays out of the repository; the seed makes it again.
	Mix     []benchQuery `json:"-"`
	Queries int          `json:"queries"`
	Runs    []benchRun   `json:"runs"`
	Table   string       `json:"table"`
}

// subset is a share of the corpus written out as JSON Lines.
type subset struct {
	fraction float64
	path     string
	articles int
	rawBytes int64
}

func bench(self, work string, o benchOptions) (*benchResult, error) {
	mode := "full"
	if o.quick {
		mode = "quick"
	}
	res := &benchResult{
		Date: time.Now().UTC().Format(time.RFC3339), Mode: mode, Corpus: filepath.Base(o.corpus),
		GoVersion: runtime.Version(), CPUs: runtime.NumCPU(), Clients: o.clients,
	}
	step := 1
	if o.quick {
		step = 10
	}
	subs, first, err := writeSubsets(o.corpus, work, step)
	if err != nil {
		return nil, err
	}
	seg, err := segment.New(segment.Options{Dict: segment.DictNews})
	if err != nil {
		return nil, err
	}
	res.Mix = buildMix(first, seg, o.perKind)
	res.Queries = len(res.Mix)
	fmt.Fprintf(os.Stderr, "bench: %s, %d articles (%.1f MB of text), %d queries\n",
		mode, subs[len(subs)-1].articles, float64(subs[len(subs)-1].rawBytes)/1e6, len(res.Mix))
	for _, sub := range subs {
		for _, baseline := range []bool{false, true} {
			run, err := benchEngine(self, work, sub, res.Mix, baseline, sub.fraction == 1, o)
			if err != nil {
				return nil, err
			}
			res.Runs = append(res.Runs, run)
		}
	}
	return res, nil
}

// writeSubsets reads the corpus at path, keeps every step-th record and
// writes the shares of benchFractions as JSON Lines files. It returns them
// with the articles of the smallest share, from which the queries are
// drawn.
func writeSubsets(path, work string, step int) ([]subset, []*article.Article, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	var lines [][]byte
	sc := bufio.NewScanner(gz)
	sc.Buffer(make([]byte, 1<<20), indexer.MaxLine)
	for n := 0; sc.Scan(); n++ {
		if n%step == 0 {
			lines = append(lines, bytes.Clone(sc.Bytes()))
		}
	}
	if err := sc.Err(); err != nil {
		return nil, nil, fmt.Errorf("read %s: %w", path, err)
	}
	var subs []subset
	var first []*article.Article
	for _, fr := range benchFractions {
		n := int(float64(len(lines)) * fr)
		s := subset{fraction: fr, path: filepath.Join(work, fmt.Sprintf("corpus-%03.0f.jsonl", fr*100))}
		body := bytes.Join(lines[:n], []byte("\n"))
		if err := os.WriteFile(s.path, body, 0o644); err != nil {
			return nil, nil, err
		}
		_, err := indexer.ReadJSONL(s.path, bytes.NewReader(body), func(a *article.Article) error {
			s.articles++
			s.rawBytes += int64(len(a.Body) + len(a.Headline) + len(a.Kicker) + len(a.Subtitle))
			if len(subs) == 0 {
				first = append(first, a)
			}
			return nil
		})
		if err != nil {
			return nil, nil, err
		}
		subs = append(subs, s)
	}
	return subs, first, nil
}

// benchEngine indexes one share with one engine, serves it and queries it.
func benchEngine(self, work string, sub subset, mix []benchQuery, baseline, full bool, o benchOptions) (benchRun, error) {
	name := "baoku"
	if baseline {
		name = "baseline"
	}
	dir := filepath.Join(work, fmt.Sprintf("%s-%03.0f", name, sub.fraction*100))
	defer os.RemoveAll(dir)
	run := benchRun{Engine: name, Fraction: sub.fraction, Articles: sub.articles, RawMB: float64(sub.rawBytes) / 1e6}
	fmt.Fprintf(os.Stderr, "bench: %s %3.0f%%: indexing…\n", name, sub.fraction*100)

	indexArgs := []string{"index", "-q", "-index", dir, sub.path}
	serveArgs := []string{"serve", "-index", dir}
	if baseline {
		indexArgs = []string{"bench", "baseline-index", "-index", dir, sub.path}
		serveArgs = []string{"bench", "baseline-serve", "-index", dir}
	}
	ing, err := runIngest(self, indexArgs, dir)
	if err != nil {
		return run, err
	}
	run.IngestS = ing.Wall.Seconds()
	run.ArticlesPS = float64(sub.articles) / run.IngestS
	run.MBPS = run.RawMB / run.IngestS
	run.PeakRSSMB = float64(ing.PeakRSS) / 1e6
	run.IndexMB = float64(ing.DiskSize) / 1e6
	run.IndexRatio = float64(ing.DiskSize) / float64(sub.rawBytes)

	fmt.Fprintf(os.Stderr, "bench: %s %3.0f%%: serving…\n", name, sub.fraction*100)
	srv, err := startServer(self, serveArgs)
	if err != nil {
		return run, err
	}
	defer srv.stop()
	c := newClient(o.clients)
	startup, err := srv.firstAnswer(c, mix[0].path(baseline), 2*time.Minute)
	if err != nil {
		return run, fmt.Errorf("%s: %w", name, err)
	}
	run.StartupMS = float64(startup.Microseconds()) / 1000
	if !baseline {
		ready, err := waitWords(c, srv)
		if err != nil {
			return run, err
		}
		run.WordsReadyS = ready.Seconds()
	}
	// One untimed pass warms both the same way.
	if _, _, _, err := singleClient(c, srv.base, mix, baseline); err != nil {
		return run, err
	}
	run.Single, run.ByKind, run.MeanHits, err = singleClient(c, srv.base, mix, baseline)
	if err != nil {
		return run, err
	}
	if full {
		qps, lat, err := throughput(c, srv.base, mix, baseline, o.clients, o.rounds, time.Minute)
		if err != nil {
			return run, err
		}
		run.QPS, run.Concurrent = qps, &lat
	}
	rss, err := srv.rss()
	if err != nil {
		return run, err
	}
	run.ServeRSSMB = float64(rss) / 1e6
	return run, nil
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

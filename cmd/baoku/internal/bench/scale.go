package bench

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"runtime/debug"
	"strings"
	"text/tabwriter"
	"time"

	"baoku/indexer"
	"baoku/indexer/article"
	"baoku/segment"
)

// `baoku bench -scale N` measures how the costs grow with the archive: it
// builds N stories recombined from the corpus's and measures the engines
// (Baoku alone unless -engines says more) at 25, 50 and 100% of them.

// scaleRecord is a recombined story as a JSON Lines record.
type scaleRecord struct {
	ID        string   `json:"id"`
	Paper     string   `json:"paper"`
	Date      string   `json:"date"`
	Page      string   `json:"page,omitempty"`
	Section   string   `json:"section,omitempty"`
	Kicker    string   `json:"kicker,omitempty"`
	Headline  string   `json:"headline"`
	Subtitle  string   `json:"subtitle,omitempty"`
	Source    string   `json:"source,omitempty"`
	Reporters []string `json:"reporters,omitempty"`
	Body      string   `json:"body"`
}

// The recombined stories' dates are spread evenly over these years.
var (
	scaleFirst = time.Date(1946, 5, 15, 0, 0, 0, 0, time.UTC)
	scaleLast  = time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC)
)

// recombiner makes stories from the paragraphs of the source stories.
type recombiner struct {
	src   []*article.Article
	paras [][]string // each source story's paragraphs
	seed  uint64
}

func newRecombiner(src []*article.Article, seed uint64) *recombiner {
	g := &recombiner{src: src, seed: seed, paras: make([][]string, len(src))}
	for i, a := range src {
		g.paras[i] = strings.Split(a.Body, "\n")
	}
	return g
}

// story returns the i-th recombined story, the same for the same seed and
// i: the headline and metadata of one source story, its paragraphs each
// kept or (one time in two) replaced by a paragraph of another story, a
// date drawn evenly from 1946 to 2026 and an ID of its own.
func (g *recombiner) story(i int) scaleRecord {
	rng := rand.New(rand.NewPCG(g.seed, uint64(i)))
	b := rng.IntN(len(g.src))
	base := g.src[b]
	body := make([]string, len(g.paras[b]))
	for j, p := range g.paras[b] {
		if rng.IntN(2) == 1 {
			other := g.paras[rng.IntN(len(g.src))]
			p = other[rng.IntN(len(other))]
		}
		body[j] = p
	}
	days := int(scaleLast.Sub(scaleFirst).Hours()/24) + 1
	return scaleRecord{
		ID: fmt.Sprintf("scale-%d-%d", g.seed, i), Paper: base.Paper,
		Date: scaleFirst.AddDate(0, 0, rng.IntN(days)).Format("2006-01-02"),
		Page: base.Page, Section: base.Section, Kicker: base.Kicker, Headline: base.Headline,
		Subtitle: base.Subtitle, Source: base.Source, Reporters: base.Reporters,
		Body: strings.Join(body, "\n"),
	}
}

// line is story i as a JSON Lines record.
func (g *recombiner) line(i int) []byte {
	js, err := json.Marshal(g.story(i))
	if err != nil {
		panic(err) // a struct of strings always marshals
	}
	return js
}

// readArticles reads every article of a .jsonl.gz file as Baoku does.
func readArticles(path string) ([]*article.Article, error) {
	lines, err := readLines(path)
	if err != nil {
		return nil, err
	}
	var arts []*article.Article
	_, err = indexer.ReadJSONL(path, bytes.NewReader(bytes.Join(lines, []byte("\n"))), func(a *article.Article) error {
		arts = append(arts, a)
		return nil
	})
	return arts, err
}

// scaleMixSource is how many stories of the first share the mix is drawn from.
const scaleMixSource = 5000

func scaleBench(self, work string, engs []engine, o benchOptions) (*benchResult, error) {
	src, err := readArticles(o.corpus)
	if err != nil {
		return nil, err
	}
	if len(src) == 0 {
		return nil, fmt.Errorf("bench: no stories in %s", o.corpus)
	}
	g := newRecombiner(src, o.seed)
	var keep []*article.Article
	fmt.Fprintf(os.Stderr, "bench: scale: writing %d recombined stories…\n", o.scale)
	subs, err := writeShares(work, o.scale, g.line, hasGroonga(engs), func(a *article.Article) {
		if len(keep) < scaleMixSource {
			keep = append(keep, a)
		}
	})
	if err != nil {
		return nil, err
	}
	g, src = nil, nil
	debug.FreeOSMemory() // the corpus is not needed again: keep the machine for the engines
	seg, err := segment.New(segment.Options{Dict: segment.DictNews})
	if err != nil {
		return nil, err
	}
	res := newResult("scale", o, engs)
	res.Mix = buildMix(keep[:min(len(keep), subs[0].articles)], seg, o.perKind)
	res.Queries = len(res.Mix)
	last := subs[len(subs)-1]
	fmt.Fprintf(os.Stderr, "bench: scale, %d articles (%.1f MB of text), %d queries\n",
		last.articles, float64(last.rawBytes)/1e6, len(res.Mix))
	for _, sub := range subs {
		for _, e := range engs {
			run, err := benchEngine(self, work, e, sub, res.Mix, nil, sub.fraction == 1, o)
			if err != nil {
				return nil, err
			}
			res.Runs = append(res.Runs, run)
		}
	}
	res.Table = res.scaleTable(o.seed)
	return res, nil
}

// scaleRow is one line of the scale table.
type scaleRow struct {
	name   string
	get    func(benchRun) float64
	format string
}

var scaleRows = []scaleRow{
	{"articles", func(x benchRun) float64 { return float64(x.Articles) }, "%.0f"},
	{"text MB", func(x benchRun) float64 { return x.RawMB }, "%.1f"},
	{"ingest wall time s", func(x benchRun) float64 { return x.IngestS }, "%.1f"},
	{"ingest CPU time s", func(x benchRun) float64 { return x.IngestCPUS }, "%.1f"},
	{"ingest MB/s of text", func(x benchRun) float64 { return x.MBPS }, "%.2f"},
	{"ingest articles/s", func(x benchRun) float64 { return x.ArticlesPS }, "%.0f"},
	{"ingest peak RSS MB", func(x benchRun) float64 { return x.PeakRSSMB }, "%.0f"},
	{"index MB", func(x benchRun) float64 { return x.IndexMB }, "%.0f"},
	{"index size / text", func(x benchRun) float64 { return x.IndexRatio }, "%.2f"},
	{"startup to first answer ms", func(x benchRun) float64 { return x.StartupMS }, "%.0f"},
	{"words ready after start s", func(x benchRun) float64 { return x.WordsReadyS }, "%.2f"},
	{"RSS serving MB", func(x benchRun) float64 { return x.ServeRSSMB }, "%.0f"},
	{"  anonymous MB", func(x benchRun) float64 { return x.ServeAnonMB }, "%.0f"},
	{"  file-backed MB", func(x benchRun) float64 { return x.ServeFileMB }, "%.0f"},
	{"query p50 ms", func(x benchRun) float64 { return x.Single.P50MS }, "%.2f"},
	{"query p99 ms", func(x benchRun) float64 { return x.Single.P99MS }, "%.2f"},
	{"query max ms", func(x benchRun) float64 { return x.Single.MaxMS }, "%.2f"},
}

// scaleTargets are the targets at full scale, on Baoku's figures:
// the ingest rate at 100% within 20% of the rate at 25%, and query p99.
var scaleTargets = map[string]func(at25, at100 benchRun) (string, bool){
	"ingest MB/s of text": func(a, z benchRun) (string, bool) {
		return "100% ≥ 0.8 × 25%", z.MBPS >= 0.8*a.MBPS
	},
	"query p99 ms": func(_, z benchRun) (string, bool) { return "≤ 25 at 100%", z.Single.P99MS <= 25 },
}

// scaleTable renders a scale run: for each engine, each figure at 25, 50
// and 100% of the stories and how much it grew from 25 to 100%.
func (r *benchResult) scaleTable(seed uint64) string {
	var b strings.Builder
	full, ok := r.run(r.Engines[0], 1)
	if !ok {
		return "no runs\n"
	}
	fmt.Fprintf(&b, "\nbaoku bench -scale %d: stories recombined from %s (seed %d: paragraphs of several stories, dates %d–%d), %.1f MB of text, %d CPUs, %s, %s\n",
		full.Articles, r.Corpus, seed, scaleFirst.Year(), scaleLast.Year(), full.RawMB, r.CPUs, r.GoVersion, r.Date)
	fmt.Fprintf(&b, "queries: %d (%d kinds; 10 hits with snippets), one client; growth = 100%% ÷ 25%%\n", len(r.Mix), len(queryKinds))
	for _, e := range r.Engines {
		a, _ := r.run(e, benchFractions[0])
		z, _ := r.run(e, 1)
		fmt.Fprintf(&b, "\n%s\n", engineLabels[e])
		tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight|tabwriter.Debug)
		head := "figure\t"
		for _, f := range benchFractions {
			head += fmt.Sprintf("%.0f%%\t", f*100)
		}
		fmt.Fprintln(tw, head+"growth\ttarget\t")
		for _, row := range scaleRows {
			if row.name == "words ready after start s" && e != "baoku" {
				continue
			}
			line := row.name + "\t"
			for _, f := range benchFractions {
				x, _ := r.run(e, f)
				line += fmt.Sprintf(row.format, row.get(x)) + "\t"
			}
			if v := row.get(a); v != 0 {
				line += fmt.Sprintf("%.2f×", row.get(z)/v)
			}
			line += "\t"
			if t := scaleTargets[row.name]; t != nil && e == "baoku" {
				text, pass := t(a, z)
				line += text + map[bool]string{true: " ok", false: " MISS"}[pass]
			}
			fmt.Fprintln(tw, line+"\t")
		}
		if z.Concurrent != nil {
			fmt.Fprintf(tw, "%d clients q/s at 100%%\t\t\t%.0f\t\t\t\n", r.Clients, z.QPS)
			fmt.Fprintf(tw, "%d clients p99 ms at 100%%\t\t\t%.2f\t\t\t\n", r.Clients, z.Concurrent.P99MS)
		}
		tw.Flush()
	}
	return b.String()
}

package eval

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"baoku/cmd/baoku/internal/corpus"
	"baoku/indexer"
	"baoku/search"
)

// `eval rank` measures the ranking on known-item queries: each query of
// the set (search/testdata/xwlb-ranking.tsv) was written, as a reporter
// would type it, to find one story of the 新闻联播 corpus, and the rank of
// that story among the first 10 hits gives MRR@10 and P@1, by split (the
// queries tuned on and those held out) and by kind. The same queries run
// against SQLite FTS5 with the trigram tokenizer and bm25 (the bench's
// peer, cmd/baoku/internal/bench) over the same stories, in the same run.

// rankK is the depth of the ranking measured: a story below it scores 0.
const rankK = 10

// xwlbFile is the corpus file the ranking set was written for.
const xwlbFile = "xwlb-2012-2026.jsonl.gz"

// rankQuery is one query of the ranking set.
type rankQuery struct {
	line  int
	split string // "tune" or "heldout"
	kind  string // topic, person, year, phrase, traditional
	text  string
	// record is the expected story's record id in the corpus.
	record string
}

// rankSplits and rankKinds are the values the set's columns may take, in
// the order reports list them.
var (
	rankSplits = []string{"tune", "heldout"}
	rankKinds  = []string{"topic", "person", "year", "phrase", "traditional"}
)

// readRankSet reads a ranking set: lines of split, kind, query and record
// id separated by tabs; blank lines and lines starting with # are
// comments.
func readRankSet(path string) ([]rankQuery, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("ranking set: %w", err)
	}
	defer f.Close()
	var set []rankQuery
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 4 {
			return nil, fmt.Errorf("%s:%d: want split, kind, query and record id separated by tabs, got %d columns", path, n, len(cols))
		}
		q := rankQuery{line: n, split: cols[0], kind: cols[1], text: cols[2], record: cols[3]}
		switch {
		case !slices.Contains(rankSplits, q.split):
			return nil, fmt.Errorf("%s:%d: split %q is not one of %s", path, n, q.split, strings.Join(rankSplits, ", "))
		case !slices.Contains(rankKinds, q.kind):
			return nil, fmt.Errorf("%s:%d: kind %q is not one of %s", path, n, q.kind, strings.Join(rankKinds, ", "))
		case strings.TrimSpace(q.text) == "" || q.record == "":
			return nil, fmt.Errorf("%s:%d: empty query or record id", path, n)
		}
		set = append(set, q)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return set, nil
}

// rankHit is one hit of a ranked answer: the IDs of the articles it stands
// for (itself first, then the other places it lists and the near
// duplicates shown under it) and its date.
type rankHit struct {
	ids  []string
	date string
	// digest is set for a digest of brief items (联播快讯).
	digest bool
}

// isDigest reports whether a headline is a digest's.
func isDigest(headline string) bool {
	return strings.Contains(headline, "快讯") || strings.Contains(headline, "简讯")
}

// digestDepth is how deep the report counts the digests among the hits.
const digestDepth = 3

// ranker answers a query with its first hits and its total.
type ranker interface {
	name() string
	top(ctx context.Context, query string, n int) ([]rankHit, uint64, error)
}

// baokuRanker is Baoku's engine, searched in process.
type baokuRanker struct{ e *search.Engine }

func (baokuRanker) name() string { return "Baoku" }

func (r baokuRanker) top(ctx context.Context, q string, n int) ([]rankHit, uint64, error) {
	res, err := r.e.Search(ctx, search.Request{Query: q, Size: n, NoFacets: true})
	if err != nil {
		return nil, 0, err
	}
	hits := make([]rankHit, 0, len(res.Hits))
	for _, h := range res.Hits {
		rh := rankHit{ids: []string{h.ID}, date: h.Date, digest: isDigest(h.Headline)}
		for _, p := range h.Places {
			if p.ID != h.ID {
				rh.ids = append(rh.ids, p.ID)
			}
		}
		for _, s := range h.Similar {
			rh.ids = append(rh.ids, s.ID)
		}
		hits = append(hits, rh)
	}
	return hits, res.Total, nil
}

// rankScore adds up the ranks of the expected stories of some queries.
type rankScore struct {
	n     int
	rr    float64 // the sum of 1/rank, 0 for a story not in the first rankK
	first int     // the queries whose story came first
}

func (s *rankScore) add(rank int) {
	s.n++
	if rank > 0 {
		s.rr += 1 / float64(rank)
	}
	if rank == 1 {
		s.first++
	}
}

// mrr is the mean reciprocal rank at rankK; p1 the precision at 1.
func (s *rankScore) mrr() float64 { return ratio(s.rr, s.n) }
func (s *rankScore) p1() float64  { return ratio(float64(s.first), s.n) }

func ratio(a float64, n int) float64 {
	if n == 0 {
		return 0
	}
	return a / float64(n)
}

// rankResult is one query's outcome: the rank of its story with each
// ranker (0: not in the first rankK), Baoku's total and first hits.
type rankResult struct {
	q     rankQuery
	ranks []int
	// digests are the digests among the first digestDepth hits of each
	// ranker, the stories that mention everything briefly.
	digests []int
	total   uint64
	top     []rankHit
}

// rankReport is the outcome of a run.
type rankReport struct {
	names   []string
	results []rankResult
}

// runRank runs every query of the set with each ranker. want gives the
// article ID of a record id.
func runRank(ctx context.Context, set []rankQuery, rankers []ranker, want func(string) (string, error)) (*rankReport, error) {
	rep := &rankReport{}
	for _, r := range rankers {
		rep.names = append(rep.names, r.name())
	}
	for _, q := range set {
		id, err := want(q.record)
		if err != nil {
			return nil, fmt.Errorf("line %d: story %s: %w", q.line, q.record, err)
		}
		res := rankResult{q: q}
		for i, r := range rankers {
			hits, total, err := r.top(ctx, q.text, rankK)
			if err != nil {
				return nil, fmt.Errorf("line %d: %s: %s: %w", q.line, r.name(), q.text, err)
			}
			res.ranks = append(res.ranks, rankOf(hits, id))
			n := 0
			for _, h := range hits[:min(digestDepth, len(hits))] {
				if h.digest {
					n++
				}
			}
			res.digests = append(res.digests, n)
			if i == 0 {
				res.total, res.top = total, hits
			}
		}
		rep.results = append(rep.results, res)
	}
	return rep, nil
}

// rankOf returns the 1-based rank of the hit that stands for article id,
// 0 when none does.
func rankOf(hits []rankHit, id string) int {
	for i, h := range hits {
		if slices.Contains(h.ids, id) {
			return i + 1
		}
	}
	return 0
}

// score adds up the results that keep says to, for ranker i.
func (rep *rankReport) score(i int, keep func(rankResult) bool) *rankScore {
	s := &rankScore{}
	for _, r := range rep.results {
		if keep(r) {
			s.add(r.ranks[i])
		}
	}
	return s
}

// matchBuckets group queries by how many stories Baoku finds for them.
var matchBuckets = []struct {
	name     string
	min, max uint64
}{{"1-9 matches", 1, 9}, {"10-49 matches", 10, 49}, {"50+ matches", 50, 1 << 62}}

// write prints MRR@10 and P@1 of each ranker for each split asked for: by
// kind, overall, and by the number of stories found.
func (rep *rankReport) write(w io.Writer, splits []string) {
	fmt.Fprintf(w, "%-8s %-18s %4s", "split", "queries", "n")
	for _, n := range rep.names {
		fmt.Fprintf(w, "  %-9s %-6s", n, "")
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "%-8s %-18s %4s", "", "", "")
	for range rep.names {
		fmt.Fprintf(w, "  %-9s %-6s", "MRR@10", "P@1")
	}
	fmt.Fprintln(w)
	row := func(split, name string, keep func(rankResult) bool) {
		inSplit := func(r rankResult) bool { return r.q.split == split && keep(r) }
		first := rep.score(0, inSplit)
		if first.n == 0 {
			return
		}
		fmt.Fprintf(w, "%-8s %-18s %4d", split, name, first.n)
		for i := range rep.names {
			s := rep.score(i, inSplit)
			fmt.Fprintf(w, "  %-9.3f %-6.3f", s.mrr(), s.p1())
		}
		fmt.Fprintln(w)
	}
	for _, split := range splits {
		for _, k := range rankKinds {
			row(split, k, func(r rankResult) bool { return r.q.kind == k })
		}
		row(split, "all", func(rankResult) bool { return true })
		for _, b := range matchBuckets {
			row(split, b.name, func(r rankResult) bool { return r.total >= b.min && r.total <= b.max })
		}
		fmt.Fprintf(w, "%-8s %-18s %4s", split, fmt.Sprintf("digests in top %d", digestDepth), "")
		for i := range rep.names {
			n := 0
			for _, r := range rep.results {
				if r.q.split == split {
					n += r.digests[i]
				}
			}
			fmt.Fprintf(w, "  %-9d %-6s", n, "")
		}
		fmt.Fprintln(w)
	}
}

// writeQueries prints each query of the splits asked for with its
// story's rank by each ranker and Baoku's first hits.
func (rep *rankReport) writeQueries(w io.Writer, splits []string, date func(string) string) {
	for _, r := range rep.results {
		if !slices.Contains(splits, r.q.split) {
			continue
		}
		fmt.Fprintf(w, "%s %-11s %-28s total %5d  rank", r.q.split, r.q.kind, r.q.text, r.total)
		for i, n := range rep.names {
			fmt.Fprintf(w, " %s %d", n, r.ranks[i])
		}
		fmt.Fprintln(w)
		if r.ranks[0] != 1 {
			for i, h := range r.top[:min(3, len(r.top))] {
				fmt.Fprintf(w, "    %d. %s %s\n", i+1, h.date, date(h.ids[0]))
			}
		}
	}
}

// rankOptions configures `eval rank`.
type rankOptions struct {
	corpus, set, index, sqlite string
	splits                     []string
	verbose                    bool
}

func runEvalRank(args []string) error {
	fs := flag.NewFlagSet("eval rank", flag.ContinueOnError)
	opt := rankOptions{}
	fs.StringVar(&opt.corpus, "corpus", corpus.Dir, "corpus folder holding "+xwlbFile)
	fs.StringVar(&opt.set, "set", filepath.Join("search", "testdata", "xwlb-ranking.tsv"), "ranking set")
	fs.StringVar(&opt.index, "index", "", "an index of "+xwlbFile+" built before (default: build one in a temporary folder)")
	fs.StringVar(&opt.sqlite, "sqlite", "", "a folder holding the SQLite FTS5 table of "+xwlbFile+", built there when missing (default: a temporary folder)")
	split := fs.String("split", "all", "queries reported: tune, heldout or all")
	fs.BoolVar(&opt.verbose, "v", false, "print each query's ranks and, when its story is not first, Baoku's first hits")
	if err := fs.Parse(args); err != nil {
		return err
	}
	switch *split {
	case "all":
		opt.splits = rankSplits
	case "tune", "heldout":
		opt.splits = []string{*split}
	default:
		return fmt.Errorf("-split %q: want tune, heldout or all", *split)
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("eval rank takes no arguments, got %q", fs.Args())
	}
	return evalRankRun(context.Background(), opt, os.Stdout)
}

// evalRankRun builds or opens the indexes, runs the set and prints the
// report.
func evalRankRun(ctx context.Context, opt rankOptions, w io.Writer) error {
	set, err := readRankSet(opt.set)
	if err != nil {
		return err
	}
	var keep []rankQuery
	for _, q := range set {
		if slices.Contains(opt.splits, q.split) {
			keep = append(keep, q)
		}
	}
	src := filepath.Join(opt.corpus, xwlbFile)
	tmp := ""
	if opt.index == "" || opt.sqlite == "" {
		if err := corpus.Check(opt.corpus); err != nil {
			return err
		}
		if tmp, err = os.MkdirTemp("", "baoku-eval-rank-"); err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
	}
	if opt.index == "" {
		opt.index = filepath.Join(tmp, "index")
		start := time.Now()
		if _, err := indexer.Build(opt.index, []string{src}, indexer.IngestOptions{}); err != nil {
			return fmt.Errorf("index %s: %w", src, err)
		}
		fmt.Fprintf(w, "indexed %s in %s\n", src, time.Since(start).Round(time.Second))
	}
	ix, err := indexer.OpenExisting(opt.index, indexer.Options{})
	if err != nil {
		return err
	}
	defer ix.Close()
	e := search.New(ix)
	if err := e.Warm(); err != nil {
		return err
	}
	if opt.sqlite == "" {
		opt.sqlite = filepath.Join(tmp, "sqlite")
	}
	lite, err := openSQLiteRanker(opt.sqlite, src, w)
	if err != nil {
		return err
	}
	defer lite.close()
	rep, err := runRank(ctx, keep, []ranker{baokuRanker{e}, lite}, func(record string) (string, error) {
		a, err := e.Article(ctx, record)
		if err != nil {
			return "", err
		}
		return a.ID, nil
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "%d queries of %s over %s (%s)\n", len(keep), opt.set, src, strings.Join(opt.splits, ", "))
	rep.write(w, opt.splits)
	if opt.verbose {
		rep.writeQueries(w, opt.splits, func(id string) string {
			a, err := e.Article(ctx, id)
			if err != nil {
				return id
			}
			return a.SourceID
		})
	}
	return nil
}

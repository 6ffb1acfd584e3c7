package eval

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"sort"
	"strconv"
	"strings"

	"github.com/blevesearch/bleve/v2"

	"baoku/cmd/baoku/internal/corpus"
	"baoku/indexer"
	"baoku/indexer/article"
	"baoku/search"
	"baoku/web"
)

// `eval exact` is the differential check of the whole query language: it
// draws thousands of requests of every kind from the indexed articles
// (exact_probe.go), sends each through the HTTP API, and compares the
// answer — its total, and its articles when there are few — with a
// brute-force scan of the stored articles (exact_oracle.go). Every answer
// must be valid JSON without a score that is not a number, and no request
// may fail with a 500.

// exactOptions configures the check.
type exactOptions struct {
	probes int
	seed   uint64
	// maxSet is the largest answer whose articles are compared one by
	// one; larger answers are compared by their totals.
	maxSet int
	// failures is how many failed probes are kept for the report.
	failures int
}

// kindTally adds up the probes of one kind.
type kindTally struct {
	probes    int
	totalsOK  int // probes whose total (or refusal) was right
	sets      int // probes whose articles were compared
	setsOK    int
	truth     int // (probe, article) pairs the brute force found, over the compared probes
	found     int // … that the engine answered
	correct   int // … both
	badAnswer int // a 500, invalid JSON, or a score that is not a number
}

// exactReport is the outcome of the check.
type exactReport struct {
	articles int
	byKind   map[string]*kindTally
	failures []string
}

// ok reports whether every probe was answered exactly.
func (r *exactReport) ok() bool {
	for _, t := range r.byKind {
		if t.totalsOK != t.probes || t.setsOK != t.sets || t.badAnswer > 0 {
			return false
		}
	}
	return true
}

func (r *exactReport) write(w io.Writer) {
	fmt.Fprintf(w, "%-30s %7s %8s %8s %8s %10s %8s\n", "kind", "probes", "totals", "sets", "recall", "precision", "bad")
	var all kindTally
	for _, k := range probeKinds {
		t := r.byKind[k]
		if t == nil {
			continue
		}
		all.probes += t.probes
		all.totalsOK += t.totalsOK
		all.sets += t.sets
		all.setsOK += t.setsOK
		all.truth += t.truth
		all.found += t.found
		all.correct += t.correct
		all.badAnswer += t.badAnswer
		writeTally(w, k, t)
	}
	writeTally(w, "all", &all)
	for _, f := range r.failures {
		fmt.Fprintln(w, "  failed:", f)
	}
}

func writeTally(w io.Writer, name string, t *kindTally) {
	fmt.Fprintf(w, "%-30s %7d %8s %8s %7.2f%% %9.2f%% %8d\n", name, t.probes,
		fmt.Sprintf("%d", t.totalsOK), fmt.Sprintf("%d/%d", t.setsOK, t.sets),
		pct(t.correct, t.truth), pct(t.correct, t.found), t.badAnswer)
}

func runEvalExact(args []string) error {
	fs := flag.NewFlagSet("eval exact", flag.ContinueOnError)
	dir := fs.String("corpus", corpus.Dir, "corpus folder holding the default inputs")
	n := fs.Int("n", 5000, "probes drawn")
	seed := fs.Uint64("seed", 1, "random seed")
	every := fs.Int("xwlb-every", 25, "with the default inputs, index every Nth story of the xwlb corpus too (0: none)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *n < 1 {
		return errors.New("-n must be at least 1")
	}
	var arts []*article.Article
	paths := fs.Args()
	if len(paths) == 0 {
		if err := corpus.Check(*dir); err != nil {
			return err
		}
		paths = []string{corpusFile(*dir, "rmrb-2022.jsonl.gz"), corpusFile(*dir, "xmwb-2022-04.jsonl.gz"), "data/pages"}
		if *every > 0 {
			i := 0
			_, err := indexer.ReadRecordFile(corpusFile(*dir, "xwlb-2012-2026.jsonl.gz"), func(a *article.Article) error {
				if i%*every == 0 {
					arts = append(arts, a)
				}
				i++
				return nil
			})
			if err != nil {
				return err
			}
		}
	}
	ix, err := exactIndex(paths, arts)
	if err != nil {
		return err
	}
	defer ix.Close()
	rep, err := checkExact(context.Background(), ix, exactOptions{probes: *n, seed: *seed, maxSet: 200, failures: 20})
	if err != nil {
		return err
	}
	fmt.Printf("%d probes (seed %d) over %d articles from %s", *n, *seed, rep.articles, strings.Join(paths, ", "))
	if len(arts) > 0 {
		fmt.Printf(" and every %dth xwlb story", *every)
	}
	fmt.Println()
	rep.write(os.Stdout)
	if !rep.ok() {
		return errors.New("some answers were not exact (see above)")
	}
	return nil
}

// exactIndex indexes input files and articles in memory with the news
// dictionary.
func exactIndex(paths []string, arts []*article.Article) (*indexer.Index, error) {
	ix, err := indexer.NewMem(indexer.Options{})
	if err != nil {
		return nil, err
	}
	w := indexer.NewWriter(ix, 0)
	if len(paths) > 0 {
		sum, err := indexer.Ingest(w, paths, indexer.IngestOptions{})
		if err == nil && len(sum.Errors) > 0 {
			err = fmt.Errorf("%w: %v", errFailed, sum.Errors[0])
		}
		if err != nil {
			ix.Close()
			return nil, err
		}
	}
	for _, a := range arts {
		if err := w.Add(a); err != nil {
			ix.Close()
			return nil, err
		}
	}
	if err := w.Flush(); err != nil {
		ix.Close()
		return nil, err
	}
	return ix, nil
}

// storedArticles reads back every article of the index.
func storedArticles(ix *indexer.Index) ([]*article.Article, error) {
	count, err := ix.Bleve().DocCount()
	if err != nil {
		return nil, fmt.Errorf("count articles: %w", err)
	}
	req := bleve.NewSearchRequestOptions(bleve.NewMatchAllQuery(), int(count), 0, false)
	req.Fields = []string{indexer.FieldStored}
	req.SortBy([]string{"_id"})
	res, err := ix.Bleve().Search(req)
	if err != nil {
		return nil, fmt.Errorf("read articles: %w", err)
	}
	out := make([]*article.Article, 0, len(res.Hits))
	for _, h := range res.Hits {
		js, _ := h.Fields[indexer.FieldStored].(string)
		a, err := indexer.DecodeStored([]byte(js))
		if err != nil {
			return nil, fmt.Errorf("article %s: %w", h.ID, err)
		}
		out = append(out, a)
	}
	return out, nil
}

// checkExact draws the probes from the index's stored articles and checks
// the engine's answer to each, through the HTTP API.
func checkExact(ctx context.Context, ix *indexer.Index, opt exactOptions) (*exactReport, error) {
	eng := search.New(ix)
	if err := eng.Warm(); err != nil {
		return nil, err
	}
	h, err := web.NewRouter(eng, web.Options{})
	if err != nil {
		return nil, err
	}
	arts, err := storedArticles(ix)
	if err != nil {
		return nil, err
	}
	docs := make([]*xdoc, len(arts))
	byID := map[string]*xdoc{}
	members := map[string][]string{} // group → IDs
	for i, a := range arts {
		docs[i] = newXdoc(a)
		byID[a.ID] = docs[i]
		members[docs[i].group] = append(members[docs[i].group], a.ID)
	}
	dr, err := newDrawer(opt.seed, docs, ix.Segmenter())
	if err != nil {
		return nil, err
	}
	c := &exactChecker{h: h, docs: docs, byID: byID, members: members, opt: opt}
	rep := &exactReport{articles: len(arts), byKind: map[string]*kindTally{}}
	for _, p := range dr.draw(opt.probes) {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		t := rep.byKind[p.kind]
		if t == nil {
			t = &kindTally{}
			rep.byKind[p.kind] = t
		}
		t.probes++
		if msg := c.check(p, t); msg != "" && len(rep.failures) < opt.failures {
			rep.failures = append(rep.failures, fmt.Sprintf("[%s] %s: %s", p.kind, p.params.Encode(), msg))
		}
	}
	return rep, nil
}

// exactChecker checks probes against the brute force.
type exactChecker struct {
	h       http.Handler
	docs    []*xdoc
	byID    map[string]*xdoc
	members map[string][]string
	opt     exactOptions
}

// get sends a request to the API and decodes its answer; bad says what is
// wrong with the answer itself.
func (c *exactChecker) get(params url.Values) (code int, res *search.Result, body []byte, bad string) {
	req := httptest.NewRequest(http.MethodGet, "/api/search?"+params.Encode(), nil)
	rec := httptest.NewRecorder()
	c.h.ServeHTTP(rec, req)
	body = rec.Body.Bytes()
	if rec.Code >= 500 {
		return rec.Code, nil, body, fmt.Sprintf("status %d", rec.Code)
	}
	if !json.Valid(body) {
		return rec.Code, nil, body, fmt.Sprintf("status %d with a body that is not JSON: %q", rec.Code, firstRunes(string(body), 80))
	}
	if rec.Code != http.StatusOK {
		return rec.Code, nil, body, ""
	}
	res = &search.Result{}
	if err := json.Unmarshal(body, res); err != nil {
		return rec.Code, nil, body, fmt.Sprintf("answer does not decode: %v", err)
	}
	for _, hit := range res.Hits {
		if math.IsNaN(hit.Score) || math.IsInf(hit.Score, 0) {
			return rec.Code, nil, body, fmt.Sprintf("hit %s scores %v", hit.ID, hit.Score)
		}
	}
	return rec.Code, res, body, ""
}

// check runs one probe and adds it to its kind's tally; it returns what
// went wrong, or "".
func (c *exactChecker) check(p probe, t *kindTally) string {
	params := url.Values{}
	for k, v := range p.params {
		params[k] = v
	}
	if params.Get("size") == "" {
		params.Set("size", strconv.Itoa(search.MaxSize))
	}
	code, res, body, bad := c.get(params)
	if bad != "" {
		t.badAnswer++
		return bad
	}
	if p.want == nil {
		var e struct {
			Error   string `json:"error"`
			ErrorZh string `json:"error_zh"`
		}
		if code != http.StatusBadRequest || json.Unmarshal(body, &e) != nil || e.Error == "" || e.ErrorZh == "" {
			return fmt.Sprintf("status %d, %s: want a 400 saying why, in English and Chinese", code, firstRunes(string(body), 120))
		}
		t.totalsOK++
		return ""
	}
	if code != http.StatusOK {
		return fmt.Sprintf("status %d: %s", code, firstRunes(string(body), 160))
	}
	want := map[string]bool{} // groups
	for _, d := range c.docs {
		if p.want.match(d) {
			want[d.group] = true
		}
	}
	if res.Total != uint64(len(want)) {
		return fmt.Sprintf("total %d, brute force %d", res.Total, len(want))
	}
	t.totalsOK++
	if len(want) > c.opt.maxSet {
		return ""
	}
	hits := res.Hits
	for page := 2; len(hits) < len(want) && page <= 1+len(want)/search.MaxSize; page++ {
		params.Set("page", strconv.Itoa(page))
		_, more, _, bad := c.get(params)
		if bad != "" || more == nil {
			t.badAnswer++
			return "next page: " + bad
		}
		hits = append(hits, more.Hits...)
	}
	t.sets++
	got := map[string]bool{}
	var wrong []string
	for i, h := range hits {
		d := c.byID[h.ID]
		if d == nil {
			return fmt.Sprintf("hit %s is no stored article", h.ID)
		}
		if !p.want.match(d) {
			wrong = append(wrong, h.ID)
		}
		if got[d.group] {
			return fmt.Sprintf("article %s listed twice", h.ID)
		}
		got[d.group] = true
		if msg := c.checkPlaces(h, d); msg != "" {
			return msg
		}
		if i > 0 {
			if msg := inOrder(params.Get("sort"), hits[i-1], h); msg != "" {
				return msg
			}
		}
	}
	t.truth += len(want)
	t.found += len(got)
	for g := range got {
		if want[g] {
			t.correct++
		}
	}
	missed := 0
	var example string
	for g := range want {
		if !got[g] {
			missed++
			example = c.members[g][0]
		}
	}
	if missed > 0 || len(wrong) > 0 {
		return fmt.Sprintf("%d missed (e.g. %s), %d wrong %v", missed, example, len(wrong), wrong)
	}
	t.setsOK++
	return ""
}

// checkPlaces checks that a hit lists every printing of its article, its
// own first, or none when there is one.
func (c *exactChecker) checkPlaces(h search.Hit, d *xdoc) string {
	all := c.members[d.group]
	if len(all) == 1 {
		if len(h.Places) != 0 {
			return fmt.Sprintf("hit %s lists places %v of an article printed once", h.ID, h.Places)
		}
		return ""
	}
	var ids []string
	for _, p := range h.Places {
		ids = append(ids, p.ID)
	}
	if len(ids) == 0 || ids[0] != h.ID {
		return fmt.Sprintf("hit %s lists places %v, not its own first", h.ID, ids)
	}
	sort.Strings(ids)
	want := append([]string(nil), all...)
	sort.Strings(want)
	if strings.Join(ids, ",") != strings.Join(want, ",") {
		return fmt.Sprintf("hit %s lists places %v, want %v", h.ID, ids, want)
	}
	return ""
}

// inOrder checks two neighbouring hits against the order asked for.
func inOrder(sortBy string, a, b search.Hit) string {
	switch sortBy {
	case "newest":
		if a.Date < b.Date {
			return fmt.Sprintf("newest first, but %s (%s) before %s (%s)", a.ID, a.Date, b.ID, b.Date)
		}
	case "oldest":
		if a.Date > b.Date {
			return fmt.Sprintf("oldest first, but %s (%s) before %s (%s)", a.ID, a.Date, b.ID, b.Date)
		}
	default:
		if a.Score < b.Score {
			return fmt.Sprintf("by relevance, but %s (%v) before %s (%v)", a.ID, a.Score, b.ID, b.Score)
		}
	}
	return ""
}

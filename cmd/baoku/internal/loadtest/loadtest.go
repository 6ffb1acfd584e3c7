// Package loadtest owns `baoku loadtest`: it serves a throwaway index on a
// loopback port, in this process, and runs concurrent search clients
// against it for a while as one more client uploads articles through the
// admin endpoint; it reports throughput, latency and errors, and checks
// that every upload was searchable when answered and that the final count
// adds up. The caller hands in the store the uploads are written through,
// so the load falls on the server's own.
package loadtest

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	mrand "math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"baoku/indexer"
	"baoku/indexer/article"
	"baoku/search"
	"baoku/segment"
	"baoku/web"
)

// Config is one load test.
type Config struct {
	// Duration of the test and number of concurrent search clients.
	Duration time.Duration
	Clients  int
	// Dict is the dictionary of the throwaway index.
	Dict string
	// Seed is the number of articles indexed before the test; Batch the
	// number sent in each admin upload during it.
	Seed, Batch int
	// Limits of the server under test.
	Limits web.Limits
	// Log, when set, receives progress.
	Log io.Writer
}

// Report is what a load test measured.
type Report struct {
	Requests int64 // search and page requests answered
	Errors   int64 // anything but 200 and 503
	Busy     int64 // deliberate 503s (concurrency cap)
	// P50 and P99 are the latencies of the requests answered.
	P50, P99 time.Duration
	// Ingested is the number of articles the admin uploads added; Uploads
	// the number of uploads; Final the index's count at the end, which must
	// be Seed + Ingested.
	Ingested, Uploads int
	Seed              int
	Final             uint64
	// Stale counts uploads whose articles were missing from the first
	// search answered after the upload returned (it must be 0: an upload
	// is answered once its articles are searchable). Visible is the
	// slowest wait for that first answer, a 503 queue included.
	Stale   int
	Visible time.Duration
	// FirstErrors are a few of the errors, for the report.
	FirstErrors []string
	// Elapsed is the time the clients ran.
	Elapsed time.Duration
}

// String is the report as printed: throughput, latency, errors and the
// ingest's count.
func (r *Report) String() string {
	s := fmt.Sprintf("requests %d (%.0f/s), errors %d, busy (503) %d, p50 %s, p99 %s\n"+
		"ingest: %d uploads, %d articles; index %d = seed %d + ingested %d: %v; uploads not searchable at once: %d (slowest first answer %s)",
		r.Requests, float64(r.Requests)/max(r.Elapsed.Seconds(), 1e-9), r.Errors, r.Busy, r.P50, r.P99,
		r.Uploads, r.Ingested, r.Final, r.Seed, r.Ingested, r.Final == uint64(r.Seed+r.Ingested), r.Stale, r.Visible)
	for _, e := range r.FirstErrors {
		s += "\n  error: " + e
	}
	return s
}

// Run runs `baoku loadtest` with its command-line flags (-d, -c, -seed,
// -batch). It prints the report and fails when Check does.
func Run(args []string) error {
	fs := flag.NewFlagSet("loadtest", flag.ContinueOnError)
	d := fs.Duration("d", 60*time.Second, "duration")
	c := fs.Int("c", 32, "concurrent search clients")
	seed := fs.Int("seed", 5000, "articles indexed before the test")
	batch := fs.Int("batch", 200, "articles in each admin upload during the test")
	if err := fs.Parse(args); err != nil {
		return err
	}
	cfg := Config{Duration: *d, Clients: *c, Dict: segment.DictNews, Seed: *seed, Batch: *batch, Log: os.Stderr}
	rep, err := Measure(context.Background(), cfg)
	if rep != nil {
		fmt.Println(rep)
	}
	if err != nil {
		return err
	}
	return rep.Check()
}

// Check fails a run with errors or a count that does not add up.
func (r *Report) Check() error {
	if r.Errors > 0 {
		return fmt.Errorf("loadtest: %d errors", r.Errors)
	}
	if r.Final != uint64(r.Seed+r.Ingested) {
		return fmt.Errorf("loadtest: index holds %d articles, want %d", r.Final, r.Seed+r.Ingested)
	}
	if r.Stale > 0 {
		return fmt.Errorf("loadtest: %d uploads were not searchable when answered", r.Stale)
	}
	if r.Requests == 0 || r.Uploads == 0 {
		return errors.New("loadtest: nothing was measured")
	}
	return nil
}

// Measure builds a throwaway index, serves it on a loopback port with the
// admin endpoints on, and runs cfg.Clients search clients against it for
// cfg.Duration while one more client uploads articles through the admin
// endpoint, written by the indexer.Live a server writes with.
func Measure(ctx context.Context, cfg Config) (*Report, error) {
	tmp, err := os.MkdirTemp("", "baoku-loadtest")
	if err != nil {
		return nil, fmt.Errorf("loadtest: %w", err)
	}
	defer os.RemoveAll(tmp)
	dir := filepath.Join(tmp, "index")
	if err := indexer.Create(dir, cfg.Dict); err != nil {
		return nil, fmt.Errorf("loadtest: %w", err)
	}
	ix, err := indexer.OpenExisting(dir, indexer.Options{})
	if err != nil {
		return nil, fmt.Errorf("loadtest: %w", err)
	}
	defer ix.Close()
	live, err := indexer.NewLive(ix, cfg.Batch)
	if err != nil {
		return nil, fmt.Errorf("loadtest: %w", err)
	}
	defer live.Close()
	logf := func(format string, args ...any) {
		if cfg.Log != nil {
			fmt.Fprintf(cfg.Log, format+"\n", args...)
		}
	}
	logf("loadtest: indexing %d seed articles", cfg.Seed)
	w := indexer.NewWriter(ix, 500)
	for i := 0; i < cfg.Seed; i++ {
		if err := w.Add(genArticle("seed", i)); err != nil {
			return nil, err
		}
	}
	if err := w.Flush(); err != nil {
		return nil, err
	}
	eng := search.New(ix)
	if err := eng.Warm(); err != nil {
		return nil, err
	}
	token := randomToken()
	router, err := web.NewRouter(eng, web.Options{
		Limits: cfg.Limits,
		Admin:  web.Admin{Token: token, Store: live},
	})
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("loadtest: %w", err)
	}
	srv := &http.Server{Handler: router, ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	defer srv.Close()
	base := "http://" + ln.Addr().String()
	logf("loadtest: %d clients for %s against %s, ingesting meanwhile", cfg.Clients, cfg.Duration, base)

	start := time.Now()
	runCtx, cancel := context.WithTimeout(ctx, cfg.Duration)
	defer cancel()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: cfg.Clients + 2}, Timeout: 30 * time.Second}
	rep := &Report{Seed: cfg.Seed}
	var (
		mu    sync.Mutex
		lats  []time.Duration
		wg    sync.WaitGroup
		nreq  atomic.Int64
		nerr  atomic.Int64
		nbusy atomic.Int64
	)
	fail := func(msg string) {
		nerr.Add(1)
		mu.Lock()
		if len(rep.FirstErrors) < 10 {
			rep.FirstErrors = append(rep.FirstErrors, msg)
		}
		mu.Unlock()
	}
	for i := 0; i < cfg.Clients; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			rng := mrand.New(mrand.NewPCG(uint64(i), 7))
			var mine []time.Duration
			for runCtx.Err() == nil {
				u := base + loadQueries[rng.IntN(len(loadQueries))]
				if strings.Contains(u, "%ID%") {
					u = strings.Replace(u, "%ID%", genArticle("seed", rng.IntN(max(cfg.Seed, 1))).ID, 1)
				}
				t0 := time.Now()
				code, body, err := get(runCtx, client, u)
				el := time.Since(t0)
				switch {
				case runCtx.Err() != nil:
				case err != nil:
					fail(fmt.Sprintf("GET %s: %v", u, err))
				case code == http.StatusServiceUnavailable:
					nbusy.Add(1)
					time.Sleep(20 * time.Millisecond)
				case code != http.StatusOK:
					fail(fmt.Sprintf("GET %s: %d %s", u, code, strings.TrimSpace(string(body[:min(len(body), 200)]))))
				default:
					nreq.Add(1)
					mine = append(mine, el)
				}
			}
			mu.Lock()
			lats = append(lats, mine...)
			mu.Unlock()
		}(i)
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		for k := 0; runCtx.Err() == nil; k++ {
			n, vis, stale, err := uploadBatch(client, base, token, k, cfg.Batch)
			if stale {
				rep.Stale++
			}
			if err != nil {
				fail(err.Error())
				time.Sleep(100 * time.Millisecond)
				continue
			}
			rep.Uploads++
			rep.Ingested += n
			rep.Visible = max(rep.Visible, vis)
		}
	}()
	wg.Wait()
	rep.Elapsed = time.Since(start)

	_, body, err := get(ctx, client, base+"/healthz")
	if err != nil {
		return rep, fmt.Errorf("loadtest: final count: %w", err)
	}
	var h struct{ Articles uint64 }
	if err := json.Unmarshal(body, &h); err != nil {
		return rep, fmt.Errorf("loadtest: final count: %w", err)
	}
	rep.Final = h.Articles
	rep.Requests, rep.Errors, rep.Busy = nreq.Load(), nerr.Load(), nbusy.Load()
	sort.Slice(lats, func(i, j int) bool { return lats[i] < lats[j] })
	if len(lats) > 0 {
		rep.P50, rep.P99 = lats[len(lats)/2], lats[len(lats)*99/100]
	}
	sctx, scancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer scancel()
	if err := srv.Shutdown(sctx); err != nil {
		return rep, fmt.Errorf("loadtest: shutdown: %w", err)
	}
	return rep, nil
}

// loadQueries is the mix of requests the clients send: API searches of
// every kind, filters, sorts, deep pages, HTML pages and articles.
var loadQueries = []string{
	"/api/search?q=" + url.QueryEscape("吕梁"),
	"/api/search?q=" + url.QueryEscape("乡村振兴 文旅"),
	"/api/search?q=" + url.QueryEscape(`"黄河生态"`),
	"/api/search?q=" + url.QueryEscape("教育 -医疗"),
	"/api/search?q=" + url.QueryEscape("交通 OR 科技"),
	"/api/search?q=" + url.QueryEscape("标题:农业"),
	"/api/search?q=" + url.QueryEscape("经济") + "&sort=newest&page=3",
	"/api/search?q=" + url.QueryEscape("项目") + "&from=2023-03-01&to=2023-06-30",
	"/api/search?section=" + url.QueryEscape("要闻") + "&sort=oldest",
	"/api/search?q=" + url.QueryEscape("记者") + "&size=50",
	"/api/search",
	"/search?q=" + url.QueryEscape("吕梁 教育"),
	"/api/articles/%ID%",
	"/articles/%ID%",
}

func get(ctx context.Context, c *http.Client, u string) (int, []byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return 0, nil, err
	}
	resp, err := c.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	return resp.StatusCode, body, err
}

// uploadBatch sends batch k of n new articles as JSON Lines through the
// admin endpoint, then searches for them; it returns the number indexed,
// the wait for the first search answer (503s retried), and whether that
// answer missed some of them.
func uploadBatch(c *http.Client, base, token string, k, n int) (int, time.Duration, bool, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	for i := 0; i < n; i++ {
		a := genArticle(fmt.Sprintf("batch%d", k), i)
		if err := enc.Encode(map[string]any{
			"id": a.ID, "paper": a.Paper, "date": a.Date, "page": a.Page, "section": a.Section,
			"headline": a.Headline, "body": a.Body, "reporters": a.Reporters,
		}); err != nil {
			return 0, 0, false, err
		}
	}
	req, err := http.NewRequest(http.MethodPost, base+"/api/admin/index", &b)
	if err != nil {
		return 0, 0, false, err
	}
	req.Header.Set("Content-Type", "application/x-ndjson")
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := c.Do(req)
	if err != nil {
		return 0, 0, false, fmt.Errorf("upload %d: %w", k, err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return 0, 0, false, fmt.Errorf("upload %d: %s: %s", k, resp.Status, body)
	}
	var rep web.IngestReport
	if err := json.Unmarshal(body, &rep); err != nil {
		return 0, 0, false, fmt.Errorf("upload %d: %w", k, err)
	}
	if rep.Articles != n || rep.BadLines+rep.BadFiles > 0 {
		return rep.Articles, 0, false, fmt.Errorf("upload %d: %d of %d articles indexed: %v", k, rep.Articles, n, rep.Errors)
	}
	// The batch's articles share a section name no other batch has.
	t0 := time.Now()
	u := base + "/api/search?size=1&section=" + url.QueryEscape(batchSection(fmt.Sprintf("batch%d", k)))
	for {
		code, body, err := get(context.Background(), c, u)
		var res search.Result
		if err == nil && code == http.StatusOK && json.Unmarshal(body, &res) == nil {
			return n, time.Since(t0), res.Total != uint64(n), nil
		}
		if time.Since(t0) > 30*time.Second {
			return n, time.Since(t0), false, fmt.Errorf("upload %d: no search answered within 30 s (last answer %d)", k, code)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func batchSection(set string) string {
	if set == "seed" {
		return "要闻"
	}
	return "增补" + set
}

var loadWords = []string{"吕梁", "乡村振兴", "文旅", "交通", "教育", "经济", "医疗", "黄河生态", "农业", "科技",
	"项目", "开工", "群众", "改革", "企业", "就业", "养老", "文化", "旅游", "铝镁"}

// genArticle makes article i of a set, the same every time.
func genArticle(set string, i int) *article.Article {
	rng := mrand.New(mrand.NewPCG(uint64(i), uint64(len(set))))
	var body strings.Builder
	body.WriteString("本报讯 ")
	for j := 0; j < 40; j++ {
		body.WriteString(loadWords[rng.IntN(len(loadWords))])
		if j%6 == 5 {
			body.WriteString("。")
		} else {
			body.WriteString("，")
		}
	}
	a := &article.Article{
		Paper: "压测日报", Date: fmt.Sprintf("2023-%02d-%02d", 1+i%12, 1+i%28), Page: fmt.Sprint(1 + i%8),
		Section:   batchSection(set),
		Headline:  loadWords[rng.IntN(len(loadWords))] + loadWords[rng.IntN(len(loadWords))] + fmt.Sprintf("见闻 %s-%d", set, i),
		Body:      body.String(),
		Reporters: []string{[]string{"张伟", "李娜", "王芳"}[i%3]},
	}
	a.ID = article.StableID("record", a.Paper, set+"-"+fmt.Sprint(i))
	return a
}

func randomToken() string {
	b := make([]byte, 16)
	rand.Read(b)
	return hex.EncodeToString(b)
}

package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"log"
	"net/http"
	"os"
	"os/signal"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"strings"
	"syscall"
	"time"

	"baoku/indexer"
	"baoku/indexer/article"
	"baoku/search"
	"baoku/web"
)

// errFailed says that some inputs failed, after their problems were printed.
var errFailed = errors.New("some inputs could not be indexed (see above)")

func runIndex(args []string) error {
	fs := flag.NewFlagSet("index", flag.ContinueOnError)
	dir := fs.String("index", defaultIndex, "index folder (created when missing)")
	batch := fs.Int("batch", 0, fmt.Sprintf("articles written at once (default %d; %d per segment in a bulk build)", indexer.DefaultBatchSize, indexer.DefaultBulkBatchSize))
	quiet := fs.Bool("q", false, "no progress line")
	force := fs.Bool("force", false, "read every input again, even files the index's journal records as done")
	mem := fs.Int("memlimit", 250, "soft memory limit in MB for the Go heap (0: none; GOMEMLIMIT wins)")
	bulk := fs.String("bulk", "auto", "build a new index in bulk: auto (when the folder holds no index and the inputs are 2 MB or more), always, never")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile of the ingest to this file")
	mapped := fs.Int("max-mapped", 64, "MB of the index's mapped files kept resident while indexing (0: no limit)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	setMemoryLimit(*mem)
	if fs.NArg() == 0 {
		return errors.New("no input: give page text files, .jsonl(.gz) files or folders")
	}
	defer keepResident(*dir, *mapped)()
	var useBulk bool
	switch *bulk {
	case "auto":
		useBulk = indexer.UseBulk(*dir, fs.Args())
	case "always":
		useBulk = true
	case "never":
	default:
		return fmt.Errorf("-bulk %q: want auto, always or never", *bulk)
	}
	if *cpuprofile != "" {
		stop, err := startCPUProfile(*cpuprofile)
		if err != nil {
			return err
		}
		defer stop()
	}
	opt := indexer.IngestOptions{BatchSize: *batch, Force: *force, Merging: lowHeapWhileMerging}
	if !*quiet {
		opt.Progress = os.Stderr
	}
	var sum indexer.Summary
	var ierr, cerr error
	if useBulk {
		sum, ierr = indexer.Build(*dir, fs.Args(), opt)
	} else {
		sum, ierr, cerr = ingestInto(*dir, fs.Args(), opt)
	}
	if sum.Done > 0 {
		fmt.Fprintf(os.Stderr, "%d files passed over: indexed before (use -force to read them again)\n", sum.Done)
	}
	for _, wn := range sum.Warnings {
		fmt.Fprintln(os.Stderr, "warning:", wn)
	}
	for _, e := range sum.Errors {
		fmt.Fprintln(os.Stderr, "error:", e)
	}
	if ierr != nil {
		return ierr
	}
	if cerr != nil {
		return fmt.Errorf("close index: %w", cerr)
	}
	if len(sum.Errors) > 0 {
		return fmt.Errorf("%w: %d errors", errFailed, len(sum.Errors))
	}
	return nil
}

// ingestInto adds the inputs to the index in dir (created when missing)
// through a Writer, recording finished files in its journal. ierr is a
// failure of the ingest, cerr one of closing the index.
func ingestInto(dir string, paths []string, opt indexer.IngestOptions) (sum indexer.Summary, ierr, cerr error) {
	ix, err := indexer.Open(dir, indexer.Options{})
	if err != nil {
		return sum, err, nil
	}
	journal, err := indexer.OpenJournal(dir)
	if err != nil {
		ix.Close()
		return sum, err, nil
	}
	defer journal.Close()
	opt.Journal = journal
	w := indexer.NewWriter(ix, opt.BatchSize)
	sum, ierr = indexer.Ingest(w, paths, opt)
	return sum, ierr, ix.Close()
}

// startCPUProfile writes a CPU profile to path until stop is called.
func startCPUProfile(path string) (stop func(), err error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("cpu profile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("cpu profile: %w", err)
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}, nil
}

func runServe(args []string) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	dir := fs.String("index", defaultIndex, "index folder")
	addr := fs.String("addr", ":8080", "address to listen on")
	mem := fs.Int("memlimit", 180, "soft memory limit in MB for the Go heap, raised when the loaded dictionary and index need more (0: none; GOMEMLIMIT wins)")
	mapped := fs.Int("max-mapped", 64, "MB of the index's mapped files kept resident (0: no limit)")
	extra := addServeFlags(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	setMemoryLimit(*mem)
	defer keepResident(*dir, *mapped)()
	ix, err := indexer.OpenExisting(*dir, indexer.Options{})
	if err != nil {
		return err
	}
	defer ix.Close()
	opts, stopLive, err := extra.setup(ix)
	if err != nil {
		return err
	}
	defer stopLive()
	eng := search.New(ix)
	// The dictionary loads in the background; queries are answered from
	// the character view until it is ready.
	go func() {
		if err := eng.Warm(); err != nil {
			log.Printf("load dictionary: %v", err)
		}
		// One search reads the index's facet tables in, so the live
		// heap is known before the memory limit is checked against it.
		if _, err := eng.Search(context.Background(), search.Request{Size: 1}); err != nil {
			log.Printf("first search: %v", err)
		}
		roomAboveLive(*mem)
	}()
	router, err := web.NewRouter(eng, opts)
	if err != nil {
		return err
	}
	srv := &http.Server{Addr: *addr, Handler: router, ReadHeaderTimeout: 10 * time.Second}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	errc := make(chan error, 1)
	go func() { errc <- srv.ListenAndServe() }()
	n, _ := eng.Count()
	log.Printf("serving %d articles from %s on http://%s", n, *dir, displayAddr(*addr))
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Printf("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return srv.Shutdown(sctx)
}

func displayAddr(addr string) string {
	if strings.HasPrefix(addr, ":") {
		return "localhost" + addr
	}
	return addr
}

func runSearch(args []string) error {
	fs := flag.NewFlagSet("search", flag.ContinueOnError)
	dir := fs.String("index", defaultIndex, "index folder")
	asJSON := fs.Bool("json", false, "print the whole result as JSON")
	explain := fs.Bool("explain", false, "show how the query was analysed and why hits scored")
	size := fs.Int("n", 10, "number of hits")
	sort := fs.String("sort", "", "relevance, newest or oldest")
	words, err := parseAmong(fs, args)
	if err != nil {
		return err
	}
	ix, err := indexer.OpenExisting(*dir, indexer.Options{})
	if err != nil {
		return err
	}
	defer ix.Close()
	eng := search.New(ix)
	if err := eng.Warm(); err != nil {
		return err
	}
	res, err := eng.Search(context.Background(), search.Request{
		Query: strings.Join(words, " "), Size: *size, Sort: *sort, Explain: *explain,
	})
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(os.Stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(res)
	}
	for _, n := range res.Notes {
		fmt.Fprintln(os.Stderr, "note:", n.Msg)
	}
	fmt.Printf("%d articles (%.1f ms)\n", res.Total, res.TookMS)
	for i, h := range res.Hits {
		where := []string{h.Date, h.Paper}
		if h.Page != "" {
			where = append(where, "第"+h.Page+"版")
		}
		if h.Section != "" {
			where = append(where, h.Section)
		}
		fmt.Printf("\n%d. %s  [%s] %.3f\n   %s\n", i+1, h.Headline, strings.Join(where, " "), h.Score, plain(h.Snippet))
		if len(h.Places) > 1 {
			var also []string
			for _, p := range h.Places[1:] {
				also = append(also, strings.TrimSpace(p.Date+" "+p.Paper+" "+pageLabel(p.Page)))
			}
			fmt.Printf("   also printed: %s\n", strings.Join(also, "; "))
		}
		if len(h.Similar) > 0 {
			var same []string
			for _, p := range h.Similar {
				same = append(same, strings.TrimSpace(p.Date+" "+p.Paper+" "+pageLabel(p.Page)+" "+p.ID))
			}
			fmt.Printf("   %d more of the same report: %s\n", len(h.Similar), strings.Join(same, "; "))
		}
	}
	if res.Explain != nil {
		fmt.Println()
		search.WriteExplain(os.Stdout, res)
	}
	return nil
}

// pageLabel is a page as the listing prints it: 第4版, or nothing.
func pageLabel(page string) string {
	if page == "" {
		return ""
	}
	return "第" + page + "版"
}

// plain turns a snippet's <mark> tags into brackets for a terminal.
func plain(s string) string {
	r := strings.NewReplacer("<mark>", "【", "</mark>", "】", "&lt;", "<", "&gt;", ">", "&amp;", "&", "&#34;", `"`, "&#39;", "'")
	return r.Replace(s)
}

func runParse(args []string) error {
	fs := flag.NewFlagSet("parse", flag.ContinueOnError)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return errors.New("no input: give page text files (.txt), page PDFs (.pdf) or .jsonl(.gz) record files")
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	failed := false
	for _, f := range fs.Args() {
		arts, warns, err := readInput(f)
		for _, w := range warns {
			fmt.Fprintln(os.Stderr, "warning:", w)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "error:", err)
			failed = true
			if arts == nil {
				continue
			}
		}
		if err := enc.Encode(arts); err != nil {
			return err
		}
	}
	if failed {
		return errFailed
	}
	return nil
}

// readInput reads the articles of one input file as indexing would: page
// text, a page PDF, or article records (the lines that cannot be read are
// warnings).
func readInput(path string) ([]*article.Article, []string, error) {
	lower := strings.ToLower(path)
	switch {
	case strings.HasSuffix(lower, ".pdf"):
		return indexer.ReadPDFFile(path, indexer.PDFOptions{})
	case !strings.HasSuffix(lower, ".jsonl") && !strings.HasSuffix(lower, ".jsonl.gz"):
		return indexer.ReadPageFile(path)
	}
	arts := []*article.Article{}
	lineErrs, err := indexer.ReadRecordFile(path, func(a *article.Article) error {
		arts = append(arts, a)
		return nil
	})
	var warns []string
	for _, e := range lineErrs {
		warns = append(warns, e.Error())
	}
	return arts, warns, err
}

// keepResident keeps at most mb megabytes of the mapped files of the index
// in dir in this process's resident set (none kept out with mb 0), until
// the returned function is called.
func keepResident(dir string, mb int) (stop func()) {
	if mb <= 0 {
		return func() {}
	}
	ctx, cancel := context.WithCancel(context.Background())
	go indexer.Resident{Dir: dir, Budget: int64(mb) << 20}.Run(ctx)
	return cancel
}

// mergeHeapLimit is the soft heap limit while a bulk build merges its
// segments, when the process has none lower.
const mergeHeapLimit = 300 << 20

// lowHeapWhileMerging holds the heap to mergeHeapLimit while a bulk build
// merges: the merge maps every segment into memory, so the heap the
// analysis no longer needs goes back to the system first.
func lowHeapWhileMerging() (done func()) {
	limit := debug.SetMemoryLimit(-1)
	if limit > mergeHeapLimit {
		debug.SetMemoryLimit(mergeHeapLimit)
	}
	debug.FreeOSMemory()
	return func() { debug.SetMemoryLimit(limit) }
}

// setMemoryLimit makes the garbage collector work harder as the heap nears
// mb megabytes, so a long ingest or a busy server does not grow its memory
// by collecting late. It is a soft limit: the program never fails for it.
// A GOMEMLIMIT in the environment wins.
func setMemoryLimit(mb int) {
	if mb <= 0 || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetMemoryLimit(int64(mb) << 20)
}

// roomAboveLive raises the soft memory limit of mb megabytes when the live
// heap (the dictionary, the facet tables of a large index) leaves the
// garbage collector less than half of it to spare: near or under the live
// heap, the limit would make it collect without pause. It returns the
// limit now in force, in bytes.
func roomAboveLive(mb int) int64 {
	if mb <= 0 || os.Getenv("GOMEMLIMIT") != "" {
		return debug.SetMemoryLimit(-1)
	}
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	if need := int64(m.HeapAlloc) * 3 / 2; need > int64(mb)<<20 {
		debug.SetMemoryLimit(need)
		log.Printf("memory limit raised from %d to %d MB for a live heap of %d MB", mb, need>>20, m.HeapAlloc>>20)
	}
	return debug.SetMemoryLimit(-1)
}

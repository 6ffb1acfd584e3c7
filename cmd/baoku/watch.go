package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"baoku/indexer"
	"baoku/web"
)

// adminToken reads the admin token from the environment; empty means the
// server is read-only.
func adminToken() string {
	return strings.TrimSpace(os.Getenv("BAOKU_ADMIN_TOKEN"))
}

// serveFlags are the serve command's flags for limits, live ingest and the
// watch folder.
type serveFlags struct {
	watch       *string
	every       *time.Duration
	timeout     *time.Duration
	maxSearches *int
	maxUpload   *int64
	batch       *int
	rate        *float64
}

func addServeFlags(fs *flag.FlagSet) *serveFlags {
	return &serveFlags{
		watch:       fs.String("watch", "", "drop folder: index new and changed input files put there, while serving"),
		every:       fs.Duration("watch-every", 2*time.Second, "how often the drop folder is looked at"),
		timeout:     fs.Duration("timeout", 10*time.Second, "longest a search request may take"),
		maxSearches: fs.Int("max-searches", 0, "searches answered at once, the rest get 503 (default 4 per CPU)"),
		maxUpload:   fs.Int64("max-upload", 256<<20, "largest admin upload, bytes"),
		batch:       fs.Int("batch", indexer.DefaultBatchSize, "articles written at once by live ingest"),
		rate:        fs.Float64("research-rate", 60, "research view requests a minute per client, in bursts of 30 (a page costs 1, collocates, an export or a new result set 5; negative: no limit)"),
	}
}

// setup returns the router options for these flags and, when there is a
// drop folder, starts watching it; stop ends the watching and waits for an
// ingest under way to finish.
func (f *serveFlags) setup(ix *indexer.Index) (opt web.Options, stop func(), err error) {
	opt.Limits = web.Limits{Timeout: *f.timeout, MaxSearches: *f.maxSearches, MaxBody: *f.maxUpload}
	opt.Research = web.RateLimit{PerMinute: *f.rate}
	opt.PageImages = filepath.Join(ix.Dir(), indexer.PageImageDir)
	stop = func() {}
	token := adminToken()
	if token == "" && *f.watch == "" {
		log.Printf("read-only: set BAOKU_ADMIN_TOKEN to enable the admin endpoints")
		return opt, stop, nil
	}
	live, err := indexer.NewLive(ix, *f.batch)
	if err != nil {
		return opt, stop, err
	}
	if token != "" {
		opt.Admin = web.Admin{Token: token, Store: live}
		log.Printf("admin endpoints enabled under /api/admin/")
	}
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	if *f.watch != "" {
		if info, err := os.Stat(*f.watch); err != nil || !info.IsDir() {
			cancel()
			live.Close()
			return opt, stop, fmt.Errorf("watch folder %s: not a folder", *f.watch)
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			live.Watch(ctx, *f.watch, *f.every, log.Printf)
		}()
		log.Printf("watching %s for new files every %s", *f.watch, *f.every)
	}
	stop = func() {
		cancel()
		wg.Wait()
		// Waits for an upload being indexed.
		if err := live.Close(); err != nil {
			log.Printf("close journal: %v", err)
		}
	}
	return opt, stop, nil
}

package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"

	"baoku/indexer"
	"baoku/indexer/article"
	"baoku/search"
	"baoku/web"
)

// liveStore changes an index that a server is searching: uploads, the
// watch folder and deletes go through it, one write at a time, while
// searches go on (bleve serves reads from snapshots).
type liveStore struct {
	ix      bleve.Index
	dir     string           // the index folder; "" for an index in memory
	journal *indexer.Journal // nil: no record of finished files
	batch   int
	mu      sync.Mutex
}

// IngestFiles indexes uploaded files. Uploads are not journaled: they live
// in temporary folders, and sending a file again replaces its articles.
func (s *liveStore) IngestFiles(_ context.Context, paths []string) (indexer.Summary, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return indexer.Ingest(indexer.NewWriter(s.ix, s.batch), paths, indexer.IngestOptions{BatchSize: s.batch})
}

// ingestWatched indexes files of the watch folder, journaled so that each
// is read once (again when it changes).
func (s *liveStore) ingestWatched(paths []string) (indexer.Summary, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return indexer.Ingest(indexer.NewWriter(s.ix, s.batch), paths, indexer.IngestOptions{BatchSize: s.batch, Journal: s.journal})
}

// IngestRecords indexes JSON Lines article records.
func (s *liveStore) IngestRecords(_ context.Context, name string, r io.Reader) (indexer.Summary, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	w := indexer.NewWriter(s.ix, s.batch)
	sum := indexer.Summary{Files: 1}
	var writeErr error
	lineErrs, err := indexer.ReadJSONL(name, r, func(a *article.Article) error {
		if err := w.Add(a); err != nil {
			writeErr = err
			return err
		}
		sum.Articles++
		return nil
	})
	sum.Errors = lineErrs
	if writeErr != nil {
		return sum, fmt.Errorf("index records: %w", writeErr)
	}
	if err != nil {
		// The body as a whole is not records (empty, binary …), or
		// it could not be read (cut off, too large).
		return sum, fmt.Errorf("%w: %w", search.ErrBadRequest, err)
	}
	if err := w.Flush(); err != nil {
		return sum, err
	}
	return sum, nil
}

// Delete removes an article by ID.
func (s *liveStore) Delete(_ context.Context, id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	d, err := s.ix.Document(id)
	if err != nil {
		return fmt.Errorf("delete %s: %w", id, err)
	}
	if d == nil {
		return fmt.Errorf("article %s: %w", id, search.ErrNotFound)
	}
	if err := indexer.Delete(s.ix, id); err != nil {
		return fmt.Errorf("delete %s: %w", id, err)
	}
	return nil
}

// Backup writes a consistent copy of the index as a tar stream.
func (s *liveStore) Backup(_ context.Context, w io.Writer) error {
	return backupTar(s.ix, s.dir, w)
}

// watchFolder polls dir every interval and indexes the input files that
// are new or changed, once a file's size and time have stayed the same for
// one interval (so a file still being copied in is left for later). It
// returns when ctx ends.
func watchFolder(ctx context.Context, dir string, every time.Duration, st *liveStore) {
	seen := map[string]fileState{}
	// tried holds files that failed as a whole, so they are not read
	// again (and their error logged again) until they change.
	tried := map[string]fileState{}
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		ready, next := readyFiles(dir, seen, tried, st.journal)
		seen = next
		if len(ready) > 0 {
			sum, err := st.ingestWatched(ready)
			for _, p := range ready {
				if !st.journal.Done(p) {
					tried[p] = next[p]
				}
			}
			badFiles, badLines := sum.Bad()
			log.Printf("watch %s: indexed %d articles from %d files, %d bad files, %d bad lines", dir, sum.Articles, sum.Files, badFiles, badLines)
			for _, e := range sum.Errors {
				log.Printf("watch: %v", e)
			}
			if err != nil {
				log.Printf("watch: %v", err)
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

type fileState struct {
	size  int64
	mtime time.Time
}

// readyFiles lists the input files under dir that the journal does not
// have and that have not changed since the last poll (prev).
func readyFiles(dir string, prev, tried map[string]fileState, j *indexer.Journal) (ready []string, now map[string]fileState) {
	now = map[string]fileState{}
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !isInput(path) {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return nil
		}
		fs := fileState{info.Size(), info.ModTime()}
		now[path] = fs
		if t, ok := tried[path]; ok && t == fs {
			return nil
		}
		if p, ok := prev[path]; ok && p == fs && !j.Done(path) {
			ready = append(ready, path)
		}
		return nil
	})
	sort.Strings(ready)
	return ready, now
}

func isInput(name string) bool {
	n := strings.ToLower(name)
	return strings.HasSuffix(n, ".txt") || strings.HasSuffix(n, ".jsonl") || strings.HasSuffix(n, ".jsonl.gz")
}

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
}

func addServeFlags(fs *flag.FlagSet) *serveFlags {
	return &serveFlags{
		watch:       fs.String("watch", "", "drop folder: index new and changed input files put there, while serving"),
		every:       fs.Duration("watch-every", 2*time.Second, "how often the drop folder is looked at"),
		timeout:     fs.Duration("timeout", 10*time.Second, "longest a search request may take"),
		maxSearches: fs.Int("max-searches", 0, "searches answered at once, the rest get 503 (default 4 per CPU)"),
		maxUpload:   fs.Int64("max-upload", 256<<20, "largest admin upload, bytes"),
		batch:       fs.Int("batch", indexer.DefaultBatchSize, "articles written at once by live ingest"),
	}
}

// setup returns the router options for these flags and, when there is a
// drop folder, starts watching it; stop ends the watching and waits for an
// ingest under way to finish.
func (f *serveFlags) setup(ix bleve.Index, dir string) (opt web.Options, stop func(), err error) {
	opt.Limits = web.Limits{Timeout: *f.timeout, MaxSearches: *f.maxSearches, MaxBody: *f.maxUpload}
	stop = func() {}
	token := adminToken()
	if token == "" && *f.watch == "" {
		log.Printf("read-only: set BAOKU_ADMIN_TOKEN to enable the admin endpoints")
		return opt, stop, nil
	}
	j, err := indexer.OpenJournal(dir)
	if err != nil {
		return opt, stop, err
	}
	st := &liveStore{ix: ix, dir: dir, journal: j, batch: *f.batch}
	if token != "" {
		opt.Admin = web.Admin{Token: token, Store: st}
		log.Printf("admin endpoints enabled under /api/admin/")
	}
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	if *f.watch != "" {
		if info, err := os.Stat(*f.watch); err != nil || !info.IsDir() {
			cancel()
			j.Close()
			return opt, stop, fmt.Errorf("watch folder %s: not a folder", *f.watch)
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			watchFolder(ctx, *f.watch, *f.every, st)
		}()
		log.Printf("watching %s for new files every %s", *f.watch, *f.every)
	}
	stop = func() {
		cancel()
		wg.Wait()
		st.mu.Lock() // wait for an upload being indexed
		defer st.mu.Unlock()
		j.Close()
	}
	return opt, stop, nil
}

package indexer

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log"
	"path/filepath"
	"sort"
	"sync"
	"time"

	"baoku/indexer/article"
)

// ErrNotFound is returned for an article ID that is not in the index.
var ErrNotFound = errors.New("not found")

// ErrBadInput marks input that cannot be indexed as a whole (an upload
// that is not records at all, say): the sender's fault, not the index's.
var ErrBadInput = errors.New("bad input")

// Live changes an index while it is searched: uploads, the watch folder
// and deletes go through it, one write at a time, while searches go on
// (bleve serves reads from snapshots). The server and its watch loop use
// it; so do the tests of the web layer.
type Live struct {
	ix      *Index
	journal *Journal // nil for an index in memory
	batch   int
	mu      sync.Mutex // one write at a time
}

// NewLive returns the writer of an open index that writes batchSize
// articles at once (DefaultBatchSize when 0). For an index on disk it
// opens the index's journal of finished files, used by Watch.
func NewLive(ix *Index, batchSize int) (*Live, error) {
	l := &Live{ix: ix, batch: batchSize}
	if ix.dir != "" {
		j, err := OpenJournal(ix.dir)
		if err != nil {
			return nil, err
		}
		l.journal = j
	}
	return l, nil
}

// Close waits for a write under way and closes the journal; the index
// stays open.
func (l *Live) Close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.journal == nil {
		return nil
	}
	err := l.journal.Close()
	l.journal = nil
	return err
}

// IngestFiles indexes input files, as `baoku index` does. Uploads are not
// journaled: they live in temporary folders, and sending a file again
// replaces its articles.
func (l *Live) IngestFiles(_ context.Context, paths []string) (Summary, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return Ingest(NewWriter(l.ix, l.batch), paths, IngestOptions{BatchSize: l.batch, List: true})
}

// IngestRecords indexes JSON Lines article records read from r; name
// names them in errors.
func (l *Live) IngestRecords(_ context.Context, name string, r io.Reader) (Summary, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	w := NewWriter(l.ix, l.batch)
	sum := Summary{Files: 1}
	var writeErr error
	lineErrs, err := ReadJSONL(name, r, func(a *article.Article) error {
		if err := w.Add(a); err != nil {
			writeErr = err
			return err
		}
		sum.Articles++
		sum.Indexed = append(sum.Indexed, indexedOf(a))
		return nil
	})
	sum.Errors = lineErrs
	if writeErr != nil {
		return sum, fmt.Errorf("index records: %w", writeErr)
	}
	if err != nil {
		// The body as a whole is not records (empty, binary …), or
		// it could not be read (cut off, too large).
		return sum, fmt.Errorf("%w: %w", ErrBadInput, err)
	}
	if err := w.Flush(); err != nil {
		return sum, err
	}
	return sum, nil
}

// Delete removes an article by ID; an unknown ID is ErrNotFound.
func (l *Live) Delete(_ context.Context, id string) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	d, err := l.ix.bleve.Document(id)
	if err != nil {
		return fmt.Errorf("delete %s: %w", id, err)
	}
	if d == nil {
		return fmt.Errorf("article %s: %w", id, ErrNotFound)
	}
	if err := Delete(l.ix, id); err != nil {
		return fmt.Errorf("delete %s: %w", id, err)
	}
	return nil
}

// Backup writes a consistent copy of the index, with everything its folder
// keeps beside it, to w as a tar stream (see Index.WriteBackup).
func (l *Live) Backup(_ context.Context, w io.Writer) error {
	return l.ix.WriteBackup(w)
}

// Watch polls dir every interval and indexes the input files that are new
// or changed, once a file's size and time have stayed the same for one
// interval (so a file still being copied in is left for later). The
// journal keeps a file from being read twice, across restarts too; a file
// that fails as a whole is tried again only when it changes. logf reports
// what was done. Watch returns when ctx ends.
func (l *Live) Watch(ctx context.Context, dir string, every time.Duration, logf func(format string, args ...any)) {
	if logf == nil {
		logf = log.Printf
	}
	seen := map[string]fileState{}
	tried := map[string]fileState{}
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		ready, next := readyFiles(dir, seen, tried, l.journal)
		seen = next
		if len(ready) > 0 {
			sum, err := l.ingestWatched(ready)
			for _, p := range ready {
				if !l.journal.Done(p) {
					tried[p] = next[p]
				}
			}
			badFiles, badLines := sum.Bad()
			logf("watch %s: indexed %d articles from %d files, %d bad files, %d bad lines", dir, sum.Articles, sum.Files, badFiles, badLines)
			for _, e := range sum.Errors {
				logf("watch: %v", e)
			}
			if err != nil {
				logf("watch: %v", err)
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// ingestWatched indexes files of the watch folder, journaled so that each
// is read once (again when it changes).
func (l *Live) ingestWatched(paths []string) (Summary, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return Ingest(NewWriter(l.ix, l.batch), paths, IngestOptions{BatchSize: l.batch, Journal: l.journal})
}

type fileState struct {
	size  int64
	mtime time.Time
}

// readyFiles lists the input files under dir that the journal does not
// have and that have not changed since the last poll (prev).
func readyFiles(dir string, prev, tried map[string]fileState, j *Journal) (ready []string, now map[string]fileState) {
	now = map[string]fileState{}
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !IsInput(path) {
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

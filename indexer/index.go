package indexer

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/blevesearch/bleve/v2"

	"baoku/segment"
)

// Open opens the index in dir, creating it (with the news dictionary) when
// dir does not hold one yet. A new index is built in a sibling folder and
// renamed into place, so a process killed while creating it never leaves a
// half-made index behind.
func Open(dir string) (bleve.Index, error) {
	ix, err := bleve.Open(dir)
	if err == nil {
		return withLearned(ix, dir)
	}
	if !errors.Is(err, bleve.ErrorIndexPathDoesNotExist) {
		return nil, fmt.Errorf("open index %s: %w", dir, err)
	}
	m, err := NewMapping(segment.DictNews)
	if err != nil {
		return nil, err
	}
	tmp := filepath.Clean(dir) + ".creating"
	if err := os.RemoveAll(tmp); err != nil {
		return nil, fmt.Errorf("create index %s: %w", dir, err)
	}
	if err := os.MkdirAll(filepath.Dir(tmp), 0o755); err != nil {
		return nil, fmt.Errorf("create index %s: %w", dir, err)
	}
	ix, err = bleve.New(tmp, m)
	if err != nil {
		return nil, fmt.Errorf("create index %s: %w", dir, err)
	}
	if err := ix.Close(); err != nil {
		return nil, fmt.Errorf("create index %s: %w", dir, err)
	}
	if err := os.Rename(tmp, dir); err != nil {
		return nil, fmt.Errorf("create index %s: %w", dir, err)
	}
	ix, err = bleve.Open(dir)
	if err != nil {
		return nil, fmt.Errorf("open index %s: %w", dir, err)
	}
	return ix, nil
}

// OpenExisting opens the index in dir and fails when there is none.
func OpenExisting(dir string) (bleve.Index, error) {
	if _, err := os.Stat(dir); err != nil {
		return nil, fmt.Errorf("open index %s: %w (build one with `baoku index`)", dir, err)
	}
	ix, err := bleve.Open(dir)
	if err != nil {
		return nil, fmt.Errorf("open index %s: %w", dir, err)
	}
	return withLearned(ix, dir)
}

// NewMemIndex returns an empty in-memory index, for tests and tools.
func NewMemIndex(dict string) (bleve.Index, error) {
	m, err := NewMapping(dict)
	if err != nil {
		return nil, err
	}
	return bleve.NewMemOnly(m)
}

// Writer adds articles to an index in batches. Adding an article whose ID is
// already indexed replaces it.
type Writer struct {
	ix    bleve.Index
	batch *bleve.Batch
	size  int
	learn *learner // names from bylines
	// Added counts the articles written so far.
	Added int
}

// DefaultBatchSize is the number of articles written at once.
const DefaultBatchSize = 1000

// NewWriter returns a writer that flushes every batchSize articles
// (DefaultBatchSize when batchSize <= 0).
func NewWriter(ix bleve.Index, batchSize int) *Writer {
	if batchSize <= 0 {
		batchSize = DefaultBatchSize
	}
	return &Writer{ix: ix, batch: ix.NewBatch(), size: batchSize, learn: newLearner(ix)}
}

// Add queues an article; it returns an error for an article that cannot be
// indexed (no ID, bad date) and for a failed flush.
func (w *Writer) Add(a *Article) error {
	d, err := newDocument(a)
	if err != nil {
		return err
	}
	if err := w.learn.observe(a); err != nil {
		return err
	}
	if err := w.batch.Index(a.ID, d); err != nil {
		return fmt.Errorf("article %s: %w", a.ID, err)
	}
	if w.batch.Size() >= w.size {
		return w.Flush()
	}
	return nil
}

// Flush writes the queued articles.
func (w *Writer) Flush() error {
	n := w.batch.Size()
	if n == 0 {
		return nil
	}
	if err := w.ix.Batch(w.batch); err != nil {
		return &writeError{fmt.Errorf("write batch: %w", err)}
	}
	w.Added += n
	w.batch.Reset()
	if err := w.learn.save(); err != nil {
		return &writeError{err}
	}
	return nil
}

// Delete removes an article by ID.
func Delete(ix bleve.Index, id string) error {
	return ix.Delete(id)
}

package indexer

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"

	"baoku/indexer/article"
	"baoku/segment"
)

// Open opens the index in dir, creating it (with the news dictionary, see
// Create) when dir does not hold one yet.
func Open(dir string) (bleve.Index, error) {
	ix, err := bleve.Open(dir)
	if err == nil {
		if err := checkSchema(ix, dir); err != nil {
			return nil, err
		}
		return withLearned(ix, dir)
	}
	if !errors.Is(err, bleve.ErrorIndexPathDoesNotExist) {
		return nil, fmt.Errorf("open index %s: %w", dir, err)
	}
	if err := Create(dir, segment.DictNews); err != nil {
		return nil, err
	}
	ix, err = bleve.Open(dir)
	if err != nil {
		return nil, fmt.Errorf("open index %s: %w", dir, err)
	}
	return ix, nil
}

// Create makes a new, empty index in dir with the given dictionary and
// records its schema version. It is built in a sibling folder and renamed
// into place, so a process killed while creating it never leaves a
// half-made index behind.
func Create(dir, dict string) error {
	m, err := NewMapping(dict)
	if err != nil {
		return err
	}
	tmp := filepath.Clean(dir) + ".creating"
	if err := os.RemoveAll(tmp); err != nil {
		return fmt.Errorf("create index %s: %w", dir, err)
	}
	if err := os.MkdirAll(filepath.Dir(tmp), 0o755); err != nil {
		return fmt.Errorf("create index %s: %w", dir, err)
	}
	ix, err := bleve.New(tmp, m)
	if err != nil {
		return fmt.Errorf("create index %s: %w", dir, err)
	}
	if err := ix.SetInternal(schemaKey, []byte(SchemaVersion)); err != nil {
		ix.Close()
		return fmt.Errorf("create index %s: %w", dir, err)
	}
	if err := ix.Close(); err != nil {
		return fmt.Errorf("create index %s: %w", dir, err)
	}
	if err := os.Rename(tmp, dir); err != nil {
		return fmt.Errorf("create index %s: %w", dir, err)
	}
	return nil
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
	if err := checkSchema(ix, dir); err != nil {
		return nil, err
	}
	return withLearned(ix, dir)
}

// SchemaVersion names the layout of the index (fields, views, analyzers).
// It is recorded in every index created, and an index of another version is
// refused when opened: searching it would silently miss what it lacks.
const SchemaVersion = "baoku-6"

var schemaKey = []byte("baoku_schema")

// ErrSchema is returned for an index built with another schema version.
var ErrSchema = errors.New("index built by another version of Baoku")

// checkSchema refuses, and closes, an index of another schema version.
func checkSchema(ix bleve.Index, dir string) error {
	v, err := ix.GetInternal(schemaKey)
	if err != nil {
		ix.Close()
		return fmt.Errorf("open index %s: %w", dir, err)
	}
	if string(v) != SchemaVersion {
		ix.Close()
		got := string(v)
		if got == "" {
			got = "none recorded"
		}
		return fmt.Errorf("open index %s: %w (schema %s, this program needs %s): build it again, e.g. remove the folder and run `baoku index`", dir, ErrSchema, got, SchemaVersion)
	}
	return nil
}

// NewMemIndex returns an empty in-memory index, for tests and tools.
func NewMemIndex(dict string) (bleve.Index, error) {
	m, err := NewMapping(dict)
	if err != nil {
		return nil, err
	}
	// scorch, as on disk, not bleve's default in-memory index type: search
	// reads scorch's segments.
	return bleve.NewUsing("", m, scorch.Name, scorch.Name, nil)
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
func (w *Writer) Add(a *article.Article) error {
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

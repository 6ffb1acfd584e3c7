package indexer

import (
	"fmt"

	"github.com/blevesearch/bleve/v2"

	"baoku/indexer/article"
	"baoku/segment"
)

// Writer adds articles to an index in batches. Adding an article whose ID is
// already indexed replaces it.
type Writer struct {
	ix    *Index
	batch *bleve.Batch
	size  int
	learn *learner // names from bylines
	an    analysisOf
	// Added counts the articles written so far.
	Added int
}

// DefaultBatchSize is the number of articles written at once.
const DefaultBatchSize = 1000

// NewWriter returns a writer that flushes every batchSize articles
// (DefaultBatchSize when batchSize <= 0).
func NewWriter(ix *Index, batchSize int) *Writer {
	if batchSize <= 0 {
		batchSize = DefaultBatchSize
	}
	return &Writer{ix: ix, batch: ix.bleve.NewBatch(), size: batchSize, learn: newLearner(ix.seg, ix.dir)}
}

// Add queues an article; it returns an error for an article that cannot be
// indexed (no ID, bad date) and for a failed flush. The names of its byline
// are learned first, so the article is cut with them.
func (w *Writer) Add(a *article.Article) error {
	if err := w.learn.observe(a); err != nil {
		return err
	}
	d, err := newDocument(a, w.an.of(w.ix.seg))
	if err != nil {
		return err
	}
	if err := w.batch.IndexAdvanced(d); err != nil {
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
	if err := w.ix.bleve.Batch(w.batch); err != nil {
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
func Delete(ix *Index, id string) error {
	return ix.bleve.Delete(id)
}

// analysisOf keeps the analyzers of the latest snapshot of a segmenter:
// a document is analysed with the words learned when it was added, not
// with those learned while it waits in a batch, so the cut never depends
// on when the analysis runs.
type analysisOf struct {
	seg *segment.Segmenter // the snapshot
	an  *analyzers
}

// of returns the analyzers of seg's current snapshot.
func (a *analysisOf) of(seg *segment.Segmenter) *analyzers {
	if f := seg.Frozen(); f != a.seg {
		a.seg, a.an = f, analyzersOf(f)
	}
	return a.an
}

package indexer

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	bdoc "github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/util"

	"baoku/indexer/article"
	"baoku/segment"
)

// A fresh index is built in bulk: bleve's offline builder writes one
// segment per batch and merges them once, at the end, into one segment,
// with none of the live index's background merging. The documents are
// mapped and analysed (segmented) on every core while the builder writes
// the previous batch.

// DefaultBulkBatchSize is the number of articles in each segment of a bulk
// build, before the final merge.
const DefaultBulkBatchSize = 250

// bulkMergeMax is the number of segments the builder merges at once at the
// end of a bulk build.
const bulkMergeMax = 20

// BulkMinBytes is the input size (on disk) from which a fresh index is
// built in bulk (see UseBulk).
const BulkMinBytes = 2 << 20

// UseBulk reports whether indexing paths into dir should take the bulk
// path (Build): dir holds no index yet and the inputs are at least
// BulkMinBytes on disk. A bulk build is all or nothing (a build that is
// stopped leaves no index and is done again from the start), so for small
// inputs, where it saves little time, the normal path is kept: it writes
// as it goes and its journal lets a rerun finish the job.
func UseBulk(dir string, paths []string) bool {
	if _, err := os.Stat(dir); !errors.Is(err, fs.ErrNotExist) {
		return false
	}
	var size int64
	for _, p := range paths {
		var skipped int
		files, _ := inputFiles(p, &skipped)
		for _, f := range files {
			if st, err := os.Stat(f); err == nil {
				size += st.Size()
			}
		}
	}
	return size >= BulkMinBytes
}

// Build reads every input under paths, as Ingest does, into a new index in
// dir, which must not exist. The index is built in the side folder
// <dir>.creating and renamed into place when complete, so a build that is
// stopped leaves no half-made index. An article whose ID was built already
// is kept aside and written, through a Writer, once the index is in place
// (the later record wins, as with Ingest). The names learned from bylines
// are saved as Ingest saves them, and every input file read without error
// is recorded in the index's journal once the index is in place.
func Build(dir string, paths []string, opt IngestOptions) (Summary, error) {
	if _, err := os.Stat(dir); !errors.Is(err, fs.ErrNotExist) {
		return Summary{}, fmt.Errorf("build index %s: the folder exists; a bulk build makes a new index", dir)
	}
	if opt.Dict == "" {
		opt.Dict = segment.DictNews
	}
	if opt.BatchSize <= 0 {
		opt.BatchSize = DefaultBulkBatchSize
	}
	tmp := filepath.Clean(dir) + ".creating"
	b, err := newBulk(tmp, opt)
	if err != nil {
		return Summary{}, fmt.Errorf("build index %s: %w", dir, err)
	}
	r := newReading(opt, true)
	r.imageDir = tmp // renamed into place with the index
	rerr := r.run(paths, b.add)
	if rerr == nil {
		if opt.Progress != nil {
			fmt.Fprintf(opt.Progress, "\rread %d articles (%.1f MB) in %.1fs; writing the index   ",
				r.sum.Articles, float64(r.sum.Bytes)/1e6, time.Since(r.start).Seconds())
		}
		rerr = b.finish()
	}
	if rerr != nil {
		b.abandon()
		os.RemoveAll(tmp)
		return r.sum, rerr
	}
	if len(b.seen) == 0 {
		// Nothing to build (the builder cannot write an index without
		// a segment): an empty index, as Ingest leaves.
		os.RemoveAll(tmp)
		if err := Create(dir, opt.Dict); err != nil {
			return r.sum, &writeError{err}
		}
	} else if err := os.Rename(tmp, dir); err != nil {
		return r.sum, &writeError{fmt.Errorf("build index %s: %w", dir, err)}
	}
	if err := applyLater(dir, b.later, opt.BatchSize); err != nil {
		return r.sum, err
	}
	j, err := OpenJournal(dir)
	if err != nil {
		return r.sum, &writeError{err}
	}
	if err := r.commit(j); err != nil {
		j.Close()
		return r.sum, err
	}
	if err := j.Close(); err != nil {
		return r.sum, &writeError{err}
	}
	r.report()
	return r.sum, nil
}

// applyLater writes, through a Writer on the built index, the articles
// whose IDs came more than once.
func applyLater(dir string, later []*article.Article, batchSize int) error {
	if len(later) == 0 {
		return nil
	}
	ix, err := OpenExisting(dir, Options{})
	if err != nil {
		return &writeError{err}
	}
	w := NewWriter(ix, batchSize)
	for _, a := range later {
		if err := w.Add(a); err != nil {
			ix.Close()
			return &writeError{fmt.Errorf("rewrite repeated article: %w", err)}
		}
	}
	if err := w.Flush(); err != nil {
		ix.Close()
		return err
	}
	if err := ix.Close(); err != nil {
		return &writeError{fmt.Errorf("close index %s: %w", dir, err)}
	}
	return nil
}

// bulk is a running bulk build: add queues articles in batches, a mapper
// goroutine maps and analyses each batch on every core, and a builder
// goroutine hands the analysed documents to bleve's builder, which writes
// a segment per batch.
type bulk struct {
	dir     string // the side folder being built
	builder *scorch.Builder
	seg     *segment.Segmenter
	an      analysisOf
	learn   *learner
	size    int

	merging func() (done func()) // IngestOptions.Merging

	seen    map[string]bool    // IDs sent to the builder
	laterAt map[string]int     // ID → its place in later
	later   []*article.Article // repeated IDs, the last record of each
	batch   []bulkItem         // being filled
	toMap   chan []bulkItem    // batches to map and analyse
	toBuild chan []*bdoc.Document
	done    sync.WaitGroup // the two goroutines
	failed  atomic.Pointer[error]
}

// bulkItem is an article's index document waiting to be analysed.
type bulkItem struct {
	id  string
	doc *bdoc.Document
}

func newBulk(tmp string, opt IngestOptions) (*bulk, error) {
	m, err := NewMapping(opt.Dict)
	if err != nil {
		return nil, err
	}
	seg, err := segment.New(segment.Options{Dict: opt.Dict})
	if err != nil {
		return nil, err
	}
	if err := seg.Load(); err != nil {
		return nil, err
	}
	if err := os.RemoveAll(tmp); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(tmp, 0o755); err != nil {
		return nil, err
	}
	if err := writeIndexMeta(tmp); err != nil {
		return nil, err
	}
	mappingJSON, err := util.MarshalJSON(m)
	if err != nil {
		return nil, fmt.Errorf("mapping: %w", err)
	}
	builder, err := scorch.NewBuilder(map[string]interface{}{
		"path":            filepath.Join(tmp, "store"),
		"buildPathPrefix": tmp,
		"batchSize":       opt.BatchSize,
		"mergeMax":        bulkMergeMax,
		"internal": map[string][]byte{
			string(util.MappingInternalKey): mappingJSON,
			string(schemaKey):               []byte(SchemaVersion),
		},
	})
	if err != nil {
		return nil, err
	}
	b := &bulk{
		dir: tmp, builder: builder, seg: seg, size: opt.BatchSize,
		learn:   newLearner(seg, tmp),
		merging: opt.Merging,
		seen:    map[string]bool{},
		laterAt: map[string]int{},
		toMap:   make(chan []bulkItem),
		toBuild: make(chan []*bdoc.Document),
	}
	b.done.Add(2)
	go b.mapBatches()
	go b.buildBatches()
	return b, nil
}

// writeIndexMeta writes the file that makes a folder a bleve index, as
// bleve.NewBuilder writes it.
func writeIndexMeta(dir string) error {
	meta, err := json.Marshal(map[string]string{"storage": scorch.Name, "index_type": scorch.Name})
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "index_meta.json"), meta, 0o644)
}

// fail records the first failure of the build.
func (b *bulk) fail(err error) {
	b.failed.CompareAndSwap(nil, &err)
}

func (b *bulk) err() error {
	if p := b.failed.Load(); p != nil {
		return &writeError{*p}
	}
	return nil
}

// add queues an article; like Writer.Add it returns an error for an
// article that cannot be indexed, and a *writeError once the build failed.
func (b *bulk) add(a *article.Article) error {
	if err := b.err(); err != nil {
		return err
	}
	if err := b.learn.observe(a); err != nil {
		return err
	}
	d, err := newDocument(a, b.an.of(b.seg))
	if err != nil {
		return err
	}
	if b.seen[a.ID] {
		if i, ok := b.laterAt[a.ID]; ok {
			b.later[i] = a
		} else {
			b.laterAt[a.ID] = len(b.later)
			b.later = append(b.later, a)
		}
		return nil
	}
	b.seen[a.ID] = true
	b.batch = append(b.batch, bulkItem{a.ID, d})
	if len(b.batch) >= b.size {
		b.toMap <- b.batch
		b.batch = make([]bulkItem, 0, b.size)
	}
	return nil
}

// mapBatches analyses each batch, its articles shared among
// GOMAXPROCS workers, and passes it on to the builder.
func (b *bulk) mapBatches() {
	defer b.done.Done()
	defer close(b.toBuild)
	workers := runtime.GOMAXPROCS(0)
	for items := range b.toMap {
		if b.failed.Load() != nil {
			continue // drain
		}
		docs := make([]*bdoc.Document, len(items))
		var next atomic.Int64
		var wg sync.WaitGroup
		for range workers {
			wg.Go(func() {
				for {
					i := int(next.Add(1)) - 1
					if i >= len(items) {
						return
					}
					d, err := b.analyse(items[i])
					if err != nil {
						b.fail(err)
						return
					}
					docs[i] = d
				}
			})
		}
		wg.Wait()
		if b.failed.Load() == nil {
			b.toBuild <- docs
		}
	}
}

// analyse analyses an article's indexed fields, wrapping each so that the
// builder's own analysis leaves it as it is. Each field has the analyzer of
// the segmenter's snapshot taken when its article was read.
func (b *bulk) analyse(it bulkItem) (*bdoc.Document, error) {
	d := it.doc
	for i, f := range d.Fields {
		if f.Options().IsIndexed() {
			f.Analyze()
			d.Fields[i] = analysedField{f}
		}
	}
	return d, nil
}

// analysedField is a field analysed already: the builder calls Analyze on
// every indexed field of a document, serially; for this one it does
// nothing.
type analysedField struct{ bdoc.Field }

// Analyze does nothing: the field was analysed by a worker.
func (analysedField) Analyze() {}

// buildBatches hands the analysed documents to the builder, which writes
// a segment each time a batch is complete.
func (b *bulk) buildBatches() {
	defer b.done.Done()
	for docs := range b.toBuild {
		if b.failed.Load() != nil {
			continue // drain
		}
		for _, d := range docs {
			if err := b.builder.Index(d); err != nil {
				b.fail(fmt.Errorf("build segment: %w", err))
				break
			}
		}
	}
}

// finish writes the last batch, merges the segments into one and saves
// the learned names; with no article at all it writes nothing.
func (b *bulk) finish() error {
	if len(b.batch) > 0 {
		b.toMap <- b.batch
		b.batch = nil
	}
	close(b.toMap)
	b.done.Wait()
	b.toMap = nil
	if err := b.err(); err != nil {
		return err
	}
	if len(b.seen) == 0 {
		return nil
	}
	// The merge maps every segment into memory: the caller may keep the
	// heap small meanwhile (the mapped segments count towards the
	// process's memory too).
	if b.merging != nil {
		defer b.merging()()
	}
	if err := b.builder.Close(); err != nil {
		return &writeError{fmt.Errorf("write index: %w", err)}
	}
	if err := b.learn.save(); err != nil {
		return &writeError{err}
	}
	return nil
}

// abandon stops the goroutines of a failed build.
func (b *bulk) abandon() {
	if b.toMap != nil {
		b.fail(errors.New("build abandoned"))
		close(b.toMap)
		b.done.Wait()
		b.toMap = nil
	}
}

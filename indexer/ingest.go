package indexer

import (
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"baoku/indexer/article"
)

// IngestOptions configures Ingest.
type IngestOptions struct {
	// BatchSize is the number of articles written at once
	// (DefaultBatchSize when 0).
	BatchSize int
	// Progress, when set, receives a progress line now and then and a
	// summary at the end (the command line passes os.Stderr).
	Progress io.Writer
	// Journal, when set, records each finished file once its articles are
	// written, and files it records as finished are passed over, so an
	// interrupted ingest can be run again to finish the job.
	Journal *Journal
	// Force reads every file, even those the journal records as finished.
	Force bool
	// Dict is the word dictionary of an index made by Build
	// (segment.DictNews when ""); an open index keeps its own.
	Dict string
	// Merging, when set, is called by Build as it starts the final merge
	// of its segments, and the function it returns when the merge is
	// done: the command line lowers the process's heap limit meanwhile.
	Merging func() (done func())
	// List names every article indexed in Summary.Indexed (uploads
	// answer with them).
	List bool
}

// Summary is the outcome of an ingest.
type Summary struct {
	// Files is the number of input files read.
	Files int
	// Articles is the number of articles indexed.
	Articles int
	// Bytes is the size of the article text read, in bytes.
	Bytes int64
	// Skipped is the number of files passed over for their type.
	Skipped int
	// Done is the number of files passed over because the journal records
	// them as indexed already.
	Done int
	// Errors are the problems met: a missing file, an unreadable folder, a
	// bad line. Each names its file (and line); the rest was still indexed.
	Errors []error
	// Warnings are problems that did not stop an article from being indexed.
	Warnings []string
	// Indexed names the articles indexed, in input order, with
	// IngestOptions.List.
	Indexed []Indexed
}

// Indexed names an article that was indexed: its ID (which /api/articles/
// takes), the id its record was sent with, its headline and its file.
type Indexed struct {
	ID       string `json:"id"`
	SourceID string `json:"source_id,omitempty"`
	Headline string `json:"headline"`
	File     string `json:"file,omitempty"`
}

// indexedOf names an article for Summary.Indexed.
func indexedOf(a *article.Article) Indexed {
	return Indexed{ID: a.ID, SourceID: a.SourceID, Headline: a.Headline, File: a.File}
}

// Ingest reads every input under paths (files, or folders walked
// recursively: .txt page text, .pdf pages, .jsonl and .jsonl.gz article
// records) and indexes the articles; the pages of PDFs are rendered into
// the index folder. Problems with one file or line are collected in the
// summary and the rest is indexed; the returned error is only for a failure
// of the index itself, after which nothing more can be written.
func Ingest(w *Writer, paths []string, opt IngestOptions) (Summary, error) {
	r := newReading(opt, opt.Journal != nil)
	r.imageDir = w.ix.dir
	add := func(a *article.Article) error {
		flushed := w.Added
		if err := w.Add(a); err != nil {
			return err
		}
		if w.Added != flushed && opt.Journal != nil {
			return r.commit(opt.Journal)
		}
		return nil
	}
	if err := r.run(paths, add); err != nil {
		return r.sum, err
	}
	if err := w.Flush(); err != nil {
		return r.sum, err
	}
	if opt.Journal != nil {
		if err := r.commit(opt.Journal); err != nil {
			return r.sum, err
		}
	}
	r.report()
	return r.sum, nil
}

// reading is the walk over the inputs of one ingest: what it has read so
// far and the files waiting to be recorded in a journal.
type reading struct {
	opt        IngestOptions
	keys       bool   // note each file's journal key, to record it later
	imageDir   string // the index folder that PDF page images go to; "" for none
	sum        Summary
	start      time.Time
	lastReport time.Time
	// Files read to the end wait in pending until their last articles
	// are written; only then does the journal record them.
	pending []finished
}

func newReading(opt IngestOptions, keys bool) *reading {
	now := time.Now()
	return &reading{opt: opt, keys: keys, start: now, lastReport: now}
}

// commit records the pending files in j.
func (r *reading) commit(j *Journal) error {
	for _, p := range r.pending {
		if err := j.finish(p.key, p.articles); err != nil {
			return &writeError{err}
		}
	}
	r.pending = r.pending[:0]
	return nil
}

// run reads every input under paths and passes each article to add. A
// file the journal records as finished is passed over unless opt.Force.
// Problems with a file or a line go into the summary; the error returned
// is a failure of the index (a *writeError from add).
func (r *reading) run(paths []string, add func(*article.Article) error) error {
	sum := &r.sum
	fileArticles := 0
	count := func(a *article.Article) error {
		sum.Bytes += int64(len(a.Body) + len(a.Headline) + len(a.Kicker) + len(a.Subtitle))
		if err := add(a); err != nil {
			return err
		}
		fileArticles++
		sum.Articles++
		if r.opt.List {
			sum.Indexed = append(sum.Indexed, indexedOf(a))
		}
		r.progress()
		return nil
	}
	for _, p := range paths {
		files, errs := inputFiles(p, &sum.Skipped)
		sum.Errors = append(sum.Errors, errs...)
		for _, f := range files {
			var key journalKey
			if r.keys {
				k, err := keyOf(f)
				if err != nil {
					sum.Errors = append(sum.Errors, err)
					continue
				}
				if r.opt.Journal != nil && !r.opt.Force && r.opt.Journal.Done(f) {
					sum.Done++
					continue
				}
				key = k
			}
			sum.Files++
			fileArticles = 0
			nerr := len(sum.Errors)
			if err := ingestFile(f, count, sum, r.imageDir); err != nil {
				return err
			}
			if r.keys && !fileFailed(sum.Errors[nerr:]) {
				r.pending = append(r.pending, finished{key, fileArticles})
			}
		}
	}
	return nil
}

// progress prints a progress line at most once a second.
func (r *reading) progress() {
	if r.opt.Progress == nil || time.Since(r.lastReport) <= time.Second {
		return
	}
	r.lastReport = time.Now()
	el := time.Since(r.start).Seconds()
	fmt.Fprintf(r.opt.Progress, "\rindexed %d articles from %d files, %.1f MB, %.0f articles/s   ",
		r.sum.Articles, r.sum.Files, float64(r.sum.Bytes)/1e6, float64(r.sum.Articles)/el)
}

// report prints the summary line.
func (r *reading) report() {
	if r.opt.Progress == nil {
		return
	}
	sum := r.sum
	el := time.Since(r.start).Seconds()
	badFiles, badLines := sum.Bad()
	fmt.Fprintf(r.opt.Progress, "\rindexed %d articles from %d files (%.1f MB) in %.1fs, %d bad files, %d bad lines, %d warnings, %d files done before\n",
		sum.Articles, sum.Files, float64(sum.Bytes)/1e6, el, badFiles, badLines, len(sum.Warnings), sum.Done)
}

// finished is a file read to the end, waiting for its articles to be
// written before the journal records it.
type finished struct {
	key      journalKey
	articles int
}

// fileFailed reports whether errs hold a problem with a whole file (not
// just some of its lines); such a file is not recorded as finished, so it
// is tried again next time.
func fileFailed(errs []error) bool {
	for _, e := range errs {
		var le *LineError
		if !errors.As(e, &le) {
			return true
		}
	}
	return false
}

// Bad counts the errors in the summary: files that could not be read (or
// not entirely) and single lines or records that were skipped.
func (s Summary) Bad() (files, lines int) {
	for _, e := range s.Errors {
		var le *LineError
		if errors.As(e, &le) {
			lines++
		} else {
			files++
		}
	}
	return files, lines
}

// IsInput reports whether a file is an input, by its name: page text
// (.txt), pages as PDF (.pdf) or article records (.jsonl, .jsonl.gz).
func IsInput(name string) bool { return inputKind(name) != "" }

// inputKind tells how a file is read, from its name; "" for files that are
// not inputs.
func inputKind(name string) string {
	n := strings.ToLower(name)
	switch {
	case strings.HasSuffix(n, ".jsonl.gz"):
		return "jsonl.gz"
	case strings.HasSuffix(n, ".jsonl"):
		return "jsonl"
	case strings.HasSuffix(n, ".txt"):
		return "page"
	case strings.HasSuffix(n, ".pdf"):
		return "pdf"
	}
	return ""
}

// inputFiles lists the input files under p, sorted, with an error for p
// missing or a folder that cannot be read.
func inputFiles(p string, skipped *int) ([]string, []error) {
	st, err := os.Stat(p)
	if err != nil {
		return nil, []error{fmt.Errorf("%s: %w", p, unwrapPath(err))}
	}
	if !st.IsDir() {
		if inputKind(p) == "" {
			return nil, []error{fmt.Errorf("%s: not an input file (want .txt, .pdf, .jsonl or .jsonl.gz)", p)}
		}
		return []string{p}, nil
	}
	var files []string
	var errs []error
	err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", path, unwrapPath(err)))
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if inputKind(path) == "" {
			if !strings.HasSuffix(path, ".json") { // sidecars are read with their page
				*skipped++
			}
			return nil
		}
		files = append(files, path)
		return nil
	})
	if err != nil {
		errs = append(errs, fmt.Errorf("%s: %w", p, err))
	}
	sort.Strings(files)
	return files, errs
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// ingestFile reads one input file; the pages of a PDF are rendered into
// imageDir when it is set. Problems with the file go into sum; the error
// returned is a failure of the index.
func ingestFile(path string, add func(*article.Article) error, sum *Summary, imageDir string) error {
	var indexErr error
	addOrStop := func(a *article.Article) error {
		if err := add(a); err != nil {
			var fatal *writeError
			if errors.As(err, &fatal) {
				indexErr = err
				return err
			}
			sum.Errors = append(sum.Errors, fmt.Errorf("%s: %w", path, err))
		}
		return nil
	}
	switch inputKind(path) {
	case "jsonl", "jsonl.gz":
		lineErrs, err := ReadRecordFile(path, addOrStop)
		sum.Errors = append(sum.Errors, lineErrs...)
		if indexErr != nil {
			return indexErr
		}
		if err != nil {
			sum.Errors = append(sum.Errors, err)
		}
	case "page", "pdf":
		var arts []*article.Article
		var warns []string
		var err error
		if inputKind(path) == "pdf" {
			arts, warns, err = ReadPDFFile(path, PDFOptions{ImageDir: imageDir})
		} else {
			arts, warns, err = ReadPageFile(path)
		}
		sum.Warnings = append(sum.Warnings, warns...)
		if err != nil {
			sum.Errors = append(sum.Errors, err)
			return nil
		}
		for _, a := range arts {
			if err := addOrStop(a); err != nil {
				return err
			}
		}
	}
	return nil
}

// ReadRecordFile reads the article records of a .jsonl or .jsonl.gz file,
// passing each to fn with the file's base name as its File. lineErrs are
// the lines skipped; err is the file's own problem (it cannot be opened,
// is not gzip, or fn failed).
func ReadRecordFile(path string, fn func(*article.Article) error) (lineErrs []error, err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	defer f.Close()
	var r io.Reader = f
	if inputKind(path) == "jsonl.gz" {
		gz, err := gzip.NewReader(f)
		if err != nil {
			return nil, fmt.Errorf("%s: not gzip: %w", path, err)
		}
		defer gz.Close()
		r = gz
	}
	base := filepath.Base(path)
	return ReadJSONL(path, r, func(a *article.Article) error {
		a.File = base
		return fn(a)
	})
}

// writeError marks a failure to write to the index, which ends an ingest.
type writeError struct{ err error }

func (e *writeError) Error() string { return e.err.Error() }
func (e *writeError) Unwrap() error { return e.err }

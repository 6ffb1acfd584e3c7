// Package eval owns `baoku eval`: it measures how the segmentation cuts the
// SIGHAN 2005 bakeoff's gold files (precision, recall, F1 and OOV recall,
// beside jieba's published F1), how completely searches find substrings
// of real articles, against a words-only and a characters-only design,
// whether every kind of query finds exactly what a brute-force scan of the
// articles finds (exact), all on the shared corpus beside the repository;
// how well the PDF layout reader finds the articles of generated pages
// whose truth is known; how well the page-text parser reads generated
// page text, and the text mutool and pdftotext take from printed pages
// (pages -printed); and how well the ranking finds the story a
// known-item query was written for, beside SQLite FTS5 (rank).
package eval

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"baoku/cmd/baoku/internal/corpus"
)

// errFailed says that some inputs could not be indexed.
var errFailed = errors.New("some inputs could not be indexed (see above)")

// Run runs one of the evaluations, named by args[0] and given the rest of
// args as its flags and arguments: seg [-corpus DIR] [PKU|MSR], recall
// [-corpus DIR] [-n N] [-max N] [-seed N] [FILE|FOLDER…], exact [-corpus
// DIR] [-n N] [-seed N] [-xwlb-every N] [FILE|FOLDER…], pdf [-v] [SET…]
// (folders of generated pages with their truth.json, made by `make
// pdfset`), pages [flags] (see runEvalPages) or rank [flags] (see
// runEvalRank). It prints the scores on standard output.
func Run(args []string) error {
	if len(args) == 0 {
		return errors.New("give an evaluation: seg [PKU|MSR], recall [flags], exact [flags], pdf [-v] [SET…], pages [flags] or rank [flags]")
	}
	switch args[0] {
	case "seg":
		fs := flag.NewFlagSet("eval seg", flag.ContinueOnError)
		dir := fs.String("corpus", corpus.Dir, "corpus folder (holds icwb2/)")
		if err := fs.Parse(args[1:]); err != nil {
			return err
		}
		if err := corpus.Check(*dir); err != nil {
			return err
		}
		return runEvalSeg(fs.Args(), *dir)
	case "recall":
		return runEvalRecall(args[1:])
	case "exact":
		return runEvalExact(args[1:])
	case "pdf":
		return runEvalPDF(args[1:], os.Stdout)
	case "pages":
		return runEvalPages(args[1:])
	case "rank":
		return runEvalRank(args[1:])
	}
	return fmt.Errorf("unknown evaluation %q: seg, recall, exact, pdf, pages or rank", args[0])
}

// corpusFile names a file of the corpus folder.
func corpusFile(dir, name string) string { return filepath.Join(dir, name) }

package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
)

// defaultCorpus is where the evaluation data is looked for: the shared
// corpus folder beside the repository.
const defaultCorpus = "../shared/corpus"

// runEval runs one of the evaluations: seg or recall.
func runEval(args []string) error {
	if len(args) == 0 {
		return errors.New("give an evaluation: seg [PKU|MSR] or recall [flags]")
	}
	switch args[0] {
	case "seg":
		fs := flag.NewFlagSet("eval seg", flag.ContinueOnError)
		corpus := fs.String("corpus", defaultCorpus, "corpus folder (holds icwb2/)")
		if err := fs.Parse(args[1:]); err != nil {
			return err
		}
		if err := checkDir(*corpus); err != nil {
			return err
		}
		return runEvalSeg(fs.Args(), *corpus)
	case "recall":
		return runEvalRecall(args[1:])
	}
	return fmt.Errorf("unknown evaluation %q: seg or recall", args[0])
}

func checkDir(dir string) error {
	if _, err := os.Stat(dir); err != nil {
		return fmt.Errorf("corpus folder: %w (give it with -corpus)", err)
	}
	return nil
}

// corpusFile names a file of the corpus folder.
func corpusFile(dir, name string) string { return filepath.Join(dir, name) }

// Command pdfgen writes generated newspaper page PDFs and their truth
// (truth.json) into a folder, for `baoku eval pdf` and for looking at:
//
//	go run ./indexer/internal/pdfgen/cmd/pdfgen -split tune -n 40 -out var/pdfset/tune
//
// The tune split draws from the layout families the parser is tuned on,
// seeds from 1; the heldout split from the families held out, seeds from
// 100001. The pages are laid out from the corpus records and must not be
// committed.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"baoku/indexer/internal/pdfgen"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "pdfgen:", err)
		os.Exit(1)
	}
}

func run() error {
	split := flag.String("split", "tune", "tune or heldout")
	n := flag.Int("n", 40, "pages")
	per := flag.Int("per-file", 1, "pages per PDF file")
	out := flag.String("out", "var/pdfset/tune", "output folder")
	corpus := flag.String("corpus", "../shared/corpus", "corpus folder")
	invented := flag.Bool("invented", false, "lay out invented articles instead of the corpus's")
	from := flag.Int64("from", 0, "first seed (0: the split's own)")
	flag.Parse()
	opt := pdfgen.Options{CorpusDir: *corpus, OutDir: *out, PagesPerFile: *per}
	if *invented {
		opt.Records = pdfgen.InventedRecords(24)
	}
	var first int64
	switch *split {
	case "tune":
		opt.Families, first = pdfgen.TuneFamilies(), 1
	case "heldout":
		opt.Families, first = pdfgen.HeldOutFamilies(), 100001
	default:
		return fmt.Errorf("-split %q: want tune or heldout", *split)
	}
	if *from != 0 {
		first = *from
	}
	for i := range *n {
		opt.Seeds = append(opt.Seeds, first+int64(i))
	}
	pages, err := pdfgen.Generate(context.Background(), opt)
	if err != nil {
		return err
	}
	b, err := json.MarshalIndent(pages, "", " ")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(*out, "truth.json"), b, 0o644)
}

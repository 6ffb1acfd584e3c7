package eval

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"baoku/cmd/baoku/internal/corpus"
	"baoku/cmd/baoku/internal/textgen"
	"baoku/indexer/article"
	"baoku/indexer/pages"
)

// pagesOptions say what eval pages generates and prints.
type pagesOptions struct {
	dir      string // corpus folder
	pages    int    // pages per split
	seed     int64
	splits   []textgen.Split
	family   string // only this layout family
	families bool   // a line per family as well
	misses   int    // misses to print per split
	dump     string // folder to write the pages and their truth to
}

// pagesScore is the score of one split, with a score per family.
type pagesScore struct {
	split    textgen.Split
	total    textgen.Result
	families []string
	byFamily map[string]*textgen.Result
	misses   []string
}

// runEvalPages parses its flags and runs eval pages: it lays out pages of
// each split from the corpus records (textgen), parses them and prints
// how many headlines, reporters, sources and article counts came out
// right and how much of each body was found, per split and with
// -families per layout family. -misses lists articles read wrong; -dump
// writes each page and its truth. With -printed it scores printed pages
// instead (see runEvalPrinted): the arguments are folders of generated
// PDFs with their truth (make pdfset), read with mutool and pdftotext;
// -dump then writes the text each extractor gives.
func runEvalPages(args []string) error {
	fs := flag.NewFlagSet("eval pages", flag.ContinueOnError)
	o := pagesOptions{}
	fs.StringVar(&o.dir, "corpus", corpus.Dir, "corpus folder (holds rmrb-2022.jsonl.gz and xmwb-2022-04.jsonl.gz)")
	fs.IntVar(&o.pages, "pages", 200, "pages generated per split")
	fs.Int64Var(&o.seed, "seed", 1, "seed of the layout draws")
	split := fs.String("split", "both", "tuning, held-out or both")
	fs.StringVar(&o.family, "family", "", "only this layout family")
	fs.BoolVar(&o.families, "families", false, "print a line per layout family")
	fs.IntVar(&o.misses, "misses", 0, "print up to N articles read wrong, per split")
	fs.StringVar(&o.dump, "dump", "", "write each page's text and its truth into this folder (with -printed: as each extractor gives it)")
	printed := fs.Bool("printed", false, "score printed pages: read the PDFs of the sets named as arguments (default var/pdfset/tune var/pdfset/heldout) with each -tools extractor")
	tools := fs.String("tools", "mutool,pdftotext", "with -printed: the text extractors, comma-separated (mutool, pdftotext)")
	timeout := fs.Duration("timeout", 30*time.Second, "with -printed: time limit of one extractor run on one page")
	fold := fs.Bool("fold", true, "with -printed: fold the Kangxi radicals and other font characters as the indexer folds PDF text")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *printed {
		return printedFromFlags(fs, *tools, *timeout, *fold, o)
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("eval pages takes no arguments, got %q", fs.Args())
	}
	switch *split {
	case "both":
		o.splits = []textgen.Split{textgen.Tuning, textgen.HeldOut}
	default:
		s, err := textgen.ParseSplit(*split)
		if err != nil {
			return fmt.Errorf("-split: %w", err)
		}
		o.splits = []textgen.Split{s}
	}
	if o.pages <= 0 {
		return fmt.Errorf("-pages %d: want at least one page", o.pages)
	}
	if err := corpus.Check(o.dir); err != nil {
		return err
	}
	recs, err := pagesRecords(o.dir)
	if err != nil {
		return err
	}
	var scores []pagesScore
	for _, s := range o.splits {
		sc, err := evalPages(recs, s, o)
		if err != nil {
			return err
		}
		scores = append(scores, sc)
	}
	printPages(os.Stdout, scores, o)
	return nil
}

// pagesRecords reads the corpus records pages are made from.
func pagesRecords(dir string) ([]textgen.Record, error) {
	var recs []textgen.Record
	for _, name := range []string{"rmrb-2022.jsonl.gz", "xmwb-2022-04.jsonl.gz"} {
		rs, err := textgen.ReadRecords(corpusFile(dir, name))
		if err != nil {
			return nil, fmt.Errorf("eval pages: %w", err)
		}
		recs = append(recs, rs...)
	}
	return recs, nil
}

// evalPages generates the pages of one split, parses them and scores
// the parse.
func evalPages(recs []textgen.Record, split textgen.Split, o pagesOptions) (pagesScore, error) {
	gen, err := textgen.Generate(recs, textgen.Options{Split: split, Pages: o.pages, Seed: o.seed, Family: o.family})
	if err != nil {
		return pagesScore{}, err
	}
	sc := pagesScore{split: split, byFamily: map[string]*textgen.Result{}}
	for i, pg := range gen {
		name := fmt.Sprintf("%03d-%s", i, pg.Name)
		if o.dump != "" {
			if err := dumpPage(o.dump, split, name, pg); err != nil {
				return sc, err
			}
		}
		var res textgen.Result
		var misses []textgen.Miss
		parsed, _, err := pages.ParsePages(name, pg.Text, pages.MetaFromFileName(pg.Name))
		if err != nil {
			res, misses = textgen.Score(pg.Stories, nil)
		} else {
			var got []article.Article
			for _, p := range parsed {
				got = append(got, p.Articles...)
			}
			res, misses = textgen.Score(pg.Stories, got)
		}
		sc.total.Add(res)
		f := pg.Layout.Family
		if sc.byFamily[f] == nil {
			sc.byFamily[f] = &textgen.Result{}
			sc.families = append(sc.families, f)
		}
		sc.byFamily[f].Add(res)
		for _, m := range misses {
			if len(sc.misses) < o.misses {
				sc.misses = append(sc.misses, describeMiss(name, m))
			}
		}
	}
	return sc, nil
}

// describeMiss says in one line what went wrong with an article.
func describeMiss(page string, m textgen.Miss) string {
	want := strings.Join(nonEmpty(m.Want.Kicker, m.Want.Headline, m.Want.Subtitle), " | ")
	if m.Got == nil {
		return fmt.Sprintf("%s [%s, %s]: %q not found", page, m.Want.Placement, m.Want.Form, want)
	}
	got := strings.Join(nonEmpty(m.Got.Kicker, m.Got.Headline, m.Got.Subtitle), " | ")
	if m.Got.Column != "" {
		got += " （" + m.Got.Column + "）"
	}
	return fmt.Sprintf("%s [%s, %s]: headline %q got %q (right %v); reporters %q got %q; recall %.0f%%",
		page, m.Want.Placement, m.Want.Form, want, got, m.Headline, m.Want.Reporters, m.Got.Reporters, 100*m.Recall)
}

// nonEmpty returns the strings that are not empty.
func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// dumpPage writes a page's text and its truth into dir/<split>/.
func dumpPage(dir string, split textgen.Split, name string, pg textgen.Page) error {
	sub := filepath.Join(dir, split.String())
	if err := os.MkdirAll(sub, 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(sub, name), []byte(pg.Text), 0o644); err != nil {
		return err
	}
	b, err := json.MarshalIndent(struct {
		Layout  textgen.Layout
		Stories []textgen.Story
		Lines   []textgen.Line
	}{pg.Layout, pg.Stories, pg.Lines}, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(sub, strings.TrimSuffix(name, ".txt")+".truth.json"), b, 0o644)
}

// printPages prints the scores as a table.
func printPages(w io.Writer, scores []pagesScore, o pagesOptions) {
	fmt.Fprintf(w, "eval pages: %d generated pages per split, seed %d\n\n", o.pages, o.seed)
	fmt.Fprintln(w, "| split | pages | articles | headline | reporters | both | body recall | count right | roles | source |")
	fmt.Fprintln(w, "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
	row := func(name string, r textgen.Result) {
		fmt.Fprintf(w, "| %s | %s | %.1f%% |\n", name, strings.Join(resultCells(r), " | "), r.Share(r.Source))
	}
	for _, sc := range scores {
		row(sc.split.String(), sc.total)
		if o.families {
			for _, f := range sc.families {
				row(sc.split.String()+" / "+f, *sc.byFamily[f])
			}
		}
	}
	for _, sc := range scores {
		if len(sc.misses) > 0 {
			fmt.Fprintf(w, "\n%s, read wrong:\n", sc.split)
			for _, m := range sc.misses {
				fmt.Fprintln(w, "  "+m)
			}
		}
	}
}

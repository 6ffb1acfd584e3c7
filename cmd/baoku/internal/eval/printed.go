package eval

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"baoku/cmd/baoku/internal/textgen"
	"baoku/indexer/article"
	"baoku/indexer/pages"
	"baoku/segment"
)

// printedOptions say what eval pages -printed reads and prints.
type printedOptions struct {
	sets     []string      // folders of generated PDFs with their truth.json
	tools    []string      // extractors, by name (see extractors)
	timeout  time.Duration // time limit of one extractor run
	fold     bool          // fold the characters PDF fonts carry, as the indexer does
	families bool          // a line per layout family as well
	misses   int           // misses to print per set and extractor
	dump     string        // folder to write each page's text and truth to
}

// printedSets are the sets eval pages -printed reads when none is named:
// make pdfset's tuning and held-out splits.
var printedSets = []string{"var/pdfset/tune", "var/pdfset/heldout"}

// printedFromFlags checks the flags of eval pages -printed and runs it:
// the flags that shape generated text pages have no say over printed
// ones and are refused.
func printedFromFlags(fs *flag.FlagSet, tools string, timeout time.Duration, fold bool, po pagesOptions) error {
	var bad []string
	fs.Visit(func(f *flag.Flag) {
		switch f.Name {
		case "corpus", "pages", "seed", "split", "family":
			bad = append(bad, "-"+f.Name)
		}
	})
	if len(bad) > 0 {
		return fmt.Errorf("eval pages -printed: %s shape generated text pages, not printed ones (make pdfset makes those)", strings.Join(bad, ", "))
	}
	if timeout <= 0 {
		return fmt.Errorf("eval pages -timeout %v: want a positive time limit", timeout)
	}
	o := printedOptions{sets: fs.Args(), timeout: timeout, fold: fold, families: po.families, misses: po.misses, dump: po.dump}
	if len(o.sets) == 0 {
		o.sets = printedSets
	}
	for _, t := range strings.Split(tools, ",") {
		if t = strings.TrimSpace(t); t != "" {
			o.tools = append(o.tools, t)
		}
	}
	if len(o.tools) == 0 {
		return errors.New("eval pages -tools: name at least one extractor (mutool, pdftotext)")
	}
	return runEvalPrinted(os.Stdout, o)
}

// extractor is a program that turns one page of a PDF into plain text.
type extractor struct {
	name    string
	program string
	install string // how to get the program on Debian
	args    func(pdf string, page int) []string
}

// extractors are the text extractors eval pages -printed reads with:
// MuPDF keeps columns in order, plain pdftotext (without -layout) can
// interleave the lines of neighbouring columns.
var extractors = []extractor{
	{name: "mutool", program: "mutool", install: "apt-get install mupdf-tools",
		args: func(pdf string, page int) []string {
			return []string{"draw", "-q", "-F", "txt", "-o", "-", pdf, strconv.Itoa(page)}
		}},
	{name: "pdftotext", program: "pdftotext", install: "apt-get install poppler-utils",
		args: func(pdf string, page int) []string {
			n := strconv.Itoa(page)
			return []string{"-q", "-enc", "UTF-8", "-f", n, "-l", n, pdf, "-"}
		}},
}

// findExtractor returns the extractor named name with its program's
// path, or an error naming the program missing and its package.
func findExtractor(name string) (extractor, string, error) {
	for _, x := range extractors {
		if x.name != name {
			continue
		}
		path, err := exec.LookPath(x.program)
		if err != nil {
			return x, "", fmt.Errorf("eval pages -printed: %s not found on PATH (%s)", x.program, x.install)
		}
		return x, path, nil
	}
	var names []string
	for _, x := range extractors {
		names = append(names, x.name)
	}
	return extractor{}, "", fmt.Errorf("eval pages -tools: unknown extractor %q (want %s)", name, strings.Join(names, ", "))
}

// extract runs the extractor on one page (1-based) of a PDF within the
// time limit and returns its text.
func extract(ctx context.Context, x extractor, path, pdf string, page int, limit time.Duration) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, limit)
	defer cancel()
	cmd := exec.CommandContext(ctx, path, x.args(pdf, page)...)
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	err := cmd.Run()
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return "", fmt.Errorf("%s: page %d: %s took longer than %v", pdf, page, x.program, limit)
	}
	if err != nil {
		return "", fmt.Errorf("%s: page %d: %s: %w: %s", pdf, page, x.program, err, strings.TrimSpace(stderr.String()))
	}
	return out.String(), nil
}

// pdfFolds are the characters the fonts of printed pages map where
// readers expect others, folded as the indexer folds PDF text.
var pdfFolds = strings.NewReplacer("∕", "/", "\u2e3a", "——", "\u2e3b", "———", "\u00a0", " ", "\ufeff", "", "\u200b", "")

// foldExtracted gives the ordinary characters for the Kangxi radicals
// (⽇ → 日), the division slash and the long dashes of extracted text.
func foldExtracted(s string) string {
	return pdfFolds.Replace(segment.FoldRadicals(strings.ReplaceAll(s, "\u2f3e", "户")))
}

// printedPage is a generated page's truth as truth.json holds it, with
// the masthead's paper and section, the page's meta.
type printedPage struct {
	truthPage
	Paper, Section string
}

// printedScore is the score of one set read with one extractor.
type printedScore struct {
	set, tool string
	heldOut   string // yes, no or mixed, from the truth
	total     textgen.Result
	families  []string
	byFamily  map[string]*textgen.Result
	misses    []string
}

// runEvalPrinted scores the page parser on the printed pages of each set,
// read with each extractor, and prints a table.
func runEvalPrinted(w io.Writer, o printedOptions) error {
	type tool struct {
		x    extractor
		path string
	}
	var tools []tool
	for _, name := range o.tools {
		x, path, err := findExtractor(name)
		if err != nil {
			return err
		}
		tools = append(tools, tool{x, path})
	}
	var scores []*printedScore
	for _, dir := range o.sets {
		truth, err := readPrintedSet(dir)
		if err != nil {
			return err
		}
		for _, t := range tools {
			sc, err := evalPrintedSet(context.Background(), dir, truth, t.x, t.path, o)
			if err != nil {
				return err
			}
			scores = append(scores, sc)
		}
	}
	printPrinted(w, scores, o)
	return nil
}

// readPrintedSet reads the truth of a set of generated pages.
func readPrintedSet(dir string) ([]printedPage, error) {
	path := filepath.Join(dir, "truth.json")
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("eval pages -printed: %w (make the set with `make pdfset`)", err)
	}
	var truth []printedPage
	if err := json.Unmarshal(b, &truth); err != nil {
		return nil, fmt.Errorf("eval pages -printed: %s: %w", path, err)
	}
	if len(truth) == 0 {
		return nil, fmt.Errorf("eval pages -printed: %s: no pages", path)
	}
	return truth, nil
}

// evalPrintedSet extracts the text of each page of a set, parses it and
// scores the articles against the page's truth.
func evalPrintedSet(ctx context.Context, dir string, truth []printedPage, x extractor, path string, o printedOptions) (*printedScore, error) {
	sc := &printedScore{set: dir, tool: x.name, byFamily: map[string]*textgen.Result{}}
	held := map[bool]bool{}
	for _, tp := range truth {
		held[tp.HeldOut] = true
		pdf := filepath.Join(dir, filepath.Base(tp.PDF))
		text, err := extract(ctx, x, path, pdf, tp.Index+1, o.timeout)
		if err != nil {
			return nil, fmt.Errorf("eval pages -printed: %w", err)
		}
		if o.fold {
			text = foldExtracted(text)
		}
		name := fmt.Sprintf("%s#%d", filepath.Base(tp.PDF), tp.Index+1)
		if o.dump != "" {
			if err := dumpPrinted(o.dump, dir, x.name, text, tp); err != nil {
				return nil, fmt.Errorf("eval pages -printed -dump: %w", err)
			}
		}
		res, misses := scorePrinted(name, text, tp)
		sc.total.Add(res)
		if sc.byFamily[tp.Family] == nil {
			sc.byFamily[tp.Family] = &textgen.Result{}
			sc.families = append(sc.families, tp.Family)
		}
		sc.byFamily[tp.Family].Add(res)
		for _, m := range misses {
			if len(sc.misses) < o.misses {
				sc.misses = append(sc.misses, describeMiss(name, m))
			}
		}
	}
	switch {
	case held[true] && held[false]:
		sc.heldOut = "mixed"
	case held[true]:
		sc.heldOut = "yes"
	default:
		sc.heldOut = "no"
	}
	return sc, nil
}

// dumpPrinted writes the text of a printed page as the parser reads it,
// and its truth, into dir/<set>/<extractor>/, named after the PDF and
// the page: page-3-1.txt and page-3-1.truth.json.
func dumpPrinted(dir, set, tool, text string, tp printedPage) error {
	sub := filepath.Join(dir, filepath.Base(set), tool)
	if err := os.MkdirAll(sub, 0o755); err != nil {
		return err
	}
	base := fmt.Sprintf("%s-%d", strings.TrimSuffix(filepath.Base(tp.PDF), filepath.Ext(tp.PDF)), tp.Index+1)
	if err := os.WriteFile(filepath.Join(sub, base+".txt"), []byte(text), 0o644); err != nil {
		return err
	}
	b, err := json.MarshalIndent(tp, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(sub, base+".truth.json"), b, 0o644)
}

// scorePrinted parses a printed page's text, with the meta its masthead
// gives (as a sidecar would), and scores the articles against its truth.
func scorePrinted(name, text string, tp printedPage) (textgen.Result, []textgen.Miss) {
	meta := pages.PageMeta{Paper: tp.Paper, Date: tp.Date, Page: tp.PageNo, Section: tp.Section}
	parsed, _, err := pages.ParsePages(name, text, meta)
	var got []article.Article
	if err == nil {
		for _, p := range parsed {
			got = append(got, p.Articles...)
		}
	}
	return textgen.Score(printedStories(tp), got)
}

// printedStories puts a printed page's truth in the form textgen.Score
// takes. The body is the article text printed, captions left out: a
// parser may keep a caption with its article or not.
func printedStories(tp printedPage) []textgen.Story {
	out := make([]textgen.Story, 0, len(tp.Articles))
	for _, a := range tp.Articles {
		out = append(out, textgen.Story{Kicker: a.Kicker, Headline: a.Headline, Subtitle: a.Subtitle,
			Reporters: a.Reporters, Photographers: a.Photographers, Body: a.Body, Brief: a.Brief})
	}
	return out
}

// printPrinted prints the scores as a table, a row per set and
// extractor.
func printPrinted(w io.Writer, scores []*printedScore, o printedOptions) {
	fold := "folded as the indexer folds PDF text"
	if !o.fold {
		fold = "as extracted"
	}
	fmt.Fprintf(w, "eval pages -printed: generated PDFs read with %s, text %s\n\n", strings.Join(o.tools, " and "), fold)
	fmt.Fprintln(w, "| set | held out | extractor | pages | articles | headline | reporters | both | body recall | count right | roles |")
	fmt.Fprintln(w, "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
	row := func(set, held, tool string, r textgen.Result) {
		fmt.Fprintf(w, "| %s | %s | %s | %s |\n", set, held, tool, strings.Join(resultCells(r), " | "))
	}
	for _, sc := range scores {
		set := filepath.Base(sc.set)
		row(set, sc.heldOut, sc.tool, sc.total)
		if o.families {
			for _, f := range sc.families {
				row(set+" / "+f, sc.heldOut, sc.tool, *sc.byFamily[f])
			}
		}
	}
	for _, sc := range scores {
		if len(sc.misses) > 0 {
			fmt.Fprintf(w, "\n%s with %s, read wrong:\n", filepath.Base(sc.set), sc.tool)
			for _, m := range sc.misses {
				fmt.Fprintln(w, "  "+m)
			}
		}
	}
}

// resultCells are the cells eval pages prints for a result: pages,
// articles, headline, reporters, both, body recall, count right and
// roles.
func resultCells(r textgen.Result) []string {
	roles := "–"
	if r.Split > 0 {
		roles = fmt.Sprintf("%.1f%%", pct(r.Roles, r.Split))
	}
	return []string{strconv.Itoa(r.Pages), strconv.Itoa(r.Articles),
		fmt.Sprintf("%.1f%%", r.Share(r.Headline)), fmt.Sprintf("%.1f%%", r.Share(r.Reporters)),
		fmt.Sprintf("%.1f%%", r.Share(r.Both)), fmt.Sprintf("%.1f%%", r.BodyRecall()),
		fmt.Sprintf("%.1f%%", r.CountShare()), roles}
}

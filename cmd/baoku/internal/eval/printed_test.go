package eval

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"baoku/cmd/baoku/internal/textgen"
	"baoku/indexer/article"
)

// printedSet prints three pages of corpus records (tuning families,
// seeds 1–3) with the generator's command into a temporary folder and
// returns the folder; it skips when the corpus, Chromium, mutool or
// pdftotext is missing. (The generator's invented articles repeat their
// sentences, so they cannot tell one article's text from another's.)
func printedSet(t *testing.T) string {
	t.Helper()
	corpusDir, err := filepath.Abs(evalCorpus(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"mutool", "pdftotext"} {
		if _, err := exec.LookPath(p); err != nil {
			t.Skipf("%s not on PATH (apt-get install mupdf-tools poppler-utils): printed pages not measured", p)
		}
	}
	if os.Getenv("BAOKU_CHROMIUM") == "" {
		found := false
		for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "headless-shell"} {
			if _, err := exec.LookPath(name); err == nil {
				found = true
			}
		}
		if !found {
			t.Skip("no Chromium on PATH (apt-get install chromium fonts-noto-cjk): printed pages not made")
		}
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command on PATH: the page generator cannot be run")
	}
	dir := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, goBin, "run", "baoku/indexer/internal/pdfgen/cmd/pdfgen",
		"-corpus", corpusDir, "-split", "tune", "-n", "3", "-out", dir)
	cmd.Dir = filepath.Join("..", "..", "..", "..")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("pdfgen: %v\n%s", err, out)
	}
	return dir
}

// truthArticles returns the page's truth as parsed articles: a parser
// that read the page perfectly.
func truthArticles(tp printedPage) []article.Article {
	var out []article.Article
	for _, a := range tp.Articles {
		out = append(out, article.Article{Kicker: a.Kicker, Headline: a.Headline, Subtitle: a.Subtitle,
			Reporters: a.Reporters, Photographers: a.Photographers, Body: a.Body})
	}
	return out
}

// TestEvalPrinted reads generated printed pages with both extractors and
// checks that the scores are earned: the truth read back scores 100%, a
// page without one of its articles scores less, and text with an
// article's lines taken out loses that article's body.
func TestEvalPrinted(t *testing.T) {
	dir := printedSet(t)
	truth, err := readPrintedSet(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(truth) != 3 {
		t.Fatalf("%d pages in the truth, want 3", len(truth))
	}
	articles := 0
	for _, tp := range truth {
		articles += len(tp.Articles)
	}
	o := printedOptions{timeout: time.Minute, fold: true}
	for _, name := range []string{"mutool", "pdftotext"} {
		x, path, err := findExtractor(name)
		if err != nil {
			t.Fatal(err)
		}
		sc, err := evalPrintedSet(context.Background(), dir, truth, x, path, o)
		if err != nil {
			t.Fatal(err)
		}
		r := sc.total
		t.Logf("%s: %d pages, %d articles: headline %.1f%%, reporters %.1f%%, body recall %.1f%%, count right %.1f%%",
			name, r.Pages, r.Articles, r.Share(r.Headline), r.Share(r.Reporters), r.BodyRecall(), r.CountShare())
		if r.Pages != 3 || r.Articles != articles || sc.heldOut != "no" {
			t.Errorf("%s: %d pages, %d articles, held out %q; want 3, %d, no", name, r.Pages, r.Articles, sc.heldOut, articles)
		}
		// Whatever the parser makes of it, the text of the pages is
		// there: most of the bodies are found in some article.
		if r.BodyRecall() < 40 {
			t.Errorf("%s: body recall %.1f%%: the text was not read", name, r.BodyRecall())
		}
	}

	tp := truth[0]
	if len(tp.Articles) < 2 {
		t.Fatalf("page 1 has %d articles, want at least 2", len(tp.Articles))
	}
	perfect, _ := textgen.Score(printedStories(tp), truthArticles(tp))
	n, split := len(tp.Articles), 0
	for _, a := range tp.Articles {
		if a.Kicker != "" || a.Subtitle != "" {
			split++
		}
	}
	if want := (textgen.Result{Pages: 1, CountRight: 1, Articles: n, Found: n, Headline: n, Reporters: n, Both: n,
		Recall: float64(n), Split: split, Roles: split, Source: n, Photographers: n}); perfect != want {
		t.Errorf("the truth read back scores %+v, want %+v", perfect, want)
	}
	got := truthArticles(tp)
	dropped, misses := textgen.Score(printedStories(tp), append(got[:1:1], got[2:]...))
	if dropped.CountRight != 0 || dropped.Both != n-1 || dropped.Recall != float64(n-1) || len(misses) != 1 {
		t.Errorf("without its second article the page scores %+v with %d misses; want count wrong, %d both right, recall %d",
			dropped, len(misses), n-1, n-1)
	}

	// The extracted text with the lines of one article's body taken out.
	x, path, err := findExtractor("mutool")
	if err != nil {
		t.Fatal(err)
	}
	pdf := filepath.Join(dir, filepath.Base(tp.PDF))
	text, err := extract(context.Background(), x, path, pdf, tp.Index+1, time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	text = foldExtracted(text)
	full, _ := scorePrinted("full", text, tp)
	cut := longestBody(tp)
	body := normalised(tp.Articles[cut].Body)
	var kept []string
	removed := 0
	for _, line := range strings.Split(text, "\n") {
		if l := normalised(line); len([]rune(l)) >= 4 && strings.Contains(body, l) {
			removed++
			continue
		}
		kept = append(kept, line)
	}
	less, _ := scorePrinted("cut", strings.Join(kept, "\n"), tp)
	t.Logf("body recall %.1f%% with the full text, %.1f%% with %d lines of %q taken out",
		full.BodyRecall(), less.BodyRecall(), removed, tp.Articles[cut].Headline)
	if removed == 0 || less.Recall > full.Recall-0.5 {
		t.Errorf("taking out %d lines of an article's body moved recall from %.2f to %.2f; want it to lose most of that article",
			removed, full.Recall, less.Recall)
	}

	if _, err := extract(context.Background(), x, path, pdf, tp.Index+1, time.Nanosecond); err == nil || !strings.Contains(err.Error(), "took longer than") {
		t.Errorf("extract with a 1ns limit: error %v, want one saying it took too long", err)
	}
}

// longestBody returns the index of the page's article with the longest
// body.
func longestBody(tp printedPage) int {
	best := 0
	for i, a := range tp.Articles {
		if len(a.Body) > len(tp.Articles[best].Body) {
			best = i
		}
	}
	return best
}

// normalised keeps the text's characters, white space and dashes
// folded away.
func normalised(s string) string { return strings.Trim(compactText(s), "—") }

// TestEvalPrintedErrors checks the errors of eval pages -printed: a
// missing extractor is named with its package, bad flags are refused.
func TestEvalPrintedErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-printed", "-pages", "5"}, "-pages"},
		{[]string{"-printed", "-tools", "acrobat"}, `unknown extractor "acrobat"`},
		{[]string{"-printed", "-tools", ","}, "at least one extractor"},
		{[]string{"-printed", "-timeout", "0s"}, "-timeout"},
	} {
		err := runEvalPages(tc.args)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("eval pages %q: error %v, want one saying %q", tc.args, err, tc.want)
		}
	}
	if _, err := readPrintedSet(filepath.Join(t.TempDir(), "none")); err == nil || !strings.Contains(err.Error(), "make pdfset") {
		t.Errorf("a set without truth.json: error %v, want one saying to make the set", err)
	}
	t.Setenv("PATH", t.TempDir())
	for _, tc := range []struct{ tool, want string }{
		{"mutool", "mutool not found on PATH (apt-get install mupdf-tools)"},
		{"pdftotext", "pdftotext not found on PATH (apt-get install poppler-utils)"},
	} {
		err := runEvalPages([]string{"-printed", "-tools", tc.tool, t.TempDir()})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("eval pages -printed -tools %s without it: error %v, want %q", tc.tool, err, tc.want)
		}
	}
}

// TestDumpPrinted checks that -dump writes a printed page's text as the
// parser reads it and its truth, by set, extractor, PDF and page.
func TestDumpPrinted(t *testing.T) {
	dir := t.TempDir()
	tp := printedPage{truthPage: truthPage{PDF: "var/pdfset/tune/page-3.pdf", Index: 1}, Paper: "城东日报"}
	if err := dumpPrinted(dir, "var/pdfset/tune", "pdftotext", "城东新图书馆开放\n", tp); err != nil {
		t.Fatal(err)
	}
	text, err := os.ReadFile(filepath.Join(dir, "tune", "pdftotext", "page-3-2.txt"))
	if err != nil || string(text) != "城东新图书馆开放\n" {
		t.Errorf("text %q, %v; want the page's text", text, err)
	}
	b, err := os.ReadFile(filepath.Join(dir, "tune", "pdftotext", "page-3-2.truth.json"))
	if err != nil {
		t.Fatal(err)
	}
	var back printedPage
	if err := json.Unmarshal(b, &back); err != nil || back.Paper != "城东日报" || back.Index != 1 {
		t.Errorf("truth read back %+v, %v; want the page's truth", back, err)
	}
}

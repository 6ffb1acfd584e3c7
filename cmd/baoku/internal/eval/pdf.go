package eval

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"syscall"
	"time"
	"unicode"

	"baoku/indexer"
	"baoku/indexer/article"
)

// truthPage is a generated page and what is on it, as the generator
// (indexer/internal/pdfgen) writes it in truth.json.
type truthPage struct {
	PDF      string
	Index    int
	Seed     int64
	Family   string
	HeldOut  bool
	PageNo   string
	Date     string
	Articles []truthArticle
}

type truthArticle struct {
	Kicker, Headline, Subtitle string
	Reporters                  []string
	Body                       string
	Captions                   []string
	Photographers              []string
	Brief                      bool
}

// pdfScore adds up the layout reader's answers over a set of pages.
type pdfScore struct {
	name                       string
	files, pages, countRight   int
	articles, found            int // truth articles; those matched to a parsed one
	headRight, byRight, bothOK int
	kickerN, kickerOK          int
	subN, subOK                int
	bodyChars, bodyFound       int // character pairs of the truth bodies; found in the parsed bodies
	captions, captionsMerged   int
	photoN, photoOK            int
	seconds                    float64 // wall time reading
	cpu                        float64 // CPU time reading, of this process and its poppler runs
	peakHeap                   uint64
	examples                   []string
}

// runEvalPDF measures the PDF layout reader on generated page sets:
// folders holding PDFs and their truth.json.
func runEvalPDF(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("eval pdf", flag.ContinueOnError)
	verbose := fs.Bool("v", false, "print the articles that went wrong")
	if err := fs.Parse(args); err != nil {
		return err
	}
	sets := fs.Args()
	if len(sets) == 0 {
		sets = []string{"var/pdfset/tune", "var/pdfset/heldout"}
	}
	var scores []*pdfScore
	for _, dir := range sets {
		s, err := evalPDFSet(dir)
		if err != nil {
			return err
		}
		scores = append(scores, s)
	}
	printPDFScores(out, scores, *verbose)
	return nil
}

// evalPDFSet reads every PDF of a set and scores it against its truth.
func evalPDFSet(dir string) (*pdfScore, error) {
	b, err := os.ReadFile(filepath.Join(dir, "truth.json"))
	if err != nil {
		return nil, fmt.Errorf("eval pdf: %w (make the set with `make pdfset`)", err)
	}
	var truth []truthPage
	if err := json.Unmarshal(b, &truth); err != nil {
		return nil, fmt.Errorf("eval pdf: %s: %w", filepath.Join(dir, "truth.json"), err)
	}
	byFile := map[string][]truthPage{}
	var files []string
	for _, p := range truth {
		f := filepath.Join(dir, filepath.Base(p.PDF))
		if _, ok := byFile[f]; !ok {
			files = append(files, f)
		}
		byFile[f] = append(byFile[f], p)
	}
	s := &pdfScore{name: dir}
	var ms runtime.MemStats
	for _, f := range files {
		start, cpu0 := time.Now(), cpuSeconds()
		pgs, _, err := indexer.ReadPDFPages(f, indexer.PDFOptions{})
		s.seconds += time.Since(start).Seconds()
		s.cpu += cpuSeconds() - cpu0
		runtime.ReadMemStats(&ms)
		s.peakHeap = max(s.peakHeap, ms.HeapInuse)
		s.files++
		if err != nil {
			s.examples = append(s.examples, err.Error())
		}
		for _, tp := range byFile[f] {
			var got []*article.Article
			if tp.Index < len(pgs) {
				got = pgs[tp.Index].Articles
			}
			s.page(tp, got)
		}
	}
	return s, nil
}

// page scores one page: each truth article is matched to the parsed
// article sharing most of its text.
func (s *pdfScore) page(tp truthPage, got []*article.Article) {
	s.pages++
	if len(got) == len(tp.Articles) {
		s.countRight++
	} else {
		s.example("%s page %d (%s): %d articles, want %d", filepath.Base(tp.PDF), tp.Index+1, tp.Family, len(got), len(tp.Articles))
	}
	match := matchArticles(tp.Articles, got)
	var bodies strings.Builder
	for _, g := range got {
		bodies.WriteString(compactText(g.Body))
		bodies.WriteByte('\n')
	}
	for i, t := range tp.Articles {
		s.articles++
		tb := pairsOf(compactText(t.Body))
		s.bodyChars += total(tb)
		for _, c := range t.Captions {
			s.captions++
			if first := compactText(strings.SplitAfter(c, "。")[0]); len([]rune(first)) >= 6 && strings.Contains(bodies.String(), first) {
				s.captionsMerged++
				s.example("caption merged into a body: %s", c)
			}
		}
		g := match[i]
		if g == nil {
			s.example("%s page %d: not found: %s", filepath.Base(tp.PDF), tp.Index+1, t.Headline)
			continue
		}
		s.found++
		s.bodyFound += common(tb, pairsOf(compactText(g.Body)))
		hOK := sameText(t.Headline, g.Headline)
		bOK := sameNames(t.Reporters, g.Reporters)
		if hOK {
			s.headRight++
		} else {
			s.example("headline %q, want %q", g.Headline, t.Headline)
		}
		if bOK {
			s.byRight++
		} else {
			s.example("reporters %v, want %v (%s): %s … %s", g.Reporters, t.Reporters, t.Headline, ends(g.Body, 20, true), ends(g.Body, 30, false))
		}
		if hOK && bOK {
			s.bothOK++
		}
		if t.Kicker != "" {
			s.kickerN++
			if sameText(t.Kicker, g.Kicker) {
				s.kickerOK++
			} else {
				s.example("kicker %q, want %q", g.Kicker, t.Kicker)
			}
		}
		if t.Subtitle != "" {
			s.subN++
			if sameText(t.Subtitle, g.Subtitle) {
				s.subOK++
			} else {
				s.example("subtitle %q, want %q", g.Subtitle, t.Subtitle)
			}
		}
		if len(t.Photographers) > 0 {
			s.photoN++
			if sameNames(t.Photographers, g.Photographers) {
				s.photoOK++
			}
		}
	}
}

func (s *pdfScore) example(format string, args ...any) {
	s.examples = append(s.examples, fmt.Sprintf(format, args...))
}

// matchArticles pairs truth and parsed articles, best shared text first;
// each is used once.
func matchArticles(truth []truthArticle, got []*article.Article) []*article.Article {
	type cand struct {
		t, g  int
		score float64
	}
	var cs []cand
	gp := make([]map[[2]rune]int, len(got))
	for j, g := range got {
		gp[j] = pairsOf(compactText(g.Headline + g.Body))
	}
	for i, t := range truth {
		tp := pairsOf(compactText(t.Headline + t.Body))
		for j := range got {
			if c := common(tp, gp[j]); c > 0 {
				cs = append(cs, cand{i, j, float64(c) / float64(max(1, total(tp)))})
			}
		}
	}
	sort.SliceStable(cs, func(a, b int) bool { return cs[a].score > cs[b].score })
	out := make([]*article.Article, len(truth))
	used := make([]bool, len(got))
	for _, c := range cs {
		if out[c.t] == nil && !used[c.g] && c.score >= 0.2 {
			out[c.t], used[c.g] = got[c.g], true
		}
	}
	return out
}

// compactText drops white space and folds the dashes, so that text is
// compared by its characters.
func compactText(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case unicode.IsSpace(r):
			return -1
		case r == '－' || r == '─' || r == '⸺':
			return '—'
		}
		return r
	}, s)
}

func sameText(a, b string) bool {
	return strings.Trim(compactText(a), "—") == strings.Trim(compactText(b), "—")
}

func sameNames(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// pairsOf counts the pairs of neighbouring characters of s.
func pairsOf(s string) map[[2]rune]int {
	rs := []rune(s)
	m := map[[2]rune]int{}
	for i := 0; i+1 < len(rs); i++ {
		m[[2]rune{rs[i], rs[i+1]}]++
	}
	return m
}

func total(m map[[2]rune]int) int {
	n := 0
	for _, c := range m {
		n += c
	}
	return n
}

// common counts the pairs of want also in got (each as often as in both).
func common(want, got map[[2]rune]int) int {
	n := 0
	for k, c := range want {
		n += min(c, got[k])
	}
	return n
}

func printPDFScores(w io.Writer, scores []*pdfScore, verbose bool) {
	fmt.Fprintf(w, "%-34s", "figure")
	for _, s := range scores {
		fmt.Fprintf(w, "%22s", filepath.Base(s.name))
	}
	fmt.Fprintf(w, "%14s\n", "target")
	row := func(name, target string, f func(s *pdfScore) string) {
		fmt.Fprintf(w, "%-34s", name)
		for _, s := range scores {
			fmt.Fprintf(w, "%22s", f(s))
		}
		fmt.Fprintf(w, "%14s\n", target)
	}
	pctOf := func(n, d int) string { return fmt.Sprintf("%.1f%% (%d/%d)", pct(n, d), n, d) }
	row("pages (files)", "", func(s *pdfScore) string { return fmt.Sprintf("%d (%d)", s.pages, s.files) })
	row("article count right per page", "≥ 90%", func(s *pdfScore) string { return pctOf(s.countRight, s.pages) })
	row("articles found", "", func(s *pdfScore) string { return pctOf(s.found, s.articles) })
	row("headline and reporters right", "≥ 95%", func(s *pdfScore) string { return pctOf(s.bothOK, s.articles) })
	row("  headline right", "", func(s *pdfScore) string { return pctOf(s.headRight, s.articles) })
	row("  reporters right", "", func(s *pdfScore) string { return pctOf(s.byRight, s.articles) })
	row("kicker right", "", func(s *pdfScore) string { return pctOf(s.kickerOK, s.kickerN) })
	row("subtitle right", "", func(s *pdfScore) string { return pctOf(s.subOK, s.subN) })
	row("photographers right", "", func(s *pdfScore) string { return pctOf(s.photoOK, s.photoN) })
	row("body recall (character pairs)", "≥ 98%", func(s *pdfScore) string { return fmt.Sprintf("%.2f%%", pct(s.bodyFound, s.bodyChars)) })
	row("captions merged into bodies", "0", func(s *pdfScore) string { return fmt.Sprintf("%d of %d", s.captionsMerged, s.captions) })
	row("pages per CPU second (no rendering)", "≥ 5", func(s *pdfScore) string { return fmt.Sprintf("%.1f", float64(s.pages)/s.cpu) })
	row("pages/s, wall clock, one at a time", "", func(s *pdfScore) string { return fmt.Sprintf("%.1f", float64(s.pages)/s.seconds) })
	row("peak Go heap MB", "", func(s *pdfScore) string { return fmt.Sprintf("%.0f", float64(s.peakHeap)/1e6) })
	if verbose {
		for _, s := range scores {
			fmt.Fprintf(w, "\n%s:\n", s.name)
			for _, e := range s.examples {
				fmt.Fprintln(w, "  "+e)
			}
		}
	}
}

// ends returns the first (or last) n characters of s, for examples.
func ends(s string, n int, first bool) string {
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	if first {
		return string(rs[:n])
	}
	return string(rs[len(rs)-n:])
}

// cpuSeconds is the CPU time used so far by this process and by its
// children that have ended (the poppler runs).
func cpuSeconds() float64 {
	var self, kids syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &self) != nil || syscall.Getrusage(syscall.RUSAGE_CHILDREN, &kids) != nil {
		return 0
	}
	tv := func(t syscall.Timeval) float64 { return float64(t.Sec) + float64(t.Usec)/1e6 }
	return tv(self.Utime) + tv(self.Stime) + tv(kids.Utime) + tv(kids.Stime)
}

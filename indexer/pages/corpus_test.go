package pages

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"baoku/indexer/article"
)

// corpusPDF is the one-day 人民日报 web-edition PDF of the shared corpus,
// relative to this package's directory.
var corpusPDF = filepath.Join("..", "..", "..", "shared", "corpus", "rmrb-2025-10-20", "rmrb-2025-10-20.pdf")

// TestEditionCorpus runs the parser on the text pdftotext gives for a real
// web-edition PDF, in both of its modes, and checks aggregate properties:
// the PDF has 99 entries, of which 11 only name a page's editors and 3
// say 广告, so 85 are articles.
func TestEditionCorpus(t *testing.T) {
	if _, err := os.Stat(corpusPDF); err != nil {
		t.Skipf("corpus not available (%v): the web-edition test needs ../shared/corpus beside the repository", err)
	}
	tool, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext not installed (Debian package poppler-utils): cannot extract the corpus PDF")
	}
	for _, mode := range []string{"plain", "layout"} {
		t.Run(mode, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "rmrb-2025-10-20.txt")
			args := []string{corpusPDF, out}
			if mode == "layout" {
				args = append([]string{"-layout"}, args...)
			}
			if b, err := exec.Command(tool, args...).CombinedOutput(); err != nil {
				t.Fatalf("pdftotext: %v: %s", err, b)
			}
			raw, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			checkEditionCorpus(t, string(raw))
		})
	}
}

var (
	reEditionInBody = regexp.MustCompile(`《\p{Han}+》[（(]\s*\d{4}年\d{1,2}月\d{1,2}日\s*第\s*\d+\s*版[）)]`)
	reFooterInBody  = regexp.MustCompile(`(?m)^第\s*\d+\s*页$`)
)

// checkEditionCorpus checks the articles parsed from the corpus text.
func checkEditionCorpus(t *testing.T, text string) {
	entries := 0
	for _, l := range strings.Split(text, "\n") {
		if _, ok := parseEditionLine(strings.Trim(l, " \f")); ok {
			entries++
		}
	}
	if entries != 99 {
		t.Errorf("found %d edition lines in the text, want 99", entries)
	}
	pages, warns, err := ParsePages("rmrb-2025-10-20.txt", text, MetaFromFileName("rmrb-2025-10-20.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range warns {
		t.Logf("warning: %v", w)
	}
	var arts []article.Article
	for _, p := range pages {
		arts = append(arts, p.Articles...)
	}
	if len(arts) < 84 || len(arts) > 85 {
		t.Errorf("got %d articles, want 85 (99 entries less 11 editor credits and 3 adverts)", len(arts))
	}
	withReporters, withRole, spaced := 0, 0, false
	pagesSeen := map[int]bool{}
	for i, a := range arts {
		if a.Headline == "" || a.HeadlineDerived {
			t.Errorf("article %d: headline %q derived=%v, want a printed one", i+1, a.Headline, a.HeadlineDerived)
		}
		if a.Date != "2025-10-20" || a.Paper != "人民日报" {
			t.Errorf("article %d %q: paper %q date %q", i+1, a.Headline, a.Paper, a.Date)
		}
		n, err := strconv.Atoi(a.Page)
		if err != nil || n < 1 || n > 20 {
			t.Errorf("article %d %q: page %q, want 1..20", i+1, a.Headline, a.Page)
		}
		pagesSeen[n] = true
		if reEditionInBody.MatchString(a.Body) || reEditionInBody.MatchString(a.Headline) {
			t.Errorf("article %d %q: edition line left in the text", i+1, a.Headline)
		}
		if reFooterInBody.MatchString(a.Body) {
			t.Errorf("article %d %q: PDF page footer left in the body", i+1, a.Headline)
		}
		if strings.Contains(a.Body, "责编：") {
			t.Errorf("article %d %q: editor credit in the body", i+1, a.Headline)
		}
		if len(a.Reporters) != len(a.Roles) {
			t.Errorf("article %d: reporters %q, roles %q", i+1, a.Reporters, a.Roles)
		}
		for _, r := range a.Reporters {
			if !isName(r) {
				t.Errorf("article %d %q: reporter %q is not a name", i+1, a.Headline, r)
			}
			if at, _ := findRole(r); at >= 0 {
				t.Errorf("article %d %q: reporter %q holds a role word", i+1, a.Headline, r)
			}
		}
		if len(a.Reporters) > 0 {
			withReporters++
		}
		for _, r := range a.Roles {
			if r == "本报记者" {
				withRole++
				break
			}
		}
		// A two-character name printed spaced out (程 龙) is one name.
		if strings.Join(a.Reporters, ",") == "程龙,潘俊强" {
			spaced = true
		}
	}
	if withReporters < 60 {
		t.Errorf("%d articles have reporters, want at least 60", withReporters)
	}
	if withRole < 25 {
		t.Errorf("%d articles have a 本报记者 byline, want at least 25", withRole)
	}
	if !spaced {
		t.Errorf("no article has the spaced-out byline 程 龙 潘俊强 read as two names")
	}
	if len(pagesSeen) < 15 {
		t.Errorf("articles on %d pages, want at least 15", len(pagesSeen))
	}
}

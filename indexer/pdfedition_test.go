package indexer

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"baoku/indexer/pages"
)

// corpusEditionPDF is the web-edition PDF of the shared corpus.
var corpusEditionPDF = filepath.Join("..", "..", "shared", "corpus", "rmrb-2025-10-20", "rmrb-2025-10-20.pdf")

// TestReadEditionPDF reads the corpus's web-edition PDF as a .pdf input
// and checks it against the same file's pdftotext text read as a page
// file: every article of its table of contents is found, with the same
// headlines, and their paragraphs are kept apart.
func TestReadEditionPDF(t *testing.T) {
	if _, err := os.Stat(corpusEditionPDF); err != nil {
		t.Skipf("corpus not available (%v): the web-edition test needs ../shared/corpus beside the repository", err)
	}
	needPoppler(t)
	arts, _, err := ReadPDFFile(corpusEditionPDF, PDFOptions{})
	if err != nil {
		t.Fatal(err)
	}
	txt := filepath.Join(t.TempDir(), "rmrb-2025-10-20.txt")
	if out, err := exec.Command("pdftotext", corpusEditionPDF, txt).CombinedOutput(); err != nil {
		t.Fatalf("pdftotext: %v: %s", err, out)
	}
	fromText, _, err := ReadPageFile(txt)
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != len(fromText) || len(arts) < 84 {
		t.Fatalf("%d articles from the PDF, %d from its text; want the 85 of its contents", len(arts), len(fromText))
	}
	raw, err := os.ReadFile(txt)
	if err != nil {
		t.Fatal(err)
	}
	paras := 0
	for i, a := range arts {
		if a.Headline != fromText[i].Headline || a.Body != fromText[i].Body {
			t.Errorf("article %d: %q differs from the text's %q", i+1, a.Headline, fromText[i].Headline)
		}
		if strings.Contains(a.Body, "\n") {
			paras++
		}
		if a.Paper != "人民日报" || a.Date != "2025-10-20" || a.File != "rmrb-2025-10-20.pdf" {
			t.Errorf("article %d: paper %q date %q file %q", i+1, a.Paper, a.Date, a.File)
		}
	}
	if paras < len(arts)*9/10 {
		t.Errorf("only %d of %d articles have more than one paragraph", paras, len(arts))
	}
	// Every entry of the table of contents (“12. headline（column）”)
	// that is not an editors' credit or an advert is an article found.
	toc := strings.Split(string(raw), "《人民日报》（")[0]
	entries := 0
	for _, l := range strings.Split(toc, "\n") {
		m := reTOCEntry.FindStringSubmatch(strings.TrimSpace(l))
		if m == nil || strings.Contains(m[1], "责编") || m[1] == "广告" {
			continue
		}
		entries++
		e := compactHead(m[1])
		ok := false
		for _, a := range arts {
			h := compactHead(a.Headline)
			full := compactHead(a.Kicker) + h // an entry wrapped after the kicker shows the kicker alone
			if strings.HasPrefix(e, h) || strings.HasPrefix(e, full) || strings.HasPrefix(h, e) || strings.HasPrefix(full, e) {
				ok = true
				break
			}
		}
		if !ok {
			t.Errorf("table of contents entry %q: no article found", m[1])
		}
	}
	if entries < 80 {
		t.Errorf("only %d entries read from the table of contents", entries)
	}
	if !pages.IsEditionText(string(raw)) {
		t.Error("the text is not read as a web edition")
	}
}

var reTOCEntry = regexp.MustCompile(`^\d{1,3}\.\s*(.+)$`)

func compactHead(s string) string { return strings.Join(strings.Fields(s), "") }

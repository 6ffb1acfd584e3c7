package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"baoku/indexer/pdf/pdftest"
)

// textPDF writes a one-page PDF by hand whose text is Latin (Helvetica),
// or a page without text when text is "".
func textPDF(t *testing.T, path, text string) {
	t.Helper()
	content := "0.5 g 20 20 100 100 re f"
	if text != "" {
		content = "BT /F1 14 Tf 30 350 Td (" + text + ") Tj ET"
	}
	if err := os.WriteFile(path, pdftest.Minimal(content, 1), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestParseAndIndexPDF runs `baoku parse` and `baoku index` on PDFs: a
// page with text gives its article, with its page image once indexed; a
// scan is reported by name and the rest is indexed.
func TestParseAndIndexPDF(t *testing.T) {
	for _, tool := range []string{"pdftohtml", "pdftoppm"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed (Debian package poppler-utils): PDFs cannot be read", tool)
		}
	}
	dir := t.TempDir()
	page := filepath.Join(dir, "chenguang-2024-05-01-03.pdf")
	textPDF(t, page, "Harbour bridge opens to traffic today")
	scan := filepath.Join(dir, "scan-0042.pdf")
	textPDF(t, scan, "")

	out, err := exec.Command(binPath, "parse", page).Output()
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	var arts []struct {
		Date, Page, Body string
		Region           *struct{ Width, Height float64 }
	}
	if err := json.Unmarshal(out, &arts); err != nil || len(arts) != 1 {
		t.Fatalf("parse printed %s (%v)", out, err)
	}
	if a := arts[0]; a.Date != "2024-05-01" || a.Page != "3" || !strings.Contains(a.Body, "Harbour bridge") || a.Region == nil || a.Region.Width != 300 {
		t.Errorf("parsed %+v", a)
	}

	ix := filepath.Join(dir, "index")
	res, err := exec.Command(binPath, "index", "-index", ix, page, scan).CombinedOutput()
	if err == nil || !strings.Contains(string(res), "scan-0042.pdf") || !strings.Contains(string(res), "no text layer: needs OCR") {
		t.Fatalf("index: %v\n%s", err, res)
	}
	imgs, _ := filepath.Glob(filepath.Join(ix, "pages", "*.png"))
	if len(imgs) != 1 {
		t.Errorf("%d page images, want 1", len(imgs))
	}
	found, err := exec.Command(binPath, "search", "-index", ix, "-json", "bridge").Output()
	var res2 struct{ Total int }
	if err != nil || json.Unmarshal(found, &res2) != nil || res2.Total != 1 {
		t.Errorf("search after indexing: %s %v", found, err)
	}
}

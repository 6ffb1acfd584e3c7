package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// textPDF writes a one-page PDF by hand whose text is Latin (Helvetica),
// or a page without text when text is "".
func textPDF(t *testing.T, path, text string) {
	t.Helper()
	content := "0.5 g 20 20 100 100 re f"
	if text != "" {
		content = "BT /F1 14 Tf 30 350 Td (" + text + ") Tj ET"
	}
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 400] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
	}
	var b strings.Builder
	b.WriteString("%PDF-1.4\n")
	var offs []int
	for i, o := range objs {
		offs = append(offs, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
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

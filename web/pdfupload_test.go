package web

import (
	"net/http"
	"os/exec"
	"strings"
	"testing"

	"baoku/indexer/pdf/pdftest"
)

// scanPDF is a one-page PDF with a drawing and no text, as a scan is.
func scanPDF() []byte {
	content := "0.5 g 20 20 260 360 re f"
	return pdftest.Minimal(content, 1)
}

// An uploaded PDF is read as one: a scan is reported by name as needing
// OCR, and the records uploaded with it are indexed.
func TestAdminUploadPDF(t *testing.T) {
	if _, err := exec.LookPath("pdftohtml"); err != nil {
		t.Skip("pdftohtml not installed (Debian package poppler-utils): uploaded PDFs cannot be read")
	}
	h, eng := adminRouter(t, Limits{})
	ctype, body := multipartBody(t, map[string][]byte{
		"scan-0042.pdf": scanPDF(),
		"records.jsonl": []byte(`{"id":"p1","paper":"测试日报","date":"2023-10-01","headline":"同一次上传的稿件","body":"秋收开始了。"}` + "\n"),
	})
	r := adminDo(t, h, "POST", "/api/admin/index", ctype, body)
	if r.code != http.StatusOK {
		t.Fatalf("status %d: %s", r.code, r.body)
	}
	rep := r.report(t)
	if rep.Files != 2 || rep.BadFiles != 1 || rep.Articles != 1 {
		t.Errorf("report %+v; want 2 files, the record, 1 bad file", rep)
	}
	if joined := strings.Join(rep.Errors, "\n"); !strings.Contains(joined, "scan-0042.pdf") || !strings.Contains(joined, "no text layer: needs OCR") {
		t.Errorf("errors %q: want the scan named, needing OCR", joined)
	}
	if got := totalFor(t, eng, "秋收"); got != 1 {
		t.Errorf("the record uploaded with the scan: %d hits", got)
	}
}

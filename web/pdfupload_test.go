package web

import (
	"fmt"
	"net/http"
	"os/exec"
	"strings"
	"testing"
)

// scanPDF is a one-page PDF with a drawing and no text, as a scan is.
func scanPDF() []byte {
	content := "0.5 g 20 20 260 360 re f"
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 400] /Contents 4 0 R >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content),
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
	return []byte(b.String())
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

// Package pdftest writes small PDFs by hand for tests of the PDF reader
// and of what calls it (the index command, the upload endpoint).
package pdftest

import (
	"fmt"
	"strings"
)

// Minimal returns a PDF of n pages (300×400 points) that all draw content,
// a PDF content stream; text in it may use /F1, Helvetica. A content
// without text operators makes a page as a scan is, with no text.
func Minimal(content string, n int) []byte {
	var kids []string
	for i := range n {
		kids = append(kids, fmt.Sprintf("%d 0 R", 6+i))
	}
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), n),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content),
		"<< /Font << /F1 3 0 R >> >>",
	}
	for range n {
		objs = append(objs, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 400] /Contents 4 0 R /Resources 5 0 R >>")
	}
	var b strings.Builder
	b.WriteString("%PDF-1.4\n")
	offs := make([]int, len(objs))
	for i, o := range objs {
		offs[i] = b.Len()
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

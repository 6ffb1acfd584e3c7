package indexer

import "baoku/indexer/pdf"

// DebugPDFPages returns the pages of a PDF as the layout analysis gets them.
func DebugPDFPages(path string) ([]pdf.Page, error) {
	var out []pdf.Page
	_, err := pdfLayout(path, PDFOptions{Timeout: DefaultPDFTimeout, MaxPages: DefaultMaxPDFPages}, func(_ int, p pdf.Page) { out = append(out, p) })
	return out, err
}

package indexer

import "baoku/indexer/pdf"

// DebugPDFPages returns the pages of a PDF as the layout analysis gets them.
func DebugPDFPages(path string) ([]pdf.Page, error) {
	return pdfLayout(path, PDFOptions{Timeout: DefaultPDFTimeout, MaxPages: DefaultMaxPDFPages})
}

package search

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"baoku/indexer/article"
)

// MaxExport is the most articles one export holds; a search that finds
// more is refused, saying how many it finds, before anything is written.
const MaxExport = 50000

// ExportFormats are the formats of an export, in the order the pages
// offer them.
var ExportFormats = []string{FormatCSV, FormatNDJSON, FormatRIS, FormatBibLaTeX, FormatBibTeX, FormatCSL, FormatGBT7714}

// ExportRequest asks for every hit of a search in one format.
type ExportRequest struct {
	// Request is the query and its filters; paging and sorting are
	// ignored: the hits come oldest first.
	Request
	// Format is one of ExportFormats.
	Format string
	// Link makes the address of an article in this archive from its ID
	// (nil: no links).
	Link func(id string) string
	// Limit is the most articles exported (MaxExport when 0, and never
	// more).
	Limit int
}

// ExportMeta says what an export holds, before it is written.
type ExportMeta struct {
	Total       int
	ContentType string
	Extension   string
}

// CSVHeader is the first row of a CSV export.
var CSVHeader = []string{"id", "date", "paper", "page", "section", "headline", "subtitle", "kicker", "reporters", "source", "url", "link"}

// Export writes every hit of a search to w, oldest first, in the request's
// format. The search runs first: a bad request, or one past MaxExport,
// fails before anything is written, and start is called with what is about
// to be written (to set headers) only then.
func (e *Engine) Export(ctx context.Context, r ExportRequest, start func(ExportMeta) io.Writer) error {
	meta, err := exportMeta(r.Format)
	if err != nil {
		return err
	}
	p, err := e.prepare(r.Request)
	if err != nil {
		return err
	}
	hits, snap, err := e.hitsByDate(ctx, p.query())
	if err != nil {
		return err
	}
	defer snap.release()
	limit := MaxExport
	if r.Limit > 0 {
		limit = min(r.Limit, MaxExport)
	}
	if len(hits) > limit {
		return fmt.Errorf("%w: the search finds %d articles; an export holds at most %d: narrow it (dates, paper, section …) and export the parts", ErrBadRequest, len(hits), limit)
	}
	meta.Total = len(hits)
	bw := bufio.NewWriterSize(start(meta), 64<<10)
	w := newRecordWriter(r.Format, bw)
	for i, h := range hits {
		if i%256 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		a, err := snap.article(h.num)
		if err != nil {
			return err
		}
		link := ""
		if r.Link != nil {
			link = r.Link(a.ID)
		}
		if err := w.write(i, Citation{A: a, Link: link}); err != nil {
			return fmt.Errorf("export: %w", err)
		}
	}
	if err := w.end(len(hits)); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return bw.Flush()
}

// exportMeta checks a format and gives its content type and file
// extension.
func exportMeta(format string) (ExportMeta, error) {
	switch format {
	case FormatCSV:
		return ExportMeta{ContentType: "text/csv; charset=utf-8", Extension: "csv"}, nil
	case FormatNDJSON:
		return ExportMeta{ContentType: "application/x-ndjson; charset=utf-8", Extension: "ndjson"}, nil
	case FormatRIS:
		return ExportMeta{ContentType: "application/x-research-info-systems; charset=utf-8", Extension: "ris"}, nil
	case FormatBibLaTeX, FormatBibTeX:
		return ExportMeta{ContentType: "application/x-bibtex; charset=utf-8", Extension: "bib"}, nil
	case FormatCSL:
		return ExportMeta{ContentType: "application/vnd.citationstyles.csl+json; charset=utf-8", Extension: "json"}, nil
	case FormatGBT7714:
		return ExportMeta{ContentType: "text/plain; charset=utf-8", Extension: "txt"}, nil
	}
	return ExportMeta{}, fmt.Errorf("%w: format must be one of %s, not %q", ErrBadRequest, strings.Join(ExportFormats, ", "), format)
}

// recordWriter writes an export record by record.
type recordWriter struct {
	format string
	w      *bufio.Writer
	csv    *csv.Writer
	js     *json.Encoder
}

func newRecordWriter(format string, w *bufio.Writer) *recordWriter {
	rw := &recordWriter{format: format, w: w}
	switch format {
	case FormatCSV:
		rw.csv = csv.NewWriter(w)
	case FormatNDJSON:
		rw.js = json.NewEncoder(w)
		rw.js.SetEscapeHTML(false)
	}
	return rw
}

// ndjsonRecord is an article with its link, one line of an NDJSON export.
type ndjsonRecord struct {
	*article.Article
	Link string `json:"link,omitempty"`
}

func (rw *recordWriter) write(i int, c Citation) error {
	switch rw.format {
	case FormatCSV:
		if i == 0 {
			if err := rw.csv.Write(CSVHeader); err != nil {
				return err
			}
		}
		a := c.A
		if err := rw.csv.Write([]string{a.ID, a.Date, a.Paper, a.Page, a.Section, a.Headline, a.Subtitle, a.Kicker,
			strings.Join(a.Reporters, "; "), a.Source, a.URL, c.Link}); err != nil {
			return err
		}
		if i%64 == 63 {
			rw.csv.Flush()
		}
		return rw.csv.Error()
	case FormatNDJSON:
		return rw.js.Encode(ndjsonRecord{Article: c.A, Link: c.Link})
	case FormatCSL:
		sep := ",\n"
		if i == 0 {
			sep = "[\n"
		}
		_, err := rw.w.WriteString(sep + c.cslLine())
		return err
	}
	s, err := c.Format(rw.format)
	if err == nil {
		if rw.format != FormatGBT7714 && i > 0 {
			s = "\n" + s // a blank line between records
		}
		_, err = rw.w.WriteString(s)
	}
	return err
}

// end finishes an export of n records.
func (rw *recordWriter) end(n int) error {
	switch rw.format {
	case FormatCSV:
		if n == 0 {
			if err := rw.csv.Write(CSVHeader); err != nil {
				return err
			}
		}
		rw.csv.Flush()
		return rw.csv.Error()
	case FormatCSL:
		end := "\n]\n"
		if n == 0 {
			end = "[]\n"
		}
		_, err := rw.w.WriteString(end)
		return err
	}
	return nil
}

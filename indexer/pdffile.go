package indexer

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"baoku/indexer/article"
	"baoku/indexer/pages"
	"baoku/indexer/pdf"
	"baoku/segment"
)

// PDFOptions configures ReadPDFFile.
type PDFOptions struct {
	// ImageDir, when set, is the index folder: each page is rendered into
	// its pages/ folder and the articles point at their page's image.
	ImageDir string
	// Timeout bounds each poppler run (DefaultPDFTimeout when 0).
	Timeout time.Duration
	// MaxPages is the most pages read from one file (DefaultMaxPDFPages
	// when 0).
	MaxPages int
}

// Limits of the PDF reader.
const (
	// MaxPDFFile is the largest PDF read.
	MaxPDFFile = 1 << 30
	// maxPDFText is the most text poppler may give for one file.
	maxPDFText = 512 << 20
	// DefaultPDFTimeout bounds one poppler run on one file.
	DefaultPDFTimeout = 2 * time.Minute
	// DefaultMaxPDFPages is the most pages read from one file.
	DefaultMaxPDFPages = 2000
	// pdfZoom is the scale pdftohtml is asked for: positions and sizes
	// come as whole numbers, so in half points.
	pdfZoom = 2
)

// ErrNoTextLayer marks a PDF without text (a scan): it needs OCR first.
var ErrNoTextLayer = errors.New("no text layer: needs OCR")

// PDFPage is one page of a PDF as read.
type PDFPage struct {
	// Index is the page's 0-based place in its file.
	Index int
	// Image is the page's image inside the index folder, when rendered.
	Image string
	// Articles are the page's articles in reading order.
	Articles []*article.Article
}

// ReadPDFFile reads a PDF of newspaper pages (one page or a whole issue)
// with poppler's pdftohtml and returns the articles of each page, read
// from its layout, with stable IDs, and the warnings met. A web-edition
// export (one article after another, with lines such as 《人民日报》
// （2025年10月20日 第 01 版）) is read as text, as ReadPageFile reads it.
// The error names the file: a missing poppler, a PDF without a text layer,
// an encrypted, broken or too large one, a run over the time limit.
func ReadPDFFile(path string, opt PDFOptions) ([]*article.Article, []string, error) {
	pgs, warns, err := ReadPDFPages(path, opt)
	var arts []*article.Article
	for _, p := range pgs {
		arts = append(arts, p.Articles...)
	}
	return arts, warns, err
}

// ReadPDFPages reads a PDF as ReadPDFFile does, page by page.
func ReadPDFPages(path string, opt PDFOptions) ([]PDFPage, []string, error) {
	if opt.Timeout <= 0 {
		opt.Timeout = DefaultPDFTimeout
	}
	if opt.MaxPages <= 0 {
		opt.MaxPages = DefaultMaxPDFPages
	}
	st, err := os.Stat(path)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	if st.Size() > MaxPDFFile {
		return nil, nil, fmt.Errorf("%s: %d bytes is too large for a PDF", path, st.Size())
	}
	meta := pages.MetaFromFileName(filepath.Base(path))
	for _, sc := range []string{path + ".json", strings.TrimSuffix(path, filepath.Ext(path)) + ".json"} {
		found, err := readSidecar(sc, &meta)
		if err != nil {
			return nil, nil, err
		}
		if found {
			break
		}
	}
	pgs, err := pdfLayout(path, opt)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	if !hasText(pgs) {
		return nil, nil, fmt.Errorf("%s: %w", path, ErrNoTextLayer)
	}
	if pages.IsEditionText(plainText(pgs)) {
		return readEditionPDF(path, meta, opt)
	}
	var images []string
	if opt.ImageDir != "" {
		if images, err = renderPages(path, opt.ImageDir, len(pgs), opt.Timeout); err != nil {
			return nil, nil, fmt.Errorf("%s: %w", path, err)
		}
	}
	base := filepath.Base(path)
	var out []PDFPage
	var warns []string
	n := 0
	for i, p := range pgs {
		pg, ws := pdf.Parse(p, pdf.Options{Name: path, Index: i, Meta: meta})
		pgs[i] = pdf.Page{} // read: its pieces can go
		for _, w := range ws {
			warns = append(warns, w.String())
		}
		op := PDFPage{Index: i}
		if i < len(images) {
			op.Image = images[i]
		}
		for j := range pg.Articles {
			a := pg.Articles[j]
			a.File = base
			a.Seq = j + 1
			a.ID = article.StableID("pdf", a.Paper, a.Date, a.Page, base, strconv.Itoa(i), strconv.Itoa(j+1))
			a.PageImage = op.Image
			op.Articles = append(op.Articles, &a)
			n++
		}
		out = append(out, op)
	}
	if n == 0 {
		return nil, warns, fmt.Errorf("%s: no articles found in %d pages", path, len(pgs))
	}
	return out, warns, nil
}

// pdfLayout runs pdftohtml on a PDF and reads the positions of its text.
func pdfLayout(path string, opt PDFOptions) ([]pdf.Page, error) {
	out, err := poppler(opt.Timeout, maxPDFText, "pdftohtml", "-xml", "-i", "-nodrm", "-hidden", "-stdout", "-zoom", strconv.Itoa(pdfZoom), path)
	if err != nil {
		return nil, err
	}
	return readPDFXML(bytes.NewReader(out), opt.MaxPages)
}

// readEditionPDF reads a web-edition export through pdftotext's text, as
// a page file of it is read.
func readEditionPDF(path string, meta pages.PageMeta, opt PDFOptions) ([]PDFPage, []string, error) {
	raw, err := poppler(opt.Timeout, maxPDFText, "pdftotext", "-q", "-enc", "UTF-8", path, "-")
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	text := segment.FoldRadicals(string(raw))
	pgs, warns, err := pages.ParsePages(path, text, meta)
	var ws []string
	for _, w := range warns {
		ws = append(ws, w.String())
	}
	if err != nil {
		return nil, ws, err
	}
	base := filepath.Base(path)
	var out []PDFPage
	for j, p := range pgs {
		op := PDFPage{Index: j}
		for i := range p.Articles {
			a := p.Articles[i]
			a.File = base
			a.Seq = i + 1
			a.ID = article.StableID("page", a.Paper, a.Date, a.Page, base, strconv.Itoa(j), strconv.Itoa(i+1))
			op.Articles = append(op.Articles, &a)
		}
		out = append(out, op)
	}
	return out, ws, nil
}

// ErrNoPoppler is returned when a poppler tool is not installed.
var ErrNoPoppler = errors.New("not installed: PDFs are read with poppler (apt-get install poppler-utils)")

// poppler runs a poppler tool and returns what it writes, within timeout
// and at most limit bytes; its complaint on stderr goes into the error.
func poppler(timeout time.Duration, limit int64, tool string, args ...string) ([]byte, error) {
	bin, err := exec.LookPath(tool)
	if err != nil {
		return nil, fmt.Errorf("%s %w", tool, ErrNoPoppler)
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.WaitDelay = time.Second
	var stderr limitedBuffer
	stderr.limit = 4 << 10
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		if ctx.Err() != nil {
			return nil, fmt.Errorf("%s: no answer within %s; not read", tool, timeout)
		}
		return nil, fmt.Errorf("%s: %w", tool, err)
	}
	out, rerr := io.ReadAll(io.LimitReader(stdout, limit+1))
	if int64(len(out)) > limit {
		_ = cmd.Cancel()
		_ = cmd.Wait()
		return nil, fmt.Errorf("%s: more than %d MB of text; not read", tool, limit>>20)
	}
	werr := cmd.Wait()
	switch {
	case ctx.Err() != nil:
		return nil, fmt.Errorf("%s: no answer within %s; not read", tool, timeout)
	case werr != nil:
		return nil, fmt.Errorf("%s: %s", tool, popplerProblem(stderr.String(), werr))
	case rerr != nil:
		return nil, fmt.Errorf("%s: %w", tool, rerr)
	}
	return out, nil
}

// popplerProblem says in a few words why poppler failed.
func popplerProblem(stderr string, err error) string {
	s := strings.ToLower(stderr)
	switch {
	case strings.Contains(s, "password") || strings.Contains(s, "encrypt"):
		return "encrypted: needs a password"
	case strings.Contains(s, "may not be a pdf") || strings.Contains(s, "couldn't find trailer") || strings.Contains(s, "couldn't read xref"):
		return "not a PDF or damaged"
	}
	msg := strings.TrimSpace(stderr)
	if i := strings.IndexByte(msg, '\n'); i >= 0 {
		msg = msg[:i]
	}
	if msg == "" {
		msg = err.Error()
	}
	return "cannot read: " + msg
}

// limitedBuffer keeps the first limit bytes written to it.
type limitedBuffer struct {
	bytes.Buffer
	limit int
}

func (b *limitedBuffer) Write(p []byte) (int, error) {
	if room := b.limit - b.Len(); room > 0 {
		b.Buffer.Write(p[:min(room, len(p))])
	}
	return len(p), nil
}

// readPDFXML reads pdftohtml's XML into pages, in points.
func readPDFXML(r io.Reader, maxPages int) ([]pdf.Page, error) {
	dec := xml.NewDecoder(r)
	dec.Strict = false
	dec.Entity = xml.HTMLEntity
	var out []pdf.Page
	fonts := map[string]fontSpec{}
	var cur *pdf.Page
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("pdftohtml output: %w", err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "page":
			if len(out) == maxPages {
				return nil, fmt.Errorf("more than %d pages; not read", maxPages)
			}
			out = append(out, pdf.Page{Width: attrF(se, "width") / pdfZoom, Height: attrF(se, "height") / pdfZoom})
			cur = &out[len(out)-1]
		case "fontspec":
			fonts[attr(se, "id")] = fontSpec{size: attrF(se, "size") / pdfZoom, color: attr(se, "color")}
		case "text":
			if cur == nil {
				continue
			}
			text, bold, err := textContent(dec)
			if err != nil {
				return nil, fmt.Errorf("pdftohtml output: %w", err)
			}
			f := fonts[attr(se, "font")]
			cur.Texts = append(cur.Texts, pdf.Text{
				X: attrF(se, "left") / pdfZoom, Y: attrF(se, "top") / pdfZoom,
				W: attrF(se, "width") / pdfZoom, H: attrF(se, "height") / pdfZoom,
				Size: f.size, Bold: bold, Color: f.color, Text: foldPDFText(text),
			})
		}
	}
	return out, nil
}

type fontSpec struct {
	size  float64
	color string
}

// textContent reads the content of a <text> element: its characters, and
// whether any are in <b>.
func textContent(dec *xml.Decoder) (string, bool, error) {
	var sb strings.Builder
	bold := false
	depth := 1
	for depth > 0 {
		tok, err := dec.Token()
		if err != nil {
			return "", false, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if t.Name.Local == "b" {
				bold = true
			}
		case xml.EndElement:
			depth--
		case xml.CharData:
			sb.Write(t)
		}
	}
	return sb.String(), bold, nil
}

func attr(se xml.StartElement, name string) string {
	for _, a := range se.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func attrF(se xml.StartElement, name string) float64 {
	f, _ := strconv.ParseFloat(attr(se, name), 64)
	return f
}

// pdfFolds are characters that fonts map where readers expect others.
var pdfFolds = strings.NewReplacer("∕", "/", "\u2e3a", "——", "\u2e3b", "———", "\u00a0", " ", "\ufeff", "",
	"\u2002", "\u3000", "\u2003", "\u3000", "\u2004", "\u3000", "\u2005", "\u3000", "\u2006", "\u3000",
	"\u2007", "\u3000", "\u2008", "\u3000", "\u2009", "\u3000", "\u200a", "\u3000", "\u200b", "")

// scGlyphs are code points that simplified Chinese fonts (Noto Sans and
// Serif CJK SC, Source Han) draw with the glyph of a common character,
// so that text extracted from them names the rare code point for the
// common one: ⼾ (KANGXI RADICAL DOOR, 戶 to Unicode) is drawn 户, 㬵 is
// drawn 胶. Found by printing the 3,397 characters of the corpus in
// both faces and weights and reading them back; every other radical the
// fonts give folds by Unicode's table.
var scGlyphs = strings.NewReplacer("\u2f3e", "户", "\u3b35", "胶")

// foldPDFText gives the ordinary characters for what PDF fonts often
// carry: Kangxi radicals and CJK radicals supplement for ideographs
// (⽇ → 日), a division slash for a slash, a two-em dash for ——; the
// typographic spaces a font prints become ideographic spaces (U+3000),
// which the layout reader tells from the spaces the extractor puts
// between letter-spaced characters.
func foldPDFText(s string) string {
	return pdfFolds.Replace(segment.FoldRadicals(scGlyphs.Replace(s)))
}

func hasText(pgs []pdf.Page) bool {
	for _, p := range pgs {
		for _, t := range p.Texts {
			if strings.TrimSpace(t.Text) != "" {
				return true
			}
		}
	}
	return false
}

// plainText is the pages' text, a piece a line, for telling a web-edition
// export.
func plainText(pgs []pdf.Page) string {
	var sb strings.Builder
	for _, p := range pgs {
		for _, t := range p.Texts {
			sb.WriteString(t.Text)
			sb.WriteByte('\n')
		}
		sb.WriteByte('\f')
	}
	return sb.String()
}

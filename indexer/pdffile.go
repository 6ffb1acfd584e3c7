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
	// Pages are analysed as pdftohtml writes them, one at a time: a
	// page's pieces are dropped once read, so memory follows the size of
	// a page, not of the file.
	var parsed []pages.Page
	var warns []string
	var text strings.Builder
	withText := false
	n, err := pdfLayout(path, opt, func(i int, p pdf.Page) {
		for _, t := range p.Texts {
			if strings.TrimSpace(t.Text) != "" {
				withText = true
			}
			if text.Len() < maxEditionProbe {
				text.WriteString(t.Text)
				text.WriteByte('\n')
			}
		}
		text.WriteByte('\f')
		pg, ws := pdf.Parse(p, pdf.Options{Name: path, Index: i, Meta: meta})
		for _, w := range ws {
			warns = append(warns, w.String())
		}
		parsed = append(parsed, pg)
	})
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	if !withText {
		return nil, nil, fmt.Errorf("%s: %w", path, ErrNoTextLayer)
	}
	if pages.IsEditionText(text.String()) {
		return readEditionPDF(path, meta, opt)
	}
	var images []string
	if opt.ImageDir != "" {
		if images, err = renderPages(path, opt.ImageDir, n, opt.Timeout); err != nil {
			return nil, nil, fmt.Errorf("%s: %w", path, err)
		}
	}
	base := filepath.Base(path)
	var out []PDFPage
	found := 0
	for i, pg := range parsed {
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
			found++
		}
		out = append(out, op)
	}
	if found == 0 {
		return nil, warns, fmt.Errorf("%s: no articles found in %d pages", path, n)
	}
	return out, warns, nil
}

// maxEditionProbe is how much of a PDF's text is kept to tell a
// web-edition export.
const maxEditionProbe = 1 << 20

// pdfLayout runs pdftohtml on a PDF and passes each page, with the
// positions of its text, to each as it is read; it returns the number of
// pages.
func pdfLayout(path string, opt PDFOptions, each func(i int, p pdf.Page)) (int, error) {
	n := 0
	err := popplerStream(opt.Timeout, maxPDFText, func(r io.Reader) error {
		var err error
		n, err = readPDFXML(r, opt.MaxPages, each)
		return err
	}, "pdftohtml", "-xml", "-i", "-nodrm", "-hidden", "-stdout", "-zoom", strconv.Itoa(pdfZoom), path)
	return n, err
}

// readEditionPDF reads a web-edition export through pdftotext's text, as
// a page file of it is read.
func readEditionPDF(path string, meta pages.PageMeta, opt PDFOptions) ([]PDFPage, []string, error) {
	raw, err := poppler(opt.Timeout, maxPDFText, "pdftotext", "-q", "-enc", "UTF-8", path, "-")
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	text := segment.FoldRadicals(string(raw))
	pgs, ws, err := parsePageText(path, text, meta)
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
	var out []byte
	err := popplerStream(timeout, limit, func(r io.Reader) error {
		var err error
		out, err = io.ReadAll(r)
		return err
	}, tool, args...)
	return out, err
}

// errTooMuch is the error of a reader past its limit.
var errTooMuch = errors.New("too much output")

// limitReader fails once more than n bytes are read.
type limitReader struct {
	r io.Reader
	n int64
}

func (l *limitReader) Read(p []byte) (int, error) {
	if l.n < 0 {
		return 0, errTooMuch
	}
	n, err := l.r.Read(p)
	l.n -= int64(n)
	if l.n < 0 {
		return n, errTooMuch
	}
	return n, err
}

// popplerStream runs a poppler tool and passes what it writes to consume
// as it comes, within timeout and at most limit bytes; its complaint on
// stderr goes into the error.
func popplerStream(timeout time.Duration, limit int64, consume func(io.Reader) error, tool string, args ...string) error {
	bin, err := exec.LookPath(tool)
	if err != nil {
		return fmt.Errorf("%s %w", tool, ErrNoPoppler)
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
		return err
	}
	if err := cmd.Start(); err != nil {
		if ctx.Err() != nil {
			return fmt.Errorf("%s: no answer within %s; not read", tool, timeout)
		}
		return fmt.Errorf("%s: %w", tool, err)
	}
	cerr := consume(&limitReader{r: stdout, n: limit})
	if cerr != nil {
		// Stop the tool: what it writes is no longer read.
		_ = cmd.Cancel()
	}
	werr := cmd.Wait()
	switch {
	case errors.Is(cerr, errTooMuch):
		return fmt.Errorf("%s: more than %s of text; not read", tool, sizeOf(limit))
	case ctx.Err() != nil:
		return fmt.Errorf("%s: no answer within %s; not read", tool, timeout)
	case cerr != nil:
		return fmt.Errorf("%s: %w", tool, cerr)
	case werr != nil:
		return fmt.Errorf("%s: %s", tool, popplerProblem(stderr.String(), werr))
	}
	return nil
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

// readPDFXML reads pdftohtml's XML and passes each page, in points, to
// each once it is complete; it returns the number of pages.
func readPDFXML(r io.Reader, maxPages int, each func(i int, p pdf.Page)) (int, error) {
	dec := xml.NewDecoder(r)
	dec.Strict = false
	dec.Entity = xml.HTMLEntity
	fonts := map[string]fontSpec{}
	n := 0
	var cur *pdf.Page
	flush := func() {
		if cur != nil {
			each(n-1, *cur)
			cur = nil
		}
	}
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			if errors.Is(err, errTooMuch) {
				return n, err
			}
			return n, fmt.Errorf("pdftohtml output: %w", err)
		}
		switch t := tok.(type) {
		case xml.EndElement:
			if t.Name.Local == "page" {
				flush()
			}
		case xml.StartElement:
			switch t.Name.Local {
			case "page":
				flush()
				if n == maxPages {
					return n, fmt.Errorf("more than %d pages; not read", maxPages)
				}
				n++
				cur = &pdf.Page{Width: attrF(t, "width") / pdfZoom, Height: attrF(t, "height") / pdfZoom}
			case "fontspec":
				fonts[attr(t, "id")] = fontSpec{size: attrF(t, "size") / pdfZoom, color: attr(t, "color")}
			case "text":
				if cur == nil {
					continue
				}
				text, bold, err := textContent(dec)
				if err != nil {
					return n, fmt.Errorf("pdftohtml output: %w", err)
				}
				f := fonts[attr(t, "font")]
				cur.Texts = append(cur.Texts, pdf.Text{
					X: attrF(t, "left") / pdfZoom, Y: attrF(t, "top") / pdfZoom,
					W: attrF(t, "width") / pdfZoom, H: attrF(t, "height") / pdfZoom,
					Size: f.size, Bold: bold, Color: f.color, Text: foldPDFText(text),
				})
			}
		}
	}
	flush()
	return n, nil
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

// sizeOf says how large n bytes are, in MB from 1 MB on.
func sizeOf(n int64) string {
	if n >= 1<<20 {
		return strconv.FormatInt(n>>20, 10) + " MB"
	}
	return strconv.FormatInt(n, 10) + " bytes"
}

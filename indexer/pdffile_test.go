package indexer

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"

	"baoku/indexer/internal/pdfgen"
	"baoku/indexer/pdf"
	"baoku/indexer/pdf/pdftest"
	"baoku/segment"
)

// needPoppler skips a test when poppler's tools are not installed.
func needPoppler(t *testing.T) {
	t.Helper()
	for _, tool := range []string{"pdftohtml", "pdftotext", "pdftoppm"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed (Debian package poppler-utils): the PDF reader cannot be tested", tool)
		}
	}
}

// generated lays out pages of invented articles and prints them with
// Chromium, once for the package's tests (it takes a few seconds).
var generated struct {
	once  sync.Once
	dir   string
	pages []pdfgen.Page
	err   error
}

// generatedPages returns the generated test PDFs: two files, one of a
// single page and one of two pages. It skips without Chromium.
func generatedPages(t *testing.T) []pdfgen.Page {
	t.Helper()
	needPoppler(t)
	if pdfgen.FindChromium() == "" {
		t.Skip("no Chromium found (apt-get install chromium fonts-noto-cjk): test pages cannot be printed")
	}
	generated.once.Do(func() {
		dir, err := os.MkdirTemp("", "baoku-pdftest")
		if err != nil {
			generated.err = err
			return
		}
		generated.dir = dir
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		defer cancel()
		one, err := pdfgen.Generate(ctx, pdfgen.Options{Records: pdfgen.InventedRecords(24), OutDir: dir,
			Seeds: []int64{7}, Families: pdfgen.TuneFamilies()})
		if err != nil {
			generated.err = err
			return
		}
		two, err := pdfgen.Generate(ctx, pdfgen.Options{Records: pdfgen.InventedRecords(24), OutDir: dir,
			Seeds: []int64{11, 12}, PagesPerFile: 2, Families: pdfgen.TuneFamilies()})
		generated.pages, generated.err = append(one, two...), err
	})
	if generated.err != nil {
		t.Fatalf("generate test pages: %v", generated.err)
	}
	return generated.pages
}

func TestMain(m *testing.M) {
	code := m.Run()
	if generated.dir != "" {
		os.RemoveAll(generated.dir)
	}
	os.Exit(code)
}

// sameText compares text by its characters, without white space.
func sameText(a, b string) bool {
	strip := func(s string) string {
		return strings.Map(func(r rune) rune {
			if unicode.IsSpace(r) {
				return -1
			}
			return r
		}, s)
	}
	return strip(a) == strip(b)
}

func TestReadPDFGenerated(t *testing.T) {
	pages := generatedPages(t)
	byFile := map[string][]PDFPage{}
	for _, tp := range pages {
		if _, ok := byFile[tp.PDF]; ok {
			continue
		}
		got, warns, err := ReadPDFPages(tp.PDF, PDFOptions{})
		if err != nil {
			t.Fatalf("%s: %v", tp.PDF, err)
		}
		for _, w := range warns {
			t.Logf("warning: %s", w)
		}
		byFile[tp.PDF] = got
	}
	if len(byFile) != 2 {
		t.Fatalf("%d files, want 2", len(byFile))
	}
	for _, tp := range pages {
		got := byFile[tp.PDF]
		if tp.Index >= len(got) {
			t.Fatalf("%s: %d pages read, want page %d", tp.PDF, len(got), tp.Index+1)
		}
		arts := got[tp.Index].Articles
		if len(arts) != len(tp.Articles) {
			t.Errorf("%s page %d: %d articles, want %d", filepath.Base(tp.PDF), tp.Index+1, len(arts), len(tp.Articles))
		}
		heads := map[string]int{}
		for i, a := range arts {
			heads[strings.Join(strings.Fields(a.Headline), "")] = i
			if strings.ContainsFunc(a.Headline+a.Body, func(r rune) bool { return r >= 0x2E80 && r < 0x2FE0 }) {
				t.Errorf("%q: radicals left in the text", a.Headline)
			}
			if a.Date != tp.Date || a.Page != tp.PageNo || a.Paper != tp.Paper {
				t.Errorf("%q: paper %q date %q page %q, want %q %q %q", a.Headline, a.Paper, a.Date, a.Page, tp.Paper, tp.Date, tp.PageNo)
			}
			if a.Region == nil || len(a.Region.Boxes) == 0 || a.Region.Width != tp.Width && int(a.Region.Width) != int(tp.Width) {
				t.Errorf("%q: region %+v on a page %.0f wide", a.Headline, a.Region, tp.Width)
			}
		}
		for _, ta := range tp.Articles {
			i, ok := heads[strings.Join(strings.Fields(ta.Headline), "")]
			if !ok {
				t.Errorf("page %d: no article with the headline %q", tp.Index+1, ta.Headline)
				continue
			}
			a := arts[i]
			if fmt.Sprint(a.Reporters) != fmt.Sprint(ta.Reporters) && !(len(a.Reporters) == 0 && len(ta.Reporters) == 0) {
				t.Errorf("%q: reporters %v, want %v", ta.Headline, a.Reporters, ta.Reporters)
			}
			if ta.Kicker != "" && !sameText(a.Kicker, ta.Kicker) || ta.Subtitle != "" && !sameText(a.Subtitle, ta.Subtitle) {
				t.Errorf("%q: kicker %q subtitle %q, want %q %q", ta.Headline, a.Kicker, a.Subtitle, ta.Kicker, ta.Subtitle)
			}
			if tb := strings.Split(ta.Body, "\n"); len(strings.Split(a.Body, "\n")) < len(tb) {
				t.Errorf("%q: %d paragraphs, want %d", ta.Headline, len(strings.Split(a.Body, "\n")), len(tb))
			}
			if !strings.Contains(strings.Join(strings.Fields(a.Body), ""), strings.Join(strings.Fields(strings.Split(ta.Body, "\n")[0]), "")) {
				t.Errorf("%q: the first paragraph is not in the body:\n got %s\nwant %s", ta.Headline, a.Body, ta.Body)
			}
			for _, c := range ta.Captions {
				first, _, _ := strings.Cut(c, "。")
				if strings.Contains(a.Body, first) {
					t.Errorf("%q: caption %q merged into the body", ta.Headline, c)
				}
				if len(a.Captions) == 0 {
					t.Errorf("%q: caption %q not found", ta.Headline, c)
				}
			}
		}
	}
}

func TestIngestPDFRendersPages(t *testing.T) {
	pages := generatedPages(t)
	dir := newTestIndexDir(t)
	ix, err := OpenExisting(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	var files []string
	want := 0
	for _, p := range pages {
		if len(files) == 0 || files[len(files)-1] != p.PDF {
			files = append(files, p.PDF)
		}
		want += len(p.Articles)
	}
	sum, err := Ingest(NewWriter(ix, 10), files, IngestOptions{})
	if err != nil || len(sum.Errors) > 0 {
		t.Fatalf("ingest: %v %v", err, sum.Errors)
	}
	if sum.Articles < want-1 || sum.Articles > want+1 {
		t.Errorf("%d articles indexed, want about %d", sum.Articles, want)
	}
	imgs, err := filepath.Glob(filepath.Join(dir, PageImageDir, "*.png"))
	if err != nil || len(imgs) != len(pages) {
		t.Fatalf("%d page images (%v), want %d", len(imgs), err, len(pages))
	}
	got, _, err := ReadPDFFile(files[1], PDFOptions{ImageDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range got {
		if !strings.HasPrefix(a.PageImage, PageImageDir+"/") || !strings.HasSuffix(a.PageImage, ".png") {
			t.Fatalf("%q: page image %q", a.Headline, a.PageImage)
		}
	}
	if got[0].PageImage == got[len(got)-1].PageImage {
		t.Errorf("the two pages of %s share the image %s", files[1], got[0].PageImage)
	}
	// A backup keeps the images.
	dest := filepath.Join(t.TempDir(), "copy")
	if err := ix.CopyTo(dest); err != nil {
		t.Fatal(err)
	}
	copied, _ := filepath.Glob(filepath.Join(dest, PageImageDir, "*.png"))
	if len(copied) != len(imgs) {
		t.Errorf("backup has %d page images, want %d", len(copied), len(imgs))
	}
}

// minimalPDF writes a one-page PDF by hand: content is the page's drawing
// (no text unless content says so).
func minimalPDF(content string) []byte { return pdftest.Minimal(content, 1) }

func TestReadPDFBadInput(t *testing.T) {
	needPoppler(t)
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	scan := write("scan.pdf", minimalPDF("0.5 g 20 20 260 360 re f"))
	text := minimalPDF("BT /F1 12 Tf 30 350 Td (Hello) Tj ET")
	truncated := write("truncated.pdf", text[:len(text)/2])
	garbage := write("garbage.pdf", []byte("this is not a PDF at all\n"))
	for _, tc := range []struct {
		name, path, want string
		opt              PDFOptions
	}{
		{"no text layer", scan, "no text layer: needs OCR", PDFOptions{}},
		{"truncated", truncated, "truncated.pdf", PDFOptions{}},
		{"not a PDF", garbage, "garbage.pdf: pdftohtml", PDFOptions{}},
		{"missing", filepath.Join(dir, "missing.pdf"), "missing.pdf", PDFOptions{}},
		{"time limit", scan, "no answer within", PDFOptions{Timeout: time.Nanosecond}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			arts, _, err := ReadPDFFile(tc.path, tc.opt)
			if err == nil || !strings.Contains(err.Error(), tc.want) || len(arts) > 0 {
				t.Fatalf("got %d articles, error %v; want an error with %q", len(arts), err, tc.want)
			}
			if !strings.Contains(err.Error(), filepath.Base(tc.path)) {
				t.Errorf("error %q does not name the file", err)
			}
			if d := time.Since(start); d > 30*time.Second {
				t.Errorf("took %s", d)
			}
		})
	}
	if _, _, err := ReadPDFFile(scan, PDFOptions{}); !errors.Is(err, ErrNoTextLayer) {
		t.Errorf("scan: %v, want ErrNoTextLayer", err)
	}
	t.Run("encrypted", func(t *testing.T) {
		mutool, err := exec.LookPath("mutool")
		if err != nil {
			t.Skip("mutool not installed (Debian package mupdf-tools): no encrypted PDF to test with")
		}
		plain := write("plain.pdf", text)
		enc := filepath.Join(dir, "locked.pdf")
		if out, err := exec.Command(mutool, "clean", "-E", "aes-128", "-U", "secret", "-O", "owner", plain, enc).CombinedOutput(); err != nil {
			t.Fatalf("mutool: %v: %s", err, out)
		}
		_, _, err = ReadPDFFile(enc, PDFOptions{})
		if err == nil || !strings.Contains(err.Error(), "locked.pdf") || !strings.Contains(err.Error(), "encrypted") {
			t.Fatalf("encrypted PDF: %v", err)
		}
	})
	t.Run("too many pages", func(t *testing.T) {
		three := write("three.pdf", pdftest.Minimal("BT /F1 12 Tf 30 350 Td (Hello) Tj ET", 3))
		if _, _, err := ReadPDFFile(three, PDFOptions{}); err != nil {
			t.Fatalf("three pages: %v", err)
		}
		_, _, err := ReadPDFFile(three, PDFOptions{MaxPages: 2})
		if err == nil || !strings.Contains(err.Error(), "three.pdf") || !strings.Contains(err.Error(), "more than 2 pages") {
			t.Fatalf("three pages, at most two: %v", err)
		}
	})
}

func TestPopplerOutputLimit(t *testing.T) {
	needPoppler(t)
	p := filepath.Join(t.TempDir(), "hello.pdf")
	if err := os.WriteFile(p, pdftest.Minimal("BT /F1 12 Tf 30 350 Td (Hello) Tj ET", 50), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := poppler(time.Minute, 1<<20, "pdftotext", p, "-"); err != nil || !strings.Contains(string(out), "Hello") {
		t.Fatalf("pdftotext: %q, %v", out, err)
	}
	_, err := poppler(time.Minute, 100, "pdftotext", p, "-")
	if err == nil || !strings.Contains(err.Error(), "more than 100 bytes of text") {
		t.Fatalf("over the limit: %v", err)
	}
	// The layout reader reads the 50 pages one by one.
	seen := 0
	n, err := pdfLayout(p, PDFOptions{Timeout: time.Minute, MaxPages: 1000}, func(i int, pg pdf.Page) {
		if i != seen || len(pg.Texts) != 1 {
			t.Errorf("page %d (%d pieces) after %d pages", i, len(pg.Texts), seen)
		}
		seen++
	})
	if err != nil || n != 50 || seen != 50 {
		t.Fatalf("layout: %d pages, %d seen, %v", n, seen, err)
	}
}

func TestReadPDFWithoutPoppler(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	p := filepath.Join(t.TempDir(), "page.pdf")
	if err := os.WriteFile(p, minimalPDF(""), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, err := ReadPDFFile(p, PDFOptions{})
	if !errors.Is(err, ErrNoPoppler) || !strings.Contains(err.Error(), "pdftohtml") || !strings.Contains(err.Error(), "poppler-utils") {
		t.Fatalf("got %v, want an error naming pdftohtml and poppler-utils", err)
	}
}

func TestIngestBadPDFKeepsTheRest(t *testing.T) {
	needPoppler(t)
	in := t.TempDir()
	if err := os.WriteFile(filepath.Join(in, "scan.pdf"), minimalPDF("0 g 10 10 100 100 re f"), 0o644); err != nil {
		t.Fatal(err)
	}
	page := "晨光日报 2024年5月1日 星期三\n青山县新建大桥今日通车\n本报讯（记者 张伟）青山县新建大桥今日正式通车，两岸群众往来从此不再绕行。\n"
	if err := os.WriteFile(filepath.Join(in, "chenguang-2024-05-01-01.txt"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	ix := memIndex(t)
	sum, err := Ingest(NewWriter(ix, 10), []string{in}, IngestOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Articles != 1 || len(sum.Errors) != 1 || !strings.Contains(sum.Errors[0].Error(), "scan.pdf") ||
		!errors.Is(sum.Errors[0], ErrNoTextLayer) {
		t.Fatalf("summary %+v, want the page indexed and the scan reported", sum)
	}
}

func TestFoldPDFText(t *testing.T) {
	if got := foldPDFText("⼈⺠⽇报社⻝堂∕⸺\u2003千家万⼾"); got != "人民日报社食堂/——\u3000千家万户" {
		t.Fatalf("foldPDFText = %q", got)
	}
	if got := segment.FoldRadicals("⻓"); got != "长" {
		t.Fatalf("FoldRadicals(⻓) = %q", got)
	}
}

func TestWatchTakesPDFs(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"page.pdf", "page.txt", "notes.doc", "PAGE2.PDF"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, seen := readyFiles(dir, nil, nil, nil)
	ready, _ := readyFiles(dir, seen, nil, nil)
	var got []string
	for _, p := range ready {
		got = append(got, filepath.Base(p))
	}
	if strings.Join(got, " ") != "PAGE2.PDF page.pdf page.txt" {
		t.Errorf("ready files %v, want the PDFs and the page text", got)
	}
}

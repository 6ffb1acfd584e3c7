package indexer

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
)

// PageImageDir is the folder of an index that holds the page images.
const PageImageDir = "pages"

// pageImageDPI is the resolution pages are rendered at.
const pageImageDPI = 100

// renderPages renders the n pages of a PDF with pdftoppm into the index
// folder's pages/ folder and returns their paths inside the index folder
// (pages/<file hash>-<page>.png). A file renders to the same names every
// time, so indexing it again replaces its images.
func renderPages(path, indexDir string, n int, timeout time.Duration) ([]string, error) {
	key, err := fileHash(path)
	if err != nil {
		return nil, err
	}
	dir := filepath.Join(indexDir, PageImageDir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("page images: %w", err)
	}
	tmp, err := os.MkdirTemp(dir, ".render-")
	if err != nil {
		return nil, fmt.Errorf("page images: %w", err)
	}
	defer os.RemoveAll(tmp)
	// pdftoppm takes longer than pdftohtml: a page at a time is allowed
	// a second more.
	limit := timeout + time.Duration(n)*time.Second
	if _, err := poppler(limit, 1<<20, "pdftoppm", "-q", "-r", strconv.Itoa(pageImageDPI), "-png", path, filepath.Join(tmp, "p")); err != nil {
		return nil, err
	}
	ents, err := os.ReadDir(tmp)
	if err != nil {
		return nil, fmt.Errorf("page images: %w", err)
	}
	var names []string
	for _, e := range ents {
		if strings.HasSuffix(e.Name(), ".png") {
			names = append(names, e.Name())
		}
	}
	// p-1.png … p-9.png, or p-01.png …: all padded to the same width.
	sort.Strings(names)
	if len(names) != n {
		return nil, fmt.Errorf("pdftoppm rendered %d of %d pages", len(names), n)
	}
	out := make([]string, n)
	for i, name := range names {
		rel := PageImageDir + "/" + key + "-" + strconv.Itoa(i+1) + ".png"
		if err := os.Rename(filepath.Join(tmp, name), filepath.Join(indexDir, filepath.FromSlash(rel))); err != nil {
			return nil, fmt.Errorf("page images: %w", err)
		}
		out[i] = rel
	}
	return out, nil
}

// fileHash names a file by its content: the first 16 hex digits of its
// SHA-256.
func fileHash(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil))[:16], nil
}

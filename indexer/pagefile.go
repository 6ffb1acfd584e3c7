package indexer

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"baoku/indexer/article"
	"baoku/indexer/pages"
)

// MaxPageFile is the largest page text file read.
const MaxPageFile = 256 << 20

// ReadPageFile reads a page text file, and its sidecar <file>.json when
// there is one, and returns its articles with stable IDs (paper, date, page
// and place on the page) and the warnings met. The error names the file.
func ReadPageFile(path string) ([]*article.Article, []string, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	if st.Size() > MaxPageFile {
		return nil, nil, fmt.Errorf("%s: %d bytes is too large for a page file", path, st.Size())
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	meta := pages.MetaFromFileName(filepath.Base(path))
	// The sidecar is <file>.json (page.txt.json) or, failing that, the
	// file name with .json for .txt (page.json).
	for _, sc := range []string{path + ".json", strings.TrimSuffix(path, filepath.Ext(path)) + ".json"} {
		found, err := readSidecar(sc, &meta)
		if err != nil {
			return nil, nil, err
		}
		if found {
			break
		}
	}
	text, err := DecodeText(path, raw)
	if err != nil {
		return nil, nil, err
	}
	pages, ws, err := parsePageText(path, text, meta)
	if err != nil {
		return nil, ws, err
	}
	base := filepath.Base(path)
	var arts []*article.Article
	nth := map[string]int{} // articles so far of each paper, date and page
	for j, p := range pages {
		for i := range p.Articles {
			a := p.Articles[i]
			a.File = base
			a.Seq = i + 1
			a.ID = pageArticleID(&a, nth, base, j, i)
			arts = append(arts, &a)
		}
	}
	return arts, ws, nil
}

// pageArticleID is the stable ID of the i-th article of the j-th page of a
// file. An article whose paper, date and page are known is named by them
// and its place among that page's articles, not by the file: the same page
// sent again under another name replaces its articles. Otherwise the file
// names it.
func pageArticleID(a *article.Article, nth map[string]int, base string, j, i int) string {
	if a.Paper == "" || a.Date == "" || a.Page == "" {
		return article.StableID("page", a.Paper, a.Date, a.Page, base, strconv.Itoa(j), strconv.Itoa(i+1))
	}
	key := a.Paper + "\x1f" + a.Date + "\x1f" + a.Page
	nth[key]++
	return article.StableID("page", a.Paper, a.Date, a.Page, strconv.Itoa(nth[key]))
}

// readSidecar fills meta from a sidecar JSON file, if it exists.
func readSidecar(path string, meta *pages.PageMeta) (bool, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	var sc struct{ Paper, Date, Page, Section string }
	if err := json.Unmarshal(b, &sc); err != nil {
		return false, fmt.Errorf("%s: malformed sidecar: %v", path, err)
	}
	for _, kv := range []struct {
		from string
		to   *string
	}{
		{sc.Paper, &meta.Paper}, {sc.Date, &meta.Date}, {sc.Page, &meta.Page}, {sc.Section, &meta.Section},
	} {
		if kv.from != "" {
			*kv.to = kv.from
		}
	}
	return true, nil
}

// parsePageText parses the text of a page file (or of a PDF taken as
// text) and renders its warnings.
func parsePageText(path, text string, meta pages.PageMeta) ([]pages.Page, []string, error) {
	pgs, warns, err := pages.ParsePages(path, text, meta)
	var ws []string
	for _, w := range warns {
		ws = append(ws, w.String())
	}
	return pgs, ws, err
}

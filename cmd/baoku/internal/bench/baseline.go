package bench

import (
	"compress/gzip"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	bsearch "github.com/blevesearch/bleve/v2/search"

	"baoku/indexer"
	"baoku/indexer/article"
)

// The baseline of `baoku bench` is bleve the way a Go developer starts with
// it for Chinese text: the default index mapping with the built-in cjk
// analyzer (bigrams), every field dynamic (indexed, stored, with term
// vectors), a query string query, bleve's own HTML highlighter and terms
// facets, served by a plain net/http handler. It runs as a child process of
// the bench, like Baoku, so that both are measured the same way.

// baselineDoc is what the baseline indexes for an article: the record's
// fields plus year and month for the same facets as Baoku's.
type baselineDoc struct {
	Paper     string   `json:"paper"`
	Date      string   `json:"date"`
	Page      string   `json:"page"`
	Section   string   `json:"section"`
	Kicker    string   `json:"kicker"`
	Headline  string   `json:"headline"`
	Subtitle  string   `json:"subtitle"`
	Source    string   `json:"source"`
	Reporters []string `json:"reporters"`
	Body      string   `json:"body"`
	Year      string   `json:"year"`
	Month     string   `json:"month"`
}

// baselineFacets are the facet fields the baseline counts, as Baoku does.
var baselineFacets = []string{"paper", "section", "reporters", "source", "year", "month", "page"}

// runBaselineIndex indexes JSON Lines article files into a new baseline index.
func runBaselineIndex(args []string) error {
	fs := flag.NewFlagSet("bench baseline-index", flag.ContinueOnError)
	dir := fs.String("index", "", "index folder to create")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *dir == "" || fs.NArg() == 0 {
		return errors.New("usage: baoku bench baseline-index -index DIR FILE.jsonl[.gz]...")
	}
	m := bleve.NewIndexMapping()
	m.DefaultAnalyzer = cjk.AnalyzerName
	ix, err := bleve.New(*dir, m)
	if err != nil {
		return fmt.Errorf("create baseline index %s: %w", *dir, err)
	}
	b := ix.NewBatch()
	for _, path := range fs.Args() {
		if err := baselineRead(path, func(a *article.Article) error {
			d := baselineDoc{
				Paper: a.Paper, Date: a.Date, Page: a.Page, Section: a.Section, Kicker: a.Kicker,
				Headline: a.Headline, Subtitle: a.Subtitle, Source: a.Source, Reporters: a.Reporters,
				Body: a.Body, Year: a.Date[:4], Month: a.Date[:7],
			}
			if err := b.Index(a.ID, d); err != nil {
				return err
			}
			if b.Size() >= indexer.DefaultBatchSize {
				if err := ix.Batch(b); err != nil {
					return err
				}
				b.Reset()
			}
			return nil
		}); err != nil {
			ix.Close()
			return err
		}
	}
	if err := ix.Batch(b); err != nil {
		ix.Close()
		return fmt.Errorf("write baseline batch: %w", err)
	}
	return ix.Close()
}

// baselineRead reads one JSON Lines file with the same reader as Baoku.
func baselineRead(path string, fn func(*article.Article) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		gz, err := gzip.NewReader(f)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		defer gz.Close()
		r = gz
	}
	_, err = indexer.ReadJSONL(path, r, fn)
	return err
}

// baselineHit is one hit as the baseline serves it.
type baselineHit struct {
	ID        string              `json:"id"`
	Score     float64             `json:"score"`
	Headline  string              `json:"headline"`
	Date      string              `json:"date"`
	Fragments map[string][]string `json:"fragments"`
}

// runBaselineServe serves a baseline index: GET /api/search?q=&size=&from=[&ids=1].
func runBaselineServe(args []string) error {
	fs := flag.NewFlagSet("bench baseline-serve", flag.ContinueOnError)
	dir := fs.String("index", "", "index folder")
	addr := fs.String("addr", "127.0.0.1:8081", "address to listen on")
	if err := fs.Parse(args); err != nil {
		return err
	}
	ix, err := bleve.Open(*dir)
	if err != nil {
		return fmt.Errorf("open baseline index %s: %w", *dir, err)
	}
	defer ix.Close()
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/search", func(w http.ResponseWriter, r *http.Request) {
		size, _ := strconv.Atoi(r.URL.Query().Get("size"))
		if size <= 0 {
			size = 10
		}
		from, _ := strconv.Atoi(r.URL.Query().Get("from"))
		req := bleve.NewSearchRequestOptions(bleve.NewQueryStringQuery(r.URL.Query().Get("q")), size, max(from, 0), false)
		// ids=1 is the bench's own request for the IDs of every hit.
		if r.URL.Query().Get("ids") != "1" {
			req.Fields = []string{"headline", "date"}
			req.Highlight = bleve.NewHighlightWithStyle("html")
			req.Highlight.AddField("headline")
			req.Highlight.AddField("body")
			for _, f := range baselineFacets {
				req.AddFacet(f, bleve.NewFacetRequest(f, 20))
			}
		}
		res, err := ix.SearchInContext(r.Context(), req)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		out := struct {
			Total  uint64               `json:"total"`
			Hits   []baselineHit        `json:"hits"`
			Facets bsearch.FacetResults `json:"facets"`
		}{Total: res.Total, Facets: res.Facets, Hits: []baselineHit{}}
		for _, h := range res.Hits {
			hl, _ := h.Fields["headline"].(string)
			date, _ := h.Fields["date"].(string)
			out.Hits = append(out.Hits, baselineHit{ID: h.ID, Score: h.Score, Headline: hl, Date: date, Fragments: h.Fragments})
		}
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		json.NewEncoder(w).Encode(out)
	})
	return serveUntilSignal(*addr, mux)
}

package web

import (
	"errors"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"baoku/indexer/article"
	"baoku/indexer/field"
	"baoku/search"
)

// The pages of result sets and of citations.

// snapshotData is what a result set's page shows.
type snapshotData struct {
	researchData
	S        *search.Snapshot
	Citation string
	Filters  string
	IDs      []string
	More     int
	Diff     *search.SnapshotDiff
	RerunURL string
}

func (h *handlers) snapshotPage(c *gin.Context) {
	d := snapshotData{researchData: newResearchData(c, "snapshot", "结果集", "/api/snapshots/"+url.PathEscape(c.Param("id")), "rerun")}
	_, s, err := h.rs.SnapshotJSON(c.Param("id"))
	if errors.Is(err, search.ErrNotFound) {
		c.HTML(http.StatusNotFound, "error.html", gin.H{"Title": "没有这个结果集 - 报库", "Error": "没有这个结果集。"})
		return
	}
	if err != nil {
		h.errorPage(c, err)
		return
	}
	d.S, d.Query = s, s.Query
	d.Filters = filterText(s.Filters)
	addr := baseURL(c) + "/snapshots/" + url.PathEscape(s.ID)
	d.Citation = search.DatasetCitation(s, d.Filters, addr, time.Now())
	d.IDs = s.IDs[:min(len(s.IDs), 200)]
	d.More = len(s.IDs) - len(d.IDs)
	d.RerunURL = c.Request.URL.Path + "?rerun=1"
	code := http.StatusOK
	if c.Query("rerun") == "1" {
		if d.Diff, err = h.rs.Rerun(c.Request.Context(), s); err != nil {
			code = d.fail(c, err)
		}
	}
	c.HTML(code, "snapshot.html", d)
}

// filterText writes a snapshot's filters for people: 报纸=人民日报，2013-01-01 至 2014-12-31.
func filterText(f map[string][]string) string {
	var parts []string
	if f["from"] != nil || f["to"] != nil {
		from, to := "", ""
		if f["from"] != nil {
			from = f["from"][0]
		}
		if f["to"] != nil {
			to = f["to"][0]
		}
		parts = append(parts, strings.TrimSpace(from+" 至 "+to))
	}
	for _, fl := range field.Facets() {
		if vs := f[fl.ParamOf()]; len(vs) > 0 {
			parts = append(parts, fl.Label+"="+strings.Join(vs, "|"))
		}
	}
	return strings.Join(parts, "，")
}

func (h *handlers) createSnapshotPage(c *gin.Context) {
	r, err := snapshotRequestOf(c)
	if err == nil {
		var s *search.Snapshot
		if s, err = h.rs.CreateSnapshot(c.Request.Context(), r, search.SnapshotOptions{}); err == nil {
			c.Redirect(http.StatusSeeOther, "/snapshots/"+url.PathEscape(s.ID))
			return
		}
	}
	h.errorPage(c, snapshotError(err))
}

// researchFuncs are the template functions of the research pages.
var researchFuncs = template.FuncMap{
	"add": func(a, b int) int { return a + b },
	// months are the columns of a coverage grid.
	"months": func() []int { return []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12} },
	// paraID is the anchor of a body paragraph, 1-based as concordance
	// lines count them.
	"paraID": func(i int) string { return "p" + strconv.Itoa(i+1) },
	// searchQuery is the search of a snapshot's query and filters.
	"searchQuery": func(q string, filters map[string][]string) string {
		v := url.Values{"q": {q}}
		for k, vs := range filters {
			v[k] = vs
		}
		return v.Encode()
	},
}

// citeView is an article's citation in one format.
type citeView struct {
	Format, Label, Text, URL string
}

// citeLabels name the citation formats on the article page.
var citeLabels = map[string]string{
	search.FormatGBT7714: "GB/T 7714", search.FormatRIS: "RIS（EndNote、Zotero）", search.FormatBibLaTeX: "biblatex",
	search.FormatBibTeX: "BibTeX", search.FormatCSL: "CSL-JSON",
}

// citationsOf is an article's citation in each format, GB/T 7714 first.
func citationsOf(c *gin.Context, a *article.Article) []citeView {
	cite := search.Citation{A: a, Link: baseURL(c) + "/articles/" + url.PathEscape(a.ID)}
	var out []citeView
	for _, f := range search.CiteFormats {
		text, err := cite.Format(f)
		if err != nil {
			continue
		}
		out = append(out, citeView{Format: f, Label: citeLabels[f], Text: strings.TrimRight(text, "\r\n"),
			URL: "/api/articles/" + url.PathEscape(a.ID) + "/cite?format=" + f})
	}
	return out
}

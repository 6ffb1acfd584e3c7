package web

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"baoku/search"
)

// Researcher is what the research views need beyond a Searcher;
// *search.Engine is one. Given a Searcher that is not, the server has no
// research routes.
type Researcher interface {
	Trend(ctx context.Context, r search.TrendRequest) (*search.TrendResult, error)
	Concordance(ctx context.Context, r search.KWICRequest) (*search.KWICResult, error)
	Collocates(ctx context.Context, r search.CollocRequest) (*search.CollocResult, error)
	Export(ctx context.Context, r search.ExportRequest, start func(search.ExportMeta) io.Writer) error
	Coverage(ctx context.Context, r search.Request) (*search.Coverage, error)
	CreateSnapshot(ctx context.Context, r search.Request, opt search.SnapshotOptions) (*search.Snapshot, error)
	SnapshotJSON(id string) (json.RawMessage, *search.Snapshot, error)
	Rerun(ctx context.Context, s *search.Snapshot) (*search.SnapshotDiff, error)
}

// registerResearch adds the research views' API and pages, each under the
// per-client rate limit.
func registerResearch(r *gin.Engine, h *handlers, rs Researcher, rl RateLimit) {
	h.rs = rs
	lm := newLimiter(rl)
	page, heavy := lm.middleware(costPage), lm.middleware(costHeavy)
	getHead(r, "/api/trend", page, h.apiTrend)
	getHead(r, "/api/kwic", page, h.apiKWIC)
	getHead(r, "/api/collocates", heavy, h.apiCollocates)
	getHead(r, "/api/export", heavy, h.apiExport)
	getHead(r, "/api/coverage", page, h.apiCoverage)
	r.POST("/api/snapshots", heavy, h.apiCreateSnapshot)
	getHead(r, "/api/snapshots/:id", page, h.apiSnapshot)
	getHead(r, "/api/articles/:id/cite", page, h.apiCite)
	getHead(r, "/trend", page, h.trendPage)
	getHead(r, "/kwic", page, h.kwicPage)
	getHead(r, "/collocates", heavy, h.collocatesPage)
	getHead(r, "/coverage", page, h.coveragePage)
	r.POST("/snapshots", heavy, h.createSnapshotPage)
	getHead(r, "/snapshots/:id", page, h.snapshotPage)
}

// intParam reads an optional integer parameter (0 when absent).
func intParam(c *gin.Context, name string) (int, error) {
	v := c.Query(name)
	if v == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return 0, fmt.Errorf("%w: parameter %s: %q is not a number", search.ErrBadRequest, name, v)
	}
	return n, nil
}

// trendRequestOf reads a trend from URL parameters: every q (and vs) is a
// series.
func trendRequestOf(c *gin.Context) (search.TrendRequest, error) {
	r, err := requestOf(c)
	var qs []string
	for _, q := range append(c.QueryArray("q"), c.QueryArray("vs")...) {
		if strings.TrimSpace(q) != "" {
			qs = append(qs, q)
		}
	}
	return search.TrendRequest{Request: r, Queries: qs, By: c.Query("by")}, err
}

func kwicRequestOf(c *gin.Context) (search.KWICRequest, error) {
	r, err := requestOf(c)
	kr := search.KWICRequest{Request: r, Order: c.Query("sort")}
	kr.Sort = ""
	if err == nil {
		kr.Width, err = intParam(c, "width")
	}
	return kr, err
}

func collocRequestOf(c *gin.Context) (search.CollocRequest, error) {
	r, err := requestOf(c)
	cr := search.CollocRequest{Request: r, By: c.Query("by"), CompareFrom: c.Query("compare_from"), CompareTo: c.Query("compare_to"),
		All: c.Query("all") == "1"}
	cr.Size, cr.Page = 0, 0
	for _, p := range []struct {
		name string
		dst  *int
	}{{"window", &cr.Window}, {"min", &cr.Min}, {"size", &cr.Limit}} {
		if err == nil {
			*p.dst, err = intParam(c, p.name)
		}
	}
	return cr, err
}

// fail answers an API error as JSON with its status.
func fail(c *gin.Context, err error) {
	if status(err) == http.StatusInternalServerError {
		_ = c.Error(err)
	}
	c.JSON(status(err), gin.H{"error": publicMessage(err)})
}

func (h *handlers) apiTrend(c *gin.Context) {
	r, err := trendRequestOf(c)
	if err != nil {
		fail(c, err)
		return
	}
	res, err := h.rs.Trend(c.Request.Context(), r)
	if err != nil {
		fail(c, err)
		return
	}
	if c.Query("format") == "csv" {
		writeCSV(c, "baoku-trend.csv", trendRows(res))
		return
	}
	c.JSON(http.StatusOK, res)
}

// trendRows are a trend's series as CSV rows, one a bucket.
func trendRows(res *search.TrendResult) [][]string {
	rows := [][]string{{"query", "bucket", "count", "total", "per10k", "sparse", "words", "front", "headline"}}
	for _, s := range res.Series {
		for _, b := range s.Buckets {
			rows = append(rows, []string{s.Query, b.Key, strconv.Itoa(b.Count), strconv.Itoa(b.Total),
				strconv.FormatFloat(b.Per10k, 'f', 4, 64), strconv.FormatBool(b.Sparse), strconv.Itoa(b.Words),
				strconv.Itoa(b.Front), strconv.Itoa(b.Headline)})
		}
	}
	return rows
}

func (h *handlers) apiKWIC(c *gin.Context) {
	r, err := kwicRequestOf(c)
	if err != nil {
		fail(c, err)
		return
	}
	if c.Query("format") == "csv" {
		// The CSV is every line, not a page.
		r.Page, r.Size = 1, search.MaxLines
		var rows [][]string
		rows = append(rows, []string{"id", "date", "paper", "page", "headline", "field", "para", "left", "match", "right", "link"})
		for {
			res, err := h.rs.Concordance(c.Request.Context(), r)
			if err != nil {
				fail(c, err)
				return
			}
			for _, l := range res.Lines {
				rows = append(rows, []string{l.ID, l.Date, l.Paper, l.Page, l.Headline, l.Field, strconv.Itoa(l.Para),
					l.Left, l.Match, l.Right, baseURL(c) + lineURL(l, r.Query)})
			}
			if r.Page*r.Size >= res.Total || len(res.Lines) == 0 {
				break
			}
			r.Page++
		}
		writeCSV(c, "baoku-kwic.csv", rows)
		return
	}
	res, err := h.rs.Concordance(c.Request.Context(), r)
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, res)
}

func (h *handlers) apiCollocates(c *gin.Context) {
	r, err := collocRequestOf(c)
	if err != nil {
		fail(c, err)
		return
	}
	res, err := h.rs.Collocates(c.Request.Context(), r)
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, res)
}

func (h *handlers) apiExport(c *gin.Context) {
	r, err := requestOf(c)
	if err != nil {
		fail(c, err)
		return
	}
	base := baseURL(c)
	er := search.ExportRequest{Request: r, Format: c.DefaultQuery("format", search.FormatCSV),
		Link: func(id string) string { return base + "/articles/" + url.PathEscape(id) }}
	err = h.rs.Export(c.Request.Context(), er, func(m search.ExportMeta) io.Writer {
		c.Header("Content-Type", m.ContentType)
		c.Header("Content-Disposition", fmt.Sprintf(`attachment; filename="baoku-export.%s"`, m.Extension))
		c.Header("X-Total-Count", strconv.Itoa(m.Total))
		c.Status(http.StatusOK)
		return c.Writer
	})
	if err != nil {
		if c.Writer.Written() {
			// Cut off mid-stream: nothing can be said any more but
			// to stop, and to log it.
			_ = c.Error(err)
			c.Abort()
			return
		}
		fail(c, err)
	}
}

func (h *handlers) apiCoverage(c *gin.Context) {
	r, err := requestOf(c)
	if err != nil {
		fail(c, err)
		return
	}
	res, err := h.rs.Coverage(c.Request.Context(), r)
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, res)
}

// snapshotBody is the JSON body of POST /api/snapshots: the query and
// the filters, by their URL parameter names; a filter is a value or a
// list of them.
type snapshotBody map[string]any

// snapshotRequestOf reads the search to freeze from a JSON body or from
// form fields (the page's button posts a form).
func snapshotRequestOf(c *gin.Context) (search.Request, error) {
	vals := url.Values{}
	if strings.HasPrefix(c.ContentType(), "application/json") {
		var body snapshotBody
		dec := json.NewDecoder(io.LimitReader(c.Request.Body, 1<<16))
		if err := dec.Decode(&body); err != nil {
			return search.Request{}, fmt.Errorf("%w: body: %v", search.ErrBadRequest, err)
		}
		for k, v := range body {
			switch v := v.(type) {
			case string:
				vals.Add(k, v)
			case []any:
				for _, x := range v {
					s, ok := x.(string)
					if !ok {
						return search.Request{}, fmt.Errorf("%w: body: %s must hold strings", search.ErrBadRequest, k)
					}
					vals.Add(k, s)
				}
			default:
				return search.Request{}, fmt.Errorf("%w: body: %s must be a string or a list of strings", search.ErrBadRequest, k)
			}
		}
	} else {
		if err := c.Request.ParseForm(); err != nil {
			return search.Request{}, fmt.Errorf("%w: form: %v", search.ErrBadRequest, err)
		}
		vals = c.Request.PostForm
	}
	return requestOfValues(vals)
}

// requestOfValues reads a search's query and filters from parameters, as
// requestOf reads them from a URL (it is requestOf, over the values), so
// that a posted form means what the same link would.
func requestOfValues(v url.Values) (search.Request, error) {
	c := &gin.Context{Request: &http.Request{URL: &url.URL{RawQuery: v.Encode()}}}
	r, err := requestOf(c)
	r.Page, r.Size, r.Sort = 0, 0, ""
	return r, err
}

func (h *handlers) apiCreateSnapshot(c *gin.Context) {
	r, err := snapshotRequestOf(c)
	if err != nil {
		fail(c, err)
		return
	}
	s, err := h.rs.CreateSnapshot(c.Request.Context(), r, search.SnapshotOptions{})
	if err != nil {
		fail(c, snapshotError(err))
		return
	}
	c.Header("Location", "/api/snapshots/"+url.PathEscape(s.ID))
	c.JSON(http.StatusCreated, s)
}

// snapshotError makes a full store the caller's concern: nothing is
// wrong with the server, it keeps no more.
func snapshotError(err error) error {
	if errors.Is(err, search.ErrSnapshotsFull) {
		return fmt.Errorf("%w: %v", search.ErrBadRequest, err)
	}
	return err
}

func (h *handlers) apiSnapshot(c *gin.Context) {
	js, _, err := h.rs.SnapshotJSON(c.Param("id"))
	if err != nil {
		fail(c, err)
		return
	}
	c.Data(http.StatusOK, "application/json; charset=utf-8", js)
}

func (h *handlers) apiCite(c *gin.Context) {
	a, err := h.s.Article(c.Request.Context(), c.Param("id"))
	if err != nil {
		fail(c, err)
		return
	}
	cite := search.Citation{A: a, Link: baseURL(c) + "/articles/" + url.PathEscape(a.ID)}
	format := c.DefaultQuery("format", search.FormatGBT7714)
	text, err := cite.Format(format)
	if err != nil {
		fail(c, err)
		return
	}
	c.Data(http.StatusOK, "text/plain; charset=utf-8", []byte(text))
}

// writeCSV answers with CSV rows as a download.
func writeCSV(c *gin.Context, name string, rows [][]string) {
	c.Header("Content-Type", "text/csv; charset=utf-8")
	c.Header("Content-Disposition", `attachment; filename="`+name+`"`)
	c.Status(http.StatusOK)
	w := csv.NewWriter(c.Writer)
	if err := w.WriteAll(rows); err != nil {
		_ = c.Error(err)
	}
}

// baseURL is the address the client reached the server at.
func baseURL(c *gin.Context) string {
	scheme := "http"
	if c.Request.TLS != nil || c.GetHeader("X-Forwarded-Proto") == "https" {
		scheme = "https"
	}
	return scheme + "://" + c.Request.Host
}

// curlOf is the curl command of an API call with the page's parameters
// (those only the page uses left out).
func curlOf(c *gin.Context, path string, drop ...string) string {
	q := c.Request.URL.Query()
	for _, d := range drop {
		q.Del(d)
	}
	u := baseURL(c) + path
	if enc := q.Encode(); enc != "" {
		u += "?" + enc
	}
	return "curl '" + strings.ReplaceAll(u, "'", `'\''`) + "'"
}

// lineURL links a concordance line to its place in the article.
func lineURL(l search.KWICLine, q string) string {
	u := "/articles/" + url.PathEscape(l.ID)
	if q != "" {
		u += "?q=" + url.QueryEscape(q)
	}
	if l.Para > 0 {
		u += "#p" + strconv.Itoa(l.Para)
	}
	return u
}

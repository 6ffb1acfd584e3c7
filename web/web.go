// Package web serves Baoku over HTTP with gin: the JSON API, the
// server-rendered search and article pages, and their embedded assets. It is
// the only package that imports gin, and it talks to the index only through
// the Searcher interface.
package web

import (
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log"
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"baoku/indexer/article"
	"baoku/indexer/field"
	"baoku/search"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// Searcher is what the server needs from the search engine.
type Searcher interface {
	Search(ctx context.Context, r search.Request) (*search.Result, error)
	Article(ctx context.Context, id string) (*article.Article, error)
	Count() (uint64, error)
}

// Browser is what the article and browse pages need beyond a Searcher;
// *search.Engine is both. Given a Searcher that is not a Browser, the
// server shows articles without marks, neighbours or related articles, and
// no browse pages.
type Browser interface {
	// Related returns up to n articles like the one with the given ID.
	Related(ctx context.Context, id string, n int) ([]search.Hit, error)
	// Marker returns a function that marks the matches of a query in text.
	Marker(q string) (func(string) string, error)
	// Papers, Months, Days and Edition browse the archive by date.
	Papers(ctx context.Context) ([]search.FacetValue, error)
	Months(ctx context.Context, paper string) ([]search.FacetValue, error)
	Days(ctx context.Context, month, paper string) ([]search.FacetValue, error)
	Edition(ctx context.Context, date, paper, page string) (*search.Edition, error)
}

// Options configures the router.
type Options struct {
	// Logger, when true, logs each request to gin's default writer.
	Logger bool
	// Limits bound request time, concurrent searches and upload size.
	Limits Limits
	// Admin enables the admin endpoints (off when its Token is empty).
	Admin Admin
	// Research limits each client's use of the research views.
	Research RateLimit
	// PageImages is the folder of page images (an index folder's pages/),
	// served at /pages/ and shown with the articles read from PDFs; none
	// when "".
	PageImages string
}

// NewRouter returns the HTTP handler: templates are parsed here, so a
// broken template is an error at start, not at the first request.
func NewRouter(s Searcher, opt Options) (*gin.Engine, error) {
	gin.SetMode(gin.ReleaseMode)
	r := gin.New()
	r.Use(recovery)
	m := newMetrics(s)
	r.Use(m.observe)
	lim := opt.Limits.withDefaults()
	r.Use(guard(lim))
	getHead(r, metricsPath, m.handler())
	if opt.Logger {
		r.Use(gin.Logger())
	}
	tmpl, err := template.New("").Funcs(funcs).Funcs(researchFuncs).ParseFS(templateFS, "templates/*.html")
	if err != nil {
		return nil, fmt.Errorf("web: parse templates: %w", err)
	}
	r.SetHTMLTemplate(tmpl)
	static, err := fs.Sub(staticFS, "static")
	if err != nil {
		return nil, fmt.Errorf("web: static files: %w", err)
	}
	r.StaticFS("/static", http.FS(static))

	registerAdmin(r, s, opt.Admin, lim)
	h := &handlers{s: s, pages: opt.PageImages}
	h.b, _ = s.(Browser)
	getHead(r, "/healthz", h.health)
	getHead(r, "/api/search", h.apiSearch)
	getHead(r, "/api/articles/:id", h.apiArticle)
	getHead(r, "/", h.page)
	getHead(r, "/search", h.page)
	getHead(r, "/articles/:id", h.articlePage)
	getHead(r, "/browse", h.browse)
	getHead(r, "/browse/:date", h.browseDate)
	getHead(r, "/help", h.help)
	getHead(r, pageImagePrefix+":name", h.pageImage)
	if rs, ok := s.(Researcher); ok {
		registerResearch(r, h, rs, opt.Research)
	}
	r.NoRoute(h.notFound)
	return r, nil
}

// getHead routes GET and HEAD of a path to the handler: HEAD answers as GET
// would, without the body (net/http drops it).
func getHead(r *gin.Engine, path string, h ...gin.HandlerFunc) {
	r.GET(path, h...)
	r.HEAD(path, h...)
}

type handlers struct {
	s     Searcher
	b     Browser    // nil when s does not browse
	rs    Researcher // nil when s has no research views
	pages string     // folder of page images; "" for none
}

// statusClientGone is the status of a request whose client went away
// before the answer was ready (nginx's 499): nothing is wrong with the
// server, so it is neither a 500 nor logged as one.
const statusClientGone = 499

// status maps an error to its HTTP status.
func status(err error) int {
	switch {
	case errors.Is(err, context.Canceled):
		return statusClientGone
	case search.IsBadRequest(err):
		return http.StatusBadRequest
	case errors.Is(err, search.ErrNotFound):
		return http.StatusNotFound
	case errors.Is(err, search.ErrAmbiguous):
		return http.StatusConflict
	case errors.Is(err, context.DeadlineExceeded):
		return http.StatusServiceUnavailable
	}
	return http.StatusInternalServerError
}

// publicMessage is the error text a client sees: the message for its own
// mistakes, a plain phrase for ours (no paths or internals).
func publicMessage(err error) string {
	switch s := status(err); s {
	case http.StatusInternalServerError, http.StatusServiceUnavailable:
		return http.StatusText(s)
	case statusClientGone:
		return "client closed the request"
	}
	return err.Error()
}

func (h *handlers) health(c *gin.Context) {
	n, err := h.s.Count()
	if err != nil {
		c.JSON(http.StatusServiceUnavailable, gin.H{"status": "error"})
		return
	}
	c.JSON(http.StatusOK, gin.H{"status": "ok", "articles": n})
}

// singleParams are the search parameters that take one value; a request
// that gives one of them twice is refused rather than one value dropped.
var singleParams = []string{"q", "from", "to", "sort", "page", "size", "explain", "reprints"}

// searchRequestOf reads the request of a search (the API's and the
// page's): requestOf, and no parameter of singleParams given twice.
func searchRequestOf(c *gin.Context) (search.Request, error) {
	params := c.Request.URL.Query()
	for _, name := range singleParams {
		if vs := params[name]; len(vs) > 1 {
			return search.Request{}, search.BadRequest(fmt.Sprintf("参数 %s 只能给一次，这里给了 %d 次", name, len(vs)),
				fmt.Sprintf("parameter %s given %d times; it takes one value", name, len(vs)))
		}
	}
	return requestOf(c)
}

// requestOf reads a search request from URL parameters. A filter may be
// given several times (alternatives); page and size, when given, must be
// numbers from 1.
func requestOf(c *gin.Context) (search.Request, error) {
	r := search.Request{Query: c.Query("q"), From: c.Query("from"), To: c.Query("to"), Sort: c.Query("sort")}
	for _, f := range field.Facets() {
		if vs := c.QueryArray(f.ParamOf()); len(vs) > 0 {
			if r.Filters == nil {
				r.Filters = map[string][]string{}
			}
			r.Filters[f.Name] = vs
		}
	}
	for _, p := range []struct {
		name string
		dst  *int
	}{{"page", &r.Page}, {"size", &r.Size}} {
		v, ok := c.GetQuery(p.name)
		if !ok {
			continue
		}
		n, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || n < 1 {
			return r, search.BadRequest(fmt.Sprintf("参数 %s 应是从 1 起的整数，不是“%s”", p.name, v),
				fmt.Sprintf("parameter %s: %q is not a number from 1", p.name, v))
		}
		*p.dst = n
	}
	switch v := c.Query("reprints"); v {
	case "", "0", "false":
	case "1", "true":
		r.Reprints = true
	default:
		return r, search.BadRequest(fmt.Sprintf("参数 reprints 应是 1 或 0，不是“%s”", v),
			fmt.Sprintf("parameter reprints: %q is not 1, true, 0 or false", v))
	}
	switch v := c.Query("explain"); v {
	case "", "0", "false":
	case "1", "true":
		r.Explain = true
	default:
		return r, search.BadRequest(fmt.Sprintf("参数 explain 应是 1 或 0，不是“%s”", v),
			fmt.Sprintf("parameter explain: %q is not 1, true, 0 or false", v))
	}
	return r, nil
}

func (h *handlers) apiSearch(c *gin.Context) {
	r, err := searchRequestOf(c)
	if err == nil {
		var res *search.Result
		res, err = h.s.Search(c.Request.Context(), r)
		if err == nil {
			writeJSON(c, res)
			return
		}
	}
	apiError(c, err)
}

// writeJSON answers 200 with v as JSON, encoded before anything is sent:
// a value that cannot be encoded is a 500, logged, never a 200 with an
// empty body.
func writeJSON(c *gin.Context, v any) {
	js, err := json.Marshal(v)
	if err != nil {
		_ = c.Error(fmt.Errorf("web: encode answer: %w", err))
		log.Printf("%s %s: encode answer: %v", c.Request.Method, c.Request.URL.Path, err)
		c.JSON(http.StatusInternalServerError, gin.H{"error": http.StatusText(http.StatusInternalServerError)})
		return
	}
	c.Data(http.StatusOK, "application/json; charset=utf-8", js)
}

// apiError answers an API request with its error: the message, and for the
// caller's own mistakes the same in Chinese.
func apiError(c *gin.Context, err error) {
	code := status(err)
	body := gin.H{"error": publicMessage(err)}
	if code == http.StatusBadRequest {
		body["error_zh"] = search.Chinese(err)
	}
	c.JSON(code, body)
}

func (h *handlers) apiArticle(c *gin.Context) {
	a, err := h.s.Article(c.Request.Context(), c.Param("id"))
	if err != nil {
		apiError(c, err)
		return
	}
	writeJSON(c, a)
}

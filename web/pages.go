package web

import (
	"html"
	"html/template"
	"net/http"
	"strings"
	"unicode"

	"github.com/gin-gonic/gin"

	"baoku/indexer/article"
	"baoku/search"
)

// relatedShown is the number of related articles on an article page.
const relatedShown = 5

// pageData is what the search page template shows.
type pageData struct {
	Title  string
	Query  string
	Req    search.Request
	Result *search.Result
	Error  string
	Count  uint64
	Facets []facetView
	Active []activeFilter
	Hidden []hiddenField
	Sorts  []sortLink
	Pages  []pageLink
	// PastEnd is set for a page after the last page of hits, Last then
	// links to the last.
	PastEnd  bool
	LastPage int
	Last     string
	HasPrev  bool
	HasNext  bool
	Prev     string
	Next     string
}

func (h *handlers) page(c *gin.Context) {
	d := pageData{Title: "报库", Query: c.Query("q")}
	if d.Query != "" {
		d.Title = d.Query + " - 报库"
	}
	d.Count, _ = h.s.Count()
	r, err := searchRequestOf(c)
	d.Req = r
	if err == nil && (c.Request.URL.Path == "/search" || r.Query != "") {
		d.Result, err = h.s.Search(c.Request.Context(), r)
		if d.Result != nil {
			d.Req.Page, d.Req.Size, d.Req.Sort = d.Result.Page, d.Result.Size, d.Result.Sort
			d.Facets = facetViews(c, d.Result)
			d.Sorts = sortLinks(c, d.Result.Sort)
			d.paging(c)
		}
	}
	d.Active = activeFilters(c)
	d.Hidden = hiddenFields(c)
	code := http.StatusOK
	if err != nil {
		code = status(err)
		d.Error = pageMessage(err)
		if code == http.StatusInternalServerError {
			_ = c.Error(err)
		}
	}
	c.HTML(code, "search.html", d)
}

// pageMessage is the error text a page shows, in Chinese: what is wrong
// with the request for the reader's own mistakes, a plain phrase for ours.
func pageMessage(err error) string {
	switch status(err) {
	case http.StatusBadRequest:
		return search.Chinese(err)
	case http.StatusNotFound:
		return "没有找到。"
	case http.StatusConflict:
		return "这个编号对应不止一篇文章：" + err.Error()
	case http.StatusServiceUnavailable:
		return "检索超时或服务器繁忙，请稍后再试。"
	case statusClientGone:
		return "请求已取消。"
	}
	return "服务器出错了，请稍后再试。"
}

// articleData is what the article page shows.
type articleData struct {
	Title      string
	Query      string
	A          *article.Article
	Kicker     template.HTML
	Headline   template.HTML
	Subtitle   template.HTML
	Paragraphs []template.HTML
	// Back is the search the reader came from, when there is one.
	Back     string
	SamePage []search.Hit
	Related  []search.Hit
	// Edition and PageURL link to the day's issue and to this page of it.
	Edition string
	PageURL string
	// Cites are the article's citation in each format.
	Cites []citeView
	// Page shows the article's region on its page image, when it has one.
	Page *pageView
}

func (h *handlers) articlePage(c *gin.Context) {
	ctx := c.Request.Context()
	a, err := h.s.Article(ctx, c.Param("id"))
	if err != nil {
		h.errorPage(c, err)
		return
	}
	q := c.Query("q")
	mark := html.EscapeString
	if q != "" && h.b != nil {
		// A query that does not parse still shows the article, unmarked.
		if m, err := h.b.Marker(q); err == nil {
			mark = m
		}
	}
	d := articleData{
		Title: a.Headline + " - 报库", Query: q, A: a,
		Kicker:   template.HTML(mark(a.Kicker)),
		Headline: template.HTML(mark(a.Headline)),
		Subtitle: template.HTML(mark(a.Subtitle)),
		Edition:  editionURL(a.Date, a.Paper, ""),
		Page:     articlePageView(a),
	}
	if a.Page != "" {
		d.PageURL = editionURL(a.Date, a.Paper, a.Page)
	}
	d.Cites = citationsOf(c, a)
	if q != "" {
		d.Back = "/search?q=" + urlQueryEscape(q)
	}
	for _, p := range strings.Split(a.Body, "\n") {
		// The page indents paragraphs itself: an indent in the text
		// (人民日报's two full-width spaces) would make it two.
		if p = strings.TrimFunc(p, unicode.IsSpace); p != "" {
			d.Paragraphs = append(d.Paragraphs, template.HTML(mark(p)))
		}
	}
	if h.b != nil {
		h.extras(c, &d)
	}
	c.HTML(http.StatusOK, "article.html", d)
}

// extras adds an article's same-page neighbours and related articles.
// They are extras: the page shows without them if they fail, and the error
// is recorded for the logs.
func (h *handlers) extras(c *gin.Context, d *articleData) {
	ctx, a := c.Request.Context(), d.A
	if ed, err := h.b.Edition(ctx, a.Date, a.Paper, a.Page); err == nil {
		for _, p := range ed.Papers {
			for _, pg := range p.Pages {
				for _, hit := range pg.Articles {
					if hit.ID != a.ID {
						d.SamePage = append(d.SamePage, hit)
					}
				}
			}
		}
	} else {
		_ = c.Error(err)
	}
	if rel, err := h.b.Related(ctx, a.ID, relatedShown); err == nil {
		d.Related = rel
	} else {
		_ = c.Error(err)
	}
}

func (h *handlers) help(c *gin.Context) {
	c.HTML(http.StatusOK, "help.html", gin.H{"Title": "检索语法 - 报库"})
}

func (h *handlers) notFound(c *gin.Context) {
	if strings.HasPrefix(c.Request.URL.Path, "/api/") {
		c.JSON(http.StatusNotFound, gin.H{"error": "not found"})
		return
	}
	c.HTML(http.StatusNotFound, "error.html", gin.H{"Title": "页面不存在 - 报库", "Error": "页面不存在。"})
}

// errorPage shows an error as a page with its status.
func (h *handlers) errorPage(c *gin.Context, err error) {
	code := status(err)
	msg := pageMessage(err)
	switch code {
	case http.StatusNotFound:
		msg = "没有这篇文章。"
	case http.StatusInternalServerError:
		_ = c.Error(err)
	}
	c.HTML(code, "error.html", gin.H{"Title": "出错了 - 报库", "Error": msg})
}

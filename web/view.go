package web

import (
	"html/template"
	"net/url"
	"strconv"

	"github.com/gin-gonic/gin"

	"baoku/search"
)

var funcs = template.FuncMap{
	// safe marks HTML built by the search package, which escapes the
	// article text and adds only <mark> tags.
	"safe": func(s string) template.HTML { return template.HTML(s) },
}

// facetNames are the facets shown, in order, with their Chinese labels and
// the URL parameter that filters on them.
var facetNames = []struct{ name, label, param string }{
	{"paper", "报纸", "paper"},
	{"year", "年份", "year"},
	{"month", "月份", "month"},
	{"section", "版面", "section"},
	{"page", "版次", "pageno"},
	{"reporter", "记者", "reporter"},
	{"source", "来源", "source"},
}

type facetView struct {
	Label  string
	Active string // the value filtered on, if any
	Clear  string // URL without this filter
	Values []facetValueView
}

type facetValueView struct {
	Key   string
	Count int
	URL   string
}

// with returns the current URL with one parameter set (or removed, when
// value is empty) and paging reset.
func with(c *gin.Context, param, value string) string {
	q := url.Values{}
	for k, v := range c.Request.URL.Query() {
		q[k] = v
	}
	if value == "" {
		q.Del(param)
	} else {
		q.Set(param, value)
	}
	if param != "page" {
		q.Del("page")
	}
	return "/search?" + q.Encode()
}

func facetViews(c *gin.Context, r *search.Result) []facetView {
	var out []facetView
	for _, f := range facetNames {
		vals := r.Facets[f.name]
		active := c.Query(f.param)
		if len(vals) == 0 && active == "" {
			continue
		}
		fv := facetView{Label: f.label, Active: active, Clear: with(c, f.param, "")}
		for _, v := range vals {
			fv.Values = append(fv.Values, facetValueView{Key: v.Key, Count: v.Count, URL: with(c, f.param, v.Key)})
		}
		out = append(out, fv)
	}
	return out
}

type pageLink struct {
	N       int
	URL     string
	Current bool
}

func (d *pageData) paging(c *gin.Context) {
	r := d.Result
	last := int((r.Total + uint64(r.Size) - 1) / uint64(r.Size))
	last = min(last, search.MaxOffset/r.Size)
	if r.Page > 1 {
		d.HasPrev, d.Prev = true, with(c, "page", strconv.Itoa(r.Page-1))
	}
	if r.Page < last {
		d.HasNext, d.Next = true, with(c, "page", strconv.Itoa(r.Page+1))
	}
	for n := max(1, r.Page-4); n <= min(last, r.Page+4); n++ {
		d.Pages = append(d.Pages, pageLink{N: n, URL: with(c, "page", strconv.Itoa(n)), Current: n == r.Page})
	}
}

package web

import (
	"html/template"
	"net/url"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"baoku/indexer/field"
	"baoku/search"
)

var funcs = template.FuncMap{
	// safe marks HTML built by the search package, which escapes the
	// article text and adds only <mark> tags.
	"safe": func(s string) template.HTML { return template.HTML(s) },
	// edition links to a day's issue, or to one page of one paper of it.
	"edition": editionURL,
	// articleURL links to an article, carrying the query that found it.
	"articleURL": func(id, q string) string {
		u := "/articles/" + url.PathEscape(id)
		if q != "" {
			u += "?q=" + urlQueryEscape(q)
		}
		return u
	},
}

// urlQueryEscape escapes a query parameter value.
func urlQueryEscape(s string) string { return url.QueryEscape(s) }

// editionURL is the browse page of a day, narrowed to a paper and a page
// when they are given.
func editionURL(date, paper, page string) string {
	q := url.Values{}
	if paper != "" {
		q.Set("paper", paper)
	}
	if page != "" {
		q.Set("page", page)
	}
	u := "/browse/" + url.PathEscape(date)
	if len(q) > 0 {
		u += "?" + q.Encode()
	}
	return u
}

// filterParams are the URL parameters that narrow a search, with their
// labels, in the order active filters are listed: the facets of package
// field's table, then the dates.
var filterParams = func() []struct{ param, label string } {
	var out []struct{ param, label string }
	for _, f := range field.Facets() {
		out = append(out, struct{ param, label string }{f.ParamOf(), f.Label})
	}
	return append(out, struct{ param, label string }{"from", "起始日期"}, struct{ param, label string }{"to", "截止日期"})
}()

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

// activeFilter is a filter in force, with the URL that removes it.
type activeFilter struct {
	Label, Value, Clear string
}

// hiddenField carries a filter through the search form.
type hiddenField struct {
	Name, Value string
}

// sortLink switches the order of the results.
type sortLink struct {
	Label   string
	URL     string
	Current bool
}

// with returns the current search URL with one parameter set (or removed,
// when value is empty) and paging reset. Removing the year removes the
// month too, since the month drills down from it.
func with(c *gin.Context, param, value string) string {
	q := url.Values{}
	for k, v := range c.Request.URL.Query() {
		q[k] = v
	}
	if value == "" {
		q.Del(param)
		if param == "year" {
			q.Del("month")
		}
	} else {
		q.Set(param, value)
		if param == "month" && len(value) >= 4 {
			q.Set("year", value[:4])
		}
	}
	if param != "page" {
		q.Del("page")
	}
	return "/search?" + q.Encode()
}

// facetViews are the facets shown, in the order of package field's table.
// Month is a drill-down: it shows once a year is chosen, and removing the
// year removes it too.
func facetViews(c *gin.Context, r *search.Result) []facetView {
	var out []facetView
	for _, f := range field.Facets() {
		param := f.ParamOf()
		vals := r.Facets[f.Name]
		active := strings.Join(c.QueryArray(param), "、")
		if f.Name == field.Month && c.Query(field.Year) == "" && active == "" {
			continue // drill down from a year
		}
		if len(vals) == 0 && active == "" {
			continue
		}
		fv := facetView{Label: f.Label, Active: active, Clear: with(c, param, "")}
		if active == "" {
			for _, v := range vals {
				fv.Values = append(fv.Values, facetValueView{Key: v.Key, Count: v.Count, URL: with(c, param, v.Key)})
			}
		}
		out = append(out, fv)
	}
	return out
}

// activeFilters lists the filters in the URL, every value of each, each
// with a link that removes it.
func activeFilters(c *gin.Context) []activeFilter {
	var out []activeFilter
	for _, f := range filterParams {
		for _, v := range c.QueryArray(f.param) {
			if v != "" {
				out = append(out, activeFilter{Label: f.label, Value: v, Clear: without(c, f.param, v)})
			}
		}
	}
	return out
}

// without returns the current search URL without one value of a
// parameter, paging reset; the others stay.
func without(c *gin.Context, param, value string) string {
	q := url.Values{}
	for k, v := range c.Request.URL.Query() {
		q[k] = v
	}
	var keep []string
	for _, v := range q[param] {
		if v != value {
			keep = append(keep, v)
		}
	}
	if len(keep) == 0 {
		return with(c, param, "")
	}
	q[param] = keep
	q.Del("page")
	return "/search?" + q.Encode()
}

// hiddenFields are the filters and order the search form keeps when the
// query or the dates change, every value of each; the dates are inputs of
// their own.
func hiddenFields(c *gin.Context) []hiddenField {
	var out []hiddenField
	for _, f := range filterParams {
		if f.param == "from" || f.param == "to" {
			continue
		}
		for _, v := range c.QueryArray(f.param) {
			if v != "" {
				out = append(out, hiddenField{Name: f.param, Value: v})
			}
		}
	}
	if v := c.Query("sort"); v != "" {
		out = append(out, hiddenField{Name: "sort", Value: v})
	}
	return out
}

func sortLinks(c *gin.Context, current string) []sortLink {
	var out []sortLink
	for _, s := range []struct{ value, label string }{
		{search.SortRelevance, "相关度"}, {search.SortNewest, "最新"}, {search.SortOldest, "最早"},
	} {
		out = append(out, sortLink{Label: s.label, URL: with(c, "sort", s.value), Current: s.value == current})
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
	cur := r.Page
	if r.Page > last && last > 0 {
		// Past the end: say so, and page from the last page.
		d.PastEnd, d.LastPage, d.Last = true, last, with(c, "page", strconv.Itoa(last))
		cur = last + 1
	}
	if r.Page > 1 {
		d.HasPrev, d.Prev = true, with(c, "page", strconv.Itoa(min(r.Page-1, max(last, 1))))
	}
	if r.Page < last {
		d.HasNext, d.Next = true, with(c, "page", strconv.Itoa(r.Page+1))
	}
	if last <= 1 && r.Page <= 1 {
		return
	}
	for n := max(1, cur-4); n <= min(last, cur+4); n++ {
		d.Pages = append(d.Pages, pageLink{N: n, URL: with(c, "page", strconv.Itoa(n)), Current: n == r.Page})
	}
}

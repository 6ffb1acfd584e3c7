package web

import (
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"

	"baoku/indexer/field"
	"baoku/search"
)

// The research pages. Each keeps its whole state in its URL (a GET form),
// shows the curl command of its API call, and works without script; a
// small script adds copy buttons.

// researchData is what every research page shows.
type researchData struct {
	Title string
	// Query is the top search box's text.
	Query string
	Tool  string
	Error string
	// Curl is the API call of the page; API its address.
	Curl string
	API  string
	Form researchForm
	// Tools link to the other views of the same query and filters.
	Tools []toolLink
}

// researchForm is the state of a research page's form.
type researchForm struct {
	Q                        []string
	From, To, Paper, Section string
	// Hidden carries the parameters the form has no input for.
	Hidden []hiddenField
}

type toolLink struct {
	Label, URL string
	Current    bool
}

// tools are the research views, in the order the pages list them.
var tools = []struct{ name, label string }{
	{"trend", "趋势"}, {"kwic", "语境（KWIC）"}, {"collocates", "搭配词"}, {"coverage", "馆藏范围"},
}

// newResearchData fills what every research page shows from the request.
func newResearchData(c *gin.Context, tool, title string, api string, drop ...string) researchData {
	q := c.Request.URL.Query()
	d := researchData{Title: title + " - 报库", Tool: tool, Query: c.Query("q"), API: api, Curl: curlOf(c, api, drop...)}
	d.Form = researchForm{Q: q["q"], From: c.Query("from"), To: c.Query("to"), Paper: c.Query("paper"), Section: c.Query("section")}
	own := map[string]bool{"q": true, "from": true, "to": true, "paper": true, "section": true, "page": true}
	for _, f := range toolParams[tool] {
		own[f] = true
	}
	for k, vs := range q {
		if own[k] {
			continue
		}
		for _, v := range vs {
			d.Form.Hidden = append(d.Form.Hidden, hiddenField{Name: k, Value: v})
		}
	}
	// The other tools get the query and the filters, not this tool's own
	// parameters.
	shared := url.Values{}
	for k, vs := range q {
		if k == "q" || k == "from" || k == "to" || isFilterParam(k) {
			shared[k] = vs
		}
	}
	if len(shared["q"]) > 1 && tool == "trend" {
		shared["q"] = shared["q"][:1]
	}
	for _, t := range tools {
		u := "/" + t.name
		if enc := shared.Encode(); enc != "" {
			u += "?" + enc
		}
		d.Tools = append(d.Tools, toolLink{Label: t.label, URL: u, Current: t.name == tool})
	}
	return d
}

// toolParams are each tool's own parameters, which its form has inputs
// for (the rest of the URL is carried in hidden fields).
var toolParams = map[string][]string{
	"trend":      {"by", "scale", "vs"},
	"kwic":       {"width", "sort", "size"},
	"collocates": {"window", "by", "min", "size", "compare_from", "compare_to", "all"},
	"coverage":   {},
}

// isFilterParam reports whether a URL parameter is a search filter.
func isFilterParam(p string) bool {
	for _, f := range field.Facets() {
		if f.ParamOf() == p {
			return true
		}
	}
	return false
}

// pageError records an error for the page: the status and the message the
// reader sees.
func (d *researchData) fail(c *gin.Context, err error) int {
	if status(err) == http.StatusInternalServerError {
		_ = c.Error(err)
	}
	d.Error = publicMessage(err)
	return status(err)
}

// trendData is what the trend page shows.
type trendData struct {
	researchData
	Result  *search.TrendResult
	Chart   template.HTML
	Per10k  bool
	RawURL  string
	RateURL string
	CSV     string
	By      string
	Rows    []trendRow
	Series  []seriesView
}

type trendRow struct {
	Key    string
	Sparse bool
	Total  int
	Cells  []trendCell
}

type trendCell struct {
	Count, Words, Front, Headline int
	Per10k                        float64
	URL                           string
	Differs                       bool
}

type seriesView struct {
	Query                 string
	Count, Words          int
	Differs               bool
	FrontShare, HeadShare float64
	Snapshot              []hiddenField
}

func (h *handlers) trendPage(c *gin.Context) {
	d := trendData{researchData: newResearchData(c, "trend", "趋势", "/api/trend", "scale"), Per10k: c.Query("scale") == "per10k", By: c.DefaultQuery("by", search.ByYear)}
	d.RawURL, d.RateURL = withParam(c, "scale", ""), withParam(c, "scale", "per10k")
	d.CSV = "/api/trend?" + withQuery(c, "scale", "").Encode() + "&format=csv"
	code := http.StatusOK
	r, err := trendRequestOf(c)
	if err == nil && len(r.Queries) > 0 {
		d.Result, err = h.rs.Trend(c.Request.Context(), r)
	}
	if err != nil {
		code = d.fail(c, err)
	}
	if d.Result != nil {
		link := func(q, key string) string { return bucketURL(c, q, key, d.Result.By) }
		d.Chart = trendChart(d.Result, d.Per10k, link)
		d.Rows, d.Series = trendTable(d.Result, link, r.Request)
	}
	c.HTML(code, "trend.html", d)
}

// trendTable lays a trend out as a table, a row a bucket and a cell a
// series, with each series' totals.
func trendTable(res *search.TrendResult, link func(q, key string) string, r search.Request) ([]trendRow, []seriesView) {
	rows := make([]trendRow, len(res.Buckets))
	for i, b := range res.Buckets {
		rows[i] = trendRow{Key: b.Key, Sparse: b.Sparse, Total: b.Total}
	}
	var series []seriesView
	for _, s := range res.Series {
		sv := seriesView{Query: s.Query, Count: s.Count, Words: s.Words, Differs: s.Differs}
		front, head := 0, 0
		for i, b := range s.Buckets {
			front += b.Front
			head += b.Headline
			rows[i].Cells = append(rows[i].Cells, trendCell{Count: b.Count, Words: b.Words, Front: b.Front, Headline: b.Headline,
				Per10k: b.Per10k, URL: link(s.Query, b.Key), Differs: b.Words >= 0 && b.Words != b.Count})
		}
		if s.Count > 0 {
			sv.FrontShare, sv.HeadShare = float64(front)/float64(s.Count)*100, float64(head)/float64(s.Count)*100
		}
		sv.Snapshot = snapshotFields(s.Query, r)
		series = append(series, sv)
	}
	return rows, series
}

// snapshotFields are the hidden fields of the form that freezes a
// search's result set.
func snapshotFields(q string, r search.Request) []hiddenField {
	out := []hiddenField{{"q", q}}
	if r.From != "" {
		out = append(out, hiddenField{"from", r.From})
	}
	if r.To != "" {
		out = append(out, hiddenField{"to", r.To})
	}
	for _, f := range field.Facets() {
		for _, v := range r.Filters[f.Name] {
			out = append(out, hiddenField{f.ParamOf(), v})
		}
	}
	return out
}

// bucketURL is the search for a query's articles of one trend bucket,
// under the page's filters.
func bucketURL(c *gin.Context, q, key, by string) string {
	v := url.Values{}
	for k, vs := range c.Request.URL.Query() {
		if k == "from" || k == "to" || isFilterParam(k) {
			v[k] = vs
		}
	}
	v.Set("q", q)
	switch by {
	case search.ByYear:
		v.Set("year", key)
	case search.ByMonth:
		v.Set("year", key[:4])
		v.Set("month", key)
	default:
		v.Set("from", key)
		v.Set("to", key)
	}
	return "/search?" + v.Encode()
}

// withQuery is the page's parameters with one set (or removed when
// value is empty).
func withQuery(c *gin.Context, param, value string) url.Values {
	q := c.Request.URL.Query()
	if value == "" {
		q.Del(param)
	} else {
		q.Set(param, value)
	}
	return q
}

// withParam is the page's URL with one parameter set or removed.
func withParam(c *gin.Context, param, value string) string {
	return c.Request.URL.Path + "?" + withQuery(c, param, value).Encode()
}

// kwicData is what the concordance page shows.
type kwicData struct {
	researchData
	Result *search.KWICResult
	Lines  []kwicLineView
	Sorts  []sortLink
	Width  int
	CSV    string
	Prev   string
	Next   string
	First  int
}

type kwicLineView struct {
	search.KWICLine
	URL string
}

func (h *handlers) kwicPage(c *gin.Context) {
	d := kwicData{researchData: newResearchData(c, "kwic", "语境（KWIC）", "/api/kwic")}
	d.CSV = "/api/kwic?" + withQuery(c, "page", "").Encode() + "&format=csv"
	code := http.StatusOK
	r, err := kwicRequestOf(c)
	if err == nil && r.Query != "" {
		d.Result, err = h.rs.Concordance(c.Request.Context(), r)
	}
	if err != nil {
		code = d.fail(c, err)
	}
	if res := d.Result; res != nil {
		d.Width = res.Width
		d.First = (res.Page-1)*res.Size + 1
		for _, l := range res.Lines {
			d.Lines = append(d.Lines, kwicLineView{KWICLine: l, URL: lineURL(l, r.Query)})
		}
		for _, s := range []struct{ value, label string }{{search.SortDate, "按日期"}, {search.SortLeft, "按左侧"}, {search.SortRight, "按右侧"}} {
			d.Sorts = append(d.Sorts, sortLink{Label: s.label, URL: withParam(c, "sort", s.value), Current: res.Sort == s.value})
		}
		if res.Page > 1 {
			d.Prev = withParam(c, "page", strconv.Itoa(res.Page-1))
		}
		if res.Page*res.Size < res.Total {
			d.Next = withParam(c, "page", strconv.Itoa(res.Page+1))
		}
	}
	c.HTML(code, "kwic.html", d)
}

// collocData is what the collocates page shows.
type collocData struct {
	researchData
	Result   *search.CollocResult
	Measures []sortLink
	Window   string
	Min      string
	CompFrom string
	CompTo   string
	Pairs    []collocPair
}

// collocPair sets a word of the first period beside its place in the
// second, when there is one.
type collocPair struct {
	search.Collocate
	Rank, OtherRank int
	KWIC            string
}

func (h *handlers) collocatesPage(c *gin.Context) {
	d := collocData{researchData: newResearchData(c, "collocates", "搭配词", "/api/collocates"),
		Window: c.Query("window"), Min: c.Query("min"), CompFrom: c.Query("compare_from"), CompTo: c.Query("compare_to")}
	code := http.StatusOK
	r, err := collocRequestOf(c)
	if err == nil && r.Query != "" {
		d.Result, err = h.rs.Collocates(c.Request.Context(), r)
	}
	if err != nil {
		code = d.fail(c, err)
	}
	if res := d.Result; res != nil {
		for _, m := range []struct{ value, label string }{{search.MeasureLogDice, "logDice"}, {search.MeasureMI, "MI"}, {search.MeasureLL, "对数似然 (LL)"}} {
			d.Measures = append(d.Measures, sortLink{Label: m.label, URL: withParam(c, "by", m.value), Current: res.By == m.value})
		}
		other := map[string]int{}
		if res.Compare != nil {
			for i, col := range res.Compare.Collocates {
				other[col.Word] = i + 1
			}
		}
		for i, col := range res.Collocates {
			q := url.Values{"q": {r.Query + " " + col.Word}}
			d.Pairs = append(d.Pairs, collocPair{Collocate: col, Rank: i + 1, OtherRank: other[col.Word], KWIC: "/kwic?" + q.Encode()})
		}
	}
	c.HTML(code, "collocates.html", d)
}

// coverageData is what the coverage page shows.
type coverageData struct {
	researchData
	Result *search.Coverage
	Papers []paperGrid
}

// paperGrid is one paper's months as a grid: a row a year, a cell a month.
type paperGrid struct {
	search.PaperCoverage
	Years []yearRow
	Gaps  []search.Gap
}

type yearRow struct {
	Year   string
	Months []coverCell
}

type coverCell struct {
	Month          string
	Articles, Days int
	Level          int // 0 (none) to 4, for the shading
	URL            string
}

func (h *handlers) coveragePage(c *gin.Context) {
	d := coverageData{researchData: newResearchData(c, "coverage", "馆藏范围", "/api/coverage")}
	code := http.StatusOK
	r, err := requestOf(c)
	if err == nil {
		d.Result, err = h.rs.Coverage(c.Request.Context(), r)
	}
	if err != nil {
		code = d.fail(c, err)
	}
	if d.Result != nil {
		for _, p := range d.Result.Papers {
			d.Papers = append(d.Papers, gridOf(p))
		}
	}
	c.HTML(code, "coverage.html", d)
}

// gridOf lays a paper's months out by year, each shaded by its days with
// an issue against the month's days.
func gridOf(p search.PaperCoverage) paperGrid {
	g := paperGrid{PaperCoverage: p, Gaps: p.Gaps[:min(20, len(p.Gaps))]}
	for _, m := range p.Months {
		y := m.Month[:4]
		if n := len(g.Years); n == 0 || g.Years[n-1].Year != y {
			g.Years = append(g.Years, yearRow{Year: y})
			// A table starting in July has six empty cells first.
			for range monthNumber(m.Month) - 1 {
				g.Years[len(g.Years)-1].Months = append(g.Years[len(g.Years)-1].Months, coverCell{})
			}
		}
		row := &g.Years[len(g.Years)-1]
		t, _ := time.Parse("2006-01", m.Month)
		days := t.AddDate(0, 1, -1).Day()
		level := 0
		if m.Days > 0 {
			level = 1 + min(3, m.Days*4/(days+1))
		}
		u := ""
		if m.Articles > 0 {
			u = "/browse/" + m.Month + "?" + url.Values{"paper": {p.Paper}}.Encode()
		}
		row.Months = append(row.Months, coverCell{Month: m.Month, Articles: m.Articles, Days: m.Days, Level: level, URL: u})
	}
	return g
}

// monthNumber is the month of YYYY-MM, 1 to 12.
func monthNumber(m string) int {
	n, _ := strconv.Atoi(m[5:7])
	return n
}

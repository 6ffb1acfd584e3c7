// Package field is the table of an article's fields: each is named once,
// with what a user types to search it, what kind of value it holds, whether
// it is a facet, and how the pages label it. The index mapping, the query
// parser, the query compiler, the facet counter and the web views all read
// it, so adding a field is a row here. It imports nothing of Baoku's.
package field

import "strings"

// Kind is what a field holds, which decides how it is indexed and searched.
type Kind int

const (
	// Text is segmented text: a word view for ranking and a character
	// view for recall and phrases.
	Text Kind = iota
	// Keyword is exact values: filters and facets, never segmented.
	Keyword
	// Date is the publication date, YYYY-MM-DD, searched by ranges.
	Date
)

// Field is one field of an article in the index.
type Field struct {
	// Name is the index field, the canonical query field (what a parsed
	// query prints before the colon), the facet name in results and the
	// URL parameter of its filter unless Param says otherwise.
	Name string
	// Kind is what the field holds.
	Kind Kind
	// Prefixes are what a user may type before the colon to search the
	// field, Chinese first (simplified, then traditional where it
	// differs); English ones match in any case. None: the
	// field is searched only through another (see Searches).
	Prefixes []string
	// Searches lists the text fields a query on this field looks in,
	// when not the field alone: 标题 searches kicker, headline and
	// subtitle.
	Searches []string
	// Boost weighs a match in a text field against one in the body.
	Boost float64
	// Facet is set for the fields counted as facets of a search.
	Facet bool
	// Sorted fields keep doc values of their own, for browsing (counts
	// by year, month and paper) and ordering an edition by paper and page.
	Sorted bool
	// Label is the field's name on the pages, in Chinese.
	Label string
	// Param is the URL parameter of the field's filter, when it is not
	// Name (the page printed, 版次, is pageno: page is the page of hits).
	Param string
}

// The fields, by name.
const (
	Kicker   = "kicker"
	Headline = "headline"
	Subtitle = "subtitle"
	Body     = "body"
	Paper    = "paper"
	Section  = "section"
	Source   = "source"
	Reporter = "reporter"
	Page     = "page"
	PubDate  = "date"
	Year     = "year"
	Month    = "month"
)

// All is the table, in the order the pages show the fields and facets.
var All = []Field{
	{Name: Kicker, Kind: Text, Boost: 2, Label: "引题"},
	{Name: Headline, Kind: Text, Boost: 3, Label: "标题", Prefixes: []string{"标题", "標題", "headline", "title"},
		Searches: []string{Kicker, Headline, Subtitle}},
	{Name: Subtitle, Kind: Text, Boost: 2, Label: "副题"},
	{Name: Body, Kind: Text, Boost: 1, Label: "正文", Prefixes: []string{"正文", "body"}},
	{Name: Paper, Kind: Keyword, Facet: true, Sorted: true, Label: "报纸", Prefixes: []string{"报纸", "報紙", "paper"}},
	{Name: Year, Kind: Keyword, Facet: true, Sorted: true, Label: "年份"},
	{Name: Month, Kind: Keyword, Facet: true, Sorted: true, Label: "月份"},
	{Name: Section, Kind: Keyword, Facet: true, Label: "版面", Prefixes: []string{"版面", "section"}},
	{Name: Page, Kind: Keyword, Facet: true, Sorted: true, Label: "版次", Prefixes: []string{"版次", "page"}, Param: "pageno"},
	{Name: Reporter, Kind: Keyword, Facet: true, Label: "记者", Prefixes: []string{"记者", "作者", "記者", "reporter", "author"}},
	{Name: Source, Kind: Keyword, Facet: true, Label: "来源", Prefixes: []string{"来源", "來源", "source"}},
	{Name: PubDate, Kind: Date, Sorted: true, Label: "日期", Prefixes: []string{"日期", "date"}},
}

// byName indexes All.
var byName = func() map[string]*Field {
	m := make(map[string]*Field, len(All))
	for i := range All {
		m[All[i].Name] = &All[i]
	}
	return m
}()

// Get returns the field of a name.
func Get(name string) (Field, bool) {
	f, ok := byName[name]
	if !ok {
		return Field{}, false
	}
	return *f, true
}

// ByPrefix returns the field a user means by a prefix typed before the
// colon (记者, Reporter …).
func ByPrefix(prefix string) (Field, bool) {
	lower := strings.ToLower(prefix)
	for _, f := range All {
		for _, p := range f.Prefixes {
			if p == lower {
				return f, true
			}
		}
	}
	return Field{}, false
}

// Of returns the names of the fields of a kind, in table order.
func Of(k Kind) []string {
	var names []string
	for _, f := range All {
		if f.Kind == k {
			names = append(names, f.Name)
		}
	}
	return names
}

// Facets returns the facet fields, in table order.
func Facets() []Field {
	var fs []Field
	for _, f := range All {
		if f.Facet {
			fs = append(fs, f)
		}
	}
	return fs
}

// ParamOf returns the URL parameter of a field's filter.
func (f Field) ParamOf() string {
	if f.Param != "" {
		return f.Param
	}
	return f.Name
}

// Searched returns the text fields a query on f looks in.
func (f Field) Searched() []string {
	if len(f.Searches) > 0 {
		return f.Searches
	}
	return []string{f.Name}
}

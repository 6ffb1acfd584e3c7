package search

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	bq "github.com/blevesearch/bleve/v2/search/query"

	"baoku/indexer/field"
	"baoku/search/query"
)

// normalize checks a request and fills in defaults: zero Page and Size are
// the first page and DefaultSize.
func (r *Request) normalize() error {
	if r.Size == 0 {
		r.Size = DefaultSize
	}
	if r.Size < 1 || r.Size > MaxSize {
		return badRequest(fmt.Sprintf("每页条数（size）应为 1 到 %d，不是 %d", MaxSize, r.Size),
			"size must be 1 to %d, not %d", MaxSize, r.Size)
	}
	if r.Page == 0 {
		r.Page = 1
	}
	if r.Page < 1 {
		return badRequest(fmt.Sprintf("页码（page）应从 1 起，不是 %d", r.Page), "page must be 1 or more, not %d", r.Page)
	}
	if r.Page*r.Size > MaxOffset {
		return badRequest(fmt.Sprintf("只能翻到前 %d 条结果，第 %d 页已超出，请缩小检索范围", MaxOffset, r.Page),
			"page %d of size %d goes past the first %d hits; narrow the search", r.Page, r.Size, MaxOffset)
	}
	switch r.Sort {
	case "":
		r.Sort = SortRelevance
	case SortRelevance, SortNewest, SortOldest:
	default:
		return badRequest(fmt.Sprintf("排序（sort）应为 relevance、newest 或 oldest，不是“%s”", r.Sort),
			"sort must be relevance, newest or oldest, not %q", r.Sort)
	}
	if n := utf8.RuneCountInString(r.Query); n > query.MaxRunes {
		return &query.Error{Msg: fmt.Sprintf("query is %d characters long, the limit is %d", n, query.MaxRunes), Pos: -1,
			Zh: fmt.Sprintf("检索式有 %d 个字，最多 %d 个", n, query.MaxRunes)}
	}
	return nil
}

// Filter values, checked before they are looked up: a value that no
// article can have is the caller's mistake, said, not a silent 0.
var (
	yearValue  = regexp.MustCompile(`^\d{4}$`)
	monthValue = regexp.MustCompile(`^(\d{4})-(\d{1,2})$`)
)

// maxFilterRunes bounds a filter value.
const maxFilterRunes = 100

// filterValue checks the value of a filter on a keyword field and returns
// it as it is looked up: a month as YYYY-MM.
func filterValue(name, v string) (string, error) {
	f, _ := field.Get(name)
	param := f.ParamOf()
	switch {
	case utf8.RuneCountInString(v) > maxFilterRunes:
		return "", badRequest(fmt.Sprintf("筛选条件 %s 太长（最多 %d 个字）", param, maxFilterRunes),
			"parameter %s: value longer than %d characters", param, maxFilterRunes)
	case name == field.Year:
		if !yearValue.MatchString(v) || v == "0000" {
			return "", badRequest(fmt.Sprintf("年份（year）应是四位数字，如 2023，不是“%s”", v),
				"parameter year: %q is not a year (YYYY, e.g. 2023)", v)
		}
	case name == field.Month:
		m := monthValue.FindStringSubmatch(v)
		n := 0
		if m != nil {
			n, _ = strconv.Atoi(m[2])
		}
		if n < 1 || n > 12 || m[1] == "0000" {
			return "", badRequest(fmt.Sprintf("月份（month）应写作 年-月，如 2023-07，不是“%s”", v),
				"parameter month: %q is not a month (YYYY-MM, e.g. 2023-07)", v)
		}
		return fmt.Sprintf("%s-%02d", m[1], n), nil
	case name == field.Page:
		if err := checkPage(v); err != nil {
			return "", err
		}
	}
	return v, nil
}

// checkPage checks a page (版次) as a filter or a query gives it: it must
// hold a number (4, A05, 4/5).
func checkPage(v string) error {
	if !strings.ContainsFunc(v, unicode.IsDigit) || utf8.RuneCountInString(v) > 20 {
		return badRequest(fmt.Sprintf("版次应是页码，如 4、A05 或 4/5，不是“%s”", v),
			"page %q is not a page number (such as 4, A05 or 4/5)", v)
	}
	return nil
}

// filters returns the filter queries of the request's parameters.
func (r *Request) filters() ([]bq.Query, error) {
	for name := range r.Filters {
		if !isKeyword(name) {
			return nil, badRequest(fmt.Sprintf("不能按“%s”筛选", name), "no filter on %q", name)
		}
	}
	var fs []bq.Query
	if r.From != "" || r.To != "" {
		q, err := dateRange(r.From, r.To)
		if err != nil {
			return nil, err
		}
		fs = append(fs, q)
	}
	for _, f := range field.Of(field.Keyword) {
		var alts []bq.Query
		for _, v := range r.Filters[f] {
			if v = strings.TrimSpace(v); v == "" {
				continue
			}
			v, err := filterValue(f, v)
			if err != nil {
				return nil, err
			}
			alts = append(alts, exact(f, v))
		}
		switch len(alts) {
		case 0:
		case 1:
			fs = append(fs, alts[0])
		default:
			fs = append(fs, bq.NewDisjunctionQuery(alts))
		}
	}
	return fs, nil
}

package search

import (
	"context"
	"fmt"
	"maps"
	"strings"
	"testing"

	"baoku/indexer/article"
	"baoku/indexer/field"
	"baoku/segment"
)

// facetValues returns an article's values of a facet, as indexed.
func facetValues(a *article.Article, facet string) []string {
	switch facet {
	case "paper":
		return []string{a.Paper}
	case "section":
		return []string{a.Section}
	case "reporter":
		return a.Reporters
	case "source":
		return []string{a.Source}
	case "year":
		return []string{a.Date[:4]}
	case "month":
		return []string{a.Date[:7]}
	case "page":
		return []string{a.Page}
	}
	panic("unknown facet " + facet)
}

// setFilter sets the request filter that clicking a facet value sets.
func setFilter(r *Request, facet, value string) {
	r.Filters = maps.Clone(r.Filters) // not the map of the request copied
	if r.Filters == nil {
		r.Filters = map[string][]string{}
	}
	r.Filters[facet] = []string{value}
}

// TestFacetCountsBruteForce checks every facet count against a count over
// the fixture articles themselves, and checks that filtering on a facet
// value (what clicking it does) finds exactly that many articles.
func TestFacetCountsBruteForce(t *testing.T) {
	e, arts := testJSONLEngine(t)
	// Each query comes with a brute-force matcher: quoted phrases match
	// when the normalised text of a text field contains them.
	contains := func(phrase string) func(*article.Article) bool {
		p := segment.Normalize(phrase)
		return func(a *article.Article) bool {
			for _, s := range []string{a.Kicker, a.Headline, a.Subtitle, a.Body} {
				if strings.Contains(segment.Normalize(s), p) {
					return true
				}
			}
			return false
		}
	}
	for _, tc := range []struct {
		q     string
		match func(*article.Article) bool
		year  string
	}{
		{"", func(*article.Article) bool { return true }, ""},
		{`"黄河"`, contains("黄河"), ""},
		{`"产业"`, contains("产业"), ""},
		{`"居民"`, contains("居民"), ""},
		{`"发展"`, contains("发展"), ""},
		{`"吕梁" OR "上海"`, func(a *article.Article) bool { return contains("吕梁")(a) || contains("上海")(a) }, ""},
		{`"项目" -"铝镁"`, func(a *article.Article) bool { return contains("项目")(a) && !contains("铝镁")(a) }, ""},
		{"", func(*article.Article) bool { return true }, "2023"},
		{`"古"`, contains("古"), "2022"},
	} {
		t.Run(tc.q+"/"+tc.year, func(t *testing.T) {
			base := Request{Query: tc.q, Size: MaxSize}
			if tc.year != "" {
				setFilter(&base, field.Year, tc.year)
			}
			res, err := e.Search(context.Background(), base)
			if err != nil {
				t.Fatal(err)
			}
			want := map[string]map[string]int{}
			total := 0
			for _, a := range arts {
				if !tc.match(a) || (tc.year != "" && a.Date[:4] != tc.year) {
					continue
				}
				total++
				for _, f := range field.Facets() {
					name := f.Name
					for _, v := range facetValues(a, name) {
						if v == "" {
							continue
						}
						if want[name] == nil {
							want[name] = map[string]int{}
						}
						want[name][v]++
					}
				}
			}
			if int(res.Total) != total {
				t.Fatalf("total = %d, brute force %d", res.Total, total)
			}
			if total == 0 {
				t.Fatal("the case matches nothing: it tests nothing")
			}
			for _, f := range field.Facets() {
				name := f.Name
				got := map[string]int{}
				for _, v := range res.Facets[name] {
					got[v.Key] = v.Count
				}
				if fmt.Sprint(got) != fmt.Sprint(want[name]) && !(len(got) == 0 && len(want[name]) == 0) {
					t.Errorf("facet %s:\n got %v\nwant %v", name, got, want[name])
				}
				for _, v := range res.Facets[name] {
					r := base
					setFilter(&r, name, v.Key)
					r.NoFacets = true
					clicked, err := e.Search(context.Background(), r)
					if err != nil {
						t.Fatal(err)
					}
					if int(clicked.Total) != v.Count {
						t.Errorf("facet %s=%s says %d, filtering finds %d", name, v.Key, v.Count, clicked.Total)
					}
				}
			}
		})
	}
}

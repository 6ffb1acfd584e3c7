package search

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"baoku/indexer/article"
	"baoku/indexer/field"
)

// bucketOf is the trend bucket of a date by a granularity.
func bucketOf(date, by string) string {
	switch by {
	case ByMonth:
		return date[:7]
	case ByDay:
		return date
	}
	return date[:4]
}

// inFilters reports whether an article passes a request's filters, by
// brute force.
func inFilters(a *article.Article, r Request) bool {
	if r.From != "" && a.Date < r.From || r.To != "" && a.Date > r.To {
		return false
	}
	for name, vals := range r.Filters {
		ok := false
		for _, v := range vals {
			ok = ok || facetOK(a, name, v)
		}
		if !ok {
			return false
		}
	}
	return true
}

func facetOK(a *article.Article, name, v string) bool {
	switch name {
	case field.Paper:
		return a.Paper == v
	case field.Section:
		return a.Section == v
	case field.Year:
		return a.Date[:4] == v
	}
	panic("no brute force for filter " + name)
}

// TestTrendBruteForce counts quoted phrases by year and month, with and
// without filters, and checks every bucket against a scan of the articles
// and against Search's total for the same bucket.
func TestTrendBruteForce(t *testing.T) {
	e, arts := researchEngine(t)
	ctx := context.Background()
	filters := []Request{
		{},
		{Filters: map[string][]string{field.Paper: {"吕梁日报"}}},
		{From: "2020-03-15", To: "2022-06-30", Filters: map[string][]string{field.Section: {"要闻", "综合"}}},
	}
	phrases := []string{"乡村振兴", "安局", "台湾", "黄河", "古"}
	for _, by := range []string{ByYear, ByMonth} {
		for fi, f := range filters {
			t.Run(fmt.Sprintf("%s/filters%d", by, fi), func(t *testing.T) {
				var qs []string
				for _, p := range phrases {
					qs = append(qs, `"`+p+`"`)
				}
				res, err := e.Trend(ctx, TrendRequest{Request: f, Queries: qs, By: by})
				if err != nil {
					t.Fatal(err)
				}
				checkBuckets(t, e, res, f, by, arts, phrases)
			})
		}
	}
}

// checkBuckets compares each series of a trend with brute-force counts.
func checkBuckets(t *testing.T, e *Engine, res *TrendResult, f Request, by string, arts []*article.Article, phrases []string) {
	t.Helper()
	total := map[string]int{}
	for _, a := range arts {
		if inFilters(a, f) {
			total[bucketOf(a.Date, by)]++
		}
	}
	for si, s := range res.Series {
		want := map[string][3]int{} // count, front, headline
		for _, a := range arts {
			if !inFilters(a, f) || !containsText(a, phrases[si]) {
				continue
			}
			c := want[bucketOf(a.Date, by)]
			c[0]++
			if IsFrontPage(a.Page) {
				c[1]++
			}
			if containsText(a, phrases[si], field.Kicker, field.Headline, field.Subtitle) {
				c[2]++
			}
			want[bucketOf(a.Date, by)] = c
		}
		sum := 0
		for bi, b := range s.Buckets {
			if bi > 0 && b.Key <= s.Buckets[bi-1].Key {
				t.Errorf("%s: bucket %s after %s", s.Query, b.Key, s.Buckets[bi-1].Key)
			}
			w := want[b.Key]
			if got := [3]int{b.Count, b.Front, b.Headline}; got != w {
				t.Errorf("%s %s: count, front, headline = %v, brute force %v", s.Query, b.Key, got, w)
			}
			if b.Total != total[b.Key] {
				t.Errorf("%s %s: total %d, brute force %d", s.Query, b.Key, b.Total, total[b.Key])
			}
			if b.Total > 0 && b.Per10k != float64(b.Count)/float64(b.Total)*10000 {
				t.Errorf("%s %s: per10k %v of %d/%d", s.Query, b.Key, b.Per10k, b.Count, b.Total)
			}
			if b.Sparse != (b.Total < res.SparseBelow) {
				t.Errorf("%s %s: sparse %v with total %d, sparse below %d", s.Query, b.Key, b.Sparse, b.Total, res.SparseBelow)
			}
			if b.Words != b.Count {
				t.Errorf("%s %s: a quoted phrase's word count %d differs from its count %d", s.Query, b.Key, b.Words, b.Count)
			}
			sum += b.Count
			if si == 0 && bi%3 == 0 {
				checkSearchTotal(t, e, s.Query, f, by, b)
			}
		}
		all := 0
		for _, c := range want {
			all += c[0]
		}
		if sum != all || s.Count != all {
			t.Errorf("%s: buckets sum to %d, series says %d, brute force %d (a hit outside the buckets?)", s.Query, sum, s.Count, all)
		}
	}
}

// checkSearchTotal checks a bucket's count against Search for the same
// bucket and filters.
func checkSearchTotal(t *testing.T, e *Engine, q string, f Request, by string, b TrendBucket) {
	t.Helper()
	r := f
	r.Query, r.NoFacets = q, true
	r.Filters = map[string][]string{}
	for k, v := range f.Filters {
		r.Filters[k] = v
	}
	switch by {
	case ByYear:
		r.Filters[field.Year] = []string{b.Key}
	case ByMonth:
		r.Filters[field.Month] = []string{b.Key}
	}
	res, err := e.Search(context.Background(), r)
	if err != nil {
		t.Fatal(err)
	}
	if int(res.Total) != b.Count {
		t.Errorf("%s %s: trend counts %d, search finds %d", q, b.Key, b.Count, res.Total)
	}
}

// TestTrendBuckets checks that every bucket of the range is present,
// empty ones too, and the range given by from and to.
func TestTrendBuckets(t *testing.T) {
	e, _ := researchEngine(t)
	ctx := context.Background()
	res, err := e.Trend(ctx, TrendRequest{Queries: []string{`"黄河"`}, By: ByMonth})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Buckets) != 5*12 || res.Buckets[0].Key != "2019-01" || res.Buckets[59].Key != "2023-12" {
		t.Fatalf("months %d, from %s to %s; want 60 from 2019-01 to 2023-12", len(res.Buckets), res.Buckets[0].Key, res.Buckets[len(res.Buckets)-1].Key)
	}
	for _, b := range res.Buckets {
		if b.Key == "2021-02" && (b.Total != 0 || !b.Sparse || b.Per10k != 0) {
			t.Errorf("the month without issues: %+v, want empty and sparse", b)
		}
	}
	res, err = e.Trend(ctx, TrendRequest{Request: Request{From: "2018-11-20", To: "2019-01-03"}, Queries: []string{`"黄河"`}, By: ByDay})
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, b := range res.Buckets {
		keys = append(keys, b.Key)
	}
	if len(keys) != 45 || keys[0] != "2018-11-20" || keys[44] != "2019-01-03" {
		t.Errorf("days from 2018-11-20 to 2019-01-03: %d, %v … %v", len(keys), keys[:2], keys[len(keys)-1])
	}
	if res.From != "2018-11-20" || res.To != "2019-01-03" {
		t.Errorf("range %s..%s", res.From, res.To)
	}
}

// TestTrendWordView checks that the word view's count is given beside the
// character view's and differs where a substring is not a word: the test
// dictionary cuts 公安局 as one word, so 安局 is no word of it.
func TestTrendWordView(t *testing.T) {
	e, arts := researchEngine(t)
	res, err := e.Trend(context.Background(), TrendRequest{Queries: []string{"安局", "公安局"}})
	if err != nil {
		t.Fatal(err)
	}
	want := 0
	for _, a := range arts {
		if containsText(a, "安局") {
			want++
		}
	}
	sub, whole := res.Series[0], res.Series[1]
	if sub.Count != want || !sub.Differs || sub.Words != 0 {
		t.Errorf("安局: count %d (brute force %d), words %d, differs %v; want the word view to find none", sub.Count, want, sub.Words, sub.Differs)
	}
	if whole.Count != want || whole.Differs || whole.Words != whole.Count {
		t.Errorf("公安局: count %d, words %d, differs %v; want both views to agree", whole.Count, whole.Words, whole.Differs)
	}
}

// TestTrendErrors checks that bad requests say which parameter is wrong.
func TestTrendErrors(t *testing.T) {
	e, _ := researchEngine(t)
	for _, tc := range []struct {
		r    TrendRequest
		want string
	}{
		{TrendRequest{}, "q: give a query"},
		{TrendRequest{Queries: []string{"黄河"}, By: "week"}, "by must be year, month or day"},
		{TrendRequest{Queries: []string{`"黄河`}}, "unclosed quote"},
		{TrendRequest{Queries: []string{"黄河"}, Request: Request{From: "2023-13-01"}}, "2023-13-01"},
		{TrendRequest{Queries: strings.Fields("a b c d e f g h i")}, "at most 8 queries"},
		{TrendRequest{Queries: []string{"黄河"}, By: ByDay, Request: Request{From: "1900-01-01", To: "2023-01-01"}}, "more than 10000 buckets"},
	} {
		_, err := e.Trend(context.Background(), tc.r)
		if err == nil || !strings.Contains(err.Error(), tc.want) || !IsBadRequest(err) {
			t.Errorf("%+v: error %v, want a bad request saying %q", tc.r, err, tc.want)
		}
	}
}

// TestTrendUnquoted checks unquoted queries (words, OR, NOT, fields)
// against Search's totals bucket by bucket.
func TestTrendUnquoted(t *testing.T) {
	e, _ := researchEngine(t)
	f := Request{Filters: map[string][]string{field.Paper: {"人民日报", "新民晚报"}}}
	qs := []string{"古镇 黄河", "台湾 OR 乡村振兴", "黄河 -古镇", "标题:新材料", "记者:王涛 安全"}
	res, err := e.Trend(context.Background(), TrendRequest{Request: f, Queries: qs})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range res.Series {
		got = append(got, s.Query)
		for _, b := range s.Buckets {
			checkSearchTotal(t, e, s.Query, f, ByYear, b)
		}
	}
	if diff := cmp.Diff(qs, got); diff != "" {
		t.Errorf("series (-want +got):\n%s", diff)
	}
}

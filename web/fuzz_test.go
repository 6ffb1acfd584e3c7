package web

import (
	"encoding/json"
	"math"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"baoku/search"
)

// FuzzSearch sends any query, with any other parameters, through the
// whole path from the URL to the answer, the API and the page, and checks
// that every answer is a real one: never a 5xx, never an empty body; from
// the API valid JSON, a 200 with finite scores or an error that says why.
func FuzzSearch(f *testing.F) {
	for _, s := range [][2]string{
		{"吕梁", ""}, {`"7.8%"`, ""}, {"日期:2023-07-01..2023-07-31", "sort=newest"}, {"日期:2023..", "explain=1"},
		{"吕梁 ，", ""}, {"報紙:人民日報", ""}, {"版次:4", "pageno=5"}, {`“碛口古镇"`, ""}, {"铝镁 or 镁合金", ""},
		{"日期:2012年7月至9月", ""}, {"foo:bar http://paper.xinmin.cn", ""}, {"古镇", "page=9"}, {"", "year=abc"},
		{"", "month=13"}, {"a", "page=0&size=0"}, {"(a OR", ""}, {"-a", ""}, {"😀", ""}, {"古镇", "paper=a&paper=b"},
		{`"甲，乙，丙"`, ""}, {"日期:0001-01-01", ""}, {"日期:1000..9999", "sort=oldest"},
	} {
		f.Add(s[0], s[1])
	}
	h := secRouter(f, testEngine(f), Options{})
	f.Fuzz(func(t *testing.T, q, extra string) {
		params, err := url.ParseQuery(extra)
		if err != nil {
			params = url.Values{}
		}
		params.Set("q", q)
		target := "/api/search?" + params.Encode()
		rec := serve(t, h, "GET", target, nil)
		body := rec.Body.Bytes()
		if rec.Code >= 500 || len(body) == 0 || !json.Valid(body) {
			t.Fatalf("%s: status %d, body %q", target, rec.Code, body)
		}
		if rec.Code == http.StatusOK {
			var res search.Result
			if err := json.Unmarshal(body, &res); err != nil {
				t.Fatalf("%s: %v", target, err)
			}
			for _, hit := range res.Hits {
				if math.IsNaN(hit.Score) || math.IsInf(hit.Score, 0) {
					t.Fatalf("%s: hit %s scores %v", target, hit.ID, hit.Score)
				}
			}
		} else {
			var e struct {
				Error string `json:"error"`
			}
			if json.Unmarshal(body, &e) != nil || e.Error == "" {
				t.Fatalf("%s: status %d without an error: %q", target, rec.Code, body)
			}
		}
		page := serve(t, h, "GET", "/search?"+params.Encode(), nil)
		if page.Code >= 500 || !strings.Contains(page.Body.String(), "</html>") {
			t.Fatalf("/search?%s: status %d, body %q", params.Encode(), page.Code, firstBytes(page.Body.String(), 200))
		}
	})
}

func firstBytes(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

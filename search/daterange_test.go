package search

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"baoku/indexer"
	"baoku/indexer/article"
	"baoku/segment"
)

func TestDateRangeBruteForce(t *testing.T) {
	// An article every 3 days over six years, leap years and month
	// ends included.
	var arts []*article.Article
	day := time.Date(2019, 12, 20, 0, 0, 0, 0, time.UTC)
	for i := 0; day.Year() < 2026; i++ {
		arts = append(arts, &article.Article{
			ID: fmt.Sprintf("r%03d", i), Paper: "吕梁日报", Date: day.Format(indexer.DateLayout),
			Headline: "新闻", Body: fmt.Sprintf("黄河水。%d", i),
		})
		day = day.AddDate(0, 0, 3)
	}
	e := engineOf(t, segment.DictTest, arts)
	ctx := context.Background()
	count := func(from, to string) int {
		n := 0
		for _, a := range arts {
			if (from == "" || a.Date >= from) && (to == "" || a.Date <= to) {
				n++
			}
		}
		return n
	}
	rng := rand.New(rand.NewPCG(6, 6))
	pick := func() string {
		switch rng.IntN(6) {
		case 0:
			return ""
		case 1: // a first of a month
			return time.Date(2019+rng.IntN(8), time.Month(1+rng.IntN(12)), 1, 0, 0, 0, 0, time.UTC).Format(indexer.DateLayout)
		case 2: // a last of a month
			return time.Date(2019+rng.IntN(8), time.Month(2+rng.IntN(12)), 0, 0, 0, 0, 0, time.UTC).Format(indexer.DateLayout)
		default:
			return time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, rng.IntN(8*366)).Format(indexer.DateLayout)
		}
	}
	cases := [][2]string{{"2020-01-01", "2020-12-31"}, {"2020-02-29", "2020-02-29"}, {"", "2021-03-31"}, {"2024-02-01", ""}, {"2023-12-31", "2024-01-01"}, {"2020-01-01", "2021-12-28"}, {"2022-01-01", "2022-12-30"}, {"2021-03-01", "2021-03-30"}}
	for range 150 {
		from, to := pick(), pick()
		if from != "" && to != "" && to < from {
			from, to = to, from
		}
		cases = append(cases, [2]string{from, to})
	}
	for _, c := range cases {
		res, err := e.Search(ctx, Request{From: c[0], To: c[1], NoFacets: true})
		if err != nil {
			t.Fatalf("%s..%s: %v", c[0], c[1], err)
		}
		if want := count(c[0], c[1]); int(res.Total) != want {
			t.Fatalf("%s..%s: %d articles, brute force %d", c[0], c[1], res.Total, want)
		}
		if c[0] == "" && c[1] == "" {
			continue
		}
		// The same range in the query language.
		res, err = e.Search(ctx, Request{Query: fmt.Sprintf("黄河 日期:%s..%s", c[0], c[1]), NoFacets: true})
		if err != nil {
			t.Fatalf("%s..%s in the query: %v", c[0], c[1], err)
		}
		if want := count(c[0], c[1]); int(res.Total) != want {
			t.Fatalf("%s..%s in the query: %d articles, brute force %d", c[0], c[1], res.Total, want)
		}
	}
	// A date adds nothing to the score.
	plain, err := e.Search(ctx, Request{Query: "黄河", Size: 1})
	if err != nil {
		t.Fatal(err)
	}
	dated, err := e.Search(ctx, Request{Query: "黄河 日期:2019-01-01..2030-12-31", Size: 1})
	if err != nil {
		t.Fatal(err)
	}
	if plain.Hits[0].Score != dated.Hits[0].Score {
		t.Fatalf("score %v with a date, %v without", dated.Hits[0].Score, plain.Hits[0].Score)
	}
}

package search

import (
	"context"
	"fmt"
	"testing"
	"time"

	"baoku/indexer/field"
)

// TestCoverageBruteForce checks each paper's months, days and gaps
// against a scan of the articles.
func TestCoverageBruteForce(t *testing.T) {
	e, arts := researchEngine(t)
	for _, f := range []Request{{}, {Filters: map[string][]string{field.Paper: {"新民晚报"}}}, {From: "2021-01-01", To: "2021-06-30"}} {
		cov, err := e.Coverage(context.Background(), f)
		if err != nil {
			t.Fatal(err)
		}
		type pm struct{ paper, month string }
		articles, days := map[pm]int{}, map[pm]map[string]bool{}
		first, last := map[string]string{}, map[string]string{}
		seen := map[string]map[string]bool{}
		total := 0
		for _, a := range arts {
			if !inFilters(a, f) {
				continue
			}
			total++
			k := pm{a.Paper, a.Date[:7]}
			articles[k]++
			if days[k] == nil {
				days[k] = map[string]bool{}
			}
			days[k][a.Date] = true
			if first[a.Paper] == "" || a.Date < first[a.Paper] {
				first[a.Paper] = a.Date
			}
			if a.Date > last[a.Paper] {
				last[a.Paper] = a.Date
			}
			if seen[a.Paper] == nil {
				seen[a.Paper] = map[string]bool{}
			}
			seen[a.Paper][a.Date] = true
		}
		if cov.Total != total || len(cov.Papers) != len(first) {
			t.Errorf("%+v: total %d papers %d; brute force %d, %d", f, cov.Total, len(cov.Papers), total, len(first))
		}
		for _, p := range cov.Papers {
			if p.First != first[p.Paper] || p.Last != last[p.Paper] || p.Days != len(seen[p.Paper]) {
				t.Errorf("%s: %s..%s, %d days; brute force %s..%s, %d", p.Paper, p.First, p.Last, p.Days, first[p.Paper], last[p.Paper], len(seen[p.Paper]))
			}
			if len(p.Months) != len(cov.Months) {
				t.Fatalf("%s: %d months, the table has %d", p.Paper, len(p.Months), len(cov.Months))
			}
			for i, m := range p.Months {
				k := pm{p.Paper, m.Month}
				if m.Month != cov.Months[i] || m.Articles != articles[k] || m.Days != len(days[k]) {
					t.Errorf("%s %s: %d articles on %d days; brute force %d on %d", p.Paper, m.Month, m.Articles, m.Days, articles[k], len(days[k]))
				}
			}
			missing := 0
			t0, _ := time.Parse("2006-01-02", p.First)
			t1, _ := time.Parse("2006-01-02", p.Last)
			for d := t0; !d.After(t1); d = d.AddDate(0, 0, 1) {
				if !seen[p.Paper][d.Format("2006-01-02")] {
					missing++
				}
			}
			inGaps := 0
			for _, g := range p.Gaps {
				inGaps += g.Days
				a, _ := time.Parse("2006-01-02", g.From)
				b, _ := time.Parse("2006-01-02", g.To)
				if int(b.Sub(a).Hours()/24)+1 != g.Days || seen[p.Paper][g.From] || seen[p.Paper][g.To] {
					t.Errorf("%s: gap %+v", p.Paper, g)
				}
			}
			if p.Missing != missing || (len(p.Gaps) < MaxGaps && inGaps != missing) {
				t.Errorf("%s: %d days missing, %d in gaps; brute force %d", p.Paper, p.Missing, inGaps, missing)
			}
		}
	}
}

// TestCoverageMonthWithoutIssue checks that a month without any issue is
// a column of the table, with nothing in it.
func TestCoverageMonthWithoutIssue(t *testing.T) {
	e, _ := researchEngine(t)
	cov, err := e.Coverage(context.Background(), Request{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range cov.Papers {
		for _, m := range p.Months {
			if m.Month == "2021-02" && m.Articles != 0 {
				t.Errorf("%s has %d articles in 2021-02", p.Paper, m.Articles)
			}
		}
	}
	if got := fmt.Sprint(cov.Months[0], " ", cov.Months[len(cov.Months)-1]); got != "2019-01 2023-12" {
		t.Errorf("months from %s", got)
	}
}

package search

import (
	"context"
	"fmt"
	"sort"
	"time"

	"baoku/indexer"
	"baoku/indexer/field"
)

// Coverage is what the archive holds: for each paper, its articles by
// month and the days it has no issue, so that a chart is read against it.
type Coverage struct {
	Papers []PaperCoverage `json:"papers"`
	// Months are every month from the first article to the last, the
	// columns of the table.
	Months []string `json:"months"`
	Total  int      `json:"total"`
	TookMS float64  `json:"took_ms"`
}

// PaperCoverage is one paper's part of the archive.
type PaperCoverage struct {
	Paper    string `json:"paper"`
	First    string `json:"first"`
	Last     string `json:"last"`
	Articles int    `json:"articles"`
	// Days is the number of days with an issue; Missing the days from
	// First to Last without one.
	Days    int `json:"days"`
	Missing int `json:"missing"`
	// Months holds every month of Coverage.Months, in order.
	Months []MonthCoverage `json:"months"`
	// Gaps are the runs of days without an issue, longest first, at most
	// MaxGaps of them.
	Gaps []Gap `json:"gaps"`
}

// MonthCoverage is one paper's month.
type MonthCoverage struct {
	Month    string `json:"month"`
	Articles int    `json:"articles"`
	Days     int    `json:"days"`
}

// Gap is a run of days without an issue, both ends included.
type Gap struct {
	From string `json:"from"`
	To   string `json:"to"`
	Days int    `json:"days"`
}

// MaxGaps bounds the gaps listed for a paper.
const MaxGaps = 100

// Coverage counts the articles under a request's filters (its query is
// ignored: coverage is of the archive) by paper and month.
func (e *Engine) Coverage(ctx context.Context, r Request) (*Coverage, error) {
	start := time.Now()
	r.Query = ""
	p, err := e.prepare(r)
	if err != nil {
		return nil, err
	}
	byPaper := map[string]map[int64]int{} // paper → date → articles
	var paperOf []int                     // facet ordinal → paper index, -1
	var papers []string
	_, err = e.walk(ctx, p.denominator(), false, func(v *view, seg int, local, _ uint64) {
		if paperOf == nil {
			paperOf = make([]int, v.nvalues)
			for o, fv := range v.values {
				paperOf[o] = -1
				if fv.name == field.Paper {
					paperOf[o] = len(papers)
					papers = append(papers, fv.value)
				}
			}
		}
		st := v.segs[seg]
		name := ""
		for _, o := range st.ords[st.start[local]:st.start[local+1]] {
			if i := paperOf[o]; i >= 0 {
				name = papers[i]
				break
			}
		}
		days := byPaper[name]
		if days == nil {
			days = map[int64]int{}
			byPaper[name] = days
		}
		days[st.dates[local]]++
	})
	if err != nil {
		return nil, err
	}
	cov := &Coverage{Papers: []PaperCoverage{}, Months: []string{}}
	var first, last int64
	for _, days := range byPaper {
		for d, n := range days {
			cov.Total += n
			if first == 0 || d < first {
				first = d
			}
			last = max(last, d)
		}
	}
	months, err := bucketer{ByMonth, 100}.keys(first, last)
	if err != nil {
		return nil, err
	}
	for _, m := range months {
		cov.Months = append(cov.Months, fmt.Sprintf("%04d-%02d", m/100, m%100))
	}
	for name, days := range byPaper {
		pc, err := paperCoverage(name, days, months)
		if err != nil {
			return nil, err
		}
		cov.Papers = append(cov.Papers, pc)
	}
	sort.Slice(cov.Papers, func(i, j int) bool {
		if cov.Papers[i].Articles != cov.Papers[j].Articles {
			return cov.Papers[i].Articles > cov.Papers[j].Articles
		}
		return cov.Papers[i].Paper < cov.Papers[j].Paper
	})
	cov.TookMS = float64(time.Since(start).Microseconds()) / 1000
	return cov, nil
}

// paperCoverage sums one paper's days by month and finds its gaps.
func paperCoverage(name string, days map[int64]int, months []int64) (PaperCoverage, error) {
	pc := PaperCoverage{Paper: name, Months: make([]MonthCoverage, len(months)), Gaps: []Gap{}}
	at := map[int64]int{}
	for i, m := range months {
		at[m] = i
		pc.Months[i].Month = fmt.Sprintf("%04d-%02d", m/100, m%100)
	}
	var first, last int64
	for d, n := range days {
		pc.Articles += n
		pc.Days++
		mc := &pc.Months[at[d/100]]
		mc.Articles += n
		mc.Days++
		if first == 0 || d < first {
			first = d
		}
		last = max(last, d)
	}
	pc.First, pc.Last = dateOf(first), dateOf(last)
	t, err := time.Parse(indexer.DateLayout, pc.First)
	if err != nil {
		return pc, fmt.Errorf("search: coverage of %s: %w", name, err)
	}
	var gaps []Gap
	var run *Gap
	for ; ; t = t.AddDate(0, 0, 1) {
		d := int64(t.Year()*10000 + int(t.Month())*100 + t.Day())
		if d > last {
			break
		}
		if days[d] > 0 {
			run = nil
			continue
		}
		pc.Missing++
		day := t.Format(indexer.DateLayout)
		if run == nil {
			gaps = append(gaps, Gap{From: day})
			run = &gaps[len(gaps)-1]
		}
		run.To = day
		run.Days++
	}
	sort.SliceStable(gaps, func(i, j int) bool { return gaps[i].Days > gaps[j].Days })
	pc.Gaps = append(pc.Gaps, gaps[:min(len(gaps), MaxGaps)]...)
	return pc, nil
}

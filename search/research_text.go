package search

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"unicode/utf8"
)

// The research views as plain text, for the command line.

// WriteTrend writes a trend as a table: a row a bucket, for each series
// its count, per 10,000 and (where they differ) the word view's count.
func WriteTrend(w io.Writer, res *TrendResult) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	head := []string{res.By, "total"}
	for _, s := range res.Series {
		head = append(head, s.Query, "per10k")
		if s.Differs {
			head = append(head, "words")
		}
	}
	fmt.Fprintln(tw, strings.Join(head, "\t")+"\t")
	for i, b := range res.Buckets {
		row := []string{b.Key, fmt.Sprint(b.Total)}
		if b.Sparse {
			row[1] += " (sparse)"
		}
		for _, s := range res.Series {
			sb := s.Buckets[i]
			row = append(row, fmt.Sprint(sb.Count), fmt.Sprintf("%.1f", sb.Per10k))
			if s.Differs {
				row = append(row, fmt.Sprint(sb.Words))
			}
		}
		fmt.Fprintln(tw, strings.Join(row, "\t")+"\t")
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, s := range res.Series {
		fmt.Fprintf(w, "%s: %d articles", s.Query, s.Count)
		if s.Differs {
			fmt.Fprintf(w, " (as characters; %d as words)", s.Words)
		}
		fmt.Fprintln(w)
	}
	_, err := fmt.Fprintf(w, "%s..%s, buckets with fewer than %d articles are sparse (%.1f ms)\n", res.From, res.To, res.SparseBelow, res.TookMS)
	return err
}

// WriteKWIC writes a concordance page, the matches lined up.
func WriteKWIC(w io.Writer, res *KWICResult) error {
	fmt.Fprintf(w, "%d occurrences in %d articles", res.Total, res.Articles)
	if res.WordTotal >= 0 && res.WordTotal != res.Total {
		fmt.Fprintf(w, " (%d as words)", res.WordTotal)
	}
	fmt.Fprintf(w, ", page %d (%.1f ms)\n", res.Page, res.TookMS)
	for _, l := range res.Lines {
		pad := strings.Repeat("　", max(0, res.Width-utf8.RuneCountInString(l.Left)))
		fmt.Fprintf(w, "%s %s%s【%s】%s  %s %s\n", l.Date, pad, l.Left, l.Match, l.Right, l.Paper, l.ID)
	}
	return nil
}

// WriteCollocates writes collocates as a table, and the second period's
// when there is one.
func WriteCollocates(w io.Writer, res *CollocResult) error {
	periods := []*CollocPeriod{&res.CollocPeriod}
	if res.Compare != nil {
		periods = append(periods, res.Compare)
	}
	for _, p := range periods {
		fmt.Fprintf(w, "%s %s..%s: %d occurrences in %d articles, %d words", res.Query, p.From, p.To, p.Node, p.Articles, p.Words)
		if p.Sample != nil {
			fmt.Fprintf(w, " (sampled: %d of %d articles read)", p.Sample.Read, p.Sample.Of)
		}
		fmt.Fprintf(w, ", window %d, by %s\n", res.Window, res.By)
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(tw, "word\tcount\texpected\tlogdice\tmi\tll\tfreq\t")
		for _, c := range p.Collocates {
			fmt.Fprintf(tw, "%s\t%d\t%.1f\t%.2f\t%.2f\t%.1f\t%d\t\n", c.Word, c.Count, c.Expected, c.LogDice, c.MI, c.LL, c.Freq)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	return nil
}

// WriteCoverage writes each paper's range, days and longest gaps, then
// its articles by month.
func WriteCoverage(w io.Writer, cov *Coverage) error {
	for _, p := range cov.Papers {
		fmt.Fprintf(w, "%s: %s..%s, %d articles on %d days, %d days without an issue\n", p.Paper, p.First, p.Last, p.Articles, p.Days, p.Missing)
		for _, g := range p.Gaps[:min(5, len(p.Gaps))] {
			fmt.Fprintf(w, "  gap %s..%s (%d days)\n", g.From, g.To, g.Days)
		}
		var line []string
		for _, m := range p.Months {
			line = append(line, fmt.Sprintf("%s:%d", m.Month, m.Articles))
			if len(line) == 6 {
				fmt.Fprintln(w, "  "+strings.Join(line, " "))
				line = line[:0]
			}
		}
		if len(line) > 0 {
			fmt.Fprintln(w, "  "+strings.Join(line, " "))
		}
	}
	_, err := fmt.Fprintf(w, "%d articles\n", cov.Total)
	return err
}

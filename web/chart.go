package web

import (
	"fmt"
	"html"
	"html/template"
	"math"
	"strconv"
	"strings"

	"baoku/search"
)

// The trend chart is SVG drawn here, on the server: the page needs no
// script, and the chart is in the HTML a crawler, a screen reader (through
// the titles and the table below it) and a printout all get. It uses
// presentation attributes only, no style, as the CSP allows.

// seriesColors are the series' colours, told apart in print and by most
// colour-blind readers (Okabe and Ito's palette).
var seriesColors = []string{"#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000", "#f0e442"}

// chart geometry, in SVG units.
const (
	chartW, chartH             = 760.0, 320.0
	padL, padR, padT, padB     = 56.0, 64.0, 28.0, 40.0
	plotW, plotH               = chartW - padL - padR, chartH - padT - padB
	maxXLabels                 = 12
	pointR                     = 3.5
	denominatorOpacity         = "0.10"
	sparseFill, sparseOpacity  = "#c0392b", "0.10"
	gridColor, axisLabelColour = "#e2e2e2", "#6b6b6b"
)

// trendChart draws a trend: the denominator as faint bars behind (its own
// scale, on the right), each series as a line of points (counts or rates
// per 10,000 articles, on the left), each point a link to the bucket's
// articles; buckets where the archive holds few articles are shaded, and
// where it holds none the line breaks rather than falling to zero.
func trendChart(res *search.TrendResult, per10k bool, link func(query, key string) string) template.HTML {
	n := len(res.Buckets)
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="chart" viewBox="0 0 %g %g" role="img" aria-labelledby="chart-title" xmlns="http://www.w3.org/2000/svg">`, chartW, chartH)
	unit := "篇"
	if per10k {
		unit = "每万篇"
	}
	fmt.Fprintf(&b, `<title id="chart-title">%s（%s），按%s</title>`, esc(seriesNames(res)), unit, byLabel(res.By))
	if n == 0 {
		fmt.Fprintf(&b, `<text x="%g" y="%g" text-anchor="middle" fill="%s">这一范围内没有文章</text></svg>`, chartW/2, chartH/2, axisLabelColour)
		return template.HTML(b.String())
	}
	slot := plotW / float64(n)
	x := func(i int) float64 { return padL + slot*(float64(i)+0.5) }

	// The denominator, faint, with its scale on the right.
	maxTotal := 0
	for _, bk := range res.Buckets {
		maxTotal = max(maxTotal, bk.Total)
	}
	for i, bk := range res.Buckets {
		left := padL + slot*float64(i)
		if bk.Sparse {
			fmt.Fprintf(&b, `<rect class="sparse" x="%.1f" y="%g" width="%.1f" height="%g" fill="%s" fill-opacity="%s"><title>%s：馆藏只有 %d 篇，比率不可靠</title></rect>`,
				left, padT, slot, plotH, sparseFill, sparseOpacity, esc(bk.Key), bk.Total)
		}
		if bk.Total > 0 {
			h := float64(bk.Total) / float64(maxTotal) * plotH
			fmt.Fprintf(&b, `<rect class="total" x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="#000" fill-opacity="%s"><title>%s：馆藏 %d 篇</title></rect>`,
				left+slot*0.1, padT+plotH-h, slot*0.8, h, denominatorOpacity, esc(bk.Key), bk.Total)
		}
	}
	for _, t := range []int{0, maxTotal / 2, maxTotal} {
		y := padT + plotH - float64(t)/float64(max(1, maxTotal))*plotH
		fmt.Fprintf(&b, `<text x="%g" y="%.1f" font-size="11" fill="%s" dominant-baseline="middle">%d</text>`, chartW-padR+6, y, axisLabelColour, t)
	}
	fmt.Fprintf(&b, `<text x="%g" y="%g" font-size="11" fill="%s" text-anchor="end">馆藏文章数（灰）</text>`, chartW-4, padT-10, axisLabelColour)

	// The series' scale on the left.
	value := func(bk search.TrendBucket) float64 {
		if per10k {
			return bk.Per10k
		}
		return float64(bk.Count)
	}
	top := 0.0
	for _, s := range res.Series {
		for _, bk := range s.Buckets {
			top = math.Max(top, value(bk))
		}
	}
	ticks := niceTicks(top)
	top = ticks[len(ticks)-1]
	y := func(v float64) float64 { return padT + plotH - v/top*plotH }
	for _, t := range ticks {
		fmt.Fprintf(&b, `<line x1="%g" x2="%g" y1="%.1f" y2="%.1f" stroke="%s"/>`, padL, padL+plotW, y(t), y(t), gridColor)
		fmt.Fprintf(&b, `<text x="%g" y="%.1f" font-size="11" fill="%s" text-anchor="end" dominant-baseline="middle">%s</text>`, padL-6, y(t), axisLabelColour, tickLabel(t))
	}
	step := (n + maxXLabels - 1) / maxXLabels
	for i, bk := range res.Buckets {
		if i%step == 0 {
			fmt.Fprintf(&b, `<text x="%.1f" y="%g" font-size="11" fill="%s" text-anchor="middle">%s</text>`, x(i), padT+plotH+16, axisLabelColour, esc(bk.Key))
		}
	}

	for si, s := range res.Series {
		color := seriesColors[si%len(seriesColors)]
		// The line breaks where the archive has nothing: no rate there.
		var pts []string
		flush := func() {
			if len(pts) > 1 {
				fmt.Fprintf(&b, `<polyline fill="none" stroke="%s" stroke-width="2" points="%s"/>`, color, strings.Join(pts, " "))
			}
			pts = pts[:0]
		}
		for i, bk := range s.Buckets {
			if bk.Total == 0 {
				flush()
				continue
			}
			pts = append(pts, fmt.Sprintf("%.1f,%.1f", x(i), y(value(bk))))
		}
		flush()
		for i, bk := range s.Buckets {
			if bk.Total == 0 {
				continue
			}
			fill := color
			if bk.Sparse {
				fill = "#fff" // hollow: a rate over very few articles
			}
			fmt.Fprintf(&b, `<a href="%s"><circle class="point" cx="%.1f" cy="%.1f" r="%g" fill="%s" stroke="%s" stroke-width="1.5"><title>%s %s：%d 篇 / 馆藏 %d 篇，每万篇 %.1f</title></circle></a>`,
				esc(link(s.Query, bk.Key)), x(i), y(value(bk)), pointR, fill, color, esc(s.Query), esc(bk.Key), bk.Count, bk.Total, bk.Per10k)
		}
		// The legend.
		lx := padL + float64(si%4)*170
		ly := 10.0 + float64(si/4)*14
		fmt.Fprintf(&b, `<rect x="%g" y="%g" width="10" height="10" fill="%s"/><text x="%g" y="%g" font-size="12" dominant-baseline="middle">%s</text>`,
			lx, ly-5, color, lx+14, ly, esc(truncate(s.Query, 14)))
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// niceTicks are round values from 0 to at least top, four or five of them.
func niceTicks(top float64) []float64 {
	if top <= 0 {
		return []float64{0, 1}
	}
	raw := top / 4
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := mag
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*mag >= raw {
			step = m * mag
			break
		}
	}
	var ticks []float64
	for t := 0.0; ; t += step {
		ticks = append(ticks, t)
		if t >= top {
			return ticks
		}
	}
}

// tickLabel writes a tick value without a needless fraction.
func tickLabel(v float64) string {
	if v == math.Trunc(v) {
		return strconv.FormatFloat(v, 'f', 0, 64)
	}
	return strconv.FormatFloat(v, 'f', 1, 64)
}

func esc(s string) string { return html.EscapeString(s) }

func truncate(s string, n int) string {
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	return string(rs[:n]) + "…"
}

func seriesNames(res *search.TrendResult) string {
	var names []string
	for _, s := range res.Series {
		names = append(names, s.Query)
	}
	return strings.Join(names, "、")
}

// byLabel names a granularity in Chinese.
func byLabel(by string) string {
	switch by {
	case search.ByMonth:
		return "月"
	case search.ByDay:
		return "日"
	}
	return "年"
}

package pdf

import (
	"math"
	"sort"
	"strings"
)

// class is what a line's type says it is.
type class int

const (
	cBody  class = iota // body type
	cBold               // bold body type: a brief's title, an intertitle
	cSmall              // smaller than the body: captions, notes
	cMid                // between body and headline: kicker, subtitle, small headline
	cHead               // headline type
)

// stats are the measures of a page's type that the analysis is relative to.
type stats struct {
	body    float64 // the body type size: the size of most characters
	lineGap float64 // the usual gap between two lines of a column
}

// measure finds the body size and the gap between body lines.
func measure(lines []*line) stats {
	count := map[float64]int{}
	for _, l := range lines {
		count[math.Round(l.size*2)/2] += l.runes
	}
	var st stats
	best := -1
	for s, n := range count {
		if n > best || n == best && s < st.body {
			st.body, best = s, n
		}
	}
	// The gap between a body line and the next body line below it in the
	// same column: the median.
	var gaps []float64
	var body []*line
	for _, l := range lines {
		if math.Abs(l.size-st.body) <= 0.12*st.body {
			body = append(body, l)
		}
	}
	for i, l := range body {
		for _, m := range body[i+1:] {
			if m.y0 > l.y1+2*st.body {
				break
			}
			if m.y0 >= l.y1-0.3*st.body && m.x0 < l.x1 && l.x0 < m.x1 && math.Abs(m.x0-l.x0) < 3*st.body {
				gaps = append(gaps, m.y0-l.y1)
				break
			}
		}
	}
	if len(gaps) > 0 {
		sort.Float64s(gaps)
		st.lineGap = math.Max(0, gaps[len(gaps)/2])
	}
	return st
}

// classify gives each line its class from its size and weight.
func classify(lines []*line, st stats) {
	for _, l := range lines {
		r := l.size / st.body
		switch {
		case r >= 1.6:
			l.class = cHead
		case r >= 1.15:
			l.class = cMid
		case r < 0.88:
			l.class = cSmall
		case l.bold:
			l.class = cBold
		default:
			l.class = cBody
		}
	}
}

// isHeadClass reports whether lines of class c belong to headline groups.
func isHeadClass(c class) bool { return c == cHead || c == cMid }

// captionStarts are how photo captions begin.
var captionStarts = []string{"图为", "图：", "图:", "上图", "下图", "左图", "右图", "图①", "图②", "图③"}

// isCaptionText reports whether a block's text reads as a photo caption:
// it begins 图为…… or ends with a photo credit (王五摄).
func isCaptionText(s string) bool {
	s = strings.TrimSpace(s)
	for _, p := range captionStarts {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return endsWithCredit(s)
}

// endsWithCredit reports whether s ends with a photo credit: 王五摄,
// 王五 摄影, （新华社发）.
func endsWithCredit(s string) bool {
	s = strings.TrimRight(strings.TrimSpace(s), "）) ")
	return strings.HasSuffix(s, "摄") || strings.HasSuffix(s, "摄影") || strings.HasSuffix(s, "新华社发")
}

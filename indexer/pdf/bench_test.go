package pdf

import (
	"fmt"
	"testing"
)

// broadsheet is a full page of invented text: a header, then four
// articles of two columns of 70 lines each under their headlines.
func broadsheet() Page {
	var p page
	p.text(40, 20, 9, false, "晨光日报")
	p.text(300, 20, 9, false, "2024年5月1日 星期三")
	for a := range 4 {
		x := 40 + float64(a%2)*400
		y := 60 + float64(a/2)*560
		p.text(x, y, 24, true, fmt.Sprintf("第%d篇文章的标题在这里", a+1))
		p.text(x, y+34, 10, false, "本报记者 张伟 李娜")
		for c := range 2 {
			var lines []string
			for i := range 30 {
				l := "社区食堂昨天开业老年居民就近就餐"
				if i%8 == 0 {
					l = "  " + l
				}
				lines = append(lines, l)
			}
			p.column(x+float64(c)*180, y+52, 10, lines...)
		}
	}
	return Page{Width: 900, Height: 1200, Texts: p.texts}
}

// BenchmarkParse measures the layout analysis of one page (the reader's
// pdftohtml run aside); its allocations bound the memory a page needs.
func BenchmarkParse(b *testing.B) {
	pg := broadsheet()
	b.ReportAllocs()
	for b.Loop() {
		if got, _ := Parse(pg, Options{}); len(got.Articles) != 4 {
			b.Fatalf("%d articles, want 4", len(got.Articles))
		}
	}
}

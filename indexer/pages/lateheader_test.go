package pages

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestLateHeader checks that a page line read after a headline set at
// the top of the page, as pdftotext gives it, is taken as the running
// header (the page number read) and not glued to the headline, and that
// a line of text with a weekday in it is not taken for one.
func TestLateHeader(t *testing.T) {
	text := "2023年7月22日 星期六\n小镇图书馆开门迎客\n第3版 综合\n责任编辑：张三\n" +
		"本报讯（记者 赵一）小镇的第一座图书馆昨天开门迎客，书架上摆满了新书。\n" +
		"孩子们放学后就来这里读书写作业，家长们也说这里又安静又明亮。\n"
	pages, _ := parseString(t, "x.txt", text)
	if len(pages) != 1 || len(pages[0].Articles) != 1 {
		t.Fatalf("got %d pages, want one with one article", len(pages))
	}
	a := pages[0].Articles[0]
	if diff := cmp.Diff([]string{"小镇图书馆开门迎客", "", "3"}, []string{a.Headline, a.Subtitle, pages[0].Page}); diff != "" {
		t.Errorf("headline, subtitle, page (-want +got):\n%s", diff)
	}
	if isPageLine("本报记者 周四") || !isPageLine("第3版 综合") {
		t.Errorf("isPageLine wrong")
	}
}

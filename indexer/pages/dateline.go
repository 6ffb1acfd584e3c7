package pages

import "strings"

// joinWrappedDatelines puts back together a dateline that a narrow column
// broke before its last character:
//
//	新华社北京2月6日
//	电（记者 张三） 国家主席…
//
// Left apart, neither line reads as the start of an article, and the
// article runs into the one before with its reporters lost. The lines are
// joined when the first is no article start by itself and becomes one
// with the 电 the second opens with.
func joinWrappedDatelines(lines []pline) []pline {
	return joinNext(lines, func(a, b pline) (pline, bool) {
		if strings.HasPrefix(b.text, "电") && !isArticleStart(a.text) && isArticleStart(a.text+"电") {
			return newLine(a.n, a.text+b.text), true
		}
		return pline{}, false
	})
}

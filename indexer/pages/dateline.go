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
	var out []pline
	for i := 0; i < len(lines); i++ {
		if i+1 < len(lines) && strings.HasPrefix(lines[i+1].text, "电") &&
			!isArticleStart(lines[i].text) && isArticleStart(lines[i].text+"电") {
			if out == nil {
				out = append(out, lines[:i]...)
			}
			out = append(out, newLine(lines[i].n, lines[i].text+lines[i+1].text))
			i++
			continue
		}
		if out != nil {
			out = append(out, lines[i])
		}
	}
	if out == nil {
		return lines
	}
	return out
}

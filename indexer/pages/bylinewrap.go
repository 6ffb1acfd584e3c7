package pages

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxBylineTail is the most runes of a byline's wrapped tail on a line of
// its own (黄敏 冯晓雪）).
const maxBylineTail = 16

// joinWrappedBylines puts back together a byline in brackets at the end
// of an article that a narrow column broke over two lines:
//
//	何立峰等参加会见。（本报记者
//	黄敏 冯晓雪）
//
// Left apart, the short tail reads as a headline and the article loses
// its reporters. The tail is joined when it closes the bracket the line
// before left open and the two read together as a byline.
func joinWrappedBylines(lines []pline) []pline {
	var out []pline // nil until a join
	for i := 0; i < len(lines); i++ {
		for k := i + 1; k < len(lines) && k <= i+maxBylineWrap; k++ {
			tails := make([]string, 0, k-i)
			for _, l := range lines[i+1 : k+1] {
				tails = append(tails, l.text)
			}
			if t, ok := wrappedByline(lines[i].text, tails); ok {
				l := newLine(lines[i].n, t)
				if b, rest, ok := parseTailByline(t); ok && rest != "" {
					// the byline closes the text before it: 参加会见。（本报记者 黄敏 冯晓雪）
					l = newLine(lines[i].n, rest)
					l.tail = &b
				}
				if out == nil {
					out = append(make([]pline, 0, len(lines)), lines[:i]...)
				}
				out = append(out, l)
				i = k
				goto next
			}
			if t := tails[len(tails)-1]; hasAny(t, "（()）") || runeCountMax(t, maxBylineTail+1) > maxBylineTail {
				break // the bracket closes, or a line too long for a byline's part
			}
		}
		if out != nil {
			out = append(out, lines[i])
		}
	next:
	}
	if out == nil {
		return lines
	}
	return out
}

// maxBylineWrap is the most lines a byline in brackets is wrapped onto
// after its first (a long list of names in a narrow column).
const maxBylineWrap = 4

// wrappedByline returns line a with the tails of its byline joined on,
// if a ends with an open bracket holding a role word, the last tail
// closes it and the tails before it are short lines of names.
func wrappedByline(a string, tails []string) (string, bool) {
	b := tails[len(tails)-1]
	if !strings.HasSuffix(b, "）") && !strings.HasSuffix(b, ")") || hasAny(b, "（(") ||
		runeCountMax(b, maxBylineTail+1) > maxBylineTail {
		return "", false
	}
	for _, m := range tails[:len(tails)-1] {
		if hasAny(m, "（()）") || runeCountMax(m, maxBylineTail+1) > maxBylineTail {
			return "", false
		}
	}
	open := max(strings.LastIndex(a, "（"), strings.LastIndex(a, "("))
	if open < 0 || strings.ContainsAny(a[open:], "）)") {
		return "", false
	}
	head := despace(a[open:]) // a justified line spaces its letters out: （ 本 报 记 者
	if !hasRoleWord(head) && !hasRoleWord(head+tails[0]) {
		return "", false
	}
	for _, b := range tails {
		head += bylineBreak(head, b) + b
	}
	t := a[:open] + head
	if by, end, ok := parseBylineLine(t[open:]); !ok || !end || !allSurnamed(by.names) {
		return "", false
	}
	return t, true
}

// bylineBreak is what stands for the line break inside a byline: nothing
// when it splits a word (记|者, 温|馨: one character on the line before
// after the last gap or role word), else a space between names.
func bylineBreak(head, tail string) string {
	if r, _ := utf8.DecodeRuneInString(tail); isHan(r) && strings.Contains(head, "、") {
		return "" // names listed with 、: a break is inside a name (李红梅、陆|娅楠)
	}
	last := head
	if i := strings.LastIndexFunc(head, unicode.IsSpace); i >= 0 {
		last = head[i+1:]
	}
	last = strings.TrimLeft(last, "（(")
	for _, w := range roleWords {
		if strings.HasSuffix(last, w) {
			return " "
		}
	}
	if r, _ := utf8.DecodeRuneInString(tail); utf8.RuneCountInString(last) <= 1 || !isHan(r) {
		return ""
	}
	return " "
}

// joinWrappedTails puts back together a closing byline printed after an
// article's or a section's last sentence that the column broke:
//
//	……问题已得到解决。 本报记
//	者 张三
//
// or, in brackets, closed on the wrapped part:
//
//	……参加会见。（本报记者 张三
//	李四）
//
// The line is joined when the part after its last sentence is the start
// of a byline (a role word, or part of one: 本, 本报, 本报记者 张) or the
// whole line is, and the short line after it finishes it: the two read
// together as a byline, and the line after is not text (no sentence
// punctuation, at most maxBylineTail runes). Left apart, the wrapped part
// reads as a headline or an author's name and the article loses its
// reporter.
func joinWrappedTails(lines []pline) []pline {
	return joinNext(lines, joinTail)
}

// joinNext returns lines with a line and the next put together where join
// says they are one line broken in two; lines itself when none is.
func joinNext(lines []pline, join func(a, b pline) (pline, bool)) []pline {
	var out []pline // nil until a join
	for i := 0; i < len(lines); i++ {
		if i+1 < len(lines) {
			if l, ok := join(lines[i], lines[i+1]); ok {
				if out == nil {
					out = append(make([]pline, 0, len(lines)), lines[:i]...)
				}
				out = append(out, l)
				i++
				continue
			}
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

// joinTail joins line a and the wrapped end of its byline b, if they are
// that: see joinWrappedTails.
func joinTail(a, b pline) (pline, bool) {
	y := b.text
	// a byline in brackets (……会见。（本报记者 / 张三 李四）) closes its
	// bracket on the wrapped part
	closed := strings.TrimRight(y, "）)")
	if len(y) > 4*maxBylineTail || runeCountMax(y, maxBylineTail+1) > maxBylineTail || strings.ContainsAny(closed, "。，；：！？、,;:!?（）()“”") || len(y)-len(closed) > len("）") {
		return a, false
	}
	if r, _ := utf8.DecodeRuneInString(y); !isHan(r) {
		return a, false
	}
	x, cut := a.text, 0
	if end := tailStart(a.text); end >= 0 {
		cut = end
		x = a.text[cut:]
	} else if runeCountMax(x, 41) > 40 {
		return a, false
	}
	x = strings.TrimSpace(x)
	open := strings.TrimLeft(x, "（(")
	if x == "" || !hasRolePrefix(open) || (open == x) != (closed == y) || len(x)-len(open) > len("（") {
		return a, false
	}
	sep := bylineBreak(x, y)
	if splitsRole(x, y) {
		sep = "" // 本报记 / 者 张三
	}
	if _, _, ok := parseBylineLine(x); ok {
		// a byline already: only a name's last character may have
		// wrapped (本报记者 王小 / 明)
		if utf8.RuneCountInString(y) != 1 {
			return a, false
		}
		sep = ""
	}
	t := x + sep + y
	by, _, ok := parseBylineLine(t)
	if !ok || !findRoleAt(strings.TrimLeft(t, "（(")) || !allSurnamed(by.names) || len(by.photos) > 0 {
		return a, false
	}
	if cut == 0 {
		return newLine(a.n, t), true // the byline's own line: settled as one
	}
	by.text = t
	l := newLine(a.n, strings.TrimRightFunc(a.text[:cut], unicode.IsSpace))
	l.tail = &by
	return l, true
}

// hasRolePrefix reports whether s starts with a role word or with the
// start of one (本, 本报, 本报记, 通讯).
func hasRolePrefix(s string) bool {
	if findRoleAt(s) {
		return true
	}
	for _, w := range roleWords {
		if strings.HasPrefix(w, s) {
			return true
		}
	}
	return false
}

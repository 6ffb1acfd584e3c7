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
	out := lines[:0:0]
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
				out = append(out, l)
				i = k
				goto next
			}
			if t := tails[len(tails)-1]; strings.ContainsAny(t, "（()）") || runeCountMax(t, maxBylineTail+1) > maxBylineTail {
				break // the bracket closes, or a line too long for a byline's part
			}
		}
		out = append(out, lines[i])
	next:
	}
	if len(out) == len(lines) {
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
	if !strings.HasSuffix(b, "）") && !strings.HasSuffix(b, ")") || strings.ContainsAny(b, "（(") ||
		runeCountMax(b, maxBylineTail+1) > maxBylineTail {
		return "", false
	}
	for _, m := range tails[:len(tails)-1] {
		if strings.ContainsAny(m, "（()）") || runeCountMax(m, maxBylineTail+1) > maxBylineTail {
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

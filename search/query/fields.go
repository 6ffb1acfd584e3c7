package query

import "strings"

// fieldDate is the field name that holds a DateRange instead of a Term.
const fieldDate = "date"

// fields lists every field prefix a user may type. The first name of each
// row is the canonical field that Term.Field holds and String prints; the
// other names are aliases. English names match case-insensitively.
// Adding a field is one line here.
var fields = [...][]string{
	{"headline", "标题", "title"},
	{"body", "正文"},
	{"reporter", "记者", "作者"},
	{"section", "版面"},
	{"source", "来源"},
	{"paper", "报纸"},
	{"page", "版次"},
	{fieldDate, "日期"},
}

// lookupField returns the canonical field for a prefix as typed before the
// colon, and whether the prefix names a field at all.
func lookupField(name string) (string, bool) {
	lower := strings.ToLower(name)
	for _, row := range fields {
		for _, n := range row {
			if n == lower {
				return row[0], true
			}
		}
	}
	return "", false
}

// isColon reports whether r separates a field prefix from its value:
// the ASCII colon or the full-width colon a Chinese input method types.
func isColon(r rune) bool { return r == ':' || r == '：' }

// fieldPrefix returns the canonical field and the length in runes of the
// prefix including its colon, when word starts with a known field prefix.
// Only the first colon counts, so "12:30" and "http://x" are plain text.
func fieldPrefix(word []rune) (field string, n int, ok bool) {
	for i, r := range word {
		if isColon(r) {
			field, ok = lookupField(string(word[:i]))
			return field, i + 1, ok
		}
	}
	return "", 0, false
}

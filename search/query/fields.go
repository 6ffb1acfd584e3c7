package query

import "baoku/indexer/field"

// fieldDate is the field name that holds a DateRange instead of a Term.
const fieldDate = field.PubDate

// lookupField returns the canonical field for a prefix as typed before the
// colon, and whether the prefix names a field at all. The prefixes are
// those of package field's table, where adding a field is one line.
func lookupField(name string) (string, bool) {
	f, ok := field.ByPrefix(name)
	return f.Name, ok
}

// isColon reports whether r separates a field prefix from its value:
// the ASCII colon or the full-width colon a Chinese input method types.
func isColon(r rune) bool { return r == ':' || r == '：' }

// fieldPrefix returns the canonical field and the length in runes of the
// prefix including its colon, when word starts with a known field prefix.
// Only the first colon counts, so "12:30" and "http://x" are plain text.
func fieldPrefix(word []rune) (name string, n int, ok bool) {
	for i, r := range word {
		if isColon(r) {
			name, ok = lookupField(string(word[:i]))
			return name, i + 1, ok
		}
	}
	return "", 0, false
}

package indexer

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"

	"baoku/indexer/article"
	"baoku/indexer/field"
	"baoku/segment"
)

// KeywordTerms returns the terms under which the values of a keyword field
// are indexed: each value normalised as text is (人民日報 is 人民日报, A05 is
// a05), the page's numbers without leading zeros (01 is 1), and the parts
// of a value printed as several (a spread 4/5 is also 4 and 5, the
// sub-section 星期天夜光杯/夜光杯 also 星期天夜光杯 and 夜光杯). A query's or a
// filter's value is looked up as KeywordTerm gives it.
func KeywordTerms(name string, vals ...string) []string {
	var out []string
	seen := map[string]bool{}
	add := func(t string) {
		if t != "" && !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	for _, v := range vals {
		whole := KeywordTerm(name, v)
		add(whole)
		if name == field.Page || name == field.Section {
			for _, part := range strings.Split(whole, "/") {
				add(strings.TrimSpace(part))
			}
		}
	}
	return out
}

// KeywordField returns the index field that a filter or query on a
// keyword field looks values up in, with KeywordTerm: its search terms
// when it has them (the fields a user types: paper, section, source,
// reporter, page), else the field itself (year, month).
func KeywordField(name string) string {
	if f, ok := field.Get(name); ok && f.Kind == field.Keyword && len(f.Prefixes) > 0 {
		return name + KeywordSuffix
	}
	return name
}

// KeywordTerm returns the term a value of a keyword field is looked up by.
func KeywordTerm(name, v string) string {
	t := segment.Normalize(strings.TrimSpace(v))
	if name == field.Page {
		t = noLeadingZeros(t)
	}
	return t
}

// noLeadingZeros takes the zeros off the front of each run of digits
// (a05 → a5, 01/02 → 1/2), leaving a lone 0.
func noLeadingZeros(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		startsRun := c == '0' && (i == 0 || s[i-1] < '0' || s[i-1] > '9')
		if startsRun {
			j := i
			for j+1 < len(s) && s[j] == '0' && s[j+1] >= '0' && s[j+1] <= '9' {
				j++
			}
			i = j
			c = s[i]
		}
		b.WriteByte(c)
	}
	return b.String()
}

// ContentKey identifies an article's content: its headline and body,
// normalised (so that spacing and character forms do not count). Two
// articles with the same key are the same article printed twice (on page 1
// and page 4, or on two days); search lists them as one hit with both
// places. It is indexed in FieldContent.
func ContentKey(a *article.Article) string {
	h := sha256.New()
	h.Write([]byte(segment.Normalize(a.Headline)))
	h.Write([]byte{0})
	h.Write([]byte(segment.Normalize(a.Body)))
	return hex.EncodeToString(h.Sum(nil)[:8])
}

package search

import (
	"html"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"baoku/segment"
)

// unitText is normalised text reduced to its units (letters, digits,
// Chinese characters), with the byte offset in the normalised text of each.
type unitText struct {
	norm  segment.Normalized
	units []rune
	at    []int32 // at[i]: offset in norm.Text of unit i; at[len] = len(norm.Text)
}

func newUnitText(s string) unitText {
	n := segment.NormalizeMap(s)
	// Chinese text: about a unit every three bytes.
	u := unitText{norm: n, units: make([]rune, 0, len(n.Text)/3+1), at: make([]int32, 0, len(n.Text)/3+2)}
	for i := 0; i < len(n.Text); {
		r, w, unit := segment.UnitAt(n.Text, i)
		switch {
		case unit:
			u.units = append(u.units, r)
			u.at = append(u.at, int32(i))
		case r == segment.Break:
			// A unit no needle holds: matches stop at a paragraph's end.
			u.units = append(u.units, noUnit)
			u.at = append(u.at, int32(i))
		}
		i += w
	}
	u.at = append(u.at, int32(len(n.Text)))
	return u
}

// noUnit stands for a paragraph break among the units of a text.
const noUnit = utf8.MaxRune + 1

// span is a match: units [from, to).
type span struct{ from, to, needle int }

// find returns the matches of the needles (normalised query texts), in
// order, overlapping ones merged. A needle matches where its units occur in
// sequence, as the character view matches a phrase.
func (u unitText) find(needles [][]rune) []span {
	var spans []span
	for ni, nd := range needles {
		if len(nd) == 0 {
			continue
		}
		for i := 0; i+len(nd) <= len(u.units); i++ {
			if u.units[i] == nd[0] && runesEqual(u.units[i:i+len(nd)], nd) {
				spans = append(spans, span{i, i + len(nd), ni})
			}
		}
	}
	sort.Slice(spans, func(a, b int) bool {
		if spans[a].from != spans[b].from {
			return spans[a].from < spans[b].from
		}
		return spans[a].to > spans[b].to
	})
	merged := spans[:0]
	for _, s := range spans {
		if n := len(merged); n > 0 && s.from < merged[n-1].to {
			merged[n-1].to = max(merged[n-1].to, s.to)
			continue
		}
		merged = append(merged, s)
	}
	return merged
}

func runesEqual(a, b []rune) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// origSpan maps units [from, to) to a byte range of the original text.
func (u unitText) origSpan(from, to int) (int, int) {
	end := int(u.at[to-1])
	_, w := utf8.DecodeRuneInString(u.norm.Text[end:])
	return u.norm.Span(int(u.at[from]), end+w)
}

// needlesOf turns highlight texts into unit sequences, longest first.
func needlesOf(texts []string) [][]rune {
	var out [][]rune
	seen := map[string]bool{}
	for _, t := range texts {
		var rs []rune
		norm := segment.Normalize(strings.ReplaceAll(t, "\n", " "))
		for i := 0; i < len(norm); {
			r, w, unit := segment.UnitAt(norm, i)
			if unit {
				rs = append(rs, r)
			}
			i += w
		}
		if len(rs) == 0 || seen[string(rs)] {
			continue
		}
		seen[string(rs)] = true
		out = append(out, rs)
	}
	sort.SliceStable(out, func(a, b int) bool { return len(out[a]) > len(out[b]) })
	return out
}

// markAll returns s as HTML with every match of the needles in <mark>.
func markAll(s string, needles [][]rune) string {
	u := newUnitText(s)
	return u.render(0, len(s), u.find(needles), false)
}

// render writes the original text [start, end) as HTML, marking the spans
// inside it. squeeze takes out the white space a passage should not show
// (see squeezeSpace).
func (u unitText) render(start, end int, spans []span, squeeze bool) string {
	text := html.EscapeString
	if squeeze {
		text = func(s string) string { return html.EscapeString(squeezeSpace(s)) }
	}
	var b strings.Builder
	pos := start
	for _, sp := range spans {
		s, e := u.origSpan(sp.from, sp.to)
		if s < pos || e > end {
			continue
		}
		b.WriteString(text(u.norm.Src[pos:s]))
		b.WriteString("<mark>")
		b.WriteString(text(u.norm.Src[s:e]))
		b.WriteString("</mark>")
		pos = e
	}
	b.WriteString(text(u.norm.Src[pos:end]))
	return b.String()
}

// squeezeSpace takes out of a passage the white space that would show as
// gaps in one line of text: paragraph breaks and indents, and the spacing
// of justified text. A run of white space between two Chinese characters
// or marks goes, any other becomes one space.
func squeezeSpace(s string) string {
	if !strings.ContainsFunc(s, unicode.IsSpace) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	var prev rune = -1
	pending := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			pending = true
			continue
		}
		if pending && prev >= 0 && !segment.IsWide(prev) && !segment.IsWide(r) {
			b.WriteByte(' ')
		}
		pending = false
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

// snippetUnits is the length of a passage, in units.
const snippetUnits = 90

// snippet returns up to two passages of body around the matches of the
// needles, as HTML with the matches in <mark>; the start of the body when
// nothing matches there.
func snippet(body string, needles [][]rune, passages int) string {
	u := newUnitText(body)
	spans := u.find(needles)
	if len(spans) == 0 {
		return lead(u)
	}
	var picked []int // first span index of each passage
	used := map[int]bool{}
	for range passages {
		best, bestScore := -1, -1
		for i := range spans {
			if used[i] {
				continue
			}
			distinct := map[int]bool{}
			n := 0
			for j := i; j < len(spans) && spans[j].to-spans[i].from <= snippetUnits; j++ {
				distinct[spans[j].needle] = true
				n++
			}
			if score := len(distinct)*100 + n; score > bestScore {
				best, bestScore = i, score
			}
		}
		if best < 0 {
			break
		}
		picked = append(picked, best)
		for j := best; j < len(spans) && spans[j].to-spans[best].from <= snippetUnits; j++ {
			used[j] = true
		}
		// A second passage only when it is apart from the first.
		for j := best - 1; j >= 0 && spans[best].from-spans[j].from < snippetUnits; j-- {
			used[j] = true
		}
	}
	sort.Ints(picked)
	var parts []string
	for _, i := range picked {
		from := max(spans[i].from-15, 0)
		to := min(from+snippetUnits, len(u.units))
		s, _ := u.origSpan(from, from+1)
		_, e := u.origSpan(to-1, to)
		text := u.render(s, e, spans, true)
		if from > 0 {
			text = "…" + text
		}
		if to < len(u.units) {
			text += "…"
		}
		parts = append(parts, text)
	}
	return strings.Join(parts, " ")
}

// lead is the start of a text, as HTML.
func lead(u unitText) string {
	if len(u.units) == 0 {
		return ""
	}
	to := min(snippetUnits, len(u.units))
	_, e := u.origSpan(to-1, to)
	text := html.EscapeString(squeezeSpace(strings.TrimSpace(u.norm.Src[:e])))
	if to < len(u.units) {
		text += "…"
	}
	return text
}

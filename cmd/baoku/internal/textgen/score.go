package textgen

import (
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"baoku/indexer/article"
)

// Result counts how the articles parsed from pages compare with their
// truth. Each true article is matched to at most one parsed article, the
// one holding most of its text.
type Result struct {
	// Pages is the number of pages; CountRight those on which as many
	// articles were found as there are.
	Pages, CountRight int
	// Articles is the number of true articles; Found the number parsed.
	Articles, Found int
	// Headline counts articles whose kicker, headline and subtitle read
	// together (with a column tag taken off put back) are the true ones;
	// Reporters those whose reporters are the true ones (as a set); Both
	// those with both right.
	Headline, Reporters, Both int
	// Recall is the sum over true articles of the share of their body's
	// characters found in the article matched to them.
	Recall float64
	// Split counts articles with a kicker or subtitle, and Roles those of
	// them whose kicker, headline and subtitle are each right.
	Split, Roles int
	// Source and Photographers count articles whose source and
	// photographers (as a set) are right.
	Source, Photographers int
}

// Add adds the counts of o to r.
func (r *Result) Add(o Result) {
	r.Pages += o.Pages
	r.CountRight += o.CountRight
	r.Articles += o.Articles
	r.Found += o.Found
	r.Headline += o.Headline
	r.Reporters += o.Reporters
	r.Both += o.Both
	r.Recall += o.Recall
	r.Split += o.Split
	r.Roles += o.Roles
	r.Source += o.Source
	r.Photographers += o.Photographers
}

// Share returns n as a percentage of the articles.
func (r Result) Share(n int) float64 { return pct(float64(n), r.Articles) }

// BodyRecall is the mean body recall, as a percentage.
func (r Result) BodyRecall() float64 { return pct(r.Recall, r.Articles) }

// CountShare is the share of pages with the article count right, as a
// percentage.
func (r Result) CountShare() float64 { return pct(float64(r.CountRight), r.Pages) }

// pct is 100·x/n, 0 when n is.
func pct(x float64, n int) float64 {
	if n == 0 {
		return 0
	}
	return 100 * x / float64(n)
}

// Miss is a true article that was not read right, for a report.
type Miss struct {
	// Want is the truth.
	Want Story
	// Got is the article matched to it, nil when none was.
	Got *article.Article
	// Recall is the share of its body found in Got.
	Recall float64
	// Headline and Reporters say whether those were right.
	Headline, Reporters bool
}

// gram is the length of the character runs whose presence counts a
// character of a true body as found.
const gram = 8

// Score compares the articles parsed from one page with its truth.
func Score(truth []Story, got []article.Article) (Result, []Miss) {
	res := Result{Pages: 1, Articles: len(truth), Found: len(got)}
	if len(got) == len(truth) {
		res.CountRight = 1
	}
	texts := make([]map[string]bool, len(got))
	for j, a := range got {
		texts[j] = grams(normText(a.Kicker + a.Headline + a.Subtitle + a.Column + a.Body))
	}
	type pair struct {
		i, j  int
		found int
	}
	var pairs []pair
	bodies := make([][]rune, len(truth))
	for i, st := range truth {
		bodies[i] = []rune(normText(st.Body))
		for j := range got {
			if f := covered(bodies[i], texts[j]); f > 0 {
				pairs = append(pairs, pair{i, j, f})
			}
		}
	}
	sort.SliceStable(pairs, func(a, b int) bool { return pairs[a].found > pairs[b].found })
	match := make([]int, len(truth))
	for i := range match {
		match[i] = -1
	}
	used := make([]bool, len(got))
	share := make([]float64, len(truth))
	for _, p := range pairs {
		if match[p.i] >= 0 || used[p.j] {
			continue
		}
		match[p.i], used[p.j] = p.j, true
		share[p.i] = float64(p.found) / float64(max(1, len(bodies[p.i])))
	}
	var misses []Miss
	for i, st := range truth {
		m := Miss{Want: st, Recall: share[i]}
		if match[i] >= 0 {
			a := got[match[i]]
			m.Got = &a
			m.Headline = headlineRight(st, a)
			m.Reporters = sameSet(st.Reporters, a.Reporters)
			if normText(st.Source) == normText(a.Source) {
				res.Source++
			}
			if sameSet(st.Photographers, a.Photographers) {
				res.Photographers++
			}
			if st.Kicker != "" || st.Subtitle != "" {
				res.Split++
				if m.Headline && normText(st.Kicker) == normText(a.Kicker) && normText(st.Subtitle) == normText(a.Subtitle+a.Column) {
					res.Roles++
				}
			}
		} else if st.Kicker != "" || st.Subtitle != "" {
			res.Split++
		}
		res.Recall += m.Recall
		if m.Headline {
			res.Headline++
		}
		if m.Reporters {
			res.Reporters++
		}
		if m.Headline && m.Reporters {
			res.Both++
		}
		if !m.Headline || !m.Reporters || m.Recall < 0.98 {
			misses = append(misses, m)
		}
	}
	return res, misses
}

// headlineRight reports whether the article's kicker, headline and
// subtitle, with its column tag put back at the end, read as the true
// ones together.
func headlineRight(st Story, a article.Article) bool {
	want := normText(st.Kicker + st.Headline + st.Subtitle)
	got := normText(a.Kicker + a.Headline + a.Subtitle)
	if a.HeadlineDerived {
		return false
	}
	return got == want || a.Column != "" && (got+normText(a.Column) == want || normText(a.Column)+got == want)
}

// sameSet reports whether two lists hold the same names.
func sameSet(a, b []string) bool {
	set := map[string]int{}
	for _, x := range a {
		set[normText(x)] |= 1
	}
	for _, x := range b {
		set[normText(x)] |= 2
	}
	for _, v := range set {
		if v != 3 {
			return false
		}
	}
	return true
}

// normText keeps the letters and digits of s, compatibility forms folded
// (⽇ → 日, full-width digits to ASCII).
func normText(s string) string {
	s = norm.NFKC.String(s)
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || isHan(r) {
			return r
		}
		return -1
	}, s)
}

// grams is the set of runs of gram characters of s (s itself when
// shorter).
func grams(s string) map[string]bool {
	rs := []rune(s)
	set := make(map[string]bool, len(rs))
	if len(rs) < gram {
		set[s] = true
		return set
	}
	for i := 0; i+gram <= len(rs); i++ {
		set[string(rs[i:i+gram])] = true
	}
	return set
}

// covered counts the characters of body that lie in some run of gram
// characters present in set.
func covered(body []rune, set map[string]bool) int {
	if len(body) == 0 {
		return 0
	}
	if len(body) < gram {
		for k := range set {
			if strings.Contains(k, string(body)) {
				return len(body)
			}
		}
		return 0
	}
	n, reach := 0, 0 // reach: first position not yet counted
	for i := 0; i+gram <= len(body); i++ {
		if !set[string(body[i:i+gram])] {
			continue
		}
		from := max(i, reach)
		n += i + gram - from
		reach = i + gram
	}
	return n
}

package search

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"baoku/indexer/article"
	"baoku/indexer/field"
	"baoku/search/query"
	"baoku/segment"
)

// BM25 over the word and character views finds the articles that hold
// the query and ranks them by how often and where; a reporter who types a
// few words remembered from a story wants the story that is about them.
// A relevance search therefore reranks its best hits (rankWindow of them)
// with what the stored text says of each:
//
//   - coverage: the share of the query's distinct terms the headline lines
//     (kicker, headline, subtitle) hold (a term whole, or by its words); a
//     story whose headline holds every term beats one whose short
//     headline holds one;
//   - lead: the share found in the lead paragraph, which says what the
//     story is about, above the tail that mentions in passing;
//   - proximity: how close together the words stand in the body;
//   - digests (联播快讯, 简讯 …), which mention everything briefly, get
//     none of the other stories' boost.
//
// A hit's score is multiplied by the product of the features' factors,
// each at least 1, so that the reranked hits still score at least what
// they did and the hits below the window, in bleve's order, stay below.
// Bare years and months read as dates (query.Term.When) rank the
// articles of their period first: a hit in a preferred period comes before
// every other, and its score is raised by the best score of the others,
// so that scores still fall down the list. Sorting by date, facets and
// totals are untouched: only the order of a relevance search changes.

// The ranking's weights, tuned on the tuning split of
// testdata/xwlb-ranking.tsv (`baoku eval rank -split tune`).
const (
	// rankWindow is how many of bleve's best hits are reranked: the
	// first two pages. On the ranking set, 5 do as well as 50; each
	// costs the reading of a stored article.
	rankWindow = 20
	// coverWeight scales the headline's coverage of the query's words.
	coverWeight = 4.0
	// coverPower bends the coverage: above 1, a headline that holds
	// every term gains much more than one that holds most.
	coverPower = 3.0
	// leadWeight scales the lead paragraph's coverage.
	leadWeight = 0.3
	// nearWeight scales the proximity of the words in the body.
	nearWeight = 0.3
	// plainBoost multiplies every story that is not a digest.
	plainBoost = 2.0
	// leadMin is how many characters the lead holds at least: a first
	// paragraph shorter than that (a dateline) runs on into the next.
	leadMin = 40
)

// digestMarks are the words of a digest's headline: a story made of
// several short items.
var digestMarks = []string{"快讯", "简讯", "速览", "速递", "一句话新闻", "新闻摘要", "要闻简报"}

// ranking is what a relevance search reranks with: the query's words and
// the periods it prefers.
type ranking struct {
	// terms are the distinct query terms the features look for, each
	// with its words; units are all their words, distinct.
	terms []rankTerm
	units []string
	// prefer are the preferred periods, as YYYYMMDD numbers, and
	// periods as the query read them.
	prefer  [][2]int64
	periods []query.DateRange
	// off turns the reranking off (tests compare with it).
	off bool
}

// rankTerm is one query term: its normalised text and the words of two
// characters or more it was cut into (itself for a quoted phrase).
type rankTerm struct {
	text  string
	words []string
}

// newRanking returns the ranking of a compiled query: its words from the
// terms the compiler explained (not those under NOT, not keyword values,
// not a year read as a date), and its preferred periods. Nil when there is
// nothing to rerank with.
func newRanking(c *compiler) *ranking {
	r := &ranking{}
	for _, p := range c.prefer {
		r.prefer = append(r.prefer, [2]int64{dateNumber([]byte(p.From)), dateNumber([]byte(p.To))})
		r.periods = append(r.periods, p)
	}
	for _, t := range c.explain {
		if t.Negated || t.Date != "" || (t.Field != "" && !isTextField(t.Field)) {
			continue
		}
		rt := rankTerm{text: strings.TrimSpace(t.Normalized)}
		switch {
		case t.Quoted || len(t.Words) == 0:
			rt.words = []string{rt.text}
		default:
			for _, w := range t.Words {
				// A single character of a longer term (号 in 岁月号)
				// says nothing of what a story is about.
				if utf8.RuneCountInString(w) > 1 || len(t.Words) == 1 {
					rt.words = append(rt.words, w)
				}
			}
		}
		if rt.text == "" || slices.ContainsFunc(r.terms, func(o rankTerm) bool { return o.text == rt.text }) {
			continue
		}
		r.terms = append(r.terms, rt)
		for _, u := range rt.words {
			if !slices.Contains(r.units, u) {
				r.units = append(r.units, u)
			}
		}
	}
	if len(r.prefer) > 0 {
		return r
	}
	for _, t := range r.terms {
		if utf8.RuneCountInString(t.text) > 1 {
			return r
		}
	}
	// Nothing to rerank with, or single characters, which rank the
	// articles with them in a headline line first, then the newest
	// (README, "What the index keeps"), and keep that order.
	return nil
}

// isTextField reports whether a query field is one of the text fields.
func isTextField(name string) bool {
	f, ok := field.Get(name)
	return ok && f.Kind == field.Text
}

// tier is a hit's rank class: 1 in a preferred period, 0 otherwise.
func (r *ranking) tier(date int64) int8 {
	if r == nil {
		return 0
	}
	for _, p := range r.prefer {
		if date >= p[0] && date <= p[1] {
			return 1
		}
	}
	return 0
}

// features are what the text of one hit says of the query.
type features struct {
	cover, lead, near float64 // each from 0 to 1
	digest            bool
	words             int // the query's distinct words
	inHead            int // … the headline lines hold
}

// factor is the product of the features' factors, at least 1.
func (f features) factor() float64 {
	m := (1 + coverWeight*f.cover) * (1 + leadWeight*f.lead) * (1 + nearWeight*f.near)
	if !f.digest {
		m *= plainBoost
	}
	return m
}

// shares splits the score a hit gains, base × (factor − 1), into each
// feature's part, in the order the factors apply, for Hit.Why.
func (f features) shares(base float64) []WhyMatch {
	var out []WhyMatch
	s := base
	add := func(view, term string, mult float64) {
		if mult == 1 {
			return
		}
		out = append(out, WhyMatch{Field: WhyRank, View: view, Term: term, Score: s * (mult - 1)})
		s *= mult
	}
	add("headline", fmt.Sprintf("%d/%d words", f.inHead, f.words), 1+coverWeight*f.cover)
	add("lead", fmt.Sprintf("%.2f", f.lead), 1+leadWeight*f.lead)
	add("near", fmt.Sprintf("%.2f", f.near), 1+nearWeight*f.near)
	if !f.digest {
		add("story", "not a digest", plainBoost)
	}
	return out
}

// featuresOf reads the features of an article; it returns its
// normalised body too.
func (r *ranking) featuresOf(a *article.Article) (features, string) {
	f := features{words: len(r.terms)}
	for _, m := range digestMarks {
		if strings.Contains(a.Headline, m) || strings.Contains(a.Kicker, m) {
			f.digest = true
			break
		}
	}
	body := segment.Normalize(a.Body)
	if len(r.terms) == 0 {
		return f, body
	}
	head := segment.Normalize(a.Kicker + "\n" + a.Headline + "\n" + a.Subtitle)
	lead := leadOf(body)
	var cover, inLead float64
	for _, t := range r.terms {
		c := t.share(head)
		if c == 1 {
			f.inHead++
		}
		cover += c
		inLead += t.share(lead)
	}
	n := float64(len(r.terms))
	f.cover = math.Pow(cover/n, coverPower)
	f.lead = inLead / n
	f.near = nearness(body, r.units)
	return f, body
}

// share is how much of a term a text holds: 1 for the whole term, else
// the share of its words.
func (t rankTerm) share(text string) float64 {
	if strings.Contains(text, t.text) {
		return 1
	}
	n := 0
	for _, w := range t.words {
		if strings.Contains(text, w) {
			n++
		}
	}
	if len(t.words) == 0 {
		return 0
	}
	return float64(n) / float64(len(t.words))
}

// leadOf returns a normalised body's lead: its first paragraph, run on
// into the next ones while shorter than leadMin characters.
func leadOf(body string) string {
	end := 0
	for end < len(body) {
		i := strings.IndexRune(body[end:], segment.Break)
		if i < 0 {
			return body
		}
		end += i
		if utf8.RuneCountInString(body[:end]) >= leadMin {
			return body[:end]
		}
		end++
	}
	return body
}

// nearness is 1 when every query word the body holds stands within a
// span not much longer than the words themselves, falling as the span
// grows; 0 with fewer than two of them in the body.
func nearness(body string, units []string) float64 {
	type at struct{ pos, unit int }
	var occ []at
	var need, total int
	for i, u := range units {
		found := false
		for off := 0; ; {
			j := strings.Index(body[off:], u)
			if j < 0 {
				break
			}
			occ = append(occ, at{off + j, i})
			off += j + len(u)
			found = true
		}
		if found {
			need++
			total += len(u)
		}
	}
	if need < 2 {
		return 0
	}
	slices.SortFunc(occ, func(a, b at) int { return a.pos - b.pos })
	// The shortest stretch of the body holding each word found once.
	count := make([]int, len(units))
	have, best := 0, len(body)+1
	for lo, hi := 0, 0; hi < len(occ); hi++ {
		if count[occ[hi].unit]++; count[occ[hi].unit] == 1 {
			have++
		}
		for have == need {
			end := occ[hi].pos + len(units[occ[hi].unit])
			best = min(best, end-occ[lo].pos)
			if count[occ[lo].unit]--; count[occ[lo].unit] == 0 {
				have--
			}
			lo++
		}
	}
	// Spans are in bytes; a Chinese character is three. Words within a
	// short sentence of each other count as near.
	slack := total + 3*20
	if best <= slack {
		return 1
	}
	return float64(slack) / float64(best)
}

// why lists what the reranking added to a hit's score, for Hit.Why: each
// feature's share and what its period raised it by.
func (r *ranking) why(h *storedHit) []WhyMatch {
	var out []WhyMatch
	if h.feat != nil {
		out = h.feat.shares(h.base)
	}
	if h.raise != 0 {
		for i, p := range r.prefer {
			if h.date >= p[0] && h.date <= p[1] {
				out = append(out, WhyMatch{Field: WhyDate, View: "period", Term: r.periods[i].Period(), Score: h.raise})
				break
			}
		}
	}
	return out
}

package bench

import (
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"

	"baoku/indexer/article"
)

// invented stories, written for these tests.
func testStories() []*article.Article {
	return []*article.Article{
		{ID: "a", Headline: "春风吹过小镇", Body: "小镇的清晨很安静。\n河边有人钓鱼"},
		{ID: "b", Kicker: "特写", Headline: "臺灣來的茶", Body: "茶香\n清晨的茶馆"},
		{ID: "c", Headline: "河边", Body: "钓鱼的人说，小镇变了"},
		{ID: "d", Headline: "ＡＢＣ新闻", Body: "没有别的"},
	}
}

func TestHaystackTruth(t *testing.T) {
	h := newHaystack(testStories())
	for _, tc := range []struct {
		name string
		q    benchQuery
		want []string
	}{
		{"one character", benchQuery{Terms: []string{"茶"}}, []string{"b"}},
		{"in headline and body", benchQuery{Terms: []string{"小镇"}}, []string{"a", "c"}},
		{"never across a line break", benchQuery{Terms: []string{"安静河边"}}, nil},
		{"never across fields", benchQuery{Terms: []string{"小镇小镇"}}, nil},
		{"headline then body is two fields", benchQuery{Terms: []string{"河边钓鱼"}}, nil},
		{"normalised text: traditional to simplified", benchQuery{Terms: []string{"台湾来的茶"}}, []string{"b"}},
		{"normalised text: full-width to half-width, lower case", benchQuery{Terms: []string{"abc新闻"}}, []string{"d"}},
		{"kicker searched", benchQuery{Terms: []string{"特写"}}, []string{"b"}},
		{"two terms, each somewhere", benchQuery{Terms: []string{"钓鱼", "小镇"}}, []string{"a", "c"}},
		{"two terms, one missing", benchQuery{Terms: []string{"钓鱼", "茶"}}, nil},
		{"last story", benchQuery{Terms: []string{"别的"}}, []string{"d"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for id := range h.truth(tc.q) {
				got = append(got, id)
			}
			sort.Strings(got)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("truth(%q) (-want +got):\n%s", tc.q.Terms, diff)
			}
		})
	}
	// The parallel form gives the same answers.
	mix := []benchQuery{{Terms: []string{"小镇"}}, {Terms: []string{"茶"}}, {Terms: []string{"无"}}}
	all := h.truths(mix)
	for i, q := range mix {
		if diff := cmp.Diff(h.truth(q), all[i]); diff != "" {
			t.Errorf("truths[%d] (-one +all):\n%s", i, diff)
		}
	}
}

func TestJudge(t *testing.T) {
	truth := map[string]bool{"a": true, "b": true, "c": true, "d": true}
	for _, tc := range []struct {
		name  string
		total uint64
		ids   []string
		want  verdict
	}{
		{"exact by IDs", 4, []string{"d", "c", "b", "a"}, verdict{recall: 1, precision: 1, exact: true, byIDs: true}},
		{"one missed", 3, []string{"a", "b", "c"}, verdict{recall: 0.75, precision: 1, byIDs: true}},
		{"one wrong", 5, []string{"a", "b", "c", "d", "x"}, verdict{recall: 1, precision: 0.8, byIDs: true}},
		{"a repeated ID counts once", 5, []string{"a", "a", "b", "c", "d"}, verdict{recall: 1, precision: 1, exact: true, byIDs: true}},
		{"nothing found: no wrong hits", 0, []string{}, verdict{recall: 0, precision: 1, byIDs: true}},
		{"by totals, equal", 4, nil, verdict{recall: 1, precision: 1, exact: true}},
		{"by totals, too many", 8, nil, verdict{recall: 1, precision: 0.5}},
		{"by totals, too few", 2, nil, verdict{recall: 0.5, precision: 1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := judge(truth, tc.total, tc.ids)
			if diff := cmp.Diff(tc.want, got, cmp.AllowUnexported(verdict{})); diff != "" {
				t.Errorf("judge (-want +got):\n%s", diff)
			}
		})
	}
}

func TestTally(t *testing.T) {
	var tl tally
	tl.add(verdict{recall: 1, precision: 1, exact: true, byIDs: true}, 10)
	tl.add(verdict{recall: 0.5, precision: 0.5}, 30)
	want := accuracy{Queries: 2, ByIDs: 1, TrueHits: 20, Recall: 0.75, Precision: 0.75, Exact: 0.5}
	if diff := cmp.Diff(want, tl.accuracy()); diff != "" {
		t.Errorf("accuracy (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(accuracy{}, (&tally{}).accuracy()); diff != "" {
		t.Errorf("empty accuracy (-want +got):\n%s", diff)
	}
}

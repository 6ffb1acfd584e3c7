package search

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"baoku/indexer/article"
	"baoku/search/query"
	"baoku/segment"
)

// fixture articles: small, written for the tests.
var fixture = []article.Article{
	{ID: "a1", Paper: "吕梁日报", Date: "2023-07-22", Page: "1", Section: "要闻", Source: "本报讯",
		Reporters: []string{"刘丽霞", "秦钰轩"}, Headline: "吕梁公安夏季行动取得阶段性战果",
		Body: "7月21日，记者从吕梁市公安局夏季治安打击整治行动新闻发布会上获悉，检查车辆13760台次。"},
	{ID: "a2", Paper: "吕梁日报", Date: "2023-07-22", Page: "1", Section: "要闻", Source: "本报讯",
		Reporters: []string{"王涛"}, Headline: "我市铝镁新材料产业稳步壮大",
		Body: "吕梁是国内公认的铝镁新材料产业发展优势区域。东义镁业发展金属镁链条。"},
	{ID: "a3", Paper: "人民日报", Date: "2022-03-01", Page: "4", Section: "国际", Source: "新华社",
		Headline: "纪念中华人民共和国成立", Body: "人民和共和国是两个词。中华人民共和国成立七十多年来，人民生活显著改善。"},
	{ID: "a4", Paper: "新民晚报", Date: "2022-04-02", Page: "A5", Section: "上海新闻",
		Headline: "碛口古镇夜色美", Body: "夜幕降临的碛口古镇，游客在广州路上散步。臺灣同胞也来了，APEC会议代表参观。"},
	{ID: "a5", Paper: "新民晚报", Date: "2022-04-03", Page: "A6", Section: "上海新闻",
		Headline: "碛口镇新貌", Body: "碛口镇是另一个地方，惠州游客来访。"},
}

func testEngine(t testing.TB) *Engine {
	t.Helper()
	// A copy: the writer fills in what it learns from the articles.
	arts := append([]article.Article(nil), fixture...)
	return engineOf(t, segment.DictTest, pointers(arts))
}

func ids(r *Result) []string {
	var out []string
	for _, h := range r.Hits {
		out = append(out, h.ID)
	}
	return out
}

func TestRecall(t *testing.T) {
	e := testEngine(t)
	for _, tc := range []struct {
		name, q string
		want    []string // as a set
	}{
		{"phrase inside a longer word", `"人民共和国"`, []string{"a3"}},
		{"unquoted word inside a longer word", `人民共和国`, []string{"a3"}},
		{"single character", `镁`, []string{"a2"}},
		{"string inside a dictionary word", `安局`, []string{"a1"}},
		{"city and shorter name", `吕梁市`, []string{"a1"}},
		{"shorter name finds both", `吕梁`, []string{"a1", "a2"}},
		{"quoted place does not match a longer one", `"碛口镇"`, []string{"a5"}},
		{"quoted 广州 is not 惠州", `"广州"`, []string{"a4"}},
		{"traditional query", `臺灣`, []string{"a4"}},
		{"simplified query finds traditional text", `台湾`, []string{"a4"}},
		{"full-width latin", `ＡＰＥＣ`, []string{"a4"}},
		{"lower-case latin", `apec`, []string{"a4"}},
		{"digits inside text", `13760`, []string{"a1"}},
		{"all words must match", `吕梁 镁`, []string{"a2"}},
		{"or", `"碛口镇" OR 铝镁`, []string{"a2", "a5"}},
		{"unquoted words need not be adjacent", `碛口镇`, []string{"a4", "a5"}},
		{"not", `碛口 -古镇`, []string{"a5"}},
		{"reporter field", `记者:王涛`, []string{"a2"}},
		{"headline field", `标题:碛口`, []string{"a4", "a5"}},
		{"date field", `日期:2022-04`, []string{"a4", "a5"}},
		{"punctuation does not join", `"产业稳步"`, []string{"a2"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := e.Search(context.Background(), Request{Query: tc.q, Size: 100})
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]bool{}
			for _, id := range ids(r) {
				got[id] = true
			}
			if len(got) != len(tc.want) || int(r.Total) != len(tc.want) {
				t.Fatalf("%s: got %v (total %d), want %v", tc.q, ids(r), r.Total, tc.want)
			}
			for _, id := range tc.want {
				if !got[id] {
					t.Fatalf("%s: got %v, want %v", tc.q, ids(r), tc.want)
				}
			}
		})
	}
}

func TestHighlightMatchedOccurrence(t *testing.T) {
	e := testEngine(t)
	r, err := e.Search(context.Background(), Request{Query: `"人民共和国"`})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Hits) != 1 {
		t.Fatalf("hits = %v", ids(r))
	}
	s := r.Hits[0].Snippet
	// The body says 人民和共和国 first, apart: only the real occurrence
	// inside 中华人民共和国 is marked.
	if strings.Count(s, "<mark>") != 1 || !strings.Contains(s, "中华<mark>人民共和国</mark>成立") {
		t.Errorf("snippet = %q", s)
	}
	if h := r.Hits[0].HeadlineHTML; h != "纪念中华<mark>人民共和国</mark>成立" {
		t.Errorf("headline = %q", h)
	}
}

// TestHighlightNotNegated: the words of a term under NOT are not marked,
// though the hit holds some of them (not all: else it would be left out).
func TestHighlightNotNegated(t *testing.T) {
	e := testEngine(t)
	for _, q := range []string{"人民 -共和国铝镁", "人民 NOT 共和国铝镁", "人民 -(共和国铝镁 OR 上海)"} {
		r, err := e.Search(context.Background(), Request{Query: q})
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Hits) != 1 || r.Hits[0].ID != "a3" {
			t.Fatalf("%s: hits = %v", q, ids(r))
		}
		h := r.Hits[0]
		if !strings.Contains(h.Snippet, "<mark>人民</mark>") || strings.Contains(h.Snippet+h.HeadlineHTML, "<mark>共和国</mark>") {
			t.Errorf("%s: marks %q / %q, want 人民 and not 共和国", q, h.HeadlineHTML, h.Snippet)
		}
	}
}

func TestHighlightOriginalCharacters(t *testing.T) {
	e := testEngine(t)
	r, err := e.Search(context.Background(), Request{Query: `台湾 apec`})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Hits) != 1 {
		t.Fatalf("hits = %v", ids(r))
	}
	s := r.Hits[0].Snippet
	if !strings.Contains(s, "<mark>臺灣</mark>") || !strings.Contains(s, "<mark>APEC</mark>") {
		t.Errorf("snippet = %q", s)
	}
}

func TestRankingHeadlineFirst(t *testing.T) {
	e := testEngine(t)
	r, err := e.Search(context.Background(), Request{Query: `碛口古镇`})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Hits) == 0 || r.Hits[0].ID != "a4" {
		t.Fatalf("hits = %v, want a4 first", ids(r))
	}
}

func TestSingleCharacterHeadlineFirst(t *testing.T) {
	// 镁 is in the headline of the older article and only in the bodies
	// of the newer ones, which repeat it.
	arts := []article.Article{
		{ID: "old", Paper: "吕梁日报", Date: "2021-01-01", Headline: "东义镁业扩产", Body: "公司扩大产能。"},
		{ID: "new1", Paper: "吕梁日报", Date: "2023-01-01", Headline: "新材料产业", Body: "镁合金、镁粉和金属镁。"},
		{ID: "new2", Paper: "吕梁日报", Date: "2022-01-01", Headline: "产业园区", Body: "引进镁企业。"},
	}
	e := fixtureEngine(t, arts)
	r, err := e.Search(context.Background(), Request{Query: "镁"})
	if err != nil {
		t.Fatal(err)
	}
	if got := ids(r); !slices.Equal(got, []string{"old", "new1", "new2"}) {
		t.Fatalf("hits = %v, want the headline match first, then newest first", got)
	}
}

func TestFiltersFacetsSort(t *testing.T) {
	e := testEngine(t)
	ctx := context.Background()
	r, err := e.Search(ctx, Request{Sort: SortNewest, Size: 100})
	if err != nil {
		t.Fatal(err)
	}
	// a1 and a2 share the newest date: either may come first.
	if r.Total != uint64(len(fixture)) || r.Hits[0].Date != "2023-07-22" || r.Hits[len(r.Hits)-1].ID != "a3" {
		t.Errorf("newest = %v", ids(r))
	}
	want := map[string]int{"吕梁日报": 2, "人民日报": 1, "新民晚报": 2}
	for _, fv := range r.Facets["paper"] {
		if want[fv.Key] != fv.Count {
			t.Errorf("paper facet %s = %d, want %d", fv.Key, fv.Count, want[fv.Key])
		}
	}
	if len(r.Facets["paper"]) != 3 {
		t.Errorf("paper facet = %v", r.Facets["paper"])
	}
	// Each facet count equals what filtering on it returns.
	for name, vals := range r.Facets {
		for _, fv := range vals {
			req := Request{Size: 100}
			setFilter(&req, name, fv.Key)
			got, err := e.Search(ctx, req)
			if err != nil {
				t.Fatal(err)
			}
			if int(got.Total) != fv.Count {
				t.Errorf("facet %s=%s counts %d, filter returns %d", name, fv.Key, fv.Count, got.Total)
			}
		}
	}
	r, err = e.Search(ctx, Request{From: "2022-04-01", To: "2022-04-02", Sort: SortOldest})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(ids(r), ",") != "a4" {
		t.Errorf("date range = %v", ids(r))
	}
}

func TestBadRequests(t *testing.T) {
	e := testEngine(t)
	for _, r := range []Request{
		{Query: `"unclosed`},
		{Query: "x", Size: 1000},
		{Query: "x", Sort: "random"},
		{Query: "x", From: "2023-02-30"},
		{Query: "x", Page: 5000},
		{Query: strings.Repeat("长", 600)},
	} {
		_, err := e.Search(context.Background(), r)
		if !IsBadRequest(err) {
			t.Errorf("%+v: err = %v, want a bad request", r, err)
		}
	}
	_, err := e.Search(context.Background(), Request{Query: `"unclosed`})
	if !errors.Is(err, query.ErrBadQuery) || !strings.HasPrefix(err.Error(), "query:") {
		t.Errorf("err = %v", err)
	}
}

func TestArticle(t *testing.T) {
	e := testEngine(t)
	a, err := e.Article(context.Background(), "a2")
	if err != nil || a.Headline != fixture[1].Headline || a.Body != fixture[1].Body {
		t.Fatalf("Article = %+v, %v", a, err)
	}
	if _, err := e.Article(context.Background(), "nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing article err = %v", err)
	}
}

package search

import (
	"context"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"baoku/indexer"
	"baoku/indexer/article"
	"baoku/segment"
)

// pageEngine indexes the articles parsed from the sample page, as `baoku
// index` would, with the test dictionary.
func pageEngine(t *testing.T) (*Engine, []*article.Article) {
	t.Helper()
	arts, _, err := indexer.ReadPageFile(filepath.Join("..", "data", "pages", "lvliang-2023-07-22-01.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return engineOf(t, segment.DictTest, arts), arts
}

// containing lists the articles whose normalised text fields contain the
// normalised text, by brute force.
func containing(arts []*article.Article, text string) []string {
	norm := segment.Normalize(text)
	var out []string
	for _, a := range arts {
		for _, f := range []string{a.Kicker, a.Headline, a.Subtitle, a.Body} {
			if strings.Contains(segment.Normalize(f), norm) {
				out = append(out, a.ID)
				break
			}
		}
	}
	sort.Strings(out)
	return out
}

func allIDs(t *testing.T, e *Engine, q string) []string {
	t.Helper()
	r, err := e.Search(context.Background(), Request{Query: q, Size: MaxSize, NoFacets: true})
	if err != nil {
		t.Fatal(err)
	}
	if r.Total > MaxSize {
		t.Fatalf("%s: %d hits, more than a page", q, r.Total)
	}
	out := ids(r)
	sort.Strings(out)
	return out
}

// TestSamplePageRecall searches the parsed sample page for strings the
// dictionary does not cut as words, and for one name broken over two lines
// of the page (秦 / 钰轩), and checks that a quoted search returns exactly
// the articles that contain the string.
func TestSamplePageRecall(t *testing.T) {
	e, arts := pageEngine(t)
	for _, s := range []string{"镁", "安局", "秦钰轩", "吕梁市", "吕梁", "铝镁", "市公安局", "常委会", "钰轩", "450亿元", "21日", "7月20日"} {
		t.Run(s, func(t *testing.T) {
			want := containing(arts, s)
			if len(want) == 0 {
				t.Fatalf("no article of the page contains %q", s)
			}
			if got := allIDs(t, e, `"`+s+`"`); strings.Join(got, ",") != strings.Join(want, ",") {
				t.Errorf("quoted %q found %v, want %v", s, got, want)
			}
			// Unquoted, every containing article is found too.
			got := map[string]bool{}
			for _, id := range allIDs(t, e, s) {
				got[id] = true
			}
			for _, id := range want {
				if !got[id] {
					t.Errorf("unquoted %q misses article %s", s, id)
				}
			}
		})
	}
}

// TestSamplePageLineBreakName checks the article whose byline breaks 秦钰轩
// over two lines: it is found, and the name is highlighted whole.
func TestSamplePageLineBreakName(t *testing.T) {
	e, arts := pageEngine(t)
	var id string
	for _, a := range arts {
		if strings.Contains(a.Body, "人大常委会") && strings.Contains(strings.Join(a.Reporters, ","), "秦钰轩") {
			id = a.ID
		}
	}
	if id == "" {
		t.Fatal("the sample page has no 人大常委会 article by 秦钰轩")
	}
	r, err := e.Search(context.Background(), Request{Query: "秦钰轩 常委会", Size: MaxSize, Explain: true})
	if err != nil {
		t.Fatal(err)
	}
	var hit *Hit
	for i := range r.Hits {
		if r.Hits[i].ID == id {
			hit = &r.Hits[i]
		}
	}
	if hit == nil {
		t.Fatalf("秦钰轩 常委会 found %v, not %s", ids(r), id)
	}
	if !strings.Contains(hit.Snippet, "<mark>秦钰轩</mark>") && !strings.Contains(hit.Snippet, "<mark>秦\n钰轩</mark>") {
		t.Errorf("snippet does not mark the name whole: %q", hit.Snippet)
	}
	// The name was learned from the byline, so it is one word of the
	// query and of the article's word view.
	if w := r.Explain.Terms[0].Words; len(w) != 1 || w[0] != "秦钰轩" {
		t.Errorf("query words of 秦钰轩 = %q", w)
	}
	word := false
	for _, m := range hit.Why {
		if m.View == "words" && m.Term == "秦钰轩" {
			word = true
		}
	}
	if !word {
		t.Errorf("秦钰轩 did not match as a word: %+v", hit.Why)
	}
}

// recallFixture holds the cases the issue names, written for this test.
var recallFixture = []article.Article{
	{ID: "gu", Date: "2022-04-01", Headline: "碛口古镇", Body: "游客来到碛口古镇。"},
	{ID: "zhen", Date: "2022-04-02", Headline: "新镇", Body: "碛口镇的新貌。"},
	{ID: "tw", Date: "2022-04-03", Headline: "两岸", Body: "臺灣同胞回乡，ＡＰＥＣ会议在即。"},
	{ID: "tw2", Date: "2022-04-04", Headline: "会议", Body: "台湾代表出席APEC会议。"},
	{ID: "city", Date: "2022-04-05", Headline: "吕梁市召开会议", Body: "吕梁市公安局发布通告。"},
	{ID: "region", Date: "2022-04-06", Headline: "吕梁山区", Body: "吕梁山上的镁矿。"},
	{ID: "qing", Date: "2022-04-07", Headline: "清史", Body: "乾隆年间的碑刻。"},
}

func fixtureEngine(t *testing.T, arts []article.Article) *Engine {
	t.Helper()
	return engineOf(t, segment.DictTest, pointers(arts))
}

// pointers returns pointers to the articles of a slice.
func pointers(arts []article.Article) []*article.Article {
	out := make([]*article.Article, len(arts))
	for i := range arts {
		out[i] = &arts[i]
	}
	return out
}

func TestRecallCases(t *testing.T) {
	e := fixtureEngine(t, recallFixture)
	for _, tc := range []struct{ q, want string }{
		{`"碛口镇"`, "zhen"},
		{`"碛口古镇"`, "gu"},
		{`碛口`, "gu,zhen"},
		{`臺灣`, "tw,tw2"},
		{`台湾`, "tw,tw2"},
		{`"臺灣同胞"`, "tw"},
		{`ＡＰＥＣ`, "tw,tw2"},
		{`apec`, "tw,tw2"},
		{`"ａｐｅｃ会议"`, "tw,tw2"},
		{`吕梁市`, "city"},
		{`"吕梁市"`, "city"},
		{`吕梁`, "city,region"},
		{`镁`, "region"},
		{`安局`, "city"},
		{`"市公"`, "city"},
		// A part of a text normalises as it does inside the text: OpenCC
		// keeps 乾隆 as a phrase but makes 乾 alone 干.
		{`"乾"`, "qing"},
		{`"乾隆"`, "qing"},
	} {
		t.Run(tc.q, func(t *testing.T) {
			if got := strings.Join(allIDs(t, e, tc.q), ","); got != tc.want {
				t.Errorf("%s found %s, want %s", tc.q, got, tc.want)
			}
		})
	}
}

func TestHighlightOriginalForms(t *testing.T) {
	e := fixtureEngine(t, recallFixture)
	for _, tc := range []struct{ q, id, want string }{
		{`台湾`, "tw", "<mark>臺灣</mark>同胞"},
		{`apec`, "tw", "<mark>ＡＰＥＣ</mark>会议"},
		{`ＡＰＥＣ`, "tw2", "出席<mark>APEC</mark>会议"},
		{`"碛口镇"`, "zhen", "<mark>碛口镇</mark>的"},
		{`安局`, "city", "吕梁市公<mark>安局</mark>"},
	} {
		r, err := e.Search(context.Background(), Request{Query: tc.q, Size: MaxSize})
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, h := range r.Hits {
			if h.ID == tc.id {
				found = true
				if !strings.Contains(h.Snippet, tc.want) {
					t.Errorf("%s: snippet of %s = %q, want %q in it", tc.q, tc.id, h.Snippet, tc.want)
				}
			}
		}
		if !found {
			t.Errorf("%s: %s not found (%v)", tc.q, tc.id, ids(r))
		}
	}
}

// TestUnquotedWordRecall checks that an unquoted word finds exactly the
// articles that contain it, whichever of the word and character views
// answers: every word of two to four characters the segmenter cuts from
// the fixture's text, including those it also finds inside longer words.
func TestUnquotedWordRecall(t *testing.T) {
	e, arts := testJSONLEngine(t)
	seg := e.Index().Segmenter()
	seen := map[string]bool{}
	checked := 0
	for _, a := range arts {
		for _, tok := range seg.Words(segment.Normalize(a.Headline+"。"+a.Body), segment.Index) {
			w := tok.Term
			if n := len([]rune(w)); n < 2 || n > 4 || seen[w] || !allHan(w) {
				continue
			}
			seen[w] = true
			want := containing(arts, w)
			if len(want) > MaxSize {
				continue
			}
			if got := allIDs(t, e, w); !slices.Equal(got, want) {
				t.Fatalf("%s: found %v, the articles with it are %v", w, got, want)
			}
			checked++
		}
	}
	if checked < 50 {
		t.Fatalf("only %d words checked", checked)
	}
}

func allHan(s string) bool {
	for _, r := range s {
		if !segment.IsHan(r) {
			return false
		}
	}
	return true
}

package search

import (
	"context"
	"sort"
	"strings"
	"testing"

	bq "github.com/blevesearch/bleve/v2/search/query"
	"github.com/google/go-cmp/cmp"

	"baoku/indexer/article"
	"baoku/indexer/field"
	"baoku/segment"
)

// bruteLine is an occurrence found by scanning the text.
type bruteLine struct {
	ID, Field string
	Para      int
}

// bruteOccurrences lists every occurrence of the phrase in the articles
// that pass the filters (and have the phrase), oldest first, then in
// reading order: kicker, headline, subtitle, body by paragraph.
func bruteOccurrences(arts []*article.Article, phrase string, f Request) []bruteLine {
	sorted := append([]*article.Article(nil), arts...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Date < sorted[j].Date })
	norm := segment.Normalize(phrase)
	var out []bruteLine
	for _, a := range sorted {
		if !inFilters(a, f) {
			continue
		}
		texts := fieldTexts(a)
		for _, name := range []string{field.Kicker, field.Headline, field.Subtitle, field.Body} {
			shown := 0 // paragraphs as the article page numbers them
			for _, para := range strings.Split(texts[name], "\n") {
				if strings.TrimSpace(para) != "" {
					shown++
				}
				n := countOverlapping(segment.Normalize(para), norm)
				for range n {
					l := bruteLine{ID: a.ID, Field: name}
					if name == field.Body {
						l.Para = shown
					}
					out = append(out, l)
				}
			}
		}
	}
	return out
}

// TestConcordanceBruteForce checks a concordance, page by page, against
// the occurrences found by scanning the text: multi-character phrases
// (counted from the index's positions), a single character (counted by
// reading the text) and a phrase printed in traditional characters.
func TestConcordanceBruteForce(t *testing.T) {
	e, arts := researchEngine(t)
	ctx := context.Background()
	byID := map[string]*article.Article{}
	for _, a := range arts {
		byID[a.ID] = a
	}
	f := Request{Filters: map[string][]string{field.Paper: {"吕梁日报", "人民日报"}}}
	for _, phrase := range []string{"黄河", "乡村振兴", "古镇古", "河", "台湾"} {
		t.Run(phrase, func(t *testing.T) {
			want := bruteOccurrences(arts, phrase, f)
			var got []bruteLine
			total := -1
			for page := 1; ; page++ {
				r := f
				r.Query, r.Page, r.Size = `"`+phrase+`"`, page, 13
				res, err := e.Concordance(ctx, KWICRequest{Request: r, Width: 6})
				if err != nil {
					t.Fatal(err)
				}
				total = res.Total
				for _, l := range res.Lines {
					got = append(got, bruteLine{l.ID, l.Field, l.Para})
					checkLine(t, byID[l.ID], l, phrase, 6)
				}
				if len(res.Lines) < 13 {
					break
				}
			}
			if total != len(want) {
				t.Errorf("total %d, brute force %d", total, len(want))
			}
			// Within a day the order of articles is the index's; compare
			// as sets of lines per day, and the order of days.
			if diff := cmp.Diff(countLines(want), countLines(got)); diff != "" {
				t.Errorf("lines differ from brute force (-want +got):\n%s", diff)
			}
			for i := 1; i < len(got); i++ {
				if byID[got[i].ID].Date < byID[got[i-1].ID].Date {
					t.Errorf("line %d (%s) is older than the one before", i, byID[got[i].ID].Date)
				}
			}
		})
	}
}

func countLines(ls []bruteLine) map[bruteLine]int {
	m := map[bruteLine]int{}
	for _, l := range ls {
		m[l]++
	}
	return m
}

// checkLine checks that a line is the article's own text: the match in
// the characters printed, normalising to the phrase, with its context
// beside it in the paragraph.
func checkLine(t *testing.T, a *article.Article, l KWICLine, phrase string, width int) {
	t.Helper()
	text := fieldTexts(a)[l.Field]
	if l.Field == field.Body {
		var shown []string
		for _, p := range strings.Split(text, "\n") {
			if strings.TrimSpace(p) != "" {
				shown = append(shown, p)
			}
		}
		text = shown[l.Para-1]
	}
	if segment.Normalize(l.Match) != segment.Normalize(phrase) {
		t.Errorf("%s: match %q is not %q", a.ID, l.Match, phrase)
	}
	if !strings.Contains(text, l.Left+l.Match+l.Right) {
		t.Errorf("%s: %q|%q|%q is not in the text %q", a.ID, l.Left, l.Match, l.Right, text)
	}
	if n := len([]rune(l.Left)); n > width || n < width && !strings.HasPrefix(text, l.Left+l.Match) {
		t.Errorf("%s: left context %q: %d characters, not %d nor the start of the text", a.ID, l.Left, n, width)
	}
	if n := len([]rune(l.Right)); n > width || n < width && !strings.HasSuffix(text, l.Match+l.Right) {
		t.Errorf("%s: right context %q: %d characters, not %d nor the end of the text", a.ID, l.Right, n, width)
	}
	if l.Date != a.Date || l.Paper != a.Paper || l.Headline != a.Headline || l.Page != a.Page {
		t.Errorf("%s: line metadata %+v", a.ID, l)
	}
}

// TestConcordanceOriginalCharacters checks that a query in simplified
// characters shows the traditional characters the article printed.
func TestConcordanceOriginalCharacters(t *testing.T) {
	e, _ := researchEngine(t)
	res, err := e.Concordance(context.Background(), KWICRequest{Request: Request{Query: "乡村振兴", Size: MaxLines}})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, l := range res.Lines {
		seen[l.Match] = true
	}
	if !seen["鄉村振興"] || !seen["乡村振兴"] {
		t.Errorf("matches %v; want both the traditional and the simplified printing", seen)
	}
}

// TestConcordanceSorted checks the left and right orders: lines sorted by
// the characters before the match, nearest first, or after it.
func TestConcordanceSorted(t *testing.T) {
	e, _ := researchEngine(t)
	ctx := context.Background()
	byDate, err := e.Concordance(ctx, KWICRequest{Request: Request{Query: `"古镇"`, Size: MaxLines}})
	if err != nil {
		t.Fatal(err)
	}
	for _, order := range []string{SortLeft, SortRight} {
		res, err := e.Concordance(ctx, KWICRequest{Request: Request{Query: `"古镇"`, Size: MaxLines}, Order: order})
		if err != nil {
			t.Fatal(err)
		}
		if res.Total != byDate.Total || len(res.Lines) != len(byDate.Lines) {
			t.Fatalf("%s: %d lines of %d, by date %d of %d", order, len(res.Lines), res.Total, len(byDate.Lines), byDate.Total)
		}
		keys := make([]string, len(res.Lines))
		for i, l := range res.Lines {
			keys[i] = l.Right
			if order == SortLeft {
				keys[i] = reversed(l.Left)
			}
		}
		if !sort.StringsAreSorted(keys) {
			t.Errorf("%s: lines are not sorted by their context", order)
		}
	}
}

// TestConcordanceWordTotal checks the word view's count of occurrences
// against the segmenter's cut of the text, and that a term of several
// words has none.
func TestConcordanceWordTotal(t *testing.T) {
	e, arts := researchEngine(t)
	ctx := context.Background()
	want := 0
	for _, a := range arts {
		if !containsText(a, "古镇") {
			continue
		}
		for _, text := range fieldTexts(a) {
			for _, tok := range e.seg.Words(segment.Normalize(text), segment.Index) {
				if tok.Term == "古镇" {
					want++
				}
			}
		}
	}
	res, err := e.Concordance(ctx, KWICRequest{Request: Request{Query: "古镇"}})
	if err != nil {
		t.Fatal(err)
	}
	if res.WordTotal != want || want == 0 {
		t.Errorf("word total %d, brute force %d", res.WordTotal, want)
	}
	res, err = e.Concordance(ctx, KWICRequest{Request: Request{Query: "乡村振兴"}})
	if err != nil {
		t.Fatal(err)
	}
	if res.WordTotal != -1 {
		t.Errorf("乡村振兴 is several words of the test dictionary: word total %d, want -1", res.WordTotal)
	}
}

// TestConcordanceIndexCounts checks that the counts from the index's
// positions equal those found by reading each article.
func TestConcordanceIndexCounts(t *testing.T) {
	e, _ := researchEngine(t)
	ctx := context.Background()
	for _, q := range []string{"黄河", "古镇古镇", "乡村振兴 台湾", "标题:黄河古镇"} {
		p, err := e.prepare(Request{Query: q})
		if err != nil {
			t.Fatal(err)
		}
		needles := needlesOfTerms(p.terms())
		hits, snap, err := e.hitsByDate(ctx, p.query())
		if err != nil {
			t.Fatal(err)
		}
		counts, ok, err := indexedCounts(ctx, snap, needles, hits)
		if err != nil || !ok {
			t.Fatalf("%s: counts from the index: %v %v", q, ok, err)
		}
		for i, h := range hits {
			a, err := snap.article(h.num)
			if err != nil {
				t.Fatal(err)
			}
			if n := len(occurrencesIn(a, i, needles, 5, SortDate)); n != counts[i] {
				t.Errorf("%s in %s: index counts %d, the text has %d", q, a.ID, counts[i], n)
			}
		}
		snap.release()
	}
}

// TestConcordanceErrors checks the parameters' bounds.
func TestConcordanceErrors(t *testing.T) {
	e, _ := researchEngine(t)
	for _, tc := range []struct {
		r    KWICRequest
		want string
	}{
		{KWICRequest{}, "needs words"},
		{KWICRequest{Request: Request{Query: "记者:王涛"}}, "needs words"},
		{KWICRequest{Request: Request{Query: "黄河"}, Width: 500}, "width must be 1 to 200"},
		{KWICRequest{Request: Request{Query: "黄河"}, Order: "middle"}, "sort must be date, left or right"},
		{KWICRequest{Request: Request{Query: "黄河", Size: 5000}}, "size must be 1 to 1000"},
	} {
		_, err := e.Concordance(context.Background(), tc.r)
		if err == nil || !strings.Contains(err.Error(), tc.want) || !IsBadRequest(err) {
			t.Errorf("%+v: error %v, want a bad request saying %q", tc.r, err, tc.want)
		}
	}
}

// TestConcordanceKept checks that a sorted concordance's pages come from
// the lines kept from the first, and that a change of the index is seen.
func TestConcordanceKept(t *testing.T) {
	e, w := batchedEngine(t, segment.DictTest, researchArticles(), 97)
	ctx := context.Background()
	page := func(n int) *KWICResult {
		res, err := e.Concordance(ctx, KWICRequest{Request: Request{Query: `"古镇"`, Page: n, Size: 20}, Order: SortRight})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	first := page(1)
	if _, kept := e.research.kwic.get(kwicKey(KWICRequest{Request: Request{Query: `"古镇"`}, Width: DefaultWidth, Order: SortRight}, mustSnapshot(t, e))); !kept {
		t.Error("the sorted lines were not kept")
	}
	if again := page(1); !cmp.Equal(first.Lines, again.Lines) {
		t.Error("the kept lines give another first page")
	}
	if err := w.Add(&article.Article{ID: "zz", Paper: "吕梁日报", Date: "2023-12-31", Headline: "古镇古镇", Body: "古镇之夜。"}); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if later := page(1); later.Total != first.Total+3 {
		t.Errorf("after adding 3 occurrences: %d lines, before %d", later.Total, first.Total)
	}
}

// mustSnapshot returns the index's current snapshot, for its key.
func mustSnapshot(t *testing.T, e *Engine) *snapshot {
	t.Helper()
	_, snap, err := e.hitsByDate(context.Background(), bq.NewMatchNoneQuery())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(snap.release)
	return snap
}

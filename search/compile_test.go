package search

import (
	"context"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"baoku/indexer/article"
	"baoku/segment"
)

func TestTiled(t *testing.T) {
	for _, tc := range []struct{ in, want []string }{
		{[]string{"中国"}, []string{"中国"}},
		{[]string{"中国", "国特"}, []string{"中国", "国特"}},
		{[]string{"中国", "国特", "特色"}, []string{"中国", "", "特色"}},
		{[]string{"中国", "国特", "特色", "色社"}, []string{"中国", "", "特色", "色社"}},
		{[]string{"中国", "国特", "特色", "色社", "社会", "会主", "主义"}, []string{"中国", "", "特色", "", "社会", "", "主义"}},
		// Runs apart (a mark between them) are tiled each on its own.
		{[]string{"安全", "全阀", "", "", "当好", "好护", "护路"}, []string{"安全", "全阀", "", "", "当好", "", "护路"}},
		{[]string{"ab", "", "", "cd", "de", "ef", "fg"}, []string{"ab", "", "", "cd", "", "ef", "fg"}},
	} {
		if diff := cmp.Diff(tc.want, tiled(tc.in)); diff != "" {
			t.Errorf("tiled(%q) (-want +got):\n%s", tc.in, diff)
		}
	}
}

// TestTiledPhrasesExact: a phrase found with every other pair finds just
// the articles whose text holds it, where texts hold its pairs in other
// orders (every pair of 中国特色社会主义 occurs in the decoys).
func TestTiledPhrasesExact(t *testing.T) {
	arts := []*article.Article{
		{ID: "yes", Date: "2023-01-01", Headline: "一", Body: "坚持中国特色社会主义道路。"},
		{ID: "pairs", Date: "2023-01-02", Headline: "二", Body: "中国国特特色色社社会会主主义，各自成对。"},
		{ID: "shifted", Date: "2023-01-03", Headline: "三", Body: "中国人特色菜社会上主义者。"},
		{ID: "odd", Date: "2023-01-04", Headline: "四", Body: "特色社会，社会主义，中国特色。"},
	}
	e := engineOf(t, segment.DictTest, arts)
	for _, q := range []string{`"中国特色社会主义"`, `"特色社会主义"`, `"国特色社"`, `"色社会主义"`} {
		r, err := e.Search(context.Background(), Request{Query: q, Size: 10})
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		for _, a := range arts {
			if strings.Contains(a.Body, strings.Trim(q, `"`)) {
				want = append(want, a.ID)
			}
		}
		if diff := cmp.Diff(want, ids(r)); diff != "" {
			t.Errorf("%s (-want +got):\n%s", q, diff)
		}
	}
}

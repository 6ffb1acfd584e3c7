package bench

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"baoku/indexer"
	"baoku/indexer/article"
)

func TestRecombiner(t *testing.T) {
	src := []*article.Article{
		{ID: "s1", Paper: "测试日报", Headline: "春风吹过小镇", Body: "第一段甲。\n第二段甲。\n第三段甲。"},
		{ID: "s2", Paper: "测试日报", Headline: "河边钓鱼", Body: "第一段乙。\n第二段乙。"},
		{ID: "s3", Paper: "测试晚报", Headline: "茶馆", Body: "只有一段丙。"},
	}
	paras := map[string]bool{}
	for _, a := range src {
		for _, p := range strings.Split(a.Body, "\n") {
			paras[p] = true
		}
	}
	const n = 3000
	g := newRecombiner(src, 7)
	var lines [][]byte
	decades := map[string]int{}
	for i := 0; i < n; i++ {
		st := g.story(i)
		decades[st.Date[:3]]++
		for _, p := range strings.Split(st.Body, "\n") {
			if !paras[p] {
				t.Fatalf("story %d: paragraph %q is not from the corpus", i, p)
			}
		}
		lines = append(lines, g.line(i))
	}
	// Distinct IDs, as the index derives them from the records.
	ids := map[string]bool{}
	if _, err := indexer.ReadJSONL("scale", bytes.NewReader(bytes.Join(lines, []byte("\n"))), func(a *article.Article) error {
		if ids[a.ID] {
			t.Errorf("ID %s twice", a.ID)
		}
		ids[a.ID] = true
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if len(ids) != n {
		t.Errorf("%d stories read back, want %d", len(ids), n)
	}
	// Dates over every decade from the 1940s to the 2020s, none much
	// rarer than an even spread would make it.
	for d := 194; d <= 202; d++ {
		key := strconv.Itoa(d)
		if least := n / 8 / 3; d != 194 && d != 202 && decades[key] < least {
			t.Errorf("%d stories in the %s0s, want at least %d (%v)", decades[key], key, least, decades)
		}
		if decades[key] == 0 {
			t.Errorf("no story in the %s0s (%v)", key, decades)
		}
	}
	// The same seed makes the same stories, another seed others.
	if diff := cmp.Diff(g.story(42), newRecombiner(src, 7).story(42)); diff != "" {
		t.Errorf("story 42 differs from the same seed (-first +second):\n%s", diff)
	}
	same := 0
	other := newRecombiner(src, 8)
	for i := 0; i < 100; i++ {
		a, b := g.story(i), other.story(i)
		if a.Body == b.Body && a.Date == b.Date {
			same++
		}
		if a.ID == b.ID {
			t.Errorf("story %d has the ID %s under both seeds", i, a.ID)
		}
	}
	if same > 5 {
		t.Errorf("%d of 100 stories the same under seeds 7 and 8", same)
	}
}

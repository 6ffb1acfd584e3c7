package search

import (
	"context"
	"testing"

	"baoku/indexer/article"
	"baoku/segment"
)

// Text taken from PDFs carries Kangxi radicals and CJK radicals
// supplement characters for ideographs: such an article is found by the
// ordinary characters and by the radicals themselves.
func TestRadicalsFound(t *testing.T) {
	e := engineOf(t, segment.DictTest, []*article.Article{
		{ID: "r1", Paper: "人民日报", Date: "2023-05-01", Headline: "食堂开张", Body: "⼈⺠⽇报社⻝堂今天开张。"},
		{ID: "r2", Paper: "人民日报", Date: "2023-05-02", Headline: "别的消息", Body: "报社的礼堂今天开放。"},
	})
	for _, q := range []string{"人民日报社食堂", `"人民日报社食堂"`, "⼈⺠", `"⼈⺠⽇报社⻝堂"`, "⻝"} {
		r, err := e.Search(context.Background(), Request{Query: q, Size: 10})
		if err != nil {
			t.Fatal(err)
		}
		if got := ids(r); len(got) != 1 || got[0] != "r1" {
			t.Errorf("%s: got %v, want [r1]", q, got)
		}
	}
}

package eval

import (
	"testing"

	"baoku/indexer/article"
)

func TestPDFScorePage(t *testing.T) {
	truth := truthPage{PDF: "p.pdf", Family: "test", Articles: []truthArticle{
		{Headline: "青山县新建大桥今日通车", Reporters: []string{"张伟"}, Body: "青山县新建大桥今日正式通车，两岸群众往来从此不再绕行。",
			Captions: []string{"图为新建成的大桥。　王五摄"}},
		{Headline: "社区食堂办到家门口", Body: "东湖区首家社区食堂昨天开业，老年居民就近就餐更方便。"},
	}}
	got := []*article.Article{
		// Second first: matching goes by text, not order.
		{Headline: "社区食堂办到家门口", Body: "东湖区首家社区食堂昨天开业，老年居民就近就餐。"},
		{Headline: "青山县新建大桥 今日通车", Reporters: []string{"张伟"}, Body: "青山县新建大桥今日正式通车，两岸群众往来从此不再绕行。图为新建成的大桥。"},
	}
	var s pdfScore
	s.page(truth, got)
	if s.pages != 1 || s.countRight != 1 || s.found != 2 || s.headRight != 2 || s.byRight != 2 || s.bothOK != 2 {
		t.Errorf("score %+v", s)
	}
	if s.captions != 1 || s.captionsMerged != 1 {
		t.Errorf("captions %d, merged %d; want the caption found merged", s.captions, s.captionsMerged)
	}
	if s.bodyFound >= s.bodyChars || s.bodyFound < s.bodyChars*8/10 {
		t.Errorf("body pairs found %d of %d: one body lost its last words", s.bodyFound, s.bodyChars)
	}
	// A page with an article too many, and none found for a truth.
	var s2 pdfScore
	s2.page(truth, got[:1])
	if s2.countRight != 0 || s2.found != 1 || s2.articles != 2 {
		t.Errorf("score %+v", s2)
	}
}

package search

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"baoku/indexer/article"
	"baoku/indexer/field"
	"baoku/segment"
)

// researchArticles makes articles for the research views' tests, from
// sentences written for them: three papers over five years, with a month
// that has no articles at all, a year with few, pages of several forms
// (1, 01, A1, A05), blank paragraphs, traditional characters in some (鄉村振興, 臺灣) and
// words that the test dictionary cuts so that a substring is not a word
// (安局 in 公安局). The same seed gives the same articles.
func researchArticles() []*article.Article {
	rng := rand.New(rand.NewPCG(15, 2026))
	sentences := []string{
		"乡村振兴战略稳步推进，黄河岸边的古镇焕发新生机",
		"吕梁市公安局召开新闻发布会，通报夏季治安行动进展",
		"铝镁新材料产业链不断延伸，高质量发展取得新成效",
		"鄉村振興離不開人才，臺灣青年來到古镇创业",
		"黄河流域生态保护和高质量发展座谈会召开",
		"记者从公安局获悉，全市安全形势总体稳定",
		"碛口古镇游客络绎不绝，黄河文化旅游带初具规模",
		"上海和北京的企业来到吕梁投资新材料产业",
		"台湾同胞参观黄河古镇，感受乡村振兴成果",
		"产业稳步壮大，我市新材料企业达到一百家",
		"黄河黄河，奔流不息；古镇古镇，历久弥新",
	}
	heads := []string{"乡村振兴", "黄河古镇", "公安局", "新材料", "台湾", "高质量发展", "安全"}
	papers := []struct {
		name       string
		start, end int // years
		pages      []string
	}{
		{"吕梁日报", 2019, 2023, []string{"1", "2", "3", "04"}},
		{"人民日报", 2020, 2023, []string{"01", "02", "05", "13"}},
		{"新民晚报", 2021, 2022, []string{"A1", "A05", "A7", "B1"}},
	}
	var arts []*article.Article
	n := 0
	for _, p := range papers {
		for y := p.start; y <= p.end; y++ {
			for m := 1; m <= 12; m++ {
				if y == 2021 && m == 2 {
					continue // a month with no issue of any paper
				}
				per := 2 + rng.IntN(3)
				if y == 2022 {
					per = rng.IntN(2) // a thin year
				}
				for range per {
					n++
					var body []string
					for range 1 + rng.IntN(3) {
						var para []string
						for range 1 + rng.IntN(3) {
							para = append(para, sentences[rng.IntN(len(sentences))])
						}
						body = append(body, strings.Join(para, "。")+"。")
						if rng.IntN(6) == 0 {
							body = append(body, "　") // a blank paragraph
						}
					}
					a := &article.Article{
						ID:       fmt.Sprintf("r%04d", n),
						Paper:    p.name,
						Date:     fmt.Sprintf("%04d-%02d-%02d", y, m, 1+rng.IntN(28)),
						Page:     p.pages[rng.IntN(len(p.pages))],
						Section:  []string{"要闻", "综合", "文旅"}[rng.IntN(3)],
						Headline: heads[rng.IntN(len(heads))] + []string{"观察", "一线", "纪实", "新篇"}[rng.IntN(4)],
						Body:     strings.Join(body, "\n"),
					}
					if rng.IntN(3) == 0 {
						a.Kicker = heads[rng.IntN(len(heads))] + "在行动"
					}
					if rng.IntN(2) == 0 {
						a.Reporters = []string{"白凯冰", "王涛", "李娜"}[:1+rng.IntN(3)]
					}
					arts = append(arts, a)
				}
			}
		}
	}
	return arts
}

// researchEngine is a warm engine over researchArticles with the test
// dictionary, in several segments.
func researchEngine(t testing.TB) (*Engine, []*article.Article) {
	t.Helper()
	arts := researchArticles()
	e, _ := batchedEngine(t, segment.DictTest, arts, 97)
	return e, arts
}

// fieldTexts are an article's text fields by name.
func fieldTexts(a *article.Article) map[string]string {
	return map[string]string{field.Kicker: a.Kicker, field.Headline: a.Headline, field.Subtitle: a.Subtitle, field.Body: a.Body}
}

// containsText reports whether the normalised text of any of an article's
// fields (all text fields when none are named) contains the normalised
// phrase: what a quoted query finds.
func containsText(a *article.Article, phrase string, fields ...string) bool {
	if len(fields) == 0 {
		fields = field.Of(field.Text)
	}
	texts := fieldTexts(a)
	for _, f := range fields {
		if strings.Contains(segment.Normalize(texts[f]), segment.Normalize(phrase)) {
			return true
		}
	}
	return false
}

// countOverlapping counts the places s occurs in text, overlapping ones
// included.
func countOverlapping(text, s string) int {
	n := 0
	for i := range text {
		if strings.HasPrefix(text[i:], s) {
			n++
		}
	}
	return n
}

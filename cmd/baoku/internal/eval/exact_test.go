package eval

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"

	"baoku/indexer/article"
)

// inventedArticles are articles made up for the check: sentences of
// common words with numbers written with their marks, Latin words inside
// Chinese, several paragraphs, spreads and sub-sections, a traditional
// text, and articles printed twice.
func inventedArticles() []*article.Article {
	rng := rand.New(rand.NewPCG(3, 5))
	pick := func(ss ...string) string { return ss[rng.IntN(len(ss))] }
	words := []string{"吕梁", "古镇", "黄河", "铝镁", "新材料", "产业", "游客", "夜游", "保护", "公安", "行动", "会议",
		"经济", "增长", "市场", "农村", "学校", "医院", "社区", "志愿者", "项目", "建设", "群众", "文化", "春天", "秋收"}
	numbers := []string{"7.8%", "10%", "3.5%", "1/3", "3·21", "10:30", "2012-2013", "1,000", "5‰", "30℃", "13760", "787", "78"}
	latin := []string{"APEC", "5G", "COVID-19", "GDP", "ＡＰＥＣ", "iPhone"}
	marks := []string{"，", "、", "；", "：", "“", "”", "（", "）", "·", " "}
	sentence := func() string {
		var b strings.Builder
		for i := 0; i < 3+rng.IntN(6); i++ {
			switch rng.IntN(9) {
			case 0:
				b.WriteString(pick(numbers...))
			case 1:
				b.WriteString(pick(latin...))
			case 2:
				b.WriteString(pick(marks...))
			}
			b.WriteString(pick(words...))
		}
		b.WriteString(pick("。", "！", "？"))
		return b.String()
	}
	var arts []*article.Article
	for i := 0; i < 150; i++ {
		var paras []string
		for range 1 + rng.IntN(4) {
			var p []string
			for range 1 + rng.IntN(3) {
				p = append(p, sentence())
			}
			paras = append(paras, pick("", "\u3000\u3000", "    ")+strings.Join(p, ""))
		}
		a := &article.Article{
			ID:        fmt.Sprintf("inv%03d", i),
			Paper:     pick("吕梁日报", "人民日报", "新民晚报"),
			Date:      fmt.Sprintf("%d-%02d-%02d", 2012+rng.IntN(14), 1+rng.IntN(12), 1+rng.IntN(28)),
			Page:      pick("1", "2", "4/5", "A05", "12", "01"),
			Section:   pick("要闻", "星期天夜光杯/夜光杯", "文化/读书", "经济", ""),
			Source:    pick("本报讯", "新华社", ""),
			Reporters: []string{pick("刘丽霞", "王涛", "白凯冰", "秦钰轩")},
			Kicker:    pick("", "", sentence()),
			Headline:  strings.TrimRight(sentence(), "。！？"),
			Subtitle:  pick("", "", sentence()),
			Body:      strings.Join(paras, "\n"),
		}
		if i%37 == 0 {
			a.Body = "臺灣同胞參觀古鎮，經濟增長７．８％。\n" + a.Body
		}
		arts = append(arts, a)
		if i%25 == 0 {
			// Printed again on another page, or another day.
			again := *a
			again.ID, again.Page = a.ID+"r", pick("3", "6")
			if i%50 == 0 {
				again.Date = fmt.Sprintf("%d-12-31", 2012+rng.IntN(14))
			}
			arts = append(arts, &again)
		}
	}
	return arts
}

// TestExactInvented runs the differential check over the invented articles
// and the sample pages: every probe of every kind answered exactly.
func TestExactInvented(t *testing.T) {
	if testing.Short() {
		t.Skip("the differential check takes a few seconds")
	}
	ix, err := exactIndex([]string{filepath.Join("..", "..", "..", "..", "data", "pages")}, inventedArticles())
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	rep, err := checkExact(context.Background(), ix, exactOptions{probes: 1500, seed: 11, maxSet: 200, failures: 20})
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	rep.write(&out)
	t.Log("\n" + out.String())
	if !rep.ok() {
		t.Errorf("answers that were not exact")
	}
	for _, k := range probeKinds {
		if tl := rep.byKind[k]; tl == nil || tl.probes < 20 {
			t.Errorf("kind %q: %v probes, want every kind checked", k, tl)
		} else if k != kindBad && tl.sets == 0 {
			t.Errorf("kind %q: no answer compared article by article", k)
		}
	}
}

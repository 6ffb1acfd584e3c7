package web

import (
	"fmt"
	"net/http/httptest"
	"testing"

	"baoku/indexer/article"
	"baoku/search"
)

// fixture articles, written for the tests: a few by hand, and a run of
// look-alike reports (about 古镇) long enough to page through.
func fixture() []*article.Article {
	arts := []*article.Article{
		{ID: "lv1", Paper: "吕梁日报", Date: "2023-07-22", Page: "1", Section: "要闻", Source: "本报讯",
			Reporters: []string{"刘丽霞", "秦钰轩"}, Kicker: "拧紧安全阀", Headline: "吕梁公安夏季行动取得阶段性战果",
			Body: "7月21日，记者从吕梁市公安局夏季治安打击整治行动新闻发布会上获悉，全市公安机关强力推进夏季行动。\n检查车辆13760台次，<script>不是标签</script>。"},
		{ID: "lv2", Paper: "吕梁日报", Date: "2023-07-22", Page: "1", Section: "要闻", Source: "本报讯",
			Reporters: []string{"王涛"}, Headline: "我市铝镁新材料产业稳步壮大",
			Body: "吕梁是国内公认的铝镁新材料产业发展优势区域。\n铝镁精深加工产业链不断延伸。"},
		{ID: "lv3", Paper: "吕梁日报", Date: "2023-07-22", Page: "3", Section: "文旅",
			Reporters: []string{"白凯冰"}, Headline: "碛口古镇夜游火了", Subtitle: "黄河岸边灯火璀璨",
			Body: "夜幕降临的碛口古镇，游客在古镇巷弄间参观游览。\n黄河岸边的实景表演吸引了众多游客。"},
		{ID: "lv4", Paper: "吕梁日报", Date: "2023-08-01", Page: "1", Section: "要闻", Source: "本报讯",
			Reporters: []string{"王涛"}, Headline: "铝镁精深加工项目集中开工",
			Body: "六个铝镁精深加工项目集中开工，吕梁铝镁新材料产业再添新动能。"},
		{ID: "xm1", Paper: "新民晚报", Date: "2022-04-02", Page: "A5", Section: "上海新闻",
			Reporters: []string{"左妍"}, Headline: "上海社区医生的二十四小时",
			Body: "凌晨两点，上海的社区医生仍在忙碌。"},
	}
	for i := 1; i <= 24; i++ {
		arts = append(arts, &article.Article{
			ID: fmt.Sprintf("gz%02d", i), Paper: "人民日报", Date: fmt.Sprintf("2022-03-%02d", i),
			Page: fmt.Sprint(1 + i%4), Section: "文化", Source: "本报讯", Reporters: []string{"记者甲"},
			Headline: fmt.Sprintf("古镇保护第%d篇报道", i),
			Body:     fmt.Sprintf("第%d个古镇的保护工作稳步推进，古镇居民生活改善。", i),
		})
	}
	return arts
}

// testEngine returns a warm engine over the fixture with the test
// dictionary.
func testEngine(t testing.TB) *search.Engine {
	t.Helper()
	return secEngine(t, secIndex(t, fixture()))
}

// newTestServer starts the whole router over the fixture.
func newTestServer(t testing.TB) *httptest.Server {
	t.Helper()
	r, err := NewRouter(testEngine(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(r)
	t.Cleanup(srv.Close)
	return srv
}

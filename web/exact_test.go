package web

import (
	"encoding/json"
	"math"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"baoku/indexer/article"
	"baoku/search"
)

// TestDateOnlyQueries checks that a query of dates alone is answered with
// valid JSON and finite scores, in every order and with explain.
func TestDateOnlyQueries(t *testing.T) {
	h := secRouter(t, testEngine(t), Options{})
	for _, q := range []string{"日期:2022-03-02..2022-03-05", "日期:2022..", "日期:..2022-12", "date:2023..",
		"日期:2022-03 OR 日期:2023-07", "日期:2022..2023 -铝镁", "日期:2022年3月至4月", "日期:0001-01-01"} {
		for _, extra := range []string{"", "&sort=newest", "&sort=oldest", "&explain=1"} {
			target := "/api/search?q=" + url.QueryEscape(q) + extra
			rec := serve(t, h, "GET", target, nil)
			var res search.Result
			if err := json.Unmarshal(rec.Body.Bytes(), &res); rec.Code != http.StatusOK || err != nil {
				t.Fatalf("%s: %d %v %q", target, rec.Code, err, rec.Body.String())
			}
			for _, hit := range res.Hits {
				if math.IsNaN(hit.Score) || math.IsInf(hit.Score, 0) {
					t.Errorf("%s: hit %s scores %v", target, hit.ID, hit.Score)
				}
			}
			if q == "日期:0001-01-01" && res.Total != 0 {
				t.Errorf("%s: %d articles on the first day of the calendar", target, res.Total)
			}
		}
	}
}

func TestHead(t *testing.T) {
	h := secRouter(t, testEngine(t), Options{})
	for _, path := range []string{"/", "/healthz", "/search?q=古镇", "/api/search?q=古镇", "/articles/lv1", "/help", "/browse", "/metrics", "/static/style.css"} {
		get, head := serve(t, h, "GET", path, nil), serve(t, h, "HEAD", path, nil)
		if head.Code != http.StatusOK || head.Code != get.Code {
			t.Errorf("HEAD %s: %d, GET %d", path, head.Code, get.Code)
		}
		if head.Header().Get("Content-Type") != get.Header().Get("Content-Type") {
			t.Errorf("HEAD %s: content type %q, GET %q", path, head.Header().Get("Content-Type"), get.Header().Get("Content-Type"))
		}
	}
}

func TestPagingPastTheEnd(t *testing.T) {
	h := secRouter(t, testEngine(t), Options{})
	rec := serve(t, h, "GET", "/search?q="+url.QueryEscape("古镇")+"&page=9", nil)
	page := rec.Body.String()
	for _, want := range []string{"第 9 页没有文章：结果只有 3 页", "回到第 3 页", `rel="prev"`} {
		if !strings.Contains(page, want) {
			t.Errorf("page 9 of 3 lacks %q", want)
		}
	}
	if strings.Contains(page, "没有找到文章") {
		t.Errorf("page 9 of 3 says nothing was found")
	}
}

// TestSeveralValues checks that every value of a filter counts, is shown
// and is kept by the form.
func TestSeveralValues(t *testing.T) {
	h := secRouter(t, testEngine(t), Options{})
	target := "/search?q=" + url.QueryEscape("上海 OR 古镇") + "&paper=" + url.QueryEscape("新民晚报") + "&paper=" + url.QueryEscape("吕梁日报")
	page := serve(t, h, "GET", target, nil).Body.String()
	for _, want := range []string{"报纸：新民晚报", "报纸：吕梁日报", `name="paper" value="新民晚报"`, `name="paper" value="吕梁日报"`, `找到 <strong id="total">2</strong>`} {
		if !strings.Contains(page, want) {
			t.Errorf("%s lacks %q", target, want)
		}
	}
}

func TestNotesOnThePage(t *testing.T) {
	h := secRouter(t, testEngine(t), Options{})
	page := serve(t, h, "GET", "/search?q="+url.QueryEscape("古镇 foo:bar ，"), nil).Body.String()
	for _, want := range []string{"“foo:”不是字段名", "“，”里没有可检索的字，已忽略"} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks the note %q", want)
		}
	}
}

// TestIndents checks that neither snippets nor article pages show a
// paragraph's own indent.
func TestIndents(t *testing.T) {
	arts := []*article.Article{{ID: "in1", Paper: "人民日报", Date: "2022-01-01", Page: "1", Headline: "缩进",
		Body: "\u3000\u3000第一段讲古镇。\n\u3000\u3000第二段也讲古镇。\n    第三段。"}}
	h := secRouter(t, secEngine(t, secIndex(t, arts)), Options{})
	var res search.Result
	if err := json.Unmarshal(serve(t, h, "GET", "/api/search?q="+url.QueryEscape("古镇"), nil).Body.Bytes(), &res); err != nil {
		t.Fatal(err)
	}
	if got := res.Hits[0].Snippet; strings.ContainsAny(got, "\u3000\n") || strings.Contains(got, "  ") {
		t.Errorf("snippet %q keeps indents", got)
	}
	page := serve(t, h, "GET", "/articles/in1", nil).Body.String()
	for _, p := range []string{`">第一段讲古镇。</p>`, `">第二段也讲古镇。</p>`, `">第三段。</p>`} {
		if !strings.Contains(page, p) {
			t.Errorf("article page lacks %s", p)
		}
	}
}

func TestReprintsListed(t *testing.T) {
	body := "同一篇稿件在两个版面刊出。"
	arts := []*article.Article{
		{ID: "p1", Paper: "人民日报", Date: "2022-01-01", Page: "1", Headline: "重复刊登", Body: body},
		{ID: "p4", Paper: "人民日报", Date: "2022-01-01", Page: "4", Headline: "重复刊登", Body: body},
	}
	h := secRouter(t, secEngine(t, secIndex(t, arts)), Options{})
	page := serve(t, h, "GET", "/search?q="+url.QueryEscape("稿件"), nil).Body.String()
	for _, want := range []string{`找到 <strong id="total">1</strong>`, "同一篇文章也刊于："} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	// The hit is one printing; the line names the other.
	if strings.Count(page, "/articles/p1?") != 1 || strings.Count(page, "/articles/p4?") != 1 {
		t.Errorf("page should link each printing once:\n%s", page)
	}
	if !strings.Contains(page, "2022-01-01 人民日报 第4版") && !strings.Contains(page, "2022-01-01 人民日报 第1版") {
		t.Errorf("page does not name the other printing")
	}
}

// TestUploadsNameTheirArticles checks that an upload answers with the
// articles' IDs, that a record's own id finds its article, and that a page
// sent again under another name replaces its articles.
func TestUploadsNameTheirArticles(t *testing.T) {
	h, eng := adminRouter(t, Limits{})
	before, _ := eng.Count()
	rec := serve(t, h, "POST", "/api/admin/index", strings.NewReader(`{"id":"up-1","paper":"测试日报","date":"2023-10-01","headline":"上传的稿件","body":"秋收开始了。"}`),
		"Authorization", "Bearer "+token, "Content-Type", "application/json")
	var rep IngestReport
	if err := json.Unmarshal(rec.Body.Bytes(), &rep); rec.Code != http.StatusOK || err != nil {
		t.Fatalf("upload: %d %s", rec.Code, rec.Body)
	}
	if len(rep.Indexed) != 1 || rep.Indexed[0].SourceID != "up-1" || rep.Indexed[0].Headline != "上传的稿件" || rep.Indexed[0].ID == "" {
		t.Fatalf("upload names %+v", rep.Indexed)
	}
	for _, id := range []string{rep.Indexed[0].ID, "up-1"} {
		rec := serve(t, h, "GET", "/api/articles/"+id, nil)
		var a article.Article
		if err := json.Unmarshal(rec.Body.Bytes(), &a); rec.Code != http.StatusOK || err != nil || a.ID != rep.Indexed[0].ID {
			t.Errorf("/api/articles/%s: %d %s", id, rec.Code, rec.Body)
		}
	}

	page, err := os.ReadFile(filepath.Join("..", "data", "pages", "lvliang-2023-07-22-01.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var first []string
	for _, name := range []string{"lvliang-2023-07-22-01.txt", "吕梁日报-2023-07-22-01.txt", "lvliang-2023-07-22-01.txt"} {
		ct, body := multipartBody(t, map[string][]byte{name: page})
		rec := serve(t, h, "POST", "/api/admin/index", body, "Authorization", "Bearer "+token, "Content-Type", ct)
		var rep IngestReport
		if err := json.Unmarshal(rec.Body.Bytes(), &rep); rec.Code != http.StatusOK || err != nil || len(rep.Indexed) == 0 {
			t.Fatalf("upload %s: %d %s", name, rec.Code, rec.Body)
		}
		var got []string
		for _, a := range rep.Indexed {
			got = append(got, a.ID)
		}
		if first == nil {
			first = got
		} else if diff := cmp.Diff(first, got); diff != "" {
			t.Errorf("the page as %s has other IDs (-first +now):\n%s", name, diff)
		}
		if n, _ := eng.Count(); n != before+1+uint64(len(first)) {
			t.Errorf("after %s: %d articles, want %d", name, n, before+1+uint64(len(first)))
		}
	}
}

func TestHeadResearch(t *testing.T) {
	h, _, _ := researchServer(t, RateLimit{})
	for _, path := range []string{"/trend?q=" + url.QueryEscape("黄河"), "/kwic?q=" + url.QueryEscape("黄河"), "/api/trend?q=" + url.QueryEscape("黄河")} {
		get, head := serve(t, h, "GET", path, nil), serve(t, h, "HEAD", path, nil)
		if head.Code != http.StatusOK || head.Code != get.Code {
			t.Errorf("HEAD %s: %d, GET %d", path, head.Code, get.Code)
		}
	}
}

package search

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"testing"

	"baoku/indexer/article"
)

func idOf(t *testing.T, arts []*article.Article, headline string) string {
	t.Helper()
	for _, a := range arts {
		if a.Headline == headline {
			return a.ID
		}
	}
	t.Fatalf("no fixture article %q", headline)
	return ""
}

func TestMonthsAndDays(t *testing.T) {
	e, arts := testJSONLEngine(t)
	ctx := context.Background()
	for _, paper := range []string{"", "吕梁日报", "新民晚报"} {
		wantMonths := map[string]int{}
		wantDays := map[string]map[string]int{}
		for _, a := range arts {
			if paper != "" && a.Paper != paper {
				continue
			}
			m := a.Date[:7]
			wantMonths[m]++
			if wantDays[m] == nil {
				wantDays[m] = map[string]int{}
			}
			wantDays[m][a.Date]++
		}
		months, err := e.Months(ctx, paper)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]int{}
		for i, m := range months {
			got[m.Key] = m.Count
			if i > 0 && months[i-1].Key <= m.Key {
				t.Errorf("paper %q: months not newest first: %v", paper, months)
			}
		}
		if fmt.Sprint(got) != fmt.Sprint(wantMonths) {
			t.Errorf("paper %q: months %v, want %v", paper, got, wantMonths)
		}
		for m, want := range wantDays {
			days, err := e.Days(ctx, m, paper)
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]int{}
			var keys []string
			for _, d := range days {
				got[d.Key] = d.Count
				keys = append(keys, d.Key)
			}
			if !sort.StringsAreSorted(keys) {
				t.Errorf("days of %s not in order: %v", m, keys)
			}
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("paper %q: days of %s %v, want %v", paper, m, got, want)
			}
		}
	}
	if _, err := e.Days(ctx, "2023-13", ""); !IsBadRequest(err) {
		t.Errorf("bad month: err = %v, want a bad request", err)
	}
	papers, err := e.Papers(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(papers) != "[{吕梁日报 12} {人民日报 6} {新民晚报 4}]" {
		t.Errorf("papers = %v", papers)
	}
}

func TestEdition(t *testing.T) {
	e, arts := testJSONLEngine(t)
	ctx := context.Background()
	ed, err := e.Edition(ctx, "2023-07-22", "", "")
	if err != nil {
		t.Fatal(err)
	}
	var layout []string
	for _, p := range ed.Papers {
		for _, pg := range p.Pages {
			for _, a := range pg.Articles {
				layout = append(layout, fmt.Sprintf("%s/%s/%s/%s", p.Paper, pg.Page, pg.Section, a.Headline))
			}
		}
	}
	want := "[吕梁日报/1/要闻/铝镁精深加工项目集中开工 吕梁日报/3/文旅/碛口古镇夜游火了]"
	if fmt.Sprint(layout) != want {
		t.Errorf("edition of 2023-07-22:\n got %v\nwant %s", layout, want)
	}
	// Same page: the neighbours of an article.
	ed, err = e.Edition(ctx, "2022-04-02", "新民晚报", "A6")
	if err != nil {
		t.Fatal(err)
	}
	if len(ed.Papers) != 1 || len(ed.Papers[0].Pages) != 1 || len(ed.Papers[0].Pages[0].Articles) != 1 ||
		ed.Papers[0].Pages[0].Articles[0].ID != idOf(t, arts, "保供车队驶入居民小区") {
		t.Errorf("page A6 of 2022-04-02: %+v", ed)
	}
	ed, err = e.Edition(ctx, "2021-01-01", "", "")
	if err != nil || len(ed.Papers) != 0 {
		t.Errorf("a day without papers: %+v, %v", ed, err)
	}
	for _, bad := range []string{"", "2023-07", "yesterday"} {
		if _, err := e.Edition(ctx, bad, "", ""); !IsBadRequest(err) {
			t.Errorf("Edition(%q): err = %v, want a bad request", bad, err)
		}
	}
}

func TestPageLess(t *testing.T) {
	pages := []string{"", "10", "B2", "2/3", "A05", "1", "A10", "2", "A5b"}
	sort.Slice(pages, func(i, j int) bool { return PageLess(pages[i], pages[j]) })
	if got, want := fmt.Sprint(pages), "[1 2 2/3 10 A05 A5b A10 B2 ]"; got != want {
		t.Errorf("sorted pages = %s, want %s", got, want)
	}
}

func TestRelated(t *testing.T) {
	e, arts := testJSONLEngine(t)
	ctx := context.Background()
	for _, tc := range []struct{ of, first string }{
		{"碛口古镇夜游火了", "临县打造黄河文化旅游带"},
		{"临县打造黄河文化旅游带", "碛口古镇夜游火了"},
		{"铝镁精深加工项目集中开工", "新材料产业链招商签约"},
	} {
		id := idOf(t, arts, tc.of)
		hits, err := e.Related(ctx, id, 3)
		if err != nil {
			t.Fatal(err)
		}
		if len(hits) == 0 || hits[0].Headline != tc.first {
			var hs []string
			for _, h := range hits {
				hs = append(hs, h.Headline)
			}
			t.Errorf("related to %s: %v, want %s first", tc.of, hs, tc.first)
		}
		if len(hits) > 3 {
			t.Errorf("related to %s: %d hits, asked for 3", tc.of, len(hits))
		}
		for _, h := range hits {
			if h.ID == id {
				t.Errorf("related to %s includes itself", tc.of)
			}
		}
	}
	if _, err := e.Related(ctx, "nope", 0); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown article: err = %v", err)
	}
	if _, err := e.Related(ctx, arts[0].ID, MaxSize+1); !IsBadRequest(err) {
		t.Errorf("too many: err = %v", err)
	}
}

// TestRelatedNews checks "more like this" with the news dictionary over
// the sample page and the fixture: the plainly related articles come among
// the first two.
func TestRelatedNews(t *testing.T) {
	e, arts := newsEngine(t)
	for _, tc := range []struct {
		of   string
		want []string
	}{
		{"碛口古镇夜游火了", []string{"临县打造黄河文化旅游带", "老区“红”助力老区“兴”"}},
		{"我市铝镁新材料产业稳步壮大", []string{"铝镁精深加工项目集中开工"}},
		{"暴雨过后抢修供水管道", []string{"全市防汛工作部署会召开"}},
	} {
		hits, err := e.Related(context.Background(), idOf(t, arts, tc.of), 5)
		if err != nil {
			t.Fatal(err)
		}
		top := map[string]bool{}
		var hs []string
		for i, h := range hits {
			if i < 2 {
				top[h.Headline] = true
			}
			hs = append(hs, h.Headline)
		}
		for _, w := range tc.want {
			if !top[w] {
				t.Errorf("related to %s: %v, want %s among the first two", tc.of, hs, w)
			}
		}
	}
}

func TestMarker(t *testing.T) {
	e, _ := testJSONLEngine(t)
	mark, err := e.Marker(`碛口 -广告 记者:白凯冰`)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := mark("夜游碛口<古镇>"), "夜游<mark>碛口</mark>&lt;古镇&gt;"; got != want {
		t.Errorf("mark = %s, want %s", got, want)
	}
	if got := mark("白凯冰"); got != "白凯冰" {
		t.Errorf("a reporter filter is not marked in text: %s", got)
	}
	none, err := e.Marker("")
	if err != nil || none("a<b") != "a&lt;b" {
		t.Errorf("empty query: %v", err)
	}
	if _, err := e.Marker(`"碛口`); !IsBadRequest(err) {
		t.Errorf("bad query: err = %v", err)
	}
}

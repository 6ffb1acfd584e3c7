package search

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2/index/scorch"
	zseg "github.com/blevesearch/scorch_segment_api/v2"

	"baoku/indexer"
	"baoku/indexer/article"
	"baoku/segment"
)

// datedArticles are n articles spread over days and papers, in small
// batches so the index has many segments. Article i mentions 黄河 i%4
// times; those with the same count and length score the same, so the
// order between them is the collector's tie-break.
func datedArticles(n int) []*article.Article {
	var arts []*article.Article
	for i := 0; i < n; i++ {
		arts = append(arts, &article.Article{
			ID:       fmt.Sprintf("d%03d", i),
			Paper:    []string{"吕梁日报", "人民日报", "新民晚报"}[i%3],
			Date:     fmt.Sprintf("2023-%02d-%02d", 1+i%12, 1+(i*7)%28),
			Page:     fmt.Sprint(1 + i%5),
			Headline: "新闻",
			// The serial number keeps the articles apart (equal text
			// would be one article printed twice) at equal lengths.
			Body: "今天" + strings.Repeat("黄河水。", i%4) + fmt.Sprintf("天气晴。编号%03d", i),
		})
	}
	return arts
}

func TestCollectOrderAndPaging(t *testing.T) {
	arts := datedArticles(90)
	e, _ := batchedEngine(t, segment.DictTest, arts, 7)
	ctx := context.Background()
	for _, sortBy := range []string{SortRelevance, SortNewest, SortOldest} {
		for _, q := range []string{"黄河", "", `"天气"`} {
			t.Run(sortBy+"/"+q, func(t *testing.T) {
				all, err := e.Search(ctx, Request{Query: q, Sort: sortBy, Size: MaxSize})
				if err != nil {
					t.Fatal(err)
				}
				want := 0
				for _, a := range arts {
					if q == "" || q == `"天气"` || strings.Contains(a.Body, "黄河") {
						want++
					}
				}
				if int(all.Total) != want || len(all.Hits) != want {
					t.Fatalf("total %d, %d hits; want %d", all.Total, len(all.Hits), want)
				}
				for i := 1; i < len(all.Hits); i++ {
					a, b := all.Hits[i-1], all.Hits[i]
					var ok bool
					switch sortBy {
					case SortNewest:
						ok = a.Date > b.Date || a.Date == b.Date && a.Score >= b.Score
					case SortOldest:
						ok = a.Date < b.Date || a.Date == b.Date && a.Score >= b.Score
					default:
						// Equal scores: the newer article first.
						ok = a.Score > b.Score || a.Score == b.Score && a.Date >= b.Date
					}
					if !ok {
						t.Fatalf("hit %d (%s %s %.4f) before hit %d (%s %s %.4f) in %s order",
							i-1, a.ID, a.Date, a.Score, i, b.ID, b.Date, b.Score, sortBy)
					}
				}
				// Pages of 7 give the same order, each hit once.
				var paged []string
				for page := 1; ; page++ {
					res, err := e.Search(ctx, Request{Query: q, Sort: sortBy, Size: 7, Page: page, NoFacets: true})
					if err != nil {
						t.Fatal(err)
					}
					if res.Total != all.Total {
						t.Fatalf("page %d: total %d, not %d", page, res.Total, all.Total)
					}
					if len(res.Hits) == 0 {
						break
					}
					paged = append(paged, ids(res)...)
				}
				if !slices.Equal(paged, ids(all)) {
					t.Fatalf("pages give\n%v\none request gives\n%v", paged, ids(all))
				}
			})
		}
	}
	// The case has ties to break, or it tests little.
	res, err := e.Search(ctx, Request{Query: "黄河", Size: MaxSize})
	if err != nil {
		t.Fatal(err)
	}
	ties := 0
	for i := 1; i < len(res.Hits); i++ {
		if res.Hits[i].Score == res.Hits[i-1].Score && res.Hits[i].Date != res.Hits[i-1].Date {
			ties++
		}
	}
	if ties == 0 {
		t.Fatal("no equal scores on different dates: the tie-break is not tested")
	}
}

// paperCounts is the paper facet of a result as a map.
func paperCounts(r *Result) map[string]int {
	m := map[string]int{}
	for _, v := range r.Facets["paper"] {
		m[v.Key] = v.Count
	}
	return m
}

func TestCollectAfterChanges(t *testing.T) {
	arts := datedArticles(40)
	e, w := batchedEngine(t, segment.DictTest, arts, 7)
	ctx := context.Background()
	check := func(live []*article.Article) {
		t.Helper()
		res, err := e.Search(ctx, Request{Query: "黄河"})
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]int{}
		total := 0
		for _, a := range live {
			if strings.Contains(a.Body, "黄河") {
				want[a.Paper]++
				total++
			}
		}
		if int(res.Total) != total {
			t.Fatalf("total %d, want %d", res.Total, total)
		}
		if got := paperCounts(res); !maps.Equal(got, want) {
			t.Fatalf("paper facet %v, want %v", got, want)
		}
	}
	check(arts)

	// New articles, a replaced one (now without 黄河, in another paper)
	// and a deleted one.
	more := datedArticles(60)[40:]
	for _, a := range more {
		if err := w.Add(a); err != nil {
			t.Fatal(err)
		}
	}
	changed := *arts[1]
	changed.Body, changed.Paper = "今天天气晴。", "北京日报"
	if err := w.Add(&changed); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := indexer.Delete(e.Index(), arts[2].ID); err != nil {
		t.Fatal(err)
	}
	live := append(slices.Clone(arts), more...)
	live[1] = &changed
	live = slices.Delete(live, 2, 3)
	check(live)

	// Tables are kept for the segments in use, no more.
	adv, err := e.Index().Bleve().Advanced()
	if err != nil {
		t.Fatal(err)
	}
	r, err := adv.Reader()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	inUse := len(r.(*scorch.IndexSnapshot).Segments())
	e.tables.mu.Lock()
	kept := len(e.tables.segs)
	e.tables.mu.Unlock()
	if kept > inUse {
		t.Fatalf("%d segment tables kept for %d segments", kept, inUse)
	}
}

// TestTableBuildDoesNotBlock: while one search builds the table of a new
// segment, a search over a snapshot whose tables are built goes on.
func TestTableBuildDoesNotBlock(t *testing.T) {
	arts := datedArticles(40)
	e, w := batchedEngine(t, segment.DictTest, arts[:20], 10)
	reader := func() *scorch.IndexSnapshot {
		adv, err := e.Index().Bleve().Advanced()
		if err != nil {
			t.Fatal(err)
		}
		r, err := adv.Reader()
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { r.Close() })
		return r.(*scorch.IndexSnapshot)
	}
	old := reader()
	if _, err := e.tables.viewOf(old); err != nil { // builds its tables
		t.Fatal(err)
	}
	for _, a := range arts[20:] {
		if err := w.Add(a); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	started, release := make(chan struct{}), make(chan struct{})
	var once sync.Once
	e.tables.building = func(zseg.Segment) {
		once.Do(func() { close(started) })
		<-release
	}
	fresh := reader()
	done := make(chan error, 1)
	go func() {
		_, err := e.tables.viewOf(fresh)
		done <- err
	}()
	<-started
	got := make(chan error, 1)
	go func() {
		_, err := e.tables.viewOf(old)
		got <- err
	}()
	select {
	case err := <-got:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("a search over built tables waited for a table being built")
	}
	close(release)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}

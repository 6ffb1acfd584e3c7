package search

import (
	"context"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"baoku/indexer"
	"baoku/indexer/article"
	"baoku/segment"
)

// reprints are invented articles: r1 is printed again as r2 (another page,
// the text spaced differently) and r3 (another day, another kicker).
func reprints() []*article.Article {
	body := "黄河岸边的古镇迎来游客。\n古镇保护工作稳步推进。"
	return []*article.Article{
		{ID: "r1", Paper: "人民日报", Date: "2022-01-01", Page: "1", Section: "要闻", Headline: "古镇迎客", Body: body},
		{ID: "r2", Paper: "人民日报", Date: "2022-01-01", Page: "4", Section: "要闻", Headline: "古镇 迎客", Body: body},
		{ID: "r3", Paper: "人民日报", Date: "2022-01-05", Page: "2", Section: "文化", Kicker: "再看黄河", Headline: "古镇迎客", Body: body},
		{ID: "o1", Paper: "人民日报", Date: "2022-01-02", Page: "1", Section: "要闻", Headline: "黄河古镇", Body: "古镇的另一篇报道。"},
	}
}

func placeIDs(h Hit) []string {
	var out []string
	for _, p := range h.Places {
		out = append(out, p.ID)
	}
	return out
}

func TestReprintsAreOneHit(t *testing.T) {
	e, w := batchedEngine(t, segment.DictTest, reprints(), 2)
	ctx := context.Background()
	r, err := e.Search(ctx, Request{Query: "古镇", Sort: SortOldest})
	if err != nil {
		t.Fatal(err)
	}
	if r.Total != 2 || len(r.Hits) != 2 {
		t.Fatalf("total %d, hits %v: want the reprinted article once and o1", r.Total, ids(r))
	}
	// The oldest printings are r1 and r2, of the same day: either
	// stands for the article, listing its own place first.
	first := r.Hits[0]
	if first.ID != "r1" && first.ID != "r2" {
		t.Errorf("oldest first is %s, want r1 or r2", first.ID)
	}
	places := placeIDs(first)
	if len(places) == 0 || places[0] != first.ID {
		t.Errorf("places %v do not start with the hit %s", places, first.ID)
	}
	slices.Sort(places)
	if diff := cmp.Diff([]string{"r1", "r2", "r3"}, places); diff != "" {
		t.Errorf("places (-want +got):\n%s", diff)
	}
	for _, p := range first.Places {
		if p.ID == "r2" && (p.Page != "4" || p.Date != "2022-01-01" || p.Paper != "人民日报") {
			t.Errorf("place %+v, want 人民日报 2022-01-01 page 4", p)
		}
	}
	if len(r.Hits[1].Places) != 0 {
		t.Errorf("o1 has places %v", r.Hits[1].Places)
	}
	// A facet value counts the article once, under each of its values.
	pages := map[string]int{}
	for _, v := range r.Facets["page"] {
		pages[v.Key] = v.Count
	}
	if diff := cmp.Diff(map[string]int{"1": 2, "4": 1, "2": 1}, pages); diff != "" {
		t.Errorf("page facet (-want +got):\n%s", diff)
	}
	sections := map[string]int{}
	for _, v := range r.Facets["section"] {
		sections[v.Key] = v.Count
	}
	if diff := cmp.Diff(map[string]int{"要闻": 2, "文化": 1}, sections); diff != "" {
		t.Errorf("section facet (-want +got):\n%s", diff)
	}

	// Narrowed to one place, the hit is that place, still listing all.
	r, err = e.Search(ctx, Request{Query: "古镇 版次:4"})
	if err != nil {
		t.Fatal(err)
	}
	if r.Total != 1 || r.Hits[0].ID != "r2" || !slices.Equal(placeIDs(r.Hits[0]), []string{"r2", "r1", "r3"}) {
		t.Errorf("古镇 版次:4: total %d, hits %+v", r.Total, r.Hits)
	}
	// Found through one printing's kicker only.
	r, err = e.Search(ctx, Request{Query: `"再看黄河"`})
	if err != nil {
		t.Fatal(err)
	}
	if r.Total != 1 || r.Hits[0].ID != "r3" {
		t.Errorf(`"再看黄河": total %d, hits %v`, r.Total, ids(r))
	}

	// Deleting two of the three printings leaves an article of one.
	for _, id := range []string{"r1", "r3"} {
		if err := indexer.Delete(e.Index(), id); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	r, err = e.Search(ctx, Request{Query: "古镇"})
	if err != nil {
		t.Fatal(err)
	}
	if r.Total != 2 {
		t.Fatalf("after deletes: total %d, hits %v", r.Total, ids(r))
	}
	for _, h := range r.Hits {
		if len(h.Places) != 0 {
			t.Errorf("after deletes %s still lists places %v", h.ID, placeIDs(h))
		}
	}
}

func TestRelatedLeavesOutReprints(t *testing.T) {
	e := engineOf(t, segment.DictTest, reprints())
	rel, err := e.Related(context.Background(), "r1", 5)
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range rel {
		if h.ID == "r2" || h.ID == "r3" {
			t.Errorf("related to r1 lists its reprint %s", h.ID)
		}
	}
}

func TestReprintsOnRequest(t *testing.T) {
	e := engineOf(t, segment.DictTest, reprints())
	r, err := e.Search(context.Background(), Request{Query: "古镇", Reprints: true})
	if err != nil {
		t.Fatal(err)
	}
	got := ids(r)
	slices.Sort(got)
	if r.Total != 4 || !slices.Equal(got, []string{"o1", "r1", "r2", "r3"}) {
		t.Errorf("with reprints: total %d, hits %v", r.Total, got)
	}
	for _, h := range r.Hits {
		if len(h.Places) != 0 {
			t.Errorf("with reprints, %s lists places", h.ID)
		}
	}
}

package indexer

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"baoku/indexer/article"
	"baoku/indexer/field"
)

func TestKeywordTerms(t *testing.T) {
	for _, tc := range []struct {
		name, v string
		want    []string
	}{
		{field.Paper, "人民日報", []string{"人民日报"}},
		{field.Page, "4/5", []string{"4/5", "4", "5"}},
		{field.Page, "A05", []string{"a5"}},
		{field.Page, "01", []string{"1"}},
		{field.Page, "10", []string{"10"}},
		{field.Page, "0", []string{"0"}},
		{field.Section, "星期天夜光杯/夜光杯", []string{"星期天夜光杯/夜光杯", "星期天夜光杯", "夜光杯"}},
		{field.Section, "要聞", []string{"要闻"}},
		{field.Reporter, " 劉麗霞 ", []string{"刘丽霞"}},
		{field.Source, "新華社/新华社", []string{"新华社/新华社"}},
	} {
		if diff := cmp.Diff(tc.want, KeywordTerms(tc.name, tc.v)); diff != "" {
			t.Errorf("KeywordTerms(%s, %q) (-want +got):\n%s", tc.name, tc.v, diff)
		}
	}
}

func TestContentKey(t *testing.T) {
	a := &article.Article{Headline: "古镇迎客", Body: "黄河岸边。"}
	same := &article.Article{Headline: "古镇 迎客", Body: "黃河岸邊。", Page: "4", Kicker: "另一个引题"}
	other := &article.Article{Headline: "古镇迎客", Body: "黄河岸边！"}
	if ContentKey(a) != ContentKey(same) {
		t.Errorf("spacing, character forms and kicker change the content key")
	}
	if ContentKey(a) == ContentKey(other) {
		t.Errorf("a different body has the same content key")
	}
}

package search

import (
	"bytes"
	"context"
	"encoding/json"
	"math"
	"strings"
	"testing"
)

func TestExplainWhy(t *testing.T) {
	e := testEngine(t)
	r, err := e.Search(context.Background(), Request{Query: `吕梁 公安 OR "碛口镇"`, Explain: true, Size: 100})
	if err != nil {
		t.Fatal(err)
	}
	if r.Explain == nil || len(r.Explain.Terms) != 3 {
		t.Fatalf("explain = %+v", r.Explain)
	}
	for _, h := range r.Hits {
		if len(h.Why) == 0 {
			t.Fatalf("hit %s has no why", h.ID)
		}
		sum := 0.0
		for _, m := range h.Why {
			sum += m.Score
			if m.Field == "" || m.Term == "" || (m.View != "words" && m.View != "chars") || m.TF < 1 {
				t.Errorf("hit %s: bad match %+v", h.ID, m)
			}
		}
		// The shares add up to the score (each is rounded to 1e-4).
		if math.Abs(sum-h.Score) > 1e-4*float64(len(h.Why)) {
			t.Errorf("hit %s: shares add up to %v, score %v (%+v)", h.ID, sum, h.Score, h.Why)
		}
	}
	// a1 has 吕梁 and 公安 in its headline, as words.
	var a1 *Hit
	for i := range r.Hits {
		if r.Hits[i].ID == "a1" {
			a1 = &r.Hits[i]
		}
	}
	if a1 == nil {
		t.Fatalf("a1 not found: %v", ids(r))
	}
	found := false
	for _, m := range a1.Why {
		if m.Field == "headline" && m.View == "words" && m.Term == "公安" && m.TF == 1 {
			found = true
		}
	}
	if !found {
		t.Errorf("a1's why lacks the headline word 公安: %+v", a1.Why)
	}
	// The quoted term is matched by characters only.
	var a5 *Hit
	for i := range r.Hits {
		if r.Hits[i].ID == "a5" {
			a5 = &r.Hits[i]
		}
	}
	if a5 == nil {
		t.Fatalf("a5 not found: %v", ids(r))
	}
	for _, m := range a5.Why {
		if m.View != "chars" || (m.Term != "碛口" && m.Term != "口镇") {
			t.Errorf("a5 matched %+v, want the characters of 碛口镇 only", m)
		}
	}
	// The JSON stays small: no bleve trees.
	js, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(js, []byte("queryWeight")) || bytes.Contains(js, []byte(`"bleve"`)) {
		t.Errorf("explain JSON carries bleve's internals: %s", js)
	}
}

func TestExplainTerms(t *testing.T) {
	e := testEngine(t)
	r, err := e.Search(context.Background(), Request{Query: `臺灣 "碛口镇" 吕梁市公安局 ，`, Explain: true})
	if err != nil {
		t.Fatal(err)
	}
	terms := r.Explain.Terms
	if len(terms) != 3 {
		t.Fatalf("terms = %+v", terms)
	}
	// The lone mark is no term: it is ignored, and the result says so.
	if len(r.Notes) != 1 || r.Notes[0].Text != "，" {
		t.Errorf("notes = %+v, want one on the ignored mark", r.Notes)
	}
	for _, tc := range []struct {
		i                 int
		normalized, chars string
		words             string
		how               string
	}{
		{0, "台湾", "台湾", "台湾", "the word 台湾"},
		{1, "碛口镇", "碛口 口镇", "", "exact characters"},
		{2, "吕梁市公安局", "吕梁 梁市 市公 公安 安局", "吕梁市 公安局", "every word must occur"},
	} {
		got := terms[tc.i]
		if got.Normalized != tc.normalized || strings.Join(got.CharTerms, " ") != tc.chars ||
			strings.Join(got.Words, " ") != tc.words || !strings.Contains(got.How, tc.how) {
			t.Errorf("term %d = %+v, want normalized %q, chars %q, words %q, how with %q",
				tc.i, got, tc.normalized, tc.chars, tc.words, tc.how)
		}
	}
	var out bytes.Buffer
	WriteExplain(&out, r)
	for _, want := range []string{"term   臺灣", "normalised  台湾", "words       吕梁市 | 公安局", "characters  碛口 口镇"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("explanation text lacks %q:\n%s", want, out.String())
		}
	}
}

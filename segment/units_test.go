package segment

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestExactForm(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"吕梁市公安局", "吕梁市公安局"},
		{"增长7.8%，", "增长7.8%"},
		{"波音787", "波音787"},
		{"“安全阀”当好", "安全阀\x01当好"},
		{"a，，b", "a\x01b"},
		{"公安局。\n据介绍", "公安局\x02据介绍"},
		{"公安局\n，据介绍", "公安局\x02据介绍"},
		{"7.", "7"},
		{"10:30 1,000 2012-2013 5‰ 30℃", "10:30\x011,000\x012012-2013\x015‰\x0130℃"},
		{"a.b 7.x", "a\x01b\x017\x01x"},
		{"，", ""},
	} {
		if got := ExactForm(Normalize(tc.in)); got != tc.want {
			t.Errorf("ExactForm(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestNumbersKeepTheirMarks checks that the character view keeps a
// number's marks: the pairs of "7.8%" are in 增长7.8% and not in 波音787.
func TestNumbersKeepTheirMarks(t *testing.T) {
	terms := func(text string) map[string]bool {
		m := map[string]bool{}
		for _, tok := range Pairs(Normalize(text)) {
			m[tok.Term] = true
		}
		return m
	}
	pairs, _ := CharPhrase(Normalize("7.8%"))
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"增长７．８％", true},
		{"同比增长7.8%。", true},
		{"波音787客机", false},
		{"7，8两项", false},
		{"增长7.85%", false},
	} {
		have := terms(tc.text)
		all := true
		for _, p := range pairs {
			all = all && have[p]
		}
		if all != tc.want {
			t.Errorf("%q has every pair of 7.8%%: %v, want %v (%v)", tc.text, all, tc.want, have)
		}
	}
}

// TestParagraphGap checks that a paragraph break moves the positions on by
// ParagraphGap and that no pair spans it.
func TestParagraphGap(t *testing.T) {
	toks := Chars(Normalize("公安局\n据介绍"))
	var got []string
	var pos []int
	for _, tok := range toks {
		got = append(got, tok.Term)
		pos = append(pos, tok.Pos)
	}
	want := []string{"公", "公安", "安", "安局", "局", "据", "据介", "介", "介绍", "绍"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("terms (-want +got):\n%s", diff)
	}
	if pos[5]-pos[4] != 1+ParagraphGap {
		t.Errorf("positions %v: the break moves %d, want %d", pos, pos[5]-pos[4], 1+ParagraphGap)
	}
	// The longest query, every other character a separator, spans less.
	long := strings.Repeat("a，", 512)
	pairs, _ := CharPhrase(long)
	if len(pairs) >= ParagraphGap {
		t.Errorf("a phrase of %d positions can span a paragraph gap of %d", len(pairs), ParagraphGap)
	}
}

package query

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestString(t *testing.T) {
	for _, tc := range []struct {
		name string
		q    Q
		want string
	}{
		{"word", word("吕梁"), "吕梁"},
		{"phrase", phrase("吕梁 公安"), `"吕梁 公安"`},
		{"field phrase", fphrase("headline", "吕梁 公安"), `headline:"吕梁 公安"`},
		{"field word", fword("reporter", "刘丽霞"), "reporter:刘丽霞"},
		{"and", and(word("a"), word("b")), "a b"},
		{"or", or(word("a"), word("b")), "(a OR b)"},
		{"and in or", or(and(word("a"), word("b")), word("c")), "(a b OR c)"},
		{"not", not(word("x")), "-x"},
		{"not and", not(and(word("a"), word("b"))), "-(a b)"},
		{"not or", not(or(word("a"), word("b"))), "-(a OR b)"},
		{"not not", not(not(word("x"))), "--x"},
		{"day", date("2023-07-22", "2023-07-22"), "date:2023-07-22"},
		{"range", date("2023-07-01", "2023-07-31"), "date:2023-07-01..2023-07-31"},
		{"open end", date("2023-01-01", ""), "date:2023-01-01.."},
		{"open start", date("", "2023-06-30"), "date:..2023-06-30"},
		{"phrase with ASCII quote", phrase(`a"b`), `“a"b”`},
		{"phrase with ASCII and Chinese quotes", phrase(`a"b”`), `「a"b”」`},
		{"phrase with three closing quotes", phrase(`a"”」`), `＂a"”」＂`},
		// A hand-built unquoted Term that would not read back as one word
		// is quoted.
		{"word with space", word("a b"), `"a b"`},
		{"word with parenthesis", word("f(x)"), `"f(x)"`},
		{"word with pipe", word("a|b"), `"a|b"`},
		{"word with quote", word("a“b"), `"a“b"`},
		{"word starting with minus", word("-5"), `"-5"`},
		{"keyword", word("OR"), `"OR"`},
		{"field-like word", word("标题:吕梁"), `"标题:吕梁"`},
		{"unknown prefix", word("12:30"), "12:30"},
		{"empty word", word(""), `""`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, tc.q.String()); diff != "" {
				t.Errorf("String() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestSimplify(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   Q
		want Q
	}{
		{"term", word("a"), word("a")},
		{"single-child and", and(word("a")), word("a")},
		{"single-child or", or(word("a")), word("a")},
		{"nested and", and(word("a"), and(word("b"), and(word("c"))), word("d")), and(word("a"), word("b"), word("c"), word("d"))},
		{"nested or", or(or(word("a"), word("b")), word("c")), or(word("a"), word("b"), word("c"))},
		{"or in and kept", and(word("a"), or(word("b"), word("c"))), and(word("a"), or(word("b"), word("c")))},
		{"and in or kept", or(word("a"), and(word("b"), word("c"))), or(word("a"), and(word("b"), word("c")))},
		{"double not", not(not(word("a"))), word("a")},
		{"triple not", not(not(not(word("a")))), not(word("a"))},
		{"quadruple not", not(not(not(not(word("a"))))), word("a")},
		{"not of single-child and of not", not(and(not(word("a")))), word("a")},
		{"deep", and(or(and(or(word("a")))), word("b")), and(word("a"), word("b"))},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, Simplify(tc.in)); diff != "" {
				t.Errorf("Simplify(%v) mismatch (-want +got):\n%s", tc.in, diff)
			}
		})
	}
}

func TestSimplifyDoesNotModify(t *testing.T) {
	in := and(word("a"), and(word("b"), word("c")))
	Simplify(in)
	want := and(word("a"), and(word("b"), word("c")))
	if diff := cmp.Diff(want, in); diff != "" {
		t.Errorf("Simplify modified its input (-want +got):\n%s", diff)
	}
}

func TestMap(t *testing.T) {
	q, err := Parse("吕梁 (铝镁 OR 标题:镁合金) -广告")
	if err != nil {
		t.Fatal(err)
	}
	var order []string
	got := Map(q, func(q Q) Q {
		order = append(order, q.String())
		if t, ok := q.(*Term); ok && t.Field == "" {
			return &Term{Field: "body", Text: t.Text, Quoted: t.Quoted}
		}
		return q
	})
	want := and(fword("body", "吕梁"), or(fword("body", "铝镁"), fword("headline", "镁合金")), not(fword("body", "广告")))
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Map mismatch (-want +got):\n%s", diff)
	}
	wantOrder := []string{
		"吕梁", "铝镁", "headline:镁合金", "(body:铝镁 OR headline:镁合金)", "广告", "-body:广告",
		"body:吕梁 (body:铝镁 OR headline:镁合金) -body:广告",
	}
	if diff := cmp.Diff(wantOrder, order); diff != "" {
		t.Errorf("Map visited nodes in the wrong order (-want +got):\n%s", diff)
	}
}

func TestTerms(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   string
		want []Term
	}{
		{"words", "吕梁 铝镁", []Term{{Text: "吕梁"}, {Text: "铝镁"}}},
		{"negated skipped", "吕梁 -广告 NOT 启事", []Term{{Text: "吕梁"}}},
		{"negated group skipped", "吕梁 -(广告 OR 启事)", []Term{{Text: "吕梁"}}},
		{"double negation kept", "吕梁 --铝镁", []Term{{Text: "吕梁"}, {Text: "铝镁"}}},
		{"fields and phrases", `标题:"吕梁 公安" (记者:刘丽霞 OR 镁)`, []Term{
			{Field: "headline", Text: "吕梁 公安", Quoted: true},
			{Field: "reporter", Text: "刘丽霞"},
			{Text: "镁"},
		}},
		{"dates skipped", "吕梁 日期:2023", []Term{{Text: "吕梁"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			q, err := Parse(tc.in)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, Terms(q)); diff != "" {
				t.Errorf("Terms(%v) mismatch (-want +got):\n%s", q, diff)
			}
		})
	}
}

// TestRoundTrip checks that the canonical form of every TestParse-style
// input parses back to the same tree.
func TestRoundTrip(t *testing.T) {
	for _, in := range goldenQueries {
		q, err := Parse(in)
		if err != nil {
			continue
		}
		back, err := Parse(q.String())
		if err != nil {
			t.Errorf("Parse(%q): %v; canonical form of %q", q.String(), err, in)
			continue
		}
		if diff := cmp.Diff(q, back); diff != "" {
			t.Errorf("round trip of %q through %q mismatch (-want +got):\n%s", in, q.String(), diff)
		}
	}
}

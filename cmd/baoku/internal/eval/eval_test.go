package eval

import (
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"baoku/segment"
)

func TestScoreSeg(t *testing.T) {
	gold := "共同  创造  美好  的  新  世纪\n\n中国  人民  ，  新年\n"
	vocab := map[string]bool{"共同": true, "创造": true, "的": true, "新": true, "世纪": true, "中国": true, "人民": true, "，": true}
	// A made-up cutter: 美好 and 新年 are OOV; 美好 is cut right, 新年
	// is split, 新世纪 is joined.
	cuts := map[string][]string{
		"共同创造美好的新世纪": {"共同", "创造", "美好", "的", "新世纪"},
		"中国人民，新年":    {"中国", "人民", "，", "新", "年"},
	}
	s, err := scoreSeg(strings.NewReader(gold), func(text string) []string { return cuts[text] }, vocab)
	if err != nil {
		t.Fatal(err)
	}
	want := segScore{Gold: 10, Pred: 10, Correct: 7, OOV: 2, OOVFound: 1}
	if s != want {
		t.Fatalf("score = %+v, want %+v", s, want)
	}
	for _, f := range []struct {
		name      string
		got, want float64
	}{
		{"precision", s.precision(), 70}, {"recall", s.recall(), 70}, {"F1", s.f1(), 70}, {"OOV recall", s.oovRecall(), 50},
	} {
		if math.Abs(f.got-f.want) > 1e-9 {
			t.Errorf("%s = %v, want %v", f.name, f.got, f.want)
		}
	}
}

func TestScoreSegSpans(t *testing.T) {
	// Same words in a different place are not correct: 人 人 vs 人人.
	s, err := scoreSeg(strings.NewReader("人人  有\n"), func(string) []string { return []string{"人", "人有"} }, nil)
	if err != nil {
		t.Fatal(err)
	}
	if s.Correct != 0 || s.Gold != 2 || s.Pred != 2 || s.OOV != 2 {
		t.Errorf("score = %+v", s)
	}
}

func TestCutText(t *testing.T) {
	seg, err := segment.New(segment.Options{Dict: segment.DictTest})
	if err != nil {
		t.Fatal(err)
	}
	raw := "２０２３年——臺灣ＡＰＥＣ会议，召开"
	got := cutText(seg, raw)
	want := []string{"２０２３年", "——", "臺灣", "ＡＰＥＣ", "会议", "，", "召开"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("cutText(%q) = %q, want %q", raw, got, want)
	}
	if strings.Join(got, "") != raw {
		t.Errorf("pieces do not make the text: %q", got)
	}
}

func TestTally(t *testing.T) {
	var tl tally
	tl.add("a", map[string]bool{"1": true, "2": true}, map[string]bool{"1": true, "3": true})
	tl.add("b", map[string]bool{"4": true}, map[string]bool{"4": true})
	if tl.truth != 3 || tl.found != 3 || tl.correct != 2 || tl.missed != 1 || tl.wrong != 1 || len(tl.examples) != 1 {
		t.Errorf("tally = %+v", tl)
	}
}

func TestSampleSubstrings(t *testing.T) {
	docs := []recallDoc{
		{id: "1", fields: []string{"", "吕梁市公安局", "", "检查车辆13760台次，apec会议。"}},
		{id: "2", fields: []string{"", "镁", "", ""}},
	}
	sample := func(seed uint64) []string {
		return sampleSubstrings(rand.New(rand.NewPCG(seed, seed)), docs, 300, 4)
	}
	subs := sample(3)
	if len(subs) != 300 {
		t.Fatalf("%d substrings, want 300", len(subs))
	}
	lengths := map[int]bool{}
	for _, s := range subs {
		n := utf8.RuneCountInString(s)
		lengths[n] = true
		if n < 1 || n > 4 || strings.ContainsAny(s, "，。 \n") {
			t.Errorf("substring %q: not 1-4 units", s)
		}
		in := false
		for _, d := range docs {
			for _, f := range d.fields {
				in = in || strings.Contains(f, s)
			}
		}
		if !in {
			t.Errorf("substring %q is in no article", s)
		}
	}
	for n := 1; n <= 4; n++ {
		if !lengths[n] {
			t.Errorf("no substring of %d characters in %q", n, subs)
		}
	}
	if again := sample(3); strings.Join(again, "|") != strings.Join(subs, "|") {
		t.Error("the same seed gave other substrings")
	}
}

func TestWordPhraseHits(t *testing.T) {
	seg, err := segment.New(segment.Options{Dict: segment.DictTest})
	if err != nil {
		t.Fatal(err)
	}
	docs := []recallDoc{
		{id: "city", words: []map[string]map[int]bool{wordPositions(seg.Words("吕梁市公安局召开会议", segment.Index))}},
		{id: "apart", words: []map[string]map[int]bool{wordPositions(seg.Words("公安局在吕梁市", segment.Index))}},
	}
	for _, tc := range []struct {
		words []string
		want  string
	}{
		{[]string{"吕梁市", "公安局"}, "city"},
		{[]string{"公安局"}, "apart,city"},
		{[]string{"公安"}, "apart,city"}, // a sub-word of 公安局
		{[]string{"安局"}, ""},           // not a word: words only miss it
	} {
		got := wordPhraseHits(docs, tc.words)
		var ids []string
		for _, d := range docs {
			if got[d.id] {
				ids = append(ids, d.id)
			}
		}
		slices.Sort(ids)
		if strings.Join(ids, ",") != tc.want {
			t.Errorf("%q found %v, want %s", tc.words, ids, tc.want)
		}
	}
}

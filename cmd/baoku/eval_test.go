package main

import (
	"math"
	"strings"
	"testing"

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
	seg, err := segment.ForDict(segment.DictTest)
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

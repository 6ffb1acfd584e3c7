package segment

import (
	"slices"
	"testing"
)

func TestLearn(t *testing.T) {
	s := testSeg(t)
	terms := func(s *Segmenter) []string { return s.QueryWords("记者冯雪莲摄") }
	if slices.Contains(terms(s), "冯雪莲") {
		t.Fatalf("冯雪莲 is a word before it is learned: %q", terms(s))
	}
	before := s.Frozen()
	n, err := s.Learn([]string{"冯雪莲", "馮雪蓮", "x", "王", "abc二"})
	if err != nil {
		t.Fatal(err)
	}
	if n != 1 { // 冯雪莲; its traditional form normalises to it
		t.Errorf("Learn took %d new words, want 1", n)
	}
	if got := terms(s); !slices.Contains(got, "冯雪莲") {
		t.Errorf("after Learn, words = %q, want 冯雪莲 as one", got)
	}
	if got := terms(before); slices.Contains(got, "冯雪莲") {
		t.Errorf("a snapshot taken before Learn cuts %q", got)
	}
	if got := s.Learned(); !slices.Equal(got, []string{"冯雪莲"}) {
		t.Errorf("Learned = %q", got)
	}
	if n, _ := s.Learn([]string{"冯雪莲"}); n != 0 {
		t.Errorf("learning a known word again counts %d", n)
	}
	if _, err := before.Learn([]string{"秦钰轩"}); err == nil {
		t.Error("a snapshot learned a word")
	}
	if _, err := New(Options{Dict: "nope"}); err == nil {
		t.Error("New with an unknown dictionary succeeded")
	}
}

// TestLearnedWordsAreTheSegmenters checks that two segmenters of one
// dictionary in one process keep their learned words apart.
func TestLearnedWordsAreTheSegmenters(t *testing.T) {
	a, err := New(Options{Dict: DictTest, Learned: []string{"冯雪莲"}})
	if err != nil {
		t.Fatal(err)
	}
	b := testSeg(t)
	const text = "记者冯雪莲摄"
	if got := a.QueryWords(text); !slices.Contains(got, "冯雪莲") {
		t.Errorf("segmenter that learned 冯雪莲 cuts %q", got)
	}
	if got := b.QueryWords(text); slices.Contains(got, "冯雪莲") {
		t.Errorf("segmenter that did not learn 冯雪莲 cuts %q", got)
	}
}

// TestLearnWhileCutting learns words while other goroutines cut text; run
// with -race.
func TestLearnWhileCutting(t *testing.T) {
	s := testSeg(t)
	done := make(chan struct{})
	for range 2 {
		go func() {
			defer func() { done <- struct{}{} }()
			for range 200 {
				s.Words("本报记者欧阳修远报道吕梁市公安局", Index)
				s.Frozen().Words("本报记者欧阳修远报道吕梁市公安局", Index)
			}
		}()
	}
	for i := range 50 {
		if _, err := s.Learn([]string{"欧阳修远", string(rune('甲'+i)) + "修远"}); err != nil {
			t.Error(err)
		}
	}
	<-done
	<-done
}

package segment

import (
	"slices"
	"testing"
)

func TestAddWords(t *testing.T) {
	s := testSeg(t)
	terms := func() []string {
		var out []string
		for _, tok := range s.Words("记者冯雪莲摄", Query) {
			out = append(out, tok.Term)
		}
		return out
	}
	if slices.Contains(terms(), "冯雪莲") {
		t.Fatalf("冯雪莲 is a word before it is added: %q", terms())
	}
	n, err := AddWords(DictTest, []string{"冯雪莲", "馮雪蓮", "x", "王", "abc二"})
	if err != nil {
		t.Fatal(err)
	}
	if n != 2 { // 冯雪莲, and its traditional form normalised to it
		t.Errorf("AddWords took %d words, want 2", n)
	}
	if got := terms(); !slices.Contains(got, "冯雪莲") {
		t.Errorf("after AddWords, words = %q, want 冯雪莲 as one", got)
	}
	if _, err := AddWords("nope", []string{"秦钰轩"}); err == nil {
		t.Error("AddWords to an unknown dictionary succeeded")
	}
}

// TestAddWordsWhileCutting adds words while other goroutines cut text; run
// with -race.
func TestAddWordsWhileCutting(t *testing.T) {
	s := testSeg(t)
	done := make(chan struct{})
	for range 2 {
		go func() {
			defer func() { done <- struct{}{} }()
			for range 200 {
				s.Words("本报记者欧阳修远报道吕梁市公安局", Index)
			}
		}()
	}
	for i := range 50 {
		if _, err := AddWords(DictTest, []string{"欧阳修远", string(rune('甲'+i)) + "修远"}); err != nil {
			t.Error(err)
		}
	}
	<-done
	<-done
}

package segment

import (
	"strings"
	"testing"
)

// TestNormalizeSubstrings checks what recall rests on: a part of a
// normalised text normalises to itself, so a search for any part of a text
// finds the text. OpenCC's phrase conversion would break it (乾隆 stays,
// 乾 alone becomes 干).
func TestNormalizeSubstrings(t *testing.T) {
	for _, text := range []string{
		"乾隆皇帝下江南", "乾坤", "著名作家的著作", "頭髮理髮", "於是他說甚麽", "後來鐘錶",
		"中華人民共和國", "臺灣颱風", "ＡＰＥＣ会议２０２３年",
	} {
		n := []rune(Normalize(text))
		for i := range n {
			for j := i + 1; j <= len(n) && j <= i+8; j++ {
				sub := string(n[i:j])
				if strings.ContainsAny(sub, " ") {
					continue
				}
				if got := Normalize(sub); got != sub {
					t.Errorf("%q normalises to %q; its part %q normalises to %q", text, string(n), sub, got)
				}
			}
		}
	}
	if a, b := Normalize("乾"), Normalize("乾隆"); !strings.HasPrefix(b, a) {
		t.Errorf("乾 → %q, 乾隆 → %q: the part is not found in the whole", a, b)
	}
}

func TestNormalizeZeroCircle(t *testing.T) {
	for _, in := range []string{"二○二三年", "二◯二三年", "二〇二三年"} {
		if got := Normalize(in); got != "二〇二三年" {
			t.Errorf("Normalize(%q) = %q, want 二〇二三年", in, got)
		}
	}
	// 〇 is a unit: the year is one run in the character view.
	if got, _ := CharPhrase(Normalize("二○○一年")); strings.Join(got, " ") != "二〇 〇〇 〇一 一年" {
		t.Errorf("CharPhrase = %q", got)
	}
}

// FuzzNormalizeSubstrings: any run of units (letters, digits, Chinese
// characters) inside a normalised text normalises to itself.
func FuzzNormalizeSubstrings(f *testing.F) {
	for _, s := range []string{"乾隆皇帝", "臺灣ＡＰＥＣ", "二○○一年", "檢 查 車 輛", "Ǆ ß İ", "\u0130\u0345"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		n := []rune(Normalize(in))
		for i := range n {
			for j := i + 1; j <= len(n) && j <= i+8; j++ {
				if !isUnit(n[j-1]) {
					break
				}
				if !isUnit(n[i]) {
					break
				}
				sub := string(n[i:j])
				if got := Normalize(sub); got != sub {
					t.Fatalf("%q normalises to %q; its part %q normalises to %q", in, string(n), sub, got)
				}
			}
		}
	})
}

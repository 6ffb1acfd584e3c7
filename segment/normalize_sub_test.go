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

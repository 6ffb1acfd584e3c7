package segment

import (
	"testing"
	"unicode"
)

func TestFoldRuneNoCaseBlock(t *testing.T) {
	// foldRune skips case folding in this block: nothing in it may have a
	// lower case.
	for r := rune(noCaseFrom); r < noCaseTo; r++ {
		if l := unicode.ToLower(r); l != r {
			t.Fatalf("%U has the lower case %U", r, l)
		}
	}
}

func TestIsHanShortcuts(t *testing.T) {
	for r := rune(0); r < 0x10000; r++ {
		if got, want := IsHan(r), unicode.Is(unicode.Han, r); got != want {
			t.Fatalf("IsHan(%U) = %v, unicode.Han says %v", r, got, want)
		}
	}
}

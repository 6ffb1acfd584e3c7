package segment

import (
	"testing"
	"unicode"
)

func TestFoldRadicals(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"⼈⺠⽇报社⻝堂", "人民日报社食堂"},
		{"⽉⻓", "月长"},
		{"人民日报", "人民日报"},
		{"⿰", "⿰"}, // an ideographic description character, not a radical
		{"", ""},
	} {
		if got := FoldRadicals(tc.in); got != tc.want {
			t.Errorf("FoldRadicals(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestFoldRadicalTable(t *testing.T) {
	// Every radical of both blocks that Unicode maps folds to a unified
	// ideograph; nothing outside them changes.
	n := 0
	for r := rune(0x2E80); r < 0x2FE0; r++ {
		to := FoldRadical(r)
		if to == r {
			continue
		}
		n++
		if !unicode.Is(unicode.Ideographic, to) || to >= 0x2E80 && to < 0x2FE0 {
			t.Fatalf("%U folds to %U, not a unified ideograph", r, to)
		}
	}
	if n < 300 {
		t.Fatalf("only %d radicals fold", n)
	}
	for _, r := range []rune{'a', '日', 0x2E7F, 0x2FE0, 0x3000} {
		if FoldRadical(r) != r {
			t.Errorf("FoldRadical(%U) changed it", r)
		}
	}
}

func TestNormalizeFoldsRadicals(t *testing.T) {
	n := NormalizeMap("⼈⺠⽇报社⻝堂⻓")
	if n.Text != "人民日报社食堂长" {
		t.Fatalf("Normalize = %q", n.Text)
	}
}

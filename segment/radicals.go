package segment

//go:generate go run radicals_gen.go /usr/share/unicode/EquivalentUnifiedIdeograph.txt

// FoldRadical returns the ideograph a Kangxi radical (U+2F00–U+2FDF) or a
// CJK radicals supplement character (U+2E80–U+2EFF) stands for, as
// Unicode's EquivalentUnifiedIdeograph.txt gives it (⼈ → 人, ⺠ → 民,
// ⻝ → 食, ⻓ → 长), and any other rune unchanged. Text taken from PDFs
// carries these code points for many fonts, where the ordinary
// characters are meant.
func FoldRadical(r rune) rune {
	if i := r - radicalFirst; i >= 0 && int(i) < len(radicalTable) {
		if to := radicalTable[i]; to != 0 {
			return to
		}
	}
	return r
}

// FoldRadicals returns s with every radical folded by FoldRadical; s
// itself when it holds none.
func FoldRadicals(s string) string {
	for _, r := range s {
		if FoldRadical(r) != r {
			b := make([]rune, 0, len(s))
			for _, r := range s {
				b = append(b, FoldRadical(r))
			}
			return string(b)
		}
	}
	return s
}

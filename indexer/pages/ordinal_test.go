package pages

import "testing"

func TestOrdinal(t *testing.T) {
	for _, tc := range []struct {
		line string
		n    int
		form string
	}{
		{"3.城东小区的张女士求助", 3, "n."},
		{"12、加快建设", 12, "n."},
		{"（二）稳就业", 2, "(n)"},
		{"二十三、附则", 23, "n、"},
		{"第 7 计", 7, "第n计"},
		{"第十招 错峰出行", 10, "第n招"},
		{"1.4万亿元投资落地", 0, ""}, // a decimal, not a number of a series
		{"2021年外贸额创新高", 0, ""},
		{"三峡库区迎来丰水期", 0, ""},
	} {
		n, form, ok := ordinal(tc.line)
		if n != tc.n || form != tc.form || ok != (tc.n > 0) {
			t.Errorf("ordinal(%q) = %d, %q, %v; want %d, %q", tc.line, n, form, ok, tc.n, tc.form)
		}
	}
}

package segment

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/go-ego/gse"
)

func TestCompactedCutsTheSame(t *testing.T) {
	var full gse.Segmenter
	full.SkipLog = true
	if err := full.LoadDictStr(testDict); err != nil {
		t.Fatal(err)
	}
	c := compacted(&full)
	if len(c.Dict.Tokens) != len(full.Dict.Tokens) {
		t.Fatalf("%d words, full has %d", len(c.Dict.Tokens), len(full.Dict.Tokens))
	}
	page, err := os.ReadFile("../data/pages/lvliang-2023-07-22-01.txt")
	if err != nil {
		t.Fatal(err)
	}
	runs := 0
	for _, run := range strings.FieldsFunc(string(page), func(r rune) bool { return !IsHan(r) }) {
		runs++
		if got, want := c.Cut(run, true), full.Cut(run, true); !slices.Equal(got, want) {
			t.Fatalf("%s: cut %q, full dictionary %q", run, got, want)
		}
		for _, w := range full.Cut(run, true) {
			f1, p1, ok1 := full.Dict.Find([]byte(w))
			f2, p2, ok2 := c.Dict.Find([]byte(w))
			if f1 != f2 || p1 != p2 || ok1 != ok2 {
				t.Fatalf("%s: (%v %q %v), full dictionary (%v %q %v)", w, f2, p2, ok2, f1, p1, ok1)
			}
		}
	}
	if runs < 100 {
		t.Fatalf("only %d runs of Chinese text in the sample page", runs)
	}
}

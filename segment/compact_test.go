package segment

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/go-ego/gse"
)

// hanRuns returns the runs of Chinese characters of the sample page.
func hanRuns(t *testing.T) []string {
	t.Helper()
	page, err := os.ReadFile("../data/pages/lvliang-2023-07-22-01.txt")
	if err != nil {
		t.Fatal(err)
	}
	runs := strings.FieldsFunc(Normalize(string(page)), func(r rune) bool { return !IsHan(r) })
	if len(runs) < 100 {
		t.Fatalf("only %d runs of Chinese text in the sample page", len(runs))
	}
	return runs
}

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
	for _, run := range hanRuns(t) {
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
}

// TestCutIsGses checks that Segmenter.Cut gives gse's own cut, with no
// learned words and with learned words added to gse's dictionary as
// user words, on the sample page and with the news dictionary.
func TestCutIsGses(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the news dictionary (about 3 s); not in -short")
	}
	names := []string{"刘丽霞", "秦钰轩", "王强", "吕梁", "碛口镇"}
	mine, err := New(Options{Dict: DictNews})
	if err != nil {
		t.Fatal(err)
	}
	learned, err := New(Options{Dict: DictNews, Learned: names})
	if err != nil {
		t.Fatal(err)
	}
	d, err := loadDict(DictNews)
	if err != nil {
		t.Fatal(err)
	}
	plain := d.seg
	var added gse.Segmenter
	added.SkipLog = true
	words, err := userWords()
	if err != nil {
		t.Fatal(err)
	}
	if err := added.LoadDictStr(words); err != nil {
		t.Fatal(err)
	}
	if err := added.LoadDictEmbed("zh_s"); err != nil {
		t.Fatal(err)
	}
	for _, n := range names {
		if f, _, ok := added.Dict.Find([]byte(n)); !ok || f == 0 {
			if err := added.AddToken(n, learnedFreq, "nr"); err != nil {
				t.Fatal(err)
			}
		}
	}
	runs := append(hanRuns(t), "本报记者秦钰轩报道", "国王强调", "记者刘丽霞摄", "王强调研碛口镇")
	for _, run := range runs {
		if got, want := mine.Cut(run), plain.Cut(run, true); !slices.Equal(got, want) {
			t.Errorf("%s: cut %q, gse %q", run, got, want)
		}
		if got, want := learned.Cut(run), added.Cut(run, true); !slices.Equal(got, want) {
			t.Errorf("%s with learned words: cut %q, gse %q", run, got, want)
		}
	}
}

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

// gseWith returns gse's own segmenter loaded with a dictionary text, then
// (with zh) its embedded simplified Chinese dictionary, then learned words
// added as gse adds user words.
func gseWith(t *testing.T, text string, zh bool, learned []string) *gse.Segmenter {
	t.Helper()
	var g gse.Segmenter
	g.SkipLog = true
	if err := g.LoadDictStr(text); err != nil {
		t.Fatal(err)
	}
	if zh {
		if err := g.LoadDictEmbed("zh_s"); err != nil {
			t.Fatal(err)
		}
	}
	for _, n := range learned {
		if f, _, ok := g.Dict.Find([]byte(n)); !ok || f == 0 {
			if err := g.AddToken(n, learnedFreq, "nr"); err != nil {
				t.Fatal(err)
			}
		}
	}
	return &g
}

// extraRuns are runs where a learned name competes with dictionary words.
var extraRuns = []string{"本报记者秦钰轩报道", "国王强调", "记者刘丽霞摄", "王强调研碛口镇", "通讯员尉迟敬德报道"}

// TestCutIsGsesTestDict checks that Segmenter.Cut gives gse's own cut
// with the test dictionary, with and without learned words.
func TestCutIsGsesTestDict(t *testing.T) {
	names := []string{"尉迟敬德", "秦钰轩", "王强"}
	mine, learned := testSeg(t), testSeg(t)
	if _, err := learned.Learn(names); err != nil {
		t.Fatal(err)
	}
	plain, added := gseWith(t, testDict, false, nil), gseWith(t, testDict, false, names)
	for _, run := range append(hanRuns(t), extraRuns...) {
		if got, want := mine.Cut(run), plain.Cut(run, true); !slices.Equal(got, want) {
			t.Errorf("%s: cut %q, gse %q", run, got, want)
		}
		if got, want := learned.Cut(run), added.Cut(run, true); !slices.Equal(got, want) {
			t.Errorf("%s with learned words: cut %q, gse %q", run, got, want)
		}
	}
}

// TestCutIsGses checks that Segmenter.Cut gives gse's own cut with the
// news dictionary (the embedded word list against gse's own loader of its
// dictionary and the user words), with and without learned words, on the
// sample page.
func TestCutIsGses(t *testing.T) {
	if testing.Short() {
		t.Skip("loads gse's dictionary (about 3 s); not in -short")
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
	words, err := userWords()
	if err != nil {
		t.Fatal(err)
	}
	plain, added := gseWith(t, words, true, nil), gseWith(t, words, true, names)
	d, err := loadDict(DictNews)
	if err != nil {
		t.Fatal(err)
	}
	if d.total != plain.Dict.TotalFreq() {
		t.Errorf("total frequency %v, gse's %v", d.total, plain.Dict.TotalFreq())
	}
	for _, run := range append(hanRuns(t), extraRuns...) {
		if got, want := mine.Cut(run), plain.Cut(run, true); !slices.Equal(got, want) {
			t.Errorf("%s: cut %q, gse %q", run, got, want)
		}
		if got, want := learned.Cut(run), added.Cut(run, true); !slices.Equal(got, want) {
			t.Errorf("%s with learned words: cut %q, gse %q", run, got, want)
		}
	}
}

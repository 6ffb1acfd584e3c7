package main

import (
	"compress/gzip"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseAmong(t *testing.T) {
	for _, tc := range []struct {
		args  []string
		words []string
		n     int
		json  bool
		sort  string
	}{
		{[]string{"吕梁"}, []string{"吕梁"}, 10, false, ""},
		{[]string{"吕梁", "-n", "3"}, []string{"吕梁"}, 3, false, ""},
		{[]string{"-n", "3", "吕梁"}, []string{"吕梁"}, 3, false, ""},
		{[]string{"吕梁", "-n=3", "铝镁", "-json"}, []string{"吕梁", "铝镁"}, 3, true, ""},
		{[]string{"吕梁", "-广告", "--sort", "newest"}, []string{"吕梁", "-广告"}, 10, false, "newest"},
		{[]string{"吕梁", "--", "-n", "3"}, []string{"吕梁", "-n", "3"}, 10, false, ""},
		{[]string{"-", "x"}, []string{"-", "x"}, 10, false, ""},
	} {
		fs := flag.NewFlagSet("search", flag.ContinueOnError)
		n := fs.Int("n", 10, "")
		asJSON := fs.Bool("json", false, "")
		sort := fs.String("sort", "", "")
		words, err := parseAmong(fs, tc.args)
		if err != nil {
			t.Fatalf("%q: %v", tc.args, err)
		}
		if diff := cmp.Diff(tc.words, words); diff != "" || *n != tc.n || *asJSON != tc.json || *sort != tc.sort {
			t.Errorf("%q: words %q n %d json %v sort %q; want %q %d %v %q", tc.args, words, *n, *asJSON, *sort, tc.words, tc.n, tc.json, tc.sort)
		}
	}
}

func TestReadInputRecords(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.jsonl.gz")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	gz := gzip.NewWriter(f)
	gz.Write([]byte(`{"id":"1","paper":"测试日报","date":"2023-10-01","headline":"一","body":"正文。"}` + "\nnot json\n"))
	gz.Close()
	f.Close()
	arts, warns, err := readInput(path)
	if err != nil || len(arts) != 1 || arts[0].Headline != "一" || len(warns) != 1 {
		t.Errorf("readInput(x.jsonl.gz) = %d articles, warnings %q, %v", len(arts), warns, err)
	}
}

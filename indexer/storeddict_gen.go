//go:build ignore

// storeddict_gen writes stored.dict, the zstd dictionary of the stored
// article: the most frequent words of gse's simplified Chinese dictionary
// (the one the word view loads), least frequent first so that the common
// ones sit nearest, then the JSON keys of an article. It reads no archive
// text. Run from the indexer folder:
//
//	go run storeddict_gen.go "$(go env GOMODCACHE)/github.com/go-ego/gse@v0.80.3/data/dict/zh/s_1.txt"
//
// The dictionary is part of the index format: changing it needs a new
// SchemaVersion.
package main

import (
	"bufio"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

const size = 64 << 10

func main() {
	if err := run(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	type word struct {
		text string
		freq float64
	}
	var words []word
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		p := strings.Fields(sc.Text())
		if len(p) < 2 || utf8.RuneCountInString(p[0]) < 2 {
			continue
		}
		fr, err := strconv.ParseFloat(p[1], 64)
		if err != nil {
			continue
		}
		words = append(words, word{p[0], fr})
	}
	if err := sc.Err(); err != nil {
		return err
	}
	sort.SliceStable(words, func(i, j int) bool { return words[i].freq > words[j].freq })
	keys := `{"id":"","paper":"","date":"20","page":"","section":"","kicker":"","headline":"","subtitle":"","source":"","reporters":[""],"body":"","url":"https://","tags":[""],"file":"","seq":}`
	var picked []string
	n := len(keys)
	for _, w := range words {
		if n+len(w.text) > size {
			break
		}
		picked = append(picked, w.text)
		n += len(w.text)
	}
	var b strings.Builder
	for i := len(picked) - 1; i >= 0; i-- {
		b.WriteString(picked[i])
	}
	b.WriteString(keys)
	return os.WriteFile("stored.dict", []byte(b.String()), 0o644)
}

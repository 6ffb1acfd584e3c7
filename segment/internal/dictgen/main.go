// Command dictgen writes segment/zh_s.words.zst, the word list of gse's
// simplified Chinese dictionary in the form the segment package loads in a
// fraction of a second: the words of Chinese characters with the
// frequencies gse gives them, one "word<TAB>frequency" a line, sorted, and
// a first line with the frequencies of gse's other words (letters, digits),
// which count in the dictionary's total. It reads the dictionary from the
// gse module in the module cache:
//
//	go generate ./segment
//
// The list is gse's (Apache-2.0 / MIT), as its loader would keep it: the
// first line of a word wins, words rarer than gse's minimum frequency (2)
// are dropped, and a word of one character counts 2.
package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/klauspost/compress/zstd"
)

// gseModule is the gse module whose dictionary is written.
const gseModule = "github.com/go-ego/gse"

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "dictgen:", err)
		os.Exit(1)
	}
}

func run() error {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", gseModule).Output()
	if err != nil {
		return fmt.Errorf("find %s: %w", gseModule, err)
	}
	src := filepath.Join(strings.TrimSpace(string(out)), "data", "dict", "zh", "s_1.txt")
	f, err := os.Open(src)
	if err != nil {
		return err
	}
	defer f.Close()
	seen := map[string]bool{}
	type entry struct {
		word string
		freq float64
	}
	var han []entry
	var other float64
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		parts := strings.Split(sc.Text(), " ")
		if len(parts) < 2 {
			continue // gse skips a word without a frequency
		}
		word := strings.TrimSpace(parts[0])
		freq, err := strconv.ParseFloat(strings.TrimSpace(parts[1]), 64)
		if err != nil || freq < 2 || word == "" {
			continue
		}
		if len([]rune(word)) < 2 {
			freq = 2
		}
		if strings.IndexFunc(word, func(r rune) bool { return !unicode.Is(unicode.Han, r) }) >= 0 {
			// gse keys a word with letters by its lower case:
			// 4S店 and 4s店 are one word.
			if key := asciiLower(word); !seen[key] {
				seen[key] = true
				other += freq
			}
			continue
		}
		if seen[word] {
			continue
		}
		seen[word] = true
		han = append(han, entry{word, freq})
	}
	if err := sc.Err(); err != nil {
		return err
	}
	sort.Slice(han, func(i, j int) bool { return han[i].word < han[j].word })
	var b bytes.Buffer
	fmt.Fprintf(&b, "# other\t%s\n", strconv.FormatFloat(other, 'f', -1, 64))
	for _, e := range han {
		fmt.Fprintf(&b, "%s\t%s\n", e.word, strconv.FormatFloat(e.freq, 'f', -1, 64))
	}
	enc, err := zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedBestCompression))
	if err != nil {
		return err
	}
	data := enc.EncodeAll(b.Bytes(), nil)
	if err := os.WriteFile("zh_s.words.zst", data, 0o644); err != nil {
		return err
	}
	fmt.Printf("dictgen: %d words of Chinese characters, %d bytes (%d compressed)\n", len(han), b.Len(), len(data))
	return nil
}

// asciiLower lower-cases the ASCII letters of s, as gse's key does.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

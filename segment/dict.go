package segment

import (
	"bufio"
	_ "embed"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/go-ego/gse/hmm"
	"github.com/klauspost/compress/zstd"

	"baoku/data"
)

// zhWords is gse's simplified Chinese dictionary as segment loads it: its
// words of Chinese characters with their frequencies, written by
// internal/dictgen from the gse module (Apache-2.0 / MIT). gse's own loader
// takes about three seconds and 100 MB of heap to build its trie; this list
// becomes a map in a fraction of a second and a fifth of the memory.
//
//go:generate go run ./internal/dictgen
//go:embed zh_s.words.zst
var zhWords []byte

// dictionary is a loaded word list: each word and each start of a word,
// with the word's frequency (0 for a start only), and the frequencies'
// total, as gse's dictionary has them. It is read only once loaded, and
// shared by every Segmenter of its name.
type dictionary struct {
	words map[string]float64
	total float64
}

// dicts holds the dictionaries this process has loaded, each loaded once,
// on first use, and never changed afterwards.
var dicts struct {
	mu    sync.Mutex // the map
	byKey map[string]*dictLoad
}

type dictLoad struct {
	once sync.Once
	done atomic.Bool
	d    *dictionary
	err  error
}

func dictEntry(name string) *dictLoad {
	dicts.mu.Lock()
	defer dicts.mu.Unlock()
	if dicts.byKey == nil {
		dicts.byKey = map[string]*dictLoad{}
	}
	l := dicts.byKey[name]
	if l == nil {
		l = &dictLoad{}
		dicts.byKey[name] = l
	}
	return l
}

// loadDict returns the named dictionary, loading it on first use.
func loadDict(name string) (*dictionary, error) {
	l := dictEntry(name)
	l.once.Do(func() {
		l.d, l.err = readDict(name)
		l.done.Store(true)
	})
	return l.d, l.err
}

// dictReady reports whether the named dictionary is loaded.
func dictReady(name string) bool {
	l := dictEntry(name)
	return l.done.Load() && l.err == nil
}

// hmmOnce loads gse's HMM for unknown words, one model for the process.
var hmmOnce sync.Once

func readDict(name string) (*dictionary, error) {
	hmmOnce.Do(func() { hmm.LoadModel() })
	d := &dictionary{words: map[string]float64{}}
	switch name {
	case DictNews:
		d.words = make(map[string]float64, 520_000) // words and their starts
		// User words go in before the main dictionary so that their
		// frequencies are the ones kept, as with gse's user words.
		words, err := userWords()
		if err != nil {
			return nil, err
		}
		d.addList(words)
		if err := d.addZhWords(); err != nil {
			return nil, err
		}
	case DictTest:
		d.addList(testDict)
	default:
		return nil, fmt.Errorf("segment: unknown dictionary %q", name)
	}
	return d, nil
}

// add adds a word of Chinese characters with its frequency, as gse's
// loader does: the first frequency of a word wins, and every start of the
// word is marked so that the graph of words knows to look further.
func (d *dictionary) add(word string, freq float64) {
	if f, ok := d.words[word]; ok && f > 0 {
		return
	}
	d.words[word] = freq
	d.total += freq
	for i := range word {
		if i > 0 {
			if _, ok := d.words[word[:i]]; !ok {
				d.words[word[:i]] = 0
			}
		}
	}
}

// addList adds the words of a list in gse's dictionary format, "word
// frequency [part of speech]" a line, with gse's rules: a word rarer than
// 2 is left out, a word of one character counts 2.
func (d *dictionary) addList(text string) {
	for line := range strings.SplitSeq(text, "\n") {
		parts := strings.Split(line, " ")
		if len(parts) < 2 {
			continue
		}
		word := strings.TrimSpace(parts[0])
		freq, err := strconv.ParseFloat(strings.TrimSpace(parts[1]), 64)
		if err != nil || freq < 2 || word == "" || strings.ContainsFunc(word, func(r rune) bool { return !IsHan(r) }) {
			continue
		}
		if utf8.RuneCountInString(word) < 2 {
			freq = 2
		}
		d.add(word, freq)
	}
}

// addZhWords adds the embedded word list of gse's dictionary.
func (d *dictionary) addZhWords() error {
	dec, err := zstd.NewReader(nil)
	if err != nil {
		return fmt.Errorf("segment: read dictionary: %w", err)
	}
	defer dec.Close()
	raw, err := dec.DecodeAll(zhWords, nil)
	if err != nil {
		return fmt.Errorf("segment: read dictionary: %w", err)
	}
	// One string for all the words: the map's keys share it.
	text := string(raw)
	first, rest, _ := strings.Cut(text, "\n")
	other, err := strconv.ParseFloat(strings.TrimPrefix(first, "# other\t"), 64)
	if err != nil {
		return fmt.Errorf("segment: read dictionary: first line %q", first)
	}
	// gse's words of letters and digits count in its total, though no
	// run of Chinese characters finds them.
	d.total += other
	for line := range strings.SplitSeq(rest, "\n") {
		word, freq, ok := strings.Cut(line, "\t")
		if !ok {
			continue
		}
		f, err := strconv.ParseFloat(freq, 64)
		if err != nil {
			return fmt.Errorf("segment: read dictionary: line %q", line)
		}
		d.add(word, f)
	}
	return nil
}

// userWords reads data/dict/*.txt into gse's dictionary format.
func userWords() (string, error) {
	files, err := fs.Glob(data.Dict, "dict/*.txt")
	if err != nil {
		return "", err
	}
	sort.Strings(files)
	var b strings.Builder
	for _, f := range files {
		text, err := data.Dict.ReadFile(f)
		if err != nil {
			return "", fmt.Errorf("segment: read %s: %w", f, err)
		}
		words, err := ParseUserWords(f, string(text))
		if err != nil {
			return "", err
		}
		b.WriteString(words)
	}
	return b.String(), nil
}

// ParseUserWords checks a user dictionary ("word [frequency [pos]]" a line,
// # comments) and returns it in gse's format. Errors name the file and line.
func ParseUserWords(name, text string) (string, error) {
	var b strings.Builder
	sc := bufio.NewScanner(strings.NewReader(text))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Fields(line)
		word := Normalize(f[0])
		if strings.ContainsFunc(word, func(r rune) bool { return !IsHan(r) }) {
			return "", fmt.Errorf("%s:%d: %q: user words must be Chinese characters only", name, n, f[0])
		}
		freq := "1000"
		if len(f) > 1 {
			freq = f[1]
		}
		pos := "n"
		if len(f) > 2 {
			pos = f[2]
		}
		fmt.Fprintf(&b, "%s %s %s\n", word, freq, pos)
	}
	return b.String(), sc.Err()
}

// hmmCut cuts a stretch of characters that make no word together with
// gse's HMM.
func hmmCut(s string) []string { return hmm.Cut(s) }

// testDict is DictTest: enough words to exercise segmentation in tests.
const testDict = `中华 1000 ns
人民 2000 n
共和国 800 n
中华人民共和国 500 ns
人民共和国 300 n
成立 900 v
吕梁 900 ns
吕梁市 800 ns
公安 700 n
公安局 600 n
安全 800 n
碛口 300 ns
古镇 400 n
碛口古镇 200 ns
新材料 300 n
材料 600 n
铝镁 200 n
产业 800 n
产业链 300 n
稳步 300 d
壮大 300 v
我市 500 r
记者 900 n
本报讯 500 n
本报记者 500 n
新闻 900 n
发布会 400 n
台湾 700 ns
北京 900 ns
上海 900 ns
广州 800 ns
惠州 600 ns
发展 1000 v
高质量 400 a
会议 900 n
召开 600 v
`

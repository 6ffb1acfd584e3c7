package segment

import (
	"bufio"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/go-ego/gse"

	"baoku/data"
)

// dictionary is a loaded word list: gse's dictionary (the words and their
// frequencies; gse's HMM for unknown words is one for the process). It is
// read only once loaded, and shared by every Segmenter of its name.
type dictionary struct {
	seg   gse.Segmenter
	total float64 // the sum of the words' frequencies
}

// dicts holds the dictionaries this process has loaded, each loaded once,
// on first use, and never changed afterwards.
var dicts struct {
	mu    sync.Mutex // the map; one load at a time, as gse's loads share globals
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
		dicts.mu.Lock()
		defer dicts.mu.Unlock()
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

func readDict(name string) (*dictionary, error) {
	var full gse.Segmenter
	full.SkipLog = true
	switch name {
	case DictNews:
		words, err := userWords()
		if err != nil {
			return nil, err
		}
		// User words go in before the main dictionary so that their
		// frequencies are the ones kept.
		if err := full.LoadDictStr(words); err != nil {
			return nil, fmt.Errorf("segment: load user words: %w", err)
		}
		if err := full.LoadDictEmbed("zh_s"); err != nil {
			return nil, fmt.Errorf("segment: load dictionary zh_s: %w", err)
		}
	case DictTest:
		if err := full.LoadDictStr(testDict); err != nil {
			return nil, fmt.Errorf("segment: load test dictionary: %w", err)
		}
	default:
		return nil, fmt.Errorf("segment: unknown dictionary %q", name)
	}
	d := &dictionary{seg: compacted(&full)}
	d.total = d.seg.Dict.TotalFreq()
	return d, nil
}

// compacted returns a segmenter with the words of full and nothing else.
// Loading a dictionary also cuts every word into sub-words for gse's own
// search mode, which Baoku does not use (it cuts with Cut and makes its
// sub-words itself): a quarter of the dictionary's memory, made of
// pointers that the garbage collector walks in every cycle.
func compacted(full *gse.Segmenter) gse.Segmenter {
	var c gse.Segmenter
	c.SkipLog = true
	// The HMM model is one for the process, loaded with full.
	c.NotLoadHMM = true
	c.Dict = gse.NewDict()
	c.Init()
	for i := range full.Dict.Tokens {
		t := &full.Dict.Tokens[i]
		// AddToken fails only for a word already there, as in full.
		_ = c.Dict.AddToken(c.ToToken(t.Text(), t.Freq(), t.Pos()))
	}
	return c
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

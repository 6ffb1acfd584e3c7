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

// Dictionary names. An index records the name it was built with in its
// mapping, so the same words are cut when it is reopened.
const (
	// DictNews is gse's embedded simplified Chinese dictionary plus the
	// user words shipped in data/dict. Loading it takes about two seconds.
	DictNews = "news"
	// DictTest is a tiny dictionary for unit tests; it loads in milliseconds.
	DictTest = "test"
)

// Segmenter cuts runs of Chinese characters into words. It is safe for
// concurrent use.
type Segmenter struct {
	seg  gse.Segmenter
	name string
}

var loaded struct {
	mu   sync.Mutex // one dictionary load at a time: gse loads share globals
	segs map[string]*lazySeg
}

type lazySeg struct {
	once sync.Once
	done atomic.Bool
	seg  *Segmenter
	err  error
}

// ForDict returns the process-wide segmenter for a dictionary name, loading
// it on first use.
func ForDict(name string) (*Segmenter, error) {
	loaded.mu.Lock()
	if loaded.segs == nil {
		loaded.segs = map[string]*lazySeg{}
	}
	l := loaded.segs[name]
	if l == nil {
		l = &lazySeg{}
		loaded.segs[name] = l
	}
	loaded.mu.Unlock()
	l.once.Do(func() {
		loaded.mu.Lock()
		defer loaded.mu.Unlock()
		l.seg, l.err = load(name)
		l.done.Store(true)
	})
	return l.seg, l.err
}

// Ready reports whether the segmenter for name is loaded, without loading it.
func Ready(name string) bool {
	loaded.mu.Lock()
	l := loaded.segs[name]
	loaded.mu.Unlock()
	return l != nil && l.done.Load() && l.seg != nil
}

func load(name string) (*Segmenter, error) {
	s := &Segmenter{name: name}
	s.seg.SkipLog = true
	switch name {
	case DictNews:
		words, err := userWords()
		if err != nil {
			return nil, err
		}
		// User words go in before the main dictionary so that their
		// frequencies are the ones kept.
		if err := s.seg.LoadDictStr(words); err != nil {
			return nil, fmt.Errorf("segment: load user words: %w", err)
		}
		if err := s.seg.LoadDictEmbed("zh_s"); err != nil {
			return nil, fmt.Errorf("segment: load dictionary zh_s: %w", err)
		}
	case DictTest:
		if err := s.seg.LoadDictStr(testDict); err != nil {
			return nil, fmt.Errorf("segment: load test dictionary: %w", err)
		}
	default:
		return nil, fmt.Errorf("segment: unknown dictionary %q", name)
	}
	return s, nil
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

// Cut splits a run of Chinese characters into words (gse's exact mode with
// its HMM for unknown words). The words concatenate to run.
func (s *Segmenter) Cut(run string) []string {
	return s.seg.Cut(run, true)
}

// Has reports whether word is in the dictionary.
func (s *Segmenter) Has(word string) bool {
	freq, _, ok := s.seg.Dict.Find([]byte(word))
	return ok && freq > 0 // Find also says ok for a prefix of a word
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

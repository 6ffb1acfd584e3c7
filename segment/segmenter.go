package segment

import (
	"bufio"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

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
// concurrent use, words added with AddWords included.
type Segmenter struct {
	mu   sync.RWMutex // AddWords against cutting
	seg  gse.Segmenter
	name string
}

var loaded struct {
	mu   sync.Mutex // one dictionary load at a time: gse loads share globals
	segs map[string]*lazySeg
}

type lazySeg struct {
	once  sync.Once
	done  atomic.Bool
	seg   *Segmenter
	err   error
	extra []string // words added before the load
}

// ForDict returns the process-wide segmenter for a dictionary name, loading
// it on first use.
func ForDict(name string) (*Segmenter, error) {
	loaded.mu.Lock()
	l := lazyFor(name)
	loaded.mu.Unlock()
	l.once.Do(func() {
		loaded.mu.Lock()
		defer loaded.mu.Unlock()
		l.seg, l.err = load(name, l.extra)
		l.extra = nil
		l.done.Store(true)
	})
	return l.seg, l.err
}

// lazyFor returns the entry of a dictionary; loaded.mu is held.
func lazyFor(name string) *lazySeg {
	if loaded.segs == nil {
		loaded.segs = map[string]*lazySeg{}
	}
	l := loaded.segs[name]
	if l == nil {
		l = &lazySeg{}
		loaded.segs[name] = l
	}
	return l
}

// Learned words (reporters' names from bylines) enter the dictionary with
// this frequency and part of speech: enough to keep a name in one piece.
const (
	learnedFreq = 500
	learnedPOS  = "nr"
)

// AddWords adds words, such as reporters' names learned from bylines, to the
// named dictionary of this process: at once when it is loaded, otherwise
// when it loads (before the main dictionary, like the user words). Only
// words of 2 to 8 Chinese characters are taken, after normalisation; words
// the dictionary has are left as they are. It returns the number of words
// taken.
func AddWords(name string, words []string) (int, error) {
	var take []string
	for _, w := range words {
		w = Normalize(w)
		if n := utf8.RuneCountInString(w); n >= 2 && n <= 8 && !strings.ContainsFunc(w, func(r rune) bool { return !IsHan(r) }) {
			take = append(take, w)
		}
	}
	if len(take) == 0 {
		return 0, nil
	}
	switch name {
	case DictNews, DictTest:
	default:
		return 0, fmt.Errorf("segment: unknown dictionary %q", name)
	}
	loaded.mu.Lock()
	l := lazyFor(name)
	if !l.done.Load() {
		l.extra = append(l.extra, take...)
		loaded.mu.Unlock()
		return len(take), nil
	}
	loaded.mu.Unlock()
	if l.err != nil {
		return 0, l.err
	}
	s := l.seg
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, w := range take {
		if !s.has(w) {
			if err := s.seg.AddToken(w, learnedFreq, learnedPOS); err != nil {
				return 0, fmt.Errorf("segment: add word %s: %w", w, err)
			}
		}
	}
	return len(take), nil
}

// learnedDict returns extra words in gse's dictionary format.
func learnedDict(words []string) string {
	var b strings.Builder
	for _, w := range words {
		fmt.Fprintf(&b, "%s %d %s\n", w, learnedFreq, learnedPOS)
	}
	return b.String()
}

// Ready reports whether the segmenter for name is loaded, without loading it.
func Ready(name string) bool {
	loaded.mu.Lock()
	l := loaded.segs[name]
	loaded.mu.Unlock()
	return l != nil && l.done.Load() && l.seg != nil
}

func load(name string, extra []string) (*Segmenter, error) {
	s := &Segmenter{name: name}
	s.seg.SkipLog = true
	switch name {
	case DictNews:
		words, err := userWords()
		if err != nil {
			return nil, err
		}
		// Learned words after the shipped ones: a shipped word keeps its
		// frequency.
		words += learnedDict(extra)
		// User words go in before the main dictionary so that their
		// frequencies are the ones kept.
		if err := s.seg.LoadDictStr(words); err != nil {
			return nil, fmt.Errorf("segment: load user words: %w", err)
		}
		if err := s.seg.LoadDictEmbed("zh_s"); err != nil {
			return nil, fmt.Errorf("segment: load dictionary zh_s: %w", err)
		}
	case DictTest:
		if err := s.seg.LoadDictStr(testDict + learnedDict(extra)); err != nil {
			return nil, fmt.Errorf("segment: load test dictionary: %w", err)
		}
	default:
		return nil, fmt.Errorf("segment: unknown dictionary %q", name)
	}
	s.seg = compacted(&s.seg)
	return s, nil
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

// Cut splits a run of Chinese characters into words (gse's exact mode with
// its HMM for unknown words). The words concatenate to run.
func (s *Segmenter) Cut(run string) []string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.cut(run)
}

func (s *Segmenter) cut(run string) []string {
	return s.seg.Cut(run, true)
}

// Has reports whether word is in the dictionary.
func (s *Segmenter) Has(word string) bool {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.has(word)
}

func (s *Segmenter) has(word string) bool {
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

package segment

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"
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

// Options configures a Segmenter.
type Options struct {
	// Dict names the dictionary: DictNews (when empty) or DictTest.
	Dict string
	// Learned are words known from the start besides the dictionary's,
	// such as the names an index learned from bylines (see Learn).
	Learned []string
}

// Segmenter cuts runs of Chinese characters into words: one index's word
// segmentation. It is a dictionary, loaded once per process and shared by
// every Segmenter of its name, plus the words this Segmenter has learned,
// which are its own: two indexes in one process cut a name each as its own
// learned words say. It is safe for concurrent use, Learn included.
type Segmenter struct {
	dict string
	lex  atomic.Pointer[lexicon]
	mu   sync.Mutex // one Learn at a time
	// frozen is set on a snapshot (Frozen): it cannot learn.
	frozen bool
	// snap caches the snapshot of the current words.
	snap atomic.Pointer[Segmenter]
}

// New returns a segmenter for opt's dictionary, which is loaded on first
// use (or by Load), not here: making one is cheap.
func New(opt Options) (*Segmenter, error) {
	if opt.Dict == "" {
		opt.Dict = DictNews
	}
	switch opt.Dict {
	case DictNews, DictTest:
	default:
		return nil, fmt.Errorf("segment: unknown dictionary %q", opt.Dict)
	}
	s := &Segmenter{dict: opt.Dict}
	s.lex.Store(&lexicon{})
	if _, err := s.Learn(opt.Learned); err != nil {
		return nil, err
	}
	return s, nil
}

// Dict returns the name of the segmenter's dictionary.
func (s *Segmenter) Dict() string { return s.dict }

// Load loads the dictionary now, if this process has not loaded it yet.
func (s *Segmenter) Load() error {
	_, err := loadDict(s.dict)
	return err
}

// Ready reports whether the dictionary is loaded, without loading it.
func (s *Segmenter) Ready() bool { return dictReady(s.dict) }

// base returns the loaded dictionary, loading it on first use. The
// dictionaries are embedded in the binary: failing to load one is a defect
// of the build, which no caller could handle, so it panics.
func (s *Segmenter) base() *dictionary {
	d, err := loadDict(s.dict)
	if err != nil {
		panic(err)
	}
	return d
}

// Learned words (reporters' names from bylines) count as dictionary words
// of this frequency: enough to keep a name in one piece, as gse's user
// words do.
const learnedFreq = 500

// Learn adds words, such as reporters' names read from bylines, to this
// segmenter: the next cut uses them. Only words of 2 to 8 Chinese
// characters are taken, after normalisation; a word the dictionary has
// keeps the dictionary's frequency. It returns the number of words new to
// the segmenter. A snapshot (Frozen) cannot learn.
func (s *Segmenter) Learn(words []string) (int, error) {
	if s.frozen {
		return 0, fmt.Errorf("segment: a snapshot of a segmenter cannot learn words")
	}
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
	s.mu.Lock()
	defer s.mu.Unlock()
	next, added := s.lex.Load().with(take)
	if added > 0 {
		s.lex.Store(next)
		s.snap.Store(nil)
	}
	return added, nil
}

// Learned returns the learned words, in the order they were learned.
func (s *Segmenter) Learned() []string {
	return slices.Clone(s.lex.Load().list)
}

// Frozen returns a snapshot of the segmenter: it cuts with the words
// learned so far and is not changed by later calls to Learn. Text analysed
// with a snapshot is cut the same way however the work is scheduled.
func (s *Segmenter) Frozen() *Segmenter {
	if s.frozen {
		return s
	}
	if f := s.snap.Load(); f != nil && f.lex.Load() == s.lex.Load() {
		return f
	}
	f := &Segmenter{dict: s.dict, frozen: true}
	f.lex.Store(s.lex.Load())
	s.snap.Store(f)
	return f
}

// Cut splits a run of Chinese characters into words (gse's dictionary, the
// most probable path through the graph of its words, its HMM for stretches
// of unknown words), with the learned words as dictionary words. The words
// concatenate to run.
func (s *Segmenter) Cut(run string) []string {
	return cutRun(s.base(), s.lex.Load(), run)
}

// Has reports whether word is a word of the dictionary or a learned word.
func (s *Segmenter) Has(word string) bool {
	freq, ok := lookup(s.base(), s.lex.Load(), word)
	return ok && freq > 0
}

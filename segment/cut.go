package segment

import (
	"math"
	"sync"
)

// lexicon is a set of learned words, read only: learning makes a new one
// (with), so a cut under way, or a snapshot, keeps the words it started
// with.
type lexicon struct {
	// words maps each learned word to true and each proper prefix of
	// one to false, as the graph of words needs to know when to stop
	// extending a candidate.
	words map[string]bool
	list  []string // the words, in the order learned
	total float64  // their frequencies summed
}

// with returns the lexicon with words added, and how many were new.
func (l *lexicon) with(words []string) (*lexicon, int) {
	var fresh []string
	for _, w := range words {
		if !l.words[w] && !contains(fresh, w) {
			fresh = append(fresh, w)
		}
	}
	if len(fresh) == 0 {
		return l, 0
	}
	n := &lexicon{
		words: make(map[string]bool, len(l.words)+4*len(fresh)),
		list:  append(append(make([]string, 0, len(l.list)+len(fresh)), l.list...), fresh...),
		total: l.total + learnedFreq*float64(len(fresh)),
	}
	for k, v := range l.words {
		n.words[k] = v
	}
	for _, w := range fresh {
		for i := range w {
			if i > 0 && !n.words[w[:i]] {
				n.words[w[:i]] = false
			}
		}
		n.words[w] = true
	}
	return n, len(fresh)
}

func contains(list []string, w string) bool {
	for _, x := range list {
		if x == w {
			return true
		}
	}
	return false
}

// lookup finds a word in the dictionary and the learned words, as gse's
// Find does in a dictionary that the learned words were added to: ok when
// frag is a word or the start of one, freq the word's frequency (0 for a
// start only). A dictionary word keeps its own frequency.
func lookup(d *dictionary, lex *lexicon, frag string) (freq float64, ok bool) {
	freq, ok = d.words[frag]
	if ok && freq > 0 || len(lex.words) == 0 {
		return freq, ok
	}
	if word, found := lex.words[frag]; found {
		if word {
			return learnedFreq, true
		}
		return 0, true
	}
	return freq, ok
}

// route is a step of the graph of words: the log probability of a word,
// or of a cut from it on, and the last rune of the word.
type route struct {
	logp float64
	end  int
}

// cutScratch is the working memory of one cut, kept for the next.
type cutScratch struct {
	offs  []int
	first []int
	cand  []route
	best  []route
}

var scratchPool = sync.Pool{New: func() any { return new(cutScratch) }}

// cutRun is gse's Cut(run, true) (its jieba-style cut: the graph of the
// dictionary words that start at each character, the most probable path
// through it, and the HMM for stretches of single characters that make no
// word together), over the dictionary and the learned words lex. It gives
// exactly gse's cut for the same words; it is written out here because gse
// looks words up in one dictionary of its own, which the learned words of
// an index would have to be added to.
func cutRun(d *dictionary, lex *lexicon, run string) []string {
	sc := scratchPool.Get().(*cutScratch)
	defer scratchPool.Put(sc)
	// offs[i] is the byte offset of rune i; offs[n] is len(run).
	offs := sc.offs[:0]
	for i := range run {
		offs = append(offs, i)
	}
	n := len(offs)
	offs = append(offs, len(run))
	frag := func(i, j int) string { return run[offs[i]:offs[j]] }

	// The graph: the words that start at rune k are cand[first[k]:
	// first[k+1]], each with the last rune and the log probability of
	// the word; a rune that starts no word stands alone.
	logT := math.Log(d.total + lex.total)
	first, cand := sc.first[:0], sc.cand[:0]
	for k := range n {
		first = append(first, len(cand))
		for i := k; i < n; i++ {
			freq, ok := lookup(d, lex, frag(k, i+1))
			if !ok {
				break
			}
			if freq > 0 {
				cand = append(cand, route{math.Log(freq) - logT, i})
			}
		}
		if len(cand) == first[k] {
			// As gse: log(0) for the start of a word, log(1) for a
			// character the dictionary does not have at all.
			_, ok := lookup(d, lex, frag(k, k+1))
			w := -logT
			if ok {
				w = math.Inf(-1)
			}
			cand = append(cand, route{w, k})
		}
	}
	first = append(first, len(cand))

	// best[k] is the most probable cut of runes k… (the log probability
	// and the last rune of its first word); ties go to the longer word.
	best := append(sc.best[:0], make([]route, n+1)...)
	for k := n - 1; k >= 0; k-- {
		for j, c := range cand[first[k]:first[k+1]] {
			r := route{c.logp + best[c.end+1].logp, c.end}
			if v := best[k]; j == 0 || v.logp < r.logp || v.logp == r.logp && v.end < r.end {
				best[k] = r
			}
		}
	}
	sc.offs, sc.first, sc.cand, sc.best = offs, first, cand, best

	// Words of two or more characters are taken as they are; runs of
	// single characters go to the HMM, unless the run is a word itself.
	words := make([]string, 0, n/2+1)
	bufStart := -1
	flush := func(end int) {
		if bufStart < 0 {
			return
		}
		switch buf := frag(bufStart, end); {
		case end-bufStart == 1:
			words = append(words, buf)
		default:
			if freq, ok := lookup(d, lex, buf); !ok || freq == 0 {
				words = append(words, hmmCut(buf)...)
			} else {
				for i := bufStart; i < end; i++ {
					words = append(words, frag(i, i+1))
				}
			}
		}
		bufStart = -1
	}
	for x := 0; x < n; {
		y := best[x].end + 1
		if y-x == 1 {
			if bufStart < 0 {
				bufStart = x
			}
		} else {
			flush(x)
			words = append(words, frag(x, y))
		}
		x = y
	}
	flush(n)
	return words
}

package search

import (
	"context"
	"fmt"
	"runtime"
	"sync"

	zseg "github.com/blevesearch/scorch_segment_api/v2"

	"baoku/indexer"
	"baoku/indexer/field"
)

// Collocation measures weigh how often a word occurs near the query
// against how often it occurs at all: its frequency in the filtered set
// and the number of words of the set. The frequencies are in the index
// (the word view keeps term frequencies); the number of words of each
// article is not, so it is summed once per index segment from the
// postings of every word and kept, as the facet tables are (segments
// never change).

// researchCache keeps what the research views compute once per segment.
// Its zero value is ready to use.
type researchCache struct {
	mu      sync.Mutex
	lengths map[zseg.Segment]*lengthEntry
	// freqs are words' frequencies in whole segments.
	freqs map[zseg.Segment]map[string]int
	// kwic keeps the last sorted concordances.
	kwic kwicCache
	// store is the index folder's snapshots, opened on first use.
	storeOnce sync.Once
	store     *indexer.SnapshotStore
	storeErr  error
}

// lengthEntry is the word counts of one segment's documents, ready once
// done is closed.
type lengthEntry struct {
	done chan struct{}
	n    []uint32
	err  error
}

// lengthsOf returns the number of words (in the word view, over the text
// fields) of each document of a snapshot's segments, computing those not
// known yet, and forgets segments no longer in use.
func (c *researchCache) lengthsOf(v *view) ([][]uint32, error) {
	entries := make([]*lengthEntry, len(v.live))
	var mine []int
	c.mu.Lock()
	if c.lengths == nil {
		c.lengths = map[zseg.Segment]*lengthEntry{}
	}
	inUse := map[zseg.Segment]bool{}
	for i, ss := range v.live {
		seg := ss.Segment()
		inUse[seg] = true
		e, ok := c.lengths[seg]
		if !ok {
			e = &lengthEntry{done: make(chan struct{})}
			c.lengths[seg] = e
			mine = append(mine, i)
		}
		entries[i] = e
	}
	for seg, e := range c.lengths {
		if !inUse[seg] && ready(&segEntry{done: e.done}) {
			delete(c.lengths, seg)
			delete(c.freqs, seg)
		}
	}
	c.mu.Unlock()
	for _, i := range mine {
		e := entries[i]
		e.n, e.err = wordLengths(v.live[i].Segment())
		if e.err != nil {
			c.mu.Lock()
			delete(c.lengths, v.live[i].Segment())
			c.mu.Unlock()
		}
		close(e.done)
	}
	out := make([][]uint32, len(entries))
	for i, e := range entries {
		<-e.done
		if e.err != nil {
			return nil, e.err
		}
		out[i] = e.n
	}
	return out, nil
}

// wordLengths sums the term frequencies of every word of the text fields'
// word views, by document.
func wordLengths(seg zseg.Segment) ([]uint32, error) {
	n := make([]uint32, seg.Count())
	for _, f := range field.Of(field.Text) {
		dict, err := seg.Dictionary(f)
		if err != nil {
			return nil, fmt.Errorf("search: words of %s: %w", f, err)
		}
		it := dict.AutomatonIterator(nil, nil, nil)
		var (
			pl  zseg.PostingsList
			pit zseg.PostingsIterator
		)
		for {
			de, err := it.Next()
			if err != nil {
				return nil, fmt.Errorf("search: words of %s: %w", f, err)
			}
			if de == nil {
				break
			}
			if pl, err = dict.PostingsList([]byte(de.Term), nil, pl); err != nil {
				return nil, fmt.Errorf("search: words of %s: %w", f, err)
			}
			pit = pl.Iterator(true, false, false, pit)
			for {
				p, err := pit.Next()
				if err != nil {
					return nil, fmt.Errorf("search: words of %s: %w", f, err)
				}
				if p == nil {
					break
				}
				if d := p.Number(); d < uint64(len(n)) {
					n[d] += uint32(p.Frequency())
				}
			}
		}
	}
	return n, nil
}

// reference is the filtered set a collocation is measured against: which
// documents are in it, and how many words they hold.
type reference struct {
	words int
	// in holds the set's documents, by segment and number there.
	in map[zseg.Segment]bitset
	// whole marks the segments all of whose documents are in the set
	// (no filter, no deletion), whose frequencies are kept for the
	// next request.
	whole map[zseg.Segment]bool
	snap  *snapshot
	cache *researchCache
}

// reference walks the request's filtered set.
func (e *Engine) reference(ctx context.Context, p *prepared, snap *snapshot) (*reference, error) {
	ref := &reference{in: map[zseg.Segment]bitset{}, whole: map[zseg.Segment]bool{}, snap: snap, cache: &e.research}
	var (
		lengths [][]uint32
		lerr    error
		sets    []bitset
		counts  = map[zseg.Segment]uint64{}
	)
	_, err := e.walk(ctx, p.denominator(), false, func(v *view, seg int, local, _ uint64) {
		if sets == nil {
			lengths, lerr = e.research.lengthsOf(v)
			sets = make([]bitset, len(v.live))
			for i, ss := range v.live {
				sets[i] = make(bitset, ss.Segment().Count()/64+1)
				ref.in[ss.Segment()] = sets[i]
			}
		}
		sets[seg].add(local)
		counts[v.live[seg].Segment()]++
		if lerr == nil {
			ref.words += int(lengths[seg][local])
		}
	})
	if err != nil {
		return nil, err
	}
	if lerr != nil {
		return nil, lerr
	}
	if len(p.filters) == 0 {
		for seg, n := range counts {
			if n == seg.Count() {
				ref.whole[seg] = true
			}
		}
	}
	return ref, nil
}

// freqs are the words' frequencies in the filtered set, looked up on
// every core.
func (r *reference) freqs(ctx context.Context, words []string) ([]int, error) {
	out := make([]int, len(words))
	workers := min(runtime.GOMAXPROCS(0), max(1, len(words)/16))
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for wi := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			dicts := map[zseg.Segment][]zseg.TermDictionary{} // this worker's
			for i := wi; i < len(words); i += workers {
				if errs[wi] != nil || ctx.Err() != nil {
					return
				}
				out[i], errs[wi] = r.freq(words[i], dicts)
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, ctx.Err()
}

// freq is a word's frequency in the filtered set, over the text fields,
// summed segment by segment.
func (r *reference) freq(word string, dicts map[zseg.Segment][]zseg.TermDictionary) (int, error) {
	total := 0
	for _, ss := range r.snap.v.live {
		seg := ss.Segment()
		set := r.in[seg]
		if set == nil {
			continue
		}
		whole := r.whole[seg]
		if whole {
			if n, ok := r.cache.segFreq(seg, word); ok {
				total += n
				continue
			}
		}
		ds, err := dictsOf(seg, dicts)
		if err != nil {
			return 0, err
		}
		n := 0
		for _, d := range ds {
			pl, err := d.PostingsList([]byte(word), nil, nil)
			if err != nil {
				return 0, fmt.Errorf("search: postings of %s: %w", word, err)
			}
			it := pl.Iterator(true, false, false, nil)
			for {
				p, err := it.Next()
				if err != nil {
					return 0, fmt.Errorf("search: postings of %s: %w", word, err)
				}
				if p == nil {
					break
				}
				if whole || set.has(p.Number()) {
					n += int(p.Frequency())
				}
			}
		}
		if whole {
			r.cache.keepFreq(seg, word, n)
		}
		total += n
	}
	return total, nil
}

// dictsOf returns the word views' dictionaries of a segment, opening
// them once a worker.
func dictsOf(seg zseg.Segment, dicts map[zseg.Segment][]zseg.TermDictionary) ([]zseg.TermDictionary, error) {
	if ds, ok := dicts[seg]; ok {
		return ds, nil
	}
	var ds []zseg.TermDictionary
	for _, f := range field.Of(field.Text) {
		d, err := seg.Dictionary(f)
		if err != nil {
			return nil, fmt.Errorf("search: words of %s: %w", f, err)
		}
		ds = append(ds, d)
	}
	dicts[seg] = ds
	return ds, nil
}

// maxKeptFreqs bounds the word frequencies kept per segment.
const maxKeptFreqs = 100000

// segFreq returns a word's frequency in a whole segment, if known.
func (c *researchCache) segFreq(seg zseg.Segment, word string) (int, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	n, ok := c.freqs[seg][word]
	return n, ok
}

// keepFreq keeps a word's frequency in a whole segment, up to the bound,
// for segments still in use (lengthsOf forgets the others).
func (c *researchCache) keepFreq(seg zseg.Segment, word string, n int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.freqs == nil {
		c.freqs = map[zseg.Segment]map[string]int{}
	}
	m := c.freqs[seg]
	if m == nil {
		m = map[string]int{}
		c.freqs[seg] = m
	}
	if len(m) < maxKeptFreqs {
		m[word] = n
	}
}

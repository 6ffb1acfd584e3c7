package search

import (
	"context"
	"fmt"
	"math/bits"
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
	// in holds the set's documents, by segment and number there, so that
	// the postings of another snapshot of the index can be checked
	// against it.
	in   map[zseg.Segment]bitset
	snap *snapshot // where frequencies are read
	// global is in by the document numbers of snap.
	global bitset
}

// reference walks the request's filtered set.
func (e *Engine) reference(ctx context.Context, p *prepared, snap *snapshot) (*reference, error) {
	ref := &reference{in: map[zseg.Segment]bitset{}, snap: snap}
	var (
		lengths [][]uint32
		lerr    error
		sets    []bitset
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
	ref.global = globalSet(snap.v, ref.in)
	return ref, nil
}

// globalSet turns a set of documents by segment into one by the document
// numbers of a snapshot.
func globalSet(v *view, in map[zseg.Segment]bitset) bitset {
	var top uint64
	for i, ss := range v.live {
		top = max(top, v.offsets[i]+ss.Segment().Count())
	}
	out := make(bitset, top/64+1)
	for i, ss := range v.live {
		set, off := in[ss.Segment()], v.offsets[i]
		for w, word := range set {
			for word != 0 {
				local := uint64(w)*64 + uint64(bits.TrailingZeros64(word))
				out.add(off + local)
				word &= word - 1
			}
		}
	}
	return out
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
			for i := wi; i < len(words); i += workers {
				if errs[wi] != nil {
					return
				}
				out[i], errs[wi] = r.freq(ctx, words[i])
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// freq is a word's frequency in the filtered set, over the text fields.
func (r *reference) freq(ctx context.Context, word string) (int, error) {
	total := 0
	for _, f := range field.Of(field.Text) {
		n, err := termFreqWhere(ctx, r.snap, f, word, r.global.has)
		if err != nil {
			return 0, err
		}
		total += n
	}
	return total, nil
}

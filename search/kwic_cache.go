package search

import (
	"fmt"
	"slices"
	"strings"
	"sync"
)

// A concordance sorted by context must read every article found to cut
// the context of every line, a second or more for a common word; a reader
// then pages through it. So the sorted lines of the last few concordances
// are kept, for the index snapshot they were read from: a page of the same
// concordance over the same segments (none added, merged or deleted from
// since) is cut from them, reading only its own articles.

// Bounds of the kept concordances.
const (
	keptConcordances = 4
	// keptLines bounds the lines kept in all; a longer concordance is
	// not kept.
	keptLines = 200000
)

// kwicCache keeps sorted concordances. Its zero value is ready to use.
type kwicCache struct {
	mu      sync.Mutex
	entries []kwicEntry // most recently used last
}

type kwicEntry struct {
	key string
	occ []occurrence
}

// get returns the lines kept under key.
func (c *kwicCache) get(key string) ([]occurrence, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for i, e := range c.entries {
		if e.key == key {
			c.entries = append(slices.Delete(c.entries, i, i+1), e)
			return e.occ, true
		}
	}
	return nil, false
}

// put keeps lines under key, forgetting the least recently used beyond
// the bounds.
func (c *kwicCache) put(key string, occ []occurrence) {
	if len(occ) > keptLines {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.entries = append(c.entries, kwicEntry{key, occ})
	total := 0
	for _, e := range c.entries {
		total += len(e.occ)
	}
	for len(c.entries) > keptConcordances || total > keptLines {
		total -= len(c.entries[0].occ)
		c.entries = c.entries[1:]
	}
}

// kwicKey names a concordance of a snapshot: the request's query,
// filters, width and order, and the snapshot's segments in order with
// their deletions (the same segments number their documents the same).
func kwicKey(r KWICRequest, snap *snapshot) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%q|%s|%s|%d|%s|", r.Query, r.From, r.To, r.Width, r.Order)
	names := make([]string, 0, len(r.Filters))
	for name := range r.Filters {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		vals := slices.Clone(r.Filters[name])
		slices.Sort(vals)
		fmt.Fprintf(&b, "%s=%q|", name, vals)
	}
	for _, ss := range snap.v.live {
		deleted := uint64(0)
		if d := ss.Deleted(); d != nil {
			deleted = d.GetCardinality()
		}
		fmt.Fprintf(&b, "%p/%d;", ss.Segment(), deleted)
	}
	return b.String()
}

package search

import (
	"slices"
	"strconv"
	"sync"
)

// One article printed in several places — on page 1 and again on page 4,
// or on two days — is stored once per place, and a search would list it
// once per place, one after the other. Search shows it once: the hits
// whose content key (indexer.ContentKey: the normalised headline and body)
// is the same are one hit, ranked as the best of them, which lists all
// the places (Hit.Places). The total counts such an article once, and a
// facet value counts it once if any of its places has the value.
//
// The hook: which articles are one is decided by the content key alone.
// The index stores it per document (indexer.FieldContent, with doc values)
// and segTable.content holds it; a wider notion of sameness (near
// duplicates) is a key that more articles share, made at indexing time,
// with nothing here to change; or, at search time, another groupsOf.

// groups says which documents of one index snapshot are one article: the
// documents whose content key no other live document shares are in no
// group, the others in group 1, 2 … by key.
type groups struct {
	// of[i][local] is the group of a document of segment i, 0 for none;
	// nil for a segment with no grouped document.
	of [][]uint32
	// members[g] are the global document numbers of group g, in index
	// order; members[0] is unused.
	members [][]uint64
}

// group returns the group of a segment's document.
func (g *groups) group(seg int, local uint64) uint32 {
	if g == nil || g.of[seg] == nil {
		return 0
	}
	return g.of[seg][local]
}

// groupCache keeps the groups of the snapshot searched last: every search
// of a snapshot shares them, and a new snapshot (after an upload or a
// merge) makes them again, which takes one pass over the keys.
type groupCache struct {
	mu  sync.Mutex
	key string
	g   *groups
}

// groupsOf returns the groups of a snapshot, whose segments' tables are v.
func (c *groupCache) groupsOf(v *view) *groups {
	key := snapshotKey(v)
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.key == key && c.g != nil {
		return c.g
	}
	c.key, c.g = key, buildGroups(v)
	return c.g
}

// snapshotKey names a snapshot by its segments and their deletions (which
// only grow): equal keys have equal live documents.
func snapshotKey(v *view) string {
	b := make([]byte, 0, 24*len(v.live))
	for i, ss := range v.live {
		b = strconv.AppendUint(b, v.ids[i], 16)
		b = append(b, ':')
		var del uint64
		if d := ss.Deleted(); d != nil {
			del = d.GetCardinality()
		}
		b = strconv.AppendUint(b, del, 16)
		b = append(b, ',')
	}
	return string(b)
}

// buildGroups finds the live documents of a snapshot that share their
// content key.
func buildGroups(v *view) *groups {
	first := map[uint64]uint64{} // key → global number of its first document
	byKey := map[uint64]uint32{} // key → group, once a second document has it
	g := &groups{of: make([][]uint32, len(v.segs)), members: [][]uint64{nil}}
	for i, st := range v.segs {
		del := v.live[i].Deleted()
		for local, key := range st.content {
			if key == 0 || (del != nil && del.Contains(uint32(local))) {
				continue
			}
			num := v.offsets[i] + uint64(local)
			f, seen := first[key]
			if !seen {
				first[key] = num
				continue
			}
			n, grouped := byKey[key]
			if !grouped {
				n = uint32(len(g.members))
				byKey[key] = n
				g.members = append(g.members, []uint64{f})
				g.mark(v, f, n)
			}
			g.members[n] = append(g.members[n], num)
			g.mark(v, num, n)
		}
	}
	if len(g.members) == 1 {
		return nil
	}
	return g
}

// mark puts the document with a global number in group n.
func (g *groups) mark(v *view, num uint64, n uint32) {
	i, local := v.locate(num)
	if g.of[i] == nil {
		g.of[i] = make([]uint32, len(v.segs[i].content))
	}
	g.of[i][local] = n
}

// groupHit is what a search keeps of a group it met: its best hit so far
// and the facet values counted for it.
type groupHit struct {
	seen bool
	best ranked
	ords []uint32
}

// addGrouped counts a hit of group n: once for the total, each facet
// value once, and keeps it as the group's hit when it ranks better.
func (c *collector) addGrouped(n uint32, vals []uint32) {
	if c.grouped == nil {
		c.grouped = make([]groupHit, len(c.groups.members))
	}
	gh := &c.grouped[n]
	if c.facets {
		for _, o := range vals {
			if !slices.Contains(gh.ords, o) {
				gh.ords = append(gh.ords, o)
				c.counts[o]++
			}
		}
	}
	switch {
	case !gh.seen:
		c.total++
		gh.seen, gh.best = true, c.cand
	case c.less(&c.cand, &gh.best):
		gh.best = c.cand
	}
}

// groupBests returns the best hit of each group met.
func (c *collector) groupBests() []ranked {
	var out []ranked
	for _, gh := range c.grouped {
		if gh.seen {
			out = append(out, gh.best)
		}
	}
	return out
}

// onceEach returns, for the walk of one snapshot's hits, a test that
// admits each article once per key (a bucket of a chart): a document in no
// group always, a document of a group of reprints only the first time its
// group meets the key. Counts by bucket use it so that a reprint counts
// once, as a search's total does.
func (e *Engine) onceEach(v *view) func(seg int, local uint64, key int64) bool {
	g := e.tables.groups.groupsOf(v)
	seen := map[[2]int64]bool{}
	return func(seg int, local uint64, key int64) bool {
		n := g.group(seg, local)
		if n == 0 {
			return true
		}
		k := [2]int64{int64(n), key}
		if seen[k] {
			return false
		}
		seen[k] = true
		return true
	}
}

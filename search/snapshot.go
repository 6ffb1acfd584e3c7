package search

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"baoku/indexer"
	"baoku/indexer/field"
)

// Result set limits: a snapshot is public (anyone may make one), so both
// its size and the number kept are bounded.
const (
	// MaxSnapshotSize is the most articles a snapshot holds.
	MaxSnapshotSize = 10000
	// MaxSnapshots is the most snapshots an index keeps.
	MaxSnapshots = 1000
	// maxDiff bounds the IDs a rerun lists as added or dropped.
	maxDiff = 1000
)

// ErrSnapshotsFull is returned when the index keeps MaxSnapshots already.
var ErrSnapshotsFull = indexer.ErrSnapshotsFull

// Snapshot is a frozen result set: which articles a search found, when,
// in which index, so that a study can cite exactly what it counted.
type Snapshot struct {
	ID    string `json:"id"`
	Query string `json:"query"`
	// Filters are the search's filters by URL parameter name (from, to,
	// paper, section …), each a list of values.
	Filters map[string][]string `json:"filters"`
	// Created is when the set was frozen, RFC 3339 in UTC.
	Created string `json:"created"`
	// IndexVersion is the index's schema version and its number of
	// articles then: baoku-7/74545.
	IndexVersion string `json:"index_version"`
	Total        int    `json:"total"`
	// IDs are the articles, oldest first, ties by ID; SHA256 is the hex
	// digest of them one a line (each followed by \n), which
	// `printf '%s\n' ID… | sha256sum` reproduces.
	IDs    []string `json:"ids"`
	SHA256 string   `json:"sha256"`
}

// SnapshotDiff is what running a snapshot's search again finds now.
type SnapshotDiff struct {
	Total int `json:"total"`
	// Added and Dropped are the articles found now and not then, and
	// then and not now, at most maxDiff of each listed; the counts are
	// whole.
	Added        []string `json:"added"`
	Dropped      []string `json:"dropped"`
	AddedCount   int      `json:"added_count"`
	DroppedCount int      `json:"dropped_count"`
	IndexVersion string   `json:"index_version"`
}

// snapshots opens the index folder's store on first use.
func (e *Engine) snapshots() (*indexer.SnapshotStore, error) {
	c := &e.research
	c.storeOnce.Do(func() {
		c.store, c.storeErr = indexer.OpenSnapshots(e.idx.Dir(), MaxSnapshots)
	})
	return c.store, c.storeErr
}

// SnapshotOptions set how a snapshot is made.
type SnapshotOptions struct {
	// Now is the time recorded as its creation (time.Now when zero).
	Now time.Time
	// MaxSize is the most articles it may hold (MaxSnapshotSize when 0,
	// and never more).
	MaxSize int
}

// CreateSnapshot runs a search and freezes its hits. The same search over
// the same index gives the same snapshot back (the ID is a digest of
// query, filters, index version and hits).
func (e *Engine) CreateSnapshot(ctx context.Context, r Request, opt SnapshotOptions) (*Snapshot, error) {
	store, err := e.snapshots()
	if err != nil {
		return nil, err
	}
	ids, err := e.resultIDs(ctx, r)
	if err != nil {
		return nil, err
	}
	limit := MaxSnapshotSize
	if opt.MaxSize > 0 {
		limit = min(opt.MaxSize, MaxSnapshotSize)
	}
	if len(ids) > limit {
		return nil, fmt.Errorf("%w: the search finds %d articles; a result set holds at most %d: narrow it", ErrBadRequest, len(ids), limit)
	}
	now := opt.Now
	if now.IsZero() {
		now = time.Now()
	}
	version, err := e.indexVersion()
	if err != nil {
		return nil, err
	}
	s := &Snapshot{
		Query: r.Query, Filters: filtersOf(r), Created: now.UTC().Format(time.RFC3339),
		IndexVersion: version, Total: len(ids), IDs: ids, SHA256: digestIDs(ids),
	}
	key := sha256.New()
	fjs, _ := json.Marshal(s.Filters)
	fmt.Fprintf(key, "%s\x1f%s\x1f%s\x1f%s", s.Query, fjs, s.IndexVersion, s.SHA256)
	s.ID = hex.EncodeToString(key.Sum(nil))[:16]
	if _, ok := store.Get(s.ID); ok {
		_, stored, err := e.SnapshotJSON(s.ID)
		return stored, err
	}
	js, err := json.Marshal(s)
	if err != nil {
		return nil, err
	}
	if err := store.Put(s.ID, js); err != nil {
		return nil, err
	}
	// Two requests may have raced to store it: the first one's is kept.
	_, stored, err := e.SnapshotJSON(s.ID)
	return stored, err
}

// SnapshotJSON returns a snapshot exactly as it was stored, and decoded.
func (e *Engine) SnapshotJSON(id string) (json.RawMessage, *Snapshot, error) {
	store, err := e.snapshots()
	if err != nil {
		return nil, nil, err
	}
	js, ok := store.Get(id)
	if !ok {
		return nil, nil, fmt.Errorf("snapshot %s: %w", id, ErrNotFound)
	}
	var s Snapshot
	if err := json.Unmarshal(js, &s); err != nil {
		return nil, nil, fmt.Errorf("search: snapshot %s: %w", id, err)
	}
	return js, &s, nil
}

// Rerun runs a snapshot's search again and says what it finds now that it
// did not then, and the other way round.
func (e *Engine) Rerun(ctx context.Context, s *Snapshot) (*SnapshotDiff, error) {
	r, err := requestOfFilters(s.Query, s.Filters)
	if err != nil {
		return nil, err
	}
	now, err := e.resultIDs(ctx, r)
	if err != nil {
		return nil, err
	}
	d := &SnapshotDiff{Total: len(now), Added: []string{}, Dropped: []string{}}
	if d.IndexVersion, err = e.indexVersion(); err != nil {
		return nil, err
	}
	then := make(map[string]bool, len(s.IDs))
	for _, id := range s.IDs {
		then[id] = true
	}
	found := make(map[string]bool, len(now))
	for _, id := range now {
		found[id] = true
		if !then[id] {
			d.AddedCount++
			if len(d.Added) < maxDiff {
				d.Added = append(d.Added, id)
			}
		}
	}
	for _, id := range s.IDs {
		if !found[id] {
			d.DroppedCount++
			if len(d.Dropped) < maxDiff {
				d.Dropped = append(d.Dropped, id)
			}
		}
	}
	return d, nil
}

// resultIDs lists the IDs of every hit of a search, oldest first, ties
// by ID.
func (e *Engine) resultIDs(ctx context.Context, r Request) ([]string, error) {
	p, err := e.prepare(r)
	if err != nil {
		return nil, err
	}
	hits, snap, err := e.hitsByDate(ctx, p.query())
	if err != nil {
		return nil, err
	}
	defer snap.release()
	type idDate struct {
		id   string
		date int64
	}
	out := make([]idDate, len(hits))
	for i, h := range hits {
		id, err := snap.id(h.num)
		if err != nil {
			return nil, err
		}
		out[i] = idDate{id, h.date}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].date != out[j].date {
			return out[i].date < out[j].date
		}
		return out[i].id < out[j].id
	})
	ids := make([]string, len(out))
	for i, o := range out {
		ids[i] = o.id
	}
	return ids, nil
}

// indexVersion is the schema version and the number of articles.
func (e *Engine) indexVersion() (string, error) {
	n, err := e.Count()
	if err != nil {
		return "", fmt.Errorf("search: count articles: %w", err)
	}
	return fmt.Sprintf("%s/%d", indexer.SchemaVersion, n), nil
}

// digestIDs is the SHA-256 of the IDs, each followed by a newline.
func digestIDs(ids []string) string {
	h := sha256.New()
	for _, id := range ids {
		h.Write([]byte(id))
		h.Write([]byte{'\n'})
	}
	return hex.EncodeToString(h.Sum(nil))
}

// filtersOf lists a request's filters by URL parameter, values sorted.
func filtersOf(r Request) map[string][]string {
	out := map[string][]string{}
	if r.From != "" {
		out["from"] = []string{r.From}
	}
	if r.To != "" {
		out["to"] = []string{r.To}
	}
	for name, vs := range r.Filters {
		var keep []string
		for _, v := range vs {
			if v = strings.TrimSpace(v); v != "" {
				keep = append(keep, v)
			}
		}
		if len(keep) == 0 {
			continue
		}
		param := name
		if f, ok := field.Get(name); ok {
			param = f.ParamOf()
		}
		slices.Sort(keep)
		out[param] = keep
	}
	return out
}

// requestOfFilters is the request of a snapshot's query and filters.
func requestOfFilters(q string, filters map[string][]string) (Request, error) {
	r := Request{Query: q}
	for param, vs := range filters {
		switch param {
		case "from", "to":
			if len(vs) != 1 {
				return r, errors.New("search: a snapshot's from and to hold one date each")
			}
			if param == "from" {
				r.From = vs[0]
			} else {
				r.To = vs[0]
			}
			continue
		}
		name := param
		for _, f := range field.Facets() {
			if f.ParamOf() == param {
				name = f.Name
			}
		}
		if r.Filters == nil {
			r.Filters = map[string][]string{}
		}
		r.Filters[name] = vs
	}
	return r, nil
}

package indexer

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
)

// SnapshotsFile keeps the index folder's citable result sets, one JSON
// record a line, appended to and never rewritten: a record once given out
// is returned byte for byte for as long as the folder lives (and in its
// backups).
const SnapshotsFile = "snapshots.jsonl"

// ErrSnapshotsFull is returned when the store holds as many records as it
// may.
var ErrSnapshotsFull = errors.New("the archive keeps no more result sets")

// SnapshotStore is the index folder's result sets, by ID. Records are
// opaque JSON to it; search decides what they hold. It is safe for
// concurrent use; one process writes it (the one that holds the index).
type SnapshotStore struct {
	path string // "" for an index in memory
	max  int
	// good is the length of the file up to its last whole line; a tail
	// past it is cut off before the next record is appended.
	good, size int64
	mu         sync.Mutex
	byID       map[string]json.RawMessage
}

// OpenSnapshots reads the store of the index folder dir ("" for one in
// memory), which keeps at most max records. A line cut short at the end of
// the file (a write stopped by a crash) is left out; any other bad line
// is an error naming the file and line.
func OpenSnapshots(dir string, max int) (*SnapshotStore, error) {
	s := &SnapshotStore{max: max, byID: map[string]json.RawMessage{}}
	if dir == "" {
		return s, nil
	}
	s.path = filepath.Join(dir, SnapshotsFile)
	b, err := os.ReadFile(s.path)
	if errors.Is(err, fs.ErrNotExist) {
		return s, nil
	}
	if err != nil {
		return nil, fmt.Errorf("snapshots: %w", err)
	}
	s.size = int64(len(b))
	lines := bytes.Split(b, []byte("\n"))
	var at int64
	for i, line := range lines {
		end := at + int64(len(line)) + 1
		if i == len(lines)-1 {
			end-- // no newline after the last
		}
		if len(bytes.TrimSpace(line)) == 0 {
			at = end
			if i < len(lines)-1 {
				s.good = end
			}
			continue
		}
		var rec struct {
			ID string `json:"id"`
		}
		if err := json.Unmarshal(line, &rec); err != nil || rec.ID == "" {
			if i == len(lines)-1 {
				break // the last line, unfinished
			}
			return nil, fmt.Errorf("snapshots: %s line %d: not a result set record", s.path, i+1)
		}
		s.byID[rec.ID] = json.RawMessage(bytes.Clone(line))
		at = end
		if i < len(lines)-1 {
			s.good = end
		}
	}
	return s, nil
}

// Get returns the record with the given ID as it was stored.
func (s *SnapshotStore) Get(id string) (json.RawMessage, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	rec, ok := s.byID[id]
	return rec, ok
}

// Len is the number of records kept.
func (s *SnapshotStore) Len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.byID)
}

// Put stores a record (JSON with an "id") under id and writes it to disk
// before it returns. A record already stored under id is kept as it was:
// records never change. Past the bound it fails with ErrSnapshotsFull.
func (s *SnapshotStore) Put(id string, rec json.RawMessage) error {
	var compact bytes.Buffer
	if err := json.Compact(&compact, rec); err != nil {
		return fmt.Errorf("snapshots: record %s: %w", id, err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.byID[id]; ok {
		return nil
	}
	if len(s.byID) >= s.max {
		return fmt.Errorf("%w (%d kept)", ErrSnapshotsFull, s.max)
	}
	if s.path != "" {
		if s.size > s.good {
			// A line left unfinished by a crash: cut it off.
			if err := os.Truncate(s.path, s.good); err != nil {
				return fmt.Errorf("snapshots: %w", err)
			}
			s.size = s.good
		}
		if err := appendLine(s.path, compact.Bytes()); err != nil {
			return fmt.Errorf("snapshots: %w", err)
		}
		s.size += int64(compact.Len()) + 1
		s.good = s.size
	}
	s.byID[id] = json.RawMessage(compact.Bytes())
	return nil
}

// appendLine appends a line to a file and syncs it.
func appendLine(path string, line []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o644)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	w.Write(line)
	w.WriteByte('\n')
	err = w.Flush()
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

package indexer

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// JournalName is the file, in the index folder, that records the input
// files whose articles are all safely written.
const JournalName = "ingest-journal.jsonl"

// Journal records finished input files, so that an ingest that was stopped
// (killed, crashed, power lost) can be run again and pass over the files it
// had finished. A file is keyed by its absolute path, size and modification
// time: a file changed since it was indexed is indexed again.
//
// An entry is appended, and synced to disk, only after every article of the
// file has been written to the index (bleve's batches are persisted before
// Batch returns), so the journal never claims more than the index holds.
// Articles have stable IDs, so redoing an unfinished file replaces its
// articles rather than adding copies. A Journal is safe for concurrent use.
type Journal struct {
	mu   sync.Mutex
	f    *os.File
	done map[journalKey]int
}

type journalKey struct {
	path  string
	size  int64
	mtime int64
}

// journalEntry is one line of the journal file.
type journalEntry struct {
	Path     string `json:"path"`
	Size     int64  `json:"size"`
	MTime    int64  `json:"mtime_ns"`
	Articles int    `json:"articles"`
	At       string `json:"at"`
}

// OpenJournal opens (creating it when missing) the journal in the index
// folder dir. A torn last line, left by a crash in the middle of a write, is
// ignored: that file is simply done again.
func OpenJournal(dir string) (*Journal, error) {
	path := filepath.Join(dir, JournalName)
	j := &Journal{done: map[journalKey]int{}}
	if f, err := os.Open(path); err == nil {
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 64<<10), 1<<20)
		for sc.Scan() {
			var e journalEntry
			if json.Unmarshal(sc.Bytes(), &e) != nil || e.Path == "" {
				continue
			}
			j.done[journalKey{e.Path, e.Size, e.MTime}] = e.Articles
		}
		err := sc.Err()
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("read journal %s: %w", path, err)
		}
	} else if !os.IsNotExist(err) {
		return nil, fmt.Errorf("open journal: %w", err)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("open journal: %w", err)
	}
	// Start on a fresh line in case the last write was torn.
	if st, err := f.Stat(); err == nil && st.Size() > 0 {
		if _, err := f.WriteString("\n"); err != nil {
			f.Close()
			return nil, fmt.Errorf("write journal %s: %w", path, err)
		}
	}
	j.f = f
	return j, nil
}

// keyOf returns the journal key of a file.
func keyOf(path string) (journalKey, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return journalKey{}, fmt.Errorf("%s: %w", path, err)
	}
	st, err := os.Stat(abs)
	if err != nil {
		return journalKey{}, fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	return journalKey{abs, st.Size(), st.ModTime().UnixNano()}, nil
}

// Done reports whether the file, as it is now, was finished before; a nil
// journal records nothing.
func (j *Journal) Done(path string) bool {
	if j == nil {
		return false
	}
	k, err := keyOf(path)
	if err != nil {
		return false
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	_, ok := j.done[k]
	return ok
}

// Len returns the number of files recorded.
func (j *Journal) Len() int {
	j.mu.Lock()
	defer j.mu.Unlock()
	return len(j.done)
}

// Finish records the file as done, with the number of articles read from it,
// and syncs the journal to disk. Call it only once the file's articles are
// written to the index.
func (j *Journal) Finish(path string, articles int) error {
	k, err := keyOf(path)
	if err != nil {
		return fmt.Errorf("journal: %w", err)
	}
	return j.finish(k, articles)
}

// finish records a file under the key it had when its reading began, so a
// file changed while it was read is read again next time.
func (j *Journal) finish(k journalKey, articles int) error {
	line, err := json.Marshal(journalEntry{
		Path: k.path, Size: k.size, MTime: k.mtime, Articles: articles,
		At: time.Now().UTC().Format(time.RFC3339),
	})
	if err != nil {
		return fmt.Errorf("journal: %w", err)
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	if _, err := j.f.Write(append(line, '\n')); err != nil {
		return fmt.Errorf("write journal: %w", err)
	}
	if err := j.f.Sync(); err != nil {
		return fmt.Errorf("sync journal: %w", err)
	}
	j.done[k] = articles
	return nil
}

// Close closes the journal file.
func (j *Journal) Close() error {
	j.mu.Lock()
	defer j.mu.Unlock()
	if err := j.f.Close(); err != nil {
		return fmt.Errorf("close journal: %w", err)
	}
	return nil
}

package indexer

import (
	"context"
	"path/filepath"
	"time"
)

// Resident keeps the pages of an index's files that a process has mapped
// out of its resident set once they pass a budget. bleve maps its segment
// files into memory and reads them there: every page a query or a merge
// has read stays in the process's resident set, so the resident set grows
// with the index rather than with the work, up to the whole index. Dropping
// the pages from the process (madvise DONTNEED; they stay in the kernel's
// page cache, so a page read again costs a minor fault, not a disk read)
// bounds it by configuration instead.
type Resident struct {
	// Dir is the index folder whose mapped files are released; the side
	// folder a bulk build writes, Dir.creating, counts with it.
	Dir string
	// Budget is the most of those files' pages kept resident, in bytes.
	Budget int64
	// Every is how often the mapped pages are measured (default 0.5 s).
	Every time.Duration
}

// Mapped reports how much of the files under dir this process maps and how
// much of that is resident, in bytes; both 0 where the system does not tell.
func Mapped(dir string) (mapped, resident int64, err error) {
	return mappedUnder(absDir(dir))
}

// Release drops this process's resident pages of the files under dir that
// it maps, and returns how many bytes of mappings it went over.
func Release(dir string) (int64, error) {
	return releaseUnder(absDir(dir))
}

// Run measures the resident pages of the mapped index files every r.Every
// and releases them when they pass r.Budget, until ctx ends.
func (r Resident) Run(ctx context.Context) {
	every := r.Every
	if every <= 0 {
		every = 500 * time.Millisecond
	}
	dirs := []string{absDir(r.Dir), absDir(filepath.Clean(r.Dir) + ".creating")}
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		if _, res, err := mappedUnder(dirs...); err == nil && res > r.Budget {
			releaseUnder(dirs...)
		}
	}
}

func absDir(dir string) string {
	if a, err := filepath.Abs(dir); err == nil {
		dir = a
	}
	return filepath.Clean(dir) + string(filepath.Separator)
}

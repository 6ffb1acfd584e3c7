package indexer

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/sys/unix"
)

// region is one mapped region of a file, from /proc/self/smaps.
type region struct {
	start, end uintptr
	path       string
	rss        int64
}

// mappings lists this process's mappings of the files under dirs (clean
// absolute paths ending in a separator), with their resident sizes.
func mappings(dirs []string) ([]region, error) {
	raw, err := os.ReadFile("/proc/self/smaps")
	if err != nil {
		return nil, fmt.Errorf("mapped index files: %w", err)
	}
	var out []region
	var cur *region
	sc := bufio.NewScanner(bytes.NewReader(raw))
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		if strings.Contains(f[0], "-") && len(f) >= 5 {
			// A new mapping: "start-end perms offset dev inode [path]".
			cur = nil
			if len(f) < 6 || !slices.ContainsFunc(dirs, func(d string) bool { return strings.HasPrefix(f[5], d) }) {
				continue
			}
			lo, hi, ok := strings.Cut(f[0], "-")
			start, err1 := strconv.ParseUint(lo, 16, 64)
			end, err2 := strconv.ParseUint(hi, 16, 64)
			if !ok || err1 != nil || err2 != nil {
				continue
			}
			out = append(out, region{start: uintptr(start), end: uintptr(end), path: f[5]})
			cur = &out[len(out)-1]
			continue
		}
		if cur != nil && f[0] == "Rss:" && len(f) >= 2 {
			if kb, err := strconv.ParseInt(f[1], 10, 64); err == nil {
				cur.rss = kb << 10
			}
		}
	}
	return out, sc.Err()
}

func mappedUnder(dirs ...string) (mapped, resident int64, err error) {
	ms, err := mappings(dirs)
	for _, m := range ms {
		mapped += int64(m.end - m.start)
		resident += m.rss
	}
	return mapped, resident, err
}

func releaseUnder(dirs ...string) (int64, error) {
	ms, err := mappings(dirs)
	if err != nil {
		return 0, err
	}
	var n int64
	for _, m := range ms {
		if m.rss == 0 {
			continue
		}
		// The region is a file mapping bleve made read-only: dropping
		// its pages loses nothing, the next read maps them again.
		if _, _, errno := unix.Syscall(unix.SYS_MADVISE, m.start, m.end-m.start, unix.MADV_DONTNEED); errno == 0 {
			n += int64(m.end - m.start)
		}
	}
	return n, nil
}

package bench

import (
	"os"
	"testing"
	"time"
)

// When BAOKU_BENCH_TEST_ALLOC is set, the test binary runs as a child that
// touches that many megabytes and exits.
func init() {
	if v := os.Getenv("BAOKU_BENCH_TEST_ALLOC"); v != "" {
		var mb int
		for _, c := range v {
			mb = mb*10 + int(c-'0')
		}
		b := make([]byte, mb<<20)
		for i := 0; i < len(b); i += 4096 {
			b[i] = 1
		}
		time.Sleep(100 * time.Millisecond)
		os.Exit(int(b[len(b)/2]) - 1)
	}
}

// TestPeakRSSIsTheChilds checks that an ingest's peak resident set is the
// child's own: neither the bench's (a child started by a parent holding
// 600 MB) nor less than what the child touched. The bounds leave room for
// the race detector's shadow memory in the child.
func TestPeakRSSIsTheChilds(t *testing.T) {
	ballast := make([]byte, 600<<20)
	for i := 0; i < len(ballast); i += 4096 {
		ballast[i] = 1
	}
	cases := []struct {
		alloc    string
		min, max int64
	}{
		{"1", 0, 300 << 20},
		{"150", 150 << 20, 550 << 20},
	}
	for _, c := range cases {
		t.Setenv("BAOKU_BENCH_TEST_ALLOC", c.alloc)
		var run ingestRun
		if err := runStep(procStep{argv: []string{os.Args[0], "-test.run", "^$"}}, &run); err != nil {
			t.Fatal(err)
		}
		if run.PeakRSS < c.min || run.PeakRSS > c.max {
			t.Errorf("child touching %s MB: peak RSS %d MB, want %d–%d MB", c.alloc, run.PeakRSS>>20, c.min>>20, c.max>>20)
		}
	}
	if ballast[len(ballast)/2] != 1 {
		t.Fatal("ballast lost")
	}
}

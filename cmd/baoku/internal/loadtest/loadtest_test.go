package loadtest

import (
	"context"
	"strings"
	"testing"
	"time"

	"baoku/segment"
	"baoku/web"
)

// TestCheck: a run passes only with no errors, a count that adds up, every
// upload searchable when answered, and something measured.
func TestCheck(t *testing.T) {
	good := Report{Requests: 10, Uploads: 2, Ingested: 100, Seed: 50, Final: 150}
	for _, tc := range []struct {
		name string
		edit func(*Report)
		want string // "" for a pass, else a piece of the error
	}{
		{"good", func(*Report) {}, ""},
		{"errors", func(r *Report) { r.Errors = 3 }, "3 errors"},
		{"count", func(r *Report) { r.Final = 149 }, "holds 149 articles, want 150"},
		{"stale", func(r *Report) { r.Stale = 1 }, "1 uploads were not searchable"},
		{"no requests", func(r *Report) { r.Requests = 0 }, "nothing was measured"},
		{"no uploads", func(r *Report) { r.Uploads, r.Ingested, r.Final = 0, 0, 50 }, "nothing was measured"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := good
			tc.edit(&r)
			err := r.Check()
			switch {
			case tc.want == "" && err != nil:
				t.Errorf("Check() = %v, want nil", err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
				t.Errorf("Check() = %v, want an error with %q", err, tc.want)
			}
		})
	}
}

// TestLoadtestShort runs the load test for a few seconds with a tight
// concurrency cap, uploads going through the store a server writes with:
// searches and uploads must all succeed apart from the cap's 503s, and the
// final count must equal what was indexed.
func TestLoadtestShort(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a server under load; skipped with -short")
	}
	rep, err := Measure(context.Background(), Config{
		Duration: 3 * time.Second, Clients: 8, Dict: segment.DictTest, Seed: 300, Batch: 50,
		Limits: web.Limits{MaxSearches: 2, QueueWait: -1},
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Log(rep)
	if err := rep.Check(); err != nil {
		t.Error(err)
	}
	if rep.Busy == 0 {
		t.Error("8 clients on 2 search slots met no 503: the cap did not act")
	}
	if rep.Uploads < 2 || rep.Ingested != rep.Uploads*50 {
		t.Errorf("%d uploads, %d articles ingested; want at least 2 uploads of 50", rep.Uploads, rep.Ingested)
	}
}

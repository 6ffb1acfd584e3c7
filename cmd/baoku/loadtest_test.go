package main

import (
	"context"
	"testing"
	"time"

	"baoku/cmd/baoku/internal/loadtest"
	"baoku/segment"
	"baoku/web"
)

// TestLoadtestShort runs the load test for a few seconds with a tight
// concurrency cap, uploads going through the server's own store:
// searches and uploads must all succeed apart from the cap's 503s, and the
// final count must equal what was indexed.
func TestLoadtestShort(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a server under load; skipped with -short")
	}
	rep, err := loadtest.Measure(context.Background(), loadtest.Config{
		Duration: 3 * time.Second, Clients: 8, Dict: segment.DictTest, Seed: 300, Batch: 50,
		Limits: web.Limits{MaxSearches: 2, QueueWait: -1}, NewStore: newLiveStore,
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

package loadtest

import (
	"context"
	"strings"
	"testing"
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

// TestMeasureNeedsStore: without a store for the uploads, Measure says so
// before it builds anything.
func TestMeasureNeedsStore(t *testing.T) {
	if _, err := Measure(context.Background(), Config{}); err == nil || !strings.Contains(err.Error(), "NewStore") {
		t.Errorf("Measure without a store: %v, want an error naming Config.NewStore", err)
	}
}

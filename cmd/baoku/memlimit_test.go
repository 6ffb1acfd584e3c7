package main

import (
	"runtime/debug"
	"testing"
)

func TestRoomAboveLive(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "")
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))
	// A limit of 1 MB is under any live heap: it is raised.
	setMemoryLimit(1)
	if got := roomAboveLive(1); got <= 1<<20 {
		t.Fatalf("limit %d bytes for a 1 MB request: not raised above the live heap", got)
	}
	// A generous limit is left as it is.
	setMemoryLimit(1 << 20)
	if got := roomAboveLive(1 << 20); got != 1<<40 {
		t.Fatalf("limit %d bytes, want the 1 TB asked for", got)
	}
}

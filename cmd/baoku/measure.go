package main

import (
	"fmt"
	"os"

	"github.com/blevesearch/bleve/v2"

	"baoku/cmd/baoku/internal/bench"
	"baoku/cmd/baoku/internal/eval"
	"baoku/cmd/baoku/internal/loadtest"
	"baoku/web"
)

// The measurement tools live in packages of their own under internal/;
// these entries of the command table hand them what only the binary has.

func runEval(args []string) error { return eval.Run(args) }

func runLoadtest(args []string) error { return loadtest.Run(args, newLiveStore) }

// newLiveStore is the store `baoku serve` writes uploads through, for the
// load test's server.
func newLiveStore(ix bleve.Index, dir string, batch int) web.Store {
	return &liveStore{ix: ix, dir: dir, batch: batch}
}

// runBench hands the bench this binary, which it starts as the engines'
// child processes.
func runBench(args []string) error {
	self, err := os.Executable()
	if err != nil {
		return fmt.Errorf("find own binary: %w", err)
	}
	return bench.Run(args, self)
}

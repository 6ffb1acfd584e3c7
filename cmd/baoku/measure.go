package main

import (
	"fmt"
	"os"

	"baoku/cmd/baoku/internal/bench"
	"baoku/cmd/baoku/internal/eval"
	"baoku/cmd/baoku/internal/loadtest"
)

// The measurement tools live in packages of their own under internal/;
// these entries of the command table hand them what only the binary has.

func runEval(args []string) error { return eval.Run(args) }

func runLoadtest(args []string) error { return loadtest.Run(args) }

// runBench hands the bench this binary, which it starts as the engines'
// child processes.
func runBench(args []string) error {
	self, err := os.Executable()
	if err != nil {
		return fmt.Errorf("find own binary: %w", err)
	}
	return bench.Run(args, self)
}

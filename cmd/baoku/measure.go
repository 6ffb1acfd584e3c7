package main

import (
	"baoku/cmd/baoku/internal/eval"
)

// The measurement tools live in packages of their own under internal/;
// these entries of the command table hand them what only the binary has.

func runEval(args []string) error { return eval.Run(args) }

package main

import "errors"

// runEvalRecall measures substring recall; it is being written.
func runEvalRecall([]string) error { return errors.New("eval recall: not available yet") }

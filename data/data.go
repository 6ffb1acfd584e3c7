// Package data holds what ships inside the program: the user dictionaries
// under dict/ (one word a line: "word [frequency [part-of-speech]]", lines
// starting with # are comments). The sample pages under pages/ are indexed by
// `make run` and read from disk, not embedded.
package data

import "embed"

// Dict holds the dictionary files dict/*.txt, loaded into the word segmenter
// before its main dictionary.
//
//go:embed dict/*.txt
var Dict embed.FS

// Command baoku indexes Chinese newspaper archives and serves full-text
// search over them.
//
//	baoku index  [-index DIR] PATH...    index page text (.txt) and article records (.jsonl, .jsonl.gz)
//	baoku serve  [-index DIR] [-addr :8080]
//	baoku search [-index DIR] [-json] [-explain] QUERY
//	baoku parse  FILE...                 print the articles parsed from page files as JSON
//	baoku backup [-index DIR | -server URL] DEST   copy an index into a new folder
//	baoku loadtest [-d 60s] [-c 32]      load-test a throwaway server on loopback
//	baoku eval   seg|recall|pages [flags] measure segmentation, substring recall and page parsing on the corpus
//	baoku bench  [-quick]                measure Baoku against plain bleve on the corpus
package main

import (
	"fmt"
	"os"
)

// defaultIndex is the index folder used when -index is not given.
const defaultIndex = "var/index"

type command struct {
	name, usage string
	run         func(args []string) error
}

func commands() []command {
	return []command{
		{"index", "[-index DIR] PATH...   index page text files and article records", runIndex},
		{"serve", "[-index DIR] [-addr :8080]   serve the web page and JSON API", runServe},
		{"search", "[-index DIR] [-json] [-explain] QUERY   search from the command line", runSearch},
		{"parse", "FILE...   print the articles parsed from page text files as JSON", runParse},
		{"backup", "[-index DIR | -server URL] DEST   copy an index, consistently, into a new folder", runBackup},
		{"loadtest", "[-d 60s] [-c 32]   load-test a throwaway server on loopback while it ingests", runLoadtest},
		{"eval", "seg|recall|pages [flags]   measure segmentation, substring recall and page parsing on the corpus", runEval},
		{"bench", "[-quick]   measure Baoku against plain bleve on the corpus and print one table", runBench},
	}
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: baoku COMMAND [flags] [args]\n\ncommands:")
	for _, c := range commands() {
		fmt.Fprintf(os.Stderr, "  %-7s %s\n", c.name, c.usage)
	}
}

func main() {
	if len(os.Args) < 2 {
		usage()
		os.Exit(2)
	}
	for _, c := range commands() {
		if c.name == os.Args[1] {
			if err := c.run(os.Args[2:]); err != nil {
				fmt.Fprintln(os.Stderr, "baoku "+c.name+":", err)
				os.Exit(1)
			}
			return
		}
	}
	if os.Args[1] != "help" && os.Args[1] != "-h" && os.Args[1] != "--help" {
		fmt.Fprintf(os.Stderr, "baoku: unknown command %q\n\n", os.Args[1])
	}
	usage()
	os.Exit(2)
}

// Command baoku indexes Chinese newspaper archives and serves full-text
// search over them.
//
//	baoku index  [-index DIR] PATH...    index page text (.txt), page PDFs (.pdf) and article records (.jsonl, .jsonl.gz)
//	baoku serve  [-index DIR] [-addr :8080]
//	baoku search [-index DIR] [-json] [-explain] QUERY
//	baoku parse  FILE...                 print the articles parsed from page files and PDFs as JSON
//	baoku backup [-index DIR | -server URL] DEST   copy an index into a new folder
//	baoku trend  [-by year] QUERY...     articles per year, month or day, with the archive's totals
//	baoku kwic   QUERY                   every occurrence in context (concordance)
//	baoku collocates QUERY               words found near the query more often than chance
//	baoku export [-format csv] QUERY     every hit as CSV, NDJSON, RIS, BibTeX, biblatex, CSL-JSON or GB/T 7714
//	baoku cite   [-format gbt7714] ID... an article's citation
//	baoku coverage                       articles per paper and month, days without an issue
//	baoku loadtest [-d 60s] [-c 32]      load-test a throwaway server on loopback
//	baoku eval   seg|recall|pdf|pages [flags]  measure segmentation, substring recall, the PDF reader and page parsing
//	baoku bench  [-quick|-stories N|-scale N]   measure Baoku beside bleve, SQLite FTS5 and Groonga
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
		{"index", "[-index DIR] PATH...   index page text, page PDFs and article records", runIndex},
		{"serve", "[-index DIR] [-addr :8080]   serve the web page and JSON API", runServe},
		{"search", "[-index DIR] [-json] [-explain] QUERY   search from the command line", runSearch},
		{"parse", "FILE...   print the articles parsed from page text files and PDFs as JSON", runParse},
		{"backup", "[-index DIR | -server URL] DEST   copy an index, consistently, into a new folder", runBackup},
		{"trend", "[-by year|month|day] [filters] QUERY...   articles per period, with the archive's totals and per 10,000", runTrend},
		{"kwic", "[-width 20] [-sort date|left|right] QUERY   every occurrence in context", runKWIC},
		{"collocates", "[-window 5] [-by logdice|mi|ll] QUERY   words found near the query more often than chance", runCollocates},
		{"export", "[-format csv|ndjson|ris|bibtex|biblatex|csl|gbt7714] QUERY   every hit, to stdout", runExport},
		{"cite", "[-format gbt7714|ris|biblatex|bibtex|csl] ID...   an article's citation", runCite},
		{"coverage", "[filters]   articles per paper and month, and the days without an issue", runCoverage},
		{"loadtest", "[-d 60s] [-c 32]   load-test a throwaway server on loopback while it ingests", runLoadtest},
		{"eval", "seg|recall|pdf|pages [flags] measure segmentation, substring recall (corpus), PDF reading and page parsing (generated pages)", runEval},
		{"bench", "[-quick|-stories N|-scale N]   measure Baoku beside bleve, SQLite FTS5 and Groonga on the corpus", runBench},
	}
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: baoku COMMAND [flags] [args]\n\ncommands:")
	for _, c := range commands() {
		fmt.Fprintf(os.Stderr, "  %-10s %s\n", c.name, c.usage)
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

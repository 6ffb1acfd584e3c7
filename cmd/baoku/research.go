package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"baoku/indexer"
	"baoku/indexer/field"
	"baoku/search"
)

// researchFlags are the flags every research command shares: the index,
// the filters, JSON output.
type researchFlags struct {
	fs       *flag.FlagSet
	dir      *string
	from, to *string
	filters  map[string]*multiFlag
	asJSON   *bool
}

// multiFlag is a flag that may be given more than once.
type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }

func newResearchFlags(name string) *researchFlags {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	rf := &researchFlags{
		fs: fs, dir: fs.String("index", defaultIndex, "index folder"),
		from: fs.String("from", "", "first day, YYYY-MM-DD"), to: fs.String("to", "", "last day, YYYY-MM-DD"),
		asJSON: fs.Bool("json", false, "print the answer as JSON, as the API gives it"), filters: map[string]*multiFlag{},
	}
	for _, f := range field.Facets() {
		m := &multiFlag{}
		rf.filters[f.Name] = m
		fs.Var(m, f.ParamOf(), "only "+f.Name+" (may be repeated)")
	}
	return rf
}

// request is the filters as a search request with the query.
func (rf *researchFlags) request(q string) search.Request {
	r := search.Request{Query: q, From: *rf.from, To: *rf.to}
	for name, m := range rf.filters {
		if len(*m) > 0 {
			if r.Filters == nil {
				r.Filters = map[string][]string{}
			}
			r.Filters[name] = *m
		}
	}
	return r
}

// open opens the index and loads the dictionary.
func (rf *researchFlags) open() (*search.Engine, func(), error) {
	ix, err := indexer.OpenExisting(*rf.dir, indexer.Options{})
	if err != nil {
		return nil, nil, err
	}
	eng := search.New(ix)
	if err := eng.Warm(); err != nil {
		ix.Close()
		return nil, nil, err
	}
	return eng, func() { ix.Close() }, nil
}

// print writes v as JSON with -json, else with text.
func (rf *researchFlags) print(v any, text func(io.Writer) error) error {
	if *rf.asJSON {
		enc := json.NewEncoder(os.Stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(v)
	}
	return text(os.Stdout)
}

func runTrend(args []string) error {
	rf := newResearchFlags("trend")
	by := rf.fs.String("by", "year", "year, month or day")
	if err := rf.fs.Parse(args); err != nil {
		return err
	}
	eng, done, err := rf.open()
	if err != nil {
		return err
	}
	defer done()
	res, err := eng.Trend(context.Background(), search.TrendRequest{Request: rf.request(""), Queries: rf.fs.Args(), By: *by})
	if err != nil {
		return err
	}
	return rf.print(res, func(w io.Writer) error { return search.WriteTrend(w, res) })
}

func runKWIC(args []string) error {
	rf := newResearchFlags("kwic")
	width := rf.fs.Int("width", search.DefaultWidth, "characters of context on each side")
	order := rf.fs.String("sort", search.SortDate, "date, left or right")
	page := rf.fs.Int("page", 1, "page of lines")
	size := rf.fs.Int("n", search.DefaultLines, "lines a page")
	if err := rf.fs.Parse(args); err != nil {
		return err
	}
	eng, done, err := rf.open()
	if err != nil {
		return err
	}
	defer done()
	r := rf.request(strings.Join(rf.fs.Args(), " "))
	r.Page, r.Size = *page, *size
	res, err := eng.Concordance(context.Background(), search.KWICRequest{Request: r, Width: *width, Order: *order})
	if err != nil {
		return err
	}
	return rf.print(res, func(w io.Writer) error { return search.WriteKWIC(w, res) })
}

func runCollocates(args []string) error {
	rf := newResearchFlags("collocates")
	window := rf.fs.Int("window", search.DefaultWindow, "words on each side")
	by := rf.fs.String("by", search.MeasureLogDice, "logdice, mi or ll")
	least := rf.fs.Int("min", search.DefaultCollocMin, "fewest times a collocate is seen")
	size := rf.fs.Int("n", search.DefaultCollocates, "collocates listed")
	cfrom := rf.fs.String("compare-from", "", "first day of a second period to compare")
	cto := rf.fs.String("compare-to", "", "last day of the second period")
	all := rf.fs.Bool("all", false, "read every occurrence, however many (no sample)")
	if err := rf.fs.Parse(args); err != nil {
		return err
	}
	eng, done, err := rf.open()
	if err != nil {
		return err
	}
	defer done()
	res, err := eng.Collocates(context.Background(), search.CollocRequest{
		Request: rf.request(strings.Join(rf.fs.Args(), " ")), Window: *window, By: *by, Min: *least, Limit: *size,
		CompareFrom: *cfrom, CompareTo: *cto, All: *all,
	})
	if err != nil {
		return err
	}
	return rf.print(res, func(w io.Writer) error { return search.WriteCollocates(w, res) })
}

func runExport(args []string) error {
	rf := newResearchFlags("export")
	format := rf.fs.String("format", search.FormatCSV, strings.Join(search.ExportFormats, ", "))
	base := rf.fs.String("base", "", "address of the server, to link each article (e.g. https://baoku.example.org)")
	if err := rf.fs.Parse(args); err != nil {
		return err
	}
	eng, done, err := rf.open()
	if err != nil {
		return err
	}
	defer done()
	r := search.ExportRequest{Request: rf.request(strings.Join(rf.fs.Args(), " ")), Format: *format}
	if *base != "" {
		r.Link = func(id string) string { return strings.TrimRight(*base, "/") + "/articles/" + id }
	}
	var total int
	err = eng.Export(context.Background(), r, func(m search.ExportMeta) io.Writer { total = m.Total; return os.Stdout })
	if err == nil {
		fmt.Fprintf(os.Stderr, "exported %d articles\n", total)
	}
	return err
}

func runCite(args []string) error {
	rf := newResearchFlags("cite")
	format := rf.fs.String("format", search.FormatGBT7714, strings.Join(search.CiteFormats, ", "))
	base := rf.fs.String("base", "", "address of the server, to link the article")
	if err := rf.fs.Parse(args); err != nil {
		return err
	}
	if rf.fs.NArg() == 0 {
		return fmt.Errorf("give the ID of one or more articles")
	}
	eng, done, err := rf.open()
	if err != nil {
		return err
	}
	defer done()
	for _, id := range rf.fs.Args() {
		a, err := eng.Article(context.Background(), id)
		if err != nil {
			return err
		}
		c := search.Citation{A: a}
		if *base != "" {
			c.Link = strings.TrimRight(*base, "/") + "/articles/" + id
		}
		text, err := c.Format(*format)
		if err != nil {
			return err
		}
		fmt.Print(text)
	}
	return nil
}

func runCoverage(args []string) error {
	rf := newResearchFlags("coverage")
	if err := rf.fs.Parse(args); err != nil {
		return err
	}
	eng, done, err := rf.open()
	if err != nil {
		return err
	}
	defer done()
	res, err := eng.Coverage(context.Background(), rf.request(""))
	if err != nil {
		return err
	}
	return rf.print(res, func(w io.Writer) error { return search.WriteCoverage(w, res) })
}

package main

import (
	"flag"
	"strings"
)

// parseAmong parses flags given anywhere among the words of a query, as
// in `baoku search 吕梁 -n 3`: an argument is a flag when it names one of
// fs's flags (-n 3, -n=3, -json, --sort newest), and every other argument
// is a word, so that a query's exclusions (-广告) stay the query's. After
// "--" everything is a word. The words are returned in order.
func parseAmong(fs *flag.FlagSet, args []string) ([]string, error) {
	var flags, words []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			words = append(words, args[i+1:]...)
			break
		}
		name, hasValue := flagName(a)
		f := fs.Lookup(name)
		if name == "" || (f == nil && name != "h" && name != "help") {
			words = append(words, a)
			continue
		}
		flags = append(flags, a)
		if f != nil && !hasValue && !isBoolFlag(f) && i+1 < len(args) {
			i++
			flags = append(flags, args[i])
		}
	}
	if err := fs.Parse(flags); err != nil {
		return nil, err
	}
	return append(words, fs.Args()...), nil
}

// flagName returns the name of a flag argument (-n, --n, -n=3) and whether
// it carries its value; "" when a is not one.
func flagName(a string) (name string, hasValue bool) {
	if len(a) < 2 || a[0] != '-' {
		return "", false
	}
	name = strings.TrimPrefix(a[1:], "-")
	name, _, hasValue = strings.Cut(name, "=")
	return name, hasValue
}

// isBoolFlag reports whether a flag takes no value.
func isBoolFlag(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

package indexer

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"baoku/indexer/article"
	"baoku/indexer/pages"
)

// record is one line of the JSON Lines import format (the schema of the
// corpus README): article fields with their source's own id.
type record struct {
	ID        string   `json:"id"`
	Paper     string   `json:"paper"`
	Date      string   `json:"date"`
	Page      string   `json:"page"`
	Section   string   `json:"section"`
	Kicker    string   `json:"kicker"`
	Headline  string   `json:"headline"`
	Subtitle  string   `json:"subtitle"`
	Source    string   `json:"source"`
	Reporters []string `json:"reporters"`
	Body      string   `json:"body"`
	URL       string   `json:"url"`
	Tags      []string `json:"tags"`
}

// MaxLine is the longest JSON line read; a longer one is reported and
// skipped. No newspaper article comes near it.
const MaxLine = 8 << 20

// probeLines is the number of lines that decide whether an input is JSON
// Lines at all: when every one of them is bad, the file is given up as a
// whole instead of being reported line by line.
const probeLines = 20

// LineError is a problem with one line of an input; the rest is still read.
type LineError struct {
	File string
	Line int
	Err  error
}

func (e *LineError) Error() string { return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err) }
func (e *LineError) Unwrap() error { return e.Err }

// ReadJSONL reads article records, one JSON object a line, and calls fn with
// each article. A bad line (not UTF-8, malformed JSON, wrong types, missing
// headline and body, invalid date, over MaxLine) is returned in lineErrs and
// skipped. err is a problem with the whole input, which stops the reading:
// a read error (a truncated gzip stream, say), an error returned by fn, an
// empty input, or one that is not JSON Lines at all (binary, or its first
// lines all bad).
func ReadJSONL(name string, r io.Reader, fn func(*article.Article) error) (lineErrs []error, err error) {
	br := bufio.NewReaderSize(r, 1<<20)
	nonEmpty, good := 0, 0
	for n := 1; ; n++ {
		line, tooLong, rerr := readLine(br)
		if rerr != nil && !errors.Is(rerr, io.EOF) {
			return lineErrs, fmt.Errorf("%s:%d: %w", name, n, rerr)
		}
		if tooLong {
			nonEmpty++
			lineErrs = append(lineErrs, &LineError{name, n, fmt.Errorf("line longer than %d bytes", MaxLine)})
		} else if len(bytes.TrimSpace(line)) > 0 {
			nonEmpty++
			if n == 1 && bytes.IndexByte(line, 0) >= 0 {
				return lineErrs, fmt.Errorf("%s: binary data, not JSON Lines", name)
			}
			a, perr := parseRecord(line)
			if perr != nil {
				lineErrs = append(lineErrs, &LineError{name, n, perr})
			} else {
				good++
				if ferr := fn(a); ferr != nil {
					return lineErrs, fmt.Errorf("%s:%d: %w", name, n, ferr)
				}
			}
		}
		if good == 0 && nonEmpty == probeLines {
			return lineErrs, fmt.Errorf("%s: not JSON Lines: the first %d lines are all bad", name, probeLines)
		}
		if rerr != nil {
			if nonEmpty == 0 {
				return lineErrs, fmt.Errorf("%s: empty, no records", name)
			}
			return lineErrs, nil
		}
	}
}

// readLine reads one line, without its end; a line over MaxLine is consumed
// and reported as too long.
func readLine(br *bufio.Reader) (line []byte, tooLong bool, err error) {
	for {
		frag, e := br.ReadSlice('\n')
		if !tooLong {
			if len(line)+len(frag) > MaxLine {
				tooLong, line = true, nil
			} else {
				line = append(line, frag...)
			}
		}
		if e == bufio.ErrBufferFull {
			continue
		}
		if e == nil {
			line = bytes.TrimRight(line, "\r\n")
		}
		return line, tooLong, e
	}
}

func parseRecord(line []byte) (*article.Article, error) {
	if !utf8.Valid(line) {
		return nil, fmt.Errorf("not valid UTF-8 at byte %d (another encoding, or a cut character)", invalidAt(line))
	}
	var rec record
	if err := json.Unmarshal(line, &rec); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return nil, fmt.Errorf("field %q: want %s, got JSON %s", te.Field, te.Type, te.Value)
		}
		return nil, fmt.Errorf("malformed JSON: %v", err)
	}
	if strings.TrimSpace(rec.Headline) == "" && strings.TrimSpace(rec.Body) == "" {
		return nil, errors.New("record has neither headline nor body")
	}
	if _, err := time.Parse(DateLayout, rec.Date); err != nil {
		return nil, fmt.Errorf("field \"date\": %q is not a valid YYYY-MM-DD date", rec.Date)
	}
	a := &article.Article{
		Paper: strings.TrimSpace(rec.Paper), Date: rec.Date, Page: strings.TrimSpace(rec.Page),
		Section: strings.TrimSpace(rec.Section), Kicker: strings.TrimSpace(rec.Kicker),
		Headline: strings.TrimSpace(rec.Headline), Subtitle: strings.TrimSpace(rec.Subtitle),
		Source: strings.TrimSpace(rec.Source), Reporters: rec.Reporters,
		Body: strings.TrimSpace(rec.Body), URL: rec.URL, Tags: rec.Tags,
	}
	if a.Headline == "" {
		a.Headline, a.HeadlineDerived = deriveHeadline(a.Body), true
	}
	fillBylines(a)
	if rec.ID != "" {
		a.ID = article.StableID("record", a.Paper, rec.ID)
		a.SourceID = rec.ID
	} else {
		a.ID = article.StableID("record", a.Paper, a.Date, a.Page, a.Headline)
	}
	return a, nil
}

// fillBylines reads the bylines a record's body carries (the lead
// 新华社北京2月5日电（记者 张三）, 本报记者 李四 after the last sentence,
// photo credits) into the fields the record left empty: its source and
// dateline, reporters and their roles, photographers. What the record
// gives is kept.
func fillBylines(a *article.Article) {
	by := pages.BodyBylines(a.Body)
	if a.Source == "" {
		a.Source, a.Dateline = by.Source, by.Dateline
	}
	if len(a.Reporters) == 0 {
		a.Reporters, a.Roles = by.Reporters, by.Roles
	}
	if len(a.Photographers) == 0 {
		a.Photographers = by.Photographers
	}
}

// invalidAt returns the offset of the first byte that is not UTF-8.
func invalidAt(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(b)
}

// deriveHeadline makes a headline from the first clause of a lead, for an
// article printed without one.
func deriveHeadline(body string) string {
	lead := strings.TrimSpace(body)
	if i := strings.IndexAny(lead, "。！？\n"); i >= 0 {
		lead = lead[:i]
	}
	r := []rune(lead)
	if len(r) > 30 {
		return string(r[:30]) + "…"
	}
	return lead
}

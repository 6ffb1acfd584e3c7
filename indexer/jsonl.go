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

// MaxLine is the longest JSON line read; a longer one is reported and skipped.
const MaxLine = 64 << 20

// LineError is a problem with one line of an input; the rest is still read.
type LineError struct {
	File string
	Line int
	Err  error
}

func (e *LineError) Error() string { return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err) }
func (e *LineError) Unwrap() error { return e.Err }

// ReadJSONL reads article records, one JSON object a line, and calls fn with
// each article. A bad line (malformed JSON, wrong types, missing headline and
// body, invalid date, over MaxLine) is returned in lineErrs and skipped; err
// is a read error or an error returned by fn, which stops the reading.
func ReadJSONL(name string, r io.Reader, fn func(*Article) error) (lineErrs []error, err error) {
	br := bufio.NewReaderSize(r, 1<<20)
	for n := 1; ; n++ {
		line, tooLong, rerr := readLine(br)
		if rerr != nil && !errors.Is(rerr, io.EOF) {
			return lineErrs, fmt.Errorf("%s:%d: %w", name, n, rerr)
		}
		if tooLong {
			lineErrs = append(lineErrs, &LineError{name, n, fmt.Errorf("line longer than %d bytes", MaxLine)})
		} else if len(bytes.TrimSpace(line)) > 0 {
			a, perr := parseRecord(line)
			if perr != nil {
				lineErrs = append(lineErrs, &LineError{name, n, perr})
			} else if ferr := fn(a); ferr != nil {
				return lineErrs, fmt.Errorf("%s:%d: %w", name, n, ferr)
			}
		}
		if rerr != nil {
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

func parseRecord(line []byte) (*Article, error) {
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
	a := &Article{
		Paper: strings.TrimSpace(rec.Paper), Date: rec.Date, Page: strings.TrimSpace(rec.Page),
		Section: strings.TrimSpace(rec.Section), Kicker: strings.TrimSpace(rec.Kicker),
		Headline: strings.TrimSpace(rec.Headline), Subtitle: strings.TrimSpace(rec.Subtitle),
		Source: strings.TrimSpace(rec.Source), Reporters: rec.Reporters,
		Body: strings.TrimSpace(rec.Body), URL: rec.URL, Tags: rec.Tags,
	}
	if a.Headline == "" {
		a.Headline, a.HeadlineDerived = deriveHeadline(a.Body), true
	}
	if rec.ID != "" {
		a.ID = StableID("record", a.Paper, rec.ID)
	} else {
		a.ID = StableID("record", a.Paper, a.Date, a.Page, a.Headline)
	}
	return a, nil
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

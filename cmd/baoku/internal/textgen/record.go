package textgen

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
)

// Record is one article record of the corpus (the JSON Lines import
// format), the fields a page is made from; they mean what the corpus
// README says.
type Record struct {
	ID       string `json:"id"`
	Paper    string `json:"paper"`
	Date     string `json:"date"`
	Page     string `json:"page"`
	Section  string `json:"section"`
	Kicker   string `json:"kicker"`
	Headline string `json:"headline"`
	Subtitle string `json:"subtitle"`
	Body     string `json:"body"`
}

// ReadRecords reads a JSON Lines file of records, gzip-compressed when its
// name ends in .gz.
func ReadRecords(path string) ([]Record, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		defer zr.Close()
		r = zr
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 1<<24)
	var out []Record
	for n := 1; sc.Scan(); n++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var rec Record
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, n, err)
		}
		out = append(out, rec)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return out, nil
}

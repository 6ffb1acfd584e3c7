package query

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// A day, month or year as typed: 2023, 2023-07, 2023-07-22, with "-", "/"
// or "." between the parts, or 2023年, 2023年7月, 2023年7月22日.
var (
	dateNumeric = regexp.MustCompile(`^(\d{4})(?:([-/.])(\d{1,2})(?:([-/.])(\d{1,2}))?)?$`)
	dateChinese = regexp.MustCompile(`^(\d{4})年(?:(\d{1,2})月(?:(\d{1,2})日?)?)?$`)
)

// parseDateRange parses the value of a date: prefix found at rune offset pos:
// a day, month or year, or a range "from..to" of them where either side may
// be left open. Each side expands to the days it covers.
func parseDateRange(s string, pos int) (Q, error) {
	from, to, isRange := strings.Cut(s, "..")
	if !isRange {
		first, last, ok := dateSpan(s)
		if !ok {
			return nil, errorAt(pos, "invalid date %q", s)
		}
		return &DateRange{From: first, To: last}, nil
	}
	if from == "" && to == "" {
		return nil, errorAt(pos, "invalid date %q", s)
	}
	d := &DateRange{}
	var ok bool
	if from != "" {
		if d.From, _, ok = dateSpan(from); !ok {
			return nil, errorAt(pos, "invalid date %q", from)
		}
	}
	if to != "" {
		if _, d.To, ok = dateSpan(to); !ok {
			return nil, errorAt(pos+len([]rune(from))+2, "invalid date %q", to)
		}
	}
	if d.From != "" && d.To != "" && d.From > d.To {
		return nil, errorAt(pos, "date range %q ends before it starts", s)
	}
	return d, nil
}

// dateSpan returns the first and last day, as YYYY-MM-DD, of the year,
// month or day s names, and false if s is not a valid date.
func dateSpan(s string) (first, last string, ok bool) {
	s = toHalfWidthDigits(s)
	var y, m, d string
	if p := dateNumeric.FindStringSubmatch(s); p != nil {
		if p[4] != "" && p[4] != p[2] {
			return "", "", false // mixed separators, as in 2023-07/22
		}
		y, m, d = p[1], p[3], p[5]
	} else if p := dateChinese.FindStringSubmatch(s); p != nil {
		y, m, d = p[1], p[2], p[3]
	} else {
		return "", "", false
	}
	year, _ := strconv.Atoi(y)
	if m == "" {
		return fmt.Sprintf("%04d-01-01", year), fmt.Sprintf("%04d-12-31", year), true
	}
	month, _ := strconv.Atoi(m)
	if month < 1 || month > 12 {
		return "", "", false
	}
	days := daysIn(year, time.Month(month))
	if d == "" {
		return fmt.Sprintf("%04d-%02d-01", year, month), fmt.Sprintf("%04d-%02d-%02d", year, month, days), true
	}
	day, _ := strconv.Atoi(d)
	if day < 1 || day > days {
		return "", "", false
	}
	s = fmt.Sprintf("%04d-%02d-%02d", year, month, day)
	return s, s, true
}

// daysIn returns the number of days in a month, leap years included.
func daysIn(year int, month time.Month) int {
	return time.Date(year, month+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// toHalfWidthDigits turns the full-width digits ０-９ into 0-9.
func toHalfWidthDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '０' && r <= '９' {
			return r - '０' + '0'
		}
		return r
	}, s)
}

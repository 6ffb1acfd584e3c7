package query

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// A day, month or year as typed: 2023, 2023-07, 2023-07-22, with "-", "/"
// or "." between the parts, or 2023年, 2023年7月, 2023年7月22日; and the end
// of a Chinese range, which may leave out what its start says: 9月 in
// 2023年7月至9月, 15日 in 2023年7月1日至15日.
var (
	dateNumeric   = regexp.MustCompile(`^(\d{4})(?:([-/.])(\d{1,2})(?:([-/.])(\d{1,2}))?)?$`)
	dateChinese   = regexp.MustCompile(`^(\d{4})年(?:(\d{1,2})月(?:(\d{1,2})日?)?)?$`)
	monthDayShort = regexp.MustCompile(`^(\d{1,2})月(?:(\d{1,2})日?)?$`)
	dayShort      = regexp.MustCompile(`^(\d{1,2})日$`)
)

// rangeSeps are what may join the two ends of a date range: two dots, and
// the tilde, dashes and words a Chinese text uses (2012年7月至9月,
// 2012-07～2012-09, 2012—2013). A hyphen joins two ends too when each is a
// date of its own (2012-2013, 2012-07-2012-09).
var rangeSeps = []string{"..", "～", "~", "至", "到", "—", "–", "－", "〜"}

// rangeSepEnd and rangeSepStart report whether s ends or starts with a
// range separator.
func rangeSepEnd(s string) bool {
	for _, sep := range rangeSeps {
		if strings.HasSuffix(s, sep) {
			return true
		}
	}
	return false
}

func rangeSepStart(s string) bool {
	for _, sep := range rangeSeps {
		if strings.HasPrefix(s, sep) {
			return true
		}
	}
	return false
}

// cutRange splits a range at its first separator.
func cutRange(s string) (from, to string, ok bool) {
	at, n := -1, 0
	for _, sep := range rangeSeps {
		if i := strings.Index(s, sep); i >= 0 && (at < 0 || i < at) {
			at, n = i, len(sep)
		}
	}
	if at >= 0 {
		return s[:at], s[at+n:], true
	}
	// A hyphen between two dates that each stand alone.
	for i := strings.IndexByte(s, '-'); i >= 0; {
		if _, _, ok := dateSpan(s[:i]); ok {
			if _, _, ok := dateSpan(s[i+1:]); ok {
				return s[:i], s[i+1:], true
			}
		}
		j := strings.IndexByte(s[i+1:], '-')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return s, "", false
}

// parseDateRange parses the value of a date: prefix found at rune offset pos:
// a day, month or year, or a range "from..to" of them where either side may
// be left open. Each side expands to the days it covers.
func parseDateRange(s string, pos int) (Q, error) {
	s = toHalfWidthDigits(strings.TrimSpace(s))
	if first, last, ok := dateSpan(s); ok {
		return &DateRange{From: first, To: last}, nil
	}
	from, to, isRange := cutRange(s)
	if !isRange || (strings.TrimSpace(from) == "" && strings.TrimSpace(to) == "") {
		return nil, badDate(pos, s)
	}
	from, to = strings.TrimSpace(from), strings.TrimSpace(to)
	d := &DateRange{}
	var ok bool
	if from != "" {
		if d.From, _, ok = dateSpan(from); !ok {
			return nil, badDate(pos, from)
		}
	}
	if to != "" {
		if _, d.To, ok = dateSpan(completeEnd(from, to)); !ok {
			return nil, badDate(pos+len([]rune(s))-len([]rune(to)), to)
		}
	}
	if d.From != "" && d.To != "" && d.From > d.To {
		return nil, errorAt(pos, fmt.Sprintf("日期范围“%s”的结束早于开始", s), "date range %q ends before it starts", s)
	}
	return d, nil
}

// badDate is the error of a date that cannot be read.
func badDate(pos int, s string) error {
	return errorAt(pos, fmt.Sprintf("日期“%s”不对，应写作 2023、2023-07、2023-07-22、2023年7月22日，或用 .. 连起两个日期", s),
		"invalid date %q", s)
}

// completeEnd gives the end of a Chinese range the year (and month) its
// start has, when it leaves them out: 9月 after 2023年7月 is 2023年9月.
func completeEnd(from, to string) string {
	y := dateChinese.FindStringSubmatch(from)
	if y == nil {
		return to
	}
	if monthDayShort.MatchString(to) {
		return y[1] + "年" + to
	}
	if dayShort.MatchString(to) && y[2] != "" {
		return y[1] + "年" + y[2] + "月" + to
	}
	return to
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
	if year < 1 {
		return "", "", false // there is no year 0
	}
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

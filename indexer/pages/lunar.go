package pages

import (
	"fmt"
	"math"
	"regexp"
	"strings"
	"time"
)

// A masthead prints the lunar date beside the Gregorian one (农历癸卯年六月
// 初五). Without a calendar table the lunar month and day cannot be derived
// exactly, but the mean motion of the moon tells them to within a day (the
// day) or a leap month (the month), which is enough to catch a masthead
// read wrong or a file named with the wrong date.

// reLunarDate matches a lunar date: optional 干支 year, month, day.
var reLunarDate = regexp.MustCompile(`^农历(?:(\p{Han}{2})年)?(?:(闰?)([正一二三四五六七八九十冬腊]{1,3})月)?((?:初|十|廿|二十|三十)[一二三四五六七八九十]?)?`)

// lunarMonths numbers the lunar months by their printed names.
var lunarMonths = map[string]int{
	"正": 1, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
	"十一": 11, "冬": 11, "十二": 12, "腊": 12,
}

// lunar is a lunar date as printed; zero fields were not printed.
type lunar struct {
	year       string // 干支
	month, day int
	leap       bool
}

// parseLunar reads a lunar date such as 农历癸卯年六月初五 from the start of s.
func parseLunar(s string) (lunar, bool) {
	m := reLunarDate.FindStringSubmatch(strings.Join(strings.Fields(s), ""))
	if m == nil || m[1] == "" && m[3] == "" {
		return lunar{}, false
	}
	l := lunar{year: m[1], leap: m[2] != ""}
	if m[3] != "" {
		mo, ok := lunarMonths[m[3]]
		if !ok {
			return lunar{}, false
		}
		l.month = mo
	}
	if m[4] != "" {
		l.day = lunarDayNumber(m[4])
		if l.day == 0 {
			return lunar{}, false
		}
	}
	return l, true
}

// lunarDayNumber reads 初五, 十五, 二十, 廿九, 三十; 0 if it is none.
func lunarDayNumber(s string) int {
	digits := map[rune]int{'一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9, '十': 10}
	rs := []rune(s)
	switch {
	case s == "初十":
		return 10
	case len(rs) == 2 && rs[0] == '初':
		return digits[rs[1]]
	case s == "二十" || s == "三十":
		return digits[rs[0]] * 10
	case len(rs) == 2 && rs[0] == '十':
		return 10 + digits[rs[1]]
	case len(rs) == 2 && rs[0] == '廿' && rs[1] != '十':
		return 20 + digits[rs[1]]
	}
	return 0
}

const (
	synodicMonth = 29.530588861 // mean days from new moon to new moon
	beijing      = 8 * time.Hour
)

// meanNewMoon is a mean new moon, 2000-01-06 about 14:20 UTC.
var meanNewMoon = time.Date(2000, 1, 6, 14, 20, 0, 0, time.UTC)

// newMoonIndex returns the number of the last mean new moon on or before
// the Beijing calendar day d.
func newMoonIndex(d time.Time) int {
	end := time.Date(d.Year(), d.Month(), d.Day()+1, 0, 0, 0, 0, time.UTC).Add(-beijing)
	return int(math.Floor(end.Sub(meanNewMoon).Hours() / 24 / synodicMonth))
}

// newMoonDay returns the Beijing calendar day of mean new moon k.
func newMoonDay(k int) time.Time {
	t := meanNewMoon.Add(time.Duration(float64(k) * synodicMonth * 24 * float64(time.Hour))).Add(beijing)
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// estimateLunar estimates the lunar month and day of d: the day counts
// from the last mean new moon, the month from the first new moon on or
// after 21 January (the new year), without leap months.
func estimateLunar(d time.Time) (month, day int) {
	k := newMoonIndex(d)
	day = int(d.Sub(newMoonDay(k)).Hours()/24) + 1
	y := d.Year()
	k0 := newMoonIndex(time.Date(y, 1, 20, 0, 0, 0, 0, time.UTC)) + 1
	if k < k0 {
		k0 = newMoonIndex(time.Date(y-1, 1, 20, 0, 0, 0, 0, time.UTC)) + 1
	}
	return k - k0 + 1, day
}

// lunarProblems checks a printed lunar month and day against date d,
// allowing a day either way for the mean moon, and for the month a leap
// month earlier in the year or a new moon a day off.
func lunarProblems(d time.Time, l lunar) []string {
	var probs []string
	month, day := estimateLunar(d)
	if l.day != 0 {
		diff := math.Abs(float64(day - l.day))
		if min(diff, math.Abs(diff-synodicMonth)) > 1.6 {
			probs = append(probs, fmt.Sprintf("masthead lunar day %d does not fit %s (about %d)", l.day, d.Format("2006-01-02"), day))
		}
	}
	if l.month != 0 {
		diff := month - l.month
		if diff < -1 && !(diff == -11 || diff == -12) || diff > 2 {
			probs = append(probs, fmt.Sprintf("masthead lunar month %d does not fit %s (about %d)", l.month, d.Format("2006-01-02"), month))
		}
	}
	return probs
}

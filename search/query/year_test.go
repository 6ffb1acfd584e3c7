package query

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestYearOrMonth(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want *DateRange // nil: not a year or month
	}{
		{"2017", &DateRange{"2017-01-01", "2017-12-31"}},
		{"2017年", &DateRange{"2017-01-01", "2017-12-31"}},
		{"２０１７年", &DateRange{"2017-01-01", "2017-12-31"}},
		{"2017年12月", &DateRange{"2017-12-01", "2017-12-31"}},
		{"2024年2月", &DateRange{"2024-02-01", "2024-02-29"}},
		{"2017-12", &DateRange{"2017-12-01", "2017-12-31"}},
		{"2017-2", &DateRange{"2017-02-01", "2017-02-28"}},
		{"２０１７－１２", &DateRange{"2017-12-01", "2017-12-31"}},
		{"1900", &DateRange{"1900-01-01", "1900-12-31"}},
		{"2099年", &DateRange{"2099-01-01", "2099-12-31"}},
		// Not years: out of range, a day, a range, no such month, a
		// number that is not four digits, words around it.
		{"1899", nil},
		{"2100", nil},
		{"5000", nil},
		{"2017-12-24", nil},
		{"2017年12月24日", nil},
		{"2012-2013", nil},
		{"2017年13月", nil},
		{"2017-0", nil},
		{"2017.12", nil},
		{"2017/12", nil},
		{"20170", nil},
		{"2017年度", nil},
		{"2017年美国", nil},
	} {
		got, ok := YearOrMonth(tc.in)
		if ok != (tc.want != nil) || (ok && *got != *tc.want) {
			t.Errorf("YearOrMonth(%q) = %v, %v; want %v", tc.in, got, ok, tc.want)
		}
	}
}

func TestParseYears(t *testing.T) {
	y2017 := &DateRange{"2017-01-01", "2017-12-31"}
	when := func(text string, d *DateRange) Q { return &Term{Text: text, When: d} }
	for _, tc := range []struct {
		in   string
		want Q
	}{
		{"2017年 美国 乌克兰", and(when("2017年", y2017), word("美国"), word("乌克兰"))},
		{"乌克兰 2017-12", and(word("乌克兰"), when("2017-12", &DateRange{"2017-12-01", "2017-12-31"}))},
		{"(2016 OR 2017) 李克强", and(or(when("2016", &DateRange{"2016-01-01", "2016-12-31"}), when("2017", y2017)), word("李克强"))},
		// Quoted, in a field or under NOT, a year is text.
		{`"2017年" 美国`, and(phrase("2017年"), word("美国"))},
		{"标题:2017年 美国", and(fword("headline", "2017年"), word("美国"))},
		{"美国 -2017年", and(word("美国"), not(word("2017年")))},
		{"美国 NOT (2017 OR 2018)", and(word("美国"), not(or(word("2017"), word("2018"))))},
		// 日期: is a filter as before.
		{"日期:2017 美国", and(date("2017-01-01", "2017-12-31"), word("美国"))},
	} {
		got, err := Parse(tc.in)
		if err != nil {
			t.Errorf("%s: %v", tc.in, err)
			continue
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tc.in, diff)
		}
		// The canonical form reads back the same.
		back, err := Parse(got.String())
		if err != nil || !cmp.Equal(got, back) {
			t.Errorf("%s: %s reads back as %v (%v)", tc.in, got, back, err)
		}
	}
}

func TestYearNote(t *testing.T) {
	_, notes, err := ParseNotes("2017年12月 乌克兰")
	if err != nil {
		t.Fatal(err)
	}
	if len(notes) != 1 || notes[0].Pos != 0 || notes[0].Text != "2017年12月" ||
		!strings.Contains(notes[0].Msg, "stories of 2017-12 rank first") || !strings.Contains(notes[0].Zh, "2017年12月的报道排在前面") {
		t.Errorf("notes %+v, want one on how 2017年12月 was read", notes)
	}
	if _, notes, _ := ParseNotes(`"2017年" 乌克兰`); len(notes) != 0 {
		t.Errorf("a quoted year: notes %+v, want none", notes)
	}
}

func TestPeriod(t *testing.T) {
	for _, tc := range []struct {
		d      DateRange
		en, zh string
	}{
		{DateRange{"2017-01-01", "2017-12-31"}, "2017", "2017年"},
		{DateRange{"2017-02-01", "2017-02-28"}, "2017-02", "2017年2月"},
		{DateRange{"2017-02-01", "2017-03-31"}, "2017-02-01..2017-03-31", "2017-02-01至2017-03-31"},
	} {
		if en, zh := tc.d.Period(), tc.d.PeriodZh(); en != tc.en || zh != tc.zh {
			t.Errorf("%v: %s, %s; want %s, %s", tc.d, en, zh, tc.en, tc.zh)
		}
	}
}

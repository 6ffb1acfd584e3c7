package pages

import (
	"strings"
	"testing"
	"time"
)

func TestParseLunar(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want lunar
		ok   bool
	}{
		{"农历癸卯年六月初五", lunar{year: "癸卯", month: 6, day: 5}, true},
		{"农历 乙巳年 八月 廿九", lunar{year: "乙巳", month: 8, day: 29}, true},
		{"农历闰二月初一", lunar{month: 2, day: 1, leap: true}, true},
		{"农历腊月二十", lunar{month: 12, day: 20}, true},
		{"农历十一月十五", lunar{month: 11, day: 15}, true},
		{"农历甲辰年", lunar{year: "甲辰"}, true},
		{"农业农村厅", lunar{}, false},
	} {
		got, ok := parseLunar(tc.in)
		if ok != tc.ok || got != tc.want {
			t.Errorf("parseLunar(%q) = %+v %v, want %+v %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestLunarCheck(t *testing.T) {
	// Dates and lunar dates from the published calendar, around new moons,
	// leap months and new year.
	for _, tc := range []struct {
		date       string
		month, day int
	}{
		{"2023-07-22", 6, 5},
		{"2025-10-20", 8, 29},  // after the leap sixth month of 2025
		{"2024-02-10", 1, 1},   // new year
		{"2024-02-09", 12, 30}, // new year's eve
		{"2023-03-22", 2, 1},   // first day of the leap second month
		{"2022-04-02", 3, 2},
		{"2012-07-22", 6, 4}, // after the leap fourth month of 2012
		{"2020-01-24", 12, 30},
	} {
		d, _ := time.Parse("2006-01-02", tc.date)
		if probs := lunarProblems(d, lunar{month: tc.month, day: tc.day}); len(probs) > 0 {
			t.Errorf("%s 农历%d月%d日: %v", tc.date, tc.month, tc.day, probs)
		}
	}
	for _, tc := range []struct {
		date       string
		month, day int
		what       string
	}{
		{"2023-07-22", 6, 15, "day"},
		{"2023-07-22", 10, 5, "month"},
		{"2025-10-20", 8, 9, "day"},
	} {
		d, _ := time.Parse("2006-01-02", tc.date)
		probs := lunarProblems(d, lunar{month: tc.month, day: tc.day})
		if len(probs) != 1 || !strings.Contains(probs[0], "lunar "+tc.what) {
			t.Errorf("%s 农历%d月%d日: problems %v, want one about the %s", tc.date, tc.month, tc.day, probs, tc.what)
		}
	}
}

func TestMastheadLunarMismatch(t *testing.T) {
	text := "中共吕梁市委机关报 吕梁日报社出版\n22\n2023年 7月\n星期六\n农历癸卯年六月十五\n本报讯（记者 张三）昨日，我市召开会议。\n"
	_, warns := parseString(t, "lvliang-2023-07-22-01.txt", text)
	found := false
	for _, w := range warns {
		found = found || strings.Contains(w.Msg, "lunar day 15")
	}
	if !found {
		t.Errorf("no lunar day warning in %v", warns)
	}
}

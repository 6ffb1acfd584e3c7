package query

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Shorthands for building expected trees.
func and(qs ...Q) Q                { return &And{Children: qs} }
func or(qs ...Q) Q                 { return &Or{Children: qs} }
func not(q Q) Q                    { return &Not{Child: q} }
func word(text string) Q           { return &Term{Text: text} }
func phrase(text string) Q         { return &Term{Text: text, Quoted: true} }
func fword(field, text string) Q   { return &Term{Field: field, Text: text} }
func fphrase(field, text string) Q { return &Term{Field: field, Text: text, Quoted: true} }
func date(from, to string) Q       { return &DateRange{From: from, To: to} }

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   string
		want Q
	}{
		// Words.
		{"one word", "吕梁", word("吕梁")},
		{"word kept whole", "吕梁市", word("吕梁市")},
		{"two words", "吕梁 铝镁", and(word("吕梁"), word("铝镁"))},
		{"ideographic space", "吕梁　铝镁", and(word("吕梁"), word("铝镁"))},
		{"surrounding space", "  吕梁\t铝镁\n", and(word("吕梁"), word("铝镁"))},
		{"english", "Lüliang aluminium", and(word("Lüliang"), word("aluminium"))},
		{"hyphen inside word", "COVID-19", word("COVID-19")},
		{"keywords in any case", "a or b and c not d", or(word("a"), and(word("b"), word("c"), not(word("d"))))},
		{"keywords in mixed case", "铝镁 Or 镁合金", or(word("铝镁"), word("镁合金"))},
		{"quoted keyword is a word", `a "or" b`, and(word("a"), phrase("or"), word("b"))},
		{"closing quotes outside a phrase are text", "吕梁” 」", word("吕梁”")},
		{"a lone mark is ignored", "吕梁 ，", word("吕梁")},
		{"a lone plus is ignored", "吕梁 + 铝镁", and(word("吕梁"), word("铝镁"))},
		{"a lone dot is ignored", "吕梁 · 铝镁", and(word("吕梁"), word("铝镁"))},
		{"an emoji is ignored", "吕梁 😀", word("吕梁")},
		{"an ignored alternative", "吕梁 OR ，", word("吕梁")},
		{"an ignored exclusion", "吕梁 -，", word("吕梁")},
		{"an ignored group", "吕梁 (， OR 。)", word("吕梁")},
		{"mixed quotes", `“碛口古镇"`, phrase("碛口古镇")},
		{"mixed corner quote", `「碛口古镇”`, phrase("碛口古镇")},
		{"own closing quote first", `"安全阀”当好"`, phrase("安全阀”当好")},
		{"mixed quotes end where a term ends", `“47%" OR “说”`, or(phrase("47%"), phrase("说"))},
		{"mixed quotes in a group", `a (“中" | b)`, and(word("a"), or(phrase("中"), word("b")))},
		{"quotes inside a phrase", `"正“青春”"`, phrase("正“青春”")},
		{"single quotes", "‘碛口古镇’", phrase("碛口古镇")},

		// Operators and precedence.
		{"OR", "铝镁 OR 镁合金", or(word("铝镁"), word("镁合金"))},
		{"pipe", "铝镁 | 镁合金", or(word("铝镁"), word("镁合金"))},
		{"pipe without spaces", "铝镁|镁合金", or(word("铝镁"), word("镁合金"))},
		{"full-width pipe", "铝镁｜镁合金", or(word("铝镁"), word("镁合金"))},
		{"three alternatives", "a OR b | c", or(word("a"), word("b"), word("c"))},
		{"AND binds tighter than OR", "a b OR c", or(and(word("a"), word("b")), word("c"))},
		{"AND binds tighter than OR on the right", "a OR b c", or(word("a"), and(word("b"), word("c")))},
		{"explicit AND", "吕梁 AND 铝镁", and(word("吕梁"), word("铝镁"))},
		{"explicit and implicit AND", "a AND b c", and(word("a"), word("b"), word("c"))},
		{"minus", "吕梁 -广告", and(word("吕梁"), not(word("广告")))},
		{"NOT", "吕梁 NOT 广告", and(word("吕梁"), not(word("广告")))},
		{"NOT binds tighter than AND", "NOT a b", and(not(word("a")), word("b"))},
		{"NOT binds tighter than OR", "a OR NOT b c", or(word("a"), and(not(word("b")), word("c")))},
		{"double negation", "--a b", and(word("a"), word("b"))},
		{"NOT minus", "x NOT -a", and(word("x"), word("a"))},
		{"triple negation", "x ---a", and(word("x"), not(word("a")))},
		{"negated group", "吕梁 -(广告 OR 启事)", and(word("吕梁"), not(or(word("广告"), word("启事"))))},
		{"negated conjunction", "吕梁 -(广告 启事)", and(word("吕梁"), not(and(word("广告"), word("启事"))))},
		{"negated phrase", `吕梁 -"招聘 启事"`, and(word("吕梁"), not(phrase("招聘 启事")))},

		// Parentheses.
		{"group", "吕梁 (铝镁 OR 镁合金)", and(word("吕梁"), or(word("铝镁"), word("镁合金")))},
		{"full-width parentheses", "吕梁（铝镁｜镁合金）", and(word("吕梁"), or(word("铝镁"), word("镁合金")))},
		{"nested groups", "((a OR b) (c OR (d e)))", and(or(word("a"), word("b")), or(word("c"), and(word("d"), word("e"))))},
		{"redundant parentheses", "(((a)))", word("a")},
		{"group flattened into AND", "a (b c) d", and(word("a"), word("b"), word("c"), word("d"))},
		{"group flattened into OR", "(a OR b) OR c", or(word("a"), word("b"), word("c"))},
		{"parenthesis ends a word", "f(x)", and(word("f"), word("x"))},

		// Phrases.
		{"ASCII quotes", `"吕梁 公安"`, phrase("吕梁 公安")},
		{"Chinese quotes", "“吕梁公安”", phrase("吕梁公安")},
		{"corner brackets", "「吕梁公安」", phrase("吕梁公安")},
		{"full-width quotes", "＂吕梁公安＂", phrase("吕梁公安")},
		{"phrase text kept as typed", `" 吕梁  公安 "`, phrase(" 吕梁  公安 ")},
		{"quote inside Chinese quotes", `“a"b”`, phrase(`a"b`)},
		{"quote opens a phrase inside a word", "所谓“铝镁”工程", and(word("所谓"), phrase("铝镁"), word("工程"))},
		{"keyword in quotes is a word", `"OR"`, phrase("OR")},
		{"operators in a phrase are text", `"a OR -b (c)"`, phrase("a OR -b (c)")},
		{"phrase and words", `吕梁 "铝镁 合金" 项目`, and(word("吕梁"), phrase("铝镁 合金"), word("项目"))},

		// Fields.
		{"Chinese field", "标题:吕梁", fword("headline", "吕梁")},
		{"English field", "headline:吕梁", fword("headline", "吕梁")},
		{"title alias", "title:吕梁", fword("headline", "吕梁")},
		{"English field any case", "Headline:吕梁", fword("headline", "吕梁")},
		{"full-width colon", "标题：吕梁", fword("headline", "吕梁")},
		{"reporter", "记者:刘丽霞", fword("reporter", "刘丽霞")},
		{"reporter English", "reporter:刘丽霞", fword("reporter", "刘丽霞")},
		{"author", "作者:刘丽霞", fword("reporter", "刘丽霞")},
		{"section", "版面:要闻", fword("section", "要闻")},
		{"section English", "section:要闻", fword("section", "要闻")},
		{"source", "来源:新华社", fword("source", "新华社")},
		{"source English", "source:新华社", fword("source", "新华社")},
		{"paper", "报纸:山西日报", fword("paper", "山西日报")},
		{"paper English", "paper:山西日报", fword("paper", "山西日报")},
		{"page", "版次:A03", fword("page", "A03")},
		{"page English", "page:A03", fword("page", "A03")},
		{"body", "正文:铝镁", fword("body", "铝镁")},
		{"body English", "body:铝镁", fword("body", "铝镁")},
		{"field phrase", `标题:"吕梁 公安"`, fphrase("headline", "吕梁 公安")},
		{"field Chinese phrase", "标题：“吕梁公安”", fphrase("headline", "吕梁公安")},
		{"field group", "标题:(吕梁 OR 太原)", or(fword("headline", "吕梁"), fword("headline", "太原"))},
		{"field nested group", "标题:(吕梁 (铝镁 OR \"镁 合金\") -广告)", and(fword("headline", "吕梁"), or(fword("headline", "铝镁"), fphrase("headline", "镁 合金")), not(fword("headline", "广告")))},
		{"inner field wins", "标题:(吕梁 记者:刘丽霞)", and(fword("headline", "吕梁"), fword("reporter", "刘丽霞"))},
		{"field applies to one term", "标题:吕梁 铝镁", and(fword("headline", "吕梁"), word("铝镁"))},
		{"negated field after term", "吕梁 -标题:广告", and(word("吕梁"), not(fword("headline", "广告")))},
		{"field of a negation", "吕梁 标题:-广告", and(word("吕梁"), not(fword("headline", "广告")))},
		{"field value with colon", "来源:http://example.com", fword("source", "http://example.com")},

		// Unknown prefixes are text.
		{"URL", "http://example.com", word("http://example.com")},
		{"time", "12:30", word("12:30")},
		{"unknown Chinese prefix", "地点:吕梁", word("地点:吕梁")},
		{"full-width colon unknown prefix", "注：吕梁", word("注：吕梁")},
		{"leading colon", ":吕梁", word(":吕梁")},
		{"trailing colon", "吕梁:", word("吕梁:")},
		{"field name later in word", "x标题:吕梁", word("x标题:吕梁")},
		{"only first colon counts", "12:标题:x", word("12:标题:x")},

		// Dates.
		{"year", "日期:2023", date("2023-01-01", "2023-12-31")},
		{"month", "日期:2023-07", date("2023-07-01", "2023-07-31")},
		{"day", "日期:2023-07-22", date("2023-07-22", "2023-07-22")},
		{"English date field", "date:2023-07-22", date("2023-07-22", "2023-07-22")},
		{"February", "日期:2023-02", date("2023-02-01", "2023-02-28")},
		{"leap February", "日期:2024-02", date("2024-02-01", "2024-02-29")},
		{"leap day", "日期:2024-02-29", date("2024-02-29", "2024-02-29")},
		{"century leap year", "日期:2000-02", date("2000-02-01", "2000-02-29")},
		{"century non-leap year", "日期:1900-02", date("1900-02-01", "1900-02-28")},
		{"30-day month", "日期:2023-04", date("2023-04-01", "2023-04-30")},
		{"slashes", "日期:2023/07/22", date("2023-07-22", "2023-07-22")},
		{"dots", "日期:2023.07.22", date("2023-07-22", "2023-07-22")},
		{"one-digit month and day", "日期:2023/7/2", date("2023-07-02", "2023-07-02")},
		{"Chinese day", "日期:2023年7月22日", date("2023-07-22", "2023-07-22")},
		{"Chinese month", "日期:2023年7月", date("2023-07-01", "2023-07-31")},
		{"Chinese year", "日期:2023年", date("2023-01-01", "2023-12-31")},
		{"full-width digits", "日期:２０２３年７月", date("2023-07-01", "2023-07-31")},
		{"range", "日期:2023-07-01..2023-07-31", date("2023-07-01", "2023-07-31")},
		{"range of months", "日期:2023-02..2023-03", date("2023-02-01", "2023-03-31")},
		{"range of years", "日期:2020..2023", date("2020-01-01", "2023-12-31")},
		{"range of dotted days", "日期:2023.07.01..2023.07.31", date("2023-07-01", "2023-07-31")},
		{"range of Chinese dates", "日期:2023年7月..2023年8月15日", date("2023-07-01", "2023-08-15")},
		{"range within one day", "日期:2023-07-22..2023-07-22", date("2023-07-22", "2023-07-22")},
		{"open end", "日期:2023..", date("2023-01-01", "")},
		{"range with spaces", "日期:2012-07-02 .. 2012-07-05", date("2012-07-02", "2012-07-05")},
		{"range with a space before", "日期:2012-07-02 ..2012-07-05", date("2012-07-02", "2012-07-05")},
		{"range with a space after", "日期:2012-07-02.. 2012-07-05 吕梁", and(date("2012-07-02", "2012-07-05"), word("吕梁"))},
		{"open range then a word", "日期:2013.. 吕梁", and(date("2013-01-01", ""), word("吕梁"))},
		{"open range then a dash", "日期:2013.. —— 吕梁", and(date("2013-01-01", ""), word("吕梁"))},
		{"month then a dash", "日期:2013-07 ——", date("2013-07-01", "2013-07-31")},
		{"chinese range", "日期:2012年7月至9月", date("2012-07-01", "2012-09-30")},
		{"chinese range of days", "日期:2012年7月1日至15日", date("2012-07-01", "2012-07-15")},
		{"chinese range with 到", "日期:2012年7月到2013年1月", date("2012-07-01", "2013-01-31")},
		{"chinese range with spaces", "日期:2012年7月 至 9月", date("2012-07-01", "2012-09-30")},
		{"tilde range", "日期:2012-07～2012-09", date("2012-07-01", "2012-09-30")},
		{"dash range", "日期:2012—2013", date("2012-01-01", "2013-12-31")},
		{"hyphen range of years", "日期:2012-2013", date("2012-01-01", "2013-12-31")},
		{"hyphen range of months", "日期:2012-07-2012-09", date("2012-07-01", "2012-09-30")},
		{"the first day of the calendar", "日期:0001-01-01", date("0001-01-01", "0001-01-01")},
		{"open start", "日期:..2023-06", date("", "2023-06-30")},
		{"quoted date", `日期:"2023-07"`, date("2023-07-01", "2023-07-31")},
		{"date group", "日期:(2022 OR 2023-07)", or(date("2022-01-01", "2022-12-31"), date("2023-07-01", "2023-07-31"))},
		{"excluded date", "吕梁 -日期:2023", and(word("吕梁"), not(date("2023-01-01", "2023-12-31")))},
		{"date-like word without field", "2023年7月22日", word("2023年7月22日")},

		// Mixed.
		{"mixed", "记者:刘丽霞 日期:2023-07 (铝镁 OR 镁合金) -广告", and(
			fword("reporter", "刘丽霞"),
			date("2023-07-01", "2023-07-31"),
			or(word("铝镁"), word("镁合金")),
			not(word("广告")))},
		{"mixed English", `headline:"吕梁 公安" (a OR b) -x date:2023-07-01..2023-07-31`, and(
			fphrase("headline", "吕梁 公安"),
			or(word("a"), word("b")),
			not(word("x")),
			date("2023-07-01", "2023-07-31"))},
		{"positive OR with negated parts", "(a -b) OR (c -d)", or(and(word("a"), not(word("b"))), and(word("c"), not(word("d"))))},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Parse(tc.in)
			if err != nil {
				t.Fatalf("Parse(%q): %v", tc.in, err)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Parse(%q) mismatch (-want +got):\n%s", tc.in, diff)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   string
		want string
	}{
		{"empty", "", "query: empty query"},
		{"blank", " \t　", "query: empty query"},
		{"too long", strings.Repeat("字", MaxRunes+1), "query: query is 513 characters long, the limit is 512"},
		{"only excluded", "-吕梁", "query: a query cannot only exclude"},
		{"only NOT", "NOT 吕梁", "query: a query cannot only exclude"},
		{"only excluded words", "-吕梁 -太原", "query: a query cannot only exclude"},
		{"only excluded field", "-标题:广告", "query: a query cannot only exclude"},
		{"excluding alternative", "吕梁 OR -广告", "query: a query cannot only exclude"},
		{"excluding group", "(-a -b)", "query: a query cannot only exclude"},

		{"unclosed quote", `吕梁 铝镁 "公安 局`, "query: unclosed quote at 6"},
		{"unclosed quote at 7", `吕梁 铝镁业 "公安`, "query: unclosed quote at 7"},
		{"unclosed Chinese quote", "吕梁“公安", "query: unclosed quote at 2"},
		{"no closing quote at all", "「吕梁", "query: unclosed quote at 0"},
		{"only marks", "， 。 😀", "query: nothing to search: no letter, digit or Chinese character"},
		{"only an excluded mark", "-，", "query: nothing to search: no letter, digit or Chinese character"},
		{"quoted marks", `吕梁 "，"`, `query: phrase "，" has no letter, digit or Chinese character to search at 3`},
		{"year zero", "日期:0000", `query: invalid date "0000" at 3`},
		{"range end without a start", "日期:2023年7月至吕梁", `query: invalid date "吕梁" at 11`},
		{"empty phrase", `吕梁 ""`, "query: empty phrase at 3"},
		{"blank phrase", "吕梁 “ ”", "query: empty phrase at 3"},

		{"unclosed parenthesis", "吕梁 (铝镁", "query: unbalanced parenthesis at 3"},
		{"unclosed nested parenthesis", "((a) b", "query: unbalanced parenthesis at 0"},
		{"lone parenthesis", "(", "query: unbalanced parenthesis at 0"},
		{"stray closing parenthesis", "吕梁 铝镁)", "query: unbalanced parenthesis at 5"},
		{"leading closing parenthesis", ")a", "query: unbalanced parenthesis at 0"},
		{"closing before opening", "a) (b", "query: unbalanced parenthesis at 1"},
		{"empty parentheses", "吕梁 ()", "query: empty parentheses at 3"},

		{"field then space", "标题: 吕梁", "query: missing term after 标题: at 0"},
		{"field at end", "吕梁 标题:", "query: missing term after 标题: at 3"},
		{"full-width colon at end", "标题：", "query: missing term after 标题： at 0"},
		{"field before OR", "标题:|a", "query: missing term after 标题: at 0"},
		{"field before closing parenthesis", "(a 标题:)", "query: missing term after 标题: at 3"},
		{"field before keyword", "标题:OR", "query: missing term after 标题: at 0"},
		{"OR at end", "吕梁 OR", "query: missing term after OR at 3"},
		{"OR at start", "OR 吕梁", "query: missing term before OR at 0"},
		{"pipe at start of group", "a (| b)", "query: missing term before | at 3"},
		{"OR OR", "a OR OR b", "query: missing term after OR at 2"},
		{"OR before closing parenthesis", "(a OR )", "query: missing term after OR at 3"},
		{"AND at end", "a AND", "query: missing term after AND at 2"},
		{"AND at start", "AND a", "query: missing term before AND at 0"},
		{"AND OR", "a AND OR b", "query: missing term after AND at 2"},
		{"minus at end", "吕梁 -", "query: missing term after - at 3"},
		{"lone minus", "上海 - 北京", "query: missing term after - at 3"},
		{"minus before OR", "a -| b", "query: missing term after - at 2"},
		{"NOT at end", "吕梁 NOT", "query: missing term after NOT at 3"},

		{"invalid day", "日期:2023-02-30", `query: invalid date "2023-02-30" at 3`},
		{"invalid month", "日期:2023-13", `query: invalid date "2023-13" at 3`},
		{"month zero", "日期:2023-00", `query: invalid date "2023-00" at 3`},
		{"day zero", "日期:2023-01-00", `query: invalid date "2023-01-00" at 3`},
		{"not a leap year", "日期:2023-02-29", `query: invalid date "2023-02-29" at 3`},
		{"century not a leap year", "date:1900-02-29", `query: invalid date "1900-02-29" at 5`},
		{"two-digit year", "日期:23-07", `query: invalid date "23-07" at 3`},
		{"mixed separators", "日期:2023-07/22", `query: invalid date "2023-07/22" at 3`},
		{"three-digit day", "日期:2023-07-222", `query: invalid date "2023-07-222" at 3`},
		{"words", "日期:昨天", `query: invalid date "昨天" at 3`},
		{"bad range start", "吕梁 日期:2023-13..2024", `query: invalid date "2023-13" at 6`},
		{"bad range end", "日期:2023..2024-02-30", `query: invalid date "2024-02-30" at 9`},
		{"range without ends", "日期:..", `query: invalid date ".." at 3`},
		{"reversed range", "日期:2023-08..2023-07", `query: date range "2023-08..2023-07" ends before it starts at 3`},
		{"bad quoted date", `日期:"2023-02-30"`, `query: invalid date "2023-02-30" at 4`},
		{"bad date in group", "日期:(2023 吕梁)", `query: invalid date "吕梁" at 9`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			q, err := Parse(tc.in)
			if err == nil {
				t.Fatalf("Parse(%q) = %v, want error %q", tc.in, q, tc.want)
			}
			if diff := cmp.Diff(tc.want, err.Error()); diff != "" {
				t.Errorf("Parse(%q) error mismatch (-want +got):\n%s", tc.in, diff)
			}
			if !errors.Is(err, ErrBadQuery) {
				t.Errorf("Parse(%q) error %v does not wrap ErrBadQuery", tc.in, err)
			}
		})
	}
}

func TestParseNotes(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string // the notes' texts
	}{
		{"吕梁 铝镁", nil},
		{"吕梁 ，", []string{"，"}},
		{"foo:bar 吕梁", []string{"foo"}},
		{"http://paper.xinmin.cn", []string{"http://paper.xinmin.cn"}},
		{"12:30", nil},
		{"标题:吕梁", nil},
	} {
		_, notes, err := ParseNotes(tc.in)
		if err != nil {
			t.Fatalf("ParseNotes(%q): %v", tc.in, err)
		}
		var got []string
		for _, n := range notes {
			if n.Msg == "" || n.Zh == "" {
				t.Errorf("ParseNotes(%q): note %+v lacks a message", tc.in, n)
			}
			got = append(got, n.Text)
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("ParseNotes(%q) notes (-want +got):\n%s", tc.in, diff)
		}
	}
}

func TestErrorChinese(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`吕梁 铝镁业 "公安`, "检索式第 8 个字处：引号没有配对。"},
		{"-吕梁", "检索式有误：检索式不能只有排除条件（如 -广告），请加上要找的词。"},
		{"日期:2023-13", "检索式第 4 个字处：日期“2023-13”不对，应写作 2023、2023-07、2023-07-22、2023年7月22日，或用 .. 连起两个日期。"},
	} {
		_, err := Parse(tc.in)
		var qe *Error
		if !errors.As(err, &qe) {
			t.Fatalf("Parse(%q) = %v, want an *Error", tc.in, err)
		}
		if got := qe.Chinese(); got != tc.want {
			t.Errorf("Parse(%q) in Chinese = %q, want %q", tc.in, got, tc.want)
		}
	}
}

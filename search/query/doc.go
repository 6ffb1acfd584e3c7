// Package query owns Baoku's query language: it parses what a reader types
// into the search box into a small tree (And, Or, Not, Term, DateRange),
// simplifies it and prints it back. It does no I/O and knows nothing of the
// index; the search package compiles the tree to an index query.
//
// # Words
//
// Words separated by spaces must all appear in an article:
//
//	吕梁 铝镁              articles about both 吕梁 and 铝镁
//
// A word is kept as typed: 吕梁市 is one term, and the search engine splits
// it into words the same way it split the articles.
//
// # Phrases
//
// Put a phrase in quotes to find it exactly as written. ASCII quotes,
// Chinese quotes and corner brackets all work:
//
//	"吕梁 公安"   “吕梁公安”   「吕梁公安」   ＂吕梁公安＂
//
// A quote opens a phrase even in the middle of a word (所谓“铝镁”), and
// the phrase runs to the matching closing quote; or to another kind of
// closing quote that white space, a parenthesis, a bar or the end follows
// (“碛口古镇", typed with two input methods); or, when its own never comes,
// to the first closing quote of any kind. A phrase with nothing but marks
// in it is an error.
//
// # OR, NOT and parentheses
//
// OR (or |) finds articles with either side. A minus sign right before a
// term, or NOT, excludes articles that contain it. Parentheses (half- or
// full-width) group terms. NOT and minus bind tightest, then AND, then OR,
// so 吕梁 铝镁 OR 太原 means (吕梁 AND 铝镁) OR 太原. AND may be written
// out, but words next to each other already must all match. The keywords
// OR, AND and NOT are read in any case (or, Not); quote them ("or") to
// search for the word.
//
//	铝镁 OR 镁合金              either word
//	吕梁 (铝镁 | 镁合金)        吕梁, and either of the other two
//	吕梁 -广告                  吕梁, but not 广告
//	吕梁 NOT 广告               the same
//	吕梁 -(广告 OR 启事)        neither 广告 nor 启事
//
// The minus sign must touch the term it excludes: in 上海 - 北京 it stands
// alone, which is an error (quote it, "-", to search for it). A hyphen inside
// a word, as in COVID-19, is part of the word.
//
// A query must look for something: -广告 alone, or 吕梁 OR -广告, is an
// error, because it would match nearly the whole archive.
//
// A word with no letter, digit or Chinese character in it (a lone mark,
// symbol or emoji: 吕梁 ， or 吕梁 😀) is left out, with a Note; a query of
// nothing else is an error.
//
// # Fields
//
// A field name and a colon (: or ：) before a term, phrase or parenthesised
// group limits it to one part of the article:
//
//	标题:  標題:  headline:  title:  the headline
//	正文:  body:                     the body text
//	记者:  記者:  reporter:  作者:   the reporter or author
//	版面:  section:                  the section, as 要闻 or 经济
//	来源:  來源:  source:            the source, as 新华社
//	报纸:  報紙:  paper:             the newspaper
//	版次:  page:                     the page, as A03
//	日期:  date:                     the publication date, see below
//
// For example:
//
//	标题:吕梁                   吕梁 in the headline
//	标题:"吕梁 公安"            the phrase in the headline
//	标题:(吕梁 OR 太原)         either word in the headline
//	记者：刘丽霞 -标题:广告      by 刘丽霞, without 广告 in the headline
//
// Without a field, a term is looked for in the kicker, headline, subtitle
// and body. A field also applies to an exclusion: 标题:-广告 is the same as
// -标题:广告. Inside a group, a field of its own wins: in
// 标题:(吕梁 记者:刘丽霞) the name is looked for among reporters.
// Text before a colon that is not a field name stays part of the
// word, so http://example.com and 12:30 are searched as typed; a Note says
// so for an address and for ASCII letters before the colon (foo:bar).
// There is no space between the colon and the value: 标题: 吕梁 is an
// error.
//
// # Dates
//
// 日期: (or date:) takes a year, a month or a day, or a range of them
// joined by two dots. Either end of a range may be left open. Each date
// covers all its days, ends included:
//
//	日期:2023                   all of 2023
//	日期:2023-07                July 2023
//	日期:2023-07-22             one day; also 2023/07/22, 2023.7.22, 2023年7月22日
//	日期:2023年7月              July 2023
//	日期:2023-07-01..2023-07-31 from 1 to 31 July 2023
//	日期:2023..                 2023 and after
//	日期:..2023-06              up to the end of June 2023
//	日期:2023-07-01 .. 2023-07-31  the same, spaces around the dots
//	日期:2023年7月至9月         July to September 2023 (至 or 到)
//	日期:2023-07～2023-09       the same (～, ~, — or –)
//	日期:2012-2013              2012 and 2013
//
// Full-width digits (２０２３年７月) work too. A date that does not exist,
// such as 2023-02-30 or 2023-13, is an error, and so is a range that ends
// before it starts. Like any field, 日期: can take a group:
// 日期:(2022 OR 2024-02).
//
// # A full example
//
//	记者:刘丽霞 日期:2023-07 (铝镁 OR 镁合金) -广告
//
// finds articles by 刘丽霞 from July 2023 that mention 铝镁 or 镁合金 but
// not 广告.
//
// # Errors
//
// A query that cannot be read returns an *Error that wraps ErrBadQuery and
// reads "query: <what> at <offset>", the offset counting characters (runes)
// from 0 (its Chinese method says it in Chinese, counting from 1), for
// example:
//
//	query: unclosed quote at 7
//	query: unbalanced parenthesis at 3
//	query: missing term after 标题: at 0
//	query: invalid date "2023-02-30" at 3
//
// An empty query, one longer than MaxRunes (512) characters, and one that
// only excludes ("query: a query cannot only exclude") are errors too.
//
// # Canonical form
//
// String prints a tree in canonical syntax with English field names, such
// as headline:"吕梁 公安" (a OR b) -x date:2023-07-01..2023-07-31, and
// Parse reads it back into an equal tree.
package query

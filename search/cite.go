package search

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"baoku/indexer/article"
	"baoku/segment"
)

// Citation formats, as export and the article page name them.
const (
	FormatCSV      = "csv"
	FormatNDJSON   = "ndjson"
	FormatRIS      = "ris"
	FormatBibTeX   = "bibtex"
	FormatBibLaTeX = "biblatex"
	FormatCSL      = "csl"
	FormatGBT7714  = "gbt7714"
)

// CiteFormats are the formats an article is cited in, in the order the
// article page shows them.
var CiteFormats = []string{FormatGBT7714, FormatRIS, FormatBibLaTeX, FormatBibTeX, FormatCSL}

// Citation is one article as a reference: what every format writes.
type Citation struct {
	A *article.Article
	// Link is the article's address in this archive ("" to leave it
	// out); the original's is A.URL.
	Link string
}

// title is the headline with the subtitle after a colon, as GB/T 7714
// writes 其他题名信息 (the subtitle's leading dashes dropped).
func (c Citation) title() string {
	t := strings.TrimSpace(c.A.Headline)
	sub := strings.TrimLeft(strings.TrimSpace(c.A.Subtitle), "—－-― ")
	if sub != "" {
		t += ": " + sub
	}
	return t
}

// page is the page (版次) without leading zeros: 02 → 2, A05 → A5.
func (c Citation) page() string {
	p := strings.TrimSpace(c.A.Page)
	prefix, n, rest := splitPage(p)
	if n < 0 {
		return p
	}
	return fmt.Sprintf("%s%d%s", prefix, n, rest)
}

// GBT7714 writes the reference as GB/T 7714-2015 gives a newspaper
// article: 作者. 题名[N]. 报纸名, YYYY-MM-DD(版次). More than three authors
// are cut to three and ", 等"; without an author it starts with the title.
func (c Citation) GBT7714() string {
	var b strings.Builder
	if rs := c.A.Reporters; len(rs) > 0 {
		if len(rs) > 3 {
			b.WriteString(strings.Join(rs[:3], ", ") + ", 等")
		} else {
			b.WriteString(strings.Join(rs, ", "))
		}
		b.WriteString(". ")
	}
	b.WriteString(c.title())
	b.WriteString("[N]. ")
	b.WriteString(c.A.Paper)
	b.WriteString(", ")
	b.WriteString(c.A.Date)
	if p := c.page(); p != "" {
		b.WriteString("(" + p + ")")
	}
	b.WriteString(".")
	return b.String()
}

// RIS writes the reference as an RIS record (TY  - NEWS … ER  - ), each
// line ending in CRLF as the format has it.
func (c Citation) RIS() string {
	var b strings.Builder
	line := func(tag, value string) {
		if value = strings.TrimSpace(value); value != "" {
			fmt.Fprintf(&b, "%s  - %s\r\n", tag, oneLine(value))
		}
	}
	line("TY", "NEWS")
	for _, r := range c.A.Reporters {
		line("AU", r)
	}
	line("TI", c.title())
	line("T2", c.A.Paper)
	line("PY", yearOf(c.A.Date))
	line("DA", strings.ReplaceAll(c.A.Date, "-", "/"))
	line("SP", c.page())
	line("SE", c.A.Section)
	line("UR", c.A.URL)
	line("UR", c.Link)
	line("LA", "zh")
	line("ID", c.A.ID)
	b.WriteString("ER  - \r\n")
	return b.String()
}

// BibLaTeX writes the reference as a biblatex @article of a newspaper.
func (c Citation) BibLaTeX() string {
	return c.bib([][2]string{
		{"author", strings.Join(c.A.Reporters, " and ")},
		{"title", c.title()},
		{"journaltitle", c.A.Paper},
		{"date", c.A.Date},
		{"pages", c.page()},
		{"entrysubtype", "newspaper"},
		{"note", c.section()},
		{"url", c.url()},
		{"langid", "chinese"},
	})
}

// BibTeX writes the reference as a classic BibTeX @article (journal,
// year, month), for tools that do not read biblatex.
func (c Citation) BibTeX() string {
	month := ""
	if len(c.A.Date) >= 7 {
		month = strings.TrimLeft(c.A.Date[5:7], "0")
	}
	return c.bib([][2]string{
		{"author", strings.Join(c.A.Reporters, " and ")},
		{"title", c.title()},
		{"journal", c.A.Paper},
		{"year", yearOf(c.A.Date)},
		{"month", month},
		{"pages", c.page()},
		{"note", strings.Trim(c.A.Date+", "+c.section(), ", ")},
		{"url", c.url()},
	})
}

// section names the page's section for a note: 版面: 要闻.
func (c Citation) section() string {
	if c.A.Section == "" {
		return ""
	}
	return "版面: " + c.A.Section
}

// url is the original address, or else the archive's.
func (c Citation) url() string {
	if c.A.URL != "" {
		return c.A.URL
	}
	return c.Link
}

func (c Citation) bib(fields [][2]string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "@article{baoku:%s,\n", c.A.ID)
	for _, f := range fields {
		if v := strings.TrimSpace(f[1]); v != "" {
			if f[0] != "url" {
				v = texEscape(v)
			}
			fmt.Fprintf(&b, "  %s = {%s},\n", f[0], oneLine(v))
		}
	}
	b.WriteString("}\n")
	return b.String()
}

// cslItem is an article as a CSL-JSON item.
type cslItem struct {
	ID             string    `json:"id"`
	Type           string    `json:"type"`
	Title          string    `json:"title"`
	ContainerTitle string    `json:"container-title"`
	Author         []cslName `json:"author,omitempty"`
	Issued         cslDate   `json:"issued"`
	Page           string    `json:"page,omitempty"`
	Section        string    `json:"section,omitempty"`
	URL            string    `json:"URL,omitempty"`
	Language       string    `json:"language"`
	Source         string    `json:"source,omitempty"`
	Note           string    `json:"note,omitempty"`
}

type cslName struct {
	Family  string `json:"family,omitempty"`
	Given   string `json:"given,omitempty"`
	Literal string `json:"literal,omitempty"`
}

type cslDate struct {
	DateParts [][]int `json:"date-parts"`
}

// CSL returns the reference as a CSL-JSON item of type article-newspaper.
func (c Citation) CSL() any {
	item := cslItem{
		ID: c.A.ID, Type: "article-newspaper", Title: c.title(), ContainerTitle: c.A.Paper,
		Page: c.page(), Section: c.A.Section, URL: c.url(), Language: "zh-CN", Source: "报库",
	}
	var y, m, d int
	if _, err := fmt.Sscanf(c.A.Date, "%d-%d-%d", &y, &m, &d); err == nil {
		item.Issued.DateParts = [][]int{{y, m, d}}
	}
	for _, r := range c.A.Reporters {
		item.Author = append(item.Author, chineseName(r))
	}
	if c.A.URL != "" && c.Link != "" {
		item.Note = c.Link
	}
	return item
}

// CSLJSON is the CSL-JSON item as indented JSON, an array of one item as
// citation managers import it.
func (c Citation) CSLJSON() string { return encodeJSON([]any{c.CSL()}, "  ") }

// cslLine is the CSL-JSON item on one line, as an export lists them.
func (c Citation) cslLine() string { return strings.TrimSuffix(encodeJSON(c.CSL(), ""), "\n") }

// encodeJSON writes v as JSON with its characters as they are (no \u0026
// for &), indented when indent is set.
func encodeJSON(v any, indent string) string {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", indent)
	_ = enc.Encode(v) // structs of strings and numbers always encode
	return b.String()
}

// Format writes the reference in one of CiteFormats.
func (c Citation) Format(format string) (string, error) {
	switch format {
	case FormatGBT7714:
		return c.GBT7714() + "\n", nil
	case FormatRIS:
		return c.RIS(), nil
	case FormatBibLaTeX:
		return c.BibLaTeX(), nil
	case FormatBibTeX:
		return c.BibTeX(), nil
	case FormatCSL:
		return c.CSLJSON(), nil
	}
	return "", fmt.Errorf("%w: format must be one of %s, not %q", ErrBadRequest, strings.Join(CiteFormats, ", "), format)
}

// compoundSurnames are the two-character surnames common enough to tell
// from a one-character surname and a given name.
var compoundSurnames = map[string]bool{
	"欧阳": true, "司马": true, "上官": true, "诸葛": true, "东方": true, "皇甫": true, "尉迟": true,
	"公孙": true, "慕容": true, "令狐": true, "长孙": true, "宇文": true, "司徒": true, "夏侯": true,
	"轩辕": true, "端木": true, "独孤": true, "南宫": true, "西门": true, "百里": true,
}

// chineseName splits a Chinese name of two to four characters into
// surname and given name; any other name is written as it stands.
func chineseName(name string) cslName {
	name = strings.TrimSpace(name)
	rs := []rune(name)
	if len(rs) < 2 || len(rs) > 4 {
		return cslName{Literal: name}
	}
	for _, r := range rs {
		if !segment.IsHan(r) {
			return cslName{Literal: name}
		}
	}
	n := 1
	if len(rs) >= 3 && compoundSurnames[string(rs[:2])] {
		n = 2
	}
	return cslName{Family: string(rs[:n]), Given: string(rs[n:])}
}

// texEscape escapes the characters TeX treats as commands.
func texEscape(s string) string {
	r := strings.NewReplacer(`\`, `\textbackslash{}`, "{", `\{`, "}", `\}`, "%", `\%`, "&", `\&`,
		"#", `\#`, "$", `\$`, "_", `\_`, "^", `\^{}`, "~", `\~{}`)
	return r.Replace(s)
}

// oneLine joins a value's lines with spaces: every format here is one
// value a line.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\r\n") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// yearOf is the year of a date YYYY-MM-DD.
func yearOf(date string) string {
	if utf8.RuneCountInString(date) >= 4 {
		return date[:4]
	}
	return date
}

// DatasetCitation cites a snapshot as a data set, in the form GB/T
// 7714-2015 gives an online data set ([DS/OL]): who made it, what it is,
// when it was made and cited, and where it is. filters is the snapshot's
// filters written for people.
func DatasetCitation(s *Snapshot, filters, addr string, cited time.Time) string {
	var b strings.Builder
	fmt.Fprintf(&b, "报库. “%s”检索结果集: ", s.Query)
	if filters != "" {
		b.WriteString(filters + ", ")
	}
	fmt.Fprintf(&b, "%d 篇, SHA-256 %s[DS/OL]. ", s.Total, s.SHA256[:min(16, len(s.SHA256))])
	fmt.Fprintf(&b, "(%s)[%s]. %s.", s.Created[:min(10, len(s.Created))], cited.Format("2006-01-02"), addr)
	return b.String()
}

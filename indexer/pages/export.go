package pages

// The functions below give the PDF layout reader (indexer/pdf) the parts
// of the page-text parser that work on text alone: headers, bylines, photo
// credits and justification spaces. The layout reader finds headlines,
// columns and article regions from positions; what a line says is read
// here, the same way for page text and for PDFs.

// PageHeader reads the masthead and running-header lines of a page, given
// in page order, and settles its paper, date, issue, page and section as
// ParsePages does: what the lines say wins over meta, and idx, the page's
// 0-based place in its file, advances a page number taken from meta.
// isHeader[i] reports whether lines[i] is header text (to be left out of the
// articles). The returned Page has no articles.
func PageHeader(name string, lines []string, idx int, meta PageMeta) (pg Page, isHeader []bool, warns []Warning) {
	p := &parser{name: name, meta: meta}
	var h header
	isHeader = make([]bool, len(lines))
	for i, l := range lines {
		isHeader[i] = readHeaderLine(l, &h, i+1 < len(lines) && isYearMonthLine(lines[i+1]))
	}
	pg = p.pageInfo(&h, 0, idx)
	return pg, isHeader, p.warns
}

// ParseByline reads a line that is only a byline or an author line:
// "本报记者 张三 李四", "□ 本报记者 张三", "（记者 张三）", "文/张三". ok is
// false for any other line.
func ParseByline(s string) (names, roles []string, ok bool) {
	if b, _, ok := parseBylineLine(s); ok {
		return b.names, b.roles, true
	}
	if b, ok := parseAuthorLine(s); ok {
		return b.names, b.roles, true
	}
	return nil, nil, false
}

// ParseLead reads the byline that opens an article's first paragraph:
// 本报讯（记者 张三）, 新华社北京7月21日电（记者 张三）, 记者 张三 报道. All
// results are empty when the paragraph opens with none.
func ParseLead(para string) (source, dateline string, names, roles []string) {
	if !isArticleStart(para) {
		return "", "", nil, nil
	}
	b := parseLead(para)
	return b.source, b.dateline, b.names, b.roles
}

// ParseEndByline reads a byline in brackets at the end of an article's
// last paragraph: "……。（本报记者 张三）".
func ParseEndByline(para string) (names, roles []string) { return parseEndByline(para) }

// PhotoCredits returns the photographers credited at the end of a photo
// caption: "图为…… 王五 摄", "（本报记者 张三 摄）".
func PhotoCredits(caption string) []string { return parsePhotoCredit(caption) }

// CleanText removes justification spaces: white space next to a Chinese
// character goes, between two Latin letters or digits it becomes one space.
func CleanText(s string) string { return cleanBody(s) }

// IsEditionText reports whether text is a web-edition export (articles
// one after another, each with a line such as 《人民日报》（2025年10月20日
// 第 01 版）), which ParsePages reads article by article.
func IsEditionText(text string) bool { return isEditionText(text) }

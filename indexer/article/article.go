// Package article holds the Article, the unit that everything in Baoku is
// made of: the page and layout parsers produce articles, the record reader
// reads them, the index stores them and search returns them. It also makes
// their stable IDs. It imports nothing of Baoku's.
package article

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// Article is one newspaper article, as parsed from a page or read from a
// record. Text fields hold clean text: wrapped lines joined, justification
// spaces removed, paragraphs separated by "\n".
type Article struct {
	// ID is stable: the same input always gives the same ID, so indexing it
	// again replaces the article instead of adding a copy.
	ID string `json:"id"`
	// Paper is the publication, e.g. 吕梁日报.
	Paper string `json:"paper"`
	// Date is the publication date, YYYY-MM-DD.
	Date string `json:"date"`
	// Issue is the issue number as printed, e.g. 第11055期; may be empty.
	Issue string `json:"issue,omitempty"`
	// Page is the page (版次) as printed: 1, 2/3, A05; may be empty.
	Page string `json:"page,omitempty"`
	// Section is the page or section name (版面名 / 栏目), e.g. 要闻; may be empty.
	Section string `json:"section,omitempty"`
	// Column is a column label printed with the article, e.g. 特写; may be empty.
	Column string `json:"column,omitempty"`
	// Kicker is the 引题, the line above the headline; may be empty.
	Kicker string `json:"kicker,omitempty"`
	// Headline is the 主题, the main headline.
	Headline string `json:"headline"`
	// HeadlineDerived is true when no headline was printed and Headline was
	// derived from the lead.
	HeadlineDerived bool `json:"headline_derived,omitempty"`
	// Subtitle is the 副题, the line(s) below the headline; may be empty.
	Subtitle string `json:"subtitle,omitempty"`
	// Source is the news source: 本报讯, 新华社, 央视网 …; may be empty.
	Source string `json:"source,omitempty"`
	// Dateline is the place and date of a wire story, e.g. 北京7月21日电.
	Dateline string `json:"dateline,omitempty"`
	// Reporters are the writers named in the byline, in order.
	Reporters []string `json:"reporters,omitempty"`
	// Roles gives, for each reporter, the role printed before the name
	// (记者, 实习生, 通讯员, 本报记者 …); empty strings where none was printed.
	Roles []string `json:"roles,omitempty"`
	// Photographers are the people credited with photos (X 摄).
	Photographers []string `json:"photographers,omitempty"`
	// Body is the clean article text, paragraphs separated by "\n".
	Body string `json:"body"`
	// SourceID is the record's own id (the "id" of an article record),
	// which finds the article too; empty for articles parsed from pages.
	SourceID string `json:"source_id,omitempty"`
	// URL is the original address; may be empty.
	URL string `json:"url,omitempty"`
	// Tags are editor keywords; may be empty.
	Tags []string `json:"tags,omitempty"`
	// File is the input the article came from (base name), for provenance.
	File string `json:"file,omitempty"`
	// Seq is the article's place in reading order on its page (1-based),
	// for articles parsed from page text; 0 when unknown.
	Seq int `json:"seq,omitempty"`
	// Captions are the photo captions printed with the article (图为……
	// 摄), for articles read from a page layout; they are never part of
	// Body, but are searched with it.
	Captions []string `json:"captions,omitempty"`
	// PageImage is the image of the page the article is printed on, a
	// slash-separated path inside the index folder (pages/….png); empty
	// for articles without one (page text, records).
	PageImage string `json:"page_image,omitempty"`
	// Region is where the article is printed on its page; nil when
	// unknown.
	Region *Region `json:"region,omitempty"`
}

// Region is the place of an article on its page.
type Region struct {
	// Width and Height are the page's size, in the units of Boxes (PDF
	// points, 1/72 inch).
	Width  float64 `json:"width"`
	Height float64 `json:"height"`
	// Boxes are the rectangles the article covers.
	Boxes []Box `json:"boxes"`
}

// Box is a rectangle on a page, from the page's top left corner.
type Box struct {
	X float64 `json:"x"`
	Y float64 `json:"y"`
	W float64 `json:"w"`
	H float64 `json:"h"`
}

// StableID derives an article ID from the parts that identify it in its
// source (for example paper, date, page and position on the page, or paper
// and the record's own id). Equal parts give equal IDs.
func StableID(parts ...string) string {
	h := sha256.Sum256([]byte(strings.Join(parts, "\x1f")))
	return hex.EncodeToString(h[:8])
}

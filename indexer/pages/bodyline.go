package pages

import (
	"regexp"
	"strings"
)

// Byline is what the bylines of an article say: the source and dateline
// of its lead, and the people credited with its text and pictures.
type Byline struct {
	// Source is what opens the lead: 本报讯, or the wire of a dateline
	// (新华社, 本报); empty when none is printed.
	Source string
	// Dateline is the place and date of a wire lead, e.g. 北京2月5日电.
	Dateline string
	// Reporters are the writers named, in order, each once.
	Reporters []string
	// Roles gives, for each reporter, the role printed before the name
	// (记者, 本报记者, 通讯员 …); empty where none was printed.
	Roles []string
	// Photographers are the people credited with pictures (X 摄).
	Photographers []string
}

// add appends what b says to the byline, names not yet listed.
func (by *Byline) add(b byline) {
	if by.Source == "" {
		by.Source, by.Dateline = b.source, b.dateline
	}
	for i, n := range b.names {
		if !contains(by.Reporters, n) {
			by.Reporters = append(by.Reporters, n)
			by.Roles = append(by.Roles, b.roles[i])
		}
	}
	for _, n := range b.photos {
		if !contains(by.Photographers, n) {
			by.Photographers = append(by.Photographers, n)
		}
	}
}

// reRecordBreak splits an article record's body into paragraphs: line
// breaks, or runs of spaces where the source lost them.
var reRecordBreak = regexp.MustCompile(`\n|[ ]{3,}|\x{3000}{2,}`)

// BodyBylines reads the bylines an article's text carries, as article
// records have them in their bodies: the lead of the first paragraph
// (新华社北京2月5日电（记者 张三）), paragraphs that are only a byline or a
// photo credit, captions ending in a credit (图为…… 本报记者 李四 摄), and
// a byline after the last sentence of a paragraph (……中发现。  本报记者
// 左妍) or in brackets closing it (……。（本报记者 王五）).
func BodyBylines(body string) Byline {
	var b Byline
	paras := reRecordBreak.Split(strings.ReplaceAll(body, "\u00a0", " "), -1)
	first := true
	for _, p := range paras {
		p = strings.TrimSpace(strings.Trim(p, "\u3000 "))
		if p == "" {
			continue
		}
		if first {
			first = false
			if isArticleStart(p) {
				b.add(parseLead(p))
				continue
			}
		}
		if by, _, ok := parseBylineLine(p); ok {
			b.add(by)
			continue
		}
		if names := parsePhotoCredit(p); len(names) > 0 {
			b.add(byline{photos: names})
			continue
		}
		if by, _, ok := parseTailByline(p); ok {
			b.add(by)
			continue
		}
		if names, roles := parseEndByline(p); len(names) > 0 {
			b.add(byline{names: names, roles: roles})
		}
	}
	return b
}

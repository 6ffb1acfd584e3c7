package pages

import (
	"os"
	"strings"
	"testing"
)

// droppable reports whether ParsePages may drop a line: masthead and
// running-header lines (isHeaderLine) and editor lines (isEditorLine). The
// parser drops the first only at the top and bottom of a page, so this is
// a superset of what it drops; every other line must survive.
func droppable(line string) bool {
	return isHeaderLine(line) || isEditorLine(line)
}

// hanCounts counts the Chinese characters of the lines of text that may
// not be dropped.
//
// A web-edition export may also lose its edition lines, PDF page footers,
// byline lines (a role without names, a stray character of a spaced-out
// name) and whatever comes before its first edition line (a table of
// contents).
func hanCounts(text string) map[rune]int {
	m := map[rune]int{}
	edition := isEditionText(text)
	seen := false
	credit, pending := false, false // in a page credit's entry; after its editor line
	for _, l := range strings.FieldsFunc(text, func(r rune) bool { return r == '\n' || r == '\r' || r == '\f' }) {
		l = strings.TrimSpace(l)
		_, ed := parseEditionLine(l)
		if edition {
			// A page credit (editor line, names, edition line) and
			// the short text after it, up to the next edition line,
			// may be dropped.
			switch {
			case ed:
				credit, pending = pending, false
			case isEditorLine(l):
				pending = true
			case !isBylineText(l):
				pending = false
			}
		}
		if droppable(l) {
			continue
		}
		if edition {
			seen = seen || ed
			if !seen || ed || credit || rePDFFooter.MatchString(l) || isBylineText(l) {
				continue
			}
		}
		for _, r := range l {
			if isHan(r) {
				m[r]++
			}
		}
	}
	return m
}

// articleHan counts the Chinese characters in every text field of the
// articles.
func articleHan(pages []Page) map[rune]int {
	m := map[rune]int{}
	add := func(ss ...string) {
		for _, s := range ss {
			for _, r := range s {
				if isHan(r) {
					m[r]++
				}
			}
		}
	}
	for _, p := range pages {
		for _, a := range p.Articles {
			add(a.Column, a.Kicker, a.Headline, a.Subtitle, a.Source, a.Dateline, a.Body)
			add(a.Reporters...)
			add(a.Roles...)
			add(a.Photographers...)
		}
	}
	return m
}

// FuzzParsePages checks that ParsePages never panics and never loses
// article text: every Chinese character of every line that is not a
// masthead, running-header or editor line appears, as often, in some
// article's fields (body, headline, byline …). A derived headline may add
// characters, never remove them.
func FuzzParsePages(f *testing.F) {
	for _, p := range []string{samplePage, "testdata/lvliang-2023-07-22-02.txt", "testdata/xmwb-2022-04-15-03.txt", editionFixture, eveningFixture} {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	f.Add("")
	f.Add("\f\f本报讯（记者 张三\n李四）昨日。\n标题\n")
	f.Add("□ 本报记者 王五\n（本报记者 赵六）\n特写：\n")
	f.Fuzz(func(t *testing.T, text string) {
		pages, warns, err := ParsePages("fuzz.txt", text, PageMeta{})
		for _, w := range warns {
			if w.File != "fuzz.txt" {
				t.Errorf("warning %v does not name the file", w)
			}
		}
		want := hanCounts(text)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.txt: ") {
				t.Errorf("error %q does not name the file", err)
			}
			if len(want) > 0 {
				t.Errorf("error %v, but the text has article characters %v", err, want)
			}
			return
		}
		got := articleHan(pages)
		for r, n := range want {
			if got[r] < n {
				t.Errorf("character %q appears %d times in the text but %d times in the articles", r, n, got[r])
			}
		}
		for _, p := range pages {
			if len(p.Articles) == 0 {
				t.Errorf("page without articles returned")
			}
			for _, a := range p.Articles {
				if len(a.Reporters) != len(a.Roles) {
					t.Errorf("reporters %q and roles %q differ in length", a.Reporters, a.Roles)
				}
				if a.Headline == "" && hasLetter(a.Body) {
					t.Errorf("article without headline: %q", a.Body)
				}
			}
		}
	})
}

package pdfgen

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"unicode/utf8"
)

// CorpusFiles are the record files of the corpus the pages are laid out
// from.
var CorpusFiles = []string{"rmrb-2022.jsonl.gz", "xmwb-2022-04.jsonl.gz"}

// story is a corpus record cleaned for laying out: its printed bylines,
// photo captions and production notes taken out (the generator prints
// bylines and captions of its own, and knows them), its headline without
// a column tag, its body cut into paragraphs of sentences.
type story struct {
	paper, date, page, section string
	kicker, headline, subtitle string
	lead                       string // a wire or 本报 dateline opening the body: 新华社北京12月31日电
	paras                      [][]string
}

type record struct {
	Paper, Date, Page, Section string
	Kicker, Headline, Subtitle string
	Body                       string
}

// loadStories reads the corpus record files in dir.
func loadStories(dir string) ([]story, error) {
	var out []story
	for _, name := range CorpusFiles {
		path := filepath.Join(dir, name)
		f, err := os.Open(path)
		if err != nil {
			return nil, fmt.Errorf("pdfgen: %w", err)
		}
		gz, err := gzip.NewReader(f)
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("pdfgen: %s: %w", path, err)
		}
		sc := bufio.NewScanner(gz)
		sc.Buffer(make([]byte, 1<<20), 16<<20)
		for sc.Scan() {
			var r record
			if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
				f.Close()
				return nil, fmt.Errorf("pdfgen: %s: %w", path, err)
			}
			if s, ok := clean(r); ok {
				out = append(out, s)
			}
		}
		err = sc.Err()
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("pdfgen: %s: %w", path, err)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("pdfgen: no usable records in %s", dir)
	}
	return out, nil
}

var (
	reSpaces   = regexp.MustCompile(`[\s\x{3000}\x{a0}]+`)
	reParaGap  = regexp.MustCompile(`[ \x{3000}\x{a0}]{2,}`)
	reWireLead = regexp.MustCompile(`^据?((?:新华社|本报|中新社)\p{Han}{0,10}?\d{1,2}月\d{1,2}日电)\s*(?:[（(][^（）()]{0,40}[）)])?\s*`)
	reByParen  = regexp.MustCompile(`[（(][^（）()]{0,12}(?:记者|通讯员)[^（）()]{0,30}[）)]`)
	reEndParen = regexp.MustCompile(`\s*[（(][^（）()]*(?:记者|通讯员|实习生)[^（）()]*[）)]\s*$`)
	reEndName  = regexp.MustCompile(`\s*(?:本报|新华社)?(?:记者|通讯员|实习生)(?:\s+\p{Han}{2,4})+\s*$`)
	reColumn   = regexp.MustCompile(`[（(][^（）()]{2,12}[）)]$`)
	reNote     = regexp.MustCompile(`^(?:本期统筹|版式设计|制图|本版责编|责任编辑|影像中国|数据来源|（相关报道|\(相关报道|>>>|详见|图[①-⑩\d]|上图|下图|左图|右图|图为)`)
	reSentence = regexp.MustCompile(`[^。！？]*[。！？][”’」）]*`)
)

// clean turns a record into a story; ok is false for records with too
// little text to lay out.
func clean(r record) (story, bool) {
	s := story{paper: r.Paper, date: r.Date, page: r.Page, section: r.Section}
	s.kicker = oneLine(r.Kicker)
	s.subtitle = oneLine(r.Subtitle)
	head := strings.TrimSpace(r.Headline)
	if parts := reParaGap.Split(head, -1); len(parts) == 2 && s.subtitle == "" {
		head, s.subtitle = parts[0], oneLine(parts[1])
	}
	s.headline = strings.TrimSpace(reColumn.ReplaceAllString(oneLine(head), ""))
	if n := utf8.RuneCountInString(s.headline); n < 4 || n > 40 || s.headline == "图片报道" {
		return s, false
	}
	body := strings.ReplaceAll(r.Body, "\r", "")
	if !strings.Contains(body, "\n") {
		body = reParaGap.ReplaceAllString(body, "\n")
	}
	var paras [][]string
	for i, p := range strings.Split(body, "\n") {
		p = oneLine(p)
		p = strings.TrimLeft(p, "■□●◆ ")
		if i == 0 {
			if m := reWireLead.FindStringSubmatch(p); m != nil {
				s.lead = m[1]
				p = p[len(m[0]):]
			}
		}
		p = reEndParen.ReplaceAllString(p, "")
		p = reByParen.ReplaceAllString(p, "")
		p = reEndName.ReplaceAllString(p, "")
		if p == "" || reNote.MatchString(p) || strings.HasSuffix(p, "摄") || strings.Contains(p, "记者") && utf8.RuneCountInString(p) < 30 {
			continue
		}
		sents := reSentence.FindAllString(p, -1)
		var kept []string
		for _, x := range sents {
			if x = strings.TrimSpace(x); x != "" {
				kept = append(kept, x)
			}
		}
		if len(kept) > 0 {
			paras = append(paras, kept)
		}
	}
	if len(paras) == 0 || utf8.RuneCountInString(strings.Join(paras[0], "")) < 20 {
		return s, false
	}
	s.paras = paras
	return s, true
}

// oneLine removes line breaks and white space runs.
func oneLine(s string) string {
	return strings.TrimSpace(reSpaces.ReplaceAllString(s, " "))
}

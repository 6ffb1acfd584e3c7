package indexer

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/encoding/simplifiedchinese"

	"baoku/indexer/article"
)

func good(id string) string {
	return fmt.Sprintf(`{"id":%q,"paper":"测试日报","date":"2023-07-22","headline":"标题%s","body":"正文。"}`, id, id) + "\n"
}

// readAll reads JSON Lines and returns the IDs read, the line errors and
// the error.
func readAll(t *testing.T, r io.Reader) ([]string, []error, error) {
	t.Helper()
	var ids []string
	lineErrs, err := ReadJSONL("in.jsonl", r, func(a *article.Article) error {
		ids = append(ids, a.ID)
		return nil
	})
	return ids, lineErrs, err
}

func gbk(t *testing.T, s string) string {
	t.Helper()
	b, err := simplifiedchinese.GBK.NewEncoder().String(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestReadJSONLBadLines(t *testing.T) {
	for _, c := range []struct {
		name string
		line string // between two good lines
		want string // in the line error
	}{
		{"malformed", `{"headline": "x",`, "malformed JSON"},
		{"wrong type string", `{"headline": 12, "date": "2023-01-01"}`, `field "headline": want string, got JSON number`},
		{"wrong type list", `{"headline": "x", "reporters": "张三", "date": "2023-01-01"}`, `field "reporters"`},
		{"object not record", `[1, 2, 3]`, "want indexer.record"},
		{"no date", `{"headline": "x"}`, `field "date"`},
		{"impossible date", `{"headline": "x", "date": "2023-02-30"}`, `"2023-02-30" is not a valid`},
		{"month 13", `{"headline": "x", "date": "2023-13-01"}`, `"2023-13-01" is not a valid`},
		{"no text", `{"date": "2023-01-01", "headline": "  "}`, "neither headline nor body"},
		{"truncated UTF-8", `{"headline": "吕梁` + "\xe5\x90" + `", "date": "2023-01-01"}`, "not valid UTF-8 at byte 20"},
		{"GBK line", gbk(t, `{"headline": "吕梁日报", "date": "2023-01-01"}`), "not valid UTF-8"},
		{"latin-1 line", "{\"headline\": \"caf\xe9\", \"date\": \"2023-01-01\"}", "not valid UTF-8"},
	} {
		t.Run(c.name, func(t *testing.T) {
			in := good("a") + c.line + "\n" + good("b")
			ids, lineErrs, err := readAll(t, strings.NewReader(in))
			if err != nil {
				t.Fatalf("err %v, want only a line error", err)
			}
			if len(ids) != 2 {
				t.Errorf("read %d articles, want the 2 good ones", len(ids))
			}
			if len(lineErrs) != 1 {
				t.Fatalf("line errors %v, want one", lineErrs)
			}
			var le *LineError
			if !errors.As(lineErrs[0], &le) || le.Line != 2 || le.File != "in.jsonl" {
				t.Errorf("error %v is not a LineError for in.jsonl:2", lineErrs[0])
			}
			if !strings.Contains(lineErrs[0].Error(), c.want) {
				t.Errorf("error %q, want it to say %q", lineErrs[0], c.want)
			}
		})
	}
}

func TestReadJSONLBadFiles(t *testing.T) {
	allBad := strings.Repeat("not json\n", probeLines)
	for _, c := range []struct {
		name, in string
		ids      int
		want     string
	}{
		{"empty", "", 0, "empty, no records"},
		{"blank lines", "\n\n  \n", 0, "empty, no records"},
		{"binary", "\x00\x01\x02ELF\x00\n\xff\xfe", 0, "binary data"},
		{"not JSON Lines", allBad + good("late"), 0, "not JSON Lines"},
		{"CSV", strings.Repeat("id,headline,date\n", 30), 0, "not JSON Lines"},
	} {
		t.Run(c.name, func(t *testing.T) {
			ids, lineErrs, err := readAll(t, strings.NewReader(c.in))
			if err == nil || !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), "in.jsonl") {
				t.Errorf("err %v, want one naming the file and saying %q", err, c.want)
			}
			if len(ids) != c.ids {
				t.Errorf("read %d articles, want %d", len(ids), c.ids)
			}
			if len(lineErrs) > probeLines {
				t.Errorf("%d line errors: a bad file should stop early", len(lineErrs))
			}
		})
	}
	// Bad lines at the start do not stop a file that then has good ones.
	ids, lineErrs, err := readAll(t, strings.NewReader(strings.Repeat("bad\n", probeLines-1)+good("a")+"bad\n"+good("b")))
	if err != nil || len(ids) != 2 || len(lineErrs) != probeLines {
		t.Errorf("mostly bad start: %d articles, %d line errors, err %v; want 2, %d, nil", len(ids), len(lineErrs), err, probeLines)
	}
}

// repeatReader yields the same text forever.
type repeatReader struct {
	s string
	i int
}

func (r *repeatReader) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		c := copy(p[n:], r.s[r.i:])
		n += c
		r.i = (r.i + c) % len(r.s)
	}
	return n, nil
}

// TestReadJSONLHugeLine streams a 50 MB single line (never held whole in
// the test) between good lines.
func TestReadJSONLHugeLine(t *testing.T) {
	huge := io.MultiReader(
		strings.NewReader(good("a")+`{"date":"2023-01-01","headline":"长","body":"`),
		io.LimitReader(&repeatReader{s: "很长的一行正文，"}, 50<<20),
		strings.NewReader("\"}\n"+good("b")),
	)
	ids, lineErrs, err := readAll(t, huge)
	if err != nil {
		t.Fatal(err)
	}
	if len(ids) != 2 || len(lineErrs) != 1 || !strings.Contains(lineErrs[0].Error(), "in.jsonl:2: line longer than") {
		t.Errorf("got %d articles and errors %v; want 2 articles and in.jsonl:2 too long", len(ids), lineErrs)
	}
}

func TestReadJSONLReadError(t *testing.T) {
	r := io.MultiReader(strings.NewReader(good("a")+`{"headline":"cut`), &failReader{io.ErrUnexpectedEOF})
	ids, _, err := readAll(t, r)
	if len(ids) != 1 || !errors.Is(err, io.ErrUnexpectedEOF) || !strings.Contains(err.Error(), "in.jsonl:2") {
		t.Errorf("got %d articles, err %v; want 1 and an unexpected EOF at in.jsonl:2", len(ids), err)
	}
}

type failReader struct{ err error }

func (f *failReader) Read([]byte) (int, error) { return 0, f.err }

func TestReadJSONLLineEndsAndDerivedHeadline(t *testing.T) {
	in := good("a")[:len(good("a"))-1] + "\r\n" + `{"id":"b","paper":"测试日报","date":"2023-07-22","body":"没有标题的稿件正文，第一句话。第二句。"}`
	var arts []*article.Article
	_, err := ReadJSONL("in", strings.NewReader(in), func(a *article.Article) error { arts = append(arts, a); return nil })
	if err != nil || len(arts) != 2 {
		t.Fatalf("%d articles, err %v", len(arts), err)
	}
	if arts[1].Headline != "没有标题的稿件正文，第一句话" || !arts[1].HeadlineDerived {
		t.Errorf("derived headline %q (derived %v)", arts[1].Headline, arts[1].HeadlineDerived)
	}
	if arts[0].ID != article.StableID("record", "测试日报", "a") {
		t.Errorf("ID %s is not the stable ID of paper and record id", arts[0].ID)
	}
}

// TestReadJSONLBodyBylines checks that bylines in a record's body fill
// the fields the record leaves empty, and that fields it gives are kept.
func TestReadJSONLBodyBylines(t *testing.T) {
	in := `{"id":"a","paper":"测试晚报","date":"2022-04-01","headline":"社区开通配药专线","body":"    居委会开通了配药专线。    不少老人已经用上了。  本报记者  张小明"}
{"id":"b","paper":"测试日报","date":"2022-02-05","headline":"两国元首会谈","body":"新华社北京2月5日电\u00a0\u00a0（记者王一）两国元首今天会谈。\n\u3000\u3000李二摄（影像中国）"}
{"id":"c","paper":"测试晚报","date":"2022-04-01","headline":"春耕忙","source":"本报讯","reporters":["赵三"],"body":"田里一片忙碌。  本报记者  钱四"}
`
	var got []article.Article
	if _, err := ReadJSONL("in", strings.NewReader(in), func(a *article.Article) error { got = append(got, *a); return nil }); err != nil {
		t.Fatal(err)
	}
	type bylines struct {
		Source, Dateline     string
		Reporters, Roles, Ph []string
	}
	want := []bylines{
		{Reporters: []string{"张小明"}, Roles: []string{"本报记者"}},
		{Source: "新华社", Dateline: "北京2月5日电", Reporters: []string{"王一"}, Roles: []string{"记者"}, Ph: []string{"李二"}},
		{Source: "本报讯", Reporters: []string{"赵三"}},
	}
	var have []bylines
	for _, a := range got {
		have = append(have, bylines{a.Source, a.Dateline, a.Reporters, a.Roles, a.Photographers})
	}
	if diff := cmp.Diff(want, have); diff != "" {
		t.Errorf("bylines (-want +got):\n%s", diff)
	}
}

// FuzzReadJSONL feeds the reader arbitrary bytes. Invariants: no panic;
// every article read has an ID, a valid date and valid UTF-8 text; every
// line error is a *LineError naming a line that exists.
func FuzzReadJSONL(f *testing.F) {
	f.Add([]byte(good("a") + good("b")))
	f.Add([]byte("\n\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		lines := strings.Count(string(data), "\n") + 1
		n := 0
		lineErrs, _ := ReadJSONL("fuzz", strings.NewReader(string(data)), func(a *article.Article) error {
			n++
			if a.ID == "" {
				t.Error("article without an ID")
			}
			if !isDate(a.Date) {
				t.Errorf("article with date %q", a.Date)
			}
			for _, s := range []string{a.Headline, a.Body, a.Paper, a.Section, a.Kicker, a.Subtitle} {
				if !utf8.ValidString(s) {
					t.Errorf("article text %q is not UTF-8", s)
				}
			}
			if a.Headline == "" && a.Body == "" {
				t.Error("article without headline or body")
			}
			return nil
		})
		for _, e := range lineErrs {
			var le *LineError
			if !errors.As(e, &le) || le.Line < 1 || le.Line > lines {
				t.Errorf("line error %v out of range 1..%d", e, lines)
			}
		}
		if n+len(lineErrs) > lines {
			t.Errorf("%d articles and %d errors from %d lines", n, len(lineErrs), lines)
		}
	})
}

func isDate(s string) bool {
	_, err := time.Parse(DateLayout, s)
	return err == nil
}

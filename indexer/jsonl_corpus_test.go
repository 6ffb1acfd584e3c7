package indexer

import (
	"compress/gzip"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"baoku/indexer/article"
)

// recordArticles reads a record file of the shared corpus with
// ReadJSONL, skipping the test when the corpus is absent.
func recordArticles(t *testing.T, name string) []*article.Article {
	t.Helper()
	path := filepath.Join("..", "..", "shared", "corpus", name)
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("corpus not available (%v): this test needs ../shared/corpus beside the repository", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	var arts []*article.Article
	if _, err := ReadJSONL(name, zr, func(a *article.Article) error {
		arts = append(arts, a)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return arts
}

// reBruteByline finds a role word where a byline stands (at the start,
// after white space, a sentence end or a bracket) and the name after it
// when the name stands alone (followed by white space, a bracket, a
// comma of names or the end). It knows nothing of the byline parser.
var reBruteByline = regexp.MustCompile(`(?:^|[\s。！？”）（(])(?:本报|首席|特约|新华社)?(?:记者|通讯员|实习生)[ \x{3000}]*(\p{Han}{2,3})(?:[\s、）)]|$)`)

// bruteNames returns every name a byline in body gives a writer, by
// scanning for role words, leaving out names credited with a photo.
func bruteNames(body string) []string {
	body = strings.ReplaceAll(body, "\u00a0", " ")
	var out []string
	for _, m := range reBruteByline.FindAllStringSubmatchIndex(body, -1) {
		name := body[m[2]:m[3]]
		if rest := strings.TrimSpace(body[m[3]:]); strings.HasPrefix(rest, "摄") && !strings.HasPrefix(rest, "摄影报道") {
			continue
		}
		out = append(out, name)
	}
	return out
}

// TestRecordBylinesXinmin reads 新民晚报's records, whose bylines stand in
// their bodies (……中发现。  本报记者  左妍), and checks that for at least
// 95% of the records a brute-force scan finds a writer's name in, the
// reader's reporters hold every name the scan found.
func TestRecordBylinesXinmin(t *testing.T) {
	arts := recordArticles(t, "xmwb-2022-04.jsonl.gz")
	named, found := 0, 0
	for _, a := range arts {
		names := bruteNames(a.Body)
		if len(names) == 0 {
			continue
		}
		named++
		ok := true
		for _, n := range names {
			if !contains(a.Reporters, n) {
				ok = false
			}
		}
		if ok {
			found++
		} else {
			t.Logf("%s: body names %q, reporters %q", a.Headline, names, a.Reporters)
		}
	}
	t.Logf("reporters found for %d of %d records whose body names them", found, named)
	if named < 20 {
		t.Fatalf("only %d records name a writer: the scan or the corpus changed", named)
	}
	if 100*found < 95*named {
		t.Errorf("reporters found for %d of %d records (%.1f%%), want at least 95%%", found, named, 100*float64(found)/float64(named))
	}
}

// reWireLead is a dateline lead, found by a plain pattern: 新华社北京2月5日电,
// 本报南京1月12日电.
var reWireLead = regexp.MustCompile(`^(新华社|本报)\p{Han}{1,12}\d{1,2}月\d{1,2}日电`)

// TestRecordSourcesPeoplesDaily checks that 人民日报 records whose lead is
// a dateline get its wire as their source, and their reporters from the
// brackets after it.
func TestRecordSourcesPeoplesDaily(t *testing.T) {
	arts := recordArticles(t, "rmrb-2022.jsonl.gz")
	leads, right := 0, 0
	for _, a := range arts {
		m := reWireLead.FindStringSubmatch(strings.TrimSpace(a.Body))
		if m == nil {
			continue
		}
		leads++
		if a.Source == m[1] && a.Dateline != "" {
			right++
		} else {
			t.Logf("%s: lead %q, source %q dateline %q", a.Headline, m[0], a.Source, a.Dateline)
		}
		if i := strings.Index(a.Body, "（记者"); i >= 0 && i < 60 && len(a.Reporters) == 0 {
			t.Errorf("%s: lead names a reporter, none read", a.Headline)
		}
	}
	t.Logf("source read for %d of %d dateline leads", right, leads)
	if leads < 20 {
		t.Fatalf("only %d dateline leads: the corpus changed", leads)
	}
	if 100*right < 95*leads {
		t.Errorf("source read for %d of %d dateline leads, want at least 95%%", right, leads)
	}
}

// contains reports whether list holds s.
func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

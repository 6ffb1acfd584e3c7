package search

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"baoku/indexer"
	"baoku/indexer/article"
	"baoku/segment"
)

// citeFixture reads testdata/cite.jsonl: articles written for the
// citation tests (one author, four, none; a subtitle with dashes; pages
// 02, A05, 1 and none; TeX's special characters).
func citeFixture(t *testing.T) []*article.Article {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "cite.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var arts []*article.Article
	bad, err := indexer.ReadJSONL("cite.jsonl", f, func(a *article.Article) error {
		arts = append(arts, a)
		return nil
	})
	if err != nil || len(bad) > 0 {
		t.Fatalf("read fixture: %v %v", err, bad)
	}
	return arts
}

func testLink(id string) string { return "https://baoku.example.org/articles/" + id }

// TestCitationGolden exports the fixture articles in each citation format
// through the engine and compares the files with testdata/cite.*
// (go test ./search -run CitationGolden -update rewrites them).
func TestCitationGolden(t *testing.T) {
	arts := citeFixture(t)
	e := engineOf(t, segment.DictTest, arts)
	for _, format := range []string{FormatRIS, FormatBibLaTeX, FormatBibTeX, FormatCSL, FormatGBT7714} {
		t.Run(format, func(t *testing.T) {
			var buf bytes.Buffer
			var meta ExportMeta
			err := e.Export(context.Background(), ExportRequest{Format: format, Link: testLink}, func(m ExportMeta) io.Writer {
				meta = m
				return &buf
			})
			if err != nil {
				t.Fatal(err)
			}
			if meta.Total != len(arts) {
				t.Errorf("total %d, want %d", meta.Total, len(arts))
			}
			checkGoldenText(t, filepath.Join("testdata", "cite."+format), buf.String())
		})
	}
}

// TestGBT7714Example checks the form GB/T 7714-2015 gives a newspaper
// article, on the standard's own example.
func TestGBT7714Example(t *testing.T) {
	a := &article.Article{Paper: "人民日报", Date: "2013-01-12", Page: "02", Reporters: []string{"余建斌"},
		Headline: "我们的科技一直在追赶", Subtitle: "——访中国工程院院长周济"}
	for _, tc := range []struct {
		edit func(*article.Article)
		want string
	}{
		{func(*article.Article) {}, "余建斌. 我们的科技一直在追赶: 访中国工程院院长周济[N]. 人民日报, 2013-01-12(2)."},
		{func(a *article.Article) { a.Reporters = nil }, "我们的科技一直在追赶: 访中国工程院院长周济[N]. 人民日报, 2013-01-12(2)."},
		{func(a *article.Article) { a.Page = "A05"; a.Subtitle = "" }, "余建斌. 我们的科技一直在追赶[N]. 人民日报, 2013-01-12(A5)."},
		{func(a *article.Article) { a.Page = "" }, "余建斌. 我们的科技一直在追赶: 访中国工程院院长周济[N]. 人民日报, 2013-01-12."},
		{func(a *article.Article) { a.Reporters = []string{"甲", "乙", "丙", "丁"} }, "甲, 乙, 丙, 等. 我们的科技一直在追赶: 访中国工程院院长周济[N]. 人民日报, 2013-01-12(2)."},
	} {
		b := *a
		tc.edit(&b)
		if got := (Citation{A: &b}).GBT7714(); got != tc.want {
			t.Errorf("got  %s\nwant %s", got, tc.want)
		}
	}
}

// TestExportEveryHit exports a search in CSV and NDJSON and checks that
// every hit is there, oldest first, against a scan of the articles.
func TestExportEveryHit(t *testing.T) {
	e, arts := researchEngine(t)
	var want []string
	for _, a := range arts {
		if containsText(a, "黄河") {
			want = append(want, a.ID)
		}
	}
	byID := map[string]*article.Article{}
	for _, a := range arts {
		byID[a.ID] = a
	}
	export := func(format string) string {
		var buf bytes.Buffer
		err := e.Export(context.Background(), ExportRequest{Request: Request{Query: `"黄河"`}, Format: format, Link: testLink},
			func(ExportMeta) io.Writer { return &buf })
		if err != nil {
			t.Fatal(err)
		}
		return buf.String()
	}
	rows, err := csv.NewReader(strings.NewReader(export(FormatCSV))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(CSVHeader, rows[0]); diff != "" {
		t.Errorf("header (-want +got):\n%s", diff)
	}
	var got []string
	for i, row := range rows[1:] {
		got = append(got, row[0])
		a := byID[row[0]]
		if row[1] != a.Date || row[2] != a.Paper || row[3] != a.Page || row[5] != a.Headline || row[11] != testLink(a.ID) {
			t.Errorf("row %d: %v for %+v", i, row, a)
		}
		if i > 0 && row[1] < rows[i][1] {
			t.Errorf("row %d (%s) is older than the one before (%s)", i, row[1], rows[i][1])
		}
	}
	if diff := cmp.Diff(sortedCopy(want), sortedCopy(got)); diff != "" || len(got) != len(want) {
		t.Errorf("exported IDs differ from brute force (-want +got):\n%s", diff)
	}
	lines := strings.Split(strings.TrimSpace(export(FormatNDJSON)), "\n")
	if len(lines) != len(want) {
		t.Fatalf("ndjson: %d lines, want %d", len(lines), len(want))
	}
	for _, l := range lines {
		var rec struct {
			article.Article
			Link string `json:"link"`
		}
		if err := json.Unmarshal([]byte(l), &rec); err != nil {
			t.Fatal(err)
		}
		if a := byID[rec.ID]; a == nil || rec.Body != a.Body || rec.Link != testLink(a.ID) {
			t.Errorf("ndjson record %s differs from the article", rec.ID)
		}
	}
}

func sortedCopy(s []string) []string {
	out := append([]string(nil), s...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

// TestExportLimit checks that an export past its limit fails with a clear
// error before anything is written, and a bad format too.
func TestExportLimit(t *testing.T) {
	e, _ := researchEngine(t)
	started := false
	start := func(ExportMeta) io.Writer { started = true; return io.Discard }
	err := e.Export(context.Background(), ExportRequest{Request: Request{Query: `"黄河"`}, Format: FormatCSV, Limit: 10}, start)
	if err == nil || !IsBadRequest(err) || !strings.Contains(err.Error(), "at most 10") || started {
		t.Errorf("past the limit: %v (started writing: %v)", err, started)
	}
	err = e.Export(context.Background(), ExportRequest{Request: Request{Query: `"黄河"`}, Format: "docx"}, start)
	if err == nil || !IsBadRequest(err) || !strings.Contains(err.Error(), "format must be one of") || started {
		t.Errorf("bad format: %v (started writing: %v)", err, started)
	}
}

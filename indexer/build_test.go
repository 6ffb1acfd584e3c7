package indexer

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/google/go-cmp/cmp"

	"baoku/indexer/article"
	"baoku/indexer/field"
	"baoku/segment"
)

// bodies are the texts the build tests' records are made of.
var bodies = []string{
	"吕梁市今年第一批项目开工，涉及文旅、交通和教育。",
	"记者在现场看到，工人们正在施工，ＡＢＣ公司的设备陆续进场。",
	"新华社北京电　国务院新闻办公室今天举行发布会，介绍经济运行情况。",
	"乡村振兴战略实施以来，农民收入稳步增长。",
	"本报讯　全市中小学今天开学，教育局长到学校检查安全工作。",
}

// writeBuildInputs writes files JSONL files of per records into dir, with
// a repeated ID (its later record differs), a line that is not JSON, a
// record with a bad date and bylines to learn; it returns the folder.
func writeBuildInputs(t *testing.T, dir string, files, per int) {
	t.Helper()
	for f := 0; f < files; f++ {
		var b strings.Builder
		for i := 0; i < per; i++ {
			rec := map[string]any{
				"id": fmt.Sprintf("f%d-%d", f, i), "paper": "测试日报",
				"date":     fmt.Sprintf("2023-%02d-%02d", 1+f%12, 1+i%28),
				"page":     fmt.Sprint(1 + i%4),
				"headline": fmt.Sprintf("第%d号 %s", i, bodies[(i+f)%len(bodies)][:12]),
				"body":     bodies[i%len(bodies)] + bodies[(i*3+f)%len(bodies)],
			}
			if i%7 == 0 {
				names := []string{"尉迟敬德", []string{"欧阳修远", "司马相如", "上官婉儿"}[f%3]}
				rec["reporters"] = names
				// The byline in the text too, so the word view
				// shows whether the names were learned in time.
				rec["body"] = fmt.Sprintf("%s（记者%s %s）", rec["body"], names[0], names[1])
			}
			js, err := json.Marshal(rec)
			if err != nil {
				t.Fatal(err)
			}
			b.Write(js)
			b.WriteByte('\n')
		}
		if f == 1 {
			b.WriteString("{not json\n")
			b.WriteString(`{"id":"bad-date","paper":"测试日报","date":"2023-13-40","headline":"坏日期","body":"正文"}` + "\n")
			// f0-3 again, later: this record must win.
			b.WriteString(`{"id":"f0-3","paper":"测试日报","date":"2024-01-02","headline":"更正后的标题","body":"更正：吕梁市第二批项目。"}` + "\n")
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("in-%02d.jsonl", f)), []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestBuildMatchesIngest builds an index in bulk and one through the
// Writer from the same inputs and checks they hold the same: articles,
// terms of every field with their counts, phrase matches, errors, learned
// names and journal.
func TestBuildMatchesIngest(t *testing.T) {
	in := t.TempDir()
	writeBuildInputs(t, in, 3, 40)
	paths := []string{in, filepath.Join(in, "missing.jsonl")}

	bulkDir := filepath.Join(t.TempDir(), "bulk")
	bsum, err := Build(bulkDir, paths, IngestOptions{Dict: segment.DictTest, BatchSize: 16})
	if err != nil {
		t.Fatal(err)
	}
	normDir := newTestIndexDir(t)
	nix, err := OpenExisting(normDir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer nix.Close()
	nj, err := OpenJournal(normDir)
	if err != nil {
		t.Fatal(err)
	}
	defer nj.Close()
	nsum, err := Ingest(NewWriter(nix, 16), paths, IngestOptions{Journal: nj})
	if err != nil {
		t.Fatal(err)
	}

	if diff := cmp.Diff(errorTexts(nsum.Errors), errorTexts(bsum.Errors)); diff != "" {
		t.Errorf("errors differ from Ingest's (-ingest +build):\n%s", diff)
	}
	if len(bsum.Errors) != 3 {
		t.Errorf("build reported %d errors, want 3 (missing file, bad line, bad date): %v", len(bsum.Errors), bsum.Errors)
	}
	if bsum.Articles != nsum.Articles || bsum.Files != nsum.Files || bsum.Bytes != nsum.Bytes {
		t.Errorf("build summary %d articles, %d files, %d bytes; ingest %d, %d, %d",
			bsum.Articles, bsum.Files, bsum.Bytes, nsum.Articles, nsum.Files, nsum.Bytes)
	}
	if _, err := os.Stat(bulkDir + ".creating"); !os.IsNotExist(err) {
		t.Errorf("side folder left behind: %v", err)
	}

	bix, err := OpenExisting(bulkDir, Options{}) // checks the schema version
	if err != nil {
		t.Fatal(err)
	}
	defer bix.Close()
	if b, n := docCount(t, bix), docCount(t, nix); b != n || n != 120 {
		t.Errorf("bulk index has %d articles, normal %d, want 120", b, n)
	}

	// The repeated ID holds its later record.
	id := article.StableID("record", "测试日报", "f0-3")
	for name, ix := range map[string]*Index{"bulk": bix, "normal": nix} {
		a, err := storedArticle(ix, id)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if a.Headline != "更正后的标题" || a.Date != "2024-01-02" {
			t.Errorf("%s: repeated ID holds %q of %s, want the later record", name, a.Headline, a.Date)
		}
	}

	// Every term of every field finds the same articles.
	fields := []string{field.Paper, field.Page, field.Year, field.Month, FieldFacets, field.Reporter}
	for _, f := range field.Of(field.Text) {
		fields = append(fields, f, f+CharSuffix, f+SingleSuffix)
	}
	for _, f := range fields {
		terms := fieldTerms(t, nix, f)
		for term := range fieldTerms(t, bix, f) {
			terms[term] = true
		}
		if len(terms) == 0 && (f == field.Headline || f == field.Body+CharSuffix) {
			t.Errorf("field %s has no terms", f)
		}
		for term := range terms {
			q := bleve.NewTermQuery(term)
			q.SetField(f)
			if b, n := hitIDs(t, bix, q), hitIDs(t, nix, q); !slices.Equal(b, n) {
				t.Errorf("field %s, term %q: bulk finds %d articles, normal %d", f, term, len(b), len(n))
			}
		}
	}

	// The names learned from bylines are words of the body in both, in
	// the same articles (the test dictionary alone cuts them apart).
	for _, name := range []string{"尉迟敬德", "欧阳修远", "上官婉儿"} {
		if got := words(t, nil, "记者"+name); slices.Contains(got, name) {
			t.Fatalf("%s is a word before it is learned: %q", name, got)
		}
		q := bleve.NewTermQuery(name)
		q.SetField(field.Body)
		if b, n := hitIDs(t, bix, q), hitIDs(t, nix, q); len(n) == 0 || !slices.Equal(b, n) {
			t.Errorf("learned %s: bulk finds %d articles by the word, normal %d (want the same, some)", name, len(b), len(n))
		}
	}

	// Positions: a phrase of character pairs finds the same articles.
	for _, phrase := range []string{"项目开工", "国务院新闻办公室", "第二批项目"} {
		pairs, _ := segment.CharPhrase(segment.Normalize(phrase))
		q := bleve.NewPhraseQuery(pairs, field.Body+CharSuffix)
		b, n := hitIDs(t, bix, q), hitIDs(t, nix, q)
		if len(n) == 0 || !slices.Equal(b, n) {
			t.Errorf("phrase %s: bulk finds %d articles, normal %d (want the same, some)", phrase, len(b), len(n))
		}
	}

	// Learned names and the journal, as the normal path leaves them.
	bw, err := ReadLearnedWords(bulkDir)
	if err != nil {
		t.Fatal(err)
	}
	nw, err := ReadLearnedWords(normDir)
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(bw)
	slices.Sort(nw)
	if len(nw) == 0 || !slices.Equal(bw, nw) {
		t.Errorf("learned words: bulk %q, normal %q", bw, nw)
	}
	bj, err := OpenJournal(bulkDir)
	if err != nil {
		t.Fatal(err)
	}
	defer bj.Close()
	if bj.Len() != 3 || nj.Len() != 3 {
		t.Errorf("journal records %d files after a bulk build, %d after ingest; want 3", bj.Len(), nj.Len())
	}

}

// TestBuildOneSegment checks that a bulk build leaves one segment, so that
// nothing is left to merge once the index is open.
func TestBuildOneSegment(t *testing.T) {
	in := t.TempDir()
	writeBuildInputs(t, in, 1, 50) // no repeated ID in one file
	dir := filepath.Join(t.TempDir(), "index")
	sum, err := Build(dir, []string{in}, IngestOptions{Dict: segment.DictTest, BatchSize: 8})
	if err != nil || sum.Articles != 50 {
		t.Fatalf("build: %d articles, %v", sum.Articles, err)
	}
	if segs := segmentFiles(t, dir); len(segs) != 1 {
		t.Errorf("bulk index has %d segments (%v), want 1", len(segs), segs)
	}
	ix, err := OpenExisting(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if n := docCount(t, ix); n != 50 {
		t.Errorf("%d articles, want 50", n)
	}
}

func errorTexts(errs []error) []string {
	var out []string
	for _, e := range errs {
		out = append(out, e.Error())
	}
	return out
}

func storedArticle(ix *Index, id string) (*article.Article, error) {
	req := bleve.NewSearchRequest(bleve.NewDocIDQuery([]string{id}))
	req.Fields = []string{FieldStored}
	res, err := ix.Bleve().Search(req)
	if err != nil {
		return nil, err
	}
	if len(res.Hits) != 1 {
		return nil, fmt.Errorf("article %s: %d hits", id, len(res.Hits))
	}
	js, _ := res.Hits[0].Fields[FieldStored].(string)
	a, err := DecodeStored([]byte(js))
	if err != nil {
		return nil, fmt.Errorf("article %s: %w", id, err)
	}
	return a, nil
}

// fieldTerms returns the terms of a field.
func fieldTerms(t *testing.T, ix *Index, field string) map[string]bool {
	t.Helper()
	d, err := ix.Bleve().FieldDict(field)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	out := map[string]bool{}
	for {
		e, err := d.Next()
		if err != nil {
			t.Fatal(err)
		}
		if e == nil {
			return out
		}
		out[e.Term] = true
	}
}

func hitIDs(t *testing.T, ix *Index, q query.Query) []string {
	t.Helper()
	req := bleve.NewSearchRequestOptions(q, 1000, 0, false)
	res, err := ix.Bleve().Search(req)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, h := range res.Hits {
		ids = append(ids, h.ID)
	}
	slices.Sort(ids)
	return ids
}

// segmentFiles lists the segment files of the index in dir.
func segmentFiles(t *testing.T, dir string) []string {
	t.Helper()
	segs, err := filepath.Glob(filepath.Join(dir, "store", "*.zap"))
	if err != nil {
		t.Fatal(err)
	}
	return segs
}

func TestBuildNothingToIndex(t *testing.T) {
	in := t.TempDir()
	p := filepath.Join(in, "bad.jsonl")
	if err := os.WriteFile(p, []byte(`{"id":"x","date":"no date","headline":"h"}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "index")
	sum, err := Build(dir, []string{p}, IngestOptions{Dict: segment.DictTest})
	if err != nil {
		t.Fatal(err)
	}
	if len(sum.Errors) != 1 || sum.Articles != 0 {
		t.Errorf("summary %+v, want the one bad record reported", sum)
	}
	ix, err := OpenExisting(dir, Options{})
	if err != nil {
		t.Fatalf("no empty index left: %v", err)
	}
	defer ix.Close()
	if n := docCount(t, ix); n != 0 {
		t.Errorf("%d articles, want none", n)
	}
}

func TestBuildRefusesExistingFolder(t *testing.T) {
	in := t.TempDir()
	writeBuildInputs(t, in, 1, 3)
	dir := newTestIndexDir(t)
	if _, err := Build(dir, []string{in}, IngestOptions{Dict: segment.DictTest}); err == nil {
		t.Fatal("bulk build into an existing index: no error")
	}
	ix, err := OpenExisting(dir, Options{})
	if err != nil {
		t.Fatalf("existing index damaged: %v", err)
	}
	ix.Close()
}

func TestUseBulk(t *testing.T) {
	in := t.TempDir()
	writeBuildInputs(t, in, 1, 3)
	fresh := filepath.Join(t.TempDir(), "index")
	if UseBulk(fresh, []string{in}) {
		t.Error("bulk for a few records")
	}
	big := filepath.Join(in, "big.jsonl")
	if err := os.WriteFile(big, make([]byte, BulkMinBytes), 0o644); err != nil {
		t.Fatal(err)
	}
	if !UseBulk(fresh, []string{in}) {
		t.Error("no bulk for a fresh index of large inputs")
	}
	if UseBulk(newTestIndexDir(t), []string{in}) {
		t.Error("bulk into an existing index")
	}
}

// TestBuildAfterKilledBuild checks that what a killed build leaves (its
// side folder, never the index folder) does not stand in the way of the
// next build.
func TestBuildAfterKilledBuild(t *testing.T) {
	in := t.TempDir()
	writeBuildInputs(t, in, 1, 10)
	dir := filepath.Join(t.TempDir(), "index")
	if err := os.MkdirAll(filepath.Join(dir+".creating", "store"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir+".creating", "store", "000000000001.zap"), []byte("half"), 0o644); err != nil {
		t.Fatal(err)
	}
	sum, err := Build(dir, []string{in}, IngestOptions{Dict: segment.DictTest})
	if err != nil || sum.Articles != 10 {
		t.Fatalf("build after a killed one: %d articles, %v", sum.Articles, err)
	}
	if _, err := os.Stat(dir + ".creating"); !os.IsNotExist(err) {
		t.Errorf("side folder still there: %v", err)
	}
	ix, err := OpenExisting(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if n := docCount(t, ix); n != 10 {
		t.Errorf("%d articles, want 10", n)
	}
}

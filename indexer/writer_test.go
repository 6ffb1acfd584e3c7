package indexer

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"

	"baoku/indexer/article"
	"baoku/indexer/field"
	"baoku/segment"
)

func memIndex(t *testing.T) *Index {
	t.Helper()
	ix, err := NewMem(Options{Dict: segment.DictTest})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

func count(t *testing.T, ix *Index) uint64 {
	t.Helper()
	n, err := ix.Bleve().DocCount()
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestIngestJSONLFixture(t *testing.T) {
	ix := memIndex(t)
	sum, err := Ingest(NewWriter(ix, 2), []string{"testdata/records.jsonl"}, IngestOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Articles != 3 || sum.Files != 1 || len(sum.Errors) != 0 {
		t.Fatalf("summary = %+v", sum)
	}
	if n := count(t, ix); n != 3 {
		t.Fatalf("doc count = %d, want 3", n)
	}
	// The record without a headline gets one derived from its lead.
	q := bleve.NewDocIDQuery([]string{article.StableID("record", "晋西晚报", "r3")})
	req := bleve.NewSearchRequest(q)
	req.Fields = []string{FieldStored}
	res, err := ix.Bleve().Search(req)
	if err != nil || len(res.Hits) != 1 {
		t.Fatalf("r3: %v %v", res, err)
	}
	stored, _ := res.Hits[0].Fields[FieldStored].(string)
	if a, err := DecodeStored([]byte(stored)); err != nil || a.Headline != "吕梁市第五届全民健身运动会开幕" || !a.HeadlineDerived {
		t.Errorf("r3 stored = %+v, %v", a, err)
	}
	// Section and date are searchable as exact values.
	sq := bleve.NewTermQuery("民生")
	sq.SetField(field.Section)
	if res, err := ix.Bleve().Search(bleve.NewSearchRequest(sq)); err != nil || res.Total != 1 {
		t.Errorf("section 民生: %v, %v", res, err)
	}
}

func TestReindexReplaces(t *testing.T) {
	ix := memIndex(t)
	for range 2 {
		if _, err := Ingest(NewWriter(ix, 0), []string{"testdata/records.jsonl", "../data/pages"}, IngestOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	if n := count(t, ix); n != 3+8 {
		t.Fatalf("after indexing twice: %d articles, want %d", n, 3+8)
	}
}

func TestIngestBadInput(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.jsonl")
	bad := filepath.Join(dir, "bad.jsonl")
	os.WriteFile(good, []byte(`{"id":"1","paper":"P","date":"2023-01-02","headline":"标题一","body":"正文"}`+"\n"), 0o644)
	os.WriteFile(bad, []byte(strings.Join([]string{
		`{"id":"2","paper":"P","date":"2023-01-02","headline":"好的","body":"正文"}`,
		`{"id":"3","paper":"P","date":"2023-01-02","headline":`,
		`{"id":"4","paper":"P","date":"2023-02-30","headline":"坏日期","body":"x"}`,
		`{"id":"5","paper":"P","date":"2023-01-02","headline":"类型错","body":"x","reporters":"张三"}`,
		`{"id":"6","paper":"P","date":"2023-01-03","headline":"也好","body":"正文"}`,
	}, "\n")), 0o644)
	ix := memIndex(t)
	missing := filepath.Join(dir, "missing.jsonl")
	sum, err := Ingest(NewWriter(ix, 0), []string{good, missing, bad}, IngestOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Articles != 3 {
		t.Errorf("indexed %d articles, want 3 (1 good file + 2 good lines)", sum.Articles)
	}
	var msgs []string
	for _, e := range sum.Errors {
		msgs = append(msgs, e.Error())
	}
	all := strings.Join(msgs, "\n")
	for _, want := range []string{
		missing + ": no such file or directory",
		bad + ":2: malformed JSON",
		bad + ":3: field \"date\": \"2023-02-30\"",
		bad + ":4: field \"reporters\"",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("errors lack %q:\n%s", want, all)
		}
	}
	if len(sum.Errors) != 4 {
		t.Errorf("%d errors, want 4:\n%s", len(sum.Errors), all)
	}
}

func TestIngestUnreadableFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		// root reads folders whatever their mode; use a path that is a
		// file where a folder is expected instead.
		dir := t.TempDir()
		f := filepath.Join(dir, "notadir")
		os.WriteFile(f, []byte("x"), 0o644)
		sum, _ := Ingest(NewWriter(memIndex(t), 0), []string{filepath.Join(f, "sub")}, IngestOptions{})
		if len(sum.Errors) != 1 || !strings.Contains(sum.Errors[0].Error(), filepath.Join(f, "sub")) {
			t.Errorf("errors = %v", sum.Errors)
		}
		return
	}
	dir := t.TempDir()
	locked := filepath.Join(dir, "locked")
	os.Mkdir(locked, 0o000)
	t.Cleanup(func() { os.Chmod(locked, 0o755) })
	sum, _ := Ingest(NewWriter(memIndex(t), 0), []string{dir}, IngestOptions{})
	if len(sum.Errors) != 1 || !strings.Contains(sum.Errors[0].Error(), locked) {
		t.Errorf("errors = %v", sum.Errors)
	}
}

func TestPageSidecar(t *testing.T) {
	dir := t.TempDir()
	src, err := os.ReadFile("../data/pages/lvliang-2023-07-22-01.txt")
	if err != nil {
		t.Fatal(err)
	}
	page := filepath.Join(dir, "scan-0042.txt")
	os.WriteFile(page, src, 0o644)
	os.WriteFile(page+".json", []byte(`{"paper":"吕梁日报","page":"1","section":"要闻"}`), 0o644)
	arts, _, err := ReadPageFile(page)
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) == 0 || arts[0].Section != "要闻" || arts[0].Paper != "吕梁日报" || arts[0].Page != "1" {
		t.Fatalf("first article = %+v", arts[0])
	}
	os.WriteFile(page+".json", []byte(`{"paper":`), 0o644)
	if _, _, err := ReadPageFile(page); err == nil || !strings.Contains(err.Error(), page+".json") {
		t.Errorf("malformed sidecar: err = %v", err)
	}
}

func TestSchemaVersionChecked(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	ix, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	ix.Close()
	ix, err = OpenExisting(dir, Options{})
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	// An index from another version of the schema is refused, by name.
	if err := ix.Bleve().SetInternal(schemaKey, []byte("baoku-1")); err != nil {
		t.Fatal(err)
	}
	ix.Close()
	for _, open := range []func(string, Options) (*Index, error){Open, OpenExisting} {
		_, err := open(dir, Options{})
		if !errors.Is(err, ErrSchema) || !strings.Contains(err.Error(), dir) || !strings.Contains(err.Error(), "baoku-1") {
			t.Errorf("old schema: err = %v", err)
		}
	}
}

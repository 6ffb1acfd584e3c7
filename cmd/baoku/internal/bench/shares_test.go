package bench

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"baoku/indexer/article"
)

// testRecords are n invented article records as JSON Lines.
func testRecords(n int) [][]byte {
	var lines [][]byte
	for i := 0; i < n; i++ {
		lines = append(lines, []byte(fmt.Sprintf(
			`{"id":"r%d","paper":"测试日报","date":"2020-01-%02d","headline":"第%d条消息","body":"小镇的清晨很安静。\n河边有人钓鱼，第%d天"}`,
			i, 1+i%28, i, i)))
	}
	return lines
}

func TestWriteShares(t *testing.T) {
	work := t.TempDir()
	lines := testRecords(40)
	var kept []*article.Article
	subs, err := writeShares(work, len(lines), func(i int) []byte { return lines[i] }, true,
		func(a *article.Article) { kept = append(kept, a) })
	if err != nil {
		t.Fatal(err)
	}
	type share struct {
		Fraction float64
		Files    int
		Loads    int
		Articles int
	}
	var got []share
	for _, s := range subs {
		got = append(got, share{s.fraction, len(s.files), len(s.loads), s.articles})
	}
	want := []share{{0.25, 1, 1, 10}, {0.5, 2, 2, 20}, {1, 3, 3, 40}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("shares (-want +got):\n%s", diff)
	}
	if len(kept) != 40 {
		t.Errorf("%d articles kept, want 40", len(kept))
	}
	var raw int64
	for _, a := range kept {
		raw += int64(len(a.Headline) + len(a.Body))
	}
	if subs[2].rawBytes != raw {
		t.Errorf("rawBytes = %d, want %d", subs[2].rawBytes, raw)
	}
	// The second chunk's load command holds its 10 stories, with the IDs
	// Baoku gives them.
	load, err := os.ReadFile(subs[1].loads[1])
	if err != nil {
		t.Fatal(err)
	}
	head, body, _ := bytes.Cut(load, []byte("\n"))
	if string(head) != "load --table Stories" {
		t.Errorf("load command starts %q", head)
	}
	var recs []groongaRecord
	if err := json.Unmarshal(body, &recs); err != nil {
		t.Fatalf("load values: %v", err)
	}
	if len(recs) != 10 || recs[0].Key != kept[10].ID || recs[9].Body != kept[19].Body {
		t.Errorf("load values: %d records, first %q (want %q)", len(recs), recs[0].Key, kept[10].ID)
	}
	for _, name := range []string{subs[0].groongaCreate, subs[0].groongaIndex} {
		if _, err := os.Stat(name); err != nil {
			t.Error(err)
		}
	}
}

func TestSQLiteIndexAndSearch(t *testing.T) {
	work := t.TempDir()
	in := filepath.Join(work, "in.jsonl")
	if err := os.WriteFile(in, bytes.Join(testRecords(30), []byte("\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(work, "sqlite")
	if err := runSQLiteIndex([]string{"-index", dir, "-batch", "7", in}); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", "file:"+filepath.Join(dir, sqliteFile)+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ask := func(q string, extra ...string) sqliteResult {
		t.Helper()
		v := url.Values{"q": {q}}
		for i := 0; i+1 < len(extra); i += 2 {
			v.Set(extra[i], extra[i+1])
		}
		res, err := sqliteSearch(context.Background(), db, v)
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		return res
	}
	if res := ask(`"小镇的清晨"`); res.Total != 30 || len(res.Hits) != 10 || !strings.Contains(res.Hits[0].Snippet, "<mark>") {
		t.Errorf("phrase: total %d, %d hits, snippet %q", res.Total, len(res.Hits), res.Hits[0].Snippet)
	}
	if res := ask(`"第12条消息"`); res.Total != 1 || res.Hits[0].Headline != "第12条消息" {
		t.Errorf("one story: %+v", res)
	}
	if res := ask(`"第12条" "第12天"`); res.Total != 1 {
		t.Errorf("two terms: total %d, want 1", res.Total)
	}
	// The trigram tokenizer's blind spot: nothing under 3 characters.
	if res := ask(`"小镇"`); res.Total != 0 {
		t.Errorf("two characters: total %d, want 0 (trigrams)", res.Total)
	}
	res := ask(`"河边有人"`, "ids", "1", "size", "20", "offset", "20")
	if len(res.Hits) != 10 || res.Hits[0].Snippet != "" || res.Hits[0].ID == "" {
		t.Errorf("ids page: %d hits, first %+v", len(res.Hits), res.Hits[0])
	}
	if _, err := sqliteSearch(context.Background(), db, url.Values{"q": {`"unclosed`}}); err == nil {
		t.Error("bad MATCH expression: no error")
	}
}

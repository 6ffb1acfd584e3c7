package web

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"baoku/indexer"
	"baoku/indexer/article"
	"baoku/search"
	"baoku/segment"
)

const token = "s3cret-token"

// liveStore returns the writer of an index in a temporary folder holding
// arts, as the server has it.
func liveStore(t *testing.T, arts []*article.Article) (*indexer.Live, *indexer.Index) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "index")
	if err := indexer.Create(dir, segment.DictTest); err != nil {
		t.Fatal(err)
	}
	ix, err := indexer.OpenExisting(dir, indexer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	addArticles(t, ix, arts)
	live, err := indexer.NewLive(ix, 10)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { live.Close() })
	return live, ix
}

func adminRouter(t *testing.T, limits Limits) (http.Handler, *search.Engine) {
	t.Helper()
	live, ix := liveStore(t, secArticles())
	eng := secEngine(t, ix)
	return secRouter(t, eng, Options{Limits: limits, Admin: Admin{Token: token, Store: live}}), eng
}

func TestAdminAbsentWithoutToken(t *testing.T) {
	live, ix := liveStore(t, secArticles())
	for _, a := range []Admin{{}, {Store: live}} {
		h := secRouter(t, secEngine(t, ix), Options{Admin: a})
		for _, c := range []struct{ method, path string }{
			{"POST", "/api/admin/index"}, {"DELETE", "/api/admin/articles/calm"}, {"POST", "/api/admin/backup"},
		} {
			rec := serve(t, h, c.method, c.path, strings.NewReader("[]"),
				"Authorization", "Bearer ", "Content-Type", "application/json")
			if rec.Code != http.StatusNotFound {
				t.Errorf("%s %s without a configured token: status %d, want 404", c.method, c.path, rec.Code)
			}
		}
	}
}

func TestAdminNeedsToken(t *testing.T) {
	h, eng := adminRouter(t, Limits{})
	for _, auth := range []string{"", "Bearer", "Bearer ", "Bearer wrong", "bearer " + token, "Basic " + token,
		"Bearer " + token + "x", "Bearer " + token[:len(token)-1], token} {
		for _, c := range []struct{ method, path string }{
			{"POST", "/api/admin/index"}, {"DELETE", "/api/admin/articles/calm"}, {"POST", "/api/admin/backup"},
		} {
			rec := serve(t, h, c.method, c.path, strings.NewReader(`{"headline":"不该进来","date":"2023-01-01"}`),
				"Authorization", auth, "Content-Type", "application/json")
			if rec.Code != http.StatusUnauthorized {
				t.Errorf("%s %s with Authorization %q: status %d, want 401", c.method, c.path, auth, rec.Code)
			}
		}
	}
	if _, err := eng.Article(context.Background(), "calm"); err != nil {
		t.Errorf("an unauthorised delete removed the article: %v", err)
	}
	if n, _ := eng.Count(); n != uint64(len(secArticles())) {
		t.Errorf("count %d after unauthorised requests, want %d", n, len(secArticles()))
	}
}

func adminDo(t *testing.T, h http.Handler, method, path, ctype string, body io.Reader) *httpResult {
	t.Helper()
	rec := serve(t, h, method, path, body, "Authorization", "Bearer "+token, "Content-Type", ctype)
	return &httpResult{rec.Code, rec.Body.String()}
}

type httpResult struct {
	code int
	body string
}

func (r *httpResult) report(t *testing.T) IngestReport {
	t.Helper()
	var rep IngestReport
	if err := json.Unmarshal([]byte(r.body), &rep); err != nil {
		t.Fatalf("status %d, body %q: %v", r.code, r.body, err)
	}
	return rep
}

func totalFor(t *testing.T, eng *search.Engine, q string) uint64 {
	t.Helper()
	res, err := eng.Search(context.Background(), search.Request{Query: q, NoFacets: true})
	if err != nil {
		t.Fatal(err)
	}
	return res.Total
}

func TestAdminIngestJSON(t *testing.T) {
	h, eng := adminRouter(t, Limits{})
	body := `[{"id":"n1","paper":"测试日报","date":"2023-09-01","headline":"新上传的稿件","body":"水库蓄水。"},
	{"id":"n2","paper":"测试日报","date":"2023-02-30","headline":"日期不对","body":"x"},
	{"id":"n3","paper":"测试日报","date":"2023-09-02","headline":["类型错了"],"body":"x"}]`
	r := adminDo(t, h, "POST", "/api/admin/index", "application/json", strings.NewReader(body))
	if r.code != http.StatusOK {
		t.Fatalf("status %d: %s", r.code, r.body)
	}
	rep := r.report(t)
	if rep.Articles != 1 || rep.BadLines != 2 || rep.Total != uint64(len(secArticles())+1) {
		t.Errorf("report %+v; want 1 article, 2 bad lines, total %d", rep, len(secArticles())+1)
	}
	if got := totalFor(t, eng, "水库"); got != 1 {
		t.Errorf("new article: %d hits right after the upload, want 1", got)
	}
	// A single object works too, and the same id replaces.
	r = adminDo(t, h, "POST", "/api/admin/index", "application/json",
		strings.NewReader(`{"id":"n1","paper":"测试日报","date":"2023-09-01","headline":"改过的稿件","body":"水库放水。"}`))
	if rep := r.report(t); rep.Articles != 1 || rep.Total != uint64(len(secArticles())+1) {
		t.Errorf("replacing upload: %+v", rep)
	}
	if got := totalFor(t, eng, "放水"); got != 1 {
		t.Errorf("replaced article not found: %d hits", got)
	}
	for _, bad := range []string{"", "nonsense", `"a string"`, `[1,2`} {
		if r := adminDo(t, h, "POST", "/api/admin/index", "application/json", strings.NewReader(bad)); r.code != http.StatusBadRequest {
			t.Errorf("body %q: status %d, want 400", bad, r.code)
		}
	}
	if r := adminDo(t, h, "POST", "/api/admin/index", "text/plain", strings.NewReader("x")); r.code != http.StatusBadRequest {
		t.Errorf("text/plain body: status %d, want 400", r.code)
	}
}

// multipartBody builds an upload of named files.
func multipartBody(t *testing.T, files map[string][]byte) (string, *bytes.Buffer) {
	t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	for name, data := range files {
		fw, err := mw.CreateFormFile("files", name)
		if err != nil {
			t.Fatal(err)
		}
		fw.Write(data)
	}
	mw.WriteField("note", "a form field, not a file")
	mw.Close()
	return mw.FormDataContentType(), &b
}

func TestAdminUploadFiles(t *testing.T) {
	h, eng := adminRouter(t, Limits{})
	page, err := os.ReadFile(filepath.Join("..", "data", "pages", "lvliang-2023-07-22-01.txt"))
	if err != nil {
		t.Fatal(err)
	}
	records := `{"id":"u1","paper":"测试日报","date":"2023-10-01","headline":"上传文件里的稿件","body":"秋收开始了。"}
{"id":"u2","paper":"测试日报","date":"2023-10-02","headline":"第二篇","body":"秋收进行中。"}
not json at all
`
	ctype, body := multipartBody(t, map[string][]byte{
		"lvliang-2023-07-22-01.txt": page,
		"../../etc/records.jsonl":   []byte(records),
		"garbage.jsonl":             {0, 1, 2, 3, 0xff, 0xfe, '\n', 0, 0},
	})
	r := adminDo(t, h, "POST", "/api/admin/index", ctype, body)
	if r.code != http.StatusOK {
		t.Fatalf("status %d: %s", r.code, r.body)
	}
	rep := r.report(t)
	if rep.Files != 3 || rep.Articles < 3 || rep.BadFiles != 1 || rep.BadLines != 1 {
		t.Errorf("report %+v; want 3 files, the page's articles and 2 records, 1 bad file, 1 bad line", rep)
	}
	if got := totalFor(t, eng, "秋收"); got != 2 {
		t.Errorf("uploaded records: %d hits, want 2", got)
	}
	if got := totalFor(t, eng, "吕梁"); got == 0 {
		t.Error("uploaded page: no article found")
	}
	joined := strings.Join(rep.Errors, "\n")
	if !strings.Contains(joined, "garbage.jsonl") || !strings.Contains(joined, "records.jsonl:3") {
		t.Errorf("errors do not name the uploaded files: %q", joined)
	}
	for _, leak := range []string{"baoku-upload", os.TempDir(), "/etc"} {
		if strings.Contains(r.body, leak) {
			t.Errorf("answer leaks %q: %s", leak, r.body)
		}
	}

	ctype, body = multipartBody(t, map[string][]byte{"run.sh": []byte("rm -rf /")})
	if r := adminDo(t, h, "POST", "/api/admin/index", ctype, body); r.code != http.StatusBadRequest {
		t.Errorf("upload of run.sh: status %d, want 400", r.code)
	}
	ctype, body = multipartBody(t, nil)
	if r := adminDo(t, h, "POST", "/api/admin/index", ctype, body); r.code != http.StatusBadRequest {
		t.Errorf("upload without files: status %d, want 400", r.code)
	}
}

func TestAdminUploadTooLarge(t *testing.T) {
	h, eng := adminRouter(t, Limits{MaxBody: 1 << 10})
	big := fmt.Sprintf(`{"id":"big","paper":"测试日报","date":"2023-10-01","headline":"太大","body":"%s"}`, strings.Repeat("长", 1000))
	for _, c := range []struct{ ctype, body string }{
		{"application/json", big}, {"application/x-ndjson", big + "\n"},
	} {
		r := adminDo(t, h, "POST", "/api/admin/index", c.ctype, strings.NewReader(c.body))
		if r.code != http.StatusRequestEntityTooLarge && r.code != http.StatusBadRequest {
			t.Errorf("%s body over the limit: status %d, want 413 or 400", c.ctype, r.code)
		}
	}
	ctype, body := multipartBody(t, map[string][]byte{"big.jsonl": []byte(big)})
	if r := adminDo(t, h, "POST", "/api/admin/index", ctype, body); r.code != http.StatusRequestEntityTooLarge {
		t.Errorf("upload over the limit: status %d, want 413", r.code)
	}
	if _, err := eng.Article(context.Background(), article.StableID("record", "测试日报", "big")); err == nil {
		t.Error("the article of a body over the limit was indexed")
	}
}

func TestAdminDelete(t *testing.T) {
	h, eng := adminRouter(t, Limits{})
	if r := adminDo(t, h, "DELETE", "/api/admin/articles/calm", "", nil); r.code != http.StatusNoContent {
		t.Fatalf("delete: status %d: %s", r.code, r.body)
	}
	if _, err := eng.Article(context.Background(), "calm"); err == nil {
		t.Error("deleted article still there")
	}
	if rec := serve(t, h, "GET", "/api/articles/calm", nil); rec.Code != http.StatusNotFound {
		t.Errorf("deleted article: status %d, want 404", rec.Code)
	}
	if r := adminDo(t, h, "DELETE", "/api/admin/articles/calm", "", nil); r.code != http.StatusNotFound {
		t.Errorf("second delete: status %d, want 404", r.code)
	}
	if r := adminDo(t, h, "DELETE", "/api/admin/articles/"+url.PathEscape("../x"), "", nil); r.code != http.StatusNotFound {
		t.Errorf("delete of an odd id: status %d, want 404", r.code)
	}
}

// TestAdminBackupStreams takes a backup through the endpoint, unpacks it
// and opens it: it holds every article.
func TestAdminBackupStreams(t *testing.T) {
	h, eng := adminRouter(t, Limits{})
	r := adminDo(t, h, "POST", "/api/admin/backup", "", nil)
	if r.code != http.StatusOK {
		t.Fatalf("backup: status %d, body %q", r.code, r.body)
	}
	dest := filepath.Join(t.TempDir(), "copy")
	if err := indexer.ExtractBackup(strings.NewReader(r.body), dest); err != nil {
		t.Fatal(err)
	}
	cp, err := indexer.OpenExisting(dest, indexer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer cp.Close()
	got, err := cp.Bleve().DocCount()
	if err != nil {
		t.Fatal(err)
	}
	if want, _ := eng.Count(); got != want || want == 0 {
		t.Errorf("backup holds %d articles, the index %d", got, want)
	}
}

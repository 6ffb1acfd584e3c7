package web

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"baoku/indexer/article"
	"baoku/search"
)

// countingSearcher answers every search with no hits and reports a fixed
// article count. The embedded Searcher (nil) stands for the methods these
// tests do not call.
type countingSearcher struct {
	Searcher
	n uint64
}

func (s countingSearcher) Search(_ context.Context, r search.Request) (*search.Result, error) {
	if r.Query == "(" {
		return nil, search.ErrBadRequest
	}
	return &search.Result{Query: r.Query, Hits: []search.Hit{}}, nil
}

func (s countingSearcher) Article(_ context.Context, id string) (*article.Article, error) {
	return nil, search.ErrNotFound
}

func (s countingSearcher) Count() (uint64, error) { return s.n, nil }

func get(t *testing.T, h http.Handler, path string) (int, string) {
	t.Helper()
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, path, nil))
	body, _ := io.ReadAll(w.Body)
	return w.Code, string(body)
}

func TestMetrics(t *testing.T) {
	r, err := NewRouter(countingSearcher{n: 74545}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"/api/search?q=a", "/api/search?q=b", "/api/search?q=(", "/api/articles/x", "/no/such/page"} {
		get(t, r, p)
	}
	code, body := get(t, r, "/metrics")
	if code != http.StatusOK {
		t.Fatalf("GET /metrics: status %d, want 200", code)
	}
	for _, want := range []string{
		`baoku_http_requests_total{code="200",route="/api/search"} 2`,
		`baoku_http_requests_total{code="400",route="/api/search"} 1`,
		`baoku_http_requests_total{code="404",route="/api/articles/:id"} 1`,
		`baoku_http_requests_total{code="404",route="unmatched"} 1`,
		`baoku_http_request_duration_seconds_count{route="/api/search"} 3`,
		`baoku_http_request_duration_seconds_bucket{route="/api/search",le="+Inf"} 3`,
		`baoku_index_documents 74545`,
		`# TYPE baoku_http_request_duration_seconds histogram`,
		`go_goroutines `,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("GET /metrics: missing line %q in:\n%s", want, body)
		}
	}
	// The scrape itself is counted from the next scrape on.
	_, body = get(t, r, "/metrics")
	if want := `baoku_http_requests_total{code="200",route="/metrics"} 1`; !strings.Contains(body, want) {
		t.Errorf("second GET /metrics: missing %q", want)
	}
}

func TestMetricsSeparateRouters(t *testing.T) {
	a, err := NewRouter(countingSearcher{n: 1}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := NewRouter(countingSearcher{n: 2}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	get(t, a, "/api/search?q=a")
	_, body := get(t, b, "/metrics")
	if strings.Contains(body, `route="/api/search"`) {
		t.Errorf("router b reports requests served by router a:\n%s", body)
	}
	if !strings.Contains(body, "baoku_index_documents 2") {
		t.Errorf("router b: want baoku_index_documents 2 in:\n%s", body)
	}
}

package bench

import (
	"encoding/json"
	"fmt"
	"net/url"
	"strconv"

	"baoku/search"
)

// An engine is one of the search engines the bench measures: how it
// indexes a share of the stories, how it is served, how a query of the mix
// is written in its language and how its answers are read.
type engine interface {
	// name is the engine's key in the results: baoku, baseline, sqlite, groonga.
	name() string
	// missing says why the engine cannot run on this machine; "" when it can.
	missing() string
	// ingest builds a new index of sub in dir and measures it.
	ingest(self, dir string, sub subset) (ingestRun, error)
	// command is the program and arguments that serve the index in dir on addr.
	command(self, dir, addr string) (string, []string)
	// request is the path and query of q's page of size hits from offset;
	// idsOnly asks for the IDs alone where the engine's server can leave out
	// snippets and facets.
	request(q benchQuery, size, offset int, idsOnly bool) string
	// decode reads an answer: the total and the IDs of the hits returned.
	decode(body []byte) (answer, error)
	// pageMax is the largest page the engine's server returns.
	pageMax() int
}

// answer is what an engine answered to one request.
type answer struct {
	total uint64
	ids   []string
}

// engines are all the engines the bench knows, in the order of the table.
func engines() []engine {
	return []engine{baokuEngine{}, baselineEngine{}, sqliteEngine{}, groongaEngine{}}
}

// engineLabels are the engines' names in the tables.
var engineLabels = map[string]string{
	"baoku": "Baoku", "baseline": "bleve", "sqlite": "SQLite", "groonga": "Groonga",
}

// decodeHits reads the answer of Baoku, the baseline and the SQLite server:
// {"total": N, "hits": [{"id": …}, …]}.
func decodeHits(body []byte) (answer, error) {
	var r struct {
		Total uint64 `json:"total"`
		Hits  []struct {
			ID string `json:"id"`
		} `json:"hits"`
	}
	if err := json.Unmarshal(body, &r); err != nil {
		return answer{}, fmt.Errorf("decode answer: %w", err)
	}
	a := answer{total: r.Total, ids: make([]string, len(r.Hits))}
	for i, h := range r.Hits {
		a.ids[i] = h.ID
	}
	return a, nil
}

// baokuEngine is Baoku itself: `baoku index` and `baoku serve`.
type baokuEngine struct{}

func (baokuEngine) name() string    { return "baoku" }
func (baokuEngine) missing() string { return "" }
func (baokuEngine) pageMax() int    { return search.MaxSize }

func (baokuEngine) ingest(self, dir string, sub subset) (ingestRun, error) {
	return runIngest(dir, procStep{argv: append([]string{self, "index", "-q", "-index", dir}, sub.files...)})
}

func (baokuEngine) command(self, dir, addr string) (string, []string) {
	return self, []string{"serve", "-index", dir, "-addr", addr}
}

func (baokuEngine) request(q benchQuery, size, offset int, _ bool) string {
	// Every printing its own hit, as the other engines and the truth
	// count stories.
	return "/api/search?" + url.Values{
		"q": {q.baoku()}, "size": {strconv.Itoa(size)}, "page": {strconv.Itoa(offset/size + 1)}, "reprints": {"1"},
	}.Encode()
}

func (baokuEngine) decode(body []byte) (answer, error) { return decodeHits(body) }

// baselineEngine is plain bleve (baseline.go), run by this binary.
type baselineEngine struct{}

func (baselineEngine) name() string    { return "baseline" }
func (baselineEngine) missing() string { return "" }
func (baselineEngine) pageMax() int    { return fetchLimit }

func (baselineEngine) ingest(self, dir string, sub subset) (ingestRun, error) {
	return runIngest(dir, procStep{argv: append([]string{self, "bench", "baseline-index", "-index", dir}, sub.files...)})
}

func (baselineEngine) command(self, dir, addr string) (string, []string) {
	return self, []string{"bench", "baseline-serve", "-index", dir, "-addr", addr}
}

func (baselineEngine) request(q benchQuery, size, offset int, idsOnly bool) string {
	v := url.Values{"q": {q.bleve()}, "size": {strconv.Itoa(size)}, "from": {strconv.Itoa(offset)}}
	if idsOnly {
		v.Set("ids", "1")
	}
	return "/api/search?" + v.Encode()
}

func (baselineEngine) decode(body []byte) (answer, error) { return decodeHits(body) }

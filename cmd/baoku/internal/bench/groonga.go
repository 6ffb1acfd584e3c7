package bench

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	"baoku/indexer/article"
)

// The Groonga peer is Debian's groonga-bin run as it is documented: a
// table of stories, a lexicon cut by TokenBigram with NormalizerAuto, one
// index column over the four searched fields with positions and sections
// (so a phrase is a sequence of bigrams that never crosses a field), built
// after the load (static indexing, Groonga's fast way for a bulk load).
// Ingest is two groonga processes: one creates the database and its
// columns, one loads the stories and builds the index. It is served by
// `groonga -s --protocol http` with match escalation off, so that a phrase
// stays exact instead of falling back to a looser match when it finds
// nothing; queries go to /d/select with match_columns and query.

// groongaBin is Groonga's command.
const groongaBin = "groonga"

// groongaCreate creates the table and its data columns.
const groongaCreate = `table_create Stories TABLE_HASH_KEY ShortText
column_create Stories paper COLUMN_SCALAR ShortText
column_create Stories date COLUMN_SCALAR ShortText
column_create Stories page COLUMN_SCALAR ShortText
column_create Stories section COLUMN_SCALAR ShortText
column_create Stories source COLUMN_SCALAR ShortText
column_create Stories reporters COLUMN_VECTOR ShortText
column_create Stories kicker COLUMN_SCALAR Text
column_create Stories headline COLUMN_SCALAR Text
column_create Stories subtitle COLUMN_SCALAR Text
column_create Stories body COLUMN_SCALAR LongText
`

// groongaIndex builds the lexicon and the index column after the load.
const groongaIndex = `table_create Terms TABLE_PAT_KEY ShortText --default_tokenizer TokenBigram --normalizer NormalizerAuto
column_create Terms stories_text COLUMN_INDEX|WITH_POSITION|WITH_SECTION Stories kicker,headline,subtitle,body
`

// groongaMatch are the columns a query searches, the headline weighted
// three times as in Baoku.
const groongaMatch = "kicker || headline * 3 || subtitle || body"

// groongaEngine is the Groonga peer.
type groongaEngine struct{}

func (groongaEngine) name() string { return "groonga" }
func (groongaEngine) pageMax() int { return fetchLimit }

func (groongaEngine) missing() string {
	if _, err := exec.LookPath(groongaBin); err != nil {
		return "groonga is not installed (Debian package groonga-bin)"
	}
	return ""
}

// groongaLog is where Groonga's processes log, beside the index folder so
// that the log is not counted in the index size.
func groongaLog(dir string) string { return filepath.Join(filepath.Dir(dir), "groonga.log") }

func (groongaEngine) ingest(_, dir string, sub subset) (ingestRun, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return ingestRun{}, err
	}
	db, log := filepath.Join(dir, "db"), groongaLog(dir)
	loaded := 0
	create := procStep{
		argv:  []string{groongaBin, "--log-path", log, "-n", db},
		stdin: []string{sub.groongaCreate},
		check: func(out []byte) error { _, err := groongaOutput(out); return err },
	}
	load := procStep{
		argv:  []string{groongaBin, "--log-path", log, db},
		stdin: append(append([]string{}, sub.loads...), sub.groongaIndex),
		check: func(out []byte) error {
			var err error
			loaded, err = groongaOutput(out)
			return err
		},
	}
	run, err := runIngest(dir, create, load)
	if err == nil && loaded != sub.articles {
		err = fmt.Errorf("groonga loaded %d of %d stories", loaded, sub.articles)
	}
	return run, err
}

// groongaOutput checks the answers a groonga process printed to the
// commands it read, one a line, and returns the number of records loaded.
func groongaOutput(out []byte) (int, error) {
	loaded := 0
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 64<<10), 16<<20)
	for line := 1; sc.Scan(); line++ {
		var answer []json.RawMessage
		if err := json.Unmarshal(sc.Bytes(), &answer); err != nil || len(answer) < 1 {
			return 0, fmt.Errorf("answer %d: not Groonga's: %s", line, tail(sc.Text(), 200))
		}
		if err := groongaStatus(answer[0]); err != nil {
			return 0, fmt.Errorf("answer %d: %w", line, err)
		}
		var n int
		if len(answer) > 1 && json.Unmarshal(answer[1], &n) == nil {
			loaded += n
		}
	}
	return loaded, sc.Err()
}

// groongaStatus reads the header of a Groonga answer, [rc, start, elapsed,
// message…], and returns the error it reports.
func groongaStatus(header json.RawMessage) error {
	var h []any
	if err := json.Unmarshal(header, &h); err != nil || len(h) < 1 {
		return fmt.Errorf("bad header %s", tail(string(header), 200))
	}
	if rc, _ := h[0].(float64); rc != 0 {
		msg := ""
		if len(h) > 3 {
			msg = fmt.Sprint(h[3])
		}
		return fmt.Errorf("groonga error %v: %s", h[0], msg)
	}
	return nil
}

func (groongaEngine) command(_, dir, addr string) (string, []string) {
	host, port, _ := strings.Cut(addr, ":")
	return groongaBin, []string{"-s", "--protocol", "http", "--bind-address", host, "--port", port,
		"--default-match-escalation-threshold", "-1", "--log-path", groongaLog(dir), filepath.Join(dir, "db")}
}

func (groongaEngine) request(q benchQuery, size, offset int, idsOnly bool) string {
	v := url.Values{
		"table": {"Stories"}, "match_columns": {groongaMatch}, "query": {q.groonga()},
		"limit": {strconv.Itoa(size)}, "offset": {strconv.Itoa(offset)}, "match_escalation_threshold": {"-1"},
	}
	if idsOnly {
		v.Set("output_columns", "_key")
	} else {
		v.Set("output_columns", "_key,headline,date,snippet_html(body),_score")
		v.Set("sort_keys", "-_score")
	}
	return "/d/select?" + v.Encode()
}

// decode reads a select answer: [header, [[[total], [columns…], [_key, …]…]]].
func (groongaEngine) decode(body []byte) (answer, error) {
	var r []json.RawMessage
	if err := json.Unmarshal(body, &r); err != nil || len(r) < 1 {
		return answer{}, fmt.Errorf("not a Groonga answer: %s", tail(string(body), 200))
	}
	if err := groongaStatus(r[0]); err != nil {
		return answer{}, err
	}
	var sets [][]json.RawMessage
	if len(r) < 2 || json.Unmarshal(r[1], &sets) != nil || len(sets) < 1 || len(sets[0]) < 2 {
		return answer{}, fmt.Errorf("no result set in %s", tail(string(body), 200))
	}
	set := sets[0]
	var total []uint64
	if err := json.Unmarshal(set[0], &total); err != nil || len(total) != 1 {
		return answer{}, fmt.Errorf("no total in %s", tail(string(body), 200))
	}
	a := answer{total: total[0], ids: []string{}}
	for _, row := range set[2:] {
		var cols []json.RawMessage
		var id string
		if err := json.Unmarshal(row, &cols); err != nil || len(cols) < 1 || json.Unmarshal(cols[0], &id) != nil {
			return answer{}, fmt.Errorf("bad row %s", tail(string(row), 200))
		}
		a.ids = append(a.ids, id)
	}
	return a, nil
}

// groongaRecord is a story as Groonga loads it.
type groongaRecord struct {
	Key       string   `json:"_key"`
	Paper     string   `json:"paper"`
	Date      string   `json:"date"`
	Page      string   `json:"page"`
	Section   string   `json:"section"`
	Source    string   `json:"source"`
	Reporters []string `json:"reporters"`
	Kicker    string   `json:"kicker"`
	Headline  string   `json:"headline"`
	Subtitle  string   `json:"subtitle"`
	Body      string   `json:"body"`
}

// groongaLoader writes a load command of stories for Groonga.
type groongaLoader struct {
	w io.Writer
	n int
}

func (l *groongaLoader) add(a *article.Article) error {
	js, err := json.Marshal(groongaRecord{
		Key: a.ID, Paper: a.Paper, Date: a.Date, Page: a.Page, Section: a.Section, Source: a.Source,
		Reporters: a.Reporters, Kicker: a.Kicker, Headline: a.Headline, Subtitle: a.Subtitle, Body: a.Body,
	})
	if err != nil {
		return err
	}
	sep := ",\n"
	if l.n == 0 {
		sep = "load --table Stories\n[\n"
	}
	l.n++
	if _, err := io.WriteString(l.w, sep); err != nil {
		return err
	}
	_, err = l.w.Write(js)
	return err
}

// close ends the load command.
func (l *groongaLoader) close() error {
	if l.n == 0 {
		return nil
	}
	_, err := io.WriteString(l.w, "\n]\n")
	return err
}

package bench

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"

	_ "modernc.org/sqlite" // the SQLite driver, registered as "sqlite"

	"baoku/indexer/article"
)

// The SQLite peer is an FTS5 table with the trigram tokenizer, which finds
// any substring of 3 characters or more (and none shorter), ranked by
// FTS5's bm25 with the headline counting three times, snippets by its
// snippet(). It is built and served by this binary (`baoku bench
// sqlite-index` and `sqlite-serve`) through modernc.org/sqlite, SQLite
// compiled to Go: no cgo, so the binary stays one static file.

// sqliteFile is the database's name inside its index folder.
const sqliteFile = "stories.db"

// sqliteSchema creates the table: the searched fields indexed, the rest
// stored alone, with bm25 weights (0 for the columns that are not indexed)
// kept as the table's rank.
const sqliteSchema = `
PRAGMA page_size = 4096;
PRAGMA auto_vacuum = INCREMENTAL;
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
CREATE VIRTUAL TABLE stories USING fts5(
	id UNINDEXED, paper UNINDEXED, date UNINDEXED, page UNINDEXED, section UNINDEXED,
	source UNINDEXED, reporters UNINDEXED, kicker, headline, subtitle, body,
	tokenize = 'trigram'
);
INSERT INTO stories(stories, rank) VALUES('rank', 'bm25(0, 0, 0, 0, 0, 0, 0, 1, 3, 1, 1)');
`

// sqliteEngine is the SQLite FTS5 peer.
type sqliteEngine struct{}

func (sqliteEngine) name() string    { return "sqlite" }
func (sqliteEngine) missing() string { return "" } // the driver is built in
func (sqliteEngine) pageMax() int    { return fetchLimit }

func (sqliteEngine) ingest(self, dir string, sub subset) (ingestRun, error) {
	return runIngest(dir, procStep{argv: append([]string{self, "bench", "sqlite-index", "-index", dir}, sub.files...)})
}

func (sqliteEngine) command(self, dir, addr string) (string, []string) {
	return self, []string{"bench", "sqlite-serve", "-index", dir, "-addr", addr}
}

func (sqliteEngine) request(q benchQuery, size, offset int, idsOnly bool) string {
	v := url.Values{"q": {q.fts5()}, "size": {strconv.Itoa(size)}, "offset": {strconv.Itoa(offset)}}
	if idsOnly {
		v.Set("ids", "1")
	}
	return "/api/search?" + v.Encode()
}

func (sqliteEngine) decode(body []byte) (answer, error) { return decodeHits(body) }

// runSQLiteIndex builds the FTS5 table from JSON Lines article files.
func runSQLiteIndex(args []string) error {
	fs := flag.NewFlagSet("bench sqlite-index", flag.ContinueOnError)
	dir := fs.String("index", "", "index folder to create")
	batch := fs.Int("batch", 1000, "stories a transaction")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *dir == "" || fs.NArg() == 0 {
		return errors.New("usage: baoku bench sqlite-index -index DIR FILE.jsonl[.gz]...")
	}
	if err := os.MkdirAll(*dir, 0o755); err != nil {
		return err
	}
	path := filepath.Join(*dir, sqliteFile)
	db, err := sql.Open("sqlite", path)
	if err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1) // the pragmas hold for this connection
	if _, err := db.Exec(sqliteSchema); err != nil {
		return fmt.Errorf("create %s: %w", path, err)
	}
	l := &sqliteLoader{db: db, batch: *batch}
	for _, name := range fs.Args() {
		if err := baselineRead(name, l.add); err != nil {
			return fmt.Errorf("load %s into %s: %w", name, path, err)
		}
	}
	if err := l.commit(); err != nil {
		return fmt.Errorf("load into %s: %w", path, err)
	}
	// One b-tree per term, as a read-only archive would keep it, then the
	// pages that freed given back.
	for _, stmt := range []string{`INSERT INTO stories(stories) VALUES('optimize')`, `PRAGMA incremental_vacuum`} {
		if _, err := db.Exec(stmt); err != nil {
			return fmt.Errorf("%s on %s: %w", stmt, path, err)
		}
	}
	return db.Close()
}

// sqliteLoader inserts stories a transaction of batch at a time.
type sqliteLoader struct {
	db    *sql.DB
	batch int
	tx    *sql.Tx
	stmt  *sql.Stmt
	n     int
}

func (l *sqliteLoader) add(a *article.Article) error {
	if l.tx == nil {
		var err error
		if l.tx, err = l.db.Begin(); err != nil {
			return err
		}
		if l.stmt, err = l.tx.Prepare(`INSERT INTO stories VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`); err != nil {
			return err
		}
	}
	if _, err := l.stmt.Exec(a.ID, a.Paper, a.Date, a.Page, a.Section, a.Source,
		strings.Join(a.Reporters, " "), a.Kicker, a.Headline, a.Subtitle, a.Body); err != nil {
		return fmt.Errorf("insert %s: %w", a.ID, err)
	}
	if l.n++; l.n%l.batch == 0 {
		return l.commit()
	}
	return nil
}

func (l *sqliteLoader) commit() error {
	if l.tx == nil {
		return nil
	}
	l.stmt.Close()
	err := l.tx.Commit()
	l.tx, l.stmt = nil, nil
	return err
}

// sqliteHit is one hit as the SQLite server serves it.
type sqliteHit struct {
	ID       string  `json:"id"`
	Headline string  `json:"headline,omitempty"`
	Date     string  `json:"date,omitempty"`
	Snippet  string  `json:"snippet,omitempty"`
	Score    float64 `json:"score,omitempty"`
}

// runSQLiteServe serves the FTS5 table: GET /api/search?q=&size=&offset=
// [&ids=1], where q is an FTS5 MATCH expression; it answers {total, hits}
// with 10 hits by default, each with a snippet, best bm25 first (ids=1: the
// IDs alone, in table order).
func runSQLiteServe(args []string) error {
	fs := flag.NewFlagSet("bench sqlite-serve", flag.ContinueOnError)
	dir := fs.String("index", "", "index folder")
	addr := fs.String("addr", "127.0.0.1:8082", "address to listen on")
	if err := fs.Parse(args); err != nil {
		return err
	}
	path := filepath.Join(*dir, sqliteFile)
	if _, err := os.Stat(path); err != nil {
		return fmt.Errorf("open SQLite index: %w", err)
	}
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	defer db.Close()
	db.SetMaxOpenConns(2 * runtime.NumCPU())
	db.SetMaxIdleConns(2 * runtime.NumCPU())
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/search", func(w http.ResponseWriter, r *http.Request) {
		res, err := sqliteSearch(r.Context(), db, r.URL.Query())
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		json.NewEncoder(w).Encode(res)
	})
	return serveUntilSignal(*addr, mux)
}

// sqliteResult is the SQLite server's answer.
type sqliteResult struct {
	Total uint64      `json:"total"`
	Hits  []sqliteHit `json:"hits"`
}

// sqliteSearch answers one request of the SQLite server.
func sqliteSearch(ctx context.Context, db *sql.DB, v url.Values) (sqliteResult, error) {
	q := v.Get("q")
	size, _ := strconv.Atoi(v.Get("size"))
	if size <= 0 {
		size = 10
	}
	offset, _ := strconv.Atoi(v.Get("offset"))
	res := sqliteResult{Hits: []sqliteHit{}}
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM stories WHERE stories MATCH ?`, q).Scan(&res.Total); err != nil {
		return res, err
	}
	idsOnly := v.Get("ids") == "1"
	query := `SELECT id, headline, date, snippet(stories, -1, '<mark>', '</mark>', '…', 24), rank
		FROM stories WHERE stories MATCH ? ORDER BY rank LIMIT ? OFFSET ?`
	if idsOnly {
		query = `SELECT id FROM stories WHERE stories MATCH ? LIMIT ? OFFSET ?`
	}
	rows, err := db.QueryContext(ctx, query, q, size, max(offset, 0))
	if err != nil {
		return res, err
	}
	defer rows.Close()
	for rows.Next() {
		var h sqliteHit
		if idsOnly {
			err = rows.Scan(&h.ID)
		} else {
			err = rows.Scan(&h.ID, &h.Headline, &h.Date, &h.Snippet, &h.Score)
		}
		if err != nil {
			return res, err
		}
		res.Hits = append(res.Hits, h)
	}
	return res, rows.Err()
}

// serveUntilSignal serves h on addr until SIGINT or SIGTERM.
func serveUntilSignal(addr string, h http.Handler) error {
	srv := &http.Server{Addr: addr, Handler: h, ReadHeaderTimeout: 10 * time.Second}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	errc := make(chan error, 1)
	go func() { errc <- srv.ListenAndServe() }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return srv.Shutdown(sctx)
}

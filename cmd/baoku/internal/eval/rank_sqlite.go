package eval

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"baoku/cmd/baoku/internal/bench"
)

// sqliteRanker ranks with the bench's SQLite peer: an FTS5 table with the
// trigram tokenizer, ordered by bm25 with the headline counting three
// times. A trigram index cannot look up a string shorter than three
// characters (most Chinese words are two), so such a term is a LIKE test
// over the text columns, which SQLite answers by scanning: the terms of
// three characters or more rank, the shorter ones only filter, and a query
// of short terms alone comes in the table's order. Query text is given as
// typed: SQLite does not fold traditional characters into simplified, nor
// read years as dates.
type sqliteRanker struct{ db *sql.DB }

// openSQLiteRanker opens the FTS5 table in dir, building it from src when
// the folder holds none.
func openSQLiteRanker(dir, src string, w io.Writer) (*sqliteRanker, error) {
	if _, err := os.Stat(filepath.Join(dir, "stories.db")); err != nil {
		start := time.Now()
		if err := bench.SQLiteBuild(dir, 1000, []string{src}); err != nil {
			return nil, fmt.Errorf("SQLite index of %s: %w", src, err)
		}
		fmt.Fprintf(w, "built the SQLite FTS5 trigram table of %s in %s\n", src, time.Since(start).Round(time.Second))
	}
	db, err := bench.SQLiteOpen(dir)
	if err != nil {
		return nil, err
	}
	return &sqliteRanker{db: db}, nil
}

func (*sqliteRanker) name() string { return "SQLite" }

func (r *sqliteRanker) close() error { return r.db.Close() }

// sqliteQuery writes a query as SQL over the FTS5 table: the query's
// terms (separated by spaces, quotes taken off a phrase) of three
// characters or more as FTS5 strings that must all match, the shorter
// ones as LIKE tests, all of which must hold too.
func sqliteQuery(q string, n int) (string, []any) {
	var match []string
	var likes []string
	var args []any
	for _, t := range strings.Fields(q) {
		t = strings.Trim(t, `"“”「」`)
		if t == "" {
			continue
		}
		if utf8.RuneCountInString(t) >= 3 {
			match = append(match, `"`+strings.ReplaceAll(t, `"`, `""`)+`"`)
			continue
		}
		pat := "%" + t + "%"
		likes = append(likes, "(kicker LIKE ? OR headline LIKE ? OR subtitle LIKE ? OR body LIKE ?)")
		args = append(args, pat, pat, pat, pat)
	}
	var where []string
	if len(match) > 0 {
		where = append(where, "stories MATCH ?")
		args = append([]any{strings.Join(match, " ")}, args...)
	}
	where = append(where, likes...)
	if len(where) == 0 {
		where = append(where, "0")
	}
	order := ""
	if len(match) > 0 {
		order = " ORDER BY rank"
	}
	args = append(args, n)
	return "SELECT id, date, headline FROM stories WHERE " + strings.Join(where, " AND ") + order + " LIMIT ?", args
}

func (r *sqliteRanker) top(ctx context.Context, q string, n int) ([]rankHit, uint64, error) {
	stmt, args := sqliteQuery(q, n)
	rows, err := r.db.QueryContext(ctx, stmt, args...)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var hits []rankHit
	for rows.Next() {
		var id, date, headline string
		if err := rows.Scan(&id, &date, &headline); err != nil {
			return nil, 0, err
		}
		hits = append(hits, rankHit{ids: []string{id}, date: date, digest: isDigest(headline)})
	}
	return hits, 0, rows.Err()
}

package query

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// FuzzParse checks that Parse never panics, that every error wraps
// ErrBadQuery and starts with "query:", and that the canonical form of every
// query that parses reads back as the same tree.
func FuzzParse(f *testing.F) {
	for _, s := range goldenQueries {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := Parse(s)
		if err != nil {
			if !errors.Is(err, ErrBadQuery) || !strings.HasPrefix(err.Error(), "query: ") {
				t.Fatalf("Parse(%q) error %q: want a query: error wrapping ErrBadQuery", s, err)
			}
			var qe *Error
			if !errors.As(err, &qe) || qe.Zh == "" {
				t.Fatalf("Parse(%q) error %q says nothing in Chinese", s, err)
			}
			return
		}
		if diff := cmp.Diff(Simplify(q), q); diff != "" {
			t.Fatalf("Parse(%q) is not simplified (-want +got):\n%s", s, diff)
		}
		canon := q.String()
		// The canonical form may be longer than the input (headline: for
		// 标题:), so read it back without the length limit when needed.
		read := Parse
		if utf8.RuneCountInString(canon) > MaxRunes {
			read = func(s string) (Q, error) {
				q, _, err := parse(s)
				return q, err
			}
		}
		back, err := read(canon)
		if err != nil {
			t.Fatalf("Parse(%q) = %q, which does not parse: %v", s, canon, err)
		}
		if diff := cmp.Diff(q, back); diff != "" {
			t.Fatalf("Parse(%q) = %q, which reads back differently (-want +got):\n%s", s, canon, diff)
		}
		if again := back.String(); again != canon {
			t.Fatalf("canonical form of %q is not stable: %q then %q", s, canon, again)
		}
	})
}

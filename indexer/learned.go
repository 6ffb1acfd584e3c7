package indexer

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"baoku/indexer/article"
	"baoku/segment"
)

// LearnedWordsFile is the file of an index folder that keeps the names
// learned from bylines, one a line (# starts a comment). Opening the index
// adds them to the word segmenter, so that a name the dictionary lacks is
// cut as one word in the articles indexed next and in queries. Recall never
// depends on it: the character view finds any name.
const LearnedWordsFile = "learned-words.txt"

// learnedHeader starts a new learned-words file.
const learnedHeader = "# Names learned from bylines; loaded as words when the index is opened.\n"

// ReadLearnedWords reads the learned words of the index in dir; none when
// the file is missing.
func ReadLearnedWords(dir string) ([]string, error) {
	f, err := os.Open(filepath.Join(dir, LearnedWordsFile))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("learned words: %w", err)
	}
	defer f.Close()
	var words []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if w := strings.TrimSpace(sc.Text()); w != "" && !strings.HasPrefix(w, "#") {
			words = append(words, w)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("learned words %s: %w", f.Name(), err)
	}
	return words, nil
}

// learner learns reporters' and photographers' names from the articles a
// Writer adds: each new name goes into the index's segmenter before the
// article is analysed, and into the index folder's LearnedWordsFile once
// written.
type learner struct {
	seg   *segment.Segmenter
	dir   string // "" for an index in memory
	known map[string]bool
	fresh []string // learned, not yet saved
}

func newLearner(seg *segment.Segmenter, dir string) *learner {
	return &learner{seg: seg, dir: dir, known: map[string]bool{}}
}

// maxNameRunes bounds the length of a learned name: Chinese personal names
// are two to four characters.
const maxNameRunes = 4

// observe learns the names of an article's byline.
func (l *learner) observe(a *article.Article) error {
	var names []string
	for _, list := range [][]string{a.Reporters, a.Photographers} {
		for _, n := range list {
			n = segment.Normalize(n)
			if l.known[n] || utf8.RuneCountInString(n) > maxNameRunes {
				continue
			}
			l.known[n] = true
			names = append(names, n)
		}
	}
	if len(names) == 0 {
		return nil
	}
	if _, err := l.seg.Learn(names); err != nil {
		return fmt.Errorf("article %s: learn names: %w", a.ID, err)
	}
	for _, n := range names {
		if utf8.RuneCountInString(n) >= 2 && isHanOnly(n) {
			l.fresh = append(l.fresh, n)
		}
	}
	return nil
}

func isHanOnly(s string) bool {
	for _, r := range s {
		if !segment.IsHan(r) {
			return false
		}
	}
	return true
}

// save appends the names learned since the last save to the index folder's
// file, leaving out those it already has.
func (l *learner) save() error {
	if l.dir == "" || len(l.fresh) == 0 {
		l.fresh = l.fresh[:0]
		return nil
	}
	have, err := ReadLearnedWords(l.dir)
	if err != nil {
		return err
	}
	saved := map[string]bool{}
	for _, w := range have {
		saved[w] = true
	}
	path := filepath.Join(l.dir, LearnedWordsFile)
	var b strings.Builder
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		b.WriteString(learnedHeader)
	}
	for _, w := range l.fresh {
		if !saved[w] {
			saved[w] = true
			b.WriteString(w + "\n")
		}
	}
	l.fresh = l.fresh[:0]
	f, err := os.OpenFile(path, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		return fmt.Errorf("save learned words: %w", err)
	}
	if _, err := f.WriteString(b.String()); err != nil {
		f.Close()
		return fmt.Errorf("save learned words: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("save learned words: %w", err)
	}
	return nil
}

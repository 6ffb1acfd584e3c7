package bench

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"

	"baoku/indexer"
	"baoku/indexer/article"
)

// subset is a share of the stories, written out for the engines: as JSON
// Lines files for Baoku, the baseline and SQLite, and as Groonga's load
// commands. A share is the chunks of the shares before it and one more, so
// each story is written once.
type subset struct {
	fraction      float64
	files         []string // JSON Lines files
	loads         []string // the same stories as Groonga load commands
	groongaCreate string   // Groonga's commands that create the table
	groongaIndex  string   // Groonga's commands that build the index
	articles      int
	rawBytes      int64 // text of the searched fields
}

// writeShares writes the n records that line returns (JSON Lines) as the
// shares of benchFractions under work, and, when groonga is set, Groonga's
// commands. Each record is read back as Baoku reads it, and the article
// handed to keep, in order.
func writeShares(work string, n int, line func(int) []byte, groonga bool, keep func(*article.Article)) ([]subset, error) {
	base := subset{}
	if groonga {
		base.groongaCreate = filepath.Join(work, "groonga-create.txt")
		base.groongaIndex = filepath.Join(work, "groonga-index.txt")
		for name, text := range map[string]string{base.groongaCreate: groongaCreate, base.groongaIndex: groongaIndex} {
			if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
				return nil, err
			}
		}
	}
	var subs []subset
	from := 0
	for _, fr := range benchFractions {
		to := int(float64(n) * fr)
		sub := base
		if len(subs) > 0 {
			sub = subs[len(subs)-1]
		}
		sub.fraction = fr
		sub.files = append([]string{}, sub.files...)
		sub.loads = append([]string{}, sub.loads...)
		name := filepath.Join(work, fmt.Sprintf("stories-%03.0f", fr*100))
		if err := writeLines(name+".jsonl", from, to, line); err != nil {
			return nil, err
		}
		sub.files = append(sub.files, name+".jsonl")
		load := ""
		if groonga {
			load = name + ".groonga"
			sub.loads = append(sub.loads, load)
		}
		arts, raw, err := readBack(name+".jsonl", load, keep)
		if err != nil {
			return nil, err
		}
		sub.articles += arts
		sub.rawBytes += raw
		subs = append(subs, sub)
		from = to
	}
	if subs[0].articles == 0 {
		return nil, fmt.Errorf("bench: no stories in the first share of %d", n)
	}
	return subs, nil
}

// writeLines writes records from to to-1 to a JSON Lines file.
func writeLines(name string, from, to int, line func(int) []byte) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	for i := from; i < to; i++ {
		w.Write(line(i))
		w.WriteByte('\n')
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", name, err)
	}
	return f.Close()
}

// readBack reads a JSON Lines file as Baoku does, writes its articles as a
// Groonga load command to load (unless it is ""), hands them to keep, and
// returns their number and the size of their searched text.
func readBack(name, load string, keep func(*article.Article)) (int, int64, error) {
	in, err := os.Open(name)
	if err != nil {
		return 0, 0, err
	}
	defer in.Close()
	var gl *groongaLoader
	var w *bufio.Writer
	if load != "" {
		f, err := os.Create(load)
		if err != nil {
			return 0, 0, err
		}
		defer f.Close()
		w = bufio.NewWriterSize(f, 1<<20)
		gl = &groongaLoader{w: w}
	}
	n, raw := 0, int64(0)
	lineErrs, err := indexer.ReadJSONL(name, bufio.NewReaderSize(in, 1<<20), func(a *article.Article) error {
		n++
		raw += int64(len(a.Body) + len(a.Headline) + len(a.Kicker) + len(a.Subtitle))
		if keep != nil {
			keep(a)
		}
		if gl != nil {
			return gl.add(a)
		}
		return nil
	})
	if err == nil && len(lineErrs) > 0 {
		err = fmt.Errorf("%d bad records, the first: %w", len(lineErrs), lineErrs[0])
	}
	if err == nil && gl != nil {
		if err = gl.close(); err == nil {
			err = w.Flush()
		}
	}
	if err != nil {
		return 0, 0, fmt.Errorf("bench: %s: %w", name, err)
	}
	return n, raw, nil
}

package search

import (
	"bytes"
	"context"
	"fmt"

	index "github.com/blevesearch/bleve_index_api"

	"baoku/indexer"
	"baoku/segment"
)

// A concordance in date order shows a page of lines but says how many
// there are in all. Reading every article found to count them costs tens
// of microseconds an article; the character view already has the answer:
// a needle of two or more characters is a sequence of character pairs at
// consecutive positions, and the positions of the pairs are in the index.
// So the lines of every article are counted from the postings, and only
// the articles of the page are read.

// indexedCounts counts each hit's occurrences of the needles from the
// character view's positions; ok is false when a needle cannot be counted
// so (a single character, kept without positions, or text with
// punctuation inside), and the articles must be read.
func indexedCounts(ctx context.Context, snap *snapshot, needles []needle, hits []dated) (counts []int, ok bool, err error) {
	pairsOf := make([][]string, len(needles))
	for i, n := range needles {
		pairs, lone := segment.CharPhrase(n.text)
		if len(pairs) == 0 || len(lone) > 0 {
			return nil, false, nil
		}
		for _, p := range pairs {
			if p == "" {
				return nil, false, nil
			}
		}
		pairsOf[i] = pairs
	}
	at := make(map[uint64]int, len(hits))
	for i, h := range hits {
		at[h.num] = i
	}
	counts = make([]int, len(hits))
	add := func(num uint64, n int) {
		if i, found := at[num]; found {
			counts[i] += n
		}
	}
	for i, n := range needles {
		for _, f := range sortedFields(n.fields) {
			if err := phraseCounts(ctx, snap.is, f+indexer.CharSuffix, pairsOf[i], add); err != nil {
				return nil, false, err
			}
		}
	}
	return counts, true, nil
}

// phraseCounts calls add with the number of places a sequence of pairs
// occurs at consecutive positions, for each document of a field that has
// it.
func phraseCounts(ctx context.Context, ir index.IndexReader, fieldName string, pairs []string, add func(num uint64, n int)) error {
	vectors := len(pairs) > 1
	readers := make([]index.TermFieldReader, len(pairs))
	for i, p := range pairs {
		r, err := ir.TermFieldReader(ctx, []byte(p), fieldName, true, false, vectors)
		if err != nil {
			return fmt.Errorf("search: read %s postings: %w", fieldName, err)
		}
		defer r.Close()
		readers[i] = r
	}
	last := make([]*index.TermFieldDoc, len(pairs)) // where readers 1… stand
	var d *index.TermFieldDoc
	for {
		var err error
		if d, err = readers[0].Next(d); err != nil {
			return fmt.Errorf("search: read %s postings: %w", fieldName, err)
		}
		if d == nil {
			return nil
		}
		num := docNumber(d.ID)
		if !vectors {
			add(num, int(d.Freq))
			continue
		}
		sets := make([]map[uint64]bool, len(pairs))
		all := true
		for k := 1; k < len(pairs); k++ {
			if last[k] == nil || bytes.Compare(last[k].ID, d.ID) < 0 {
				if last[k], err = readers[k].Advance(d.ID, nil); err != nil {
					return fmt.Errorf("search: read %s postings: %w", fieldName, err)
				}
				if last[k] == nil {
					return nil // no later document has this pair
				}
			}
			if !bytes.Equal(last[k].ID, d.ID) {
				all = false
				break
			}
			sets[k] = make(map[uint64]bool, len(last[k].Vectors))
			for _, v := range last[k].Vectors {
				sets[k][v.Pos] = true
			}
		}
		if !all {
			continue
		}
		n := 0
		for _, v := range d.Vectors {
			found := true
			for k := 1; k < len(pairs) && found; k++ {
				found = sets[k][v.Pos+uint64(k)]
			}
			if found {
				n++
			}
		}
		if n > 0 {
			add(num, n)
		}
	}
}

// pageAt cuts the lines from the from-th on (0-based, in date order), at
// most size of them, reading only the articles they are in.
func pageAt(snap *snapshot, hits []dated, counts []int, needles []needle, from, size, width int) ([]KWICLine, error) {
	i, seen := 0, 0
	for i < len(hits) && seen+counts[i] <= from {
		seen += counts[i]
		i++
	}
	skip := from - seen
	lines := []KWICLine{}
	for ; i < len(hits) && len(lines) < size; i++ {
		if counts[i] == 0 {
			continue
		}
		a, err := snap.article(hits[i].num)
		if err != nil {
			return nil, err
		}
		occ := occurrencesIn(a, i, needles, width, SortDate)
		for _, o := range occ[min(skip, len(occ)):] {
			if len(lines) == size {
				break
			}
			lines = append(lines, lineOf(a, o, width))
		}
		skip = 0
	}
	return lines, nil
}

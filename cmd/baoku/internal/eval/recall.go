package eval

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"

	"baoku/cmd/baoku/internal/corpus"
	"baoku/indexer"
	"baoku/indexer/field"
	"baoku/search"
	"baoku/segment"
)

// recallDoc is an indexed article as the evaluation sees it: the normalised
// text of each text field, and the word view of each for the words-only
// design.
type recallDoc struct {
	id     string
	fields []string                  // normalised, in indexer.TextFields order
	words  []map[string]map[int]bool // per field: word → positions
}

// tally adds up a design's answers over the sampled substrings.
type tally struct {
	name                  string
	truth, found, correct int      // (substring, article) pairs
	missed                int      // substrings with an article not found
	wrong                 int      // substrings with an article found wrongly
	examples              []string // a few substrings that went wrong
}

func (t *tally) add(sub string, got, want map[string]bool) {
	t.truth += len(want)
	t.found += len(got)
	extra := 0
	for id := range got {
		if want[id] {
			t.correct++
		} else {
			extra++
		}
	}
	miss := len(want) - (len(got) - extra)
	if miss > 0 {
		t.missed++
	}
	if extra > 0 {
		t.wrong++
	}
	if (miss > 0 || extra > 0) && len(t.examples) < 5 {
		t.examples = append(t.examples, fmt.Sprintf("%q (%d missed, %d wrong)", sub, miss, extra))
	}
}

// recallOptions configures the evaluation.
type recallOptions struct {
	samples, maxLen int
	seed            uint64
}

func runEvalRecall(args []string) error {
	fs := flag.NewFlagSet("eval recall", flag.ContinueOnError)
	dir := fs.String("corpus", corpus.Dir, "corpus folder holding the default inputs")
	n := fs.Int("n", 2000, "substrings sampled")
	maxLen := fs.Int("max", 8, "longest substring, in characters")
	seed := fs.Uint64("seed", 1, "random seed")
	if err := fs.Parse(args); err != nil {
		return err
	}
	paths := fs.Args()
	if len(paths) == 0 {
		if err := corpus.Check(*dir); err != nil {
			return err
		}
		paths = []string{corpusFile(*dir, "rmrb-2022.jsonl.gz"), corpusFile(*dir, "xmwb-2022-04.jsonl.gz"), "data/pages"}
	}
	if *n < 1 || *maxLen < 1 {
		return errors.New("-n and -max must be at least 1")
	}
	ix, docs, err := buildRecallIndex(paths)
	if err != nil {
		return err
	}
	defer ix.Close()
	tallies, skipped, err := evalRecall(context.Background(), ix, docs, recallOptions{*n, *maxLen, *seed})
	if err != nil {
		return err
	}
	fmt.Printf("%d quoted substrings of 1-%d characters (seed %d) over %d articles from %s\n",
		*n, *maxLen, *seed, len(docs), strings.Join(paths, ", "))
	if skipped > 0 {
		fmt.Printf("%d substrings skipped: more hits than can be paged\n", skipped)
	}
	fmt.Printf("%-34s %8s %10s %8s %8s\n", "design", "recall", "precision", "missed", "wrong")
	for _, t := range tallies {
		fmt.Printf("%-34s %7.2f%% %9.2f%% %8d %8d\n", t.name, pct(t.correct, t.truth), pct(t.correct, t.found), t.missed, t.wrong)
	}
	for _, t := range tallies {
		for _, ex := range t.examples {
			fmt.Printf("  %s: %s\n", t.name, ex)
		}
	}
	return nil
}

// buildRecallIndex indexes the inputs in memory with the news dictionary
// and reads the indexed articles back.
func buildRecallIndex(paths []string) (*indexer.Index, []recallDoc, error) {
	ix, err := indexer.NewMem(indexer.Options{Dict: segment.DictNews})
	if err != nil {
		return nil, nil, err
	}
	sum, err := indexer.Ingest(indexer.NewWriter(ix, 0), paths, indexer.IngestOptions{})
	if err == nil && len(sum.Errors) > 0 {
		err = fmt.Errorf("%w: %v", errFailed, sum.Errors[0])
	}
	if err != nil {
		ix.Close()
		return nil, nil, err
	}
	docs, err := indexedDocs(ix)
	if err != nil {
		ix.Close()
		return nil, nil, err
	}
	return ix, docs, nil
}

// indexedDocs reads every article of the index.
func indexedDocs(idx *indexer.Index) ([]recallDoc, error) {
	seg, ix := idx.Segmenter(), idx.Bleve()
	count, err := ix.DocCount()
	if err != nil {
		return nil, fmt.Errorf("count articles: %w", err)
	}
	req := bleve.NewSearchRequestOptions(bleve.NewMatchAllQuery(), int(count), 0, false)
	req.Fields = []string{indexer.FieldStored}
	req.SortBy([]string{"_id"})
	res, err := ix.Search(req)
	if err != nil {
		return nil, fmt.Errorf("read articles: %w", err)
	}
	docs := make([]recallDoc, 0, len(res.Hits))
	for _, h := range res.Hits {
		js, _ := h.Fields[indexer.FieldStored].(string)
		a, err := indexer.DecodeStored([]byte(js))
		if err != nil {
			return nil, fmt.Errorf("article %s: %w", h.ID, err)
		}
		d := recallDoc{id: h.ID}
		for _, f := range []string{a.Kicker, a.Headline, a.Subtitle, a.Body} {
			norm := segment.Normalize(f)
			d.fields = append(d.fields, norm)
			d.words = append(d.words, wordPositions(seg.Words(norm, segment.Index)))
		}
		docs = append(docs, d)
	}
	return docs, nil
}

func wordPositions(toks []segment.Token) map[string]map[int]bool {
	m := map[string]map[int]bool{}
	for _, t := range toks {
		if m[t.Term] == nil {
			m[t.Term] = map[int]bool{}
		}
		m[t.Term][t.Pos] = true
	}
	return m
}

// evalRecall samples substrings and compares, for each, the articles that
// contain it with those each design finds.
func evalRecall(ctx context.Context, idx *indexer.Index, docs []recallDoc, opt recallOptions) ([]*tally, int, error) {
	seg, ix := idx.Segmenter(), idx.Bleve()
	eng := search.New(idx)
	if err := eng.Warm(); err != nil {
		return nil, 0, err
	}
	words := &tally{name: "words only (word phrase)"}
	chars := &tally{name: "characters only (character phrase)"}
	ours := &tally{name: "ours, quoted"}
	loose := &tally{name: "ours, unquoted (words anywhere)"}
	rng := rand.New(rand.NewPCG(opt.seed, opt.seed^0x9e3779b97f4a7c15))
	skipped := 0
	for _, sub := range sampleSubstrings(rng, docs, opt.samples, opt.maxLen) {
		want := map[string]bool{}
		for _, d := range docs {
			for _, f := range d.fields {
				if strings.Contains(f, sub) {
					want[d.id] = true
					break
				}
			}
		}
		var qw []string
		for _, t := range seg.Words(sub, segment.Query) {
			qw = append(qw, t.Term)
		}
		words.add(sub, wordPhraseHits(docs, qw), want)
		got, err := charPhraseHits(ix, sub)
		if err != nil {
			return nil, 0, err
		}
		chars.add(sub, got, want)
		quoted, ok, err := engineHits(ctx, eng, `"`+sub+`"`)
		if err != nil {
			return nil, 0, err
		}
		unquoted, ok2, err := engineHits(ctx, eng, sub)
		if err != nil {
			return nil, 0, err
		}
		if !ok || !ok2 {
			skipped++
			continue
		}
		ours.add(sub, quoted, want)
		loose.add(sub, unquoted, want)
	}
	return []*tally{words, chars, ours, loose}, skipped, nil
}

// sampleSubstrings picks n substrings of 1 to maxLen units (letters, digits,
// Chinese characters) of the articles' normalised text, never across a
// separator: a random article, a random unit of its text fields, a random
// length, cut short at the end of the unit's run.
func sampleSubstrings(rng *rand.Rand, docs []recallDoc, n, maxLen int) []string {
	var out []string
	for tries := 0; len(out) < n && tries < 100*n; tries++ {
		d := docs[rng.IntN(len(docs))]
		text := strings.Join(d.fields, "\n")
		var starts []int
		for i, r := range text {
			if isUnitRune(r) {
				starts = append(starts, i)
			}
		}
		if len(starts) == 0 {
			continue
		}
		i := starts[rng.IntN(len(starts))]
		want := 1 + rng.IntN(maxLen)
		j := i
		for k := 0; k < want && j < len(text); k++ {
			r, w := utf8.DecodeRuneInString(text[j:])
			if !isUnitRune(r) {
				break
			}
			j += w
		}
		out = append(out, text[i:j])
	}
	return out
}

func isUnitRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }

// wordPhraseHits finds the articles where the query words stand in a row
// in the word view of a field, as a conventional engine matches a phrase of
// words (a single word is a term query).
func wordPhraseHits(docs []recallDoc, qw []string) map[string]bool {
	hits := map[string]bool{}
	if len(qw) == 0 {
		return hits
	}
	for _, d := range docs {
	fields:
		for _, m := range d.words {
			for p := range m[qw[0]] {
				ok := true
				for k := 1; k < len(qw) && ok; k++ {
					ok = m[qw[k]][p+k]
				}
				if ok {
					hits[d.id] = true
					break fields
				}
			}
		}
	}
	return hits
}

// charPhraseHits runs the character phrase of sub on the character view of
// every text field, straight on the index.
func charPhraseHits(ix bleve.Index, sub string) (map[string]bool, error) {
	q := search.CharQuery(sub, field.Of(field.Text), 1)
	if q == nil {
		return map[string]bool{}, nil
	}
	count, err := ix.DocCount()
	if err != nil {
		return nil, fmt.Errorf("count articles: %w", err)
	}
	res, err := ix.Search(bleve.NewSearchRequestOptions(q, int(count), 0, false))
	if err != nil {
		return nil, fmt.Errorf("character phrase %q: %w", sub, err)
	}
	hits := map[string]bool{}
	for _, h := range res.Hits {
		hits[h.ID] = true
	}
	return hits, nil
}

// engineHits returns every article the engine finds for q, every place of
// an article printed in several; ok is false when there are more than can
// be paged.
func engineHits(ctx context.Context, eng *search.Engine, q string) (map[string]bool, bool, error) {
	hits := map[string]bool{}
	seen := 0
	for page := 1; ; page++ {
		res, err := eng.Search(ctx, search.Request{Query: q, Size: search.MaxSize, Page: page, NoFacets: true, IDsOnly: true})
		if err != nil {
			return nil, false, fmt.Errorf("search %s: %w", q, err)
		}
		if res.Total > search.MaxOffset {
			return nil, false, nil
		}
		for _, h := range res.Hits {
			hits[h.ID] = true
			for _, p := range h.Places {
				hits[p.ID] = true
			}
		}
		seen += len(res.Hits)
		if len(res.Hits) < search.MaxSize || uint64(seen) >= res.Total {
			return hits, true, nil
		}
	}
}

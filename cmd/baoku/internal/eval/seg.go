package eval

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"baoku/segment"
)

// segBench is one SIGHAN 2005 bakeoff test set and the F1 that jieba's
// default model is published with on it.
type segBench struct {
	name    string
	gold    string // gold segmentation: words separated by spaces
	words   string // training vocabulary, one word a line (for OOV recall)
	jiebaF1 float64
}

var segBenches = []segBench{
	{"PKU", "pku_test_gold.utf8", "pku_training_words.utf8", 81.8},
	{"MSR", "msr_test_gold.utf8", "msr_training_words.utf8", 81.5},
}

// segScore counts words, scored the bakeoff's way: a predicted word is
// correct when a gold word has exactly its span.
type segScore struct {
	Gold, Pred, Correct int
	// OOV counts the gold words missing from the training vocabulary,
	// OOVFound those of them that were cut exactly.
	OOV, OOVFound int
}

func (s segScore) precision() float64 { return pct(s.Correct, s.Pred) }
func (s segScore) recall() float64    { return pct(s.Correct, s.Gold) }
func (s segScore) oovRecall() float64 { return pct(s.OOVFound, s.OOV) }
func (s segScore) f1() float64 {
	p, r := s.precision(), s.recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func pct(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return 100 * float64(n) / float64(d)
}

// add scores one line of a gold file against the words cut from its text.
func (s *segScore) add(goldLine string, cut func(string) []string, vocab map[string]bool) {
	gold := strings.Fields(goldLine)
	if len(gold) == 0 {
		return
	}
	text := strings.Join(gold, "")
	type span struct{ from, to int }
	want := map[span]string{}
	at := 0
	for _, w := range gold {
		n := utf8.RuneCountInString(w)
		want[span{at, at + n}] = w
		at += n
		s.Gold++
		if !vocab[w] {
			s.OOV++
		}
	}
	at = 0
	for _, w := range cut(text) {
		n := utf8.RuneCountInString(w)
		sp := span{at, at + n}
		at += n
		s.Pred++
		if g, ok := want[sp]; ok {
			s.Correct++
			if !vocab[g] {
				s.OOVFound++
			}
		}
	}
}

// scoreSeg scores a whole gold file.
func scoreSeg(gold io.Reader, cut func(string) []string, vocab map[string]bool) (segScore, error) {
	var s segScore
	sc := bufio.NewScanner(gold)
	sc.Buffer(make([]byte, 0, 64*1024), 4*1024*1024)
	for sc.Scan() {
		s.add(sc.Text(), cut, vocab)
	}
	return s, sc.Err()
}

// readVocab reads a word list, one word a line.
func readVocab(r io.Reader) (map[string]bool, error) {
	vocab := map[string]bool{}
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		if w := strings.TrimSpace(sc.Text()); w != "" {
			vocab[w] = true
		}
	}
	return vocab, sc.Err()
}

// cutText cuts raw text as searches do — normalised, then the word view in
// query mode — and returns the words as pieces of raw text that concatenate
// to it. Characters outside the words (punctuation, symbols) are pieces of
// their own, a run of one repeated mark (——, ……) one piece; white space is
// dropped.
func cutText(seg *segment.Segmenter, raw string) []string {
	n := segment.NormalizeMap(raw)
	var out []string
	pos := 0 // raw text before pos is cut
	rest := func(to int) {
		for pos < to {
			r, w := utf8.DecodeRuneInString(raw[pos:])
			if unicode.IsSpace(r) {
				pos += w
				continue
			}
			end := pos + w
			for end < to {
				r2, w2 := utf8.DecodeRuneInString(raw[end:])
				if r2 != r {
					break
				}
				end += w2
			}
			out = append(out, raw[pos:end])
			pos = end
		}
	}
	for _, t := range seg.Words(n.Text, segment.Query) {
		s, e := n.Span(t.Start, t.End)
		if s < pos {
			continue // shares a character with the last word (t2s merged)
		}
		rest(s)
		out = append(out, raw[s:e])
		pos = e
	}
	rest(len(raw))
	return out
}

// runEvalSeg prints our segmentation's scores on the bakeoff gold files.
func runEvalSeg(args []string, dir string) error {
	seg, err := segment.New(segment.Options{Dict: segment.DictNews})
	if err != nil {
		return err
	}
	fmt.Printf("SIGHAN 2005 bakeoff, word view in query mode (dictionary %q), normalised text\n", segment.DictNews)
	fmt.Printf("%-4s %8s %8s %8s %8s %10s %8s\n", "set", "words", "P", "R", "F1", "OOV recall", "jieba F1")
	cut := func(text string) []string { return cutText(seg, text) }
	for _, b := range segBenches {
		if len(args) > 0 && !containsFold(args, b.name) {
			continue
		}
		s, err := scoreBench(filepath.Join(dir, "icwb2"), b, cut)
		if err != nil {
			return err
		}
		fmt.Printf("%-4s %8d %8.1f %8.1f %8.1f %10.1f %8.1f\n",
			b.name, s.Gold, s.precision(), s.recall(), s.f1(), s.oovRecall(), b.jiebaF1)
	}
	return nil
}

func scoreBench(dir string, b segBench, cut func(string) []string) (segScore, error) {
	vf, err := os.Open(filepath.Join(dir, b.words))
	if err != nil {
		return segScore{}, fmt.Errorf("%s vocabulary: %w", b.name, err)
	}
	defer vf.Close()
	vocab, err := readVocab(vf)
	if err != nil {
		return segScore{}, fmt.Errorf("read %s: %w", vf.Name(), err)
	}
	gf, err := os.Open(filepath.Join(dir, b.gold))
	if err != nil {
		return segScore{}, fmt.Errorf("%s gold file: %w", b.name, err)
	}
	defer gf.Close()
	s, err := scoreSeg(gf, cut, vocab)
	if err != nil {
		return s, fmt.Errorf("read %s: %w", gf.Name(), err)
	}
	return s, nil
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

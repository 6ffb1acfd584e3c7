package segment

import (
	"fmt"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
)

// Names registered with bleve in init. An index mapping names its
// analyzers by them (the word tokenizer with a "dict" option, DictNews or
// DictTest); bleve reopens an index by these names, so every binary that
// opens an index imports segment.
const (
	// NormalizeFilter is the char filter that normalises text (see
	// Normalize) before any view is cut from it.
	NormalizeFilter = "baoku_normalize"
	// WordTokenizer cuts text into words for ranking; option "mode" is
	// "index" (default, with sub-words) or "query".
	WordTokenizer = "baoku_words"
	// CharTokenizer cuts text into character pairs at their positions,
	// for phrases and recall. It needs no dictionary.
	CharTokenizer = "baoku_chars"
	// SingleTokenizer cuts text into single characters, for one-character
	// queries. It needs no dictionary.
	SingleTokenizer = "baoku_singles"
)

func init() {
	must := func(err error) {
		if err != nil {
			panic("segment: register with bleve: " + err.Error())
		}
	}
	must(registry.RegisterCharFilter(NormalizeFilter, func(map[string]interface{}, *registry.Cache) (analysis.CharFilter, error) {
		return normalizeFilter{}, nil
	}))
	must(registry.RegisterTokenizer(WordTokenizer, newWordTokenizer))
	must(registry.RegisterTokenizer(CharTokenizer, newCharTokenizer))
	must(registry.RegisterTokenizer(SingleTokenizer, newSingleTokenizer))
}

// View is one of the ways an index sees a text field.
type View int

const (
	// WordView is the words (index mode, sub-words included), for ranking.
	WordView View = iota
	// PairView is the character pairs at their positions, for phrases.
	PairView
	// SingleView is the single characters, for one-character queries.
	SingleView
)

// Analyzer returns the analysis of a view: normalisation, then the view's
// tokenizer, the word view with this segmenter's words. Indexing a field
// through it is all a caller does; nothing needs normalising first.
func (s *Segmenter) Analyzer(v View) analysis.Analyzer {
	var tok analysis.Tokenizer
	switch v {
	case WordView:
		tok = &wordTokenizer{seg: s, mode: Index}
	case PairView:
		tok = charTokenizer{}
	default:
		tok = singleTokenizer{}
	}
	return &analysis.DefaultAnalyzer{CharFilters: []analysis.CharFilter{normalizeFilter{}}, Tokenizer: tok}
}

// QueryWords cuts query text into words as the word view was cut: the same
// normalisation, then the words without their sub-words.
func (s *Segmenter) QueryWords(text string) []string {
	toks := s.Words(Normalize(text), Query)
	words := make([]string, len(toks))
	for i, t := range toks {
		words[i] = t.Term
	}
	return words
}

// normalizeFilter is the char filter of every view: Normalize.
type normalizeFilter struct{}

// Filter returns the normalised text.
func (normalizeFilter) Filter(input []byte) []byte {
	return []byte(Normalize(string(input)))
}

type wordTokenizer struct {
	seg  *Segmenter
	mode Mode
}

// newWordTokenizer makes the word tokenizer an index mapping names: the
// dictionary's words alone. An index's own analysis (Segmenter.Analyzer)
// adds the words it learned.
func newWordTokenizer(config map[string]interface{}, _ *registry.Cache) (analysis.Tokenizer, error) {
	dict, _ := config["dict"].(string)
	seg, err := New(Options{Dict: dict})
	if err != nil {
		return nil, fmt.Errorf("segment: tokenizer %s: %w", WordTokenizer, err)
	}
	t := &wordTokenizer{seg: seg}
	switch m, _ := config["mode"].(string); m {
	case "", "index":
		t.mode = Index
	case "query":
		t.mode = Query
	default:
		return nil, fmt.Errorf("segment: tokenizer %s: unknown mode %q", WordTokenizer, m)
	}
	return t, nil
}

// Tokenize cuts normalised text; the dictionary loads on first use, so
// opening an index stays cheap.
func (t *wordTokenizer) Tokenize(input []byte) analysis.TokenStream {
	return stream(input, t.seg.Words(string(input), t.mode), analysis.Ideographic)
}

type charTokenizer struct{}

func newCharTokenizer(map[string]interface{}, *registry.Cache) (analysis.Tokenizer, error) {
	return charTokenizer{}, nil
}

// Tokenize cuts normalised text into character pairs. Their byte
// offsets are left out (zero): phrase matching needs only positions, and
// matches are highlighted on the stored text, so the index need not keep
// two numbers more for every pair.
func (charTokenizer) Tokenize(input []byte) analysis.TokenStream {
	ts := stream(input, Pairs(string(input)), analysis.Ideographic)
	for _, t := range ts {
		t.Start, t.End = 0, 0
	}
	return ts
}

type singleTokenizer struct{}

func newSingleTokenizer(map[string]interface{}, *registry.Cache) (analysis.Tokenizer, error) {
	return singleTokenizer{}, nil
}

// Tokenize cuts normalised text into single characters.
func (singleTokenizer) Tokenize(input []byte) analysis.TokenStream {
	return stream(input, Singles(string(input)), analysis.Ideographic)
}

// stream turns tokens cut from input into bleve's tokens. A token's term is
// input[Start:End], so terms share input's bytes instead of each being
// copied, as bleve's own tokenizers do: two allocations for the stream,
// whatever its length.
func stream(input []byte, toks []Token, typ analysis.TokenType) analysis.TokenStream {
	ts := make(analysis.TokenStream, len(toks))
	backing := make([]analysis.Token, len(toks))
	for i, t := range toks {
		backing[i] = analysis.Token{
			Term:     input[t.Start:t.End:t.End],
			Start:    t.Start,
			End:      t.End,
			Position: t.Pos,
			Type:     typ,
		}
		ts[i] = &backing[i]
	}
	return ts
}

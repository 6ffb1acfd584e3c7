package segment

import (
	"fmt"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
)

// Tokenizer type names, registered with bleve in init. An index mapping
// names them with a "dict" option (DictNews or DictTest); bleve reopens an
// index by these names, so every binary that opens an index imports segment.
const (
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
			panic("segment: register bleve tokenizer: " + err.Error())
		}
	}
	must(registry.RegisterTokenizer(WordTokenizer, newWordTokenizer))
	must(registry.RegisterTokenizer(CharTokenizer, newCharTokenizer))
	must(registry.RegisterTokenizer(SingleTokenizer, newSingleTokenizer))
}

type wordTokenizer struct {
	dict string
	mode Mode
}

func newWordTokenizer(config map[string]interface{}, _ *registry.Cache) (analysis.Tokenizer, error) {
	dict, _ := config["dict"].(string)
	switch dict {
	case DictNews, DictTest:
	default:
		return nil, fmt.Errorf("segment: tokenizer %s: unknown dictionary %q", WordTokenizer, dict)
	}
	t := &wordTokenizer{dict: dict}
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

// Tokenize cuts already normalised text; the dictionary loads on first use,
// so opening an index stays cheap.
func (t *wordTokenizer) Tokenize(input []byte) analysis.TokenStream {
	seg, err := ForDict(t.dict)
	if err != nil {
		// The dictionaries are embedded: failing to load one is a defect
		// of the build, which no caller could handle.
		panic(err)
	}
	return stream(input, seg.Words(string(input), t.mode), analysis.Ideographic)
}

type charTokenizer struct{}

func newCharTokenizer(map[string]interface{}, *registry.Cache) (analysis.Tokenizer, error) {
	return charTokenizer{}, nil
}

// Tokenize cuts already normalised text into character pairs. Their byte
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

// Tokenize cuts already normalised text into single characters.
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

package indexer

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"sync"

	"github.com/klauspost/compress/zstd"

	"baoku/indexer/article"
)

// The stored article is its JSON compressed with zstd against a fixed
// dictionary (stored.dict, made by storeddict_gen.go from the word
// segmenter's dictionary, not from any archive): each article is
// compressed alone, so a hit reads only its own bytes, and the dictionary
// gives a short article the common words and JSON keys it could not find
// in itself. On news transcripts this keeps 57% of the JSON, where
// bleve's own snappy compression (which still runs over it) keeps 79%.
// The level is "better", not "best": best keeps 50% but sets up the
// dictionary so slowly (0.3 MB/s) that it would dominate indexing.

//go:embed stored.dict
var storedDict []byte

// storedDictID names stored.dict in each compressed article; a new
// dictionary takes a new ID and a new SchemaVersion.
const storedDictID = 1

// encoder and decoder are made on first use, each alone: a server only
// decodes, and the encoder's state is most of the pair's 17 MB. With the
// dictionary, zstd's fastest level compresses news articles as well as
// its better one (56.3% of the JSON against 56.1%, on 5,000 xwlb stories)
// in a fifth of the time, which was a tenth of a bulk build's reading.
var encoder = sync.OnceValues(func() (*zstd.Encoder, error) {
	enc, err := zstd.NewWriter(nil,
		zstd.WithEncoderLevel(zstd.SpeedFastest),
		zstd.WithEncoderCRC(false),
		zstd.WithEncoderConcurrency(1),
		zstd.WithEncoderDictRaw(storedDictID, storedDict))
	if err != nil {
		return nil, fmt.Errorf("stored article: %w", err)
	}
	return enc, nil
})

var decoder = sync.OnceValues(func() (*zstd.Decoder, error) {
	dec, err := zstd.NewReader(nil,
		zstd.WithDecoderConcurrency(0),
		zstd.WithDecoderDictRaw(storedDictID, storedDict))
	if err != nil {
		return nil, fmt.Errorf("stored article: %w", err)
	}
	return dec, nil
})

// encodeStored returns the stored form of an article.
func encodeStored(a *article.Article) (string, error) {
	enc, err := encoder()
	if err != nil {
		return "", err
	}
	js, err := json.Marshal(a)
	if err != nil {
		return "", fmt.Errorf("article %s: %w", a.ID, err)
	}
	return string(enc.EncodeAll(js, make([]byte, 0, len(js)/2))), nil
}

// DecodeStored returns the article from its stored form: the bytes of
// FieldStored, as a search request naming it in its Fields returns them
// (a string there) or as a stored-field visitor sees them.
func DecodeStored(stored []byte) (*article.Article, error) {
	if len(stored) == 0 {
		return nil, fmt.Errorf("stored article: empty")
	}
	dec, err := decoder()
	if err != nil {
		return nil, err
	}
	js, err := dec.DecodeAll(stored, make([]byte, 0, 3*len(stored)))
	if err != nil {
		return nil, fmt.Errorf("stored article: %w", err)
	}
	var a article.Article
	if err := json.Unmarshal(js, &a); err != nil {
		return nil, fmt.Errorf("stored article: %w", err)
	}
	return &a, nil
}

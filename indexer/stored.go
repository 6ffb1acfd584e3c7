package indexer

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"sync"

	"github.com/klauspost/compress/zstd"
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

var codec = sync.OnceValues(func() (*storedCodec, error) {
	enc, err := zstd.NewWriter(nil,
		zstd.WithEncoderLevel(zstd.SpeedBetterCompression),
		zstd.WithEncoderCRC(false),
		zstd.WithEncoderConcurrency(1),
		zstd.WithEncoderDictRaw(storedDictID, storedDict))
	if err != nil {
		return nil, fmt.Errorf("stored article: %w", err)
	}
	dec, err := zstd.NewReader(nil,
		zstd.WithDecoderConcurrency(0),
		zstd.WithDecoderDictRaw(storedDictID, storedDict))
	if err != nil {
		return nil, fmt.Errorf("stored article: %w", err)
	}
	return &storedCodec{enc: enc, dec: dec}, nil
})

// storedCodec compresses and decompresses stored articles; both halves are
// safe for concurrent use.
type storedCodec struct {
	enc *zstd.Encoder
	dec *zstd.Decoder
}

// encodeStored returns the stored form of an article.
func encodeStored(a *Article) (string, error) {
	c, err := codec()
	if err != nil {
		return "", err
	}
	js, err := json.Marshal(a)
	if err != nil {
		return "", fmt.Errorf("article %s: %w", a.ID, err)
	}
	return string(c.enc.EncodeAll(js, make([]byte, 0, len(js)/2))), nil
}

// DecodeStored returns the article from its stored form: the bytes of
// FieldStored, as a search request naming it in its Fields returns them
// (a string there) or as a stored-field visitor sees them.
func DecodeStored(stored []byte) (*Article, error) {
	if len(stored) == 0 {
		return nil, fmt.Errorf("stored article: empty")
	}
	c, err := codec()
	if err != nil {
		return nil, err
	}
	js, err := c.dec.DecodeAll(stored, make([]byte, 0, 3*len(stored)))
	if err != nil {
		return nil, fmt.Errorf("stored article: %w", err)
	}
	var a Article
	if err := json.Unmarshal(js, &a); err != nil {
		return nil, fmt.Errorf("stored article: %w", err)
	}
	return &a, nil
}

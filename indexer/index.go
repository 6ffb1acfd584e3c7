package indexer

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"

	"baoku/segment"
)

// Options configures opening or creating an index.
type Options struct {
	// Dict is the word dictionary of an index created now
	// (segment.DictNews when empty); an existing index keeps its own.
	Dict string
	// LockTimeout is how long opening waits for the folder's lock when
	// another process (a server) holds it: DefaultLockTimeout when 0,
	// no limit when negative.
	LockTimeout time.Duration
}

// DefaultLockTimeout is how long opening an index waits for another
// process to let go of it.
const DefaultLockTimeout = 2 * time.Second

// Index is an open Baoku index: the bleve index, its folder, and the word
// segmenter that analyses its text, with the names it learned from
// bylines. Each index has a segmenter of its own, so two indexes in one
// process cut words each as its learned words say.
type Index struct {
	bleve bleve.Index
	dir   string // "" for an index in memory
	seg   *segment.Segmenter
}

// Bleve returns the bleve index, for searching.
func (ix *Index) Bleve() bleve.Index { return ix.bleve }

// Dir returns the index folder; "" for an index in memory.
func (ix *Index) Dir() string { return ix.dir }

// Segmenter returns the index's word segmenter: the analysis of its
// documents, and of queries over them.
func (ix *Index) Segmenter() *segment.Segmenter { return ix.seg }

// Close closes the index.
func (ix *Index) Close() error { return ix.bleve.Close() }

// Open opens the index in dir, creating it when dir does not hold one yet.
func Open(dir string, opt Options) (*Index, error) {
	if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		if err := Create(dir, opt.Dict); err != nil {
			return nil, err
		}
	}
	return OpenExisting(dir, opt)
}

// OpenExisting opens the index in dir and fails when there is none. When
// another process holds the index, it gives up after opt.LockTimeout,
// saying so.
func OpenExisting(dir string, opt Options) (*Index, error) {
	if _, err := os.Stat(dir); err != nil {
		return nil, fmt.Errorf("open index %s: %w (build one with `baoku index`)", dir, err)
	}
	if _, err := os.Stat(filepath.Join(dir, "index_meta.json")); err != nil {
		return nil, fmt.Errorf("open index %s: %w: the folder holds no Baoku index (build one with `baoku index`)", dir, ErrNotIndex)
	}
	timeout := opt.LockTimeout
	if timeout == 0 {
		timeout = DefaultLockTimeout
	}
	var config map[string]interface{}
	if timeout > 0 {
		config = map[string]interface{}{"bolt_timeout": timeout.String()}
	}
	bix, err := bleve.OpenUsing(dir, config)
	if err != nil {
		if strings.Contains(err.Error(), "timeout") {
			return nil, fmt.Errorf("open index %s: %w (waited %s)", dir, ErrInUse, timeout)
		}
		return nil, fmt.Errorf("open index %s: %w", dir, err)
	}
	ix, err := wrap(bix, dir)
	if err != nil {
		bix.Close()
		return nil, fmt.Errorf("open index %s: %w", dir, err)
	}
	return ix, nil
}

// ErrInUse is returned when another process holds the index.
var ErrInUse = errors.New("the index is in use by another process (a running server?): send files to its admin endpoint or its -watch folder, or stop it")

// ErrNotIndex is returned for a folder that holds no index.
var ErrNotIndex = errors.New("not an index")

// wrap checks an open bleve index's schema and gives it its segmenter,
// with the words learned in dir.
func wrap(bix bleve.Index, dir string) (*Index, error) {
	if err := checkSchema(bix); err != nil {
		return nil, err
	}
	var learned []string
	if dir != "" {
		var err error
		if learned, err = ReadLearnedWords(dir); err != nil {
			return nil, err
		}
	}
	seg, err := segment.New(segment.Options{Dict: dictOf(bix), Learned: learned})
	if err != nil {
		return nil, err
	}
	return &Index{bleve: bix, dir: dir, seg: seg}, nil
}

// Create makes a new, empty index in dir with the given dictionary and
// records its schema version. It is built in a sibling folder and renamed
// into place, so a process killed while creating it never leaves a
// half-made index behind.
func Create(dir, dict string) error {
	if dict == "" {
		dict = segment.DictNews
	}
	m, err := NewMapping(dict)
	if err != nil {
		return err
	}
	tmp := filepath.Clean(dir) + ".creating"
	if err := os.RemoveAll(tmp); err != nil {
		return fmt.Errorf("create index %s: %w", dir, err)
	}
	if err := os.MkdirAll(filepath.Dir(tmp), 0o755); err != nil {
		return fmt.Errorf("create index %s: %w", dir, err)
	}
	ix, err := bleve.New(tmp, m)
	if err != nil {
		return fmt.Errorf("create index %s: %w", dir, err)
	}
	if err := ix.SetInternal(schemaKey, []byte(SchemaVersion)); err != nil {
		ix.Close()
		return fmt.Errorf("create index %s: %w", dir, err)
	}
	if err := ix.Close(); err != nil {
		return fmt.Errorf("create index %s: %w", dir, err)
	}
	if err := os.Rename(tmp, dir); err != nil {
		return fmt.Errorf("create index %s: %w", dir, err)
	}
	return nil
}

// NewMem returns an empty index in memory, for tests and tools.
func NewMem(opt Options) (*Index, error) {
	if opt.Dict == "" {
		opt.Dict = segment.DictNews
	}
	m, err := NewMapping(opt.Dict)
	if err != nil {
		return nil, err
	}
	// scorch, as on disk, not bleve's default in-memory index type:
	// search reads scorch's segments.
	bix, err := bleve.NewUsing("", m, scorch.Name, scorch.Name, nil)
	if err != nil {
		return nil, err
	}
	if err := bix.SetInternal(schemaKey, []byte(SchemaVersion)); err != nil {
		bix.Close()
		return nil, err
	}
	return wrap(bix, "")
}

// SchemaVersion names the layout of the index (fields, views, analyzers).
// It is recorded in every index created, and an index of another version is
// refused when opened: searching it would silently miss what it lacks.
const SchemaVersion = "baoku-8"

var schemaKey = []byte("baoku_schema")

// ErrSchema is returned for an index built with another schema version.
var ErrSchema = errors.New("index built by another version of Baoku")

// checkSchema refuses an index of another schema version.
func checkSchema(ix bleve.Index) error {
	v, err := ix.GetInternal(schemaKey)
	if err != nil {
		return err
	}
	if string(v) != SchemaVersion {
		got := string(v)
		if got == "" {
			got = "none recorded"
		}
		return fmt.Errorf("%w (schema %s, this program needs %s): build it again, e.g. remove the folder and run `baoku index`", ErrSchema, got, SchemaVersion)
	}
	return nil
}

// dictOf returns the dictionary name an index was built with.
func dictOf(ix bleve.Index) string {
	if im, ok := ix.Mapping().(*mapping.IndexMappingImpl); ok {
		if d, ok := im.CustomAnalysis.Tokenizers[segment.WordTokenizer]["dict"].(string); ok {
			return d
		}
	}
	return segment.DictNews
}

package main

import (
	"archive/tar"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strings"

	"github.com/blevesearch/bleve/v2"

	"baoku/indexer"
)

// runBackup copies an index, consistently, into a new folder: from the
// index folder directly when no server holds it, or from a running server
// through its admin endpoint (-server), while it goes on serving and
// indexing.
func runBackup(args []string) error {
	fs := flag.NewFlagSet("backup", flag.ContinueOnError)
	dir := fs.String("index", defaultIndex, "index folder to copy (when no server holds it)")
	server := fs.String("server", "", "copy from the server at this URL (e.g. http://localhost:8080); needs BAOKU_ADMIN_TOKEN")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return errors.New("give one destination folder (it must not exist yet)")
	}
	dest := filepath.Clean(fs.Arg(0))
	if _, err := os.Stat(dest); err == nil {
		return fmt.Errorf("%s exists already: back up into a new folder", dest)
	}
	tmp := dest + ".partial"
	if err := os.RemoveAll(tmp); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	var err error
	if *server != "" {
		err = backupFromServer(*server, tmp)
	} else {
		err = backupFolder(*dir, tmp)
	}
	if err != nil {
		os.RemoveAll(tmp)
		return err
	}
	if err := os.Rename(tmp, dest); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	n, err := countArticles(dest)
	if err != nil {
		return fmt.Errorf("backup made, but it does not open: %w", err)
	}
	fmt.Fprintf(os.Stderr, "backed up %d articles to %s\n", n, dest)
	return nil
}

// backupFolder opens the index in dir and copies it to dest.
func backupFolder(dir, dest string) error {
	if _, err := os.Stat(filepath.Join(dir, "index_meta.json")); err != nil {
		return fmt.Errorf("backup: no index in %s: %w", dir, err)
	}
	// A running server holds the index's lock; give up quickly and say
	// what to do instead of waiting for it.
	ix, err := bleve.OpenUsing(dir, map[string]any{"bolt_timeout": "2s"})
	if err != nil {
		return fmt.Errorf("backup: open %s: %w (if a server is using it, back up through it with -server)", dir, err)
	}
	defer ix.Close()
	return copyIndex(ix, dir, dest)
}

// copyIndex writes a consistent copy of an open index (a snapshot: writes
// going on meanwhile are not in it) into the new folder dest, with the
// journal of finished files from its folder dir, if it has one.
func copyIndex(ix bleve.Index, dir, dest string) error {
	c, ok := ix.(bleve.IndexCopyable)
	if !ok {
		return errors.New("backup: this index cannot be copied")
	}
	if err := os.MkdirAll(dest, 0o755); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	if err := c.CopyTo(bleve.FileSystemDirectory(dest)); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	if dir != "" {
		if j, err := os.ReadFile(filepath.Join(dir, indexer.JournalName)); err == nil {
			if err := os.WriteFile(filepath.Join(dest, indexer.JournalName), j, 0o644); err != nil {
				return fmt.Errorf("backup: %w", err)
			}
		}
	}
	return nil
}

// backupTar copies the index into a temporary folder and writes it to w as
// a tar stream.
func backupTar(ix bleve.Index, dir string, w io.Writer) error {
	tmp, err := os.MkdirTemp("", "baoku-backup")
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	defer os.RemoveAll(tmp)
	if err := copyIndex(ix, dir, filepath.Join(tmp, "index")); err != nil {
		return err
	}
	return writeTar(filepath.Join(tmp, "index"), w)
}

func writeTar(dir string, w io.Writer) error {
	tw := tar.NewWriter(w)
	err := tw.AddFS(os.DirFS(dir))
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	if err := tw.Close(); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	return nil
}

// backupFromServer asks a running server for a copy of its index and
// unpacks it into dest.
func backupFromServer(server, dest string) error {
	token := adminToken()
	if token == "" {
		return errors.New("backup: set BAOKU_ADMIN_TOKEN to the server's admin token")
	}
	req, err := http.NewRequest(http.MethodPost, strings.TrimRight(server, "/")+"/api/admin/backup", nil)
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		msg, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
		return fmt.Errorf("backup: server answered %s: %s", resp.Status, strings.TrimSpace(string(msg)))
	}
	return untar(resp.Body, dest)
}

// untar unpacks regular files and folders into dest, refusing any name that
// would land outside it.
func untar(r io.Reader, dest string) error {
	tr := tar.NewReader(r)
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("backup: read copy: %w", err)
		}
		name := strings.TrimSuffix(h.Name, "/")
		if !fs.ValidPath(name) {
			return fmt.Errorf("backup: bad name %q in copy", h.Name)
		}
		p := filepath.Join(dest, filepath.FromSlash(name))
		switch h.Typeflag {
		case tar.TypeDir:
			if err := os.MkdirAll(p, 0o755); err != nil {
				return fmt.Errorf("backup: %w", err)
			}
		case tar.TypeReg:
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				return fmt.Errorf("backup: %w", err)
			}
			f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
			if err != nil {
				return fmt.Errorf("backup: %w", err)
			}
			_, err = io.Copy(f, tr)
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				return fmt.Errorf("backup: write %s: %w", p, err)
			}
		}
	}
}

// countArticles opens an index folder and returns its article count.
func countArticles(dir string) (uint64, error) {
	ix, err := bleve.OpenUsing(dir, map[string]any{"bolt_timeout": "2s"})
	if err != nil {
		return 0, err
	}
	defer ix.Close()
	return ix.DocCount()
}

// checkNotHeld fails quickly, saying why, when another process (a server)
// holds the index in dir, instead of waiting for its lock forever.
func checkNotHeld(dir string) error {
	if _, err := os.Stat(filepath.Join(dir, "index_meta.json")); err != nil {
		return nil // no index yet, or none to hold
	}
	ix, err := bleve.OpenUsing(dir, map[string]any{"bolt_timeout": "2s"})
	if err != nil {
		return fmt.Errorf("open index %s: %w (if a server is using it, send files to its admin endpoint or its -watch folder)", dir, err)
	}
	if err := ix.Close(); err != nil {
		return fmt.Errorf("open index %s: %w", dir, err)
	}
	return nil
}

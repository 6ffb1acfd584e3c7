package indexer

import (
	"archive/tar"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/blevesearch/bleve/v2"
)

// sideFiles are the files an index folder keeps beside bleve's own, which a
// copy of the index needs too: the journal of finished inputs and the names
// learned from bylines (without them a restored index would cut those
// names differently), and the citable result sets. The page images
// (PageImageDir) are copied as well.
var sideFiles = []string{JournalName, LearnedWordsFile, SnapshotsFile}

// CopyTo writes a consistent copy of the index (a snapshot: writes going on
// meanwhile are not in it), with its side files, into the folder dest,
// which it creates.
func (ix *Index) CopyTo(dest string) error {
	c, ok := ix.bleve.(bleve.IndexCopyable)
	if !ok || ix.dir == "" {
		return errors.New("backup: only an index in a folder can be copied")
	}
	if err := os.MkdirAll(dest, 0o755); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	if err := c.CopyTo(bleve.FileSystemDirectory(dest)); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	for _, name := range sideFiles {
		b, err := os.ReadFile(filepath.Join(ix.dir, name))
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err == nil {
			err = os.WriteFile(filepath.Join(dest, name), b, 0o644)
		}
		if err != nil {
			return fmt.Errorf("backup: %w", err)
		}
	}
	return copyPageImages(ix.dir, dest)
}

// copyPageImages copies the page images of the index folder src into
// dest. An image being written meanwhile (a .render- folder) is left out.
func copyPageImages(src, dest string) error {
	ents, err := os.ReadDir(filepath.Join(src, PageImageDir))
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	if err := os.MkdirAll(filepath.Join(dest, PageImageDir), 0o755); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	for _, e := range ents {
		if !e.Type().IsRegular() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		if err := copyFile(filepath.Join(src, PageImageDir, e.Name()), filepath.Join(dest, PageImageDir, e.Name())); err != nil {
			return fmt.Errorf("backup: %w", err)
		}
	}
	return nil
}

func copyFile(src, dest string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dest, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = io.Copy(out, in)
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	return err
}

// WriteBackup writes a consistent copy of the index (see CopyTo) to w as a
// tar stream; ExtractBackup unpacks it.
func (ix *Index) WriteBackup(w io.Writer) error {
	tmp, err := os.MkdirTemp("", "baoku-backup")
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	defer os.RemoveAll(tmp)
	dir := filepath.Join(tmp, "index")
	if err := ix.CopyTo(dir); err != nil {
		return err
	}
	tw := tar.NewWriter(w)
	if err := tw.AddFS(os.DirFS(dir)); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	if err := tw.Close(); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	return nil
}

// ExtractBackup unpacks a backup written by WriteBackup into dest: regular
// files and folders only, refusing any name that would land outside dest.
func ExtractBackup(r io.Reader, dest string) error {
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

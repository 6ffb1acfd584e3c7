package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"

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

// backupFolder opens the index in dir and copies it to dest. A running
// server holds the index's lock: opening gives up quickly and says what to
// do instead of waiting for it.
func backupFolder(dir, dest string) error {
	ix, err := indexer.OpenExisting(dir, indexer.Options{})
	if err != nil {
		return fmt.Errorf("backup: %w (if a server is using it, back up through it with -server)", err)
	}
	defer ix.Close()
	return ix.CopyTo(dest)
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
	return indexer.ExtractBackup(resp.Body, dest)
}

// countArticles opens an index folder and returns its article count.
func countArticles(dir string) (uint64, error) {
	ix, err := indexer.OpenExisting(dir, indexer.Options{})
	if err != nil {
		return 0, err
	}
	defer ix.Close()
	return ix.Bleve().DocCount()
}

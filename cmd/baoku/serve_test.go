package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// serveChild is a `baoku serve` child process.
type serveChild struct {
	cmd  *exec.Cmd
	base string
	log  *syncBuffer
	done chan error
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func freeLoopback(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// startServer runs baoku serve with args and waits until it answers.
func startServe(t *testing.T, env []string, args ...string) *serveChild {
	t.Helper()
	addr := freeLoopback(t)
	cmd := exec.Command(binPath, append([]string{"serve", "-addr", addr}, args...)...)
	cmd.Env = append(os.Environ(), env...)
	s := &serveChild{cmd: cmd, base: "http://" + addr, log: &syncBuffer{}, done: make(chan error, 1)}
	cmd.Stdout, cmd.Stderr = s.log, s.log
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { s.done <- cmd.Wait() }()
	t.Cleanup(func() {
		cmd.Process.Kill()
		<-s.done
	})
	for start := time.Now(); ; time.Sleep(50 * time.Millisecond) {
		if resp, err := http.Get(s.base + "/healthz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return s
			}
		}
		select {
		case err := <-s.done:
			t.Fatalf("server exited (%v):\n%s", err, s.log)
		default:
		}
		if time.Since(start) > time.Minute {
			t.Fatalf("server did not answer within a minute:\n%s", s.log)
		}
	}
}

func (s *serveChild) count(t *testing.T) uint64 {
	t.Helper()
	resp, err := http.Get(s.base + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var h struct{ Articles uint64 }
	if err := json.NewDecoder(resp.Body).Decode(&h); err != nil {
		t.Fatal(err)
	}
	return h.Articles
}

func (s *serveChild) total(t *testing.T, query string) uint64 {
	t.Helper()
	resp, err := http.Get(s.base + "/api/search?size=1&q=" + url.QueryEscape(query))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var r struct{ Total uint64 }
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
		t.Fatal(err)
	}
	return r.Total
}

// stop sends SIGTERM and waits for a clean exit.
func (s *serveChild) stop(t *testing.T) {
	t.Helper()
	if err := s.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-s.done:
		s.done <- err
		if err != nil {
			t.Fatalf("server exit after SIGTERM: %v\n%s", err, s.log)
		}
	case <-time.After(30 * time.Second):
		t.Fatalf("server still running 30 s after SIGTERM:\n%s", s.log)
	}
}

// buildIndex indexes records into a new index folder with the binary.
func buildIndex(t *testing.T, files, perFile int) (string, map[string]bool) {
	t.Helper()
	tmp := t.TempDir()
	in := filepath.Join(tmp, "in")
	os.Mkdir(in, 0o755)
	want := writeRecords(t, in, files, perFile)
	ix := filepath.Join(tmp, "index")
	if out, err := exec.Command(binPath, "index", "-q", "-index", ix, in).CombinedOutput(); err != nil {
		t.Fatalf("index: %v\n%s", err, out)
	}
	return ix, want
}

// TestServeSIGTERMFinishesInFlight sends SIGTERM while an upload is half
// sent: the server stops taking new connections but finishes the upload,
// whose articles are in the index afterwards, and exits cleanly.
func TestServeSIGTERMFinishesInFlight(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the binary; skipped with -short")
	}
	ix, want := buildIndex(t, 1, 20)
	s := startServe(t, []string{"BAOKU_ADMIN_TOKEN=tok"}, "-index", ix)

	pr, pw := io.Pipe()
	req, _ := http.NewRequest(http.MethodPost, s.base+"/api/admin/index", pr)
	req.Header.Set("Authorization", "Bearer tok")
	req.Header.Set("Content-Type", "application/x-ndjson")
	type answer struct {
		code int
		body string
		err  error
	}
	answered := make(chan answer, 1)
	go func() {
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			answered <- answer{err: err}
			return
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		answered <- answer{resp.StatusCode, string(b), nil}
	}()
	line := func(i int) string {
		return fmt.Sprintf(`{"id":"late-%d","paper":"测试日报","date":"2023-11-01","headline":"关停前送达的稿件 %d","body":"暴雨预警发布。"}`+"\n", i, i)
	}
	io.WriteString(pw, line(0))
	time.Sleep(300 * time.Millisecond) // the handler is now reading the body
	if err := s.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	// New connections are refused while the upload goes on.
	for start := time.Now(); ; time.Sleep(20 * time.Millisecond) {
		conn, err := net.DialTimeout("tcp", strings.TrimPrefix(s.base, "http://"), time.Second)
		if err != nil {
			break
		}
		conn.Close()
		if time.Since(start) > 10*time.Second {
			t.Fatal("server still accepts connections 10 s after SIGTERM")
		}
	}
	for i := 1; i < 5; i++ {
		io.WriteString(pw, line(i))
	}
	pw.Close()
	a := <-answered
	if a.err != nil || a.code != http.StatusOK || !strings.Contains(a.body, `"articles":5`) {
		t.Fatalf("in-flight upload: %v, status %d, %s", a.err, a.code, a.body)
	}
	select {
	case err := <-s.done:
		s.done <- err
		if err != nil {
			t.Fatalf("exit after SIGTERM: %v\n%s", err, s.log)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("server did not exit after the upload finished")
	}
	n, missing := checkIndex(t, ix, want)
	if n != uint64(len(want)+5) || len(missing) > 0 {
		t.Errorf("after shutdown: %d articles (want %d), %d missing", n, len(want)+5, len(missing))
	}
}

// TestServeWatchAndBackup drops files into the watch folder of a running
// server, checks they become searchable once, backs the live index up
// through the server, and checks a restart does not read them again.
func TestServeWatchAndBackup(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the binary; skipped with -short")
	}
	ix, want := buildIndex(t, 1, 30)
	drop := t.TempDir()
	env := []string{"BAOKU_ADMIN_TOKEN=tok"}
	s := startServe(t, env, "-index", ix, "-watch", drop, "-watch-every", "100ms")

	// Write the file under another name and rename it in, as a copy tool does.
	recs := ""
	for i := 0; i < 40; i++ {
		recs += fmt.Sprintf(`{"id":"drop-%d","paper":"测试日报","date":"2023-12-%02d","headline":"投放目录的稿件%d","body":"冬储白菜上市。"}`+"\n", i, 1+i%28, i)
	}
	tmpFile := filepath.Join(t.TempDir(), "x")
	os.WriteFile(tmpFile, []byte(recs), 0o644)
	if err := os.Rename(tmpFile, filepath.Join(drop, "drop-1.jsonl")); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(drop, "notes.md"), []byte("not an input"), 0o644)
	deadline := time.Now().Add(30 * time.Second)
	for s.total(t, "白菜") != 40 {
		if time.Now().After(deadline) {
			t.Fatalf("dropped articles not searchable after 30 s (found %d):\n%s", s.total(t, "白菜"), s.log)
		}
		time.Sleep(50 * time.Millisecond)
	}
	time.Sleep(500 * time.Millisecond) // several more polls: nothing is read twice
	if n := s.count(t); n != uint64(len(want)+40) {
		t.Errorf("count %d after the drop, want %d", n, len(want)+40)
	}
	if c := strings.Count(s.log.String(), "indexed 40 articles"); c != 1 {
		t.Errorf("drop file indexed %d times, want once:\n%s", c, s.log)
	}

	// A backup through the running server.
	dest := filepath.Join(t.TempDir(), "copy")
	cmd := exec.Command(binPath, "backup", "-server", s.base, dest)
	cmd.Env = append(os.Environ(), env...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("backup -server: %v\n%s", err, out)
	}
	if n, missing := checkIndex(t, dest, want); n != uint64(len(want)+40) || len(missing) > 0 {
		t.Errorf("backup holds %d articles (want %d), %d missing", n, len(want)+40, len(missing))
	}
	if _, err := os.Stat(filepath.Join(dest, "ingest-journal.jsonl")); err != nil {
		t.Errorf("backup has no journal: %v", err)
	}
	// Without the server, a held index is refused quickly, not waited on.
	out, err := exec.Command(binPath, "backup", "-index", ix, filepath.Join(t.TempDir(), "c2")).CombinedOutput()
	if err == nil || !strings.Contains(string(out), "-server") {
		t.Errorf("backup of an index held by a server: %v\n%s", err, out)
	}
	// Nor does indexing into it wait for the lock.
	out, err = exec.Command(binPath, "index", "-q", "-index", ix, drop).CombinedOutput()
	if err == nil || !strings.Contains(string(out), "admin endpoint") {
		t.Errorf("index into a folder held by a server: %v\n%s", err, out)
	}
	// A backup without the token is refused.
	if out, err := exec.Command(binPath, "backup", "-server", s.base, filepath.Join(t.TempDir(), "c3")).CombinedOutput(); err == nil {
		t.Errorf("backup without a token succeeded:\n%s", out)
	}
	s.stop(t)

	// Restart: the journal keeps the dropped file from being read again.
	s = startServe(t, env, "-index", ix, "-watch", drop, "-watch-every", "100ms")
	time.Sleep(time.Second)
	if strings.Contains(s.log.String(), "indexed") {
		t.Errorf("restarted server read the dropped file again:\n%s", s.log)
	}
	s.stop(t)

	// Stopped: back up from the folder.
	dest2 := filepath.Join(t.TempDir(), "copy2")
	if out, err := exec.Command(binPath, "backup", "-index", ix, dest2).CombinedOutput(); err != nil {
		t.Fatalf("backup -index: %v\n%s", err, out)
	}
	if n, _ := checkIndex(t, dest2, want); n != uint64(len(want)+40) {
		t.Errorf("folder backup holds %d articles, want %d", n, len(want)+40)
	}
}

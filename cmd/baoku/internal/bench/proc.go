package bench

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// A child process of the bench: an ingest that runs to the end, or a server
// that is stopped after its queries.

// ingestRun is what one ingest cost.
type ingestRun struct {
	Wall     time.Duration
	PeakRSS  int64 // bytes
	DiskSize int64 // bytes
}

// runIngest runs `self args...` to completion and measures it.
func runIngest(self string, args []string, dir string) (ingestRun, error) {
	var stderr bytes.Buffer
	cmd := exec.Command(self, args...)
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err != nil {
		return ingestRun{}, fmt.Errorf("%s: %w\n%s", strings.Join(args, " "), err, tail(stderr.String(), 2000))
	}
	size, err := dirSize(dir)
	if err != nil {
		return ingestRun{}, err
	}
	return ingestRun{Wall: wall, PeakRSS: maxRSS(cmd.ProcessState), DiskSize: size}, nil
}

// maxRSS is the peak resident set of a finished process, in bytes.
func maxRSS(ps *os.ProcessState) int64 {
	if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
		return ru.Maxrss * 1024 // kilobytes on Linux
	}
	return 0
}

func tail(s string, n int) string {
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}

// dirSize is the total size of the files under dir.
func dirSize(dir string) (int64, error) {
	var n int64
	err := filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() {
			info, err := d.Info()
			if err != nil {
				return err
			}
			n += info.Size()
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("size of %s: %w", dir, err)
	}
	return n, nil
}

// server is a search server running as a child process on loopback.
type server struct {
	cmd    *exec.Cmd
	base   string // http://127.0.0.1:port
	stderr bytes.Buffer
	start  time.Time
	exited chan struct{} // closed when the process has ended
}

// freeAddr returns a loopback address with a free port.
func freeAddr() (string, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", fmt.Errorf("find a free port: %w", err)
	}
	defer l.Close()
	return l.Addr().String(), nil
}

// startServer starts `self args... -addr ADDR` on a free loopback port.
func startServer(self string, args []string) (*server, error) {
	addr, err := freeAddr()
	if err != nil {
		return nil, err
	}
	s := &server{base: "http://" + addr, exited: make(chan struct{})}
	s.cmd = exec.Command(self, append(args, "-addr", addr)...)
	s.cmd.Stderr = &s.stderr
	s.start = time.Now()
	if err := s.cmd.Start(); err != nil {
		return nil, fmt.Errorf("start %s: %w", strings.Join(args, " "), err)
	}
	go func() { s.cmd.Wait(); close(s.exited) }()
	return s, nil
}

// firstAnswer polls the server with query path until it answers 200 and
// returns the time since the process was started.
func (s *server) firstAnswer(c *http.Client, path string, limit time.Duration) (time.Duration, error) {
	deadline := s.start.Add(limit)
	for time.Now().Before(deadline) {
		ctx, cancel := context.WithTimeout(context.Background(), limit)
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, s.base+path, nil)
		resp, err := c.Do(req)
		if err == nil {
			code := resp.StatusCode
			drain(resp)
			cancel()
			if code == http.StatusOK {
				return time.Since(s.start), nil
			}
			return 0, fmt.Errorf("first query %s: status %d", path, code)
		}
		cancel()
		select {
		case <-s.exited:
			return 0, fmt.Errorf("server ended before answering\n%s", tail(s.stderr.String(), 2000))
		case <-time.After(2 * time.Millisecond):
		}
	}
	return 0, fmt.Errorf("server did not answer within %s\n%s", limit, tail(s.stderr.String(), 2000))
}

// rss is the server's resident set now, in bytes.
func (s *server) rss() (int64, error) {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", s.cmd.Process.Pid))
	if err != nil {
		return 0, fmt.Errorf("read server memory: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmRSS:"); ok {
			kb, err := strconv.ParseInt(strings.Fields(rest)[0], 10, 64)
			return kb * 1024, err
		}
	}
	return 0, errors.New("read server memory: no VmRSS line")
}

// stop ends the server (SIGTERM, then SIGKILL after 10 s) and waits for it.
func (s *server) stop() {
	s.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-s.exited:
	case <-time.After(10 * time.Second):
		s.cmd.Process.Kill()
		<-s.exited
	}
}

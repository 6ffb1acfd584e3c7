package bench

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
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
	CPU      time.Duration // user and system time of the processes
	PeakRSS  int64         // bytes, the largest of the processes
	DiskSize int64         // bytes
}

// procStep is one process of an ingest.
type procStep struct {
	argv  []string
	stdin []string                  // files fed to its standard input, one after the other
	check func(stdout []byte) error // reads its output for errors; nil: not read
}

// runIngest runs the steps one after the other, each to completion, and
// measures them together; dir is the index they build.
func runIngest(dir string, steps ...procStep) (ingestRun, error) {
	var run ingestRun
	for _, st := range steps {
		if err := runStep(st, &run); err != nil {
			return ingestRun{}, err
		}
	}
	size, err := dirSize(dir)
	if err != nil {
		return ingestRun{}, err
	}
	run.DiskSize = size
	return run, nil
}

// runStep runs one process of an ingest and adds its cost to run.
func runStep(st procStep, run *ingestRun) error {
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(st.argv[0], st.argv[1:]...)
	cmd.Stderr = &stderr
	if st.check != nil {
		cmd.Stdout = &stdout
	}
	var files []io.Reader
	for _, name := range st.stdin {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		defer f.Close()
		files = append(files, f)
	}
	if len(files) > 0 {
		cmd.Stdin = io.MultiReader(files...)
	}
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("%s: %w", tail(strings.Join(st.argv, " "), 300), err)
	}
	hwm := watchHighWater(cmd.Process.Pid)
	err := cmd.Wait()
	run.Wall += time.Since(start)
	peak := hwm()
	name := strings.Join(st.argv, " ")
	if err != nil {
		return fmt.Errorf("%s: %w\n%s", tail(name, 300), err, tail(stderr.String(), 2000))
	}
	if st.check != nil {
		if err := st.check(stdout.Bytes()); err != nil {
			return fmt.Errorf("%s: %w", tail(name, 300), err)
		}
	}
	run.CPU += cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	run.PeakRSS = max(run.PeakRSS, peak)
	return nil
}

// watchHighWater reads the resident high-water mark (VmHWM) of process pid
// every 20 ms while it runs; the function it returns stops the watch and
// gives the largest mark read, in bytes. The rusage of a finished child
// cannot be used: Go starts children with vfork, so the child's ru_maxrss
// starts from the parent's resident set, and a bench holding the corpus
// in memory would be reported for every engine it starts.
func watchHighWater(pid int) func() int64 {
	name := fmt.Sprintf("/proc/%d/status", pid)
	done := make(chan struct{})
	peak := make(chan int64, 1)
	go func() {
		var hwm int64
		tick := time.NewTicker(20 * time.Millisecond)
		defer tick.Stop()
		for {
			if b, err := os.ReadFile(name); err == nil {
				hwm = max(hwm, statusField(b, "VmHWM:"))
			}
			select {
			case <-done:
				peak <- hwm
				return
			case <-tick.C:
			}
		}
	}()
	return func() int64 {
		close(done)
		return <-peak
	}
}

// statusField is the value in bytes of a "kB" line of /proc/PID/status,
// 0 when the text has none.
func statusField(b []byte, key string) int64 {
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) >= 2 && f[0] == key {
			kb, err := strconv.ParseInt(f[1], 10, 64)
			if err != nil {
				return 0
			}
			return kb * 1024
		}
	}
	return 0
}

func tail(s string, n int) string {
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}

// fileSize is the space a file takes: its length, or the blocks it has on
// disk where that is less (Groonga's files are sparse: they are created at
// a fixed length that is only partly written).
func fileSize(info fs.FileInfo) int64 {
	n := info.Size()
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		n = min(n, st.Blocks*512)
	}
	return n
}

// dirSize is the total space the files under dir take (fileSize).
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
			n += fileSize(info)
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

// startServer starts an engine's server for the index in dir on a free
// loopback port.
func startServer(e engine, self, dir string) (*server, error) {
	addr, err := freeAddr()
	if err != nil {
		return nil, err
	}
	bin, args := e.command(self, dir, addr)
	s := &server{base: "http://" + addr, exited: make(chan struct{})}
	s.cmd = exec.Command(bin, args...)
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

// memory is a process's resident set, in bytes: all of it, its anonymous
// pages (heap, stacks) and its file-backed pages (mapped index files and
// the binary).
type memory struct {
	RSS, Anon, File int64
}

// memory reads the server's resident set now.
func (s *server) memory() (memory, error) {
	name := fmt.Sprintf("/proc/%d/status", s.cmd.Process.Pid)
	b, err := os.ReadFile(name)
	if err != nil {
		return memory{}, fmt.Errorf("read server memory: %w", err)
	}
	return parseStatus(name, b)
}

// parseStatus reads the resident set from the text of /proc/PID/status.
func parseStatus(name string, b []byte) (memory, error) {
	var m memory
	fields := map[string]*int64{"VmRSS:": &m.RSS, "RssAnon:": &m.Anon, "RssFile:": &m.File}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 2 || fields[f[0]] == nil {
			continue
		}
		kb, err := strconv.ParseInt(f[1], 10, 64)
		if err != nil {
			return memory{}, fmt.Errorf("%s: %s: %w", name, f[0], err)
		}
		*fields[f[0]] = kb * 1024
		delete(fields, f[0])
	}
	if _, ok := fields["VmRSS:"]; ok {
		return memory{}, fmt.Errorf("%s: no VmRSS line", name)
	}
	return m, nil
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

package web

import (
	"context"
	"log"
	"net/http"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"
)

// Limits protect the server from a crowd and from expensive requests. The
// zero value of a field means its default.
type Limits struct {
	// Timeout bounds the time a request may take; the search is cancelled
	// through its context when it passes (10 s when 0).
	Timeout time.Duration
	// MaxSearches is the number of searches answered at once
	// (4 × GOMAXPROCS when 0). A request that finds them all busy waits up
	// to QueueWait and then gets 503 with Retry-After.
	MaxSearches int
	// QueueWait is how long a request waits for a free search slot
	// (100 ms when 0; negative for no wait).
	QueueWait time.Duration
	// MaxBody bounds an admin upload's body, in bytes (256 MiB when 0).
	MaxBody int64
}

func (l Limits) withDefaults() Limits {
	if l.Timeout <= 0 {
		l.Timeout = 10 * time.Second
	}
	if l.MaxSearches <= 0 {
		l.MaxSearches = 4 * runtime.GOMAXPROCS(0)
	}
	if l.QueueWait == 0 {
		l.QueueWait = 100 * time.Millisecond
	}
	if l.MaxBody <= 0 {
		l.MaxBody = 256 << 20
	}
	return l
}

// contentSecurityPolicy allows the site's own scripts, styles and images
// only: no inline script, no framing, forms posting only to the site.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// setSecurityHeaders sets the headers that keep a browser from running or
// framing anything the site did not serve itself.
func setSecurityHeaders(h http.Header) {
	h.Set("Content-Security-Policy", contentSecurityPolicy)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "same-origin")
	h.Set("X-Frame-Options", "DENY")
}

// recovery turns a panic into a plain 500: the stack goes to the log, the
// client sees no trace, path or message.
func recovery(c *gin.Context) {
	defer func() {
		if p := recover(); p != nil {
			if p == http.ErrAbortHandler {
				panic(p)
			}
			log.Printf("panic serving %s %s: %v\n%s", c.Request.Method, c.Request.URL.Path, p, debug.Stack())
			if c.Writer.Written() {
				c.Abort()
				return
			}
			c.Header("Content-Type", "text/plain; charset=utf-8")
			c.AbortWithStatus(http.StatusInternalServerError)
			c.Writer.WriteString(http.StatusText(http.StatusInternalServerError))
		}
	}()
	c.Next()
}

// gate lets at most n searches run at once; a request that cannot get a
// slot within wait is answered 503 with Retry-After, so a crowd is turned
// away early instead of piling up until the server falls over.
type gate struct {
	slots chan struct{}
	wait  time.Duration
}

func newGate(n int, wait time.Duration) *gate {
	return &gate{slots: make(chan struct{}, n), wait: wait}
}

func (g *gate) handle(c *gin.Context) {
	select {
	case g.slots <- struct{}{}:
	default:
		if !g.waitSlot(c) {
			busy(c)
			return
		}
	}
	defer func() { <-g.slots }()
	c.Next()
}

func (g *gate) waitSlot(c *gin.Context) bool {
	if g.wait < 0 {
		return false
	}
	t := time.NewTimer(g.wait)
	defer t.Stop()
	select {
	case g.slots <- struct{}{}:
		return true
	case <-t.C:
	case <-c.Request.Context().Done():
	}
	return false
}

// busy answers 503 with Retry-After, as JSON for the API and as a page
// otherwise.
func busy(c *gin.Context) {
	c.Header("Retry-After", strconv.Itoa(1))
	msg := "服务繁忙，请稍后再试 (server busy, retry shortly)"
	if strings.HasPrefix(c.Request.URL.Path, "/api/") {
		c.AbortWithStatusJSON(http.StatusServiceUnavailable, gin.H{"error": msg})
		return
	}
	c.Header("Content-Type", "text/plain; charset=utf-8")
	c.AbortWithStatus(http.StatusServiceUnavailable)
	c.Writer.WriteString(msg)
}

// guarded reports whether a path is a search or page route, which the
// timeout and the concurrency cap apply to. Health checks, metrics, assets
// and admin requests (long uploads) pass freely.
func guarded(path string) bool {
	for _, p := range []string{"/healthz", "/metrics", "/static/", "/api/admin/"} {
		if path == p || strings.HasPrefix(path, p) {
			return false
		}
	}
	return true
}

// guard applies the security headers to every response and, on search and
// page routes, the request timeout and the concurrency cap.
func guard(l Limits) gin.HandlerFunc {
	g := newGate(l.MaxSearches, l.QueueWait)
	return func(c *gin.Context) {
		setSecurityHeaders(c.Writer.Header())
		if p := c.Request.URL.Path; strings.HasPrefix(p, "/static/") && strings.HasSuffix(p, "/") {
			// No listings of the asset folders.
			c.AbortWithStatus(http.StatusNotFound)
			return
		}
		if !guarded(c.Request.URL.Path) {
			c.Next()
			return
		}
		ctx, cancel := context.WithTimeout(c.Request.Context(), l.Timeout)
		defer cancel()
		c.Request = c.Request.WithContext(ctx)
		g.handle(c)
	}
}

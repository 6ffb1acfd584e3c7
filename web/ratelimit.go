package web

import (
	"math"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gin-gonic/gin"
)

// RateLimit bounds how much of the research views one client may ask for:
// each client (by its IP address) has a bucket of Burst tokens, refilled
// at PerMinute a minute; a request takes its cost in tokens (an export,
// collocates or a new result set cost more than a page) and, when the
// bucket holds too few, is answered 429 with Retry-After, the seconds
// until it would be let through. The zero value of a field means its
// default.
type RateLimit struct {
	// PerMinute is the refill rate (60 when 0; negative: no limit).
	PerMinute float64
	// Burst is the bucket's size (30 when 0).
	Burst float64
	// now is the clock (time.Now when nil), for tests.
	now func() time.Time
}

// Request costs in tokens.
const (
	costPage   = 1
	costHeavy  = 5 // collocates, export, a new result set
	maxClients = 10000
)

func (l RateLimit) withDefaults() RateLimit {
	if l.PerMinute == 0 {
		l.PerMinute = 60
	}
	if l.Burst <= 0 {
		l.Burst = 30
	}
	if l.now == nil {
		l.now = time.Now
	}
	return l
}

// limiter keeps the buckets of the clients seen lately.
type limiter struct {
	l       RateLimit
	mu      sync.Mutex
	clients map[string]*bucket
}

type bucket struct {
	tokens float64
	at     time.Time
}

func newLimiter(l RateLimit) *limiter {
	return &limiter{l: l.withDefaults(), clients: map[string]*bucket{}}
}

// take spends cost tokens of a client's bucket; when it holds too few, it
// says how long until it will.
func (lm *limiter) take(client string, cost float64) (ok bool, wait time.Duration) {
	if lm.l.PerMinute < 0 {
		return true, 0
	}
	now := lm.l.now()
	rate := lm.l.PerMinute / 60 // tokens a second
	lm.mu.Lock()
	defer lm.mu.Unlock()
	b := lm.clients[client]
	if b == nil {
		if len(lm.clients) >= maxClients {
			lm.forget(now, rate)
		}
		b = &bucket{tokens: lm.l.Burst, at: now}
		lm.clients[client] = b
	}
	b.tokens = math.Min(lm.l.Burst, b.tokens+now.Sub(b.at).Seconds()*rate)
	b.at = now
	cost = math.Min(cost, lm.l.Burst)
	if b.tokens >= cost {
		b.tokens -= cost
		return true, 0
	}
	return false, time.Duration((cost - b.tokens) / rate * float64(time.Second))
}

// forget drops the clients whose buckets are full again: they are as if
// never seen. lm.mu is held.
func (lm *limiter) forget(now time.Time, rate float64) {
	for k, b := range lm.clients {
		if b.tokens+now.Sub(b.at).Seconds()*rate >= lm.l.Burst {
			delete(lm.clients, k)
		}
	}
}

// middleware answers a request over its client's limit with 429.
func (lm *limiter) middleware(cost float64) gin.HandlerFunc {
	return func(c *gin.Context) {
		ok, wait := lm.take(c.RemoteIP(), cost)
		if ok {
			c.Next()
			return
		}
		secs := int(math.Ceil(wait.Seconds()))
		c.Header("Retry-After", strconv.Itoa(max(1, secs)))
		msg := "请求太频繁，请 " + strconv.Itoa(max(1, secs)) + " 秒后再试 (rate limit: retry later)"
		if strings.HasPrefix(c.Request.URL.Path, "/api/") {
			c.AbortWithStatusJSON(http.StatusTooManyRequests, gin.H{"error": msg})
			return
		}
		c.Header("Content-Type", "text/plain; charset=utf-8")
		c.AbortWithStatus(http.StatusTooManyRequests)
		c.Writer.WriteString(msg)
	}
}

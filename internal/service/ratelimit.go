package service

import (
	"context"
	"sync"
	"time"

	"github.com/ponte-platform/ponte"
)

// Limit allows N attempts per Window. With Batch set, a node counts the
// attempts of a key itself and adds them to the shared count in the store
// at most once per Batch (the first attempt of a window at once): each node
// then sees the others' attempts up to Batch late, and an API client
// costs the database one write per Batch instead of one per request. The
// sign-in limits leave it zero: they are exact across nodes.
type Limit struct {
	N      int
	Window time.Duration
	Batch  time.Duration
}

// Rate-limit scopes.
const (
	ScopeLogin      = "login"
	ScopeLoginEmail = "login-email"
	ScopeSignup     = "signup"
	ScopeReset      = "reset"
	ScopeAPI        = "api"
)

// DefaultRateLimits are per client address, except ScopeLoginEmail, which is
// per target account so that guessing one member's password from many
// addresses is slow too.
var DefaultRateLimits = map[string]Limit{
	ScopeLogin:      {N: 20, Window: time.Minute},
	ScopeLoginEmail: {N: 10, Window: 15 * time.Minute},
	ScopeSignup:     {N: 10, Window: time.Hour},
	ScopeReset:      {N: 5, Window: 15 * time.Minute},
	ScopeAPI:        {N: 600, Window: time.Minute, Batch: time.Second},
}

// Allow counts an attempt in scope for key (a client address or an e-mail)
// and returns ERateLimited once the scope's limit is passed. Counts live in
// the database, so every app node shares them.
func (s *Service) Allow(ctx context.Context, scope, key string) error {
	l, ok := s.cfg.RateLimits[scope]
	if !ok {
		return nil
	}
	return s.allow(ctx, scope, l, key)
}

// allow counts an attempt against l.
func (s *Service) allow(ctx context.Context, scope string, l Limit, key string) error {
	if l.N <= 0 {
		return nil
	}
	now := s.now()
	window, hkey := now.Truncate(l.Window), hashSecret(scope+"\x00"+key)
	var n int
	var err error
	if l.Batch > 0 {
		n, err = s.rates.hit(ctx, s.store, hkey, l, now)
	} else {
		n, err = s.store.RateHit(ctx, hkey, window, 1)
	}
	if err != nil {
		return err
	}
	if n > l.N {
		return ponte.Errorf(ponte.ERateLimited, "error.rate_limited")
	}
	return nil
}

// rateBatches are the node's counts of batched limits (Limit.Batch).
type rateBatches struct {
	mu      sync.Mutex
	m       map[string]*rateCount // by hashed key
	sweepAt int                   // the size at which past windows are swept out
}

// rateCount is one key's count in one window, as this node knows it.
type rateCount struct {
	window  time.Time // when the window started
	end     time.Time // when it ends
	shared  int       // the store's count when this node last wrote to it
	pending int       // attempts on this node since, not yet in the store
	written time.Time // when this node last wrote
	writing bool      // a write is under way
}

// rateKeysSwept is the least size of the map at which it is swept.
const rateKeysSwept = 1024

// hit counts one attempt of key and returns the window's count so far as
// the node knows it: the store's when written, plus what is pending.
func (b *rateBatches) hit(ctx context.Context, st ponte.RateStore, key string, l Limit, now time.Time) (int, error) {
	window := now.Truncate(l.Window)
	b.mu.Lock()
	c := b.m[key]
	if c == nil || !c.window.Equal(window) {
		// The node's first attempt of the window: counted in the store at
		// once, so a node that has just started knows the others' count.
		b.mu.Unlock()
		n, err := st.RateHit(ctx, key, window, 1)
		if err != nil {
			return 0, err
		}
		b.mu.Lock()
		defer b.mu.Unlock()
		if c = b.m[key]; c == nil || !c.window.Equal(window) {
			c = &rateCount{window: window, end: window.Add(l.Window)}
			b.put(key, c, now)
		}
		c.shared, c.written = max(c.shared, n), now
		return max(n, c.shared+c.pending), nil
	}
	c.pending++
	n := c.shared + c.pending
	if c.writing || now.Sub(c.written) < l.Batch {
		b.mu.Unlock()
		return n, nil
	}
	c.writing = true
	add := c.pending
	b.mu.Unlock()
	total, err := st.RateHit(ctx, key, window, add)
	b.mu.Lock()
	defer b.mu.Unlock()
	c.writing = false
	if err != nil {
		return 0, err // the attempts stay pending, for the next write
	}
	c.pending -= add
	c.shared, c.written = total, now
	return c.shared + c.pending, nil
}

// put adds a key's count, sweeping out the counts of windows past at now
// once the map has doubled since the last sweep. Called with b.mu held.
func (b *rateBatches) put(key string, c *rateCount, now time.Time) {
	if b.m == nil {
		b.m = map[string]*rateCount{}
	}
	if len(b.m) >= max(b.sweepAt, rateKeysSwept) {
		for k, old := range b.m {
			if !old.end.After(now) {
				delete(b.m, k)
			}
		}
		b.sweepAt = 2 * len(b.m)
	}
	b.m[key] = c
}

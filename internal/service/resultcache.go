package service

import (
	"container/list"
	"context"
	"errors"
	"sync"
	"time"
)

// resultCache keeps computed results (a member's recommendations, a
// proposal's matches) that are costly to compute and read far more often
// than what they depend on changes. An entry is served only while the
// content version it was computed at holds (see ContentVersion) and for at
// most ttl (for what changes with the date alone); the least recently used
// entries go beyond max.
type resultCache[K comparable, V any] struct {
	max int
	ttl time.Duration

	mu      sync.Mutex
	lru     *list.List // of *resultEntry[K, V], most recent first
	items   map[K]*list.Element
	flights map[K]*flight[V] // computations under way
}

// flight is one computation of a missing value, which the callers that
// ask for it meanwhile wait for instead of computing it again: without it
// sixty-four members opening their home at once after a change make
// sixty-four recommendations of seconds each.
type flight[V any] struct {
	version int64
	done    chan struct{} // closed when val and err are set
	val     V
	err     error
}

// errFlightFailed is what the callers waiting on a computation get when
// it panicked (its own caller gets the panic).
var errFlightFailed = errors.New("service: a shared computation failed")

type resultEntry[K comparable, V any] struct {
	key     K
	version int64
	stored  time.Time
	val     V
}

func newResultCache[K comparable, V any](max int, ttl time.Duration) *resultCache[K, V] {
	return &resultCache[K, V]{max: max, ttl: ttl, lru: list.New(), items: map[K]*list.Element{},
		flights: map[K]*flight[V]{}}
}

// get returns the value under key computed at version, if still fresh.
func (c *resultCache[K, V]) get(key K, version int64, now time.Time) (v V, ok bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, found := c.items[key]
	if !found {
		return v, false
	}
	en := e.Value.(*resultEntry[K, V])
	if en.version != version || now.Sub(en.stored) >= c.ttl || now.Before(en.stored) {
		c.lru.Remove(e)
		delete(c.items, key)
		return v, false
	}
	c.lru.MoveToFront(e)
	return en.val, true
}

// put keeps val under key, computed at version.
func (c *resultCache[K, V]) put(key K, version int64, now time.Time, val V) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, found := c.items[key]; found {
		c.lru.Remove(e)
	}
	c.items[key] = c.lru.PushFront(&resultEntry[K, V]{key: key, version: version, stored: now, val: val})
	for c.lru.Len() > c.max {
		old := c.lru.Remove(c.lru.Back()).(*resultEntry[K, V])
		delete(c.items, old.key)
	}
}

// join returns the computation of key under way at version or later, or
// starts one (lead true): the caller must then land it.
func (c *resultCache[K, V]) join(key K, version int64) (f *flight[V], lead bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if f := c.flights[key]; f != nil && f.version >= version {
		return f, false
	}
	f = &flight[V]{version: version, done: make(chan struct{}), err: errFlightFailed}
	c.flights[key] = f
	return f, true
}

// land ends a computation: its waiters wake, and the next caller starts
// afresh (the value is kept by put, if it is to be).
func (c *resultCache[K, V]) land(key K, f *flight[V]) {
	c.mu.Lock()
	if c.flights[key] == f {
		delete(c.flights, key)
	}
	c.mu.Unlock()
	close(f.done)
}

// cached returns the value under key from c, or computes it with fn and
// keeps it when the content version could be read (before fn ran). Callers
// asking for the same key meanwhile wait for that one computation; one
// whose own request ended (fn's error is its context's) does not speak for
// the others, who try again.
func cached[K comparable, V any](s *Service, c *resultCache[K, V], ctx context.Context, key K, fn func() (V, error)) (V, error) {
	version, ok := s.ContentVersion(ctx)
	if !ok {
		return fn()
	}
	for {
		if v, hit := c.get(key, version, s.now()); hit {
			return v, nil
		}
		f, lead := c.join(key, version)
		if lead {
			return compute(s, c, key, f, fn)
		}
		select {
		case <-f.done:
		case <-ctx.Done():
			var zero V
			return zero, ctx.Err()
		}
		if f.err == nil {
			return f.val, nil
		}
		if !errors.Is(f.err, context.Canceled) && !errors.Is(f.err, context.DeadlineExceeded) {
			var zero V
			return zero, f.err
		}
	}
}

// compute runs fn as the flight f and keeps its value.
func compute[K comparable, V any](s *Service, c *resultCache[K, V], key K, f *flight[V], fn func() (V, error)) (V, error) {
	defer c.land(key, f) // also when fn panics: the waiters get errFlightFailed
	v, err := fn()
	f.val, f.err = v, err
	if err == nil {
		c.put(key, f.version, s.now(), v)
	}
	return v, err
}

package service

import (
	"container/list"
	"context"
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

	mu    sync.Mutex
	lru   *list.List // of *resultEntry[K, V], most recent first
	items map[K]*list.Element
}

type resultEntry[K comparable, V any] struct {
	key     K
	version int64
	stored  time.Time
	val     V
}

func newResultCache[K comparable, V any](max int, ttl time.Duration) *resultCache[K, V] {
	return &resultCache[K, V]{max: max, ttl: ttl, lru: list.New(), items: map[K]*list.Element{}}
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

// cached returns the value under key from c, or computes it with fn and
// keeps it when the content version could be read (before fn ran).
func cached[K comparable, V any](s *Service, c *resultCache[K, V], ctx context.Context, key K, fn func() (V, error)) (V, error) {
	version, ok := s.ContentVersion(ctx)
	if ok {
		if v, hit := c.get(key, version, s.now()); hit {
			return v, nil
		}
	}
	v, err := fn()
	if err == nil && ok {
		c.put(key, version, s.now(), v)
	}
	return v, err
}

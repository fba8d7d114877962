package service

import (
	"context"
	"sync"
	"time"
)

// VersionRecheck is how long a node trusts the content version it last
// read: a change made through another app node reaches this node's caches
// within it. Changes made through this node are seen at once.
const VersionRecheck = time.Second

// versionState is the node's copy of the content version.
type versionState struct {
	mu   sync.Mutex
	v    int64
	read time.Time
}

// ContentVersion returns the content version (see ponte.ContentStore),
// read from the store at most once a VersionRecheck. A cache tags what it
// computes with the version read before computing it and serves it only
// while the version is the same. ok is false when the version could not be
// read: the caller must then not cache.
func (s *Service) ContentVersion(ctx context.Context) (v int64, ok bool) {
	s.version.mu.Lock()
	defer s.version.mu.Unlock()
	now := s.now()
	if s.version.v != 0 && now.Sub(s.version.read) < VersionRecheck && !now.Before(s.version.read) {
		return s.version.v, true
	}
	v, err := s.store.ContentVersion(ctx)
	if err != nil {
		if ctx.Err() == nil {
			s.log.Warn("content version", "err", err)
		}
		return 0, false
	}
	s.version.v, s.version.read = v, now
	return v, true
}

// ContentChanged records that what visitors may see has changed, so every
// node's caches drop what they hold. The web and API layers call it after
// each request that may have written; background jobs after their writes.
// It is called after the change committed (a reader that rendered the old
// content in between tagged it with the old version).
func (s *Service) ContentChanged(ctx context.Context) {
	v, err := s.store.BumpContentVersion(context.WithoutCancel(ctx))
	s.version.mu.Lock()
	defer s.version.mu.Unlock()
	if err != nil {
		s.log.Error("content version: bump", "err", err)
		s.version.v = 0 // read it again; until then nothing is cached
		return
	}
	if v > s.version.v {
		s.version.v, s.version.read = v, s.now()
	}
}

// changed is ContentChanged after err == nil, for the service's writes
// that caches must not outlive even until the web or API layer moves the
// version after the request (an account deactivated or erased, a role
// changed, a token revoked: the token cache would keep them).
func (s *Service) changed(ctx context.Context, err error) error {
	if err == nil {
		s.ContentChanged(ctx)
	}
	return err
}

package service

import (
	"context"
	"time"

	"github.com/ponte-platform/ponte"
)

// Limit allows N attempts per Window.
type Limit struct {
	N      int
	Window time.Duration
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
	ScopeAPI:        {N: 600, Window: time.Minute},
}

// Allow counts an attempt in scope for key (a client address or an e-mail)
// and returns ERateLimited once the scope's limit is passed. Counts live in
// the database, so every app node shares them.
func (s *Service) Allow(ctx context.Context, scope, key string) error {
	l, ok := s.cfg.RateLimits[scope]
	if !ok || l.N <= 0 {
		return nil
	}
	window := s.now().Truncate(l.Window)
	n, err := s.store.RateHit(ctx, hashSecret(scope+"\x00"+key), window)
	if err != nil {
		return err
	}
	if n > l.N {
		return ponte.Errorf(ponte.ERateLimited, "error.rate_limited")
	}
	return nil
}

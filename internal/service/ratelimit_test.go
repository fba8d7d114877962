package service_test

import (
	"context"
	"testing"
	"time"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/service"
)

// TestBatchedRateLimitAcrossNodes: a batched limit (the API's) counts on
// each node and adds to the shared count once per Batch, so a node sees
// the others' attempts that late, and never loses its own.
func TestBatchedRateLimitAcrossNodes(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		limits := map[string]service.Limit{service.ScopeAPI: {N: 5, Window: time.Minute, Batch: time.Second}}
		node := func() *service.Service {
			s := service.New(e.store, service.Config{PasswordCost: service.TestPasswordParams, RateLimits: limits},
				nil, nil, nil)
			s.SetClock(func() time.Time { return e.now })
			return s
		}
		a, b := node(), node()
		allow := func(s *service.Service, want bool, what string) {
			t.Helper()
			err := s.Allow(ctx, service.ScopeAPI, "user:7")
			if got := err == nil; got != want {
				t.Fatalf("%s: allowed = %v (%v), want %v", what, got, err, want)
			}
			if err != nil && ponte.ErrorCode(err) != ponte.ERateLimited {
				t.Fatalf("%s: %v, want rate limited", what, err)
			}
		}
		for i := range 4 { // a: 1 written at once, 3 pending
			allow(a, true, "a's attempt "+string(rune('1'+i)))
		}
		// b's first attempt of the window is written at once and reads
		// a's first: 2 so far as b knows.
		allow(b, true, "b's 1st")
		for i := range 3 {
			allow(b, true, "b's pending attempt "+string(rune('2'+i))) // 3, 4, 5
		}
		allow(b, false, "b's 5th (6th it knows of)")
		// A second on, each node's next attempt adds what it kept.
		e.now = e.now.Add(time.Second)
		allow(a, false, "a after writing its 4 (2 + 4 = 6 in the store)")
		allow(b, false, "b after writing its 5 (6 + 5 = 11)")
		// A node that has just started learns the count at once.
		allow(node(), false, "a third node's 1st (12)")
		// Another key counts apart; a new window starts afresh.
		if err := a.Allow(ctx, service.ScopeAPI, "user:8"); err != nil {
			t.Fatalf("another member: %v", err)
		}
		e.now = e.now.Truncate(time.Minute).Add(time.Minute)
		allow(a, true, "a in the next window")
		allow(b, true, "b in the next window")
	})
}

// TestUnbatchedLimitsStayExact: the sign-in limits write every attempt, so
// two nodes together allow exactly N.
func TestUnbatchedLimitsStayExact(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		limits := map[string]service.Limit{service.ScopeLogin: {N: 3, Window: time.Minute}}
		var nodes [2]*service.Service
		for i := range nodes {
			nodes[i] = service.New(e.store, service.Config{PasswordCost: service.TestPasswordParams,
				RateLimits: limits}, nil, nil, nil)
			nodes[i].SetClock(func() time.Time { return e.now })
		}
		for i := range 3 {
			if err := nodes[i%2].Allow(ctx, service.ScopeLogin, "203.0.113.9"); err != nil {
				t.Fatalf("attempt %d: %v", i+1, err)
			}
		}
		if err := nodes[1].Allow(ctx, service.ScopeLogin, "203.0.113.9"); ponte.ErrorCode(err) != ponte.ERateLimited {
			t.Fatalf("4th attempt on the other node: %v, want rate limited", err)
		}
	})
}

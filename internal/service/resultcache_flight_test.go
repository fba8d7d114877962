package service

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// flightService is a Service whose content version is known (version at
// a fixed time), so cached never reads a store.
func flightService(version int64) *Service {
	t0 := time.Date(2026, 11, 22, 12, 0, 0, 0, time.UTC)
	s := &Service{now: func() time.Time { return t0 }}
	s.version.v, s.version.read = version, t0
	return s
}

// TestCachedComputesOnceForConcurrentCallers: callers asking for the same
// missing value at once share one computation; another key computes on
// its own.
func TestCachedComputesOnceForConcurrentCallers(t *testing.T) {
	s := flightService(7)
	c := newResultCache[string, *int](10, time.Minute)
	var runs atomic.Int32
	release := make(chan struct{})
	slow := func() (*int, error) {
		runs.Add(1)
		<-release
		v := 42
		return &v, nil
	}
	const callers = 16
	got := make([]*int, callers)
	var wg sync.WaitGroup
	for i := range callers {
		wg.Go(func() {
			v, err := cached(s, c, context.Background(), "home", slow)
			if err != nil {
				t.Error(err)
			}
			got[i] = v
		})
	}
	for runs.Load() == 0 { // the leader is computing; let the others join
		time.Sleep(time.Millisecond)
	}
	time.Sleep(20 * time.Millisecond)
	close(release)
	wg.Wait()
	if n := runs.Load(); n != 1 {
		t.Fatalf("%d computations for %d concurrent callers, want 1", n, callers)
	}
	for i, v := range got {
		if v != got[0] || *v != 42 {
			t.Fatalf("caller %d got %v, want the shared value", i, v)
		}
	}
	if _, err := cached(s, c, context.Background(), "other", func() (*int, error) { runs.Add(1); return new(int), nil }); err != nil || runs.Load() != 2 {
		t.Fatalf("another key: %d computations, %v", runs.Load(), err)
	}
}

// TestCachedFlightFailures: an error is shared with those who waited, but
// not kept; a leader whose own request ended does not fail the others,
// one of whom computes again; a panic reaches its caller and the waiters
// get an error, never a zero value.
func TestCachedFlightFailures(t *testing.T) {
	s := flightService(3)
	c := newResultCache[string, string](10, time.Minute)
	boom := errors.New("database gone")

	// waitFor starts a caller that joins the flight under way and returns
	// its result on a channel.
	type result struct {
		v   string
		err error
	}
	waitFor := func() chan result {
		ch := make(chan result, 1)
		go func() {
			v, err := cached(s, c, context.Background(), "k", func() (string, error) { return "recomputed", nil })
			ch <- result{v, err}
		}()
		return ch
	}
	lead := func(fn func() (string, error)) (started chan struct{}, finish chan struct{}, done chan result) {
		started, finish, done = make(chan struct{}), make(chan struct{}), make(chan result, 1)
		go func() {
			defer func() {
				if r := recover(); r != nil {
					done <- result{err: errors.New("panicked")}
				}
			}()
			v, err := cached(s, c, context.Background(), "k", func() (string, error) {
				close(started)
				<-finish
				return fn()
			})
			done <- result{v, err}
		}()
		return started, finish, done
	}
	joined := func() { // the waiter has had time to join
		time.Sleep(20 * time.Millisecond)
	}

	started, finish, done := lead(func() (string, error) { return "", boom })
	<-started
	w := waitFor()
	joined()
	close(finish)
	if r := <-done; !errors.Is(r.err, boom) {
		t.Fatalf("leader got %v", r.err)
	}
	if r := <-w; !errors.Is(r.err, boom) {
		t.Fatalf("waiter got %q, %v; want the leader's error", r.v, r.err)
	}

	started, finish, done = lead(func() (string, error) { return "", context.Canceled })
	<-started
	w = waitFor()
	joined()
	close(finish)
	<-done
	if r := <-w; r.err != nil || r.v != "recomputed" {
		t.Fatalf("after a cancelled leader the waiter got %q, %v; want its own computation", r.v, r.err)
	}

	c = newResultCache[string, string](10, time.Minute)
	started, finish, done = lead(func() (string, error) { panic("bug") })
	<-started
	w = waitFor()
	joined()
	close(finish)
	if r := <-done; r.err == nil || r.err.Error() != "panicked" {
		t.Fatalf("the leader's caller got %v, want the panic", r.err)
	}
	if r := <-w; !errors.Is(r.err, errFlightFailed) {
		t.Fatalf("waiter after a panic got %q, %v", r.v, r.err)
	}
	if v, err := cached(s, c, context.Background(), "k", func() (string, error) { return "fresh", nil }); err != nil || v != "fresh" {
		t.Fatalf("after a failed flight: %q, %v", v, err)
	}
}

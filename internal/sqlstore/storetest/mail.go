package storetest

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/ponte-platform/ponte"
)

func init() {
	register(
		contract{"MailOutbox", testMailOutbox},
		contract{"MailClaimIsExclusive", testMailClaimExclusive},
		contract{"RateLimitWindows", testRateLimitWindows},
	)
}

func testMailOutbox(t *testing.T, s ponte.Store) {
	ctx := context.Background()
	for _, to := range []string{"a@example.org", "b@example.org", "a@example.org"} {
		if err := s.EnqueueMail(ctx, &ponte.Mail{To: to, Subject: "Benvenuti", Text: "Ciao ✓",
			CreatedAt: t0}); err != nil {
			t.Fatal(err)
		}
	}
	claimed, err := s.ClaimMail(ctx, t0, t0.Add(time.Minute), 2)
	if err != nil || len(claimed) != 2 {
		t.Fatalf("ClaimMail = %d, %v; want 2", len(claimed), err)
	}
	if err := s.MarkMailSent(ctx, claimed[0].ID, t0); err != nil {
		t.Fatal(err)
	}
	if err := s.MarkMailFailed(ctx, claimed[1].ID, "550 no", t0.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	again, _ := s.ClaimMail(ctx, t0.Add(2*time.Minute), t0.Add(3*time.Minute), 10)
	if len(again) != 1 { // the third; the failed one waits an hour, the sent one is done
		t.Fatalf("second claim got %d, want 1", len(again))
	}
	all, err := s.ListMail(ctx, ponte.MailFilter{})
	if err != nil || len(all) != 3 || all[0].ID < all[2].ID || all[0].Text != "Ciao ✓" {
		t.Fatalf("ListMail = %+v, %v", all, err)
	}
	if err := s.DeleteMailTo(ctx, "a@example.org"); err != nil {
		t.Fatal(err)
	}
	if all, _ = s.ListMail(ctx, ponte.MailFilter{}); len(all) != 1 {
		t.Fatalf("after DeleteMailTo %d left, want 1", len(all))
	}
}

func testMailClaimExclusive(t *testing.T, s ponte.Store) {
	ctx := context.Background()
	for range 20 {
		s.EnqueueMail(ctx, &ponte.Mail{To: "x@example.org", Subject: "s", Text: "t", CreatedAt: t0})
	}
	var mu sync.Mutex
	seen := map[int64]int{}
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ms, err := s.ClaimMail(ctx, t0, t0.Add(time.Minute), 20)
			if err != nil {
				t.Error(err)
				return
			}
			mu.Lock()
			for _, m := range ms {
				seen[m.ID]++
			}
			mu.Unlock()
		}()
	}
	wg.Wait()
	for id, n := range seen {
		if n > 1 {
			t.Fatalf("message %d claimed %d times", id, n)
		}
	}
	if len(seen) != 20 {
		t.Fatalf("%d messages claimed, want 20", len(seen))
	}
}

func testRateLimitWindows(t *testing.T, s ponte.Store) {
	ctx := context.Background()
	w1, w2 := t0, t0.Add(time.Minute)
	for i := 1; i <= 3; i++ {
		n, err := s.RateHit(ctx, "login:ip", w1, 1)
		if err != nil || n != i {
			t.Fatalf("hit %d = %d, %v", i, n, err)
		}
	}
	if n, _ := s.RateHit(ctx, "login:other", w1, 1); n != 1 {
		t.Fatalf("keys must count apart, got %d", n)
	}
	if n, _ := s.RateHit(ctx, "login:ip", w2, 1); n != 1 {
		t.Fatalf("a new window must restart at 1, got %d", n)
	}
	// Hits counted in a batch (a node's pending API hits) add up.
	if n, err := s.RateHit(ctx, "login:ip", w2, 5); err != nil || n != 6 {
		t.Fatalf("a batch of 5 after 1 = %d, %v; want 6", n, err)
	}
	if n, _ := s.RateHit(ctx, "login:other", w2, 4); n != 4 {
		t.Fatalf("a batch in a new window must start at its size, got %d", n)
	}
	if err := s.PruneRateLimits(ctx, w2.Add(time.Second)); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.RateHit(ctx, "login:ip", w2, 1); n != 1 {
		t.Fatalf("pruned window must restart at 1, got %d", n)
	}
}

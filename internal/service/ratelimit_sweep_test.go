package service

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/ponte-platform/ponte/internal/sqlstore/sqltest"
)

// TestRateBatchesSweep: the node forgets the counts of windows that have
// ended once it holds many, and keeps those of windows still running.
func TestRateBatchesSweep(t *testing.T) {
	ctx := context.Background()
	st := sqltest.Open(t, "sqlite")
	var b rateBatches
	t0 := time.Date(2026, 11, 22, 12, 0, 0, 0, time.UTC)
	minute := Limit{N: 10, Window: time.Minute, Batch: time.Second}
	hour := Limit{N: 10, Window: time.Hour, Batch: time.Second}
	b.hit(ctx, st, "hourly", hour, t0)
	for i := range rateKeysSwept - 1 {
		if _, err := b.hit(ctx, st, "k"+strconv.Itoa(i), minute, t0); err != nil {
			t.Fatal(err)
		}
	}
	if len(b.m) != rateKeysSwept {
		t.Fatalf("%d counts kept, want %d", len(b.m), rateKeysSwept)
	}
	// A minute later the minute windows have ended; the hour's has not.
	if _, err := b.hit(ctx, st, "new", minute, t0.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	if len(b.m) != 2 || b.m["hourly"] == nil || b.m["new"] == nil {
		t.Fatalf("after the sweep %d counts kept, want the hour's and the new one", len(b.m))
	}
	if n, _ := b.hit(ctx, st, "hourly", hour, t0.Add(time.Minute)); n != 2 {
		t.Fatalf("the hour's count after the sweep = %d, want 2", n)
	}
}

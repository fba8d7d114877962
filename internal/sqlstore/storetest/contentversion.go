package storetest

import (
	"context"
	"sync"
	"testing"

	"github.com/ponte-platform/ponte"
)

func init() {
	register(contract{"ContentVersion", testContentVersion})
}

// testContentVersion: the version starts at 1, each bump moves it by one,
// concurrent bumps are none lost, and a bump rolled back with its
// transaction is undone.
func testContentVersion(t *testing.T, s ponte.Store) {
	ctx := context.Background()
	v, err := s.ContentVersion(ctx)
	if err != nil || v != 1 {
		t.Fatalf("ContentVersion = %d, %v; want 1", v, err)
	}
	if v, err = s.BumpContentVersion(ctx); err != nil || v != 2 {
		t.Fatalf("BumpContentVersion = %d, %v; want 2", v, err)
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := s.BumpContentVersion(ctx); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if v, err = s.ContentVersion(ctx); err != nil || v != 10 {
		t.Fatalf("after 8 concurrent bumps ContentVersion = %d, %v; want 10", v, err)
	}
	errRollback := ponte.Errorf(ponte.EConflict, "error.conflict")
	_ = s.Tx(ctx, func(tx ponte.Store) error {
		if _, err := tx.BumpContentVersion(ctx); err != nil {
			t.Fatal(err)
		}
		return errRollback
	})
	if v, err = s.ContentVersion(ctx); err != nil || v != 10 {
		t.Fatalf("a rolled-back bump left ContentVersion = %d, %v; want 10", v, err)
	}
}

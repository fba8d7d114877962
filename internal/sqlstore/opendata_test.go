package sqlstore_test

import (
	"context"
	"errors"
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/sqlstore/sqltest"
)

// TestOpenPeopleAcrossBatches walks more people than one batch holds and
// checks that each comes once, in id order, with all 8 skills (in concept
// id order, as URIs) and 2 languages; that fn's error and a cancelled
// context stop the walk in a later batch; and that no reader is left
// running afterwards.
func TestOpenPeopleAcrossBatches(t *testing.T) {
	for _, backend := range sqltest.Backends(t) {
		t.Run(backend, func(t *testing.T) {
			st := sqltest.Open(t, backend)
			const n = 4500
			_, skills := seedBench(t, st, n)
			ctx := context.Background()
			goroutines := runtime.NumGoroutine()
			var ids []int64
			err := st.EachOpenPerson(ctx, func(p *ponte.OpenPerson) error {
				if len(p.Skills) != benchSkills || len(p.Languages) != 2 || !slices.IsSorted(p.Languages) ||
					p.Visibility[ponte.SectionAbout] != ponte.VisPublic || p.UpdatedAt.Location() != time.UTC {
					t.Fatalf("person %d = %+v", p.ID, p)
				}
				for _, s := range p.Skills {
					if !slices.Contains(skills, s) {
						t.Fatalf("person %d has skill %q", p.ID, s)
					}
				}
				ids = append(ids, p.ID)
				return nil
			})
			increasing := true
			for i := 1; i < len(ids); i++ {
				increasing = increasing && ids[i] > ids[i-1]
			}
			if err != nil || len(ids) != n || !increasing {
				t.Fatalf("walked %d people (%v), want %d in order", len(ids), err, n)
			}
			stop := errors.New("stop")
			seen := 0
			if err := st.EachOpenPerson(ctx, func(*ponte.OpenPerson) error {
				if seen++; seen == 2500 {
					return stop
				}
				return nil
			}); err != stop || seen != 2500 {
				t.Fatalf("stopping: %v after %d rows", err, seen)
			}
			cctx, cancel := context.WithCancel(ctx)
			seen = 0
			err = st.EachOpenPerson(cctx, func(*ponte.OpenPerson) error {
				if seen++; seen == 2100 {
					cancel()
				}
				return nil
			})
			if !errors.Is(err, context.Canceled) || seen >= n {
				t.Fatalf("cancelled walk: %v after %d rows", err, seen)
			}
			for i := 0; runtime.NumGoroutine() > goroutines && i < 100; i++ {
				time.Sleep(10 * time.Millisecond)
			}
			if g := runtime.NumGoroutine(); g > goroutines {
				t.Fatalf("%d goroutines after the walks, %d before", g, goroutines)
			}
		})
	}
}

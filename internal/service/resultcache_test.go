package service_test

import (
	"context"
	"testing"
	"time"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/service"
	"github.com/ponte-platform/ponte/internal/sqlstore/storetest"
)

// TestHomeFeedKeptUntilContentChanges: a member's home feed is computed
// once and kept while the content version holds, computed again once it
// moves (on this node at once; on another node within
// service.VersionRecheck), and after its time to live.
func TestHomeFeedKeptUntilContentChanges(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		storetest.SeedConcepts(t, e.store)
		proposer := e.member(t, "feed-proposer@example.it")
		me := e.skilled(t, "feed-me@example.it", map[string]int{storetest.URIProjectManagement: 3})
		e.published(t, proposer, "First call", map[string]bool{storetest.URIProjectManagement: true})
		first, err := e.svc.ProposalsForMe(ctx, me, "en")
		if err != nil || len(first.Items) != 1 {
			t.Fatalf("feed = %+v, %v", first, err)
		}
		if again, _ := e.svc.ProposalsForMe(ctx, me, "en"); again != first {
			t.Fatal("the feed was computed again with nothing changed")
		}
		if other, _ := e.svc.ProposalsForMe(ctx, me, "it"); other == first {
			t.Fatal("another language was served the English feed")
		}
		// A second node keeps its own copy.
		node2 := service.New(e.store, service.Config{BaseURL: "http://ponte.test"}, nil, nil, nil)
		node2.SetClock(func() time.Time { return e.now })
		feed2, err := node2.ProposalsForMe(ctx, me, "en")
		if err != nil || len(feed2.Items) != 1 {
			t.Fatalf("node 2 feed = %+v, %v", feed2, err)
		}
		e.published(t, proposer, "Second call", map[string]bool{storetest.URIProjectManagement: true})
		e.svc.ContentChanged(ctx)
		if now, _ := e.svc.ProposalsForMe(ctx, me, "en"); len(now.Items) != 2 {
			t.Fatalf("after the change the feed has %d items, want 2", len(now.Items))
		}
		if same, _ := node2.ProposalsForMe(ctx, me, "en"); same != feed2 {
			t.Fatal("node 2 read the content version before its recheck time")
		}
		e.now = e.now.Add(2 * service.VersionRecheck)
		if now2, _ := node2.ProposalsForMe(ctx, me, "en"); len(now2.Items) != 2 {
			t.Fatalf("node 2 after its recheck time: %d items, want 2", len(now2.Items))
		}
		// Time alone: a kept feed is computed again after its time to live.
		kept, _ := e.svc.ProposalsForMe(ctx, me, "en")
		e.now = e.now.Add(time.Hour)
		if fresh, _ := e.svc.ProposalsForMe(ctx, me, "en"); fresh == kept {
			t.Fatal("a feed was kept past its time to live")
		}
	})
}

// TestMatchesKeptUntilContentChanges: a proposal's matches are computed
// once for all who may ask while the content version holds, the
// permission check still runs on every call, and a change is seen once the
// version moves.
func TestMatchesKeptUntilContentChanges(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		w := newMatchWorld(t, e)
		q := service.MatchesQuery{Lang: "en"}
		first, err := e.svc.Matches(ctx, w.marco, w.p.ID, q)
		if err != nil || len(first.Matches) == 0 {
			t.Fatalf("matches = %+v, %v", first, err)
		}
		again, _ := e.svc.Matches(ctx, w.marco, w.p.ID, q)
		if &again.Matches[0] != &first.Matches[0] {
			t.Fatal("the matches were computed again with nothing changed")
		}
		if mod, err := e.svc.Matches(ctx, w.mod, w.p.ID, q); err != nil || &mod.Matches[0] != &first.Matches[0] {
			t.Fatalf("a moderator did not share the proposer's matches: %v", err)
		}
		if _, err := e.svc.Matches(ctx, w.stranger, w.p.ID, q); ponte.ErrorCode(err) != ponte.ENotFound {
			t.Fatalf("a stranger asking after the proposer got %v", err)
		}
		// The best match (Mojca) hides her skills: kept matches still show
		// her until the version moves, then she is gone.
		best := first.Matches[0].ID
		if best != w.mojca.ID {
			t.Fatalf("best match %d, want Mojca %d", best, w.mojca.ID)
		}
		if err := e.svc.SetVisibility(ctx, w.mojca, ponte.SectionSkills, ponte.VisPrivate); err != nil {
			t.Fatal(err)
		}
		if kept, _ := e.svc.Matches(ctx, w.marco, w.p.ID, q); kept.Matches[0].ID != best {
			t.Fatal("the kept matches were not served")
		}
		e.svc.ContentChanged(ctx)
		after, _ := e.svc.Matches(ctx, w.marco, w.p.ID, q)
		for _, m := range after.Matches {
			if m.ID == best {
				t.Fatalf("after the change the hidden skills still match: %+v", after.Matches)
			}
		}
	})
}

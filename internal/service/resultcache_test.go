package service_test

import (
	"context"
	"testing"
	"time"

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

package service_test

import (
	"context"
	"testing"
	"time"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/i18n"
	"github.com/ponte-platform/ponte/internal/service"
	"github.com/ponte-platform/ponte/internal/sqlstore/sqltest"
	"github.com/ponte-platform/ponte/internal/sqlstore/storetest"
)

// TestSuggestProposalSkills reads English text and labels the skills in
// the reader's language (Italian, where the taxonomy has it), for members
// only and within the rate limit.
func TestSuggestProposalSkills(t *testing.T) {
	ctx := context.Background()
	cat, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	st := sqltest.Open(t, "sqlite")
	svc := service.New(st, service.Config{PasswordCost: service.TestPasswordParams,
		RateLimits: map[string]service.Limit{service.ScopeSuggest: {N: 2, Window: time.Minute}}}, cat, nil, nil)
	// A fixed clock: the limit counts in fixed windows, and a slow run
	// crossing a minute's end would start a new one.
	at := time.Date(2026, 5, 4, 10, 0, 0, 0, time.UTC)
	svc.SetClock(func() time.Time { return at })
	storetest.SeedConcepts(t, st)
	u := storetest.NewUser(t, st, "writer")
	text := "Partner search: we need project management for a Horizon project and someone to manage budgets."
	got, err := svc.SuggestProposalSkills(ctx, u, text, "en", "it", 10)
	if err != nil {
		t.Fatal(err)
	}
	labels := map[string]string{}
	for _, g := range got {
		labels[g.Concept.URI] = g.Concept.Label
	}
	if labels[storetest.URIProjectManagement] != "eseguire la gestione dei progetti" || labels[storetest.URIProjectMgmtKnow] != "project management" {
		t.Fatalf("suggestions = %v", labels)
	}
	_, err = svc.SuggestProposalSkills(ctx, nil, text, "en", "it", 10)
	wantCode(t, err, ponte.EUnauthorized)
	if _, err := svc.SuggestProposalSkills(ctx, u, text, "en", "en", 10); err != nil {
		t.Fatal(err)
	}
	_, err = svc.SuggestProposalSkills(ctx, u, text, "en", "en", 10)
	wantCode(t, err, ponte.ERateLimited)
}

package storetest

import (
	"context"
	"fmt"
	"sort"
	"testing"
	"time"

	"github.com/ponte-platform/ponte"
)

func init() {
	register(
		contract{"SavedSearchesAndAlerts", testSavedSearches},
		contract{"FitCandidates", testFitCandidates},
		contract{"DigestState", testDigestState},
	)
}

func testSavedSearches(t *testing.T, s ponte.Store) {
	ctx := context.Background()
	u, other := NewUser(t, s, "ana"), NewUser(t, s, "bo")
	a := &ponte.SavedSearch{UserID: u.ID, Name: "Python in Slovenia", Query: "region=SI&type=technology_offer",
		Alert: true, CheckedAt: t0, CreatedAt: t0}
	b := &ponte.SavedSearch{UserID: u.ID, Name: "quiet", Query: "s3_area=mobility", CheckedAt: t0, CreatedAt: t0}
	for _, ss := range []*ponte.SavedSearch{a, b} {
		if err := s.CreateSavedSearch(ctx, ss); err != nil || ss.ID == 0 {
			t.Fatalf("CreateSavedSearch = %v, id %d", err, ss.ID)
		}
	}
	list, err := s.SavedSearches(ctx, u.ID)
	if err != nil || len(list) != 2 || list[0].Name != a.Name || !list[0].Alert || list[1].Alert ||
		!list[0].CheckedAt.Equal(ts(t0)) || list[1].Query != b.Query {
		t.Fatalf("SavedSearches = %+v, %v", list, err)
	}
	if n, err := s.CountSavedSearches(ctx, u.ID); n != 2 || err != nil {
		t.Fatalf("CountSavedSearches = %d, %v", n, err)
	}
	// Only alerting searches are due; a claim is won once.
	due, err := s.DueSavedSearches(ctx, t0.Add(time.Minute), 10)
	if err != nil || len(due) != 1 || due[0].ID != a.ID {
		t.Fatalf("DueSavedSearches = %+v, %v", due, err)
	}
	t1 := t0.Add(time.Hour)
	if ok, err := s.ClaimSavedSearch(ctx, a.ID, due[0].CheckedAt, t1); !ok || err != nil {
		t.Fatalf("first claim = %v, %v", ok, err)
	}
	if ok, err := s.ClaimSavedSearch(ctx, a.ID, due[0].CheckedAt, t1.Add(time.Second)); ok || err != nil {
		t.Fatalf("second claim = %v, %v", ok, err)
	}
	if due, _ := s.DueSavedSearches(ctx, t0.Add(time.Minute), 10); len(due) != 0 {
		t.Fatalf("due after claim = %+v", due)
	}
	// Switching on restarts the window; someone else's search is not found.
	if err := s.SetSavedSearchAlert(ctx, u.ID, b.ID, true, t1); err != nil {
		t.Fatal(err)
	}
	wantCode(t, s.SetSavedSearchAlert(ctx, other.ID, b.ID, false, t1), ponte.ENotFound)
	due, _ = s.DueSavedSearches(ctx, t1, 10)
	if len(due) != 2 || !due[1].CheckedAt.Equal(ts(t1)) {
		t.Fatalf("due after switching on = %+v", due)
	}
	wantCode(t, s.DeleteSavedSearch(ctx, other.ID, a.ID), ponte.ENotFound)
	if err := s.DeleteSavedSearch(ctx, u.ID, a.ID); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.CountSavedSearches(ctx, u.ID); n != 1 {
		t.Fatalf("count after delete = %d", n)
	}
}

// publish moves a proposal to published at at.
func publish(t *testing.T, s ponte.Store, p *ponte.Proposal, at time.Time) {
	t.Helper()
	p.Status, p.PublishedAt = ponte.ProposalPublished, &at
	ev := &ponte.ProposalEvent{ProposalID: p.ID, From: ponte.ProposalDraft, To: ponte.ProposalPublished, At: at}
	if err := s.SetProposalStatus(context.Background(), p, ev); err != nil {
		t.Fatal(err)
	}
}

func testFitCandidates(t *testing.T, s ponte.Store) {
	ctx := context.Background()
	ids := SeedConcepts(t, s)
	me, them := NewUser(t, s, "member"), NewUser(t, s, "proposer")
	prof := ponte.NewProfile(me)
	prof.Country, prof.Region = "SI", "SI041"
	if err := s.SaveProfile(ctx, prof); err != nil {
		t.Fatal(err)
	}
	for _, sk := range []struct {
		uri   string
		level int
	}{{URIProjectManagement, 3}, {URIGroupBudgets, 2}, {URIPython, 1}} {
		if err := s.UpsertProfileSkill(ctx, &ponte.ProfileSkill{UserID: me.ID, ConceptID: ids[sk.uri], Level: sk.level}); err != nil {
			t.Fatal(err)
		}
	}
	exact := NewProposal(t, s, them, "exact", ponte.ProposalDraft, ids[URIProjectManagement], ids[URIWorkInTeams])
	exact.Regions = []string{"SI04"}
	if err := s.UpdateProposal(ctx, exact); err != nil {
		t.Fatal(err)
	}
	broader := NewProposal(t, s, them, "needs the group", ponte.ProposalDraft, ids[URIGroupProjects])
	narrower := NewProposal(t, s, them, "needs a child", ponte.ProposalDraft, ids[URIManageBudgets])
	narrower.Countries = []string{"SI"}
	if err := s.UpdateProposal(ctx, narrower); err != nil {
		t.Fatal(err)
	}
	none := NewProposal(t, s, them, "unrelated", ponte.ProposalDraft, ids[URIThinkCreatively])
	own := NewProposal(t, s, me, "mine", ponte.ProposalDraft, ids[URIProjectManagement])
	draft := NewProposal(t, s, them, "draft", ponte.ProposalDraft, ids[URIProjectManagement])
	late := NewProposal(t, s, them, "late", ponte.ProposalDraft, ids[URIPython])
	late.Deadline = day(2026, 3, 1)
	if err := s.UpdateProposal(ctx, late); err != nil {
		t.Fatal(err)
	}
	for i, p := range []*ponte.Proposal{exact, broader, narrower, none, own, late} {
		publish(t, s, p, t0.Add(time.Duration(i)*time.Hour))
	}
	_ = draft
	got, err := s.FitCandidates(ctx, ponte.FitQuery{UserID: me.ID, Today: "2026-03-14"})
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, c := range got {
		line := fmt.Sprintf("%d skills=%d ess=%d region=%v country=%v", c.ProposalID, c.Skills, c.Essentials,
			c.RegionMatch, c.CountryMatch)
		for _, h := range c.Hits {
			line += fmt.Sprintf(" [%d<-%d rel=%d lvl=%d/%d]", h.ConceptID, h.MemberConcept, h.Relation, h.MemberLevel, h.MinLevel)
		}
		lines = append(lines, line)
	}
	sort.Strings(lines)
	want := []string{
		fmt.Sprintf("%d skills=1 ess=1 region=false country=false [%d<-%d rel=1 lvl=3/2]", broader.ID,
			ids[URIGroupProjects], ids[URIProjectManagement]),
		fmt.Sprintf("%d skills=1 ess=1 region=false country=true [%d<-%d rel=2 lvl=2/2]", narrower.ID,
			ids[URIManageBudgets], ids[URIGroupBudgets]),
		fmt.Sprintf("%d skills=2 ess=2 region=true country=false [%d<-%d rel=0 lvl=3/2]", exact.ID,
			ids[URIProjectManagement], ids[URIProjectManagement]),
	}
	sort.Strings(want)
	if fmt.Sprint(lines) != fmt.Sprint(want) {
		t.Fatalf("FitCandidates =\n%s\nwant\n%s", lines, want)
	}
	// Since keeps only the ones published after it.
	since := t0.Add(90 * time.Minute)
	got, err = s.FitCandidates(ctx, ponte.FitQuery{UserID: me.ID, Today: "2026-03-14", Since: &since})
	if err != nil || len(got) != 1 || got[0].ProposalID != narrower.ID || !got[0].PublishedAt.Equal(ts(t0.Add(2*time.Hour))) {
		t.Fatalf("FitCandidates since = %+v, %v", got, err)
	}
	// PerConcept 1: project management brings only its newest proposal
	// (the draft, which is not live), so "exact" is left out; the other
	// concepts each have one proposal and keep it.
	got, err = s.FitCandidates(ctx, ponte.FitQuery{UserID: me.ID, Today: "2026-03-14", PerConcept: 1})
	var capped []int64
	for _, c := range got {
		capped = append(capped, c.ProposalID)
	}
	sort.Slice(capped, func(i, j int) bool { return capped[i] < capped[j] })
	if err != nil || fmt.Sprint(capped) != fmt.Sprint([]int64{broader.ID, narrower.ID}) {
		t.Fatalf("FitCandidates with PerConcept 1 = %v, %v; want [%d %d]", capped, err, broader.ID, narrower.ID)
	}
	ps, err := s.ProposalsByIDs(ctx, []int64{narrower.ID, 999999, exact.ID}, "en")
	if err != nil || len(ps) != 2 || ps[0].ID != narrower.ID || ps[1].Title != "exact" || len(ps[1].Skills) != 2 ||
		ps[1].Skills[0].Concept == nil {
		t.Fatalf("ProposalsByIDs = %+v, %v", ps, err)
	}
	lean, err := s.ProposalsByIDs(ctx, []int64{exact.ID}, "")
	if err != nil || len(lean) != 1 || len(lean[0].Skills) != 2 || lean[0].Skills[0].Concept != nil ||
		lean[0].Skills[0].ConceptID > lean[0].Skills[1].ConceptID {
		t.Fatalf(`ProposalsByIDs(…, "") = %+v, %v; want unlabelled skills by concept id`, lean, err)
	}
	// Alerts: the filter and the publication window both apply.
	aq := ponte.AlertQuery{Filter: ponte.ProposalFilter{Statuses: []string{ponte.ProposalPublished},
		ConceptIDs: []int64{ids[URIProjectManagement], ids[URIManageBudgets]}, Lang: "en"},
		After: t0, Until: t0.Add(4 * time.Hour), NotProposer: me.ID}
	al, err := s.AlertProposals(ctx, aq, 10)
	if err != nil || len(al) != 1 || al[0].ID != narrower.ID {
		t.Fatalf("AlertProposals = %+v, %v", al, err)
	}
}

func testDigestState(t *testing.T, s ponte.Store) {
	ctx := context.Background()
	a, b := NewUser(t, s, "a"), NewUser(t, s, "b")
	if n, err := s.EnrolDigests(ctx, 10, func(int64) time.Time { return t0 }); n != 2 || err != nil {
		t.Fatalf("EnrolDigests = %d, %v", n, err)
	}
	c := NewUser(t, s, "c")
	if n, err := s.EnrolDigests(ctx, 10, func(int64) time.Time { return t0.Add(time.Hour) }); n != 1 || err != nil {
		t.Fatalf("EnrolDigests again = %d, %v", n, err)
	}
	if err := s.SetNotificationPrefs(ctx, &ponte.NotificationPrefs{UserID: b.ID, InApp: true, Email: true,
		Digest: false, UpdatedAt: t0}); err != nil {
		t.Fatal(err)
	}
	due, err := s.DueDigests(ctx, t0.Add(time.Minute), 10)
	if err != nil || fmt.Sprint(due) != fmt.Sprintf("[{%d true} {%d false}]", a.ID, b.ID) {
		t.Fatalf("DueDigests = %v, %v", due, err)
	}
	week := t0.Add(7 * 24 * time.Hour)
	prev, ok, err := s.ClaimDigest(ctx, a.ID, t0, t0, week)
	if !ok || err != nil || prev != nil {
		t.Fatalf("ClaimDigest = %v, %v, %v", prev, ok, err)
	}
	if _, ok, err := s.ClaimDigest(ctx, a.ID, t0, t0, week); ok || err != nil {
		t.Fatalf("second ClaimDigest = %v, %v", ok, err)
	}
	if err := s.MarkDigestSent(ctx, a.ID, t0); err != nil {
		t.Fatal(err)
	}
	st, err := s.DigestStateOf(ctx, a.ID)
	if err != nil || !st.NextAt.Equal(ts(week)) || !st.CheckedAt.Equal(ts(t0)) || !st.SentAt.Equal(ts(t0)) {
		t.Fatalf("DigestStateOf = %+v, %v", st, err)
	}
	prev, ok, _ = s.ClaimDigest(ctx, a.ID, week, week, week.Add(7*24*time.Hour))
	if !ok || !prev.Equal(ts(t0)) {
		t.Fatalf("next week's claim = %v, %v", prev, ok)
	}
	_, err = s.DigestStateOf(ctx, 999999)
	wantCode(t, err, ponte.ENotFound)
	_ = c
}

package storetest

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/ponte-platform/ponte"
)

func init() {
	register(
		contract{"ProposalRoundTrip", testProposalRoundTrip},
		contract{"ProposalStatusAndHistory", testProposalStatus},
		contract{"ProposalListFilters", testProposalList},
	)
}

// NewProposal inserts a proposal of u in a state, needing the skills.
func NewProposal(t testing.TB, s ponte.Store, u *ponte.User, title, status string, skills ...int64) *ponte.Proposal {
	t.Helper()
	p := &ponte.Proposal{Type: ponte.ProposalTechOffer, Status: status, Title: title, Summary: "s", Lang: "en",
		ProposerID: u.ID, CreatedAt: t0, UpdatedAt: t0}
	for _, id := range skills {
		p.Skills = append(p.Skills, ponte.ProposalSkill{ConceptID: id, Essential: true, MinLevel: 2})
	}
	if err := s.CreateProposal(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	return p
}

func testProposalRoundTrip(t *testing.T, s ponte.Store) {
	ctx := context.Background()
	ids := SeedConcepts(t, s)
	u := NewUser(t, s, "proposer")
	o := NewOrg(t, s, "Univerza v Ljubljani", ponte.OrgUniversity, "SI041")
	p := &ponte.Proposal{Type: ponte.ProposalResearch, Status: ponte.ProposalDraft, Title: "Partner za Horizon",
		Summary: "Iščemo partnerja", Description: "**Opis**", Lang: "sl", Deadline: day(2026, 9, 30),
		CallRef: "HORIZON-CL5-2026", CallURL: "https://ec.europa.eu/call", ProposerID: u.ID, OrgID: &o.ID,
		Skills: []ponte.ProposalSkill{{ConceptID: ids[URIPython], Essential: false, MinLevel: 3},
			{ConceptID: ids[URIProjectManagement], Essential: true, MinLevel: 2}},
		PartnerTypes: []string{ponte.OrgSME}, Countries: []string{"HR", "SI"}, Regions: []string{"HR050"},
		S3Areas: []string{"mobility"}, Themes: []string{"climate"}, CreatedAt: t0, UpdatedAt: t0}
	if err := s.CreateProposal(ctx, p); err != nil {
		t.Fatal(err)
	}
	got, err := s.ProposalByID(ctx, p.ID, "it")
	if err != nil || got.Title != p.Title || got.Lang != "sl" || !got.Deadline.Equal(p.Deadline) ||
		got.OrgName != o.Name || got.ProposerName != "proposer" || *got.OrgID != o.ID || !got.CreatedAt.Equal(ts(t0)) ||
		got.PublishedAt != nil || got.CallURL != p.CallURL {
		t.Fatalf("ProposalByID = %+v, %v", got, err)
	}
	if len(got.Skills) != 2 || !got.Skills[0].Essential || got.Skills[0].Concept.Label != "eseguire la gestione dei progetti" ||
		got.Skills[1].MinLevel != 3 || got.Skills[1].Essential {
		t.Fatalf("skills = %+v", got.Skills)
	}
	if fmt.Sprint(got.Countries, got.Regions, got.PartnerTypes, got.S3Areas, got.Themes) != "[HR SI] [HR050] [sme] [mobility] [climate]" {
		t.Fatalf("codes = %v %v %v %v %v", got.Countries, got.Regions, got.PartnerTypes, got.S3Areas, got.Themes)
	}
	got.Title, got.Skills, got.Countries, got.OrgID, got.Deadline = "Novi naslov", nil, []string{"IT"}, nil, time.Time{}
	if err := s.UpdateProposal(ctx, got); err != nil {
		t.Fatal(err)
	}
	again, _ := s.ProposalByID(ctx, p.ID, "en")
	if again.Title != "Novi naslov" || len(again.Skills) != 0 || len(again.Countries) != 1 || again.OrgID != nil ||
		!again.Deadline.IsZero() || again.Status != ponte.ProposalDraft {
		t.Fatalf("after update = %+v", again)
	}
	again.ID = 999999
	wantCode(t, s.UpdateProposal(ctx, again), ponte.ENotFound)
	_, err = s.ProposalByID(ctx, 999999, "en")
	wantCode(t, err, ponte.ENotFound)
}

func ts(t time.Time) time.Time { return t.UTC().Truncate(time.Microsecond) }

func testProposalStatus(t *testing.T, s ponte.Store) {
	ctx := context.Background()
	u := NewUser(t, s, "lifecycle")
	p := NewProposal(t, s, u, "Izziv", ponte.ProposalDraft)
	at := t0.Add(time.Hour)
	p.Status, p.PublishedAt, p.UpdatedAt = ponte.ProposalPublished, &at, at
	ev := &ponte.ProposalEvent{ActorID: &u.ID, From: ponte.ProposalDraft, To: ponte.ProposalPublished, At: at}
	if err := s.SetProposalStatus(ctx, p, ev); err != nil {
		t.Fatal(err)
	}
	// A second change from the old state finds nothing to change.
	stale := &ponte.ProposalEvent{ActorID: &u.ID, From: ponte.ProposalDraft, To: ponte.ProposalPublished, At: at}
	wantCode(t, s.SetProposalStatus(ctx, p, stale), ponte.ENotFound)
	closed := at.Add(time.Hour)
	p.Status, p.CloseReason, p.ClosedAt = ponte.ProposalClosed, ponte.CloseReasonExpired, &closed
	if err := s.SetProposalStatus(ctx, p, &ponte.ProposalEvent{From: ponte.ProposalPublished,
		To: ponte.ProposalClosed, Reason: ponte.CloseReasonExpired, At: closed}); err != nil {
		t.Fatal(err)
	}
	got, _ := s.ProposalByID(ctx, p.ID, "en")
	if got.Status != ponte.ProposalClosed || got.CloseReason != ponte.CloseReasonExpired || !got.PublishedAt.Equal(ts(at)) ||
		!got.ClosedAt.Equal(ts(closed)) {
		t.Fatalf("after closing = %+v", got)
	}
	evs, err := s.ProposalEvents(ctx, p.ID)
	if err != nil || len(evs) != 2 || evs[0].ActorName != "lifecycle" || evs[0].To != ponte.ProposalPublished ||
		evs[1].ActorID != nil || evs[1].Reason != ponte.CloseReasonExpired || !evs[1].At.Equal(ts(closed)) {
		t.Fatalf("events = %+v, %v", evs, err)
	}
}

func testProposalList(t *testing.T, s ponte.Store) {
	ctx := context.Background()
	ids := SeedConcepts(t, s)
	u, v := NewUser(t, s, "alpha"), NewUser(t, s, "beta")
	pub := []string{ponte.ProposalPublished}
	var made []*ponte.Proposal
	for i := range 7 {
		p := NewProposal(t, s, u, fmt.Sprintf("p%d", i), ponte.ProposalPublished, ids[URIPython])
		made = append(made, p)
	}
	// A draft, another person's proposal with other skills, a region, an
	// area and a deadline.
	NewProposal(t, s, u, "draft", ponte.ProposalDraft, ids[URIPython])
	org := NewOrg(t, s, "Zadruga", ponte.OrgSocialEnt, "HR050")
	other := &ponte.Proposal{Type: ponte.ProposalChallenge, Status: ponte.ProposalPublished, Title: "other", Lang: "hr",
		ProposerID: v.ID, OrgID: &org.ID, Regions: []string{"HR050"}, S3Areas: []string{"tourism"}, Deadline: day(2026, 6, 1),
		Skills: []ponte.ProposalSkill{{ConceptID: ids[URIManageBudgets], Essential: true, MinLevel: 1}}, CreatedAt: t0, UpdatedAt: t0}
	if err := s.CreateProposal(ctx, other); err != nil {
		t.Fatal(err)
	}
	titles := func(f ponte.ProposalFilter) []string {
		t.Helper()
		ps, err := s.ListProposals(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		out := make([]string, len(ps))
		for i, p := range ps {
			out[i] = p.Title
		}
		return out
	}
	// Keyset pages, newest first, every published one exactly once.
	var all []string
	f := ponte.ProposalFilter{Statuses: pub, Limit: 3, Lang: "en"}
	for {
		ps, err := s.ListProposals(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range ps {
			all = append(all, p.Title)
			if p.Title != "other" && (len(p.Skills) != 1 || p.Skills[0].Concept == nil) {
				t.Fatalf("skills of %s not loaded: %+v", p.Title, p.Skills)
			}
		}
		if len(ps) < f.Limit {
			break
		}
		f.BeforeID = ps[len(ps)-1].ID
	}
	if fmt.Sprint(all) != "[other p6 p5 p4 p3 p2 p1 p0]" {
		t.Fatalf("pages = %v", all)
	}
	cases := []struct {
		name string
		f    ponte.ProposalFilter
		want string
	}{
		{"skill", ponte.ProposalFilter{Statuses: pub, ConceptIDs: []int64{ids[URIManageBudgets], ids[URIGroupBudgets]}}, "[other]"},
		{"region prefix", ponte.ProposalFilter{Statuses: pub, Region: "HR0"}, "[other]"},
		{"region elsewhere", ponte.ProposalFilter{Statuses: pub, Region: "HR03"}, "[]"},
		{"s3", ponte.ProposalFilter{Statuses: pub, S3Area: "tourism"}, "[other]"},
		{"type", ponte.ProposalFilter{Statuses: pub, Types: []string{ponte.ProposalChallenge}}, "[other]"},
		{"deadline before", ponte.ProposalFilter{Statuses: pub, DeadlineLE: "2026-06-01"}, "[other]"},
		{"deadline after", ponte.ProposalFilter{Statuses: pub, DeadlineGE: "2026-06-02"}, "[]"},
		{"drafts of a person", ponte.ProposalFilter{Statuses: []string{ponte.ProposalDraft}, ProposerID: u.ID}, "[draft]"},
		{"drafts of another", ponte.ProposalFilter{Statuses: []string{ponte.ProposalDraft}, ProposerID: v.ID}, "[]"},
		{"of an organisation", ponte.ProposalFilter{Statuses: pub, OrgID: org.ID}, "[other]"},
		{"of another organisation", ponte.ProposalFilter{Statuses: pub, OrgID: org.ID + 1000}, "[]"},
	}
	for _, c := range cases {
		if got := fmt.Sprint(titles(c.f)); got != c.want {
			t.Errorf("%s: %s, want %s", c.name, got, c.want)
		}
	}
	overdue, err := s.OverdueProposals(ctx, "2026-06-02", 10)
	if err != nil || len(overdue) != 1 || overdue[0] != other.ID {
		t.Fatalf("OverdueProposals = %v, %v", overdue, err)
	}
	if none, _ := s.OverdueProposals(ctx, "2026-06-01", 10); len(none) != 0 {
		t.Fatalf("due on the deadline day itself: %v", none)
	}
	_ = made
}

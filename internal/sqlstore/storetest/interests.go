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
		contract{"InterestRoundTripAndOnce", testInterestRoundTrip},
		contract{"InterestListAndDecide", testInterestListDecide},
		contract{"NotificationsCentre", testNotifications},
		contract{"NotificationPrefs", testNotificationPrefs},
		contract{"InterestsAndNotificationsGoWithTheAccount", testInterestCascade},
	)
}

// NewInterest inserts a pending expression of u in p (for org, if not nil).
func NewInterest(t testing.TB, s ponte.Store, p *ponte.Proposal, u *ponte.User, org *int64, msg string) *ponte.Interest {
	t.Helper()
	i := &ponte.Interest{ProposalID: p.ID, UserID: u.ID, OrgID: org, Message: msg, Status: ponte.InterestPending, CreatedAt: t0}
	if err := s.CreateInterest(context.Background(), i); err != nil {
		t.Fatal(err)
	}
	return i
}

func testInterestRoundTrip(t *testing.T, s ponte.Store) {
	ctx := context.Background()
	owner, ana := NewUser(t, s, "owner"), NewUser(t, s, "ana")
	o := NewOrg(t, s, "Inštitut Jožef Stefan", ponte.OrgResearchCentre, "SI041")
	o.Website, o.Address = "https://ijs.si", "Jamova cesta 39, Ljubljana"
	if err := s.UpdateOrganisation(ctx, o); err != nil {
		t.Fatal(err)
	}
	p := NewProposal(t, s, owner, "Senzori", ponte.ProposalPublished)
	mine := NewInterest(t, s, p, ana, nil, "Zanima me")
	forOrg := NewInterest(t, s, p, ana, &o.ID, "Za inštitut")
	got, err := s.InterestByID(ctx, forOrg.ID)
	c := got.Contact
	if err != nil || got.Message != "Za inštitut" || got.Status != ponte.InterestPending || *got.OrgID != o.ID ||
		!got.CreatedAt.Equal(ts(t0)) || got.DecidedAt != nil || got.ProposalTitle != "Senzori" ||
		c.Name != "ana" || c.Email != "ana@example.org" || c.OrgName != o.Name || c.OrgWebsite != "https://ijs.si" ||
		c.OrgAddress != o.Address || *c.OrgID != o.ID {
		t.Fatalf("InterestByID = %+v, %v", got, err)
	}
	// Once per proposal, member and organisation; NULL (for themself) clashes too.
	for _, org := range []*int64{nil, &o.ID} {
		dup := &ponte.Interest{ProposalID: p.ID, UserID: ana.ID, OrgID: org, Message: "again", Status: ponte.InterestPending, CreatedAt: t0}
		wantCode(t, s.CreateInterest(ctx, dup), ponte.EConflict)
	}
	found, err := s.FindInterest(ctx, p.ID, ana.ID, nil)
	if err != nil || found.ID != mine.ID || found.OrgID != nil || found.Contact.OrgName != "" {
		t.Fatalf("FindInterest(own) = %+v, %v", found, err)
	}
	if found, err = s.FindInterest(ctx, p.ID, ana.ID, &o.ID); err != nil || found.ID != forOrg.ID {
		t.Fatalf("FindInterest(org) = %+v, %v", found, err)
	}
	_, err = s.FindInterest(ctx, p.ID, owner.ID, nil)
	wantCode(t, err, ponte.ENotFound)
	_, err = s.InterestByID(ctx, 999999)
	wantCode(t, err, ponte.ENotFound)
	bad := &ponte.Interest{ProposalID: 999999, UserID: ana.ID, Message: "x", Status: ponte.InterestPending, CreatedAt: t0}
	wantCode(t, s.CreateInterest(ctx, bad), ponte.EInvalid)
}

func testInterestListDecide(t *testing.T, s ponte.Store) {
	ctx := context.Background()
	owner := NewUser(t, s, "owner")
	p := NewProposal(t, s, owner, "One", ponte.ProposalPublished)
	q := NewProposal(t, s, owner, "Two", ponte.ProposalPublished)
	var ids []int64
	for n := range 5 {
		u := NewUser(t, s, fmt.Sprintf("u%d", n))
		ids = append(ids, NewInterest(t, s, p, u, nil, "m").ID)
		if n == 0 {
			NewInterest(t, s, q, u, nil, "other proposal")
		}
	}
	page, err := s.ListInterests(ctx, ponte.InterestFilter{ProposalID: p.ID, Limit: 3})
	if err != nil || len(page) != 3 || page[0].ID != ids[4] || page[2].ID != ids[2] {
		t.Fatalf("page 1 = %v, %v", page, err)
	}
	page, err = s.ListInterests(ctx, ponte.InterestFilter{ProposalID: p.ID, BeforeID: page[2].ID, Limit: 3})
	if err != nil || len(page) != 2 || page[0].ID != ids[1] || page[1].ID != ids[0] {
		t.Fatalf("page 2 = %v, %v", page, err)
	}
	u0 := page[1].UserID
	mine, err := s.ListInterests(ctx, ponte.InterestFilter{UserID: u0})
	if err != nil || len(mine) != 2 || mine[0].ProposalTitle != "Two" || mine[1].ProposalTitle != "One" {
		t.Fatalf("member's = %v, %v", mine, err)
	}
	at := t0.Add(time.Hour)
	i := &ponte.Interest{ID: ids[0], Status: ponte.InterestAccepted, DecidedAt: &at, DecidedBy: &owner.ID}
	if err := s.DecideInterest(ctx, i); err != nil {
		t.Fatal(err)
	}
	// Only a pending expression is decided, once.
	i.Status = ponte.InterestDeclined
	wantCode(t, s.DecideInterest(ctx, i), ponte.ENotFound)
	got, _ := s.InterestByID(ctx, ids[0])
	if got.Status != ponte.InterestAccepted || got.DecidedAt == nil || !got.DecidedAt.Equal(ts(at)) || *got.DecidedBy != owner.ID {
		t.Fatalf("decided = %+v", got)
	}
}

func testNotifications(t *testing.T, s ponte.Store) {
	ctx := context.Background()
	ana, ivo := NewUser(t, s, "ana"), NewUser(t, s, "ivo")
	var ids []int64
	for n := range 4 {
		x := &ponte.Notification{UserID: ana.ID, Kind: "interest_received", Link: fmt.Sprintf("/proposals/%d", n),
			Params: map[string]string{"Title": "Senzori “č”", "N": fmt.Sprint(n)}, CreatedAt: t0.Add(time.Duration(n) * time.Minute)}
		if err := s.CreateNotification(ctx, x); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, x.ID)
	}
	theirs := &ponte.Notification{UserID: ivo.ID, Kind: "interest_accepted", CreatedAt: t0}
	if err := s.CreateNotification(ctx, theirs); err != nil {
		t.Fatal(err)
	}
	page, err := s.ListNotifications(ctx, ponte.NotificationFilter{UserID: ana.ID, Limit: 3})
	if err != nil || len(page) != 3 || page[0].ID != ids[3] || page[0].Params["Title"] != "Senzori “č”" ||
		page[0].Params["N"] != "3" || page[0].Link != "/proposals/3" || page[0].ReadAt != nil ||
		!page[0].CreatedAt.Equal(ts(t0.Add(3*time.Minute))) {
		t.Fatalf("page 1 = %+v, %v", page, err)
	}
	page, _ = s.ListNotifications(ctx, ponte.NotificationFilter{UserID: ana.ID, BeforeID: page[2].ID, Limit: 3})
	if len(page) != 1 || page[0].ID != ids[0] {
		t.Fatalf("page 2 = %+v", page)
	}
	if n, err := s.CountUnreadNotifications(ctx, ana.ID); err != nil || n != 4 {
		t.Fatalf("unread = %d, %v", n, err)
	}
	at := t0.Add(time.Hour)
	if err := s.MarkNotificationRead(ctx, ana.ID, ids[1], at); err != nil {
		t.Fatal(err)
	}
	// Another member's notification is not found; reading again keeps the first time.
	wantCode(t, s.MarkNotificationRead(ctx, ivo.ID, ids[2], at), ponte.ENotFound)
	_ = s.MarkNotificationRead(ctx, ana.ID, ids[1], at.Add(time.Hour))
	got, err := s.NotificationByID(ctx, ana.ID, ids[1])
	if err != nil || got.ReadAt == nil || !got.ReadAt.Equal(ts(at)) {
		t.Fatalf("read = %+v, %v", got, err)
	}
	_, err = s.NotificationByID(ctx, ivo.ID, ids[1])
	wantCode(t, err, ponte.ENotFound)
	if n, _ := s.CountUnreadNotifications(ctx, ana.ID); n != 3 {
		t.Fatalf("unread after one read = %d", n)
	}
	if n, err := s.MarkAllNotificationsRead(ctx, ana.ID, at); err != nil || n != 3 {
		t.Fatalf("mark all = %d, %v", n, err)
	}
	a, _ := s.CountUnreadNotifications(ctx, ana.ID)
	i, _ := s.CountUnreadNotifications(ctx, ivo.ID)
	if a != 0 || i != 1 {
		t.Fatalf("unread after mark all = %d, other member %d", a, i)
	}
}

func testNotificationPrefs(t *testing.T, s ponte.Store) {
	ctx := context.Background()
	ana := NewUser(t, s, "ana")
	p, err := s.NotificationPrefs(ctx, ana.ID)
	if err != nil || !p.InApp || !p.Email || !p.Digest || p.UserID != ana.ID {
		t.Fatalf("defaults = %+v, %v", p, err)
	}
	for _, want := range []ponte.NotificationPrefs{
		{UserID: ana.ID, InApp: false, Email: true, Digest: false, UpdatedAt: t0},
		{UserID: ana.ID, InApp: true, Email: false, Digest: true, UpdatedAt: t0.Add(time.Hour)},
	} {
		if err := s.SetNotificationPrefs(ctx, &want); err != nil {
			t.Fatal(err)
		}
		got, err := s.NotificationPrefs(ctx, ana.ID)
		if err != nil || got.InApp != want.InApp || got.Email != want.Email || got.Digest != want.Digest ||
			!got.UpdatedAt.Equal(ts(want.UpdatedAt)) {
			t.Fatalf("prefs = %+v, %v, want %+v", got, err, want)
		}
	}
}

func testInterestCascade(t *testing.T, s ponte.Store) {
	ctx := context.Background()
	owner, ana := NewUser(t, s, "owner"), NewUser(t, s, "ana")
	o := NewOrg(t, s, "Zadruga", ponte.OrgSocialEnt, "HR050")
	p := NewProposal(t, s, owner, "Senzori", ponte.ProposalPublished)
	i := NewInterest(t, s, p, ana, nil, "m")
	NewInterest(t, s, p, ana, &o.ID, "m")
	at := t0.Add(time.Hour)
	if err := s.DecideInterest(ctx, &ponte.Interest{ID: i.ID, Status: ponte.InterestAccepted, DecidedAt: &at, DecidedBy: &owner.ID}); err != nil {
		t.Fatal(err)
	}
	_ = s.CreateNotification(ctx, &ponte.Notification{UserID: ana.ID, Kind: "k", CreatedAt: t0})
	_ = s.SetNotificationPrefs(ctx, &ponte.NotificationPrefs{UserID: ana.ID, UpdatedAt: t0})
	// The deciding account goes: the decision stays, anonymous.
	if err := s.DeleteUser(ctx, owner.ID); err == nil {
		if _, err := s.ProposalByID(ctx, p.ID, "en"); ponte.ErrorCode(err) != ponte.ENotFound {
			t.Fatalf("proposal outlived its proposer: %v", err)
		}
	} else {
		t.Fatal(err)
	}
	p2 := NewProposal(t, s, NewUser(t, s, "other"), "Druga", ponte.ProposalPublished)
	NewInterest(t, s, p2, ana, &o.ID, "m")
	if err := s.DeleteUser(ctx, ana.ID); err != nil {
		t.Fatal(err)
	}
	left, _ := s.ListInterests(ctx, ponte.InterestFilter{UserID: ana.ID})
	notes, _ := s.ListNotifications(ctx, ponte.NotificationFilter{UserID: ana.ID})
	prefs, _ := s.NotificationPrefs(ctx, ana.ID)
	if len(left) != 0 || len(notes) != 0 || !prefs.InApp {
		t.Fatalf("after deletion: %d interests, %d notifications, prefs %+v", len(left), len(notes), prefs)
	}
}

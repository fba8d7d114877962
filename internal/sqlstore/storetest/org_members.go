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
		contract{"OrgMembersOwnersFirst", testOrgMembersList},
		contract{"OrgJoinRequests", testOrgRequests},
		contract{"OrgInvitesSingleUse", testOrgInvites},
	)
}

func addMember(t *testing.T, s ponte.Store, o *ponte.Organisation, u *ponte.User, role string) {
	t.Helper()
	if err := s.SetOrgMember(context.Background(), &ponte.OrgMember{OrgID: o.ID, UserID: u.ID, Role: role, CreatedAt: t0}); err != nil {
		t.Fatal(err)
	}
}

func testOrgMembersList(t *testing.T, s ponte.Store) {
	ctx := context.Background()
	o := NewOrg(t, s, "Zadruga", ponte.OrgSocialEnt, "HR031")
	roles := []string{ponte.OrgRoleMember, ponte.OrgRoleOwner, ponte.OrgRoleMember, ponte.OrgRoleManager, ponte.OrgRoleOwner}
	for i, r := range roles {
		addMember(t, s, o, NewUser(t, s, "m"+string(rune('a'+i))), r)
	}
	var got []string
	var after *ponte.OrgMemberCursor
	for page := 0; page < 5; page++ {
		ms, err := s.ListOrgMembers(ctx, o.ID, after, 2)
		if err != nil {
			t.Fatal(err)
		}
		if len(ms) == 0 {
			break
		}
		for _, m := range ms {
			got = append(got, m.Role+":"+m.DisplayName)
		}
		last := ms[len(ms)-1]
		after = &ponte.OrgMemberCursor{Role: last.Role, UserID: last.UserID}
	}
	want := []string{"owner:mb", "owner:me", "manager:md", "member:ma", "member:mc"}
	if len(got) != len(want) {
		t.Fatalf("members = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("members = %v, want %v", got, want)
		}
	}
	members, owners, err := s.CountOrgMembers(ctx, o.ID)
	if err != nil || members != 5 || owners != 2 {
		t.Fatalf("CountOrgMembers = %d, %d, %v", members, owners, err)
	}
	ms, _ := s.ListOrgMembers(ctx, o.ID, nil, 10)
	if err := s.RemoveOrgMember(ctx, o.ID, ms[0].UserID); err != nil {
		t.Fatal(err)
	}
	wantCode(t, s.RemoveOrgMember(ctx, o.ID, ms[0].UserID), ponte.ENotFound)
}

func testOrgRequests(t *testing.T, s ponte.Store) {
	ctx := context.Background()
	o := NewOrg(t, s, "Klaster", ponte.OrgCluster, "SI041")
	a, b := NewUser(t, s, "ana"), NewUser(t, s, "bor")
	for i, u := range []*ponte.User{b, a} {
		r := &ponte.OrgRequest{OrgID: o.ID, UserID: u.ID, Message: "Pozdravljeni", CreatedAt: t0.Add(time.Duration(i) * time.Minute)}
		if err := s.CreateOrgRequest(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	wantCode(t, s.CreateOrgRequest(ctx, &ponte.OrgRequest{OrgID: o.ID, UserID: a.ID, CreatedAt: t0}), ponte.EConflict)
	list, err := s.ListOrgRequests(ctx, o.ID, 10)
	if err != nil || len(list) != 2 || list[0].UserID != b.ID || list[0].DisplayName != "bor" || list[0].Message != "Pozdravljeni" {
		t.Fatalf("ListOrgRequests = %+v, %v", list, err)
	}
	if r, err := s.OrgRequestOf(ctx, o.ID, a.ID); err != nil || r.UserID != a.ID {
		t.Fatalf("OrgRequestOf = %+v, %v", r, err)
	}
	if err := s.DeleteOrgRequest(ctx, o.ID, a.ID); err != nil {
		t.Fatal(err)
	}
	_, err = s.OrgRequestOf(ctx, o.ID, a.ID)
	wantCode(t, err, ponte.ENotFound)
	wantCode(t, s.DeleteOrgRequest(ctx, o.ID, a.ID), ponte.ENotFound)
}

func testOrgInvites(t *testing.T, s ponte.Store) {
	ctx := context.Background()
	o := NewOrg(t, s, "Ente", ponte.OrgPublicAdmin, "ITC4C")
	u := NewUser(t, s, "inviter")
	inv := func(hash string, exp time.Time) *ponte.OrgInvite {
		i := &ponte.OrgInvite{OrgID: o.ID, Email: "new@example.org", Role: ponte.OrgRoleManager,
			TokenHash: hash, InvitedBy: &u.ID, CreatedAt: t0, ExpiresAt: exp}
		if err := s.CreateOrgInvite(ctx, i); err != nil {
			t.Fatal(err)
		}
		return i
	}
	inv("h1", t0.Add(time.Hour))
	fresh := inv("h2", t0.Add(time.Hour)) // replaces the first: one open link per address
	if _, err := s.OrgInviteByToken(ctx, "h1"); ponte.ErrorCode(err) != ponte.ENotFound {
		t.Fatalf("replaced invitation still there: %v", err)
	}
	open, err := s.ListOrgInvites(ctx, o.ID, t0, 10)
	if err != nil || len(open) != 1 || open[0].ID != fresh.ID || open[0].TokenHash != "h2" {
		t.Fatalf("ListOrgInvites = %+v, %v", open, err)
	}
	wantCode(t, s.UseOrgInvite(ctx, fresh.ID, t0.Add(2*time.Hour)), ponte.ENotFound) // expired
	var wg sync.WaitGroup
	var mu sync.Mutex
	wins := 0
	for range 6 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if s.UseOrgInvite(ctx, fresh.ID, t0) == nil {
				mu.Lock()
				wins++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if wins != 1 {
		t.Fatalf("%d concurrent uses succeeded, want 1", wins)
	}
	got, err := s.OrgInviteByToken(ctx, "h2")
	if err != nil || got.UsedAt == nil || got.Role != ponte.OrgRoleManager {
		t.Fatalf("used invitation = %+v, %v", got, err)
	}
	if open, _ := s.ListOrgInvites(ctx, o.ID, t0, 10); len(open) != 0 {
		t.Fatalf("a used invitation is still listed as open")
	}
	third := inv("h3", t0.Add(time.Hour))
	wantCode(t, s.DeleteOrgInvite(ctx, o.ID+99, third.ID), ponte.ENotFound)
	if err := s.DeleteOrgInvite(ctx, o.ID, third.ID); err != nil {
		t.Fatal(err)
	}
}

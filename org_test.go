package ponte_test

import (
	"testing"
	"time"

	"github.com/ponte-platform/ponte"
)

func TestOrgRolePredicates(t *testing.T) {
	u := &ponte.User{ID: 7, Role: ponte.RoleMember}
	admin := &ponte.User{ID: 1, Role: ponte.RoleAdmin}
	as := func(role string) *ponte.OrgMember { return &ponte.OrgMember{UserID: 7, Role: role} }
	cases := []struct {
		name     string
		actor    *ponte.User
		m        *ponte.OrgMember
		from, to string
		want     bool
	}{
		{"owner makes an owner", u, as(ponte.OrgRoleOwner), ponte.OrgRoleMember, ponte.OrgRoleOwner, true},
		{"manager promotes a member", u, as(ponte.OrgRoleManager), ponte.OrgRoleMember, ponte.OrgRoleManager, true},
		{"manager removes a member", u, as(ponte.OrgRoleManager), ponte.OrgRoleMember, "", true},
		{"manager makes an owner", u, as(ponte.OrgRoleManager), ponte.OrgRoleMember, ponte.OrgRoleOwner, false},
		{"manager demotes an owner", u, as(ponte.OrgRoleManager), ponte.OrgRoleOwner, ponte.OrgRoleMember, false},
		{"member", u, as(ponte.OrgRoleMember), ponte.OrgRoleMember, "", false},
		{"someone else's membership", u, &ponte.OrgMember{UserID: 8, Role: ponte.OrgRoleOwner}, "", ponte.OrgRoleMember, false},
		{"administrator", admin, nil, ponte.OrgRoleOwner, "", true},
		{"visitor", nil, nil, "", ponte.OrgRoleMember, false},
	}
	for _, c := range cases {
		if got := ponte.CanSetOrgRole(c.actor, c.m, c.from, c.to); got != c.want {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
	if ponte.CanManageOrg(u, as(ponte.OrgRoleMember)) || !ponte.CanSeeOrgMembers(u, as(ponte.OrgRoleMember)) {
		t.Fatal("members see, but do not manage")
	}
	u.Deactivated = &time.Time{}
	if ponte.CanManageOrg(u, as(ponte.OrgRoleOwner)) {
		t.Fatal("a deactivated owner manages")
	}
}

func TestRankCompetences(t *testing.T) {
	ev := []ponte.CompetenceEvidence{
		{ConceptID: 1, Projects: 50, Orgs: 100},              // everywhere: 0
		{ConceptID: 2, Projects: 1, Orgs: 2},                 // 2 × ln 50 = 7.8
		{ConceptID: 3, Declared: true, Members: 3, Orgs: 10}, // 5 × ln 10 = 11.5
		{ConceptID: 4, Projects: 1, Orgs: 0},                 // no count yet, as if only here: 2 × ln 100 = 9.2
	}
	got := ponte.RankCompetences(ev, 100)
	order := [4]int64{got[0].ConceptID, got[1].ConceptID, got[2].ConceptID, got[3].ConceptID}
	if order != [4]int64{3, 4, 2, 1} {
		t.Fatalf("order = %v", order)
	}
	if got[3].Score != 0 || got[0].Weight() != 5 {
		t.Fatalf("scores = %+v", got)
	}
}

func TestOrgCursorRoundTrip(t *testing.T) {
	c := &ponte.OrgCursor{Score: 42, UpdatedAt: time.Date(2026, 5, 1, 8, 30, 0, 123456000, time.UTC), ID: 9}
	got, err := ponte.ParseOrgCursor(c.String())
	if err != nil || *got != *c {
		t.Fatalf("round trip = %+v, %v", got, err)
	}
	for _, bad := range []string{"", "1.2", "a.b.c", "1.2.3.4"} {
		if _, err := ponte.ParseOrgCursor(bad); ponte.ErrorCode(err) != ponte.EBadRequest {
			t.Errorf("%q: %v", bad, err)
		}
	}
}

func TestOrgProjectSortDate(t *testing.T) {
	p := &ponte.OrgProject{Year: 2014}
	if p.SortDate() != "2014-12-31" {
		t.Fatal(p.SortDate())
	}
	p.StartDate = time.Date(2015, 3, 1, 0, 0, 0, 0, time.UTC)
	if p.SortDate() != "2015-03-01" {
		t.Fatal(p.SortDate())
	}
	fe := ponte.FieldErrors{}
	p.EndDate = p.StartDate.AddDate(0, 0, -1)
	p.Title = "x"
	p.Validate(fe)
	if fe["end_date"] != "org.error.end_before_start" {
		t.Fatalf("errors = %v", fe)
	}
}

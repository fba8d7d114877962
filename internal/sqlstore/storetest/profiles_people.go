package storetest

import (
	"context"
	"fmt"
	"testing"

	"github.com/ponte-platform/ponte"
)

func init() {
	register(
		contract{"PeopleFilters", testPeopleFilters},
		contract{"PeopleFiltersHonourVisibility", testPeopleVisibility},
		contract{"PeopleKeysetStable", testPeopleKeyset},
	)
}

var (
	visitor = ponte.AudienceOf(nil)
	member  = ponte.Audience{ViewerID: 999999, Levels: []ponte.Visibility{ponte.VisPublic, ponte.VisMembers}}
)

// find runs FindPeople and returns the user ids found.
func find(t *testing.T, s ponte.Store, f ponte.PeopleFilter) []int64 {
	t.Helper()
	hits, err := s.FindPeople(context.Background(), f)
	if err != nil {
		t.Fatal(err)
	}
	ids := make([]int64, len(hits))
	for i, h := range hits {
		ids[i] = h.UserID
	}
	return ids
}

func wantIDs(t *testing.T, what string, got []int64, want ...*ponte.User) {
	t.Helper()
	w := make([]int64, len(want))
	for i, u := range want {
		w[i] = u.ID
	}
	if fmt.Sprint(got) != fmt.Sprint(w) {
		t.Fatalf("%s: got %v, want %v", what, got, w)
	}
}

func testPeopleFilters(t *testing.T, s ponte.Store) {
	ctx := context.Background()
	ids := SeedConcepts(t, s)
	ana, bo, cy := NewUser(t, s, "ana"), NewUser(t, s, "bo"), NewUser(t, s, "cy")
	NewProfile(t, s, ana, "ITC4C", 1)
	NewProfile(t, s, bo, "ITC11", 2)
	pc := NewProfile(t, s, cy, "HR050", 3)
	pc.Languages, pc.Themes, pc.S3Areas = []ponte.SpokenLanguage{{Code: "hr", Level: "native"}}, nil, []string{"tourism"}
	pc.Visibility[ponte.SectionAffiliations] = ponte.VisPublic
	s.SaveProfile(ctx, pc)
	skill(t, s, ana, ids[URIProjectManagement], 2) // narrower than the projects group
	skill(t, s, ana, ids[URIManageBudgets], 1)
	skill(t, s, bo, ids[URIProjectManagement], 4)
	skill(t, s, cy, ids[URIGroupProjects], 1)
	o := &ponte.Organisation{Name: "Uni", Type: ponte.OrgUniversity, CreatedAt: t0, UpdatedAt: t0}
	s.CreateOrganisation(ctx, o)
	s.SetOrgMember(ctx, &ponte.OrgMember{OrgID: o.ID, UserID: bo.ID, Role: ponte.OrgRoleMember, CreatedAt: t0})

	wantIDs(t, "recent", find(t, s, ponte.PeopleFilter{Audience: member}), cy, bo, ana)
	group, _ := s.NarrowerConcepts(ctx, []int64{ids[URIGroupProjects]})
	wantIDs(t, "skill group with narrower, relevance", find(t, s, ponte.PeopleFilter{Audience: member,
		ConceptIDs: group}), bo, ana, cy)
	both := []int64{ids[URIProjectManagement], ids[URIManageBudgets]}
	wantIDs(t, "two skills: levels add up (bo 4, ana 2+1)", find(t, s, ponte.PeopleFilter{Audience: member,
		ConceptIDs: both}), bo, ana)
	wantIDs(t, "region prefix ITC", find(t, s, ponte.PeopleFilter{Audience: member, Region: "itc"}), bo, ana)
	wantIDs(t, "region ITC4", find(t, s, ponte.PeopleFilter{Audience: member, Region: "ITC4"}), ana)
	wantIDs(t, "skill and region", find(t, s, ponte.PeopleFilter{Audience: member, ConceptIDs: group,
		Region: "ITC4C"}), ana)
	wantIDs(t, "language", find(t, s, ponte.PeopleFilter{Audience: member, Language: "hr"}), cy)
	wantIDs(t, "interest", find(t, s, ponte.PeopleFilter{Audience: member, Interest: "s3:tourism"}), cy, bo, ana)
	wantIDs(t, "interest, visitor", find(t, s, ponte.PeopleFilter{Audience: visitor, Interest: "s3:tourism"}), cy)
	wantIDs(t, "org type", find(t, s, ponte.PeopleFilter{Audience: member, OrgType: ponte.OrgUniversity}), bo)
	wantIDs(t, "org type, visitor", find(t, s, ponte.PeopleFilter{Audience: visitor, OrgType: ponte.OrgUniversity}))
	wantIDs(t, "recent order with skill", find(t, s, ponte.PeopleFilter{Audience: member, ConceptIDs: group,
		Order: ponte.OrderRecent}), cy, bo, ana)
}

func testPeopleVisibility(t *testing.T, s ponte.Store) {
	ctx := context.Background()
	ids := SeedConcepts(t, s)
	open, members, hidden := NewUser(t, s, "open"), NewUser(t, s, "members"), NewUser(t, s, "hidden")
	NewProfile(t, s, open, "ITC4C", 1)
	pm := NewProfile(t, s, members, "ITC4C", 2)
	ph := NewProfile(t, s, hidden, "ITC4C", 3)
	for _, sec := range []string{ponte.SectionSkills, ponte.SectionLocation, ponte.SectionLanguages} {
		pm.Visibility[sec], ph.Visibility[sec] = ponte.VisMembers, ponte.VisPrivate
	}
	s.SaveProfile(ctx, pm)
	s.SaveProfile(ctx, ph)
	for _, u := range []*ponte.User{open, members, hidden} {
		skill(t, s, u, ids[URIPython], 3)
	}
	self := ponte.Audience{ViewerID: hidden.ID, Levels: member.Levels}
	for _, f := range []ponte.PeopleFilter{{ConceptIDs: []int64{ids[URIPython]}}, {Region: "ITC"}, {Language: "it"}} {
		f.Audience = visitor
		wantIDs(t, fmt.Sprintf("visitor %+v", f), find(t, s, f), open)
		f.Audience = member
		wantIDs(t, fmt.Sprintf("member %+v", f), find(t, s, f), members, open)
		f.Audience = self
		wantIDs(t, fmt.Sprintf("self %+v", f), find(t, s, f), hidden, members, open)
	}
	// A private "about" keeps a person out of the directory altogether.
	ph.Visibility[ponte.SectionAbout] = ponte.VisPrivate
	s.SaveProfile(ctx, ph)
	wantIDs(t, "private about", find(t, s, ponte.PeopleFilter{Audience: member}), members, open)
	// A deactivated account's profile is not loaded (so not shown).
	open.Deactivated = &t0
	s.UpdateUser(ctx, open)
	if got, _ := s.ProfilesByUsers(ctx, []int64{open.ID, members.ID}); len(got) != 1 || got[members.ID] == nil {
		t.Fatalf("ProfilesByUsers with a deactivated account = %v", got)
	}
}

func testPeopleKeyset(t *testing.T, s ponte.Store) {
	ctx := context.Background()
	ids := SeedConcepts(t, s)
	var users []*ponte.User
	for i := 0; i < 23; i++ {
		u := NewUser(t, s, fmt.Sprintf("p%02d", i))
		NewProfile(t, s, u, "SI041", i%4) // many ties on updated_at
		skill(t, s, u, ids[URIPython], 1+i%4)
		if i%3 == 0 {
			skill(t, s, u, ids[URIDataAnalytics], 2)
		}
		users = append(users, u)
	}
	for _, f := range []ponte.PeopleFilter{
		{Audience: visitor, Limit: 5},
		{Audience: visitor, Limit: 4, ConceptIDs: []int64{ids[URIPython], ids[URIDataAnalytics]}},
	} {
		all := find(t, s, ponte.PeopleFilter{Audience: f.Audience, ConceptIDs: f.ConceptIDs, Limit: 100})
		var paged []int64
		for page := 0; page < 10; page++ {
			hits, err := s.FindPeople(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			for _, h := range hits {
				paged = append(paged, h.UserID)
			}
			if len(hits) < f.Limit {
				break
			}
			f.After = ponte.CursorOf(hits[len(hits)-1])
		}
		if len(all) != len(users) || fmt.Sprint(paged) != fmt.Sprint(all) {
			t.Fatalf("pages %v\n  != one query %v", paged, all)
		}
	}
}

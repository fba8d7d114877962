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
		contract{"OrgProjectsRoundTrip", testOrgProjectsRoundTrip},
		contract{"OrgProjectsNewestFirst", testOrgProjectsKeyset},
		contract{"OrgCompetenceEvidence", testOrgCompetenceEvidence},
	)
}

// NewOrgProject inserts a project of o tagged with concept ids, ending on end.
func NewOrgProject(t testing.TB, s ponte.Store, o *ponte.Organisation, title string, end time.Time, skills ...int64) *ponte.OrgProject {
	t.Helper()
	p := &ponte.OrgProject{OrgID: o.ID, Title: title, EndDate: end, SkillIDs: skills, CreatedAt: t0, UpdatedAt: t0}
	if err := s.CreateOrgProject(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	return p
}

func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

func testOrgProjectsRoundTrip(t *testing.T, s ponte.Store) {
	ctx := context.Background()
	ids := SeedConcepts(t, s)
	o := NewOrg(t, s, "Institut Ruđer Bošković", ponte.OrgResearchCentre, "HR050")
	partner := NewOrg(t, s, "Sveučilište u Rijeci", ponte.OrgUniversity, "HR031")
	budget, eu, orig := int64(502400200), int64(477280190), int64(3785334304)
	p := &ponte.OrgProject{OrgID: o.ID, Title: "Modernizacija laboratorija", Description: "**Opis**",
		Results: "Novi uređaji", StartDate: day(2014, 3, 1), EndDate: day(2016, 9, 30), Programme: "Regionalna konkurentnost",
		Fund: "ERDF", Budget: &budget, EUFunding: &eu, OrigBudget: &orig, OrigCurrency: "HRK", Region: "HR050",
		Partners: []ponte.OrgProjectPartner{{OrgID: &partner.ID, Name: partner.Name}, {Name: "British Council"}},
		SkillIDs: []int64{ids[URIDataAnalytics], ids[URIProjectManagement]}, CreatedAt: t0, UpdatedAt: t0}
	if err := s.CreateOrgProject(ctx, p); err != nil {
		t.Fatal(err)
	}
	got, err := s.OrgProjectByID(ctx, p.ID, "it")
	if err != nil || got.Title != p.Title || !got.EndDate.Equal(p.EndDate) || *got.Budget != budget ||
		*got.OrigBudget != orig || got.OrigCurrency != "HRK" || got.OrigEUFunding != nil || got.Region != "HR050" {
		t.Fatalf("OrgProjectByID = %+v, %v", got, err)
	}
	if len(got.Partners) != 2 || *got.Partners[0].OrgID != partner.ID || got.Partners[1].Name != "British Council" {
		t.Fatalf("partners = %+v", got.Partners)
	}
	if len(got.Skills) != 2 || got.Skills[0].Label != "data analytics" || got.Skills[1].Label != "eseguire la gestione dei progetti" {
		t.Fatalf("skills = %+v", got.Skills)
	}
	if org, _ := s.OrganisationByID(ctx, o.ID); org.ProjectCount != 1 {
		t.Fatalf("project_count = %d, want 1", org.ProjectCount)
	}
	got.Title, got.SkillIDs, got.Partners = "Laboratorij 2.0", []int64{ids[URIPython]}, nil
	if err := s.UpdateOrgProject(ctx, got); err != nil {
		t.Fatal(err)
	}
	again, _ := s.OrgProjectByID(ctx, p.ID, "en")
	if again.Title != "Laboratorij 2.0" || len(again.Skills) != 1 || len(again.Partners) != 0 {
		t.Fatalf("after update = %+v", again)
	}
	got.OrgID = partner.ID // not its project
	wantCode(t, s.UpdateOrgProject(ctx, got), ponte.ENotFound)
	wantCode(t, s.DeleteOrgProject(ctx, partner.ID, p.ID), ponte.ENotFound)
	if err := s.DeleteOrgProject(ctx, o.ID, p.ID); err != nil {
		t.Fatal(err)
	}
	if org, _ := s.OrganisationByID(ctx, o.ID); org.ProjectCount != 0 {
		t.Fatalf("project_count after delete = %d", org.ProjectCount)
	}
	ev, _, err := s.OrgCompetenceEvidence(ctx, o.ID)
	if err != nil || len(ev) != 0 {
		t.Fatalf("evidence after the only project went = %+v, %v", ev, err)
	}
}

func testOrgProjectsKeyset(t *testing.T, s ponte.Store) {
	ctx := context.Background()
	o := NewOrg(t, s, "Općina", ponte.OrgPublicAdmin, "HR032")
	for i := range 7 {
		NewOrgProject(t, s, o, fmt.Sprintf("p%d", i), day(2010+i%3, 1, 1))
	}
	undated := &ponte.OrgProject{OrgID: o.ID, Title: "undated", CreatedAt: t0, UpdatedAt: t0}
	s.CreateOrgProject(ctx, undated)
	var titles []string
	var after *ponte.OrgProjectCursor
	for {
		page, err := s.ListOrgProjects(ctx, ponte.OrgProjectFilter{OrgID: o.ID, Lang: "en", After: after, Limit: 3})
		if err != nil {
			t.Fatal(err)
		}
		if len(page) == 0 {
			break
		}
		for _, p := range page {
			titles = append(titles, p.Title)
		}
		last := page[len(page)-1]
		after = &ponte.OrgProjectCursor{SortDate: last.SortDate(), ID: last.ID}
	}
	want := "[p5 p2 p4 p1 p6 p3 p0 undated]"
	if fmt.Sprint(titles) != want {
		t.Fatalf("projects = %v, want %s", titles, want)
	}
}

func testOrgCompetenceEvidence(t *testing.T, s ponte.Store) {
	ctx := context.Background()
	ids := SeedConcepts(t, s)
	a := NewOrg(t, s, "A", ponte.OrgSME, "ITC4C")
	b := NewOrg(t, s, "B", ponte.OrgSME, "ITC4C")
	c := NewOrg(t, s, "C", ponte.OrgSME, "ITC4C")
	py, teams := ids[URIPython], ids[URIWorkInTeams]
	NewOrgProject(t, s, a, "one", day(2020, 1, 1), py, teams)
	NewOrgProject(t, s, a, "two", day(2021, 1, 1), py)
	NewOrgProject(t, s, b, "three", day(2021, 1, 1), teams)
	if err := s.SetOrgCompetence(ctx, a.ID, ids[URIBusinessPlans], "since 2005", t0); err != nil {
		t.Fatal(err)
	}
	// A member of A who shows "lead others" publicly counts; a member of B
	// with a private profile does not. A member of C shows it and Python:
	// C is known for both through its member alone.
	pub, priv, pubC := NewUser(t, s, "pub"), NewUser(t, s, "priv"), NewUser(t, s, "pubC")
	addMember(t, s, a, pub, ponte.OrgRoleMember)
	addMember(t, s, b, priv, ponte.OrgRoleMember)
	addMember(t, s, c, pubC, ponte.OrgRoleMember)
	skill := func(u *ponte.User, concept int64) {
		t.Helper()
		if err := s.UpsertProfileSkill(ctx, &ponte.ProfileSkill{UserID: u.ID, ConceptID: concept,
			Level: 2, CreatedAt: t0, UpdatedAt: t0}); err != nil {
			t.Fatal(err)
		}
	}
	for _, u := range []*ponte.User{pub, priv, pubC} {
		skill(u, ids[URILeadOthers])
	}
	skill(pubC, py)
	skill(pub, py) // A has Python from its projects already: counted once
	p := ponte.NewProfile(priv)
	p.Visibility[ponte.SectionSkills] = ponte.VisPrivate
	p.CreatedAt, p.UpdatedAt = t0, t0
	if err := s.SaveProfile(ctx, p); err != nil {
		t.Fatal(err)
	}
	got := map[int64]ponte.CompetenceEvidence{}
	evidence := func() []ponte.CompetenceEvidence {
		t.Helper()
		ev, n, err := s.OrgCompetenceEvidence(ctx, a.ID)
		if err != nil || n != 3 {
			t.Fatalf("evidence: n = %d, %v", n, err)
		}
		clear(got)
		for _, e := range ev {
			got[e.ConceptID] = e
		}
		return ev
	}
	// Before the first refresh the organisations known through members
	// alone are not counted yet; declarations and projects are, at once.
	evidence()
	if e := got[ids[URILeadOthers]]; e.Orgs != 0 || e.Members != 1 {
		t.Fatalf("lead others before the refresh = %+v, want orgs 0 members 1", e)
	}
	if n, err := s.RefreshMemberOrgCounts(ctx); err != nil || n != 2 {
		t.Fatalf("RefreshMemberOrgCounts = %d, %v; want 2 concepts (lead others, Python)", n, err)
	}
	ev := evidence()
	check := func(uri string, declared bool, projects, members, orgs int) {
		t.Helper()
		e := got[ids[uri]]
		if e.Declared != declared || e.Projects != projects || e.Members != members || e.Orgs != orgs {
			t.Errorf("%s = %+v, want declared %v projects %d members %d orgs %d", uri, e, declared, projects, members, orgs)
		}
	}
	check(URIPython, false, 2, 1, 2)
	check(URIWorkInTeams, false, 1, 0, 2)
	check(URIBusinessPlans, true, 0, 0, 1)
	check(URILeadOthers, false, 0, 1, 2)
	if got[ids[URIBusinessPlans]].Note != "since 2005" || len(ev) != 4 {
		t.Fatalf("evidence = %+v", ev)
	}
	refs, err := s.OrgProjectsByConcept(ctx, a.ID, []int64{py, teams}, 1)
	if err != nil || len(refs[py]) != 1 || refs[py][0].Title != "two" || refs[teams][0].Title != "one" {
		t.Fatalf("OrgProjectsByConcept = %+v, %v", refs, err)
	}
	if err := s.DeleteOrgCompetence(ctx, a.ID, ids[URIBusinessPlans]); err != nil {
		t.Fatal(err)
	}
	wantCode(t, s.DeleteOrgCompetence(ctx, a.ID, ids[URIBusinessPlans]), ponte.ENotFound)
	// A refresh replaces the snapshot: C's member leaves, and C is no
	// longer known for either.
	if err := s.RemoveOrgMember(ctx, c.ID, pubC.ID); err != nil {
		t.Fatal(err)
	}
	if n, err := s.RefreshMemberOrgCounts(ctx); err != nil || n != 1 {
		t.Fatalf("second refresh = %d, %v; want 1 concept", n, err)
	}
	evidence()
	check(URIPython, false, 2, 1, 1)
	check(URILeadOthers, false, 0, 1, 1)
}

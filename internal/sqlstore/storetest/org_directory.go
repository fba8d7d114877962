package storetest

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/ponte-platform/ponte"
)

func init() {
	register(
		contract{"OrgDirectoryFilters", testOrgDirectoryFilters},
		contract{"OrgDirectoryKeysetPages", testOrgDirectoryKeyset},
		contract{"OrgImportBulk", testOrgImportBulk},
	)
}

// names lists a directory page's names, sorted when the order is not tested.
func names(t *testing.T, s ponte.Store, f ponte.OrgFilter, sorted bool) []string {
	t.Helper()
	items, err := s.ListOrganisations(context.Background(), f)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, it := range items {
		out = append(out, it.Name)
	}
	if sorted {
		slices.Sort(out)
	}
	return out
}

func testOrgDirectoryFilters(t *testing.T, s ponte.Store) {
	ctx := context.Background()
	ids := SeedConcepts(t, s)
	zg := NewOrg(t, s, "Zagreb Uni", ponte.OrgUniversity, "HR050")
	ri := NewOrg(t, s, "Rijeka SME", ponte.OrgSME, "HR031")
	it := NewOrg(t, s, "Trento SME", ponte.OrgSME, "ITH20")
	ri.SizeBand, ri.Sectors, ri.S3Areas = ponte.SizeSmall, []string{"C"}, []string{"blue-economy"}
	if err := s.UpdateOrganisation(ctx, ri); err != nil {
		t.Fatal(err)
	}
	NewOrgProject(t, s, zg, "p", day(2020, 1, 1), ids[URIProjectManagement])
	NewOrgProject(t, s, zg, "q", day(2021, 1, 1), ids[URIProjectManagement])
	NewOrgProject(t, s, it, "r", day(2021, 1, 1), ids[URIProjectManagement])
	s.SetOrgCompetence(ctx, ri.ID, ids[URIPython], "", t0)
	m := NewUser(t, s, "member")
	addMember(t, s, it, m, ponte.OrgRoleOwner)
	s.UpsertProfileSkill(ctx, &ponte.ProfileSkill{UserID: m.ID, ConceptID: ids[URIManageBudgets], Level: 3, CreatedAt: t0, UpdatedAt: t0})
	cases := []struct {
		name string
		f    ponte.OrgFilter
		want string
	}{
		{"all", ponte.OrgFilter{}, "[Rijeka SME Trento SME Zagreb Uni]"},
		{"type", ponte.OrgFilter{Type: ponte.OrgSME}, "[Rijeka SME Trento SME]"},
		{"country prefix", ponte.OrgFilter{Region: "hr"}, "[Rijeka SME Zagreb Uni]"},
		{"NUTS 2", ponte.OrgFilter{Region: "HR05"}, "[Zagreb Uni]"},
		{"size", ponte.OrgFilter{SizeBand: ponte.SizeSmall}, "[Rijeka SME]"},
		{"sector", ponte.OrgFilter{Sector: "C"}, "[Rijeka SME]"},
		{"s3", ponte.OrgFilter{S3Area: "blue-economy"}, "[Rijeka SME]"},
		{"name", ponte.OrgFilter{NameQuery: "sme"}, "[]"}, // name_key is the folded name, unset by NewOrg
		{"declared skill", ponte.OrgFilter{ConceptIDs: []int64{ids[URIPython]}}, "[Rijeka SME]"},
		{"member skill", ponte.OrgFilter{ConceptIDs: []int64{ids[URIManageBudgets]}}, "[Trento SME]"},
		{"skill and region", ponte.OrgFilter{ConceptIDs: []int64{ids[URIProjectManagement]}, Region: "HR"}, "[Zagreb Uni]"},
	}
	for _, c := range cases {
		if got := fmt.Sprint(names(t, s, c.f, true)); got != c.want {
			t.Errorf("%s: %s, want %s", c.name, got, c.want)
		}
	}
	// Relevance: two projects with the skill outrank one.
	rel := names(t, s, ponte.OrgFilter{ConceptIDs: []int64{ids[URIProjectManagement]}, Order: ponte.OrderRelevance}, false)
	if fmt.Sprint(rel) != "[Zagreb Uni Trento SME]" {
		t.Fatalf("relevance order = %v", rel)
	}
	items, _ := s.ListOrganisations(ctx, ponte.OrgFilter{Type: ponte.OrgSME})
	for _, it := range items {
		if it.Name == "Trento SME" && (it.Members != 1 || it.ProjectCount != 1) {
			t.Fatalf("Trento SME counts = %+v", it)
		}
	}
}

func testOrgDirectoryKeyset(t *testing.T, s ponte.Store) {
	ctx := context.Background()
	py := SeedConcepts(t, s)[URIPython]
	var all []*ponte.Organisation
	for i := range 23 {
		o := &ponte.Organisation{Name: fmt.Sprintf("Org %02d", i), Type: ponte.OrgNGO, Country: "SI",
			Region: "SI041", CreatedAt: t0, UpdatedAt: t0.Add(time.Duration(i%4) * time.Second)}
		if err := s.CreateOrganisation(ctx, o); err != nil {
			t.Fatal(err)
		}
		all = append(all, o)
		for range 1 + i%3 {
			NewOrgProject(t, s, o, "x", day(2020, 1, 1), py)
		}
	}
	for _, order := range []string{ponte.OrderRecent, ponte.OrderRelevance, "skill"} {
		seen := map[int64]bool{}
		var prev *ponte.OrgListItem
		f := ponte.OrgFilter{Order: order, Limit: 5}
		if order == "skill" { // relevance by evidence of a skill every organisation has
			f = ponte.OrgFilter{ConceptIDs: []int64{py}, Limit: 5}
		}
		for page := 0; page < 10; page++ {
			items, err := s.ListOrganisations(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			for _, it := range items {
				if seen[it.ID] {
					t.Fatalf("%s: %s twice", order, it.Name)
				}
				seen[it.ID] = true
				if prev != nil && order != ponte.OrderRecent && it.Score > prev.Score {
					t.Fatalf("relevance not descending: %d after %d", it.Score, prev.Score)
				}
				if prev != nil && order == ponte.OrderRecent && it.UpdatedAt.After(prev.UpdatedAt) {
					t.Fatalf("recency not descending")
				}
				prev = it
			}
			if len(items) < 5 {
				break
			}
			// The cursor goes through its URL form, as a browser sends it.
			c, err := ponte.ParseOrgCursor(ponte.OrgCursorAfter(items[len(items)-1]).String())
			if err != nil {
				t.Fatal(err)
			}
			f.After = c
		}
		if len(seen) != len(all) {
			t.Fatalf("%s: %d of %d organisations paged through", order, len(seen), len(all))
		}
	}
}

func testOrgImportBulk(t *testing.T, s ponte.Store) {
	ctx := context.Background()
	existing := NewOrg(t, s, "Grad Zagreb", ponte.OrgPublicAdmin, "HR050")
	existing.RegistryID, existing.NameKey = "61817894937", "grad zagreb"
	s.UpdateOrganisation(ctx, existing)
	var orgs []*ponte.Organisation
	for i := range 1500 { // more than one statement's worth of rows
		orgs = append(orgs, &ponte.Organisation{Name: fmt.Sprintf("Udruga %d", i), Type: ponte.OrgNGO,
			Country: "HR", Region: "HR031", NameKey: fmt.Sprintf("udruga %d", i), Source: "test",
			SourceKey: fmt.Sprintf("name:HR:udruga %d", i), Sectors: []string{"S"}, CreatedAt: t0, UpdatedAt: t0})
	}
	err := s.Tx(ctx, func(tx ponte.Store) error { return tx.CreateOrganisations(ctx, orgs) })
	if err != nil {
		t.Fatal(err)
	}
	var projects []*ponte.OrgProject
	for i, o := range orgs {
		if o.ID == 0 {
			t.Fatalf("organisation %d has no id", i)
		}
		projects = append(projects, &ponte.OrgProject{OrgID: o.ID, Title: "Projekt", Source: "test",
			SourceKey: "ref:1", SourceHash: "h1", CreatedAt: t0, UpdatedAt: t0})
	}
	err = s.Tx(ctx, func(tx ponte.Store) error {
		if err := tx.CreateOrgProjects(ctx, projects); err != nil {
			return err
		}
		return tx.RecountOrgProjects(ctx, orgIDsOf(orgs))
	})
	if err != nil {
		t.Fatal(err)
	}
	found, err := s.OrgImportCandidates(ctx, ponte.OrgImportKeys{Source: "test",
		SourceKeys:  []string{"name:HR:udruga 7", "name:HR:nope"},
		RegistryIDs: []ponte.CountryKey{{Country: "HR", Key: "61817894937"}, {Country: "SI", Key: "61817894937"}},
		NameKeys:    []ponte.CountryKey{{Country: "HR", Key: "udruga 1499"}, {Country: "IT", Key: "udruga 3"}}})
	if err != nil || len(found) != 3 {
		t.Fatalf("OrgImportCandidates = %d, %v", len(found), err)
	}
	held, err := s.ImportedOrgProjects(ctx, "test", orgIDsOf(orgs))
	if err != nil || len(held) != 1500 || held[ponte.OrgProjectKey{OrgID: orgs[9].ID, SourceKey: "ref:1"}].SourceHash != "h1" {
		t.Fatalf("ImportedOrgProjects = %d, %v", len(held), err)
	}
	projects[9].Title, projects[9].SourceHash = "Novi naslov", "h2"
	orgs[9].Region = "HR032"
	err = s.Tx(ctx, func(tx ponte.Store) error {
		if err := tx.UpdateImportedOrgProjects(ctx, projects[9:10]); err != nil {
			return err
		}
		return tx.UpdateOrganisations(ctx, orgs[9:10])
	})
	if err != nil {
		t.Fatal(err)
	}
	p, _ := s.OrgProjectByID(ctx, projects[9].ID, "hr")
	o, _ := s.OrganisationByID(ctx, orgs[9].ID)
	if p.Title != "Novi naslov" || p.SourceHash != "h2" || o.Region != "HR032" || o.ProjectCount != 1 ||
		!slices.Equal(o.Sectors, []string{"S"}) {
		t.Fatalf("after bulk update: %+v / %+v", p, o)
	}
}

func orgIDsOf(os []*ponte.Organisation) []int64 {
	ids := make([]int64, len(os))
	for i, o := range os {
		ids[i] = o.ID
	}
	return ids
}

package web

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/service"
	"github.com/ponte-platform/ponte/internal/sqlstore/storetest"
)

func TestMatchesPage(t *testing.T) {
	eachBackend(t, func(t *testing.T, s *testSite) {
		ctx := context.Background()
		ids := storetest.SeedConcepts(t, s.store)
		owner, ownerU := s.member("proposer@example.org")
		outsider, _ := s.member("outsider@example.org")
		_, mojca := s.member("mojca@example.si")
		p := ponte.NewProfile(mojca)
		p.Region, p.Country, p.Languages = "SI041", "SI", []ponte.SpokenLanguage{{Code: "it", Level: "B2"}}
		if err := s.store.SaveProfile(ctx, p); err != nil {
			t.Fatal(err)
		}
		for _, c := range []int64{ids[storetest.URIPython], ids[storetest.URIManageBudgets]} {
			if err := s.store.UpsertProfileSkill(ctx, &ponte.ProfileSkill{UserID: mojca.ID, ConceptID: c, Level: 4}); err != nil {
				t.Fatal(err)
			}
		}
		o := &ponte.Organisation{Name: "Podjetje d.o.o.", Type: ponte.OrgSME, Country: "SI", Region: "SI042"}
		if err := s.store.CreateOrganisation(ctx, o); err != nil {
			t.Fatal(err)
		}
		storetest.NewOrgProject(t, s.store, o, "Projekt", p.CreatedAt, ids[storetest.URIPython])
		in := service.ProposalInput{Type: ponte.ProposalResearch, Title: "Partner per Horizon", Lang: "it",
			Summary: "Cerchiamo partner", CallRef: "HORIZON-CL5-2026",
			Regions: []string{"SI042"}, PartnerTypes: []string{ponte.OrgSME},
			Skills: []service.ProposalSkillInput{
				{SkillRef: service.SkillRef{URI: storetest.URIPython}, Essential: true, MinLevel: 3},
				{SkillRef: service.SkillRef{URI: storetest.URIGroupBudgets}, Essential: true, MinLevel: 2}}}
		prop, err := s.svc.CreateProposal(ctx, ownerU, in, "en")
		if err != nil {
			t.Fatal(err)
		}
		path := "/proposals/" + strconv.FormatInt(prop.ID, 10) + "/matches"
		r := s.do(owner, "GET", path, nil, "Accept-Language", "en")
		if r.status != 200 {
			t.Fatalf("matches page: %d\n%s", r.status, r.body)
		}
		for _, want := range []string{"/people/" + strconv.FormatInt(mojca.ID, 10), "Covers 2 of 2 essential skills",
			"via the more specific", "manage budgets", "Same NUTS 2 region: Zahodna Slovenija (SI04)", "Speaks Italian",
			`<meter min="0" max="100"`, `aria-current="page"`, "Score "} {
			if !strings.Contains(r.body, want) {
				t.Errorf("people page lacks %q", want)
			}
		}
		r = s.do(owner, "GET", path+"?kind=organisations", nil)
		for _, want := range []string{"/organisations/" + strconv.FormatInt(o.ID, 10), "Covers 1 of 2 essential skills",
			"In the sought region Gorenjska (SI042)", "A sought partner type: Small or medium enterprise",
			"‘Python (computer programming)’ in 1 realised project"} {
			if !strings.Contains(r.body, want) {
				t.Errorf("organisations page lacks %q", want)
			}
		}
		if r := s.do(outsider, "GET", path, nil); r.status != 404 {
			t.Errorf("outsider on a draft: %d, want 404", r.status)
		}
		if _, err := s.svc.ChangeProposalStatus(ctx, ownerU, prop.ID, ponte.ProposalPublished, "", "en"); err != nil {
			t.Fatal(err)
		}
		s.svc.ContentChanged(ctx) // written past the site, which moves the version after its own writes
		if r := s.do(outsider, "GET", path, nil); r.status != 403 {
			t.Errorf("outsider on a published proposal: %d, want 403", r.status)
		}
		if r := s.do(s.client(), "GET", path, nil); r.status == 200 || strings.Contains(r.body, "Covers") {
			t.Errorf("visitor: %d", r.status)
		}
		if r := s.do(owner, "GET", path+"?kind=robots", nil); r.status != 422 {
			t.Errorf("bad kind: %d, want 422", r.status)
		}
	})
}

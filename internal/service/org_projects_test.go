package service_test

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"testing"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/service"
	"github.com/ponte-platform/ponte/internal/sqlstore/storetest"
)

func uris(us ...string) []service.SkillRef {
	out := make([]service.SkillRef, len(us))
	for i, u := range us {
		out[i] = service.SkillRef{Field: fmt.Sprintf("skills.%d", i), URI: u}
	}
	return out
}

func TestOrgProjectValidationAndSkills(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		storetest.SeedConcepts(t, e.store)
		u := e.member(t, "proj@example.org")
		o := e.org(t, u, "Zavod", "SI041")
		cases := []struct {
			name, field, key string
			in               service.ProjectInput
		}{
			{"title", "title", "error.required", service.ProjectInput{Title: " "}},
			{"date", "start_date", "org.error.date", service.ProjectInput{Title: "x", StartDate: "1.3.2020"}},
			{"order", "end_date", "org.error.end_before_start", service.ProjectInput{Title: "x", StartDate: "2020-03-01", EndDate: "2019-01-01"}},
			{"amount", "budget", "org.error.amount", service.ProjectInput{Title: "x", Budget: "lots"}},
			{"negative", "eu_funding", "org.error.amount", service.ProjectInput{Title: "x", EUFunding: "-5"}},
			{"region", "region", "org.error.region_unknown", service.ProjectInput{Title: "x", Region: "XX1"}},
			{"partner", "partners", "org.error.partner_unknown", service.ProjectInput{Title: "x", Partners: []service.PartnerInput{{OrgID: 99999}}}},
			{"unknown skill", "skills.1", "error.skill_unknown", service.ProjectInput{Title: "x",
				Skills: uris(storetest.URIPython, "http://data.europa.eu/esco/skill/no-such-skill")}},
		}
		for _, c := range cases {
			_, err := e.svc.CreateOrgProject(ctx, u, o.ID, c.in, "en")
			if got := ponte.AsError(err); got == nil || got.Fields[c.field] != c.key {
				t.Errorf("%s: %v, want %s = %s", c.name, err, c.field, c.key)
			}
		}
		if got, _ := e.store.OrganisationByID(ctx, o.ID); got.ProjectCount != 0 {
			t.Fatalf("%d projects saved by refused inputs", got.ProjectCount)
		}
		p, err := e.svc.CreateOrgProject(ctx, u, o.ID, service.ProjectInput{Title: "Digitalni vavčer",
			StartDate: "2021-01-15", EndDate: "2022-06-30", Budget: "1.250.000,50", EUFunding: "1 000 000",
			Region: "si041", Partners: service.ParsePartnerLines(fmt.Sprintf("#%d\nBritish Council\n", o.ID)),
			Skills: uris(storetest.URIPython, storetest.URIDataAnalytics, storetest.URIPython)}, "en")
		if err != nil {
			t.Fatal(err)
		}
		got, _ := e.svc.OrgProject(ctx, o.ID, p.ID, "en")
		if *got.Budget != 125000050 || *got.EUFunding != 100000000 || got.Region != "SI041" || len(got.Skills) != 2 ||
			len(got.Partners) != 2 || got.Partners[0].Name != "Zavod" || got.Partners[1].OrgID != nil {
			t.Fatalf("project = %+v", got)
		}
		ps, next, err := e.svc.OrgProjects(ctx, o.ID, "en", "", 20)
		if err != nil || len(ps) != 1 || next != "" {
			t.Fatalf("OrgProjects = %d, %q, %v", len(ps), next, err)
		}
		_, err = e.svc.OrgProject(ctx, o.ID+1, p.ID, "en")
		wantCode(t, err, ponte.ENotFound)
	})
}

func TestOrgParseEuro(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		u := e.member(t, "euro@example.org")
		o := e.org(t, u, "Banka", "ITC4C")
		for typed, cents := range map[string]int64{"125000": 12500000, "125.000": 12500000, "125,000": 12500000,
			"125.000,5": 12500050, "125,000.50": 12500050, "1'250'000": 125000000, "€ 99": 9900, "0,99": 99} {
			p, err := e.svc.CreateOrgProject(context.Background(), u, o.ID, service.ProjectInput{Title: typed, Budget: typed}, "en")
			if err != nil || *p.Budget != cents {
				t.Errorf("%q = %v, %v; want %d", typed, p, err, cents)
			}
		}
	})
}

func TestDistinctiveCompetencesRankRareOverGeneric(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		ids := storetest.SeedConcepts(t, e.store)
		faculty := storetest.NewOrg(t, e.store, "Filozofski fakultet", ponte.OrgUniversity, "HR050")
		// Nine other organisations, all working in teams (the generic skill);
		// one of them also uses Python.
		for i := range 9 {
			o := storetest.NewOrg(t, e.store, fmt.Sprintf("Org %d", i), ponte.OrgSME, "HR031")
			skills := []int64{ids[storetest.URIWorkInTeams]}
			if i == 0 {
				skills = append(skills, ids[storetest.URIPython])
			}
			storetest.NewOrgProject(t, e.store, o, "team work", e.now, skills...)
		}
		// The faculty has far more evidence of teamwork than of anything else.
		for i := range 5 {
			storetest.NewOrgProject(t, e.store, faculty, fmt.Sprintf("Projekt %d", i), e.now, ids[storetest.URIWorkInTeams])
		}
		storetest.NewOrgProject(t, e.store, faculty, "Korpus", e.now, ids[storetest.URIDataAnalytics], ids[storetest.URIPython])
		storetest.NewOrgProject(t, e.store, faculty, "Anketa", e.now, ids[storetest.URIDataAnalytics])
		u := e.member(t, "dean@example.hr")
		if err := e.store.SetOrgMember(ctx, &ponte.OrgMember{OrgID: faculty.ID, UserID: u.ID, Role: ponte.OrgRoleOwner, CreatedAt: e.now}); err != nil {
			t.Fatal(err)
		}
		if err := e.svc.DeclareCompetence(ctx, u, faculty.ID, service.SkillRef{Field: "skill", URI: storetest.URIResearchProposals}, "EU projekti", "hr"); err != nil {
			t.Fatal(err)
		}
		cs, err := e.svc.OrgCompetences(ctx, faculty.ID, "en", 10)
		if err != nil {
			t.Fatal(err)
		}
		var order []string
		for _, c := range cs {
			order = append(order, c.Concept.Label)
		}
		// analytics 2 projects × 2 × ln(10/1) = 9.2; the declaration 2 × ln(10) = 4.6;
		// Python 1 project, in 2 organisations: 2 × ln(5) = 3.2; teamwork, far
		// more evidence but in every organisation: 10 × ln(10/10) = 0.
		want := "[data analytics write research proposals Python (computer programming) work in teams]"
		if fmt.Sprint(order) != want {
			t.Fatalf("ranking = %v\nwant      %s", order, want)
		}
		top := cs[0]
		if top.CompetenceEvidence.Projects != 2 || top.Orgs != 1 || len(top.ProjectRefs) != 2 || cs[3].Score >= cs[0].Score/5 {
			t.Fatalf("evidence = %+v; generic score %.2f", top, cs[3].Score)
		}
		if !cs[1].Declared || cs[1].Note != "EU projekti" {
			t.Fatalf("declared = %+v", cs[1])
		}
	})
}

func TestOrgDirectoryService(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		ids := storetest.SeedConcepts(t, e.store)
		a := storetest.NewOrg(t, e.store, "Agencija", ponte.OrgPublicAdmin, "HR050")
		storetest.NewOrgProject(t, e.store, a, "PM", e.now, ids[storetest.URIProjectManagement])
		for i := range 25 {
			storetest.NewOrg(t, e.store, fmt.Sprintf("Udruga %d", i), ponte.OrgNGO, "HR031")
		}
		// The group finds the organisation with the narrower skill.
		page, err := e.svc.OrgDirectory(ctx, service.OrgDirectoryInput{SkillURI: storetest.URIGroupProjects}, "en")
		if err != nil || len(page.Items) != 1 || page.Items[0].ID != a.ID || page.Skill == nil {
			t.Fatalf("narrower = %+v, %v", page, err)
		}
		_, err = e.svc.OrgDirectory(ctx, service.OrgDirectoryInput{Region: "HR9", Type: "bank"}, "en")
		wantField(t, err, "region", "org.error.region_unknown")
		wantField(t, err, "type", "error.choose_option")
		_, err = e.svc.OrgDirectory(ctx, service.OrgDirectoryInput{Cursor: "garbage"}, "en")
		wantCode(t, err, ponte.EBadRequest)
		seen := 0
		in := service.OrgDirectoryInput{Region: "HR03", Order: ponte.OrderRecent}
		for range 5 {
			page, err := e.svc.OrgDirectory(ctx, in, "en")
			if err != nil {
				t.Fatal(err)
			}
			seen += len(page.Items)
			if page.Next == "" {
				break
			}
			in.Cursor = page.Next
		}
		if seen != 25 {
			t.Fatalf("paged through %d, want 25", seen)
		}
	})
}

// logoPNG draws a small picture, transparent or not.
func logoPNG(t *testing.T, transparent bool) []byte {
	img := image.NewNRGBA(image.Rect(0, 0, 40, 30))
	for x := range 40 {
		for y := range 30 {
			a := uint8(255)
			if transparent && x < 20 {
				a = 0
			}
			img.Set(x, y, color.NRGBA{R: 20, G: 90, B: 160, A: a})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestOrgLogo(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		c := e.cast(t)
		wantCode(t, e.svc.SetOrgLogo(ctx, c.member, c.org.ID, bytes.NewReader(logoPNG(t, true))), ponte.EForbidden)
		wantField(t, e.svc.SetOrgLogo(ctx, c.owner, c.org.ID, bytes.NewReader([]byte("GIF89a not really"))), "logo", "org.error.logo_format")
		if err := e.svc.SetOrgLogo(ctx, c.owner, c.org.ID, bytes.NewReader(logoPNG(t, true))); err != nil {
			t.Fatal(err)
		}
		img, err := e.svc.OrgLogo(ctx, c.org.ID)
		if err != nil || img.MIME != "image/png" || img.Width != 40 {
			t.Fatalf("transparent logo = %v, %v", img, err)
		}
		first := img.ID
		if err := e.svc.SetOrgLogo(ctx, c.manager, c.org.ID, bytes.NewReader(logoPNG(t, false))); err != nil {
			t.Fatal(err)
		}
		img, _ = e.svc.OrgLogo(ctx, c.org.ID)
		if img.MIME != "image/jpeg" {
			t.Fatalf("opaque logo stored as %s", img.MIME)
		}
		if _, err := e.store.ImageByID(ctx, first); ponte.ErrorCode(err) != ponte.ENotFound {
			t.Fatalf("replaced logo still stored: %v", err)
		}
		if err := e.svc.RemoveOrgLogo(ctx, c.owner, c.org.ID); err != nil {
			t.Fatal(err)
		}
		_, err = e.svc.OrgLogo(ctx, c.org.ID)
		wantCode(t, err, ponte.ENotFound)
	})
}

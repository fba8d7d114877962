package service_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/service"
	"github.com/ponte-platform/ponte/internal/sqlstore/storetest"
)

func allSections() []string { return ponte.ProfileSections }

// fullInput fills every section with valid values.
func fullInput() service.ProfileInput {
	return service.ProfileInput{DisplayName: "Ana Horvat", Headline: "Social innovation in Istria",
		Bio: "I run a **cooperative**.", Country: "HR", Region: "HR036",
		Languages:    []ponte.SpokenLanguage{{Code: "hr", Level: "native"}, {Code: "it", Level: "b2"}},
		Affiliations: []string{"Zadruga Ponte", " "}, Themes: []string{"education", "education"},
		S3Areas: []string{"tourism"}, Offer: "Workshops", Seek: "Partners", ShowEmail: ponte.ShowEmailMembers,
		AllowContact: true}
}

func TestUpdateProfileSavesSections(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		u := e.member(t, "ana@example.org")
		p, err := e.svc.UpdateProfile(ctx, u, fullInput(), allSections()...)
		if err != nil {
			t.Fatal(err)
		}
		got, _ := e.svc.MyProfile(ctx, u)
		if !got.Exists || got.DisplayName != "Ana Horvat" || got.Region != "HR036" || got.Languages[1].Level != "B2" ||
			fmt.Sprint(got.Themes, got.Affiliations) != "[education] [Zadruga Ponte]" || !got.AllowContact {
			t.Fatalf("saved = %+v (returned %+v)", got, p)
		}
		if acc, _ := e.store.UserByID(ctx, u.ID); acc.DisplayName != "Ana Horvat" {
			t.Fatalf("display name not on the account: %q", acc.DisplayName)
		}
		// One section at a time leaves the others alone.
		_, err = e.svc.UpdateProfile(ctx, u, service.ProfileInput{Offer: "Mentoring",
			Visibility: map[string]ponte.Visibility{ponte.SectionOfferSeek: ponte.VisPublic}}, ponte.SectionOfferSeek)
		if err != nil {
			t.Fatal(err)
		}
		got, _ = e.svc.MyProfile(ctx, u)
		if got.Offer != "Mentoring" || got.Seek != "" || got.Headline == "" || got.Vis(ponte.SectionOfferSeek) != ponte.VisPublic {
			t.Fatalf("after offer update: %+v", got)
		}
		// A region alone sets its country.
		_, err = e.svc.UpdateProfile(ctx, u, service.ProfileInput{Region: "itc4c"}, ponte.SectionLocation)
		if got, _ = e.svc.MyProfile(ctx, u); err != nil || got.Country != "IT" || got.Region != "ITC4C" {
			t.Fatalf("region only: %v %q %q", err, got.Country, got.Region)
		}
	})
}

func TestUpdateProfileValidation(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		u := e.member(t, "val@example.org")
		long := string(make([]rune, 0))
		for i := 0; i < 200; i++ {
			long += "x"
		}
		in := service.ProfileInput{DisplayName: " ", Headline: long, Country: "XX", Region: "ZZ99",
			Languages:    []ponte.SpokenLanguage{{Code: "xx", Level: "C1"}, {Code: "it", Level: "D9"}, {Code: "en", Level: "A1"}, {Code: "en", Level: "A2"}},
			Themes:       []string{"astrology"},
			S3Areas:      []string{"mining"},
			ShowEmail:    "everyone",
			Affiliations: []string{long + long},
			Visibility:   map[string]ponte.Visibility{ponte.SectionAbout: "friends"}}
		_, err := e.svc.UpdateProfile(ctx, u, in, allSections()...)
		for field, key := range map[string]string{"display_name": "error.required", "headline": "error.too_long",
			"country": "error.profile.country_unknown", "region": "error.profile.region_unknown",
			"languages.0.code": "error.profile.language_unknown", "languages.1.level": "error.choose_option",
			"languages.3.code": "error.profile.language_twice", "themes": "error.choose_option",
			"s3_areas": "error.choose_option", "show_email": "error.choose_option",
			"affiliations": "error.too_long", "vis_about": "error.choose_option"} {
			wantField(t, err, field, key)
		}
		_, err = e.svc.UpdateProfile(ctx, u, service.ProfileInput{Country: "HR", Region: "ITC4C"}, ponte.SectionLocation)
		wantField(t, err, "region", "error.profile.region_country")
		if p, _ := e.svc.MyProfile(ctx, u); p.Exists {
			t.Fatal("a failed update saved the profile")
		}
		_, err = e.svc.UpdateProfile(ctx, nil, fullInput(), ponte.SectionAbout)
		wantCode(t, err, ponte.EUnauthorized)
	})
}

func TestSkillsAddResolveRemove(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		storetest.SeedConcepts(t, e.store)
		u := e.member(t, "sk@example.org")
		_, _, err := e.svc.AddSkill(ctx, u, service.SkillInput{URI: "http://data.europa.eu/esco/skill/nope", Level: 2}, "en")
		wantField(t, err, "skill", "error.skill_unknown")
		_, _, err = e.svc.AddSkill(ctx, u, service.SkillInput{URI: storetest.URIPython, Level: 9,
			EvidenceKind: ponte.EvidenceLink, EvidenceURL: "javascript:alert(1)"}, "en")
		wantField(t, err, "level", "error.choose_option")
		wantField(t, err, "evidence_url", "error.profile.url_invalid")
		_, _, err = e.svc.AddSkill(ctx, u, service.SkillInput{URI: storetest.URIPython, Level: 2, EvidenceText: "x"}, "en")
		wantField(t, err, "evidence_kind", "error.profile.evidence_kind")
		if sk, _ := e.svc.MySkills(ctx, u, "en"); len(sk) != 0 {
			t.Fatalf("invalid skills saved: %v", sk)
		}
		c, _, err := e.svc.AddSkill(ctx, u, service.SkillInput{URI: storetest.URIManageBudgets, Level: 3,
			EvidenceKind: ponte.EvidenceProject, EvidenceText: "EU project", EvidenceURL: "https://example.org/p"}, "it")
		if err != nil || c.Label != "gestire i budget" {
			t.Fatalf("AddSkill = %v, %v", c, err)
		}
		if err := e.svc.UpdateSkill(ctx, u, c.ID, service.SkillInput{Level: 4}); err != nil {
			t.Fatal(err)
		}
		sk, _ := e.svc.MySkills(ctx, u, "en")
		if len(sk) != 1 || sk[0].Level != 4 || sk[0].EvidenceText != "" {
			t.Fatalf("skills = %+v", sk)
		}
		if p, _ := e.svc.MyProfile(ctx, u); !p.Exists {
			t.Fatal("adding a skill did not create the profile")
		}
		wantCode(t, e.svc.UpdateSkill(ctx, u, c.ID+1000, service.SkillInput{Level: 1}), ponte.ENotFound)
		if err := e.svc.RemoveSkill(ctx, u, c.ID); err != nil {
			t.Fatal(err)
		}
		wantCode(t, e.svc.RemoveSkill(ctx, u, c.ID), ponte.ENotFound)
	})
}

func TestReplaceSkillsIsAtomic(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		storetest.SeedConcepts(t, e.store)
		u := e.member(t, "rep@example.org")
		ok := []service.SkillInput{{URI: storetest.URIPython, Level: 3}, {URI: storetest.URIWorkInTeams, Level: 2}}
		if err := e.svc.ReplaceSkills(ctx, u, ok); err != nil {
			t.Fatal(err)
		}
		bad := []service.SkillInput{{URI: storetest.URILeadOthers, Level: 1}, {URI: "urn:nope", Level: 2}}
		err := e.svc.ReplaceSkills(ctx, u, bad)
		wantField(t, err, "skills.1.uri", "error.skill_unknown")
		sk, _ := e.svc.MySkills(ctx, u, "en")
		if len(sk) != 2 || sk[0].ConceptURI != storetest.URIPython {
			t.Fatalf("a failed replace changed the skills: %+v", sk)
		}
		err = e.svc.ReplaceSkills(ctx, u, []service.SkillInput{{URI: storetest.URIPython, Level: 1}, {URI: storetest.URIPython, Level: 2}})
		wantField(t, err, "skills.1.uri", "error.profile.skill_twice")
	})
}

func TestEndorsementRules(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		ids := storetest.SeedConcepts(t, e.store)
		ana, bo := e.member(t, "ana@example.org"), e.member(t, "bo@example.org")
		e.svc.AddSkill(ctx, ana, service.SkillInput{URI: storetest.URIPython, Level: 3}, "en")
		py := ids[storetest.URIPython]
		wantCode(t, e.svc.Endorse(ctx, ana, ana.ID, py), ponte.EForbidden)
		wantCode(t, e.svc.Endorse(ctx, nil, ana.ID, py), ponte.EUnauthorized)
		wantCode(t, e.svc.Endorse(ctx, bo, ana.ID, ids[storetest.URILeadOthers]), ponte.ENotFound)
		for i := 0; i < 2; i++ { // once per member per skill
			if err := e.svc.Endorse(ctx, bo, ana.ID, py); err != nil {
				t.Fatal(err)
			}
		}
		v, _ := e.svc.Person(ctx, bo, ana.ID, "en")
		if len(v.Skills) != 1 || v.Skills[0].Endorsements != 1 || !v.Endorsed[py] || !v.CanEndorse {
			t.Fatalf("view after endorsing: %+v", v)
		}
		// Hidden skills cannot be endorsed, but an endorsement can be withdrawn.
		e.svc.SetVisibility(ctx, ana, ponte.SectionSkills, ponte.VisPrivate)
		wantCode(t, e.svc.Endorse(ctx, bo, ana.ID, py), ponte.ENotFound)
		if err := e.svc.WithdrawEndorsement(ctx, bo, ana.ID, py); err != nil {
			t.Fatal(err)
		}
		wantCode(t, e.svc.WithdrawEndorsement(ctx, bo, ana.ID, py), ponte.ENotFound)
	})
}

func TestDeleteAccountErasesProfile(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		ids := storetest.SeedConcepts(t, e.store)
		ana, bo := e.member(t, "ana@example.org"), e.member(t, "bo@example.org")
		e.svc.UpdateProfile(ctx, ana, fullInput(), allSections()...)
		if err := e.svc.SetPhoto(ctx, ana, jpegReader(t, 64, 48)); err != nil {
			t.Fatal(err)
		}
		p, _ := e.svc.MyProfile(ctx, ana)
		e.svc.AddSkill(ctx, ana, service.SkillInput{URI: storetest.URIPython, Level: 3}, "en")
		e.svc.AddSkill(ctx, bo, service.SkillInput{URI: storetest.URIPython, Level: 3}, "en")
		e.svc.Endorse(ctx, ana, bo.ID, ids[storetest.URIPython])
		e.svc.Endorse(ctx, bo, ana.ID, ids[storetest.URIPython])
		e.svc.SubmitAssessment(ctx, ana, allRatings(3))
		x, err := e.svc.ExportMyData(ctx, ana)
		if err != nil || x.Profile == nil || len(x.Profile.Skills) != 1 || len(x.Profile.Given) != 1 ||
			len(x.Profile.Received) != 1 || len(x.Profile.Assessments) != 1 || x.Profile.PhotoURL == "" {
			t.Fatalf("export = %+v, %v", x.Profile, err)
		}
		if err := e.svc.DeleteMyAccount(ctx, ana, "correct horse battery"); err != nil {
			t.Fatal(err)
		}
		if _, err := e.store.ImageByID(ctx, *p.PhotoID); ponte.ErrorCode(err) != ponte.ENotFound {
			t.Fatalf("photo survived the account: %v", err)
		}
		received, _ := e.store.Endorsements(ctx, bo.ID, false, "en")
		given, _ := e.store.Endorsements(ctx, bo.ID, true, "en")
		as, _ := e.store.Assessments(ctx, ana.ID, 0, 10)
		sk, _ := e.store.ProfileSkills(ctx, []int64{ana.ID}, "en")
		ps, _ := e.store.ProfilesByUsers(ctx, []int64{ana.ID})
		if len(received)+len(given)+len(as)+len(sk[ana.ID])+len(ps) != 0 {
			t.Fatalf("left behind: %v %v %v %v %v", received, given, as, sk, ps)
		}
	})
}

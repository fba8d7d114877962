package service_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/service"
	"github.com/ponte-platform/ponte/internal/sqlstore/storetest"
)

// shown reports whether a view shows the section's data.
func shown(v *service.PersonView, section string) bool {
	if v == nil {
		return false
	}
	switch section {
	case ponte.SectionAbout:
		return v.Headline != "" && v.PhotoID != nil
	case ponte.SectionSkills:
		return len(v.Skills) > 0
	case ponte.SectionLanguages:
		return len(v.Languages) > 0
	case ponte.SectionLocation:
		return v.Region != "" && v.Country != ""
	case ponte.SectionAffiliations:
		return len(v.Affiliations) > 0 && len(v.Themes) > 0 && len(v.Organisations) > 0
	case ponte.SectionOfferSeek:
		return v.Offer != "" && v.Seek != ""
	case ponte.SectionContact:
		return v.AllowContact
	case ponte.SectionAssessment:
		return v.Assessment != nil
	}
	panic(section)
}

// fullProfile gives u every section filled, a photo, a skill, an
// organisation and an assessment.
func (e *env) fullProfile(t *testing.T, u *ponte.User) {
	t.Helper()
	ctx := context.Background()
	if _, err := e.svc.UpdateProfile(ctx, u, fullInput(), allSections()...); err != nil {
		t.Fatal(err)
	}
	if err := e.svc.SetPhoto(ctx, u, jpegReader(t, 32, 32)); err != nil {
		t.Fatal(err)
	}
	if _, _, err := e.svc.AddSkill(ctx, u, service.SkillInput{URI: storetest.URIPython, Level: 3}, "en"); err != nil {
		t.Fatal(err)
	}
	o := &ponte.Organisation{Name: "Zadruga", Type: ponte.OrgSocialEnt, CreatedAt: e.now, UpdatedAt: e.now}
	e.store.CreateOrganisation(ctx, o)
	e.store.SetOrgMember(ctx, &ponte.OrgMember{OrgID: o.ID, UserID: u.ID, Role: ponte.OrgRoleMember, CreatedAt: e.now})
	if _, err := e.svc.SubmitAssessment(ctx, u, allRatings(4)); err != nil {
		t.Fatal(err)
	}
}

// TestVisibilityMatrix sets each section to each visibility in turn and
// checks what a visitor, a member and the person see on the profile and in
// the directory, and what the directory's filters match.
func TestVisibilityMatrix(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		storetest.SeedConcepts(t, e.store)
		ana, bo := e.member(t, "ana@example.org"), e.member(t, "bo@example.org")
		e.fullProfile(t, ana)
		viewers := []struct {
			name string
			u    *ponte.User
			sees map[ponte.Visibility]bool
		}{
			{"visitor", nil, map[ponte.Visibility]bool{ponte.VisPublic: true}},
			{"member", bo, map[ponte.Visibility]bool{ponte.VisPublic: true, ponte.VisMembers: true}},
			{"self", ana, map[ponte.Visibility]bool{ponte.VisPublic: true, ponte.VisMembers: true, ponte.VisPrivate: true}},
		}
		for _, sec := range ponte.ProfileSections {
			for _, vis := range ponte.Visibilities {
				if err := e.svc.SetVisibility(ctx, ana, sec, vis); err != nil {
					t.Fatal(err)
				}
				for _, w := range viewers {
					v, err := e.svc.Person(ctx, w.u, ana.ID, "en")
					if err != nil {
						t.Fatalf("%s %s=%s: %v", w.name, sec, vis, err)
					}
					if got := shown(v, sec); got != w.sees[vis] {
						t.Errorf("profile: %s sees %s=%s: %v, want %v", w.name, sec, vis, got, w.sees[vis])
					}
					e.checkDirectory(t, w.name, w.u, ana, sec, vis, w.sees[vis])
				}
			}
			e.svc.SetVisibility(ctx, ana, sec, ponte.DefaultVisibility[sec])
		}
	})
}

// filterFor is a directory query that matches ana only through section.
var filterFor = map[string]service.DirectoryQuery{
	ponte.SectionSkills:       {SkillURI: storetest.URIPython},
	ponte.SectionLanguages:    {Language: "hr"},
	ponte.SectionLocation:     {Region: "HR0"},
	ponte.SectionAffiliations: {Interest: "s3:tourism"},
}

func (e *env) checkDirectory(t *testing.T, who string, viewer, ana *ponte.User, sec string, vis ponte.Visibility, sees bool) {
	t.Helper()
	ctx := context.Background()
	page, err := e.svc.Directory(ctx, viewer, service.DirectoryQuery{Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	listed := len(page.Items) == 1
	if sec == ponte.SectionAbout && listed != sees {
		t.Errorf("directory: %s lists ana with about=%s: %v", who, vis, listed)
	}
	if listed && sec != ponte.SectionAbout && shown(page.Items[0], sec) && !sees {
		t.Errorf("directory card: %s sees hidden %s=%s", who, sec, vis)
	}
	q, ok := filterFor[sec]
	if !ok {
		return
	}
	q.Lang = "en"
	page, err = e.svc.Directory(ctx, viewer, q)
	if err != nil {
		t.Fatal(err)
	}
	if matched := len(page.Items) == 1; matched != sees {
		t.Errorf("directory filter %+v: %s matches ana with %s=%s: %v", q, who, sec, vis, matched)
	}
	if sec == ponte.SectionAffiliations && viewer != nil {
		page, _ = e.svc.Directory(ctx, viewer, service.DirectoryQuery{OrgType: ponte.OrgSocialEnt})
		if matched := len(page.Items) == 1; matched != sees {
			t.Errorf("org type filter: %s matches ana with %s=%s: %v", who, sec, vis, matched)
		}
	}
}

func TestContactEmailGoesToMembersOnly(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		ana, bo := e.member(t, "ana@example.org"), e.member(t, "bo@example.org")
		in := fullInput()
		in.Visibility = map[string]ponte.Visibility{ponte.SectionContact: ponte.VisPublic}
		e.svc.UpdateProfile(ctx, ana, in, allSections()...)
		visitor, _ := e.svc.Person(ctx, nil, ana.ID, "en")
		member, _ := e.svc.Person(ctx, bo, ana.ID, "en")
		if visitor.Email != "" || member.Email != "ana@example.org" || !visitor.AllowContact {
			t.Fatalf("visitor %q, member %q", visitor.Email, member.Email)
		}
		in.ShowEmail = ponte.ShowEmailNobody
		e.svc.UpdateProfile(ctx, ana, in, ponte.SectionContact)
		if member, _ = e.svc.Person(ctx, bo, ana.ID, "en"); member.Email != "" {
			t.Fatalf("e-mail shown against the person's choice: %q", member.Email)
		}
	})
}

func TestPersonNotFound(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		ana, bo := e.member(t, "ana@example.org"), e.member(t, "bo@example.org")
		_, err := e.svc.Person(ctx, bo, ana.ID, "en") // no profile yet
		wantCode(t, err, ponte.ENotFound)
		if v, err := e.svc.Person(ctx, ana, ana.ID, "en"); err != nil || v.Exists || !v.Self {
			t.Fatalf("own unsaved profile = %+v, %v", v, err)
		}
		e.svc.UpdateProfile(ctx, ana, fullInput(), allSections()...)
		for _, sec := range ponte.ProfileSections {
			e.svc.SetVisibility(ctx, ana, sec, ponte.VisPrivate)
		}
		_, err = e.svc.Person(ctx, bo, ana.ID, "en")
		wantCode(t, err, ponte.ENotFound)
	})
}

func TestDirectoryFiltersAndPages(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		storetest.SeedConcepts(t, e.store)
		viewer := e.member(t, "viewer@example.org")
		var names []string
		for i := 0; i < 7; i++ {
			u := e.member(t, fmt.Sprintf("p%d@example.org", i))
			in := service.ProfileInput{Region: []string{"ITC4C", "ITC11", "SI041"}[i%3],
				Languages: []ponte.SpokenLanguage{{Code: []string{"it", "sl"}[i%2], Level: "C1"}}}
			e.svc.UpdateProfile(ctx, u, in, ponte.SectionLocation, ponte.SectionLanguages)
			uri := storetest.URIProjectManagement // narrower than the projects group
			if i%2 == 1 {
				uri = storetest.URIPython
			}
			e.svc.AddSkill(ctx, u, service.SkillInput{URI: uri, Level: 1 + i%4}, "en")
			e.now = e.now.Add(60e9)
			names = append(names, u.Email)
		}
		count := func(q service.DirectoryQuery) int {
			t.Helper()
			page, err := e.svc.Directory(ctx, viewer, q)
			if err != nil {
				t.Fatalf("%+v: %v", q, err)
			}
			return len(page.Items)
		}
		for q, want := range map[service.DirectoryQuery]int{
			{}: 7, {Region: "ITC"}: 5, {Region: "itc4"}: 3, {Region: "SI"}: 2, {Language: "sl"}: 3,
			{SkillURI: storetest.URIGroupProjects}: 4, {SkillURI: storetest.URIGroupProjects, Region: "ITC11"}: 1,
		} {
			if got := count(q); got != want {
				t.Errorf("%+v: %d people, want %d", q, got, want)
			}
		}
		_, err := e.svc.Directory(ctx, viewer, service.DirectoryQuery{Region: "XX9", Language: "zz", Cursor: "%%%",
			Interest: "s3:mining", OrgType: "club", SkillURI: "urn:none"})
		for _, f := range []string{"region", "language", "cursor", "interest", "org_type", "skill"} {
			if e := ponte.AsError(err); e == nil || e.Fields[f] == "" {
				t.Errorf("no error on %s: %v", f, err)
			}
		}
		// Pages of 3 in relevance order cover everyone once, in order.
		var seen []int64
		q := service.DirectoryQuery{SkillURI: storetest.URIGroupProjects, Limit: 3}
		for {
			page, err := e.svc.Directory(ctx, viewer, q)
			if err != nil {
				t.Fatal(err)
			}
			for _, v := range page.Items {
				seen = append(seen, v.UserID)
				if len(v.Skills) == 0 || !page.Matched[v.Skills[0].ConceptID] {
					t.Errorf("card without its matched skill: %+v", v)
				}
			}
			if page.Next == "" {
				break
			}
			q.Cursor = page.Next
		}
		if len(seen) != 4 {
			t.Fatalf("paged through %v", seen)
		}
	})
}

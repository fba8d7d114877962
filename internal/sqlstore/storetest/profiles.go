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
		contract{"ProfileRoundTrip", testProfileRoundTrip},
		contract{"ProfileSkillsAndEndorsements", testProfileSkills},
		contract{"ProfileReplaceSkillsKeepsEndorsements", testReplaceSkills},
		contract{"ProfileDeletedWithUser", testProfileDeletedWithUser},
		contract{"AssessmentsKeyset", testAssessments},
		contract{"UserOrganisations", testUserOrganisations},
	)
}

// NewProfile saves a profile for u with a region, languages and interests,
// updated at t0 + minutes.
func NewProfile(t testing.TB, s ponte.Store, u *ponte.User, region string, minutes int) *ponte.Profile {
	t.Helper()
	p := ponte.NewProfile(u)
	p.Headline, p.Region = "Headline of "+u.DisplayName, region
	if region != "" {
		p.Country = region[:2]
	}
	p.Languages = []ponte.SpokenLanguage{{Code: "it", Level: "native"}, {Code: "en", Level: "C1"}}
	p.Themes, p.S3Areas = []string{"education"}, []string{"agri-food", "tourism"}
	p.CreatedAt, p.UpdatedAt = t0, t0.Add(time.Duration(minutes)*time.Minute)
	if err := s.SaveProfile(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	return p
}

func testProfileRoundTrip(t *testing.T, s ponte.Store) {
	ctx := context.Background()
	u := NewUser(t, s, "ana")
	img := &ponte.Image{OwnerID: &u.ID, MIME: "image/jpeg", Width: 16, Height: 16, Data: []byte{1}, CreatedAt: t0}
	if err := s.SaveImage(ctx, img); err != nil {
		t.Fatal(err)
	}
	p := NewProfile(t, s, u, "ITC4C", 0)
	p.PhotoID, p.Bio, p.AllowContact = &img.ID, "*hi*", true
	p.Affiliations = []string{"Università di Milano", "Coop Sociale"}
	p.Visibility[ponte.SectionSkills] = ponte.VisPrivate
	p.Languages = p.Languages[:1]
	if err := s.SaveProfile(ctx, p); err != nil {
		t.Fatal(err)
	}
	got, err := s.ProfilesByUsers(ctx, []int64{u.ID, 999999})
	if err != nil || len(got) != 1 {
		t.Fatalf("ProfilesByUsers = %v, %v", got, err)
	}
	g := got[u.ID]
	if !g.Exists || g.DisplayName != u.DisplayName || g.Email != u.Email || g.Region != "ITC4C" ||
		g.Country != "IT" || g.PhotoID == nil || *g.PhotoID != img.ID || !g.AllowContact || g.Bio != "*hi*" {
		t.Fatalf("profile = %+v", g)
	}
	if fmt.Sprint(g.Languages, g.Themes, g.S3Areas, g.Affiliations) !=
		"[{it native}] [education] [agri-food tourism] [Università di Milano Coop Sociale]" {
		t.Fatalf("lists = %v %v %v %v", g.Languages, g.Themes, g.S3Areas, g.Affiliations)
	}
	if g.Vis(ponte.SectionSkills) != ponte.VisPrivate || g.Vis(ponte.SectionAbout) != ponte.VisPublic {
		t.Fatalf("visibility = %v", g.Visibility)
	}
	// Deleting the photo clears the reference instead of failing.
	if err := s.DeleteImage(ctx, img.ID); err != nil {
		t.Fatal(err)
	}
	got, _ = s.ProfilesByUsers(ctx, []int64{u.ID})
	if got[u.ID].PhotoID != nil {
		t.Fatal("photo reference survived the image")
	}
}

// skill adds a skill to u.
func skill(t *testing.T, s ponte.Store, u *ponte.User, concept int64, level int) {
	t.Helper()
	err := s.UpsertProfileSkill(context.Background(), &ponte.ProfileSkill{UserID: u.ID, ConceptID: concept,
		Level: level, CreatedAt: t0, UpdatedAt: t0})
	if err != nil {
		t.Fatal(err)
	}
}

func testProfileSkills(t *testing.T, s ponte.Store) {
	ctx := context.Background()
	ids := SeedConcepts(t, s)
	ana, bo, cy := NewUser(t, s, "ana"), NewUser(t, s, "bo"), NewUser(t, s, "cy")
	skill(t, s, ana, ids[URIPython], 2)
	skill(t, s, ana, ids[URIManageBudgets], 4)
	err := s.UpsertProfileSkill(ctx, &ponte.ProfileSkill{UserID: ana.ID, ConceptID: ids[URIPython], Level: 3,
		EvidenceKind: ponte.EvidenceLink, EvidenceURL: "https://example.org", CreatedAt: t0, UpdatedAt: t0})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range []*ponte.Endorsement{{UserID: ana.ID, ConceptID: ids[URIPython], EndorserID: bo.ID},
		{UserID: ana.ID, ConceptID: ids[URIPython], EndorserID: bo.ID}, // twice: no error, one row
		{UserID: ana.ID, ConceptID: ids[URIPython], EndorserID: cy.ID}} {
		if err := s.Endorse(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	err = s.Endorse(ctx, &ponte.Endorsement{UserID: ana.ID, ConceptID: ids[URILeadOthers], EndorserID: bo.ID})
	wantCode(t, err, ponte.EInvalid)
	got, err := s.ProfileSkills(ctx, []int64{ana.ID, bo.ID}, "it")
	if err != nil || len(got[ana.ID]) != 2 || len(got[bo.ID]) != 0 {
		t.Fatalf("ProfileSkills = %v, %v", got, err)
	}
	first, second := got[ana.ID][0], got[ana.ID][1]
	if first.Label != "gestire i budget" || first.Level != 4 || second.Level != 3 ||
		second.Endorsements != 2 || second.EvidenceURL != "https://example.org" || second.ConceptURI != URIPython {
		t.Fatalf("skills = %+v, %+v", first, second)
	}
	mine, _ := s.EndorsedBy(ctx, bo.ID, ana.ID)
	if !mine[ids[URIPython]] || len(mine) != 1 {
		t.Fatalf("EndorsedBy = %v", mine)
	}
	given, _ := s.Endorsements(ctx, bo.ID, true, "en")
	received, _ := s.Endorsements(ctx, ana.ID, false, "en")
	if len(given) != 1 || given[0].OtherName != ana.DisplayName || len(received) != 2 {
		t.Fatalf("given %v, received %v", given, received)
	}
	if err := s.Unendorse(ctx, ana.ID, ids[URIPython], bo.ID); err != nil {
		t.Fatal(err)
	}
	wantCode(t, s.Unendorse(ctx, ana.ID, ids[URIPython], bo.ID), ponte.ENotFound)
	if err := s.DeleteProfileSkill(ctx, ana.ID, ids[URIPython]); err != nil {
		t.Fatal(err)
	}
	wantCode(t, s.DeleteProfileSkill(ctx, ana.ID, ids[URIPython]), ponte.ENotFound)
	if received, _ := s.Endorsements(ctx, ana.ID, false, "en"); len(received) != 0 {
		t.Fatalf("endorsements of a removed skill survive: %v", received)
	}
}

func testReplaceSkills(t *testing.T, s ponte.Store) {
	ctx := context.Background()
	ids := SeedConcepts(t, s)
	ana, bo := NewUser(t, s, "ana"), NewUser(t, s, "bo")
	skill(t, s, ana, ids[URIPython], 2)
	skill(t, s, ana, ids[URIWorkInTeams], 2)
	s.Endorse(ctx, &ponte.Endorsement{UserID: ana.ID, ConceptID: ids[URIPython], EndorserID: bo.ID, CreatedAt: t0})
	next := []*ponte.ProfileSkill{
		{UserID: ana.ID, ConceptID: ids[URIPython], Level: 4, CreatedAt: t0, UpdatedAt: t0},
		{UserID: ana.ID, ConceptID: ids[URILeadOthers], Level: 1, CreatedAt: t0, UpdatedAt: t0},
	}
	if err := s.ReplaceProfileSkills(ctx, ana.ID, next); err != nil {
		t.Fatal(err)
	}
	got, _ := s.ProfileSkills(ctx, []int64{ana.ID}, "en")
	if len(got[ana.ID]) != 2 || got[ana.ID][0].ConceptID != ids[URIPython] || got[ana.ID][0].Level != 4 ||
		got[ana.ID][0].Endorsements != 1 {
		t.Fatalf("after replace: %+v", got[ana.ID])
	}
	if err := s.ReplaceProfileSkills(ctx, ana.ID, nil); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.ProfileSkills(ctx, []int64{ana.ID}, "en"); len(got[ana.ID]) != 0 {
		t.Fatalf("empty replace left %v", got[ana.ID])
	}
}

func testProfileDeletedWithUser(t *testing.T, s ponte.Store) {
	ctx := context.Background()
	ids := SeedConcepts(t, s)
	ana, bo := NewUser(t, s, "ana"), NewUser(t, s, "bo")
	NewProfile(t, s, ana, "HR050", 0)
	skill(t, s, ana, ids[URIPython], 2)
	skill(t, s, bo, ids[URIPython], 2)
	s.Endorse(ctx, &ponte.Endorsement{UserID: bo.ID, ConceptID: ids[URIPython], EndorserID: ana.ID, CreatedAt: t0})
	s.SaveAssessment(ctx, &ponte.Assessment{UserID: ana.ID, Version: 1, Answers: []int{1, 2}, TakenAt: t0})
	if err := s.DeleteUser(ctx, ana.ID); err != nil {
		t.Fatal(err)
	}
	p, _ := s.ProfilesByUsers(ctx, []int64{ana.ID})
	sk, _ := s.ProfileSkills(ctx, []int64{ana.ID}, "en")
	given, _ := s.Endorsements(ctx, bo.ID, false, "en")
	as, _ := s.Assessments(ctx, ana.ID, 0, 10)
	if len(p)+len(sk[ana.ID])+len(given)+len(as) != 0 {
		t.Fatalf("left behind: profile %v, skills %v, endorsements %v, assessments %v", p, sk, given, as)
	}
}

func testAssessments(t *testing.T, s ponte.Store) {
	ctx := context.Background()
	ana, bo := NewUser(t, s, "ana"), NewUser(t, s, "bo")
	for i := 0; i < 5; i++ {
		a := &ponte.Assessment{UserID: ana.ID, Version: 1, Answers: []int{1, 5, i + 1}, TakenAt: t0.Add(time.Duration(i) * time.Hour)}
		if err := s.SaveAssessment(ctx, a); err != nil || a.ID == 0 {
			t.Fatal(a.ID, err)
		}
	}
	page, err := s.Assessments(ctx, ana.ID, 0, 3)
	if err != nil || len(page) != 3 || fmt.Sprint(page[0].Answers) != "[1 5 5]" || !page[0].TakenAt.Equal(t0.Add(4*time.Hour)) {
		t.Fatalf("first page = %v, %v", page, err)
	}
	rest, _ := s.Assessments(ctx, ana.ID, page[2].ID, 3)
	if len(rest) != 2 || rest[1].Answers[2] != 1 {
		t.Fatalf("second page = %v", rest)
	}
	if _, err := s.AssessmentByID(ctx, bo.ID, page[0].ID); ponte.ErrorCode(err) != ponte.ENotFound {
		t.Fatalf("someone else's assessment: %v", err)
	}
	if a, err := s.AssessmentByID(ctx, ana.ID, page[0].ID); err != nil || a.Version != 1 {
		t.Fatalf("AssessmentByID = %v, %v", a, err)
	}
}

func testUserOrganisations(t *testing.T, s ponte.Store) {
	ctx := context.Background()
	ana := NewUser(t, s, "ana")
	o := &ponte.Organisation{Name: "Coop Ponte", Type: ponte.OrgSocialEnt, CreatedAt: t0, UpdatedAt: t0}
	if err := s.CreateOrganisation(ctx, o); err != nil {
		t.Fatal(err)
	}
	s.SetOrgMember(ctx, &ponte.OrgMember{OrgID: o.ID, UserID: ana.ID, Role: ponte.OrgRoleOwner, CreatedAt: t0})
	got, err := s.UserOrganisations(ctx, []int64{ana.ID, 12345})
	if err != nil || len(got) != 1 || got[ana.ID][0].Name != "Coop Ponte" || got[ana.ID][0].Role != ponte.OrgRoleOwner {
		t.Fatalf("UserOrganisations = %v, %v", got, err)
	}
}

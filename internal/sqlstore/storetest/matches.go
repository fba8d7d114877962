package storetest

import (
	"context"
	"fmt"
	"testing"

	"github.com/ponte-platform/ponte"
)

func init() {
	register(
		contract{"MatchSkillNeighbours", testMatchNeighbours},
		contract{"MatchPeople", testMatchPeople},
		contract{"MatchOrganisations", testMatchOrganisations},
	)
}

func testMatchNeighbours(t *testing.T, s ponte.Store) {
	ctx := context.Background()
	ids := SeedConcepts(t, s)
	if _, err := s.AddLinks(ctx, ponte.LinkSkillRelation, []ponte.ConceptLink{
		{FromURI: URIProjectManagement, ToURI: URIProjectMgmtKnow, Type: "essential"},
		{FromURI: URILeadOthers, ToURI: URIProjectManagement, Type: "optional"}}); err != nil {
		t.Fatal(err)
	}
	got, err := s.SkillNeighbours(ctx, []int64{ids[URIProjectManagement], ids[URIGroupBudgets]}, 10)
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{}
	for _, n := range got {
		have[fmt.Sprint(n.NeedID, n.ConceptID, n.Via)] = true
	}
	want := []string{
		fmt.Sprint(ids[URIProjectManagement], ids[URIGroupProjects], ponte.ViaBroader),
		fmt.Sprint(ids[URIProjectManagement], ids[URIProjectMgmtKnow], ponte.ViaRelated),
		fmt.Sprint(ids[URIProjectManagement], ids[URILeadOthers], ponte.ViaRelated), // the relation read backwards
		fmt.Sprint(ids[URIGroupBudgets], ids[URIManageBudgets], ponte.ViaNarrower),
	}
	for _, w := range want {
		if !have[w] {
			t.Errorf("SkillNeighbours lacks %s; got %v", w, got)
		}
	}
	if len(got) != len(want) {
		t.Errorf("SkillNeighbours = %v, want %d rows", got, len(want))
	}
	one, err := s.SkillNeighbours(ctx, []int64{ids[URIProjectManagement]}, 1)
	if err != nil || len(one) != 2 { // one broader, one related
		t.Fatalf("limit 1 per way = %v, %v", one, err)
	}
}

// matchTerms gives each concept full credit for its own need.
func matchTerms(ids ...int64) []ponte.MatchTerm {
	var out []ponte.MatchTerm
	for _, id := range ids {
		out = append(out, ponte.MatchTerm{NeedID: id, ConceptID: id, Via: ponte.ViaExact, Credit: 100,
			Weight: ponte.WeightEssential, MinLevel: 2})
	}
	return out
}

func testMatchPeople(t *testing.T, s ponte.Store) {
	ctx := context.Background()
	ids := SeedConcepts(t, s)
	pm, mb, py := ids[URIProjectManagement], ids[URIManageBudgets], ids[URIPython]
	proposer, both, one, low, hidden, gone := NewUser(t, s, "proposer"), NewUser(t, s, "both"),
		NewUser(t, s, "one"), NewUser(t, s, "low"), NewUser(t, s, "hidden"), NewUser(t, s, "gone")
	for _, u := range []*ponte.User{proposer, both, one, low, hidden, gone} {
		NewProfile(t, s, u, "SI041", 0)
	}
	hp := NewProfile(t, s, hidden, "SI041", 1)
	hp.Visibility[ponte.SectionSkills] = ponte.VisPrivate
	if err := s.SaveProfile(ctx, hp); err != nil {
		t.Fatal(err)
	}
	for _, u := range []*ponte.User{proposer, both, hidden, gone} {
		skill(t, s, u, pm, 3)
		skill(t, s, u, mb, 3)
	}
	skill(t, s, one, pm, 4)
	skill(t, s, one, py, 4)
	skill(t, s, low, pm, 1)
	skill(t, s, low, mb, 1)
	if err := s.Endorse(ctx, &ponte.Endorsement{UserID: both.ID, ConceptID: pm, EndorserID: one.ID, CreatedAt: t0}); err != nil {
		t.Fatal(err)
	}
	now := t0
	gone.Deactivated = &now
	if err := s.UpdateUser(ctx, gone); err != nil {
		t.Fatal(err)
	}
	q := ponte.MatchQuery{Terms: matchTerms(pm, mb), Audience: ponte.AudienceOf(proposer), ExcludeUserID: proposer.ID,
		Lang: "it", PartnerTypes: []string{ponte.OrgSME}, Limit: 10}
	got, err := s.MatchPeople(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	// both: 300+300 (levels met); low: 180+180 (below the level); one: 300.
	var order []string
	for _, c := range got {
		order = append(order, fmt.Sprint(c.Name, ":", c.Coverage))
	}
	if fmt.Sprint(order) != "[both:6000 low:3600 one:3000]" {
		t.Fatalf("MatchPeople order = %v (the proposer, hidden skills and deactivated accounts must be absent)", order)
	}
	b := got[0]
	if !b.SpeaksLang || b.PartnerType || b.Region != "SI041" || b.Country != "SI" || len(b.Hits) != 2 ||
		b.Visibility[ponte.SectionSkills] != ponte.VisPublic {
		t.Fatalf("candidate = %+v", b)
	}
	if h := b.Hits[0]; h.ConceptID != min(pm, mb) || h.Level != 3 {
		t.Fatalf("hits = %+v", b.Hits)
	}
	endorsed := 0
	for _, h := range b.Hits {
		endorsed += h.Endorsements
	}
	if endorsed != 1 {
		t.Fatalf("endorsements = %d", endorsed)
	}
	// The person themself sees their own private skills.
	q.Audience, q.ExcludeUserID = ponte.AudienceOf(hidden), 0
	got, err = s.MatchPeople(ctx, q)
	if err != nil || len(got) != 5 {
		t.Fatalf("own view: %d candidates, %v", len(got), err)
	}
	// A visitor's audience sees public skills only; a sought type via membership.
	o := NewOrg(t, s, "Podjetje d.o.o.", ponte.OrgSME, "SI041")
	if err := s.SetOrgMember(ctx, &ponte.OrgMember{OrgID: o.ID, UserID: one.ID, Role: ponte.OrgRoleMember, CreatedAt: t0}); err != nil {
		t.Fatal(err)
	}
	q.Audience, q.Limit = ponte.AudienceOf(nil), 1
	got, err = s.MatchPeople(ctx, ponte.MatchQuery{Terms: matchTerms(py), Audience: q.Audience, PartnerTypes: q.PartnerTypes, Limit: 1})
	if err != nil || len(got) != 1 || got[0].ID != one.ID || !got[0].PartnerType {
		t.Fatalf("python = %+v, %v", got, err)
	}
}

func testMatchOrganisations(t *testing.T, s ponte.Store) {
	ctx := context.Background()
	ids := SeedConcepts(t, s)
	pm, mb := ids[URIProjectManagement], ids[URIManageBudgets]
	own := NewOrg(t, s, "Own", ponte.OrgUniversity, "ITC4C")
	doer := NewOrg(t, s, "Doer", ponte.OrgSME, "SI041")
	talker := NewOrg(t, s, "Talker", ponte.OrgNGO, "HR050")
	NewOrgProject(t, s, own, "p", day(2020, 1, 1), pm, mb)
	for i := range 4 {
		NewOrgProject(t, s, doer, fmt.Sprint("p", i), day(2020, 1, 1), pm)
	}
	NewOrgProject(t, s, doer, "b", day(2021, 1, 1), mb)
	for _, c := range []int64{pm, mb} {
		if err := s.SetOrgCompetence(ctx, talker.ID, c, "", t0); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.MatchOrganisations(ctx, ponte.MatchQuery{Terms: matchTerms(pm, mb), ExcludeOrgID: own.ID, Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	var order []string
	for _, c := range got {
		order = append(order, fmt.Sprint(c.Name, ":", c.Coverage))
	}
	// doer: 300×10 + 300×8; talker: 300×7 twice (declared, no projects).
	if fmt.Sprint(order) != "[Doer:5400 Talker:4200]" {
		t.Fatalf("MatchOrganisations = %v", order)
	}
	d := got[0]
	if d.Type != ponte.OrgSME || d.Region != "SI041" || d.Country != "SI" || d.Projects != 5 || len(d.Hits) != 2 {
		t.Fatalf("candidate = %+v", d)
	}
	for _, h := range d.Hits {
		if (h.ConceptID == pm && h.Projects != 4) || (h.ConceptID == mb && h.Projects != 1) || h.Declared {
			t.Fatalf("hits = %+v", d.Hits)
		}
	}
	if !got[1].Hits[0].Declared {
		t.Fatalf("talker hits = %+v", got[1].Hits)
	}
}

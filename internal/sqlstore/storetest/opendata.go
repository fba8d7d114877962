package storetest

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/ponte-platform/ponte"
)

func init() {
	register(contract{"OpenDataStreams", testOpenData})
}

// testOpenData checks that the open datasets list exactly the public rows,
// in id order, with their related lists, and carry each section's
// visibility for the service to apply.
func testOpenData(t *testing.T, s ponte.Store) {
	ctx := context.Background()
	ids := SeedConcepts(t, s)
	ana, bo, cy, gone := NewUser(t, s, "ana"), NewUser(t, s, "bo"), NewUser(t, s, "cy"), NewUser(t, s, "gone")
	NewProfile(t, s, ana, "ITC4C", 0)
	skill(t, s, ana, ids[URIPython], 3)
	skill(t, s, ana, ids[URIManageBudgets], 2)
	pb := NewProfile(t, s, bo, "SI041", 1)
	pb.Visibility[ponte.SectionSkills] = ponte.VisMembers
	if err := s.SaveProfile(ctx, pb); err != nil {
		t.Fatal(err)
	}
	pc := NewProfile(t, s, cy, "HR050", 2) // about for members only: not open
	pc.Visibility[ponte.SectionAbout] = ponte.VisMembers
	if err := s.SaveProfile(ctx, pc); err != nil {
		t.Fatal(err)
	}
	NewProfile(t, s, gone, "EL301", 3)
	gone.Deactivated = &t0
	if err := s.UpdateUser(ctx, gone); err != nil {
		t.Fatal(err)
	}
	var people []string
	err := s.EachOpenPerson(ctx, func(p *ponte.OpenPerson) error {
		people = append(people, words(p.Name, p.Region, p.Languages, len(p.Skills), p.Visibility[ponte.SectionSkills]))
		return nil
	})
	if want := "[ana ITC4C [en it] 2 public bo SI041 [en it] 0 members]"; err != nil || fmt.Sprint(people) != want {
		t.Fatalf("people = %v, %v; want %s", people, err, want)
	}

	o := NewOrg(t, s, "Univerza v Ljubljani", ponte.OrgUniversity, "SI041")
	NewOrgProject(t, s, o, "Project one", t0, ids[URIPython])
	NewOrgProject(t, s, o, "Project two", t0)
	var orgs []string
	err = s.EachOpenOrganisation(ctx, func(o *ponte.OpenOrganisation) error {
		orgs = append(orgs, words(o.Name, o.Type, o.Region, o.Projects))
		return nil
	})
	if want := "[Univerza v Ljubljani " + ponte.OrgUniversity + " SI041 2]"; err != nil || fmt.Sprint(orgs) != want {
		t.Fatalf("organisations = %v, %v; want %s", orgs, err, want)
	}

	NewProposal(t, s, ana, "Draft", ponte.ProposalDraft, ids[URIPython])
	pub := NewProposal(t, s, ana, "Open call", ponte.ProposalPublished, ids[URIPython])
	pub.Skills = append(pub.Skills, ponte.ProposalSkill{ConceptID: ids[URIManageBudgets], MinLevel: 1})
	pub.Regions, pub.PartnerTypes = []string{"ITC4"}, []string{ponte.OrgSME}
	if err := s.UpdateProposal(ctx, pub); err != nil {
		t.Fatal(err)
	}
	NewProposal(t, s, bo, "Archived", ponte.ProposalArchived)
	var props []string
	err = s.EachOpenProposal(ctx, func(p *ponte.OpenProposal) error {
		props = append(props, words(p.Title, p.Status, p.Essential, p.NiceToHave, p.Regions, p.PartnerTypes))
		return nil
	})
	want := fmt.Sprint([]string{words("Open call", ponte.ProposalPublished, []string{URIPython},
		[]string{URIManageBudgets}, []string{"ITC4"}, []string{ponte.OrgSME})})
	if err != nil || fmt.Sprint(props) != want {
		t.Fatalf("proposals = %v, %v; want %s", props, err, want)
	}

	// fn's error stops the walk and comes back.
	stop := fmt.Errorf("stop")
	n := 0
	if err := s.EachOpenPerson(ctx, func(*ponte.OpenPerson) error { n++; return stop }); err != stop || n != 1 {
		t.Fatalf("stopping: %v after %d rows", err, n)
	}
}

// words prints values separated by spaces.
func words(v ...any) string { return strings.TrimSuffix(fmt.Sprintln(v...), "\n") }

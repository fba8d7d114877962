package sqlstore_test

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/sqlstore/sqltest"
	"github.com/ponte-platform/ponte/internal/sqlstore/storetest"
)

// TestOpenPeopleAcrossBatches walks more people than one batch holds and
// checks that each comes once, in id order, with all 8 skills (in concept
// id order, as URIs) and 2 languages; that fn's error and a cancelled
// context stop the walk in a later batch; that no reader is left
// running afterwards; and that runs of ids with nobody open in them are
// passed over.
func TestOpenPeopleAcrossBatches(t *testing.T) {
	for _, backend := range sqltest.Backends(t) {
		t.Run(backend, func(t *testing.T) {
			st := sqltest.Open(t, backend)
			const n = 4500
			_, skills := seedBench(t, st, n)
			ctx := context.Background()
			goroutines := runtime.NumGoroutine()
			var ids []int64
			err := st.EachOpenPerson(ctx, func(p *ponte.OpenPerson) error {
				if len(p.Skills) != benchSkills || len(p.Languages) != 2 || !slices.IsSorted(p.Languages) ||
					p.Visibility[ponte.SectionAbout] != ponte.VisPublic || p.UpdatedAt.Location() != time.UTC {
					t.Fatalf("person %d = %+v", p.ID, p)
				}
				for _, s := range p.Skills {
					if !slices.Contains(skills, s) {
						t.Fatalf("person %d has skill %q", p.ID, s)
					}
				}
				ids = append(ids, p.ID)
				return nil
			})
			increasing := true
			for i := 1; i < len(ids); i++ {
				increasing = increasing && ids[i] > ids[i-1]
			}
			if err != nil || len(ids) != n || !increasing {
				t.Fatalf("walked %d people (%v), want %d in order", len(ids), err, n)
			}
			stop := errors.New("stop")
			seen := 0
			if err := st.EachOpenPerson(ctx, func(*ponte.OpenPerson) error {
				if seen++; seen == 2500 {
					return stop
				}
				return nil
			}); err != stop || seen != 2500 {
				t.Fatalf("stopping: %v after %d rows", err, seen)
			}
			cctx, cancel := context.WithCancel(ctx)
			seen = 0
			err = st.EachOpenPerson(cctx, func(*ponte.OpenPerson) error {
				if seen++; seen == 2100 {
					cancel()
				}
				return nil
			})
			if !errors.Is(err, context.Canceled) || seen >= n {
				t.Fatalf("cancelled walk: %v after %d rows", err, seen)
			}
			for i := 0; runtime.NumGoroutine() > goroutines && i < 100; i++ {
				time.Sleep(10 * time.Millisecond)
			}
			if g := runtime.NumGoroutine(); g > goroutines {
				t.Fatalf("%d goroutines after the walks, %d before", g, goroutines)
			}
			// A run of ids with nobody open, and one half open.
			if _, err := st.DB().Writer().ExecContext(ctx, `UPDATE profiles SET vis_about = 'members'
				WHERE user_id > 2000 AND user_id <= 4300`); err != nil {
				t.Fatal(err)
			}
			var left []int64
			if err := st.EachOpenPerson(ctx, func(p *ponte.OpenPerson) error {
				left = append(left, p.ID)
				return nil
			}); err != nil || len(left) != n-2300 || !slices.IsSorted(left) || left[1999] != 2000 || left[2000] != 4301 {
				t.Fatalf("walk with a gap: %d people (%v), want %d", len(left), err, n-2300)
			}
		})
	}
}

// TestOpenProposalsAcrossBatches walks more proposals than two batches
// hold, a quarter of them drafts or archived, and checks that each public
// one comes once, in id order, with exactly its essential and other
// skills (as URIs sorted) and its codes (sorted, each kind in its list),
// including codes holding a comma, a colon or a percent sign. It walks
// them as seeded, again after migration 17 filled their lists from the
// skills and codes tables, and again after some were edited and one
// created, with a skill and codes listed twice.
func TestOpenProposalsAcrossBatches(t *testing.T) {
	for _, backend := range sqltest.Backends(t) {
		t.Run(backend, func(t *testing.T) {
			st := sqltest.Open(t, backend)
			ctx := context.Background()
			_, skills := seedBench(t, st, 1)
			uris := map[int64]string{}
			ids, err := st.ConceptIDs(ctx, skills)
			if err != nil {
				t.Fatal(err)
			}
			for u, id := range ids {
				uris[id] = u
			}
			proposer := storetest.NewUser(t, st, "proposer")
			orgs := map[int64]string{}
			var orgIDs []int64
			for _, name := range []string{"Sveučilište u Zagrebu", "Univerza v Ljubljani", "Politecnico di Milano"} {
				o := storetest.NewOrg(t, st, name, ponte.OrgUniversity, "HR050")
				orgs[o.ID], orgIDs = name, append(orgIDs, o.ID)
			}
			const n = 4500
			pids, err := st.SeedReserveIDs(ctx, "proposals", n)
			if err != nil {
				t.Fatal(err)
			}
			rng := rand.New(rand.NewPCG(7, 8))
			pick := func(from []string, k int) []string { // k distinct codes, unsorted
				var out []string
				for _, i := range rng.Perm(len(from))[:k] {
					out = append(out, from[i])
				}
				return out
			}
			at := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
			var ps []*ponte.Proposal
			want := map[int64]*ponte.Proposal{}
			for i, id := range pids {
				p := &ponte.Proposal{ID: id, Type: ponte.ProposalTechOffer,
					Status: []string{ponte.ProposalPublished, ponte.ProposalClosed, ponte.ProposalPublished, ponte.ProposalDraft,
						ponte.ProposalPublished, ponte.ProposalClosed, ponte.ProposalArchived}[i%7],
					Title: "P" + strconv.Itoa(i), Lang: "en", ProposerID: proposer.ID, CreatedAt: at, UpdatedAt: at,
					PartnerTypes: pick([]string{ponte.OrgSME, ponte.OrgUniversity, ponte.OrgNGO}, i%4),
					Countries:    pick([]string{"SI", "HR", "IT", "AT", "EL"}, i%6),
					Regions:      pick([]string{"SI041", "HR050", "ITC4C", "HR0", "EL30"}, (i+3)%6),
					S3Areas:      pick([]string{"mobility", "blue-economy", "agri-food"}, i%3),
					Themes:       pick([]string{"climate", "education"}, (i+1)%3)}
				if i%4 > 0 {
					p.OrgID = &orgIDs[i%4-1]
				}
				switch i {
				case 2500:
					p.Regions = append(p.Regions, "A,B", "X:Y", "50%", "%2C,")
				case 2502:
					p.Themes = append(p.Themes, "x:y")
				}
				for _, k := range rng.Perm(len(skills))[:i%8] {
					p.Skills = append(p.Skills, ponte.ProposalSkill{ConceptID: ids[skills[k]], Essential: rng.IntN(2) == 0, MinLevel: 1})
				}
				if ponte.ProposalPublic(p.Status) {
					p.PublishedAt = &at
					want[id] = p
				}
				ps = append(ps, p)
			}
			if err := st.SeedProposals(ctx, ps, nil); err != nil {
				t.Fatal(err)
			}
			walkOpenProposals(t, st, want, uris, orgs)
			if err := st.DB().RedoMigrationsFrom(ctx, 17); err != nil {
				t.Fatal(err)
			}
			walkOpenProposals(t, st, want, uris, orgs)
			for _, i := range []int{0, 4, 2500} {
				p := want[pids[i]]
				p.Skills = append([]ponte.ProposalSkill{{ConceptID: ids[skills[9]], Essential: true, MinLevel: 1}},
					append(p.Skills[:min(len(p.Skills), 2)], ponte.ProposalSkill{ConceptID: ids[skills[9]], MinLevel: 1})...)
				p.Countries, p.Themes = []string{"SI", "%25", "SI", "a,b"}, nil
				if err := st.UpdateProposal(ctx, p); err != nil {
					t.Fatal(err)
				}
			}
			p := &ponte.Proposal{Type: ponte.ProposalTechOffer, Status: ponte.ProposalPublished, Title: "New",
				Lang: "en", ProposerID: proposer.ID, CreatedAt: at, UpdatedAt: at, PublishedAt: &at,
				Skills:       []ponte.ProposalSkill{{ConceptID: ids[skills[3]], MinLevel: 2}},
				PartnerTypes: []string{ponte.OrgNGO, ponte.OrgSME, ponte.OrgNGO}}
			if err := st.CreateProposal(ctx, p); err != nil {
				t.Fatal(err)
			}
			want[p.ID] = p
			walkOpenProposals(t, st, want, uris, orgs)
		})
	}
}

// walkOpenProposals checks that EachOpenProposal yields exactly the
// proposals of want, in id order, each with its organisation's id and
// name (orgs), its skills as URIs sorted (a concept listed twice as first
// listed) and its codes sorted, once each.
func walkOpenProposals(t *testing.T, st ponte.Store, want map[int64]*ponte.Proposal, uris, orgs map[int64]string) {
	t.Helper()
	sorted := func(v []string) []string {
		if len(v) == 0 {
			return nil
		}
		return slices.Compact(slices.Sorted(slices.Values(v)))
	}
	var last int64
	seen := 0
	err := st.EachOpenProposal(context.Background(), func(o *ponte.OpenProposal) error {
		p := want[o.ID]
		if p == nil || o.ID <= last {
			t.Fatalf("proposal %d (after %d) is not public or out of order", o.ID, last)
		}
		last, seen = o.ID, seen+1
		var ess, other []string
		for i, s := range p.Skills {
			if slices.ContainsFunc(p.Skills[:i], func(o ponte.ProposalSkill) bool { return o.ConceptID == s.ConceptID }) {
				continue
			}
			if s.Essential {
				ess = append(ess, uris[s.ConceptID])
			} else {
				other = append(other, uris[s.ConceptID])
			}
		}
		got := fmt.Sprint(o.Essential, o.NiceToHave, o.PartnerTypes, o.Countries, o.Regions, o.S3Areas, o.Themes)
		exp := fmt.Sprint(sorted(ess), sorted(other), sorted(p.PartnerTypes), sorted(p.Countries), sorted(p.Regions),
			sorted(p.S3Areas), sorted(p.Themes))
		if p.OrgID != nil {
			exp += " " + strconv.FormatInt(*p.OrgID, 10) + " " + orgs[*p.OrgID]
		}
		if o.OrgID != nil {
			got += " " + strconv.FormatInt(*o.OrgID, 10) + " " + o.OrgName
		}
		if got != exp || o.Essential == nil != (len(ess) == 0) || o.Themes == nil != (len(p.Themes) == 0) ||
			o.Title != p.Title || o.Status != p.Status || o.PublishedAt == nil || o.OrgID == nil && o.OrgName != "" {
			t.Fatalf("proposal %d:\n got %s\nwant %s\n%+v", o.ID, got, exp, o)
		}
		return nil
	})
	if err != nil || seen != len(want) {
		t.Fatalf("walked %d proposals (%v), want %d", seen, err, len(want))
	}
}

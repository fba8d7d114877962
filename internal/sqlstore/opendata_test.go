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
// context stop the walk in a later batch; and that no reader is left
// running afterwards.
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
		})
	}
}

// TestOpenProposalsAcrossBatches walks more proposals than two batches
// hold, a quarter of them drafts or archived, and checks that each public
// one comes once, in id order, with exactly its essential and other
// skills (as URIs sorted) and its codes (sorted, each kind in its list),
// including codes holding a comma or a colon, which send their batch
// down the slower path of one row per code.
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
				switch i {
				case 2500:
					p.Regions = append(p.Regions, "A,B", "X:Y")
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
			sorted := func(v []string) []string {
				if len(v) == 0 {
					return nil
				}
				return slices.Sorted(slices.Values(v))
			}
			var last int64
			seen := 0
			err = st.EachOpenProposal(ctx, func(o *ponte.OpenProposal) error {
				p := want[o.ID]
				if p == nil || o.ID <= last {
					t.Fatalf("proposal %d (after %d) is not public or out of order", o.ID, last)
				}
				last, seen = o.ID, seen+1
				var ess, other []string
				for _, s := range p.Skills {
					if s.Essential {
						ess = append(ess, uris[s.ConceptID])
					} else {
						other = append(other, uris[s.ConceptID])
					}
				}
				got := fmt.Sprint(o.Essential, o.NiceToHave, o.PartnerTypes, o.Countries, o.Regions, o.S3Areas, o.Themes)
				exp := fmt.Sprint(sorted(ess), sorted(other), sorted(p.PartnerTypes), sorted(p.Countries), sorted(p.Regions),
					sorted(p.S3Areas), sorted(p.Themes))
				if got != exp || o.Essential == nil != (len(ess) == 0) || o.Themes == nil != (len(p.Themes) == 0) ||
					o.Title != p.Title || o.Status != p.Status || o.PublishedAt == nil {
					t.Fatalf("proposal %d:\n got %s\nwant %s\n%+v", o.ID, got, exp, o)
				}
				return nil
			})
			if err != nil || seen != len(want) {
				t.Fatalf("walked %d proposals (%v), want %d", seen, err, len(want))
			}
		})
	}
}

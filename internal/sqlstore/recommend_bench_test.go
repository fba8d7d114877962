package sqlstore_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/service"
	"github.com/ponte-platform/ponte/internal/sqlstore"
	"github.com/ponte-platform/ponte/internal/sqlstore/sqltest"
)

// benchProposals is the number of published proposals of the
// recommendation benchmark (PONTE_BENCH_PROPOSALS overrides 30,000).
func benchProposals() int {
	if n, err := strconv.Atoi(os.Getenv("PONTE_BENCH_PROPOSALS")); err == nil && n > 0 {
		return n
	}
	return 30_000
}

// BenchmarkRecommendations measures the home page's "proposals that need
// your skills" among n published proposals needing 3–6 skills each, drawn
// with a skewed (Zipf) popularity from the benchmark taxonomy (300 groups
// × 9 skills), for two members with 30 skills: "typical" holds skills
// drawn uniformly, "popular" the 30 most requested ones (the worst case:
// most proposals become candidates):
//
//	go test ./internal/sqlstore -run '^$' -bench Recommendations -benchtime 50x
func BenchmarkRecommendations(b *testing.B) {
	for _, backend := range sqltest.Backends(b) {
		b.Run(backend, func(b *testing.B) {
			st := sqltest.Open(b, backend)
			svc := service.New(st, service.Config{}, nil, nil, nil)
			members := seedRecommendBench(b, st, benchProposals())
			for _, name := range []string{"typical", "popular"} {
				me := members[name]
				b.Run(name, func(b *testing.B) {
					ctx := context.Background()
					recs, err := svc.RecommendedProposals(ctx, me, service.HomeRecommendations, "en")
					if err != nil || len(recs) == 0 {
						b.Fatalf("recommendations = %d, %v", len(recs), err)
					}
					cands, _ := st.FitCandidates(ctx, ponte.FitQuery{UserID: me.ID, Today: "2026-01-01"})
					cpu0 := processCPU()
					for b.Loop() {
						if _, err := svc.RecommendedProposals(ctx, me, service.HomeRecommendations, "en"); err != nil {
							b.Fatal(err)
						}
					}
					// CPU time per call, which a loaded shared machine does not inflate
					// as it does wall time (SQLite runs in-process; PostgreSQL's own
					// work is not counted).
					b.ReportMetric(float64(processCPU()-cpu0)/float64(b.N)/1e6, "cpu-ms/op")
					b.ReportMetric(float64(len(cands)), "candidates")
				})
			}
		})
	}
}

// processCPU is the CPU time the test process used so far, in ns.
func processCPU() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}

// seedRecommendBench loads the taxonomy, n published proposals and the
// two members, in one transaction, and returns the members by name.
func seedRecommendBench(b *testing.B, st *sqlstore.Store, n int) map[string]*ponte.User {
	ctx := context.Background()
	_, skills := seedBench(b, st, 0)
	ids, err := st.ConceptIDs(ctx, skills)
	if err != nil {
		b.Fatal(err)
	}
	t0 := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	zipf := rand.NewZipf(rand.New(rand.NewPCG(5, 6)), 1.1, 10, uint64(len(skills)-1))
	rng := rand.New(rand.NewPCG(7, 8))
	members := map[string]*ponte.User{}
	start := time.Now()
	err = st.Tx(ctx, func(tx ponte.Store) error {
		proposer, err := benchUser(ctx, tx, "proposer", t0)
		if err != nil {
			return err
		}
		for i := 0; i < n; i++ {
			if err := benchProposal(ctx, tx, proposer, i, t0, skills, ids, zipf); err != nil {
				return err
			}
		}
		for name, pick := range map[string]func(i int) string{
			"typical": func(int) string { return skills[rng.IntN(len(skills))] },
			"popular": func(i int) string { return skills[i] }, // Zipf ranks: index 0 is the most requested
		} {
			u, err := benchUser(ctx, tx, name, t0)
			if err != nil {
				return err
			}
			members[name] = u
			for i := 0; i < 30; i++ {
				sk := &ponte.ProfileSkill{UserID: u.ID, ConceptID: ids[pick(i)], Level: 3, CreatedAt: t0, UpdatedAt: t0}
				if err := tx.UpsertProfileSkill(ctx, sk); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("seeded %d proposals in %s", n, time.Since(start).Round(time.Millisecond))
	if err := st.AnalyzeTables(ctx, "proposals", "proposal_skills", "proposal_codes", "profile_skills",
		"concept_broader"); err != nil {
		b.Fatal(err)
	}
	return members
}

func benchUser(ctx context.Context, tx ponte.Store, name string, t0 time.Time) (*ponte.User, error) {
	u := &ponte.User{Email: name + "@bench.test", DisplayName: name, PasswordHash: "x", Role: ponte.RoleMember,
		Lang: "en", CreatedAt: t0, UpdatedAt: t0}
	return u, tx.CreateUser(ctx, u)
}

// benchProposal inserts and publishes one proposal needing 3–6 skills.
func benchProposal(ctx context.Context, tx ponte.Store, u *ponte.User, i int, t0 time.Time, skills []string,
	ids map[string]int64, zipf *rand.Zipf) error {
	p := &ponte.Proposal{Type: ponte.ProposalTechOffer, Status: ponte.ProposalDraft, Title: fmt.Sprint("Proposal ", i),
		Summary: "s", Lang: "en", ProposerID: u.ID, CreatedAt: t0, UpdatedAt: t0, Regions: []string{"HR05"}}
	seen := map[int64]bool{}
	for len(p.Skills) < 3+i%4 {
		id := ids[skills[zipf.Uint64()]]
		if !seen[id] {
			seen[id] = true
			p.Skills = append(p.Skills, ponte.ProposalSkill{ConceptID: id, Essential: len(p.Skills) < 2, MinLevel: 2})
		}
	}
	if err := tx.CreateProposal(ctx, p); err != nil {
		return err
	}
	at := t0.Add(time.Duration(i) * time.Minute)
	p.Status, p.PublishedAt = ponte.ProposalPublished, &at
	return tx.SetProposalStatus(ctx, p, &ponte.ProposalEvent{ProposalID: p.ID, From: ponte.ProposalDraft,
		To: ponte.ProposalPublished, At: at})
}

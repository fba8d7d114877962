package sqlstore_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/benchtools/latency"
	"github.com/ponte-platform/ponte/internal/nuts"
	"github.com/ponte-platform/ponte/internal/service"
	"github.com/ponte-platform/ponte/internal/sqlstore"
	"github.com/ponte-platform/ponte/internal/sqlstore/sqltest"
)

// The matchmaking benchmark's population, on top of the directory's
// 100,000 people (seedBench: 2,700 skills in 300 groups, 8 skills each
// with Zipf popularity, so the commonest skill has ~16,000 holders):
// each skill related to two others, 10,000 organisations with 10 projects
// of 3 skills each and 2 declared competences, and 30,000 proposals of 3–7
// skills drawn with the same popularity (one in five a whole skill group).
const (
	matchBenchOrgs      = 10_000
	matchBenchProjects  = 10
	matchBenchProposals = 30_000
)

// BenchmarkMatches times a proposal's top-20 matches through the service
// (authorisation, skill expansion, the candidate query, scoring and
// explanations with labels), cycling through the seeded proposals, and
// reports p50 and p99. Run it with
//
//	go test -run '^$' -bench Matches -benchtime 2000x -timeout 60m ./internal/sqlstore/
func BenchmarkMatches(b *testing.B) {
	for _, backend := range sqltest.Backends(b) {
		st, reused := openMatchBench(b, backend)
		var proposals []*ponte.Proposal
		if reused {
			proposals = loadMatchProposals(b, st.Store)
		} else {
			proposals = seedMatchBench(b, st)
		}
		svc := service.New(st, service.Config{}, nil, nil, nil)
		for _, kind := range []string{ponte.MatchPeople, ponte.MatchOrganisations} {
			b.Run(backend+"/"+kind, func(b *testing.B) { benchMatches(b, svc, proposals, kind) })
		}
	}
}

// openMatchBench opens a fresh database; SQLite gets fresh statistics
// after seeding (seedMatchBench calls analyze), as a live database has.
// PONTE_BENCH_KEEP_DB names a SQLite file to keep: seeded when it does not
// exist, reused (not seeded again) when it does.
func openMatchBench(b *testing.B, backend string) (*matchBenchStore, bool) {
	ctx := context.Background()
	u, reused := sqltest.URL(b, backend), false
	if keep := os.Getenv("PONTE_BENCH_KEEP_DB"); keep != "" && backend == sqlstore.SQLite {
		_, err := os.Stat(keep)
		u, reused = "sqlite://"+keep, err == nil
	}
	db, err := sqlstore.Open(ctx, u)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	if _, err := db.Migrate(ctx); err != nil {
		b.Fatal(err)
	}
	return &matchBenchStore{Store: sqlstore.New(db), db: db}, reused
}

// loadMatchProposals reads back the proposals of a kept database.
func loadMatchProposals(b *testing.B, st *sqlstore.Store) []*ponte.Proposal {
	var out []*ponte.Proposal
	f := ponte.ProposalFilter{Statuses: []string{ponte.ProposalPublished}, Limit: 100}
	for {
		page, err := st.ListProposals(context.Background(), f)
		if err != nil {
			b.Fatal(err)
		}
		if len(page) == 0 {
			return out
		}
		out = append(out, page...)
		f.BeforeID = page[len(page)-1].ID
	}
}

type matchBenchStore struct {
	*sqlstore.Store
	db *sqlstore.DB
}

func (s *matchBenchStore) analyze(b *testing.B) {
	if s.Dialect() != sqlstore.SQLite {
		return
	}
	if err := sqlstore.AnalyzeSeedFile(context.Background(), s.db); err != nil {
		b.Fatal(err)
	}
}

// seedMatchBench loads everything and returns the proposals.
func seedMatchBench(b *testing.B, st *matchBenchStore) []*ponte.Proposal {
	ctx := context.Background()
	start := time.Now()
	groups, skills := seedBench(b, st.Store, benchPeople())
	all := append(append([]string{}, groups...), skills...)
	ids, err := st.ConceptIDs(ctx, all)
	if err != nil {
		b.Fatal(err)
	}
	skillIDs, groupIDs := make([]int64, len(skills)), make([]int64, len(groups))
	for i, u := range skills {
		skillIDs[i] = ids[u]
	}
	for i, u := range groups {
		groupIDs[i] = ids[u]
	}
	rng := rand.New(rand.NewPCG(7, 8))
	zipf := rand.NewZipf(rand.New(rand.NewPCG(3, 4)), 1.1, 10, uint64(len(skills)-1))
	relateSkills(b, st.Store, skillIDs, rng)
	orgs := seedMatchOrgs(b, st.Store, skillIDs, rng, zipf)
	ps := seedMatchProposals(b, st.Store, skillIDs, groupIDs, orgs, rng, zipf)
	st.analyze(b)
	b.Logf("%s: matchmaking data seeded in %s", st.Dialect(), time.Since(start).Round(time.Millisecond))
	return ps
}

// relateSkills relates every skill to two random others, as ESCO relates
// skills to the knowledge and skills they need.
func relateSkills(b *testing.B, st *sqlstore.Store, skills []int64, rng *rand.Rand) {
	var es []ponte.ConceptEdge
	seen := map[[2]int64]bool{}
	for _, s := range skills {
		for _, typ := range []string{"essential", "optional"} {
			r := skills[rng.IntN(len(skills))]
			if r != s && !seen[[2]int64{s, r}] {
				seen[[2]int64{s, r}] = true
				es = append(es, ponte.ConceptEdge{FromID: s, ToID: r, Type: typ})
			}
		}
	}
	if err := st.AddEdges(context.Background(), ponte.LinkSkillRelation, es); err != nil {
		b.Fatal(err)
	}
}

// seedMatchOrgs creates the organisations, their projects with skills and
// their declared competences.
func seedMatchOrgs(b *testing.B, st *sqlstore.Store, skills []int64, rng *rand.Rand, zipf *rand.Zipf) []int64 {
	ctx := context.Background()
	regions := benchRegions()
	t0 := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	orgs := make([]*ponte.Organisation, matchBenchOrgs)
	for i := range orgs {
		r := regions[rng.IntN(len(regions))]
		orgs[i] = &ponte.Organisation{Name: fmt.Sprintf("Organisation %05d", i), Type: ponte.OrgTypes[rng.IntN(len(ponte.OrgTypes))],
			Country: nuts.ISOCountry(r[:2]), Region: r, NameKey: fmt.Sprintf("organisation %05d", i), Source: "bench",
			SourceKey: strconv.Itoa(i), CreatedAt: t0, UpdatedAt: t0}
	}
	err := st.Tx(ctx, func(tx ponte.Store) error {
		s := tx.(*sqlstore.Store)
		if err := s.CreateOrganisations(ctx, orgs); err != nil {
			return err
		}
		var ps []*ponte.OrgProject
		var declared [][2]int64
		for _, o := range orgs {
			for j := range matchBenchProjects {
				p := &ponte.OrgProject{OrgID: o.ID, Title: "Project", Year: 2010 + j, Source: "bench",
					SourceKey: strconv.Itoa(j), CreatedAt: t0, UpdatedAt: t0}
				p.SkillIDs = distinctDraws(skills, zipf, 3)
				ps = append(ps, p)
			}
			for _, c := range distinctDraws(skills, zipf, 2) {
				declared = append(declared, [2]int64{o.ID, c})
			}
		}
		if err := s.CreateOrgProjects(ctx, ps); err != nil {
			return err
		}
		if err := s.SeedProjectSkills(ctx, ps); err != nil {
			return err
		}
		if err := s.SeedOrgCompetences(ctx, declared, t0); err != nil {
			return err
		}
		return s.SeedRefreshOrgConcepts(ctx, orgIDs(orgs))
	})
	if err != nil {
		b.Fatal(err)
	}
	return orgIDs(orgs)
}

func orgIDs(os []*ponte.Organisation) []int64 {
	out := make([]int64, len(os))
	for i, o := range os {
		out[i] = o.ID
	}
	return out
}

// distinctDraws draws n different concepts with the skewed popularity.
func distinctDraws(skills []int64, zipf *rand.Zipf, n int) []int64 {
	seen := map[int64]bool{}
	var out []int64
	for len(out) < n {
		if c := skills[zipf.Uint64()]; !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	return out
}

// seedMatchProposals writes the proposals, 5,000 per transaction.
func seedMatchProposals(b *testing.B, st *sqlstore.Store, skills, groups, orgs []int64, rng *rand.Rand, zipf *rand.Zipf) []*ponte.Proposal {
	ctx := context.Background()
	regions := benchRegions()
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	people := benchPeople()
	ps := make([]*ponte.Proposal, 0, matchBenchProposals)
	for from := 0; from < matchBenchProposals; from += 5000 {
		err := st.Tx(ctx, func(tx ponte.Store) error {
			for range min(5000, matchBenchProposals-from) {
				r := regions[rng.IntN(len(regions))]
				p := &ponte.Proposal{Type: ponte.ProposalTypes[rng.IntN(len(ponte.ProposalTypes))], Status: ponte.ProposalPublished,
					Title: "Proposal", Summary: "s", Lang: ponte.Languages[rng.IntN(len(ponte.Languages))],
					ProposerID: int64(1 + rng.IntN(people)), Regions: []string{r}, Countries: []string{nuts.ISOCountry(r[:2])},
					PartnerTypes: []string{ponte.OrgTypes[rng.IntN(len(ponte.OrgTypes))]}, CreatedAt: t0, UpdatedAt: t0}
				if rng.IntN(3) == 0 {
					p.OrgID = &orgs[rng.IntN(len(orgs))]
				}
				for _, c := range distinctDraws(skills, zipf, 3+rng.IntN(5)) {
					if rng.IntN(5) == 0 {
						c = groups[rng.IntN(len(groups))]
					}
					p.Skills = append(p.Skills, ponte.ProposalSkill{ConceptID: c, Essential: rng.IntN(10) < 7, MinLevel: 1 + rng.IntN(4)})
				}
				p.Skills = dedupeSkills(p.Skills)
				if err := tx.CreateProposal(ctx, p); err != nil {
					return err
				}
				ps = append(ps, p)
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	return ps
}

func dedupeSkills(in []ponte.ProposalSkill) []ponte.ProposalSkill {
	seen := map[int64]bool{}
	var out []ponte.ProposalSkill
	for _, s := range in {
		if !seen[s.ConceptID] {
			seen[s.ConceptID] = true
			out = append(out, s)
		}
	}
	return out
}

func benchMatches(b *testing.B, svc *service.Service, ps []*ponte.Proposal, kind string) {
	ctx := context.Background()
	var found int
	rng := rand.New(rand.NewPCG(11, 12))
	rec := latency.Start(b)
	for i := 0; i < b.N; i++ {
		p := ps[rng.IntN(len(ps))]
		proposer := &ponte.User{ID: p.ProposerID, Role: ponte.RoleMember}
		var page *service.MatchPage
		var err error
		rec.Time(func() { page, err = svc.Matches(ctx, proposer, p.ID, service.MatchesQuery{Kind: kind, Lang: "en"}) })
		if err != nil {
			b.Fatal(err)
		}
		found += len(page.Matches)
	}
	// CPU time per request (cpu-ms/op) says what a request costs when
	// other processes share the cores (latencies then include waiting).
	rec.Report()
	b.ReportMetric(float64(found)/float64(b.N), "matches/page")
}

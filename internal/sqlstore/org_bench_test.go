package sqlstore

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/ponte-platform/ponte"
)

// Directory benchmark scale: 10,000 organisations with 10 projects each
// (100,000 projects), 3 skills per project drawn from 500 concepts with a
// skewed popularity, so some concepts are in most organisations.
const (
	benchOrgs     = 10000
	benchProjects = 10
	benchConcepts = 500
)

var benchRegions = []string{"HR031", "HR032", "HR050", "HR061", "ITC4C", "ITH20", "ITI43", "SI041", "SI036", "RO321", "RO121", "EL303"}

// openBench opens a migrated database: SQLite in a temporary directory, or
// a fresh PostgreSQL schema when PONTE_BENCH_POSTGRES_URL names one.
func openBench(b *testing.B) *Store {
	b.Helper()
	u := "sqlite://" + filepath.Join(b.TempDir(), "bench.db")
	if pg := os.Getenv("PONTE_BENCH_POSTGRES_URL"); pg != "" {
		u = pg
	}
	db, err := Open(context.Background(), u)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	if _, err := db.Migrate(context.Background()); err != nil {
		b.Fatal(err)
	}
	return New(db)
}

// seedDirectory loads the benchmark's data with multi-row statements.
func seedDirectory(b *testing.B, s *Store) []int64 {
	b.Helper()
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(1, 2))
	cs := make([]ponte.Concept, benchConcepts)
	for i := range cs {
		cs[i] = ponte.Concept{URI: fmt.Sprintf("urn:bench:%d", i), Scheme: ponte.SchemePonte, Kind: ponte.KindSkill}
	}
	ids, err := s.UpsertConcepts(ctx, cs)
	if err != nil {
		b.Fatal(err)
	}
	concepts := make([]int64, benchConcepts)
	for i := range cs {
		concepts[i] = ids[cs[i].URI]
	}
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	orgs := make([]*ponte.Organisation, benchOrgs)
	for i := range orgs {
		r := benchRegions[rng.IntN(len(benchRegions))]
		orgs[i] = &ponte.Organisation{Name: fmt.Sprintf("Organisation %05d", i), Type: ponte.OrgTypes[rng.IntN(len(ponte.OrgTypes))],
			SizeBand: ponte.SizeBands[rng.IntN(4)], Country: r[:2], Region: r, NameKey: fmt.Sprintf("organisation %05d", i),
			Sectors: []string{ponte.Sectors[rng.IntN(len(ponte.Sectors))]}, Source: "bench", SourceKey: fmt.Sprint(i),
			CreatedAt: t0, UpdatedAt: t0.Add(time.Duration(rng.IntN(1e6)) * time.Second)}
	}
	err = s.Tx(ctx, func(tx ponte.Store) error { return tx.(*Store).seedProjects(ctx, orgs, concepts, rng) })
	if err != nil {
		b.Fatal(err)
	}
	// Fresh statistics, as a live database has them (autovacuum on
	// PostgreSQL, the optimiser's own on SQLite).
	if _, err := s.db.w.ExecContext(ctx, "ANALYZE"); err != nil {
		b.Fatal(err)
	}
	return concepts
}

func (s *Store) seedProjects(ctx context.Context, orgs []*ponte.Organisation, concepts []int64, rng *rand.Rand) error {
	if err := s.CreateOrganisations(ctx, orgs); err != nil {
		return err
	}
	var ps []*ponte.OrgProject
	for _, o := range orgs {
		for j := range benchProjects {
			ps = append(ps, &ponte.OrgProject{OrgID: o.ID, Title: "Project", Year: 2010 + j, Source: "bench",
				SourceKey: fmt.Sprint(j), CreatedAt: o.CreatedAt, UpdatedAt: o.CreatedAt})
		}
	}
	if err := s.CreateOrgProjects(ctx, ps); err != nil {
		return err
	}
	var rows [][]any
	for _, p := range ps {
		seen := map[int64]bool{}
		for range 3 {
			// Cubing a uniform draw skews popularity towards low indexes:
			// concept 0 lands in nearly every organisation.
			c := concepts[int(float64(benchConcepts)*skew(rng.Float64()))]
			if !seen[c] {
				seen[c] = true
				rows = append(rows, []any{p.ID, c, p.OrgID})
			}
		}
	}
	if err := s.bulkExec(ctx, "seed", `INSERT INTO org_project_skills (project_id, concept_id, org_id) VALUES`, ``, 3, rows); err != nil {
		return err
	}
	if err := s.RecountOrgProjects(ctx, orgIDs(orgs)); err != nil {
		return err
	}
	return s.refreshOrgConcepts(ctx, orgIDs(orgs))
}

func skew(f float64) float64 { return f * f * f }

// BenchmarkOrgDirectory times directory pages on 10,000 organisations and
// reports the median and 99th percentile latency of each query shape.
func BenchmarkOrgDirectory(b *testing.B) {
	s := openBench(b)
	start := time.Now()
	concepts := seedDirectory(b, s)
	b.Logf("%s: seeded %d organisations, %d projects in %s", s.Dialect(), benchOrgs, benchOrgs*benchProjects, time.Since(start).Round(time.Millisecond))
	ctx := context.Background()
	page2 := func(f ponte.OrgFilter) ponte.OrgFilter {
		items, err := s.ListOrganisations(ctx, f)
		if err != nil || len(items) == 0 {
			b.Fatal(err)
		}
		f.After = ponte.OrgCursorAfter(items[len(items)-1])
		return f
	}
	cases := []struct {
		name string
		f    ponte.OrgFilter
	}{
		{"all-relevance", ponte.OrgFilter{}},
		{"all-recent", ponte.OrgFilter{Order: ponte.OrderRecent}},
		{"recent-page2", page2(ponte.OrgFilter{Order: ponte.OrderRecent})},
		{"region-type", ponte.OrgFilter{Region: "HR0", Type: ponte.OrgSME}},
		{"sector-size", ponte.OrgFilter{Sector: "C", SizeBand: ponte.SizeSmall}},
		{"name", ponte.OrgFilter{NameQuery: "0042"}},
		{"rare-skill", ponte.OrgFilter{ConceptIDs: concepts[400:405]}},
		{"common-skill", ponte.OrgFilter{ConceptIDs: concepts[0:5]}},
		{"common-skill-page2", page2(ponte.OrgFilter{ConceptIDs: concepts[0:5]})},
		{"skill-region", ponte.OrgFilter{ConceptIDs: concepts[0:5], Region: "ITC"}},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			var lat []time.Duration
			for b.Loop() {
				t := time.Now()
				if _, err := s.ListOrganisations(ctx, c.f); err != nil {
					b.Fatal(err)
				}
				lat = append(lat, time.Since(t))
			}
			sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
			b.ReportMetric(float64(lat[len(lat)/2].Microseconds()), "p50-µs")
			b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds()), "p99-µs")
		})
	}
}

// BenchmarkOrgCompetences times the evidence gathering of the distinctive
// competence ranking for one organisation among 10,000.
func BenchmarkOrgCompetences(b *testing.B) {
	s := openBench(b)
	seedDirectory(b, s)
	ctx := context.Background()
	var lat []time.Duration
	id := int64(1)
	for b.Loop() {
		t := time.Now()
		ev, n, err := s.OrgCompetenceEvidence(ctx, id)
		if err != nil || len(ev) == 0 || n != benchOrgs {
			b.Fatal(len(ev), n, err)
		}
		lat = append(lat, time.Since(t))
		id = id%benchOrgs + 1
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds()), "p50-µs")
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds()), "p99-µs")
}

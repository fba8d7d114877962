package sqlstore_test

import (
	"context"
	"io"
	"math/rand/v2"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/service"
	"github.com/ponte-platform/ponte/internal/sqlstore"
	"github.com/ponte-platform/ponte/internal/sqlstore/sqltest"
)

// BenchmarkOpenDataExport streams the people dataset of 100,000 people
// (PONTE_BENCH_PEOPLE) as CSV and as JSON Lines to io.Discard and reports
// rows per second and the largest heap seen while streaming, which stays
// flat whatever the population. Run it with
//
//	go test -run '^$' -bench OpenDataExport -benchtime 3x ./internal/sqlstore/
func BenchmarkOpenDataExport(b *testing.B) {
	benchDataset(b, ponte.DatasetPeople, func(st *sqlstore.Store) { seedBench(b, st, benchPeople()) })
}

// benchDataset runs benchExport on dataset in every format on each
// backend, over a store filled by seed.
func benchDataset(b *testing.B, dataset string, seed func(*sqlstore.Store)) {
	for _, backend := range sqltest.Backends(b) {
		st := sqltest.Open(b, backend)
		seed(st)
		svc := service.New(st, service.Config{BaseURL: "https://ponte.example"}, nil, nil, nil)
		for _, format := range service.OpenDataFormats {
			b.Run(backend+"/"+dataset+"."+format, func(b *testing.B) { benchExport(b, svc, dataset, format) })
		}
	}
}

// BenchmarkOpenDataExportProposals is BenchmarkOpenDataExport for 36,000
// proposals (PONTE_BENCH_OPEN_PROPOSALS) shaped like the seeded ones: a sixth
// of them drafts or archived, titles and summaries in Croatian and Greek,
// 4.5 skills and 7.5 codes each on average. Run it with
//
//	go test -run '^$' -bench OpenDataExportProposals -benchtime 3x ./internal/sqlstore/
func BenchmarkOpenDataExportProposals(b *testing.B) {
	benchDataset(b, ponte.DatasetProposals, func(st *sqlstore.Store) { seedBenchProposals(b, st, benchOpenProposals()) })
}

// benchExport exports a dataset b.N times and reports rows per second and
// the largest heap seen meanwhile.
func benchExport(b *testing.B, svc *service.Service, dataset, format string) {
	runtime.GC()
	var peak atomic.Uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { // sample the heap while the export runs
		defer wg.Done()
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > peak.Load() {
				peak.Store(ms.HeapInuse)
			}
			select {
			case <-done:
				return
			case <-time.After(20 * time.Millisecond):
			}
		}
	}()
	rows := 0
	start := time.Now()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		n, err := svc.ExportOpenData(context.Background(), dataset, format, io.Discard)
		if err != nil {
			b.Fatal(err)
		}
		rows += n
	}
	b.StopTimer()
	close(done)
	wg.Wait()
	b.ReportMetric(float64(rows)/time.Since(start).Seconds(), "rows/s")
	b.ReportMetric(float64(peak.Load())/(1<<20), "peak-heap-MiB")
}

func benchOpenProposals() int {
	if n, err := strconv.Atoi(os.Getenv("PONTE_BENCH_OPEN_PROPOSALS")); err == nil && n > 0 {
		return n
	}
	return 36_000
}

// seedBenchProposals loads the benchmark's taxonomy, 50 proposers and n
// proposals (see BenchmarkOpenDataExportProposals).
func seedBenchProposals(b testing.TB, st *sqlstore.Store, n int) {
	ctx := context.Background()
	_, skills := seedBench(b, st, 50)
	ids, err := st.ConceptIDs(ctx, skills)
	if err != nil {
		b.Fatal(err)
	}
	var users []int64
	for _, u := range []string{"p0", "p1", "p2"} {
		got, err := st.UserByEmail(ctx, u+"@bench.test")
		if err != nil {
			b.Fatal(err)
		}
		users = append(users, got.ID)
	}
	rng := rand.New(rand.NewPCG(9, 10))
	pick := func(from []string, k int) []string {
		var out []string
		for _, i := range rng.Perm(len(from))[:min(k, len(from))] {
			out = append(out, from[i])
		}
		return out
	}
	regions := benchRegions()
	titles := []string{"Potražnja za tehnologijom: otvoreni podaci za mobilnost",
		"Αναζήτηση τεχνολογίας: ανοικτά δεδομένα για την κινητικότητα", "Research partner for a Horizon call"}
	summaries := []string{"Petra Šimić traži suradnju na temu: otvoreni podaci za mobilnost, s partnerima u regiji Krapinsko-zagorska županija i diljem Europe.",
		"Κωνσταντίνος Καραγιάννης αναζητά συνεργασίες με θέμα: ανοικτά δεδομένα για την κινητικότητα, με εταίρους στην περιοχή Peiraias, Nisoi και σε όλη την Ευρώπη.",
		"Seeking a university and an SME with experience in \"digital twins\" for a two-year project."}
	statuses := []string{ponte.ProposalPublished, ponte.ProposalPublished, ponte.ProposalPublished, ponte.ProposalPublished,
		ponte.ProposalClosed, ponte.ProposalDraft, ponte.ProposalPublished, ponte.ProposalClosed, ponte.ProposalPublished,
		ponte.ProposalArchived, ponte.ProposalPublished, ponte.ProposalPublished}
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	start := time.Now()
	const batch = 5000
	for from := 0; from < n; from += batch {
		pids, err := st.SeedReserveIDs(ctx, "proposals", min(batch, n-from))
		if err != nil {
			b.Fatal(err)
		}
		var ps []*ponte.Proposal
		for i, id := range pids {
			k := from + i
			at := t0.Add(time.Duration(rng.IntN(300*24)) * time.Hour)
			p := &ponte.Proposal{ID: id, Type: ponte.ProposalTechOffer, Status: statuses[k%len(statuses)],
				Title: titles[k%3], Summary: summaries[k%3], Description: strings.Repeat("Opis projekta. ", 30),
				Lang: []string{"hr", "el", "en"}[k%3], ProposerID: users[k%len(users)], CreatedAt: at, UpdatedAt: at,
				PartnerTypes: pick([]string{ponte.OrgSME, ponte.OrgUniversity, ponte.OrgNGO, ponte.OrgResearchCentre}, 1+rng.IntN(3)),
				Countries:    pick([]string{"SI", "HR", "IT", "AT", "EL", "RO"}, rng.IntN(3)),
				Regions:      pick(regions, rng.IntN(2)),
				S3Areas:      pick([]string{"mobility", "blue-economy", "agri-food", "tourism", "digital-transformation"}, 1+rng.IntN(2)),
				Themes:       pick([]string{"climate", "education", "ageing", "housing"}, 1+rng.IntN(2))}
			if k%4 == 0 {
				p.Deadline = at.AddDate(0, 3, 0).Truncate(24 * time.Hour)
			}
			for _, c := range rng.Perm(len(skills))[:2+rng.IntN(6)] {
				p.Skills = append(p.Skills, ponte.ProposalSkill{ConceptID: ids[skills[c]], Essential: rng.IntN(3) > 0, MinLevel: 2})
			}
			if ponte.ProposalPublic(p.Status) {
				p.PublishedAt = &at
			}
			ps = append(ps, p)
		}
		if err := st.SeedProposals(ctx, ps, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.Logf("%s: seeded %d proposals in %s", st.Dialect(), n, time.Since(start).Round(time.Millisecond))
}

// BenchmarkOpenDataDatabase exports every dataset in every format from an
// existing database named by PONTE_BENCH_OPENDATA_DB (for instance one
// filled by `ponte seed --scale 5`), so that the real mix of people,
// organisations and proposals is measured without seeding each run:
//
//	PONTE_BENCH_OPENDATA_DB=sqlite:///tmp/od5.db go test -run '^$' -bench OpenDataDatabase -benchtime 3x ./internal/sqlstore/
func BenchmarkOpenDataDatabase(b *testing.B) {
	u := os.Getenv("PONTE_BENCH_OPENDATA_DB")
	if u == "" {
		b.Skip("PONTE_BENCH_OPENDATA_DB is not set")
	}
	st := sqltest.OpenURL(b, u)
	svc := service.New(st, service.Config{BaseURL: "https://ponte.example"}, nil, nil, nil)
	for _, dataset := range ponte.Datasets {
		for _, format := range service.OpenDataFormats {
			b.Run(dataset+"."+format, func(b *testing.B) {
				rows := 0
				start, cpu := time.Now(), processCPU()
				for i := 0; i < b.N; i++ {
					n, err := svc.ExportOpenData(context.Background(), dataset, format, io.Discard)
					if err != nil {
						b.Fatal(err)
					}
					rows += n
				}
				b.ReportMetric(float64(rows)/time.Since(start).Seconds(), "rows/s")
				b.ReportMetric(float64(processCPU()-cpu)/1e9/float64(b.N), "cpu-s/op")
			})
		}
	}
}

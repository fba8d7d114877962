package service_test

import (
	"context"
	"os"
	"slices"
	"testing"
	"time"

	"github.com/ponte-platform/ponte/internal/service"
	"github.com/ponte-platform/ponte/internal/sqlstore/sqltest"
	"github.com/ponte-platform/ponte/internal/taxonomy"
)

// BenchmarkLoadTaxonomy is the first-run load of the whole embedded
// taxonomy (ESCO v1.1.1 English, EntreComp, DigComp, innovation areas)
// into a fresh database, on each backend: run it with -benchtime=3x.
func BenchmarkLoadTaxonomy(b *testing.B) {
	for _, backend := range sqltest.Backends(b) {
		b.Run(backend, func(b *testing.B) {
			for b.Loop() {
				b.StopTimer()
				svc, _ := newTaxonomyService(b, backend)
				b.StartTimer()
				rep, err := svc.LoadEmbeddedTaxonomy(context.Background(), service.TaxonomyOptions{})
				if err != nil || rep.Concepts == 0 {
					b.Fatalf("load: %+v, %v", rep, err)
				}
			}
		})
	}
}

// benchQueries are what people type into a skill field, keystroke by
// keystroke: one to three letters, words, several words, Italian (after
// importing the fixture), Greek and Croatian (innovation areas).
var benchQueries = []struct{ q, lang string }{
	{"a", "en"}, {"m", "en"}, {"c", "it"}, {"pr", "en"}, {"da", "en"}, {"ma", "it"}, {"pro", "en"},
	{"tea", "en"}, {"com", "en"}, {"python", "en"}, {"Python", "it"}, {"management", "en"},
	{"budget", "en"}, {"teamwork", "en"}, {"communication", "en"}, {"proj man", "en"},
	{"manage budg", "en"}, {"work in team", "en"}, {"data analy", "en"}, {"perform project management", "en"},
	{"use digital tools to collaborate", "en"}, {"lavorare in squadra", "it"}, {"gestione prog", "it"},
	{"squadra", "it"}, {"pensare creat", "it"}, {"δημιουργ", "el"}, {"ΚΟΙΝΩΝΙΚΈΣ", "el"},
	{"vještine", "hr"}, {"drustvene", "hr"}, {"x", "en"}, {"zzz", "en"},
}

// BenchmarkSuggestSkills measures autocomplete on the full taxonomy plus
// the Italian fixture, through the service, with the index built from each
// backend. It reports single-query latency percentiles over benchQueries,
// and how long building the index from the database took (build-ms).
func BenchmarkSuggestSkills(b *testing.B) {
	for _, backend := range sqltest.Backends(b) {
		b.Run(backend, func(b *testing.B) { benchSuggest(b, backend) })
	}
}

func benchSuggest(b *testing.B, backend string) {
	ctx := context.Background()
	svc, _ := newTaxonomyService(b, backend)
	if _, err := svc.LoadEmbeddedTaxonomy(ctx, service.TaxonomyOptions{}); err != nil {
		b.Fatal(err)
	}
	if _, err := svc.ImportESCO(ctx, os.DirFS(italianFixture), "it", service.TaxonomyOptions{BadRow: func(*taxonomy.RowError) {}}); err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	if err := svc.WarmSkillIndex(ctx); err != nil {
		b.Fatal(err)
	}
	build := time.Since(start)
	var times []time.Duration
	b.ResetTimer()
	for b.Loop() {
		for _, q := range benchQueries {
			t := time.Now()
			if _, err := svc.SuggestSkills(ctx, q.q, q.lang, 10); err != nil {
				b.Fatal(err)
			}
			times = append(times, time.Since(t))
		}
	}
	b.StopTimer()
	slices.Sort(times)
	at := func(p float64) float64 {
		return float64(times[min(len(times)-1, int(p*float64(len(times))))].Nanoseconds()) / 1e3
	}
	b.ReportMetric(at(0.50), "p50-µs")
	b.ReportMetric(at(0.99), "p99-µs")
	b.ReportMetric(at(1), "max-µs")
	b.ReportMetric(float64(build.Milliseconds()), "build-ms")
}

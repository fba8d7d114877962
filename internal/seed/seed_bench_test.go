package seed_test

import (
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"
	"time"

	"github.com/ponte-platform/ponte/internal/seed"
	"github.com/ponte-platform/ponte/internal/service"
	"github.com/ponte-platform/ponte/internal/sqlstore"
)

// BenchmarkSeed times one seed run at PONTE_SEED_BENCH_SCALE (default 1)
// on SQLite in a temporary directory, or on PostgreSQL when
// PONTE_BENCH_POSTGRES_URL names an empty, migrated-or-not database. The
// taxonomy is loaded before the timer starts.
//
//	go test ./internal/seed -run '^$' -bench Seed -benchtime 1x
func BenchmarkSeed(b *testing.B) {
	scale := 1.0
	if v := os.Getenv("PONTE_SEED_BENCH_SCALE"); v != "" {
		var err error
		if scale, err = strconv.ParseFloat(v, 64); err != nil {
			b.Fatal(err)
		}
	}
	for b.Loop() {
		b.StopTimer()
		svc, st := openBench(b)
		b.StartTimer()
		start := time.Now()
		rep, err := seed.Run(context.Background(), svc, st, seed.Options{Scale: scale, Seed: 1})
		if err != nil {
			b.Fatal(err)
		}
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		b.Logf("%s scale %g: %d people, %d organisations in %s (%.0f people/s); %d MiB from the system",
			st.Dialect(), scale, rep.People, rep.RealOrgs+rep.GeneratedOrgs, time.Since(start).Round(time.Millisecond),
			float64(rep.People)/time.Since(start).Seconds(), ms.Sys>>20)
	}
}

func openBench(b *testing.B) (*service.Service, *sqlstore.Store) {
	u := "sqlite://" + filepath.Join(b.TempDir(), "seed.db")
	if pg := os.Getenv("PONTE_BENCH_POSTGRES_URL"); pg != "" {
		u = pg
	}
	ctx := context.Background()
	db, err := sqlstore.Open(ctx, u)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	if _, err := db.Migrate(ctx); err != nil {
		b.Fatal(err)
	}
	st := sqlstore.New(db)
	svc := service.New(st, service.Config{}, nil, nil, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if _, err := svc.EnsureTaxonomy(ctx, service.TaxonomyOptions{}); err != nil {
		b.Fatal(err)
	}
	return svc, st
}

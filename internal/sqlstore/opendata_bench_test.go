package sqlstore_test

import (
	"context"
	"io"
	"os"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/service"
	"github.com/ponte-platform/ponte/internal/sqlstore/sqltest"
)

// BenchmarkOpenDataExport streams the people dataset of 100,000 people
// (PONTE_BENCH_PEOPLE) as CSV and as JSON Lines to io.Discard and reports
// rows per second and the largest heap seen while streaming, which stays
// flat whatever the population. Run it with
//
//	go test -run '^$' -bench OpenDataExport -benchtime 3x ./internal/sqlstore/
func BenchmarkOpenDataExport(b *testing.B) {
	for _, backend := range sqltest.Backends(b) {
		st := sqltest.Open(b, backend)
		seedBench(b, st, benchPeople())
		svc := service.New(st, service.Config{BaseURL: "https://ponte.example"}, nil, nil, nil)
		for _, format := range service.OpenDataFormats {
			b.Run(backend+"/people."+format, func(b *testing.B) {
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
					n, err := svc.ExportOpenData(context.Background(), ponte.DatasetPeople, format, io.Discard)
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
			})
		}
	}
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
				start := time.Now()
				for i := 0; i < b.N; i++ {
					n, err := svc.ExportOpenData(context.Background(), dataset, format, io.Discard)
					if err != nil {
						b.Fatal(err)
					}
					rows += n
				}
				b.ReportMetric(float64(rows)/time.Since(start).Seconds(), "rows/s")
			})
		}
	}
}

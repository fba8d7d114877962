// Package latency times the operations of a benchmark one by one and
// reports what a mean hides: the median and the 99th percentile, and the
// process's CPU time per operation (on a shared machine wall-clock
// latencies include waiting for a core; CPU time does not).
package latency

import (
	"sort"
	"syscall"
	"testing"
	"time"
)

// Recorder collects the latencies of one benchmark run.
type Recorder struct {
	b    *testing.B
	lat  []time.Duration
	cpu0 time.Duration
}

// Start resets b's timer and starts recording.
func Start(b *testing.B) *Recorder {
	r := &Recorder{b: b, lat: make([]time.Duration, 0, b.N), cpu0: CPUTime()}
	b.ResetTimer()
	return r
}

// Time runs op once and records how long it took.
func (r *Recorder) Time(op func()) {
	start := time.Now()
	op()
	r.lat = append(r.lat, time.Since(start))
}

// Report stops b's timer and reports p50-ms, p99-ms and cpu-ms/op.
func (r *Recorder) Report() {
	r.b.StopTimer()
	if len(r.lat) == 0 {
		return
	}
	r.b.ReportMetric(float64((CPUTime()-r.cpu0).Microseconds())/1000/float64(len(r.lat)), "cpu-ms/op")
	sort.Slice(r.lat, func(i, j int) bool { return r.lat[i] < r.lat[j] })
	pct := func(p float64) float64 { return float64(r.lat[int(p*float64(len(r.lat)-1))].Microseconds()) / 1000 }
	r.b.ReportMetric(pct(0.50), "p50-ms")
	r.b.ReportMetric(pct(0.99), "p99-ms")
}

// CPUTime is the process's user and system CPU time so far.
func CPUTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

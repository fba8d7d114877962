package skillindex

import (
	"slices"
	"testing"
	"time"
)

// benchQueries are what people type into a skill field, keystroke by
// keystroke: one to three letters, words, several words, Italian (from the
// fixture), Greek and Croatian (innovation areas), in mixed case.
var benchQueries = []struct{ q, lang string }{
	{"a", "en"}, {"m", "en"}, {"c", "it"}, {"pr", "en"}, {"da", "en"}, {"ma", "it"}, {"pro", "en"},
	{"tea", "en"}, {"com", "en"}, {"python", "en"}, {"Python", "it"}, {"management", "en"},
	{"budget", "en"}, {"teamwork", "en"}, {"communication", "en"}, {"proj man", "en"},
	{"manage budg", "en"}, {"work in team", "en"}, {"data analy", "en"}, {"perform project management", "en"},
	{"use digital tools to collaborate", "en"}, {"lavorare in squadra", "it"}, {"gestione prog", "it"},
	{"squadra", "it"}, {"pensare creat", "it"}, {"δημιουργ", "el"}, {"ΚΟΙΝΩΝΙΚΈΣ", "el"},
	{"vještine", "hr"}, {"drustvene", "hr"}, {"x", "en"}, {"zzz", "en"},
}

// BenchmarkSearch runs every query of benchQueries per iteration on a
// fresh index and reports the latency percentiles of single queries (p50,
// p99 and max in microseconds) over all of them, and the slowest query of
// the first pass (cold-max-µs), before the rankings of one- and two-letter
// queries are kept.
func BenchmarkSearch(b *testing.B) {
	_, r := fullIndex(b)
	nb := NewBuilder()
	nb.Add(r.list...)
	x := nb.Build()
	var times []time.Duration
	var cold time.Duration
	b.ResetTimer()
	for b.Loop() {
		for _, q := range benchQueries {
			start := time.Now()
			x.Search(q.q, q.lang, 10)
			d := time.Since(start)
			if len(times) < len(benchQueries) {
				cold = max(cold, d)
			}
			times = append(times, d)
		}
	}
	b.StopTimer()
	reportPercentiles(b, times)
	b.ReportMetric(float64(cold.Nanoseconds())/1e3, "cold-max-µs")
}

// BenchmarkBuild builds the index of the embedded taxonomy plus the
// Italian fixture from records already in memory.
func BenchmarkBuild(b *testing.B) {
	_, r := fullIndex(b)
	b.ReportAllocs()
	for b.Loop() {
		nb := NewBuilder()
		nb.Add(r.list...)
		nb.Build()
	}
}

// reportPercentiles adds p50, p99 and max (µs) to a benchmark's output.
func reportPercentiles(b *testing.B, times []time.Duration) {
	if len(times) == 0 {
		return
	}
	slices.Sort(times)
	at := func(p float64) float64 {
		return float64(times[min(len(times)-1, int(p*float64(len(times))))].Nanoseconds()) / 1e3
	}
	b.ReportMetric(at(0.50), "p50-µs")
	b.ReportMetric(at(0.99), "p99-µs")
	b.ReportMetric(at(1), "max-µs")
}

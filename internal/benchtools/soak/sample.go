package main

import (
	"bufio"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// sampler runs the open loop and writes a line per interval.
type sampler struct {
	o       opts
	g       *gen
	dropped atomic.Int64
	out     io.Writer
	rss     []float64 // one per interval
	failed  bool      // a verdict failed
}

// run sends at the rate for the duration, sampling every interval, then
// samples once more after the load has stopped (the idle goroutine count).
func (s *sampler) run() {
	s.out = os.Stdout
	var csv *os.File
	if s.o.csv != "" {
		f, err := os.Create(s.o.csv)
		if err != nil {
			fmt.Fprintln(os.Stderr, "soak:", err)
			os.Exit(2)
		}
		defer f.Close()
		csv = f
		fmt.Fprintln(csv, "elapsed_s,requests,ok,4xx,5xx,errors,dropped,p50_ms,p99_ms,rss_mib,goroutines")
	}
	gr0, rss0 := goroutines(s.o.debug), rssMiB(s.o.pid)
	fmt.Fprintf(s.out, "rate %.0f/s for %s, %d connections; before the load: RSS %.1f MiB, goroutines %d\n\n",
		s.o.rate, s.o.duration, s.o.workers, rss0, gr0)
	fmt.Fprintln(s.out, "| elapsed | requests | 5xx | errors | dropped | p50 ms | p99 ms | RSS MiB | goroutines |")
	fmt.Fprintln(s.out, "|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() { s.send(stop) })
	start := time.Now()
	tick := time.NewTicker(s.o.interval)
	for range tick.C {
		s.line(csv, time.Since(start))
		if time.Since(start) >= s.o.duration {
			break
		}
	}
	tick.Stop()
	close(stop)
	wg.Wait()
	// Each open keep-alive connection holds a server goroutine: close them
	// before counting, so what remains is what the load left behind.
	s.g.client.CloseIdleConnections()
	time.Sleep(3 * time.Second)
	gr1, rss1 := goroutines(s.o.debug), rssMiB(s.o.pid)
	fmt.Fprintf(s.out, "\nafter the load, connections closed: RSS %.1f MiB, goroutines %d\n", rss1, gr1)
	s.verdict(gr0, gr1)
}

// verdict fails the run when goroutines outlive the load (more than 10
// above the count before it) or when resident memory in the second half of
// the run averages over 20 % more than in the first.
func (s *sampler) verdict(before, after int) {
	if before >= 0 && after > before+10 {
		fmt.Fprintf(s.out, "FAIL: %d goroutines after the load, %d before (leak?)\n", after, before)
		s.failed = true
	}
	n := len(s.rss)
	if n < 4 {
		fmt.Fprintln(s.out, "too few samples for a memory verdict")
		return
	}
	mean := func(xs []float64) float64 {
		t := 0.0
		for _, x := range xs {
			t += x
		}
		return t / float64(len(xs))
	}
	first, second := mean(s.rss[1:n/2]), mean(s.rss[n/2:]) // the first sample is warm-up
	fmt.Fprintf(s.out, "resident memory: first half %.1f MiB, second half %.1f MiB\n", first, second)
	if second > first*1.2 {
		fmt.Fprintln(s.out, "FAIL: resident memory grew by more than 20 %")
		s.failed = true
	}
}

// send dispatches requests at the rate to a pool of workers; when every
// worker is busy the request is counted as dropped (the server is behind).
func (s *sampler) send(stop chan struct{}) {
	jobs := make(chan struct{}, s.o.workers)
	var wg sync.WaitGroup
	for range s.o.workers {
		wg.Go(func() {
			for range jobs {
				s.g.one()
			}
		})
	}
	every := time.Duration(float64(time.Second) / s.o.rate)
	next := time.Now()
	for {
		select {
		case <-stop:
			close(jobs)
			wg.Wait()
			return
		default:
		}
		next = next.Add(every)
		if d := time.Until(next); d > 0 {
			time.Sleep(d)
		}
		select {
		case jobs <- struct{}{}:
		default:
			s.dropped.Add(1)
		}
	}
}

// line prints and records one interval.
func (s *sampler) line(csv io.Writer, elapsed time.Duration) {
	iv := s.g.take()
	n := iv.ok + iv.c4xx + iv.c5xx + iv.err
	rss, gr, dr := rssMiB(s.o.pid), goroutines(s.o.debug), s.dropped.Swap(0)
	s.rss = append(s.rss, rss)
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	fmt.Fprintf(s.out, "| %ds | %d | %d | %d | %d | %.1f | %.1f | %.1f | %d |\n", int(elapsed.Seconds()+0.5), n,
		iv.c5xx, iv.err, dr, ms(iv.p50), ms(iv.p99), rss, gr)
	if csv != nil {
		fmt.Fprintf(csv, "%d,%d,%d,%d,%d,%d,%d,%.2f,%.2f,%.1f,%d\n", int(elapsed.Seconds()+0.5), n, iv.ok, iv.c4xx,
			iv.c5xx, iv.err, dr, ms(iv.p50), ms(iv.p99), rss, gr)
	}
}

// rssMiB is the process's resident memory (VmRSS), 0 when unknown.
func rssMiB(pid int) float64 {
	if pid <= 0 {
		return 0
	}
	f, err := os.Open("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmRSS:"); ok {
			kb, _ := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 64)
			return kb / 1024
		}
	}
	return 0
}

// goroutines reads /debug/goroutines of PONTE_DEBUG_ADDR, -1 when unknown.
func goroutines(debug string) int {
	if debug == "" {
		return -1
	}
	c := &http.Client{Timeout: 2 * time.Second}
	resp, err := c.Get(strings.TrimRight(debug, "/") + "/debug/goroutines")
	if err != nil {
		return -1
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	n, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil {
		return -1
	}
	return n
}

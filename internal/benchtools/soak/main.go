// Command soak drives a running Ponte with a fixed request rate and samples
// its resident memory and goroutines, for `make reliability`.
//
//	soak -base http://127.0.0.1:8080 -paths /,/people,/proposals -max 10s
//	    measures the most requests per second 64 connections get (closed loop);
//	soak -base … -paths … -rate 300 -duration 10m -pid PID -debug http://127.0.0.1:6060 -csv soak.csv
//	    sends 300 requests/s (open loop: a slow server does not slow the
//	    sender down) and writes one line every -interval.
//
// A path written "member:/x" is requested with the -cookie header. The exit
// status is 1 when any response was a 5xx or a transport error.
package main

import (
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// target is one URL of the mix.
type target struct {
	url    string
	member bool
}

// opts are the command-line settings.
type opts struct {
	base, paths, cookie, csv, debug string
	rate                            float64
	max, duration, interval         time.Duration
	workers, pid                    int
}

func main() {
	var o opts
	flag.StringVar(&o.base, "base", "http://127.0.0.1:8080", "Ponte's base URL")
	flag.StringVar(&o.paths, "paths", "/", "comma-separated paths, requested in turn; member:/x sends the cookie")
	flag.StringVar(&o.cookie, "cookie", "", "Cookie header for member: paths")
	flag.DurationVar(&o.max, "max", 0, "measure the maximum rate for this long, then exit")
	flag.Float64Var(&o.rate, "rate", 0, "requests per second (open loop)")
	flag.DurationVar(&o.duration, "duration", time.Minute, "how long to send at -rate")
	flag.DurationVar(&o.interval, "interval", 10*time.Second, "sampling interval")
	flag.IntVar(&o.workers, "workers", 64, "connections")
	flag.IntVar(&o.pid, "pid", 0, "Ponte's process id, for its resident memory")
	flag.StringVar(&o.debug, "debug", "", "Ponte's PONTE_DEBUG_ADDR as a URL, for the goroutine count")
	flag.StringVar(&o.csv, "csv", "", "write the samples to this CSV file")
	flag.Parse()
	ts := targets(o.base, o.paths)
	client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: o.workers},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	g := &gen{client: client, targets: ts, cookie: o.cookie}
	if o.max > 0 {
		n := g.closedLoop(o.workers, o.max)
		fmt.Printf("max_rps %.0f\n", float64(n)/o.max.Seconds())
		os.Exit(g.exitCode())
	}
	if o.rate <= 0 {
		fmt.Fprintln(os.Stderr, "soak: give -max D or -rate R")
		os.Exit(2)
	}
	s := &sampler{o: o, g: g}
	s.run()
	code := g.exitCode()
	if s.failed {
		code = 1
	}
	os.Exit(code)
}

func targets(base, paths string) []target {
	var ts []target
	for _, p := range strings.Split(paths, ",") {
		if p = strings.TrimSpace(p); p == "" {
			continue
		}
		m := strings.HasPrefix(p, "member:")
		ts = append(ts, target{url: strings.TrimRight(base, "/") + strings.TrimPrefix(p, "member:"), member: m})
	}
	return ts
}

// gen sends requests and counts what came back.
type gen struct {
	client  *http.Client
	targets []target
	cookie  string
	next    atomic.Int64

	mu                  sync.Mutex
	lat                 []time.Duration // this interval's latencies
	ok, c4xx, c5xx, err int64           // this interval
	tot5xx, totErr      atomic.Int64
}

// one sends the next request of the mix.
func (g *gen) one() {
	t := g.targets[int(g.next.Add(1)-1)%len(g.targets)]
	req, _ := http.NewRequest("GET", t.url, nil)
	if t.member && g.cookie != "" {
		req.Header.Set("Cookie", g.cookie)
	}
	start := time.Now()
	resp, err := g.client.Do(req)
	if err == nil {
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
	d := time.Since(start)
	g.mu.Lock()
	defer g.mu.Unlock()
	g.lat = append(g.lat, d)
	switch {
	case err != nil:
		g.err++
		g.totErr.Add(1)
	case resp.StatusCode >= 500:
		g.c5xx++
		g.tot5xx.Add(1)
	case resp.StatusCode >= 400:
		g.c4xx++
	default:
		g.ok++
	}
}

// closedLoop runs workers back to back for d and returns the count.
func (g *gen) closedLoop(workers int, d time.Duration) int64 {
	var n atomic.Int64
	deadline := time.Now().Add(d)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for time.Now().Before(deadline) {
				g.one()
				n.Add(1)
			}
		})
	}
	wg.Wait()
	return n.Load()
}

// interval is one sampling period's counts.
type interval struct {
	ok, c4xx, c5xx, err int64
	p50, p99            time.Duration
}

// take returns and resets the interval's counts.
func (g *gen) take() interval {
	g.mu.Lock()
	defer g.mu.Unlock()
	iv := interval{ok: g.ok, c4xx: g.c4xx, c5xx: g.c5xx, err: g.err}
	slices.Sort(g.lat)
	if n := len(g.lat); n > 0 {
		iv.p50, iv.p99 = g.lat[n/2], g.lat[min(n-1, n*99/100)]
	}
	g.lat, g.ok, g.c4xx, g.c5xx, g.err = g.lat[:0], 0, 0, 0, 0
	return iv
}

func (g *gen) exitCode() int {
	if g.tot5xx.Load() > 0 || g.totErr.Load() > 0 {
		fmt.Printf("FAIL: %d responses 5xx, %d transport errors\n", g.tot5xx.Load(), g.totErr.Load())
		return 1
	}
	return 0
}

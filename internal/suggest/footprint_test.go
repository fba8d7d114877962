package suggest

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"
	"time"
)

// footprintEnv makes the test binary, run again as a child, measure one
// build in a fresh process: the parent's own data would blur the figures.
const footprintEnv = "PONTE_SUGGEST_FOOTPRINT_CHILD"

// TestFootprint reports the build time and memory of a model of the
// embedded taxonomy, measured in a child process, and checks the issue's
// budget: a few seconds, under 150 MB resident.
func TestFootprint(t *testing.T) {
	if os.Getenv(footprintEnv) != "" {
		footprintChild()
		return
	}
	if _, err := os.Stat("/proc/self/status"); err != nil || raceEnabled {
		t.Skip("needs Linux /proc and no race detector")
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, "-test.run=^TestFootprint$")
	cmd.Env = append(os.Environ(), footprintEnv+"=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	f := parseFootprint(t, string(out))
	t.Logf("build %.0f ms; heap after build %.1f MB; resident %.1f MB (peak %.1f MB)", f["build_ms"], f["heap_mb"], f["rss_mb"], f["hwm_mb"])
	if f["build_ms"] > 5000 {
		t.Errorf("build took %.0f ms, over 5 s", f["build_ms"])
	}
	if f["rss_mb"] > 150 {
		t.Errorf("resident memory %.1f MB, over 150 MB", f["rss_mb"])
	}
}

// footprintChild builds a model and prints its footprint.
func footprintChild() {
	start := time.Now()
	m, err := Build(context.Background(), FromEmbedded(), Options{})
	if err != nil {
		fmt.Println("error:", err)
		os.Exit(1)
	}
	elapsed := time.Since(start)
	debug.FreeOSMemory() // what the build freed goes back before we look
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	status, _ := os.ReadFile("/proc/self/status")
	fmt.Printf("FOOTPRINT build_ms=%d heap_mb=%.1f rss_mb=%.1f hwm_mb=%.1f\n", elapsed.Milliseconds(),
		float64(ms.HeapAlloc)/(1<<20), procKB(string(status), "VmRSS")/1024, procKB(string(status), "VmHWM")/1024)
	runtime.KeepAlive(m)
}

// procKB reads a "Name:  123 kB" line of /proc/self/status.
func procKB(status, name string) float64 {
	m := regexp.MustCompile(name + `:\s+(\d+) kB`).FindStringSubmatch(status)
	if m == nil {
		return 0
	}
	v, _ := strconv.ParseFloat(m[1], 64)
	return v
}

// parseFootprint reads the child's FOOTPRINT line.
func parseFootprint(t *testing.T, out string) map[string]float64 {
	i := strings.Index(out, "FOOTPRINT ")
	if i < 0 {
		t.Fatalf("no footprint in the child's output:\n%s", out)
	}
	line, _, _ := strings.Cut(out[i+len("FOOTPRINT "):], "\n")
	f := map[string]float64{}
	for _, kv := range strings.Fields(line) {
		k, v, _ := strings.Cut(kv, "=")
		f[k], _ = strconv.ParseFloat(v, 64)
	}
	return f
}

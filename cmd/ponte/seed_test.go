package main

import (
	"strings"
	"testing"

	"github.com/ponte-platform/ponte/internal/sqlstore/sqltest"
)

// TestSeedCommand seeds a tiny scale, shows progress and a summary, and
// refuses to seed the same database again.
func TestSeedCommand(t *testing.T) {
	for _, b := range sqltest.Backends(t) {
		t.Run(b, func(t *testing.T) {
			db := sqltest.URL(t, b)
			t.Setenv("PONTE_LOG_LEVEL", "error")
			out, errOut, err := runCLIErr(t, "seed", "--database", db, "--scale", "0.005", "--seed", "3")
			if err != nil || !strings.Contains(out, "people: 101 (") || !strings.Contains(out, "6 real") ||
				!strings.Contains(out, "6 generated") || !strings.Contains(out, "ponte-seed-password") {
				t.Fatalf("seed: %q %v", out, err)
			}
			if !strings.Contains(errOut, "people: 101/101 (") {
				t.Errorf("no progress: %q", errOut)
			}
			_, _, err = runCLIErr(t, "seed", "--database", db, "--scale", "0.005")
			if err == nil || !strings.Contains(err.Error(), "already has members") {
				t.Fatalf("second seed: %v", err)
			}
		})
	}
}

func TestSeedCommandUsage(t *testing.T) {
	for _, args := range [][]string{{"seed"}, {"seed", "--scale", "0"}, {"seed", "--scale", "x"}, {"seed", "--scale", "1", "extra"}} {
		if _, err := runCLI(t, args...); err == nil || !strings.Contains(err.Error(), "usage: ponte seed") {
			t.Errorf("%v: %v", args, err)
		}
	}
}

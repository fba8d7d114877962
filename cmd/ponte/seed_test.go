package main

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ponte-platform/ponte/internal/seed"
	"github.com/ponte-platform/ponte/internal/sqlstore"
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
			if !strings.Contains(out, "proposals: 37 (") {
				t.Errorf("no proposals: %q", out)
			}
			if path := sqlstore.SQLiteFile(db); path != "" {
				if _, err := os.Stat(path + ".seeding"); !errors.Is(err, os.ErrNotExist) {
					t.Errorf("build file left behind: %v", err)
				}
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

// TestSeedSQLiteFileAtomic interrupts a SQLite seed while it commits
// batches into its build file: the build file is removed and the database
// is as it was (taxonomy loaded, no members). A full run afterwards moves
// the build into place and the server can open it.
func TestSeedSQLiteFileAtomic(t *testing.T) {
	t.Setenv("PONTE_LOG_LEVEL", "error")
	path := filepath.Join(t.TempDir(), "ponte.db")
	url := "sqlite://" + path
	cfg := &config{DatabaseURL: url, LogLevel: "error"}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	a, err := open(ctx, cfg, log)
	if err != nil {
		t.Fatal(err)
	}
	var sawBuild bool
	_, err = seedSQLiteFile(ctx, a, path, seed.Options{Scale: 0.3, Seed: 5, Progress: func(p seed.Progress) {
		if p.Phase == "people" && p.Done >= 5000 { // two batches committed into the build file
			_, statErr := os.Stat(path + ".seeding")
			sawBuild = statErr == nil
			cancel()
		}
	}}, io.Discard)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("interrupted seed: %v", err)
	}
	if !sawBuild {
		t.Error("no build file while seeding")
	}
	if _, err := os.Stat(path + ".seeding"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("build file left after the interruption: %v", err)
	}
	st := sqltest.OpenURL(t, url)
	var users, concepts int
	st.DB().Writer().QueryRow("SELECT count(*) FROM users").Scan(&users)
	st.DB().Writer().QueryRow("SELECT count(*) FROM concepts").Scan(&concepts)
	if users != 0 || concepts == 0 {
		t.Errorf("after the interruption: %d users, %d concepts", users, concepts)
	}
	st.DB().Close()

	out, _, err := runCLIErr(t, "seed", "--database", url, "--scale", "0.002", "--date", "2026-11-01")
	if err != nil || !strings.Contains(out, "people: 40 (") {
		t.Fatalf("seed: %q %v", out, err)
	}
	st = sqltest.OpenURL(t, url)
	st.DB().Writer().QueryRow("SELECT count(*) FROM users").Scan(&users)
	var deadline string
	st.DB().Writer().QueryRow("SELECT min(deadline) FROM proposals WHERE status = 'published' AND deadline <> ''").Scan(&deadline)
	if users != 40 || deadline <= "2026-11-01" {
		t.Errorf("after the seed: %d users, earliest open deadline %q", users, deadline)
	}
}

// Package e2e tests Ponte end to end: the real binary, a real database
// (SQLite always, PostgreSQL when PONTE_TEST_POSTGRES_URL is set), a real
// SMTP server as the mail sink and a real browser (Chromium driven by
// chromedp), with an axe-core accessibility audit of the pages on the way.
//
// TestMain builds ./cmd/ponte once; each test starts its own server process
// on a fresh database, so tests run in parallel and share nothing but the
// browser process (each test gets its own browser context, so cookies and
// storage are private to it).
package e2e

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

// ponteBin is the path of the binary that TestMain built; empty under -short.
var ponteBin string

// TestMain builds the binary once for every test of the package.
func TestMain(m *testing.M) {
	os.Exit(runTests(m))
}

func runTests(m *testing.M) int {
	flag.Parse()
	if testing.Short() {
		return m.Run() // every test skips: the e2e suite is not short
	}
	dir, err := os.MkdirTemp("", "ponte-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e: temp dir:", err)
		return 1
	}
	defer os.RemoveAll(dir)
	if ponteBin, err = buildBinary(dir); err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	defer closeBrowser()
	code := m.Run()
	report(fmt.Sprintf("browser e2e: %d browser sessions audited by axe-core in %s", tabsOpened.Load(), chromiumVersion()))
	return code
}

// tabsOpened counts browser sessions, so the test command can show that the
// browser tests really ran (a skipped suite reports 0).
var tabsOpened atomic.Int64

// report appends a line to $PONTE_TEST_REPORT, which the test command prints
// after go test's terse package lines.
func report(line string) {
	fmt.Println(line)
	if p := os.Getenv("PONTE_TEST_REPORT"); p != "" {
		if f, err := os.OpenFile(p, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644); err == nil {
			fmt.Fprintln(f, line)
			f.Close()
		}
	}
}

func chromiumVersion() string {
	out, err := exec.Command(chromiumPath, "--version").Output()
	if err != nil {
		return "no Chromium"
	}
	return strings.TrimSpace(string(out))
}

// buildBinary compiles ./cmd/ponte into dir, so the tests run exactly what
// an operator would run.
func buildBinary(dir string) (string, error) {
	root, err := repoRoot()
	if err != nil {
		return "", err
	}
	bin := filepath.Join(dir, "ponte")
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/ponte")
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build ./cmd/ponte: %w\n%s", err, out)
	}
	return bin, nil
}

// repoRoot is the directory holding go.mod, found from the package
// directory (go test runs a package's tests in its own directory).
func repoRoot() (string, error) {
	wd, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("repo root: %w", err)
	}
	for dir := wd; ; dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		if filepath.Dir(dir) == dir {
			return "", fmt.Errorf("repo root: no go.mod above %s", wd)
		}
	}
}

// requireBinary skips the test under -short, where TestMain builds nothing.
func requireBinary(t *testing.T) {
	t.Helper()
	if ponteBin == "" {
		t.Skip("end-to-end tests do not run with -short")
	}
}

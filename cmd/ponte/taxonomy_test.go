package main

import (
	"archive/zip"
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ponte-platform/ponte/internal/sqlstore/sqltest"
)

const italianRelease = "../../internal/taxonomy/testdata/esco_it"

// runCLIErr is runCLI keeping stderr too.
func runCLIErr(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	err := run(context.Background(), args, &out, &errb)
	return out.String(), errb.String(), err
}

// TestTaxonomyCommands: the first run loads the embedded taxonomy, an
// Italian release is imported with its bad row reported by file and line,
// and status shows both languages.
func TestTaxonomyCommands(t *testing.T) {
	for _, b := range sqltest.Backends(t) {
		t.Run(b, func(t *testing.T) {
			db := sqltest.URL(t, b)
			t.Setenv("PONTE_LOG_LEVEL", "error")
			if out, err := runCLI(t, "migrate", "--database", db); err != nil || !strings.Contains(out, "up to date") {
				t.Fatalf("migrate: %q %v", out, err)
			}
			out, err := runCLI(t, "taxonomy", "status", "--database", db)
			if err != nil || !strings.Contains(out, "languages              en\n") || !strings.Contains(out, "version                1\n") {
				t.Fatalf("status after the first run: %q %v", out, err)
			}
			out, errs, err := runCLIErr(t, "taxonomy", "import", "--database", db, "--lang", "it", italianRelease)
			if err != nil || !strings.Contains(out, "skills_it.csv: 5 rows") || !strings.Contains(out, "occupations_it.csv: not in this release") ||
				!strings.Contains(out, "Taxonomy version 2.") || !strings.Contains(errs, "skipped: skills_it.csv line 12:") {
				t.Fatalf("import: %q %q %v", out, errs, err)
			}
			out, _ = runCLI(t, "taxonomy", "status", "--database", db)
			if !strings.Contains(out, "languages              en,it\n") {
				t.Fatalf("status after the import: %q", out)
			}
		})
	}
}

func TestTaxonomyImportZipAndUsage(t *testing.T) {
	t.Setenv("PONTE_LOG_LEVEL", "error")
	db := sqltest.URL(t, "sqlite")
	zipPath := filepath.Join(t.TempDir(), "ESCO dataset - v1.1.1 - classification - it - csv.zip")
	writeZip(t, zipPath, "v1.1.1/", italianRelease)
	out, _, err := runCLIErr(t, "taxonomy", "import", "--database", db, "--lang", "it", zipPath)
	if err != nil || !strings.Contains(out, "5 labels") {
		t.Fatalf("zip import: %q %v", out, err)
	}
	for _, args := range [][]string{{"taxonomy"}, {"taxonomy", "frob"}, {"taxonomy", "import", "--database", db, italianRelease},
		{"taxonomy", "import", "--database", db, "--lang", "it", "/nonexistent"},
		{"taxonomy", "import", "--database", db, "--lang", "de", italianRelease}} {
		if _, _, err := runCLIErr(t, args...); err == nil {
			t.Errorf("%v: no error", args)
		}
	}
}

// writeZip packs the files of dir into a zip, under prefix.
func writeZip(t *testing.T, zipPath, prefix, dir string) {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		w, _ := zw.Create(prefix + e.Name())
		w.Write(data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(zipPath, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

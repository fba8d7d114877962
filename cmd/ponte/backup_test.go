package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ponte-platform/ponte/internal/sqlstore/sqltest"
)

// TestBackupCommands backs up a seeded SQLite database, refuses to
// overwrite the file, restores it over a changed database and finds the
// seeded data again; PostgreSQL is pointed to pg_dump.
func TestBackupCommands(t *testing.T) {
	t.Setenv("PONTE_LOG_LEVEL", "error")
	dir := t.TempDir()
	db := "sqlite://" + filepath.Join(dir, "ponte.db")
	if _, _, err := runCLIErr(t, "seed", "--database", db, "--scale", "0.002"); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "backup.db")
	out, _, err := runCLIErr(t, "backup", "--database", db, file)
	if err != nil || !strings.Contains(out, "integrity check ok") {
		t.Fatalf("backup: %q %v", out, err)
	}
	if _, _, err := runCLIErr(t, "backup", "--database", db, file); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("second backup to the same file: %v", err)
	}
	// Change the database, then restore: the change is gone.
	if _, _, err := runCLIErr(t, "user", "create", "--database", db, "--email", "late@example.org",
		"--password", "a-long-enough-password"); err != nil {
		t.Fatal(err)
	}
	if out, _, err := runCLIErr(t, "restore", "--database", db, file); err != nil || !strings.Contains(out, "restored") {
		t.Fatalf("restore: %q %v", out, err)
	}
	st := sqltest.OpenURL(t, db)
	var users, late int
	st.DB().Writer().QueryRow("SELECT count(*) FROM users").Scan(&users)
	st.DB().Writer().QueryRow("SELECT count(*) FROM users WHERE email = 'late@example.org'").Scan(&late)
	if users != 40 || late != 0 {
		t.Errorf("after restore: %d users, late account %d", users, late)
	}
	if _, _, err := runCLIErr(t, "restore", "--database", db, filepath.Join(dir, "missing.db")); err == nil {
		t.Error("restored a missing file")
	}
	os.WriteFile(filepath.Join(dir, "junk.db"), []byte("junk"), 0o600)
	if _, _, err := runCLIErr(t, "restore", "--database", db, filepath.Join(dir, "junk.db")); err == nil {
		t.Error("restored a junk file")
	}
	if _, _, err := runCLIErr(t, "backup", "--database", "postgres://x@127.0.0.1:1/none", file+"2"); err == nil ||
		!strings.Contains(err.Error(), "pg_dump") {
		t.Errorf("PostgreSQL backup: %v", err)
	}
	if _, _, err := runCLIErr(t, "backup"); err == nil || !strings.Contains(err.Error(), "usage: ponte backup") {
		t.Errorf("backup without a file: %v", err)
	}
}

package sqlstore_test

import (
	"bufio"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/sqlstore"
	"github.com/ponte-platform/ponte/internal/sqlstore/sqltest"
)

// TestBackupWhileWriting backs up a SQLite database while goroutines keep
// committing transactions (an account and its profile each), restores the
// backup into a new path and checks that the copy is one consistent
// moment: integrity and foreign keys hold, every account has its profile
// (no half transaction), it holds at least what was committed before the
// backup began and at most what was committed by its end, and its rows are
// exactly the source's rows up to its highest id. The restored database
// has the same content as the backup.
func TestBackupWhileWriting(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	src := filepath.Join(dir, "ponte.db")
	st := sqltest.OpenURL(t, "sqlite://"+src)
	writeAccounts(t, ctx, st, 0, 200) // something to copy before the writers start
	// 32 MB of filler, so that the copy takes long enough for writers to
	// commit while it runs.
	w := st.DB().Writer()
	if _, err := w.Exec(`CREATE TABLE filler (b BLOB)`); err != nil {
		t.Fatal(err)
	}
	if _, err := w.Exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)
		INSERT INTO filler SELECT randomblob(16000) FROM n`); err != nil {
		t.Fatal(err)
	}

	var stop atomic.Bool
	var committed atomic.Int64
	committed.Store(200)
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for w := range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; !stop.Load(); i++ {
				if err := writeAccount(ctx, st, fmt.Sprintf("w%d-%d", w, i)); err != nil {
					errs <- err
					return
				}
				committed.Add(1)
			}
		}()
	}
	time.Sleep(100 * time.Millisecond)
	before := committed.Load()
	backup := filepath.Join(dir, "backup.db")
	if err := st.DB().Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	time.Sleep(50 * time.Millisecond)
	stop.Store(true)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	after := countRows(t, openRaw(t, src), "users")

	copyDB := openRaw(t, backup)
	n := countRows(t, copyDB, "users")
	if int64(n) < before || n > after {
		t.Errorf("backup has %d accounts; committed before it began %d, at the end %d", n, before, after)
	}
	if after <= n {
		t.Errorf("the writers committed nothing during the backup (%d accounts before, %d after): the test proves nothing", n, after)
	}
	t.Logf("accounts committed before the backup began: %d; in the backup: %d; at the end: %d", before, n, after)
	if p := countRows(t, copyDB, "profiles"); p != n {
		t.Errorf("backup has %d accounts but %d profiles: a transaction was cut", n, p)
	}
	checkFKs(t, copyDB)
	var maxID int64
	if err := copyDB.QueryRow("SELECT max(id) FROM users").Scan(&maxID); err != nil {
		t.Fatal(err)
	}
	if a, b := tableSum(t, copyDB, maxID), tableSum(t, openRaw(t, src), maxID); a != b {
		t.Errorf("the backup's accounts differ from the source's up to id %d", maxID)
	}

	restored := filepath.Join(dir, "restored", "ponte.db")
	os.MkdirAll(filepath.Dir(restored), 0o755)
	os.WriteFile(restored+"-wal", []byte("stale"), 0o600) // must not be replayed into the restored file
	if err := sqlstore.Restore(ctx, backup, restored); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(restored + "-wal"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("stale -wal left beside the restored database: %v", err)
	}
	rst := sqltest.OpenURL(t, "sqlite://"+restored) // opens (and migrates) like the server
	if a, b := tableSum(t, rst.DB().Writer(), maxID), tableSum(t, copyDB, maxID); a != b {
		t.Error("the restored database differs from the backup")
	}
	if got := countRows(t, rst.DB().Writer(), "users"); got != n {
		t.Errorf("restored %d accounts, backup has %d", got, n)
	}
}

// TestBackupRefusals: an existing file is not overwritten, a file that is
// not a Ponte database is not restored, and PostgreSQL is pointed to its
// own tools.
func TestBackupRefusals(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	st := sqltest.OpenURL(t, "sqlite://"+filepath.Join(dir, "ponte.db"))
	existing := filepath.Join(dir, "existing.db")
	os.WriteFile(existing, []byte("keep me"), 0o600)
	if err := st.DB().Backup(ctx, existing); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("backup over an existing file: %v", err)
	}
	if b, _ := os.ReadFile(existing); string(b) != "keep me" {
		t.Error("the existing file was changed")
	}
	target := filepath.Join(dir, "target.db")
	if err := sqlstore.Restore(ctx, existing, target); err == nil {
		t.Error("restored a file that is not a database")
	}
	plain := filepath.Join(dir, "plain.db")
	db := openRaw(t, plain)
	db.Exec("CREATE TABLE x (a INTEGER)")
	db.Close()
	if err := sqlstore.Restore(ctx, plain, target); err == nil || !strings.Contains(err.Error(), "not a Ponte database") {
		t.Errorf("restored a SQLite file without migrations: %v", err)
	}
	if _, err := os.Stat(target); !errors.Is(err, os.ErrNotExist) {
		t.Error("a refused restore created the target")
	}
	for _, b := range sqltest.Backends(t) {
		if b != sqlstore.Postgres {
			continue
		}
		pg := sqltest.Open(t, b)
		if err := pg.DB().Backup(ctx, filepath.Join(dir, "pg.db")); !errors.Is(err, sqlstore.ErrBackupPostgres) {
			t.Errorf("PostgreSQL backup: %v", err)
		}
	}
}

// writeAccounts commits accounts from..to, one transaction each.
func writeAccounts(t *testing.T, ctx context.Context, st *sqlstore.Store, from, to int) {
	t.Helper()
	for i := from; i < to; i++ {
		if err := writeAccount(ctx, st, fmt.Sprint(i)); err != nil {
			t.Fatal(err)
		}
	}
}

// writeAccount commits an account and its profile in one transaction.
func writeAccount(ctx context.Context, st *sqlstore.Store, key string) error {
	return st.Tx(ctx, func(tx ponte.Store) error {
		now := time.Now().UTC()
		u := &ponte.User{Email: "u" + key + "@example.org", DisplayName: "User " + key, Role: ponte.RoleMember,
			Lang: "en", CreatedAt: now, UpdatedAt: now}
		if err := tx.CreateUser(ctx, u); err != nil {
			return err
		}
		p := ponte.NewProfile(u)
		p.Headline, p.Country, p.CreatedAt, p.UpdatedAt = "Tester "+key, "IT", now, now
		return tx.SaveProfile(ctx, p)
	})
}

// openRaw opens a SQLite file directly, closed when the test ends.
func openRaw(t *testing.T, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(10000)")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func countRows(t *testing.T, db *sql.DB, table string) int {
	t.Helper()
	var n int
	if err := db.QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// checkFKs fails on any foreign-key violation or integrity problem.
func checkFKs(t *testing.T, db *sql.DB) {
	t.Helper()
	rows, err := db.Query("PRAGMA foreign_key_check")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	if rows.Next() {
		t.Error("the backup has foreign-key violations")
	}
	var ok string
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&ok); err != nil || ok != "ok" {
		t.Errorf("integrity_check: %q %v", ok, err)
	}
}

// tableSum hashes the accounts and profiles with ids up to maxID.
func tableSum(t *testing.T, db *sql.DB, maxID int64) string {
	t.Helper()
	h := sha256.New()
	rows, err := db.Query(`SELECT u.id, u.email, u.display_name, p.headline FROM users u
		JOIN profiles p ON p.user_id = u.id WHERE u.id <= ? ORDER BY u.id`, maxID)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var e, n, hl string
		if err := rows.Scan(&id, &e, &n, &hl); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(h, "%d|%s|%s|%s\n", id, e, n, hl)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// TestRestoreRefusesOpenDatabase: while another process (a stand-in for
// the server) has the database open, restore refuses; once it exits,
// restore goes ahead.
func TestRestoreRefusesOpenDatabase(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	target := filepath.Join(dir, "ponte.db")
	st := sqltest.OpenURL(t, "sqlite://"+target)
	writeAccounts(t, ctx, st, 0, 3)
	backup := filepath.Join(dir, "backup.db")
	if err := st.DB().Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	st.DB().Close()

	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperHoldDatabase$")
	cmd.Env = append(os.Environ(), "PONTE_HOLD_DB="+target)
	stdin, _ := cmd.StdinPipe()
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if line, err := bufio.NewReader(stdout).ReadString('\n'); err != nil || !strings.HasPrefix(line, "holding") {
		t.Fatalf("helper: %q %v", line, err)
	}
	if err := sqlstore.Restore(ctx, backup, target); !errors.Is(err, sqlstore.ErrInUse) {
		t.Errorf("restore under a running server: %v, want ErrInUse", err)
	}
	stdin.Close()
	cmd.Wait()
	if err := sqlstore.Restore(ctx, backup, target); err != nil {
		t.Errorf("restore once the server is gone: %v", err)
	}
}

// TestHelperHoldDatabase keeps the database named by PONTE_HOLD_DB open,
// as a server does, until its standard input closes. It does nothing in a
// normal test run.
func TestHelperHoldDatabase(t *testing.T) {
	path := os.Getenv("PONTE_HOLD_DB")
	if path == "" {
		t.Skip("helper process for TestRestoreRefusesOpenDatabase")
	}
	db, err := sqlstore.Open(context.Background(), "sqlite://"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.Writer().QueryRow("SELECT count(*) FROM users").Scan(&n); err != nil {
		t.Fatal(err)
	}
	fmt.Println("holding", n)
	io.Copy(io.Discard, os.Stdin)
}

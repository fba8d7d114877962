package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
)

// ErrBackupPostgres is returned by Backup on PostgreSQL, whose own tools
// (pg_dump, pg_basebackup with WAL archiving) are the way to back it up.
var ErrBackupPostgres = errors.New("backups of PostgreSQL are made with its own tools: " +
	"pg_dump -Fc for a logical copy, pg_basebackup with WAL archiving for point-in-time recovery " +
	"(see docs/operations.md)")

// SnapshotTo writes a consistent copy of a SQLite database to path, which
// must not exist, with VACUUM INTO on a read connection: it reads one
// snapshot (WAL lets the writer go on meanwhile) and writes a compact new
// file. It does not check the copy; Backup does.
func (db *DB) SnapshotTo(ctx context.Context, path string) error {
	if db.dialect != SQLite {
		return ErrBackupPostgres
	}
	if _, err := os.Lstat(path); err == nil {
		return fmt.Errorf("sqlstore: %s already exists; not overwriting it", path)
	} else if !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("sqlstore: backup: %w", err)
	}
	conn, err := db.r.Conn(ctx)
	if err != nil {
		return fmt.Errorf("sqlstore: backup: %w", err)
	}
	defer conn.Close()
	// The read pool is query_only, which forbids VACUUM INTO; lift it on
	// this connection for the statement, and put it back whatever happens.
	if _, err := conn.ExecContext(ctx, "PRAGMA query_only = 0"); err != nil {
		return fmt.Errorf("sqlstore: backup: %w", err)
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), "PRAGMA query_only = 1")
	if _, err := conn.ExecContext(ctx, "VACUUM INTO ?", path); err != nil {
		os.Remove(path) // a partial copy is of no use
		return fmt.Errorf("sqlstore: backup to %s: %w", path, err)
	}
	return nil
}

// Backup writes a consistent online copy of a SQLite database to path (see
// SnapshotTo), checks it (VerifyBackup) and flushes it to disk. The copy is
// removed if the check fails.
func (db *DB) Backup(ctx context.Context, path string) error {
	if err := db.SnapshotTo(ctx, path); err != nil {
		return err
	}
	if err := VerifyBackup(ctx, path); err != nil {
		os.Remove(path)
		return err
	}
	return SyncFile(path)
}

// VerifyBackup checks that path is a sound Ponte SQLite database: PRAGMA
// integrity_check says ok and it has the migrations table with at least
// one applied migration. It opens the file read-only.
func VerifyBackup(ctx context.Context, path string) error {
	if _, err := os.Stat(path); err != nil {
		return fmt.Errorf("sqlstore: %w", err)
	}
	u := "file:" + (&url.URL{Path: path}).EscapedPath() + "?mode=ro&_pragma=query_only(1)"
	db, err := sql.Open("sqlite", u)
	if err != nil {
		return fmt.Errorf("sqlstore: open %s: %w", path, err)
	}
	defer db.Close()
	var res string
	if err := db.QueryRowContext(ctx, "PRAGMA integrity_check(1)").Scan(&res); err != nil {
		return fmt.Errorf("sqlstore: %s is not a SQLite database: %w", path, err)
	}
	if res != "ok" {
		return fmt.Errorf("sqlstore: %s failed the integrity check: %s", path, res)
	}
	var version int64
	err = db.QueryRowContext(ctx, `SELECT COALESCE(max(version_id), 0) FROM goose_db_version
		WHERE is_applied`).Scan(&version)
	if err != nil || version < 1 {
		return fmt.Errorf("sqlstore: %s is not a Ponte database (no applied migrations): %v", path, err)
	}
	return nil
}

// ErrInUse is returned by Restore when a process (a running server) has
// the target database open.
var ErrInUse = errors.New("the database is open in another process: stop the server before restoring")

// Restore replaces the SQLite database at target with the backup at src,
// after checking it (VerifyBackup). The server must be stopped: the copy is
// written beside the target (target + ".restoring"), flushed, the target's
// stale -wal and -shm files are removed, and the copy is renamed into
// place, so the target is at every moment either the old database or the
// whole new one. A target that another process has open (seen through the
// locks SQLite holds on its -shm file) is refused with ErrInUse.
func Restore(ctx context.Context, src, target string) error {
	if err := VerifyBackup(ctx, src); err != nil {
		return err
	}
	if busy, err := InUse(target); err != nil {
		return fmt.Errorf("sqlstore: restore: %w", err)
	} else if busy {
		return ErrInUse
	}
	tmp := target + ".restoring"
	os.Remove(tmp) // left by an interrupted restore
	if err := copyFile(src, tmp); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("sqlstore: restore: %w", err)
	}
	if err := SyncFile(tmp); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("sqlstore: restore: %w", err)
	}
	if err := ReplaceFile(tmp, target); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("sqlstore: restore: %w", err)
	}
	return nil
}

// ReplaceFile renames a complete SQLite file over target, first removing
// the target's -wal and -shm files (a WAL left beside the new file would be
// replayed into it), and makes the change durable. No connection to target
// may be open.
func ReplaceFile(src, target string) error {
	for _, ext := range []string{"-wal", "-shm", "-journal"} {
		if err := os.Remove(target + ext); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
	}
	if err := os.Rename(src, target); err != nil {
		return err
	}
	return syncDir(filepath.Dir(target))
}

// copyFile copies src to a new file dst.
func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

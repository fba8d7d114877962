package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/ponte-platform/ponte/internal/sqlstore"
)

const backupUsage = `usage: ponte backup [--database URL] FILE

Writes a consistent copy of the SQLite database to FILE while the server
keeps running (VACUUM INTO reads one snapshot; writes go on meanwhile), then
checks the copy (PRAGMA integrity_check and the migrations table).
FILE must not exist. For PostgreSQL use pg_dump -Fc or pg_basebackup with
WAL archiving: see docs/operations.md.`

const restoreUsage = `usage: ponte restore [--database URL] FILE

Replaces the SQLite database with the backup FILE, after checking it.
Stop the server first (restore refuses while another process has the database
open). The backup is copied beside the database, flushed
and renamed into place (the database is at every moment either the old one
or the whole restored one); stale -wal and -shm files are removed.
PostgreSQL is restored with pg_restore: see docs/operations.md.`

// fileArgs parses the shared flags and one FILE argument.
func fileArgs(name string, args []string) (*config, string, error) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	cfg := loadConfig(fs)
	if err := fs.Parse(args); err != nil {
		return nil, "", err
	}
	if fs.NArg() != 1 || fs.Arg(0) == "" {
		return nil, "", fmt.Errorf("%s: give one FILE", name)
	}
	return cfg, fs.Arg(0), nil
}

// cmdBackup runs ponte backup.
func cmdBackup(ctx context.Context, args []string, stdout io.Writer) error {
	cfg, file, err := fileArgs("backup", args)
	if err != nil {
		return usageErr(err, backupUsage, stdout)
	}
	if sqlstore.SQLiteFile(cfg.DatabaseURL) == "" {
		return sqlstore.ErrBackupPostgres
	}
	db, err := sqlstore.Open(ctx, cfg.DatabaseURL)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.Backup(ctx, file); err != nil {
		return err
	}
	fi, err := os.Stat(file)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "backed up %s to %s (%d MiB), integrity check ok\n", cfg.DatabaseURL, file, fi.Size()>>20)
	return nil
}

// cmdRestore runs ponte restore.
func cmdRestore(ctx context.Context, args []string, stdout io.Writer) error {
	cfg, file, err := fileArgs("restore", args)
	if err != nil {
		return usageErr(err, restoreUsage, stdout)
	}
	target := sqlstore.SQLiteFile(cfg.DatabaseURL)
	if target == "" {
		return errors.New("restore: PostgreSQL is restored with pg_restore (or from a base backup): see docs/operations.md")
	}
	if err := sqlstore.Restore(ctx, file, target); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "restored %s from %s\n", target, file)
	return nil
}

// usageErr prints the usage for -h (no error) or joins it to err.
func usageErr(err error, usage string, stdout io.Writer) error {
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprintln(stdout, usage)
		return nil
	}
	return errors.Join(err, errors.New(usage))
}

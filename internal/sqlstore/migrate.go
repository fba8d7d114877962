package sqlstore

import (
	"context"
	"embed"
	"fmt"
	"io/fs"

	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"
)

//go:embed migrations/sqlite/*.sql migrations/postgres/*.sql
var migrationFS embed.FS

// MigrationStatus is one migration and whether it is applied.
type MigrationStatus struct {
	Version int64
	Name    string
	Applied bool
}

func (db *DB) provider() (*goose.Provider, error) {
	dir, dialect := "migrations/sqlite", goose.DialectSQLite3
	if db.dialect == Postgres {
		dir, dialect = "migrations/postgres", goose.DialectPostgres
	}
	sub, err := fs.Sub(migrationFS, dir)
	if err != nil {
		return nil, fmt.Errorf("sqlstore: migrations: %w", err)
	}
	var opts []goose.ProviderOption
	if db.dialect == Postgres {
		locker, err := lock.NewPostgresSessionLocker()
		if err != nil {
			return nil, fmt.Errorf("sqlstore: migrations: %w", err)
		}
		opts = append(opts, goose.WithSessionLocker(locker))
	}
	p, err := goose.NewProvider(dialect, db.w, sub, opts...)
	if err != nil {
		return nil, fmt.Errorf("sqlstore: migrations: %w", err)
	}
	return p, nil
}

// Migrate applies every pending migration (forward only) and returns how many
// ran. On PostgreSQL goose holds an advisory lock, so two nodes starting at
// once do not race. On SQLite the migrations keep their temporary data
// (statement journals, sorts) in files rather than in memory as the server
// does: an UPDATE of every proposal at scale 100 (migration 17) otherwise
// held the table's old pages in memory, 1.6 GB.
func (db *DB) Migrate(ctx context.Context) (int, error) {
	p, err := db.provider()
	if err != nil {
		return 0, err
	}
	if db.dialect == SQLite { // the writer pool's one connection runs the migrations
		if _, err := db.w.ExecContext(ctx, `PRAGMA temp_store = FILE`); err != nil {
			return 0, fmt.Errorf("sqlstore: migrate: %w", err)
		}
		defer db.w.ExecContext(context.WithoutCancel(ctx), `PRAGMA temp_store = MEMORY`)
	}
	res, err := p.Up(ctx)
	if err != nil {
		return len(res), fmt.Errorf("sqlstore: migrate: %w", err)
	}
	return len(res), nil
}

// MigrationStatuses lists every embedded migration with its state.
func (db *DB) MigrationStatuses(ctx context.Context) ([]MigrationStatus, error) {
	p, err := db.provider()
	if err != nil {
		return nil, err
	}
	st, err := p.Status(ctx)
	if err != nil {
		return nil, fmt.Errorf("sqlstore: migration status: %w", err)
	}
	out := make([]MigrationStatus, 0, len(st))
	for _, s := range st {
		out = append(out, MigrationStatus{Version: s.Source.Version, Name: s.Source.Path,
			Applied: s.State == goose.StateApplied})
	}
	return out, nil
}

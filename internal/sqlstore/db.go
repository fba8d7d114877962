// Package sqlstore is the only package that writes SQL. It implements
// ponte.Store for SQLite (modernc.org/sqlite, pure Go) and PostgreSQL (pgx
// through database/sql) with one code path: queries are written once with ?
// placeholders and rebound for PostgreSQL; only what truly differs lives in
// files named for a dialect.
package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"runtime"
	"strconv"
	"strings"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
	_ "modernc.org/sqlite"             // registers the "sqlite" driver
)

// Dialect names.
const (
	SQLite   = "sqlite"
	Postgres = "postgres"
)

// DB is an open database: a read pool and a write pool. On SQLite the write
// pool has a single connection and transactions start with BEGIN IMMEDIATE,
// so writers queue in Go instead of failing with SQLITE_BUSY; readers never
// block thanks to WAL. On PostgreSQL both pools are the same.
type DB struct {
	dialect string
	r, w    *sql.DB
}

// Open connects to a database named by a URL: "postgres://…" or
// "postgresql://…" for PostgreSQL; "sqlite:///abs/path.db",
// "sqlite://rel/path.db", "sqlite:path.db" or a bare file path for SQLite.
func Open(ctx context.Context, dbURL string) (*DB, error) {
	var db *DB
	var err error
	if strings.HasPrefix(dbURL, "postgres://") || strings.HasPrefix(dbURL, "postgresql://") {
		db, err = openPostgres(dbURL)
	} else {
		db, err = openSQLite(sqlitePath(dbURL))
	}
	if err != nil {
		return nil, err
	}
	if err := db.w.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("sqlstore: connect to %s: %w", db.dialect, err)
	}
	return db, nil
}

// sqlitePath turns the accepted SQLite URL forms into a file path.
func sqlitePath(s string) string {
	for _, p := range []string{"sqlite://", "sqlite:", "file:"} {
		if strings.HasPrefix(s, p) {
			s = strings.TrimPrefix(s, p)
			break
		}
	}
	if i := strings.IndexByte(s, '?'); i >= 0 {
		s = s[:i]
	}
	if s == "" {
		s = "ponte.db"
	}
	return s
}

// sqliteCacheKiB is each connection's SQLite page cache. The operating
// system caches the file anyway: at scale 100 (a 12 GB file) 8 MB per
// connection served uncached pages as fast as 32 MB did (a little faster)
// and kept the server at 271 MiB resident instead of 466 MiB after the
// same requests (docs/benchmarks.md, "Memory of the server").
const sqliteCacheKiB = 8000

func openSQLite(path string) (*DB, error) {
	pragmas := "_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=foreign_keys(1)" +
		"&_pragma=synchronous(NORMAL)&_pragma=temp_store(MEMORY)&_pragma=cache_size(-" + strconv.Itoa(sqliteCacheKiB) + ")"
	u := "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + pragmas
	w, err := sql.Open("sqlite", u+"&_txlock=immediate")
	if err != nil {
		return nil, fmt.Errorf("sqlstore: open sqlite: %w", err)
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxLifetime(0)
	r, err := sql.Open("sqlite", u+"&_pragma=query_only(1)")
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("sqlstore: open sqlite: %w", err)
	}
	n := max(4, 2*runtime.NumCPU())
	r.SetMaxOpenConns(n)
	r.SetMaxIdleConns(n)
	r.SetConnMaxIdleTime(5 * time.Minute)
	return &DB{dialect: SQLite, r: r, w: w}, nil
}

func openPostgres(dsn string) (*DB, error) {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, fmt.Errorf("sqlstore: open postgres: %w", err)
	}
	db.SetMaxOpenConns(max(8, 4*runtime.NumCPU()))
	db.SetMaxIdleConns(max(8, 4*runtime.NumCPU()))
	db.SetConnMaxIdleTime(5 * time.Minute)
	return &DB{dialect: Postgres, r: db, w: db}, nil
}

// Dialect returns SQLite or Postgres.
func (db *DB) Dialect() string { return db.dialect }

// Close closes both pools.
func (db *DB) Close() error {
	err := db.w.Close()
	if db.r != db.w {
		err = errors.Join(err, db.r.Close())
	}
	return err
}

// Writer returns the write pool, for tools (migrations, backups, bulk loads)
// that need the raw handle.
func (db *DB) Writer() *sql.DB { return db.w }

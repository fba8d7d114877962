package sqlstore

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/ponte-platform/ponte"
)

// SeedSession runs fn with a store for bulk seeding, all or nothing, in the
// way that suits the database:
//
//   - PostgreSQL: one transaction on one connection, which the Seed*
//     methods feed with COPY (pgx CopyFrom on the same connection); an
//     error rolls everything back.
//   - a SQLite file opened with OpenSeedFile: batches committed as they go
//     (commit), with journalling off. Atomicity comes from the file: the
//     caller builds into a temporary file and renames it into place only on
//     success, and deletes it on failure.
//   - any other SQLite database: one transaction (commit does nothing), as
//     for small seeds and tests.
//
// last, if not nil, runs after fn once the deferred indexes are built,
// in the same transaction (the last batch of a build file): the place to
// build derived data, such as the search index, all or nothing with the
// rows.
func (s *Store) SeedSession(ctx context.Context, fn func(tx ponte.Store, commit func() error) error,
	last func(tx ponte.Store) error) error {
	noop := func() error { return nil }
	if last == nil {
		last = func(ponte.Store) error { return nil }
	}
	both := func(tx ponte.Store, commit func() error) error {
		if err := fn(tx, commit); err != nil {
			return err
		}
		return last(tx)
	}
	if s.inTx {
		return both(s, noop)
	}
	if s.db.dialect == SQLite && !isSeedFile(s.db) {
		return s.Tx(ctx, func(tx ponte.Store) error { return both(tx, noop) })
	}
	conn, err := s.db.w.Conn(ctx)
	if err != nil {
		return mapErr("SeedSession", err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "BEGIN"); err != nil {
		return mapErr("SeedSession.begin", err)
	}
	// On PostgreSQL the Seed* methods see w is a *sql.Conn and COPY through it.
	tx := &Store{db: s.db, r: conn, w: conn, inTx: true}
	commit := noop
	drop := dropSeedIndexes
	if s.db.dialect == Postgres {
		drop = dropSeedIndexesPostgres
	}
	deferred, err := drop(ctx, conn) // indexes (and constraints) to build at the end
	if err != nil {
		conn.ExecContext(context.WithoutCancel(ctx), "ROLLBACK")
		return err
	}
	if s.db.dialect == SQLite {
		commit = func() error { // end the batch, start the next
			if _, err := conn.ExecContext(ctx, "COMMIT"); err != nil {
				return mapErr("SeedSession.commit", err)
			}
			_, err := conn.ExecContext(ctx, "BEGIN")
			return mapErr("SeedSession.begin", err)
		}
	}
	if err := fn(tx, commit); err != nil {
		// The context may be done: roll back regardless (on PostgreSQL a
		// lost connection rolls back too).
		_, rerr := conn.ExecContext(context.WithoutCancel(ctx), "ROLLBACK")
		if rerr != nil && s.db.dialect == Postgres {
			conn.Raw(func(any) error { return driver.ErrBadConn }) // do not reuse a connection in doubt
		}
		return err
	}
	for _, q := range deferred {
		if _, err := conn.ExecContext(ctx, q); err != nil {
			conn.ExecContext(context.WithoutCancel(ctx), "ROLLBACK")
			return mapErr("SeedSession.index", err)
		}
	}
	if s.db.dialect == Postgres {
		// The planner has no statistics of rows loaded in this
		// transaction (autovacuum cannot see them): last's queries
		// (the search index reads every profile) would be planned blind.
		if _, err := conn.ExecContext(ctx, "ANALYZE"); err != nil {
			conn.ExecContext(context.WithoutCancel(ctx), "ROLLBACK")
			return mapErr("SeedSession.analyze", err)
		}
	}
	if err := last(tx); err != nil {
		conn.ExecContext(context.WithoutCancel(ctx), "ROLLBACK")
		return err
	}
	_, err = conn.ExecContext(ctx, "COMMIT")
	return mapErr("SeedSession.commit", err)
}

// seedIndexedTables are the tables whose secondary indexes a SQLite build
// file creates after loading (by sorting, once) instead of updating them
// row by row: at millions of rows, random-order inserts into indexes such
// as profile_skills (concept_id, …) touch pages all over the file. Unique
// indexes stay, so a duplicate still fails at once; primary keys stay, so
// foreign keys are checked as rows come.
var seedIndexedTables = []string{"users", "profiles", "profile_languages", "profile_interests",
	"profile_skills", "endorsements", "org_members", "org_codes", "org_projects", "org_project_skills",
	"org_competences", "org_concepts", "proposals", "proposal_skills", "proposal_codes", "proposal_events"}

// dropSeedIndexes drops the deferrable indexes of seedIndexedTables and
// returns the statements that create them again.
func dropSeedIndexes(ctx context.Context, conn *sql.Conn) ([]string, error) {
	rows, err := conn.QueryContext(ctx, `SELECT name, sql FROM sqlite_master WHERE type = 'index'
		AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%' AND tbl_name IN (`+inList(len(seedIndexedTables))+`)
		ORDER BY name`, anySlice(seedIndexedTables)...)
	if err != nil {
		return nil, mapErr("SeedSession.indexes", err)
	}
	var names, create []string
	for rows.Next() {
		var name, q string
		if err := rows.Scan(&name, &q); err != nil {
			rows.Close()
			return nil, mapErr("SeedSession.indexes", err)
		}
		names, create = append(names, name), append(create, q)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, mapErr("SeedSession.indexes", err)
	}
	for _, n := range names {
		if _, err := conn.ExecContext(ctx, `DROP INDEX "`+n+`"`); err != nil {
			return nil, mapErr("SeedSession.indexes", err)
		}
	}
	return create, nil
}

func anySlice(xs []string) []any {
	out := make([]any, len(xs))
	for i, x := range xs {
		out[i] = x
	}
	return out
}

// seedFiles holds the DBs opened by OpenSeedFile (a set, so that DB itself
// needs no field for a seeding detail).
var seedFiles sync.Map

func isSeedFile(db *DB) bool { _, ok := seedFiles.Load(db); return ok }

// OpenSeedFile opens a new SQLite file to build a seed in: one connection
// for reading and writing, journalling and syncing off, a large page cache
// and exclusive locking. Nothing in it survives a crash, which is the
// point: the caller renames it into place only once complete (see
// SeedSession, SyncFile). path must be a file created by SnapshotTo or a
// migrated database.
func OpenSeedFile(ctx context.Context, path string, cacheMiB int) (*DB, error) {
	// threads: the sorts that build the deferred indexes at the end use
	// helper threads (about 12 % off those builds on 2 cores).
	pragmas := fmt.Sprintf("_pragma=busy_timeout(10000)&_pragma=journal_mode(OFF)&_pragma=synchronous(OFF)"+
		"&_pragma=foreign_keys(1)&_pragma=temp_store(FILE)&_pragma=cache_size(%d)&_pragma=locking_mode(EXCLUSIVE)"+
		"&_pragma=threads(%d)", -cacheMiB*1024, runtime.NumCPU())
	db, err := sql.Open("sqlite", "file:"+(&url.URL{Path: path}).EscapedPath()+"?"+pragmas)
	if err != nil {
		return nil, fmt.Errorf("sqlstore: open seed file: %w", err)
	}
	db.SetMaxOpenConns(1)
	db.SetMaxIdleConns(1)
	db.SetConnMaxLifetime(0)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("sqlstore: open seed file: %w", err)
	}
	d := &DB{dialect: SQLite, r: db, w: db}
	seedFiles.Store(d, true)
	return d, nil
}

// SyncFile flushes a file and its directory entry to stable storage, so a
// rename that follows is durable.
func SyncFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return syncDir(filepath.Dir(path))
}

// syncDir flushes a directory, making renames and removals in it durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}

// SQLiteFile returns the file path of a SQLite database URL (any form Open
// accepts), or "" for PostgreSQL.
func SQLiteFile(dbURL string) string {
	if strings.HasPrefix(dbURL, "postgres://") || strings.HasPrefix(dbURL, "postgresql://") {
		return ""
	}
	return sqlitePath(dbURL)
}

// AnalyzeSeedFile refreshes the query planner's statistics of a freshly
// built file (sampled, so it takes seconds even at a large scale).
func AnalyzeSeedFile(ctx context.Context, db *DB) error {
	if _, err := db.w.ExecContext(ctx, "PRAGMA analysis_limit = 1000"); err != nil {
		return fmt.Errorf("sqlstore: analyze: %w", err)
	}
	if _, err := db.w.ExecContext(ctx, "ANALYZE"); err != nil {
		return fmt.Errorf("sqlstore: analyze: %w", err)
	}
	return nil
}

// OpenSeedIndexFile opens a seeded build file (see OpenSeedFile) to build
// its search index: WAL, so a pool of readers loads content beside the
// one writer, as Open does, but tuned for a file that is not in service
// yet: the readers map the file (no read call per page missed in their
// small caches; the loaders read most of the file), the writer has
// cacheMiB of cache and skips syncing (the caller syncs the file before
// renaming it into place).
func OpenSeedIndexFile(ctx context.Context, path string, cacheMiB int) (*DB, error) {
	base := "file:" + (&url.URL{Path: path}).EscapedPath() + "?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)" +
		"&_pragma=foreign_keys(1)&_pragma=synchronous(OFF)&_pragma=temp_store(FILE)"
	w, err := sql.Open("sqlite", base+fmt.Sprintf("&_pragma=cache_size(%d)&_txlock=immediate", -cacheMiB*1024))
	if err != nil {
		return nil, fmt.Errorf("sqlstore: open seed file: %w", err)
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxLifetime(0)
	r, err := sql.Open("sqlite", base+fmt.Sprintf("&_pragma=cache_size(-%d)&_pragma=mmap_size(%d)&_pragma=query_only(1)",
		sqliteCacheKiB, seedMmapBytes))
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("sqlstore: open seed file: %w", err)
	}
	r.SetMaxOpenConns(4)
	r.SetMaxIdleConns(4)
	db := &DB{dialect: SQLite, r: r, w: w}
	if err := w.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("sqlstore: open seed file: %w", err)
	}
	return db, nil
}

// seedMmapBytes bounds the file mapping of OpenSeedIndexFile's readers
// (address space only: pages are the operating system's file cache).
const seedMmapBytes = 64 << 30

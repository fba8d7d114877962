// Package sqltest opens real, freshly migrated databases for tests: a SQLite
// file in a temporary directory, or a private schema in the PostgreSQL server
// named by PONTE_TEST_POSTGRES_URL. Under CI=true a missing PostgreSQL URL is
// a failure, not a skip, so a green CI always means both databases ran.
package sqltest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"github.com/ponte-platform/ponte/internal/sqlstore"
)

// PostgresURLEnv names the variable holding the test server's URL.
const PostgresURLEnv = "PONTE_TEST_POSTGRES_URL"

// Backends lists the databases a test should run on: always SQLite, and
// PostgreSQL when configured (required under CI).
func Backends(t testing.TB) []string {
	if os.Getenv(PostgresURLEnv) != "" {
		return []string{sqlstore.SQLite, sqlstore.Postgres}
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s is not set: under CI the PostgreSQL suite must run", PostgresURLEnv)
	}
	return []string{sqlstore.SQLite}
}

// URL returns a database URL for a fresh, empty database of the dialect:
// a new SQLite file or a new PostgreSQL schema, removed when t ends.
func URL(t testing.TB, dialect string) string {
	t.Helper()
	if dialect == sqlstore.SQLite {
		return "sqlite://" + filepath.Join(t.TempDir(), "ponte.db")
	}
	base := os.Getenv(PostgresURLEnv)
	if base == "" {
		t.Fatalf("%s is not set", PostgresURLEnv)
	}
	schema := "t_" + randHex(8)
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatalf("sqltest: %v", err)
	}
	defer admin.Close()
	if _, err := admin.Exec("CREATE SCHEMA " + schema); err != nil {
		t.Fatalf("sqltest: create schema: %v", err)
	}
	t.Cleanup(func() {
		db, err := sql.Open("pgx", base)
		if err == nil {
			db.Exec("DROP SCHEMA " + schema + " CASCADE")
			db.Close()
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("sqltest: bad %s: %v", PostgresURLEnv, err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// Open returns a migrated store on a fresh database of the dialect.
func Open(t testing.TB, dialect string) *sqlstore.Store {
	t.Helper()
	return OpenURL(t, URL(t, dialect))
}

// OpenURL opens and migrates the database at u, closing it when t ends.
func OpenURL(t testing.TB, u string) *sqlstore.Store {
	t.Helper()
	ctx := context.Background()
	db, err := sqlstore.Open(ctx, u)
	if err != nil {
		t.Fatalf("sqltest: open: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := db.Migrate(ctx); err != nil {
		t.Fatalf("sqltest: migrate: %v", err)
	}
	return sqlstore.New(db)
}

func randHex(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return hex.EncodeToString(b)
}

package sqlstore_test

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"reflect"
	"testing"

	"github.com/ponte-platform/ponte/internal/sqlstore"
	"github.com/ponte-platform/ponte/internal/sqlstore/sqltest"
)

// TestMigrationParity checks that both dialects end with the same tables and
// columns, and that both folders hold the same migration numbers.
func TestMigrationParity(t *testing.T) {
	backends := sqltest.Backends(t)
	if len(backends) < 2 {
		t.Skip("needs PostgreSQL too")
	}
	ctx := context.Background()
	schemas := map[string]map[string][]string{}
	for _, b := range backends {
		s := sqltest.Open(t, b)
		sc, err := s.DB().Schema(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(sc) == 0 {
			t.Fatalf("%s: no tables after migration", b)
		}
		schemas[b] = sc
	}
	if a, b := schemas[sqlstore.SQLite], schemas[sqlstore.Postgres]; !reflect.DeepEqual(a, b) {
		t.Fatalf("schemas differ:\nsqlite:   %v\npostgres: %v", a, b)
	}
}

func TestMigrationFoldersMatch(t *testing.T) {
	names := func(dir string) []string {
		entries, err := fs.ReadDir(os.DirFS("migrations"), dir)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, e := range entries {
			out = append(out, e.Name())
		}
		return out
	}
	a, b := names("sqlite"), names("postgres")
	if fmt.Sprint(a) != fmt.Sprint(b) {
		t.Fatalf("migration files differ:\nsqlite:   %v\npostgres: %v", a, b)
	}
}

func TestMigrateIsIdempotent(t *testing.T) {
	for _, b := range sqltest.Backends(t) {
		s := sqltest.Open(t, b)
		n, err := s.DB().Migrate(context.Background())
		if err != nil || n != 0 {
			t.Fatalf("%s: second migrate ran %d, err %v; want 0, nil", b, n, err)
		}
		st, err := s.DB().MigrationStatuses(context.Background())
		if err != nil || len(st) == 0 || !st[len(st)-1].Applied {
			t.Fatalf("%s: status %+v, %v", b, st, err)
		}
	}
}

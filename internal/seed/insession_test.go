package seed_test

import (
	"context"
	"errors"
	"testing"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/seed"
	"github.com/ponte-platform/ponte/internal/service"
	"github.com/ponte-platform/ponte/internal/sqlstore/sqltest"
)

// TestSeedSearchIndexInSession builds the search index in the seed
// session, as ponte seed does on PostgreSQL: a failure after the index is
// written leaves no row, no document and the schema (the GIN index) as it
// was; a run indexes every visible person and organisation, and a search
// finds a seeded person by name.
func TestSeedSearchIndexInSession(t *testing.T) {
	for _, b := range sqltest.Backends(t) {
		t.Run(b, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			e := newEnv(t, b)
			schema := SchemaSignature(t, e.db)
			boom := errors.New("boom")
			_, err := seed.Run(ctx, e.svc, e.st, seed.Options{Scale: testScale, Seed: 7,
				InSession: func(ctx context.Context, tx ponte.Store) error {
					if n, err := e.svc.RebuildSearchIndexIn(ctx, tx, nil); err != nil || n == 0 {
						t.Errorf("rebuild in session: %d documents, %v", n, err)
					}
					return boom
				}})
			if !errors.Is(err, boom) {
				t.Fatalf("failing run: %v", err)
			}
			for _, table := range []string{"users", "profiles", "organisations", "proposals", "search_docs"} {
				if n := count(t, e, "SELECT count(*) FROM "+table); n != 0 {
					t.Errorf("after a failed run %s has %d rows", table, n)
				}
			}
			if got := SchemaSignature(t, e.db); got != schema {
				t.Errorf("a failed run changed the schema:\n%s\nwas\n%s", got, schema)
			}
			rep, err := seed.Run(ctx, e.svc, e.st, seed.Options{Scale: testScale, Seed: 7,
				InSession: func(ctx context.Context, tx ponte.Store) error {
					_, err := e.svc.RebuildSearchIndexIn(ctx, tx, nil)
					return err
				}})
			if err != nil {
				t.Fatal(err)
			}
			if got := SchemaSignature(t, e.db); got != schema {
				t.Errorf("the run changed the schema:\n%s\nwas\n%s", got, schema)
			}
			orgs := count(t, e, "SELECT count(*) FROM search_docs WHERE kind = 'organisation'")
			if want := rep.RealOrgs + rep.GeneratedOrgs; orgs != want {
				t.Errorf("%d organisations indexed, want %d", orgs, want)
			}
			if n := count(t, e, "SELECT count(*) FROM search_docs WHERE kind = 'person'"); n == 0 || n > rep.People {
				t.Errorf("%d people indexed of %d", n, rep.People)
			}
			var name string
			if err := e.db.QueryRow(`SELECT title FROM search_docs WHERE kind = 'person' ORDER BY doc_id LIMIT 1`).Scan(&name); err != nil {
				t.Fatal(err)
			}
			res, err := e.svc.Search(ctx, service.SearchInput{Q: `"` + name + `"`, Type: ponte.SearchPerson}, "en")
			if err != nil || len(res.Hits) == 0 {
				t.Fatalf("search %q: %v, %+v", name, err, res)
			}
		})
	}
}

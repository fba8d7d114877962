package service_test

import (
	"compress/gzip"
	"context"
	"errors"
	"os"
	"testing"
	"time"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/orgimport"
	"github.com/ponte-platform/ponte/internal/service"
	"github.com/ponte-platform/ponte/internal/sqlstore"
	"github.com/ponte-platform/ponte/internal/sqlstore/sqltest"
)

// realList is one of the three public transparency lists in orgimport's
// testdata, with the counts orgimport's own tests establish.
type realList struct {
	mapping, file            string
	orgs, projects, rejected int
}

var realLists = []realList{
	{"hr-esif-2007-2020", "HR_ESIF_Croatia_2007-2020.csv.gz", 826, 1215, 0},
	{"ro-erdf-rop-2007-2013", "RO_ERDF_ROP_2007-2013_cleaning_romania.csv.gz", 3470, 4636, 0},
	{"si-beneficiaries-2007-2013", "SI_beneficiaries_2007-2013.json.gz", 2347, 5040, 1},
}

func parseList(t testing.TB, l realList) *orgimport.Result {
	t.Helper()
	m, err := orgimport.BuiltinMapping(l.mapping)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open("../orgimport/samples/" + l.file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	res, err := orgimport.Parse(m, zr)
	if err != nil {
		t.Fatal(err)
	}
	if res.Stats.Organisations != l.orgs || res.Stats.Projects != l.projects || len(res.Rejected) != l.rejected {
		t.Fatalf("%s parsed as %+v", l.mapping, res.Stats)
	}
	return res
}

// count runs a count query on the test database.
func count(t *testing.T, st ponte.Store, table string) int {
	t.Helper()
	var n int
	if err := st.(*sqlstore.Store).DB().Writer().QueryRow(`SELECT count(*) FROM ` + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestImportRealListsIsIdempotent(t *testing.T) {
	if testing.Short() {
		t.Skip("imports 12,209 rows per database")
	}
	parsed := make([]*orgimport.Result, len(realLists))
	for i, l := range realLists {
		parsed[i] = parseList(t, l)
	}
	for _, b := range sqltest.Backends(t) {
		t.Run(b, func(t *testing.T) {
			e := newEnv(t, b)
			ctx := context.Background()
			orgs, projects := 0, 0
			for i, l := range realLists {
				res := parsed[i]
				dry, err := e.svc.ImportOrganisations(ctx, res, service.ImportOptions{Source: l.mapping, DryRun: true})
				if err != nil || dry.Organisations.Created != l.orgs || dry.Projects.Created != l.projects || len(dry.Sample) != 10 {
					t.Fatalf("%s dry run = %+v, %v", l.mapping, dry, err)
				}
				if n := count(t, e.store, "organisations"); n != orgs {
					t.Fatalf("%s: the dry run wrote: %d organisations, want %d", l.mapping, n, orgs)
				}
				start := time.Now()
				rep, err := e.svc.ImportOrganisations(ctx, res, service.ImportOptions{Source: l.mapping})
				took := time.Since(start)
				if err != nil || rep.Organisations != (service.ImportCounts{Created: l.orgs}) ||
					rep.Projects != (service.ImportCounts{Created: l.projects}) {
					t.Fatalf("%s import = %+v, %v", l.mapping, rep, err)
				}
				orgs, projects = orgs+l.orgs, projects+l.projects
				again, err := e.svc.ImportOrganisations(ctx, res, service.ImportOptions{Source: l.mapping})
				if err != nil || again.Organisations != (service.ImportCounts{Unchanged: l.orgs}) ||
					again.Projects != (service.ImportCounts{Unchanged: l.projects}) {
					t.Fatalf("%s second run = %+v, %v", l.mapping, again, err)
				}
				t.Logf("%s on %s: %d organisations, %d projects imported in %s", l.mapping, b, l.orgs, l.projects, took.Round(time.Millisecond))
			}
			if n, p := count(t, e.store, "organisations"), count(t, e.store, "org_projects"); n != orgs || p != projects {
				t.Fatalf("database holds %d organisations and %d projects, want %d and %d", n, p, orgs, projects)
			}
			checkKnownOrganisations(t, e)
		})
	}
}

// checkKnownOrganisations looks at beneficiaries whose region and projects
// orgimport's tests established.
func checkKnownOrganisations(t *testing.T, e *env) {
	ctx := context.Background()
	found, err := e.store.OrgImportCandidates(ctx, ponte.OrgImportKeys{RegistryIDs: []ponte.CountryKey{
		{Country: "HR", Key: "61817894937"}, {Country: "HR", Key: "69715301002"}}})
	if err != nil || len(found) != 2 {
		t.Fatalf("known organisations: %d, %v", len(found), err)
	}
	for _, o := range found {
		switch o.RegistryID {
		case "61817894937":
			if o.Name != "Grad Zagreb" || o.Region != "HR050" || o.Type != ponte.OrgPublicAdmin || o.ProjectCount != 7 || o.Lat == nil {
				t.Errorf("Grad Zagreb = %+v", o)
			}
		case "69715301002":
			if o.Region != "HR050" || o.Type != ponte.OrgResearchCentre || o.ProjectCount != 11 {
				t.Errorf("Institut Ruđer Bošković = %+v", o)
			}
		}
	}
	ps, _, err := e.svc.OrgProjects(ctx, found[0].ID, "hr", "", 20)
	if err != nil || len(ps) == 0 {
		t.Fatalf("projects of %s: %v", found[0].Name, err)
	}
	for _, p := range ps {
		if p.Title == "Modernizacija Zoološkog vrta" && (*p.Budget != 502400200 || *p.OrigBudget != 3785334304 || p.OrigCurrency != "HRK" || p.Region != "HR050") {
			t.Errorf("zoo project = %+v", p)
		}
	}
}

func TestImportMatchesExistingAndRollsBackWhenInterrupted(t *testing.T) {
	hr := parseList(t, realLists[0])
	each(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		// Grad Zagreb is on Ponte already, entered by hand with little detail.
		zg := &ponte.Organisation{Name: "City of Zagreb", Country: "HR", RegistryID: "61817894937",
			NameKey: "city of zagreb", CreatedAt: e.now, UpdatedAt: e.now}
		if err := e.store.CreateOrganisation(ctx, zg); err != nil {
			t.Fatal(err)
		}
		cctx, cancel := context.WithCancel(ctx)
		_, err := e.svc.ImportOrganisations(cctx, hr, service.ImportOptions{Source: "hr", Progress: func(stage string, _, _ int) {
			if stage == "create projects" {
				cancel() // Ctrl-C half way
			}
		}})
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("interrupted import = %v", err)
		}
		if n := count(t, e.store, "organisations"); n != 1 {
			t.Fatalf("an interrupted import left %d organisations", n)
		}
		rep, err := e.svc.ImportOrganisations(ctx, hr, service.ImportOptions{Source: "hr"})
		if err != nil || rep.Organisations.Created != 825 || rep.Organisations.Updated != 1 {
			t.Fatalf("import over an existing organisation = %+v, %v", rep, err)
		}
		got, _ := e.store.OrganisationByID(ctx, zg.ID)
		if got.Name != "City of Zagreb" || got.Region != "HR050" || got.Type != ponte.OrgPublicAdmin || got.ProjectCount != 7 || got.Source != "" {
			t.Fatalf("matched organisation = %+v", got)
		}
	})
}

// BenchmarkImportRealLists times each real list's first import into an
// empty database (parse excluded) on every configured backend.
func BenchmarkImportRealLists(b *testing.B) {
	for _, l := range realLists {
		res := parseList(b, l)
		for _, backend := range sqltest.Backends(b) {
			b.Run(l.mapping+"/"+backend, func(b *testing.B) {
				for b.Loop() {
					b.StopTimer()
					e := newBenchEnv(b, backend)
					b.StartTimer()
					if _, err := e.ImportOrganisations(context.Background(), res, service.ImportOptions{Source: l.mapping}); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

func newBenchEnv(b *testing.B, backend string) *service.Service {
	b.Helper()
	return service.New(sqltest.Open(b, backend), service.Config{PasswordCost: service.TestPasswordParams}, nil, nil, nil)
}

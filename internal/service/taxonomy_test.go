package service_test

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/service"
	"github.com/ponte-platform/ponte/internal/sqlstore/sqltest"
	"github.com/ponte-platform/ponte/internal/sqlstore/storetest"
	"github.com/ponte-platform/ponte/internal/taxonomy"
)

// italianFixture is the small Italian ESCO release of the taxonomy tests.
const italianFixture = "../taxonomy/testdata/esco_it"

const uriCreativityArea = "urn:ponte:innovation:creativity"

// taxEnv is a service on a database holding the full embedded taxonomy.
type taxEnv struct {
	svc   *service.Service
	store ponte.Store
}

// TestTaxonomy loads the full taxonomy once per backend (the expensive
// part), then runs every check that needs it in order: the load, an
// interrupted and a complete Italian import, autocomplete, resolution,
// the concept pages and the index refresh of a second node.
func TestTaxonomy(t *testing.T) {
	for _, backend := range sqltest.Backends(t) {
		t.Run(backend, func(t *testing.T) {
			t.Parallel()
			svc, st := newTaxonomyService(t, backend)
			e := &taxEnv{svc: svc, store: st}
			steps := []struct {
				name string
				fn   func(*testing.T, *taxEnv)
			}{
				{"FirstRunLoad", testFirstRunLoad},
				{"InterruptedImportLeavesNothing", testInterruptedImport},
				{"ImportItalian", testImportItalian},
				{"Suggest", testSuggest},
				{"SuggestLimitsAndEmpty", testSuggestLimits},
				{"Resolve", testResolve},
				{"ConceptPage", testConceptPage},
				{"InnovationAreas", testInnovationAreas},
				{"OtherNodeSeesImport", testOtherNode},
			}
			for _, s := range steps {
				if !t.Run(s.name, func(t *testing.T) { s.fn(t, e) }) {
					return // later steps build on earlier ones
				}
			}
		})
	}
}

func testFirstRunLoad(t *testing.T, e *taxEnv) {
	ctx := context.Background()
	var files []string
	loaded, err := e.svc.EnsureTaxonomy(ctx, service.TaxonomyOptions{Progress: func(p taxonomy.Progress) {
		if p.Done {
			files = append(files, p.File)
		}
	}})
	if err != nil || !loaded {
		t.Fatalf("EnsureTaxonomy on an empty database = %v, %v", loaded, err)
	}
	if len(files) != 15 || files[0] != "skillGroups_en.csv" || files[14] != taxonomy.InnovationFile {
		t.Fatalf("progress reported %d files: %v", len(files), files)
	}
	if again, err := e.svc.EnsureTaxonomy(ctx, service.TaxonomyOptions{}); err != nil || again {
		t.Fatalf("second EnsureTaxonomy = %v, %v; want no load", again, err)
	}
	skills := countKinds(t, e.store, ponte.KindSkill, ponte.KindKnowledge)
	for scheme, want := range map[string]int{ponte.SchemeEntreComp: 3 + 15 + 60, ponte.SchemeDigComp: 5 + 21, ponte.SchemePonte: 6} {
		if n, err := e.store.CountConcepts(ctx, scheme); err != nil || n != want {
			t.Errorf("%s: %d concepts, want %d (%v)", scheme, n, want, err)
		}
	}
	if skills != 13896 {
		t.Errorf("%d ESCO skills and knowledge concepts, want 13,896", skills)
	}
	for scheme, want := range map[string]int{ponte.SchemeEntreComp: 8, ponte.SchemeDigComp: 8} {
		if ls, err := e.svc.ProficiencyLevels(ctx, scheme); err != nil || len(ls) != want || ls[0].Number != 1 {
			t.Errorf("%s levels = %d, %v", scheme, len(ls), err)
		}
	}
	meta, err := e.svc.TaxonomyInfo(ctx)
	if err != nil || meta[ponte.MetaVersion] != "1" || meta[ponte.MetaLanguages] != "en" ||
		meta[ponte.MetaESCOVersion] != "v1.1.1" || meta["attribution.esco"] != taxonomy.AttributionESCO {
		t.Fatalf("taxonomy_meta = %v, %v", meta, err)
	}
	tr, err := e.store.CollectionMembers(ctx, []string{ponte.CollectionTransversal, ponte.CollectionGreen}, 0, 1000)
	if err != nil || len(tr[ponte.CollectionTransversal]) < 90 || len(tr[ponte.CollectionGreen]) < 500 {
		t.Fatalf("collections: %d transversal, %d green, %v", len(tr[ponte.CollectionTransversal]), len(tr[ponte.CollectionGreen]), err)
	}
}

// countKinds counts concepts of the kinds by paging through them.
func countKinds(t *testing.T, st ponte.Store, kinds ...string) int {
	t.Helper()
	n := 0
	for after := int64(0); ; {
		page, err := st.ScanConcepts(context.Background(), ponte.ConceptScan{After: after, Limit: 5000, Kinds: kinds})
		if err != nil {
			t.Fatal(err)
		}
		if len(page) == 0 {
			return n
		}
		n += len(page)
		after = page[len(page)-1].ID
	}
}

func testInterruptedImport(t *testing.T, e *taxEnv) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	_, err := e.svc.ImportESCO(ctx, os.DirFS(italianFixture), "it", service.TaxonomyOptions{
		Progress: func(p taxonomy.Progress) {
			if p.Done && p.File == "skills_it.csv" {
				cancel() // as Ctrl-C would, half-way through the release
			}
		},
		BadRow: func(*taxonomy.RowError) {},
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("interrupted import = %v, want context.Canceled", err)
	}
	if c := conceptIn(t, e, storetest.URIWorkInTeams, "it"); c.Lang != "en" {
		t.Fatalf("an interrupted import left the Italian label %q", c.Label)
	}
}

// conceptIn returns the concept with uri labelled in lang.
func conceptIn(t *testing.T, e *taxEnv, uri, lang string) *ponte.Concept {
	t.Helper()
	c, _, err := e.svc.ResolveSkill(context.Background(), "skill", uri, "", lang)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func testImportItalian(t *testing.T, e *taxEnv) {
	var bad []string
	rep, err := e.svc.ImportESCO(context.Background(), os.DirFS(italianFixture), "it", service.TaxonomyOptions{
		BadRow: func(r *taxonomy.RowError) { bad = append(bad, r.Error()) },
	})
	if err != nil {
		t.Fatal(err)
	}
	if rep.BadRows != 1 || len(bad) != 1 || !strings.Contains(bad[0], "skills_it.csv line 12") {
		t.Fatalf("bad rows %d: %v", rep.BadRows, bad)
	}
	if rep.Labels != 5 || rep.Version != 2 {
		t.Fatalf("report %+v", rep)
	}
	it := conceptIn(t, e, storetest.URIWorkInTeams, "it")
	en := conceptIn(t, e, storetest.URIWorkInTeams, "en")
	if it.Label != "lavorare in squadra" || it.Lang != "it" || en.Label != "work in teams" || en.ReuseLevel != "transversal" {
		t.Fatalf("after the import: it %q (%s), en %q %q", it.Label, it.Lang, en.Label, en.ReuseLevel)
	}
	meta, _ := e.svc.TaxonomyInfo(context.Background())
	if meta[ponte.MetaLanguages] != "en,it" || meta[ponte.MetaVersion] != "2" || meta["import.it"] == "" {
		t.Fatalf("meta after the import: %v", meta)
	}
}

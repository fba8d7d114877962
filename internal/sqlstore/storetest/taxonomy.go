package storetest

import (
	"context"
	"fmt"
	"testing"

	"github.com/ponte-platform/ponte"
)

func init() {
	register(
		contract{"TaxonomyUpsertIsIdempotent", testTaxonomyUpsert},
		contract{"TaxonomyLabelsFallBackToEnglish", testTaxonomyLabels},
		contract{"TaxonomyLinksSkipUnknown", testTaxonomyLinks},
		contract{"TaxonomyBulkLoad", testTaxonomyBulk},
		contract{"TaxonomyNarrower", testTaxonomyNarrower},
	)
}

func testTaxonomyUpsert(t *testing.T, s ponte.Store) {
	ctx := context.Background()
	ids := SeedConcepts(t, s)
	again := SeedConcepts(t, s)
	for uri, id := range ids {
		if again[uri] != id {
			t.Fatalf("%s: id changed from %d to %d on re-import", uri, id, again[uri])
		}
	}
	if n, _ := s.CountConcepts(ctx, ponte.SchemeESCO); n != len(fixtures) {
		t.Fatalf("CountConcepts = %d, want %d", n, len(fixtures))
	}
	if n, _ := s.CountConcepts(ctx, ponte.SchemeEntreComp); n != 0 {
		t.Fatalf("EntreComp count = %d, want 0", n)
	}
	got, err := s.ConceptIDs(ctx, []string{URIPython, "http://example.org/nope"})
	if err != nil || len(got) != 1 || got[URIPython] != ids[URIPython] {
		t.Fatalf("ConceptIDs = %v, %v", got, err)
	}
}

func testTaxonomyLabels(t *testing.T, s ponte.Store) {
	ctx := context.Background()
	ids := SeedConcepts(t, s)
	_, err := s.UpsertLabels(ctx, []ponte.ConceptLabel{{ConceptURI: URIManageBudgets, Lang: "en",
		Preferred: "manage budgets", AltLabels: []string{"budget management", "control budgets"},
		Description: "Plan, monitor and report on the budget."}})
	if err != nil {
		t.Fatal(err)
	}
	cs, err := s.ConceptsByID(ctx, []int64{ids[URIManageBudgets], ids[URIPython], 999999, ids[URIProjectManagement]}, "it")
	if err != nil || len(cs) != 3 {
		t.Fatalf("ConceptsByID = %d concepts, %v", len(cs), err)
	}
	if cs[0].Label != "gestire i budget" || cs[0].Lang != "it" {
		t.Fatalf("Italian label = %q (%s)", cs[0].Label, cs[0].Lang)
	}
	if cs[1].Label != "Python (computer programming)" || cs[1].Lang != "en" || cs[1].Kind != ponte.KindKnowledge {
		t.Fatalf("English fallback = %+v", cs[1])
	}
	en, _ := s.ConceptsByID(ctx, []int64{ids[URIManageBudgets]}, "en")
	if fmt.Sprint(en[0].AltLabels) != "[budget management control budgets]" || en[0].Description == "" {
		t.Fatalf("alt labels = %v, description %q", en[0].AltLabels, en[0].Description)
	}
	skipped, err := s.UpsertLabels(ctx, []ponte.ConceptLabel{{ConceptURI: "http://example.org/x", Lang: "en", Preferred: "x"}})
	if err != nil || skipped != 1 {
		t.Fatalf("label of unknown concept: skipped %d, %v", skipped, err)
	}
}

func testTaxonomyLinks(t *testing.T, s ponte.Store) {
	ctx := context.Background()
	SeedConcepts(t, s)
	skipped, err := s.AddLinks(ctx, ponte.LinkSkillRelation, []ponte.ConceptLink{
		{FromURI: URIProjectManagement, ToURI: URIManageBudgets, Type: "essential"},
		{FromURI: URIProjectManagement, ToURI: "http://example.org/dangling", Type: "optional"},
	})
	if err != nil || skipped != 1 {
		t.Fatalf("AddLinks: skipped %d, %v; want 1", skipped, err)
	}
	if _, err := s.AddLinks(ctx, "nonsense", nil); err == nil {
		t.Fatal("unknown link table accepted")
	}
	skipped, err = s.AddToCollection(ctx, "green", []string{URIDataAnalytics, "http://example.org/none"})
	if err != nil || skipped != 1 {
		t.Fatalf("AddToCollection: skipped %d, %v", skipped, err)
	}
}

// testTaxonomyBulkLoad pushes more rows than one statement may carry, so
// chunking is exercised on both databases.
func testTaxonomyBulk(t *testing.T, s ponte.Store) {
	ctx := context.Background()
	const n = 12000
	cs := make([]ponte.Concept, n)
	ls := make([]ponte.ConceptLabel, n)
	for i := range cs {
		uri := fmt.Sprintf("urn:test:%05d", i)
		cs[i] = ponte.Concept{URI: uri, Scheme: ponte.SchemePonte, Kind: ponte.KindSkill}
		ls[i] = ponte.ConceptLabel{ConceptURI: uri, Lang: "sl", Preferred: fmt.Sprintf("veščina %d", i)}
	}
	ids, err := s.UpsertConcepts(ctx, cs)
	if err != nil || len(ids) != n {
		t.Fatalf("UpsertConcepts = %d ids, %v", len(ids), err)
	}
	if skipped, err := s.UpsertLabels(ctx, ls); err != nil || skipped != 0 {
		t.Fatalf("UpsertLabels skipped %d, %v", skipped, err)
	}
	got, _ := s.ConceptsByID(ctx, []int64{ids["urn:test:11999"]}, "sl")
	if len(got) != 1 || got[0].Label != "veščina 11999" {
		t.Fatalf("last concept = %+v", got)
	}
}

func testTaxonomyNarrower(t *testing.T, s ponte.Store) {
	ctx := context.Background()
	ids := SeedConcepts(t, s)
	got, err := s.NarrowerConcepts(ctx, []int64{ids[URIGroupProjects], ids[URIPython]})
	if err != nil {
		t.Fatal(err)
	}
	want := map[int64]bool{ids[URIGroupProjects]: true, ids[URIProjectManagement]: true, ids[URIPython]: true}
	if len(got) != len(want) {
		t.Fatalf("NarrowerConcepts = %v, want %v", got, want)
	}
	for _, id := range got {
		if !want[id] {
			t.Fatalf("unexpected %d in %v", id, got)
		}
	}
	// A cycle in a badly formed taxonomy must not loop forever.
	s.AddLinks(ctx, ponte.LinkBroader, []ponte.ConceptLink{{FromURI: URIGroupProjects, ToURI: URIProjectManagement}})
	if got, err := s.NarrowerConcepts(ctx, []int64{ids[URIGroupProjects]}); err != nil || len(got) != 2 {
		t.Fatalf("with a cycle: %v, %v", got, err)
	}
}

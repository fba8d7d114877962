package storetest

import (
	"context"
	"fmt"
	"slices"
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
		contract{"TaxonomyUpsertKeepsAndDedupes", testTaxonomyUpsertKeeps},
		contract{"TaxonomyScanPages", testTaxonomyScan},
		contract{"TaxonomyGraph", testTaxonomyGraph},
		contract{"TaxonomyCollections", testTaxonomyCollections},
		contract{"TaxonomyMetaAndLevels", testTaxonomyMeta},
		contract{"TaxonomyBulkLoadLinks", testTaxonomyBulkLinks},
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

// testTaxonomyUpsertKeeps: a release that leaves a column blank keeps what
// another filled, and a URI or label given twice in one call is no error
// (PostgreSQL refuses to update a row twice in one statement).
func testTaxonomyUpsertKeeps(t *testing.T, s ponte.Store) {
	ctx := context.Background()
	ids := SeedConcepts(t, s)
	again, err := s.UpsertConcepts(ctx, []ponte.Concept{
		{URI: URIPython, Scheme: ponte.SchemeESCO, Kind: ponte.KindKnowledge},
		{URI: URIPython, Scheme: ponte.SchemeESCO, Kind: ponte.KindKnowledge, SkillType: "knowledge"},
	})
	if err != nil || again[URIPython] != ids[URIPython] {
		t.Fatalf("UpsertConcepts with a repeat = %v, %v", again, err)
	}
	_, err = s.UpsertLabels(ctx, []ponte.ConceptLabel{
		{ConceptURI: URIPython, Lang: "it", Preferred: "primo"},
		{ConceptURI: URIPython, Lang: "it", Preferred: "Python (programmazione)"},
	})
	if err != nil {
		t.Fatal(err)
	}
	cs, err := s.ConceptsByID(ctx, []int64{ids[URIPython]}, "it")
	if err != nil || len(cs) != 1 {
		t.Fatalf("ConceptsByID = %v, %v", cs, err)
	}
	if c := cs[0]; c.ReuseLevel != "sector-specific" || c.SkillType != "knowledge" || c.Label != "Python (programmazione)" {
		t.Fatalf("after a blank re-import: %+v", c)
	}
}

// testTaxonomyScan pages through every concept with its labels in every
// language, hidden labels included.
func testTaxonomyScan(t *testing.T, s ponte.Store) {
	ctx := context.Background()
	ids := SeedConcepts(t, s)
	_, err := s.UpsertLabels(ctx, []ponte.ConceptLabel{{ConceptURI: URIPython, Lang: "en",
		Preferred: "Python (computer programming)", AltLabels: []string{"Python3", "Python 3K"},
		HiddenLabels: []string{"Pyton"}, Description: "A language."}})
	if err != nil {
		t.Fatal(err)
	}
	var seen []int64
	var python, pm *ponte.ConceptRecord
	for after := int64(0); ; {
		page, err := s.ScanConcepts(ctx, ponte.ConceptScan{After: after, Limit: 5})
		if err != nil {
			t.Fatal(err)
		}
		if len(page) == 0 {
			break
		}
		if len(page) > 5 {
			t.Fatalf("page of %d, limit 5", len(page))
		}
		for _, c := range page {
			seen = append(seen, c.ID)
			switch c.URI {
			case URIPython:
				python = c
			case URIProjectManagement:
				pm = c
			}
		}
		after = page[len(page)-1].ID
	}
	if len(seen) != len(fixtures) || !slices.IsSorted(seen) {
		t.Fatalf("scanned %v, want %d ids in order", seen, len(fixtures))
	}
	if len(python.Labels) != 1 || fmt.Sprint(python.Labels[0].HiddenLabels) != "[Pyton]" ||
		len(python.Labels[0].AltLabels) != 2 || python.Labels[0].Description != "" {
		t.Fatalf("python = %+v (no description unless asked)", python.Labels)
	}
	if len(pm.Labels) != 2 || pm.Labels[0].Lang != "en" || pm.Labels[1].Lang != "it" || pm.ReuseLevel != "cross-sector" {
		t.Fatalf("project management = %+v", pm)
	}
	one, err := s.ScanConcepts(ctx, ponte.ConceptScan{After: ids[URIPython] - 1, Limit: 1, Descriptions: true})
	if err != nil || len(one) != 1 || one[0].ID != ids[URIPython] || one[0].Labels[0].Description != "A language." {
		t.Fatalf("one concept with descriptions = %+v, %v", one, err)
	}
	groups, err := s.ScanConcepts(ctx, ponte.ConceptScan{Kinds: []string{ponte.KindSkillGroup}})
	if err != nil || len(groups) != 2 || len(groups[0].Labels) != 1 {
		t.Fatalf("skill groups = %d, %v", len(groups), err)
	}
}

// testTaxonomyGraph checks the hierarchy and relation reads.
func testTaxonomyGraph(t *testing.T, s ponte.Store) {
	ctx := context.Background()
	ids := SeedConcepts(t, s)
	top := "http://data.europa.eu/esco/skill/test-pillar"
	if _, err := s.UpsertConcepts(ctx, []ponte.Concept{{URI: top, Scheme: ponte.SchemeESCO, Kind: ponte.KindSkillGroup}}); err != nil {
		t.Fatal(err)
	}
	s.AddLinks(ctx, ponte.LinkBroader, []ponte.ConceptLink{{FromURI: URIGroupProjects, ToURI: top},
		{FromURI: URIManageBudgets, ToURI: URIGroupProjects}})
	up, err := s.BroaderEdges(ctx, ids[URIProjectManagement])
	if err != nil || len(up) != 2 || up[0].FromID != ids[URIProjectManagement] {
		t.Fatalf("BroaderEdges = %+v, %v", up, err)
	}
	if up, _ := s.BroaderEdges(ctx, ids[URIPython]); len(up) != 0 {
		t.Fatalf("a root has broader edges %v", up)
	}
	kids, err := s.NarrowerIDs(ctx, ids[URIGroupProjects], 0, 1)
	if err != nil || len(kids) != 1 {
		t.Fatalf("NarrowerIDs page 1 = %v, %v", kids, err)
	}
	more, _ := s.NarrowerIDs(ctx, ids[URIGroupProjects], kids[0], 10)
	if len(more) != 1 || more[0] <= kids[0] {
		t.Fatalf("NarrowerIDs page 2 = %v after %v", more, kids)
	}
	s.AddLinks(ctx, ponte.LinkSkillRelation, []ponte.ConceptLink{
		{FromURI: URIProjectManagement, ToURI: URIManageBudgets, Type: "essential"},
		{FromURI: URIProjectManagement, ToURI: URILeadOthers, Type: "optional"}})
	rel, err := s.RelatedSkills(ctx, ids[URIProjectManagement], 0, 10)
	if err != nil || len(rel) != 2 || rel[0].ToID > rel[1].ToID || rel[0].Type == "" {
		t.Fatalf("RelatedSkills = %+v, %v", rel, err)
	}
	if rel, _ := s.RelatedSkills(ctx, ids[URIProjectManagement], rel[0].ToID, 10); len(rel) != 1 {
		t.Fatalf("RelatedSkills after the first = %+v", rel)
	}
}

// testTaxonomyCollections pages through a collection.
func testTaxonomyCollections(t *testing.T, s ponte.Store) {
	ctx := context.Background()
	ids := SeedConcepts(t, s)
	s.AddToCollection(ctx, "innovation:creativity", []string{URIThinkCreatively})
	p1, err := s.CollectionMembers(ctx, []string{ponte.CollectionTransversal}, 0, 2)
	if err != nil || len(p1) != 1 || len(p1[ponte.CollectionTransversal]) != 2 {
		t.Fatalf("page 1 = %v, %v", p1, err)
	}
	last := p1[ponte.CollectionTransversal][1]
	p2, _ := s.CollectionMembers(ctx, []string{ponte.CollectionTransversal}, last, 2)
	if got := p2[ponte.CollectionTransversal]; len(got) != 1 || got[0] <= last {
		t.Fatalf("page 2 = %v", p2)
	}
	both, err := s.CollectionMembers(ctx, []string{ponte.CollectionTransversal, "innovation:creativity", "none"}, 0, 1)
	if err != nil || len(both) != 2 || len(both[ponte.CollectionTransversal]) != 1 ||
		fmt.Sprint(both["innovation:creativity"]) != fmt.Sprint([]int64{ids[URIThinkCreatively]}) {
		t.Fatalf("first of several = %v, %v", both, err)
	}
	got, err := s.ConceptCollections(ctx, []int64{ids[URIThinkCreatively], ids[URIPython]})
	if err != nil || fmt.Sprint(got[ids[URIThinkCreatively]]) != "[innovation:creativity transversal]" || len(got[ids[URIPython]]) != 0 {
		t.Fatalf("ConceptCollections = %v, %v", got, err)
	}
}

// testTaxonomyMeta checks what records a load: meta entries and levels.
func testTaxonomyMeta(t *testing.T, s ponte.Store) {
	ctx := context.Background()
	if m, err := s.TaxonomyMeta(ctx); err != nil || len(m) != 0 {
		t.Fatalf("fresh meta = %v, %v", m, err)
	}
	if err := s.SetTaxonomyMeta(ctx, map[string]string{ponte.MetaVersion: "1", ponte.MetaLanguages: "en"}); err != nil {
		t.Fatal(err)
	}
	if err := s.SetTaxonomyMeta(ctx, map[string]string{ponte.MetaVersion: "2"}); err != nil {
		t.Fatal(err)
	}
	m, err := s.TaxonomyMeta(ctx)
	if err != nil || m[ponte.MetaVersion] != "2" || m[ponte.MetaLanguages] != "en" {
		t.Fatalf("meta = %v, %v", m, err)
	}
	levels := []ponte.ProficiencyLevel{{Scheme: ponte.SchemeEntreComp, Number: 2, Name: "Explore"},
		{Scheme: ponte.SchemeEntreComp, Number: 1, Name: "Discover", Band: "Foundation"}}
	if err := s.UpsertProficiencyLevels(ctx, levels); err != nil {
		t.Fatal(err)
	}
	levels[0].Name = "Explore!"
	s.UpsertProficiencyLevels(ctx, levels[:1])
	got, err := s.ProficiencyLevels(ctx, ponte.SchemeEntreComp)
	if err != nil || len(got) != 2 || got[0].Name != "Discover" || got[1].Name != "Explore!" {
		t.Fatalf("levels = %+v, %v", got, err)
	}
	if none, _ := s.ProficiencyLevels(ctx, ponte.SchemeDigComp); len(none) != 0 {
		t.Fatalf("DigComp levels = %v", none)
	}
}

// testTaxonomyBulkLinks: links loaded in bulk are checked all the same,
// and the checks are back afterwards, whatever happened.
func testTaxonomyBulkLinks(t *testing.T, s ponte.Store) {
	ctx := context.Background()
	ids := SeedConcepts(t, s)
	if err := s.BulkLoadLinks(ctx, func() error { return nil }); err == nil {
		t.Fatal("BulkLoadLinks outside a transaction must fail")
	}
	good := []ponte.ConceptEdge{{FromID: ids[URIProjectManagement], ToID: ids[URIManageBudgets], Type: "essential"}}
	err := s.Tx(ctx, func(tx ponte.Store) error {
		return tx.BulkLoadLinks(ctx, func() error { return tx.AddEdges(ctx, ponte.LinkSkillRelation, good) })
	})
	if err != nil {
		t.Fatal(err)
	}
	if rel, _ := s.RelatedSkills(ctx, ids[URIProjectManagement], 0, 10); len(rel) != 1 {
		t.Fatalf("bulk-loaded relations = %v", rel)
	}
	bad := []ponte.ConceptEdge{{FromID: ids[URIPython], ToID: 1 << 40}}
	err = s.Tx(ctx, func(tx ponte.Store) error {
		return tx.BulkLoadLinks(ctx, func() error { return tx.AddEdges(ctx, ponte.LinkBroader, bad) })
	})
	if ponte.ErrorCode(err) != ponte.EInvalid {
		t.Fatalf("a dangling bulk link = %v, want EInvalid", err)
	}
	if err := s.AddEdges(ctx, ponte.LinkOccupationSkill, []ponte.ConceptEdge{{FromID: 1 << 40, ToID: ids[URIPython], Type: "optional"}}); ponte.ErrorCode(err) != ponte.EInvalid {
		t.Fatalf("after a failed bulk load the checks must be back: %v", err)
	}
	if up, _ := s.BroaderEdges(ctx, ids[URIPython]); len(up) != 0 {
		t.Fatalf("the failed bulk load left %v", up)
	}
}

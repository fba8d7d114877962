package service_test

import (
	"context"
	"testing"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/service"
	"github.com/ponte-platform/ponte/internal/sqlstore/storetest"
)

func testConceptPage(t *testing.T, e *taxEnv) {
	ctx := context.Background()
	id, err := e.svc.SkillIDByURI(ctx, storetest.URIWorkInTeams)
	if err != nil {
		t.Fatal(err)
	}
	d, err := e.svc.SkillByID(ctx, id, "it", service.SkillCursor{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Concept.Label != "lavorare in squadra" || len(d.Labels) != 2 || len(d.Broader) == 0 {
		t.Fatalf("work in teams: %+v, %d label sets, %d broader", d.Concept, len(d.Labels), len(d.Broader))
	}
	top := d.Broader[len(d.Broader)-1]
	if top.Kind != ponte.KindSkillGroup {
		t.Fatalf("chain ends at %+v, want a skill group (the pillar)", top)
	}
	if !contains(d.Collections, ponte.CollectionTransversal) || len(d.InnovationAreas) == 0 ||
		d.InnovationAreas[0].Label != "Competenze sociali e interpersonali" {
		t.Fatalf("collections %v, areas %+v", d.Collections, d.InnovationAreas)
	}
	// A skill group with 271 children: the cursor pages on.
	big, err := e.svc.SkillIDByURI(ctx, "http://data.europa.eu/esco/skill/045f71e6-0699-4169-8a54-9c6b96f3174d")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[int64]bool{}
	cur := service.SkillCursor{}
	for page := 1; ; page++ {
		p, err := e.svc.SkillByID(ctx, big, "en", cur)
		if err != nil || page > 6 {
			t.Fatalf("page %d: %v", page, err)
		}
		for _, c := range p.Narrower {
			if seen[c.ID] {
				t.Fatalf("page %d repeats %d", page, c.ID)
			}
			seen[c.ID] = true
		}
		if p.NarrowerNext == 0 {
			break
		}
		cur.NarrowerAfter = p.NarrowerNext
	}
	if len(seen) != 271 {
		t.Fatalf("paged through %d narrower concepts, want 271", len(seen))
	}
	pm, _ := e.svc.SkillIDByURI(ctx, storetest.URIProjectManagement)
	if d, err := e.svc.SkillByID(ctx, pm, "en", service.SkillCursor{}); err != nil || len(d.Related) == 0 || d.Related[0].Type == "" {
		t.Fatalf("related skills of project management: %+v, %v", d, err)
	}
	if _, err := e.svc.SkillByID(ctx, 1<<40, "en", service.SkillCursor{}); ponte.ErrorCode(err) != ponte.ENotFound {
		t.Fatalf("unknown id: %v", err)
	}
	area, _ := e.svc.SkillIDByURI(ctx, uriCreativityArea)
	if d, err := e.svc.SkillByID(ctx, area, "sl", service.SkillCursor{}); err != nil || len(d.Members) != 9 || d.Concept.Label != "Ustvarjalnost" {
		t.Fatalf("innovation area page: %+v, %v", d, err)
	}
	if h, err := e.svc.SkillHolders(ctx, nil, id, "en", service.HolderPage{}); err != nil || h == nil {
		t.Fatalf("SkillHolders = %v, %v", h, err)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func testInnovationAreas(t *testing.T, e *taxEnv) {
	areas, err := e.svc.InnovationAreas(context.Background(), "el")
	if err != nil || len(areas) != 6 {
		t.Fatalf("%d areas, %v", len(areas), err)
	}
	total := 0
	for _, a := range areas {
		if a.Area == nil || a.Area.Lang != "el" || len(a.Members) == 0 {
			t.Fatalf("area %+v with %d members", a.Area, len(a.Members))
		}
		total += len(a.Members)
	}
	if total != 11+9+6+15+9+10 {
		t.Fatalf("%d members in all", total)
	}
}

// testOtherNode: a second app node on the same database notices a change
// made by the first when it checks the version, and rebuilds its index.
func testOtherNode(t *testing.T, e *taxEnv) {
	ctx := context.Background()
	other := service.New(e.store, service.Config{PasswordCost: service.TestPasswordParams}, nil, nil, nil)
	if hits, _ := other.SuggestSkills(ctx, "primo esempio", "it", 5); len(hits) != 0 {
		t.Fatalf("before: %v", suggestions(hits))
	}
	if changed, err := other.RefreshSkillIndex(ctx); err != nil || changed {
		t.Fatalf("refresh with no change = %v, %v", changed, err)
	}
	_, err := e.store.UpsertLabels(ctx, []ponte.ConceptLabel{{ConceptURI: storetest.URIPython, Lang: "it",
		Preferred: "primo esempio di Python"}})
	if err != nil {
		t.Fatal(err)
	}
	if err := e.store.SetTaxonomyMeta(ctx, map[string]string{ponte.MetaVersion: "3"}); err != nil {
		t.Fatal(err)
	}
	if changed, err := other.RefreshSkillIndex(ctx); err != nil || !changed {
		t.Fatalf("refresh after a change = %v, %v", changed, err)
	}
	if hits, _ := other.SuggestSkills(ctx, "primo esempio", "it", 5); len(hits) != 1 || hits[0].URI != storetest.URIPython {
		t.Fatalf("after: %v", suggestions(hits))
	}
}

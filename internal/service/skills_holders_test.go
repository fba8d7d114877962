package service_test

import (
	"context"
	"testing"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/service"
	"github.com/ponte-platform/ponte/internal/sqlstore/storetest"
)

// TestSkillHolders: the skill page's "who has it" lists people (by the
// narrower-skill rule and only when their skills are visible to the viewer)
// and organisations that declare the skill.
func TestSkillHolders(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		ids := storetest.SeedConcepts(t, e.store)
		ana, bo := e.member(t, "ana@example.org"), e.member(t, "bo@example.org")
		for _, u := range []*ponte.User{ana, bo} {
			if _, _, err := e.svc.AddSkill(ctx, u, service.SkillInput{URI: storetest.URIProjectManagement, Level: 3}, "en"); err != nil {
				t.Fatal(err)
			}
		}
		if err := e.svc.SetVisibility(ctx, bo, "skills", ponte.VisPrivate); err != nil {
			t.Fatal(err)
		}
		o := e.org(t, ana, "Zadruga Most", "HR050")
		if err := e.svc.DeclareCompetence(ctx, ana, o.ID, service.SkillRef{Field: "skill", URI: storetest.URIProjectManagement}, "", "en"); err != nil {
			t.Fatal(err)
		}
		// The group "directing … projects" is broader than the skill both hold.
		h, err := e.svc.SkillHolders(ctx, nil, ids[storetest.URIGroupProjects], "en", service.HolderPage{})
		if err != nil {
			t.Fatal(err)
		}
		if len(h.People) != 1 || h.People[0].ID != ana.ID || h.People[0].Path == "" {
			t.Fatalf("people = %+v, want only Ana (Bo's skills are private)", h.People)
		}
		if len(h.Organisations) != 1 || h.Organisations[0].ID != o.ID {
			t.Fatalf("organisations = %+v", h.Organisations)
		}
		h, _ = e.svc.SkillHolders(ctx, nil, ids[storetest.URIPython], "en", service.HolderPage{})
		if len(h.People)+len(h.Organisations) != 0 {
			t.Fatalf("nobody holds Python, got %+v", h)
		}
	})
}

package service_test

import (
	"context"
	"strings"
	"testing"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/service"
)

// TestSkillsForText suggests skills for a proposal's text from the loaded
// taxonomy, labels them, and answers odd input calmly.
func TestSkillsForText(t *testing.T) {
	e := newEnv(t, "sqlite")
	ctx := context.Background()
	if _, err := e.svc.LoadEmbeddedTaxonomy(ctx, service.TaxonomyOptions{}); err != nil {
		t.Fatal(err)
	}
	text := "We look for a partner to analyse data from social services, manage the project budget " +
		"and write research proposals for Horizon Europe calls on the inclusion of young migrants."
	got, err := e.svc.SkillsForText(ctx, text, "en", 20)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) < 10 {
		t.Fatalf("%d suggestions for a rich text", len(got))
	}
	var labels []string
	for _, g := range got {
		if g.Concept == nil || g.Concept.ID == 0 || g.Concept.Label == "" || g.Why == "" {
			t.Fatalf("incomplete suggestion %+v", g)
		}
		labels = append(labels, g.Concept.Label)
	}
	joined := strings.Join(labels, " | ")
	for _, want := range []string{"research proposals", "social service"} {
		if !strings.Contains(joined, want) {
			t.Errorf("no suggestion mentions %q: %s", want, joined)
		}
	}
	for _, odd := range []string{"", "   ", "the and of, !!! ...", "ευχαριστώ πολύ"} {
		if got, err := e.svc.SkillsForText(ctx, odd, "el", 10); err != nil || got == nil {
			t.Errorf("odd text %q: %v, %v", odd, got, err)
		}
	}
	_, err = e.svc.SkillsForText(ctx, strings.Repeat("x", 20001), "en", 10)
	if e := ponte.AsError(err); e == nil || e.Fields["text"] != "error.too_long" {
		t.Fatalf("oversize text: %v", err)
	}
}

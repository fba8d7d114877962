package taxonomy

import (
	"context"
	"testing"
)

// TestLoadEmbedded checks the first-run load: every scheme arrives, and the
// concepts of the frameworks and innovation areas come before the links
// that name them.
func TestLoadEmbedded(t *testing.T) {
	seen := map[string]bool{}
	schemes := map[string]int{}
	unseen := 0
	link := func(uris ...string) {
		for _, u := range uris {
			if !seen[u] {
				unseen++
			}
		}
	}
	var last Progress
	h := Handler{
		Concept:    func(c Concept) error { seen[c.URI] = true; schemes[c.Scheme]++; return nil },
		Broader:    func(b Broader) error { link(b.ChildURI, b.ParentURI); return nil },
		Membership: func(m Membership) error { link(m.ConceptURI); return nil },
		Progress:   func(p Progress) { last = p },
	}
	if err := LoadEmbedded(context.Background(), h); err != nil {
		t.Fatal(err)
	}
	want := map[string]int{SchemeESCO: 13896 + 640, SchemeEntreComp: 3 + 15 + 60, SchemeDigComp: 5 + 21, SchemePonte: 6 * 6}
	for s, n := range want {
		if schemes[s] != n {
			t.Errorf("%s: %d concepts, want %d", s, schemes[s], n)
		}
	}
	if unseen != 10 { // the 7 dangling ESCO broader links have 10 ends outside the release
		t.Errorf("%d link ends name no concept read before them", unseen)
	}
	if last.File != InnovationFile || last.Step != last.Steps || !last.Done {
		t.Errorf("last progress %+v", last)
	}
}

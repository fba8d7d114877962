package taxonomy

import (
	"context"
	"fmt"
)

// Framework is a small competence framework (EntreComp, DigComp) read
// whole: its concepts (in English, the language of the official files),
// their hierarchy and its proficiency levels.
type Framework struct {
	Scheme   string
	Concepts []Concept // areas first, then competences, then any threads
	Broader  []Broader // competence → area, thread → competence
	Levels   []Level   // proficiency levels, 1 to 8
}

// Level is one proficiency level of a framework. Both EntreComp and
// DigComp 3.0 have eight, paired in four bands.
type Level struct {
	Number          int    // 1 to 8
	Name            string // "Discover" (EntreComp), "Basic 1" (DigComp)
	Band            string // "Foundation", "Intermediate", "Advanced", "Expert" (EntreComp); "Basic" … "Highly advanced" (DigComp)
	BandDescription string // what the band means, e.g. "Relying on support from others"
	Autonomy        string // EntreComp only: how independently the learner acts
	Description     string
}

// Emit sends the framework's concepts, then its broader links, to h.
func (f *Framework) Emit(ctx context.Context, h Handler) error {
	if h.Concept != nil {
		for _, c := range f.Concepts {
			if err := h.Concept(c); err != nil {
				return fmt.Errorf("taxonomy: %s concept %s: %w", f.Scheme, c.URI, err)
			}
		}
	}
	if h.Broader != nil {
		for _, b := range f.Broader {
			if err := h.Broader(b); err != nil {
				return fmt.Errorf("taxonomy: %s broader %s: %w", f.Scheme, b.ChildURI, err)
			}
		}
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("taxonomy: %s: %w", f.Scheme, err)
	}
	return nil
}

// Concept returns the framework's concept with the given URI.
func (f *Framework) Concept(uri string) (Concept, bool) {
	for _, c := range f.Concepts {
		if c.URI == uri {
			return c, true
		}
	}
	return Concept{}, false
}

// Count returns how many of the framework's concepts are of the given kind.
func (f *Framework) Count(kind string) int {
	n := 0
	for _, c := range f.Concepts {
		if c.Kind == kind {
			n++
		}
	}
	return n
}

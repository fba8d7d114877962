package suggest

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"sync"
)

// Suggestion is one taxonomy skill suggested for a text.
type Suggestion struct {
	ConceptURI string
	// Score ranks the suggestions of one call, higher first. It is
	// comparable within a call only: texts of different lengths score on
	// different scales.
	Score float64
	// Why says, in English for the logs and the API, the strongest reason:
	// "label 'data analytics'", "via occupation 'social worker'",
	// "broader of 'analyse data'", "related to 'manage budgets'" or
	// "description".
	Why string
}

// Options adjusts Build.
type Options struct {
	// Exclude, if set, leaves out the occupations it returns true for,
	// with their occupation-skill links: the model learns nothing from
	// them. The evaluation holds its test occupations out this way.
	Exclude func(occupationURI string) bool
}

// Model suggests taxonomy skills for free text. It is built once from a
// taxonomy and is read-only afterwards, so one Model serves any number of
// goroutines.
type Model struct {
	skills  []skillNode
	skillID map[string]int32
	occs    []occNode
	langs   map[string]*langIndex
	w       weights
}

// skillNode is a suggestible concept: an ESCO skill or knowledge concept,
// or a framework competence.
type skillNode struct {
	uri     string
	broader []int32 // broader skills (not groups: groups are not suggested)
	related []int32 // skills related to this one, essential links first
	nEss    int     // how many of related are essential links
}

// occNode is an occupation the model learned from.
type occNode struct {
	uri       string
	essential []int32
	optional  []int32
}

// Build reads src and builds a Model. It fails if src fails or holds no
// skill; ctx interrupts the read.
func Build(ctx context.Context, src Source, opts Options) (*Model, error) {
	c := newCollector(opts)
	if err := src(ctx, c.handler()); err != nil {
		return nil, fmt.Errorf("suggest.Build: %w", err)
	}
	if len(c.skills) == 0 {
		return nil, fmt.Errorf("suggest.Build: the taxonomy has no skills")
	}
	m := c.model()
	m.w = defaultWeights
	if err := m.buildIndexes(ctx, c); err != nil {
		return nil, fmt.Errorf("suggest.Build: %w", err)
	}
	return m, nil
}

// buildIndexes builds one langIndex per language the taxonomy has labels
// in, two at a time: the languages are independent and the machine has
// two cores.
func (m *Model) buildIndexes(ctx context.Context, c *collector) error {
	m.langs = make(map[string]*langIndex, len(c.texts))
	var mu sync.Mutex
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2)
	for lang, t := range c.texts {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			if ctx.Err() != nil {
				return
			}
			x := newLangIndex(lang, t, len(m.skills), m.occs)
			mu.Lock()
			m.langs[lang] = x
			mu.Unlock()
		})
	}
	wg.Wait()
	return ctx.Err()
}

// Languages returns the languages the model has labels in, sorted.
func (m *Model) Languages() []string {
	return slices.Sorted(maps.Keys(m.langs))
}

// Len returns the number of suggestible skills and of the occupations the
// model learned from.
func (m *Model) Len() (skills, occupations int) { return len(m.skills), len(m.occs) }

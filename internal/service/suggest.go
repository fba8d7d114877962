package service

import (
	"context"
	"strings"
	"sync"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/suggest"
	"github.com/ponte-platform/ponte/internal/taxonomy"
)

// suggester holds the skill suggestion model, built once (about 1.5 s,
// 30 MB) from the embedded ESCO release plus any other languages'
// labels imported into the database.
type suggester struct {
	once  sync.Once
	model *suggest.Model
	err   error
}

// TextSuggestion is a skill suggested for a text, labelled for the reader.
type TextSuggestion struct {
	Concept *ponte.Concept
	Score   float64
	Why     string // English, for the API and logs
}

// WarmSuggest builds the suggestion model now, so the first person writing
// a proposal does not wait for it.
func (s *Service) WarmSuggest(ctx context.Context) error {
	_, err := s.suggestModel(ctx)
	return err
}

func (s *Service) suggestModel(ctx context.Context) (*suggest.Model, error) {
	s.sug.once.Do(func() {
		src := suggest.Join(suggest.FromEmbedded(), s.importedLabels)
		s.sug.model, s.sug.err = suggest.Build(context.WithoutCancel(ctx), src, suggest.Options{})
	})
	return s.sug.model, s.sug.err
}

// importedLabels streams the labels of languages other than English that an
// operator imported (ponte taxonomy import), so Italian or Greek text finds
// skills by their Italian or Greek names.
func (s *Service) importedLabels(ctx context.Context, h taxonomy.Handler) error {
	if h.Concept == nil {
		return nil
	}
	var after int64
	for {
		page, err := s.store.ScanConcepts(ctx, ponte.ConceptScan{After: after, Limit: 5000,
			Kinds: []string{ponte.KindSkill, ponte.KindKnowledge}})
		if err != nil || len(page) == 0 {
			return err
		}
		for _, rec := range page {
			for _, l := range rec.Labels {
				if l.Lang == "en" {
					continue
				}
				if err := h.Concept(taxonomy.Concept{URI: rec.URI, Scheme: rec.Scheme, Kind: rec.Kind,
					Lang: l.Lang, PreferredLabel: l.Preferred, AltLabels: l.AltLabels}); err != nil {
					return err
				}
			}
		}
		after = page[len(page)-1].ID
	}
}

// MaxSuggestText bounds the text a suggestion request may carry.
const MaxSuggestText = 20000

// SkillsForText ranks taxonomy skills for a text in lang (a proposal being
// written), best first, labelled in lang where the taxonomy has it. Text
// with nothing relevant (stop-words, punctuation) gives an empty list.
func (s *Service) SkillsForText(ctx context.Context, text, lang string, limit int) ([]TextSuggestion, error) {
	if len(text) > MaxSuggestText {
		return nil, &ponte.Error{Code: ponte.EInvalid, Key: "error.invalid",
			Fields: map[string]string{"text": "error.too_long"}}
	}
	if !ponte.ValidLanguage(lang) {
		lang = "en"
	}
	limit = max(1, min(limit, 50))
	m, err := s.suggestModel(ctx)
	if err != nil {
		return nil, err
	}
	found := m.Suggest(strings.TrimSpace(text), lang, limit)
	if len(found) == 0 {
		return []TextSuggestion{}, nil
	}
	uris := make([]string, len(found))
	for i, f := range found {
		uris[i] = f.ConceptURI
	}
	return s.labelSuggestions(ctx, found, uris, lang)
}

// labelSuggestions attaches concepts (ids and labels) to suggestions in one
// query, keeping the model's order; a URI the database lacks is dropped.
func (s *Service) labelSuggestions(ctx context.Context, found []suggest.Suggestion, uris []string, lang string) ([]TextSuggestion, error) {
	ids, err := s.store.ConceptIDs(ctx, uris)
	if err != nil {
		return nil, err
	}
	list := make([]int64, 0, len(ids))
	for _, u := range uris {
		if id, ok := ids[u]; ok {
			list = append(list, id)
		}
	}
	cs, err := s.store.ConceptsByID(ctx, list, lang)
	if err != nil {
		return nil, err
	}
	byURI := make(map[string]*ponte.Concept, len(cs))
	for _, c := range cs {
		byURI[c.URI] = c
	}
	out := make([]TextSuggestion, 0, len(found))
	for _, f := range found {
		if c, ok := byURI[f.ConceptURI]; ok {
			out = append(out, TextSuggestion{Concept: c, Score: f.Score, Why: f.Why})
		}
	}
	return out, nil
}

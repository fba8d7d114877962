package service

import (
	"context"
	"strings"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/skillindex"
)

// SkillSuggestion is one autocomplete answer: a concept, its label in the
// asked language (or English when it has none, said by Lang), and the
// alternative label that matched, if any.
type SkillSuggestion = skillindex.Hit

// Autocomplete limits.
const (
	DefaultSkillLimit = 10
	MaxSkillLimit     = 50
	resolveCandidates = 8
)

// SuggestSkills answers a skill field's autocomplete: concepts whose
// labels match the words of q (as prefixes, ignoring case and accents),
// best first. A q without letters or digits gives an empty list; limit is
// clamped to 1..50 (10 when zero); an unknown lang falls back to English.
func (s *Service) SuggestSkills(ctx context.Context, q, lang string, limit int) ([]SkillSuggestion, error) {
	if limit <= 0 {
		limit = DefaultSkillLimit
	}
	limit = min(limit, MaxSkillLimit)
	if strings.TrimSpace(q) == "" {
		return []SkillSuggestion{}, nil
	}
	x, err := s.skillIndex(ctx)
	if err != nil {
		return nil, err
	}
	hits := x.Search(q, lang, limit)
	if hits == nil {
		hits = []SkillSuggestion{}
	}
	return hits, nil
}

// ResolveSkill turns what a skill field sent into one concept: the URI a
// script chose from the autocomplete (or a radio button of an earlier
// answer), or else the typed text when it names exactly one concept (the
// folded text equals a preferred or alternative label in lang or in
// English). When it does not, candidates lists up to eight best matches
// for the person to choose from (the form shows them as radio buttons),
// the concept is nil and err is an EInvalid field error on field:
// "error.skill_choose", or "error.skill_no_match" when nothing matched.
// An unknown URI is "error.skill_unknown"; empty text and URI
// "error.required" (callers of an optional field check for empty first).
func (s *Service) ResolveSkill(ctx context.Context, field, uri, text, lang string) (c *ponte.Concept, candidates []*ponte.Concept, err error) {
	if uri = strings.TrimSpace(uri); uri != "" {
		c, err := s.conceptByURI(ctx, uri, lang)
		if ponte.ErrorCode(err) == ponte.ENotFound {
			return nil, nil, skillFieldError(field, "error.skill_unknown")
		}
		return c, nil, err
	}
	if strings.TrimSpace(text) == "" {
		return nil, nil, skillFieldError(field, "error.required")
	}
	x, err := s.skillIndex(ctx)
	if err != nil {
		return nil, nil, err
	}
	hits := x.Search(text, lang, resolveCandidates)
	ids := make([]int64, 0, len(hits))
	for _, h := range hits {
		ids = append(ids, h.ID)
	}
	if len(hits) == 0 {
		return nil, nil, skillFieldError(field, "error.skill_no_match")
	}
	if hits[0].Exact && (len(hits) == 1 || !hits[1].Exact) {
		ids = ids[:1]
	}
	cs, err := s.store.ConceptsByID(ctx, ids, lang)
	if err != nil {
		return nil, nil, err
	}
	if len(ids) == 1 && len(cs) == 1 && hits[0].Exact {
		return cs[0], nil, nil
	}
	return nil, cs, skillFieldError(field, "error.skill_choose")
}

// conceptByURI returns the concept with uri, labelled in lang; ENotFound
// if there is none.
func (s *Service) conceptByURI(ctx context.Context, uri, lang string) (*ponte.Concept, error) {
	ids, err := s.store.ConceptIDs(ctx, []string{uri})
	if err != nil {
		return nil, err
	}
	id, ok := ids[uri]
	if !ok {
		return nil, ponte.Errorf(ponte.ENotFound, "error.not_found")
	}
	cs, err := s.store.ConceptsByID(ctx, []int64{id}, lang)
	if err != nil {
		return nil, err
	}
	if len(cs) == 0 {
		return nil, ponte.Errorf(ponte.ENotFound, "error.not_found")
	}
	return cs[0], nil
}

// skillFieldError is an EInvalid error on one field.
func skillFieldError(field, key string) error {
	return &ponte.Error{Code: ponte.EInvalid, Key: "error.invalid", Fields: map[string]string{field: key}}
}

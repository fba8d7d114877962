package service

import (
	"context"

	"github.com/ponte-platform/ponte"
)

// ResolveSkill turns what a skill field sent into one concept: the URI a
// script chose from the autocomplete, or else the typed text when it names
// exactly one concept. When it does not, candidates lists the best
// matches for the person to choose from (the form shows them), and the
// concept is nil. An unknown URI is an EInvalid field error on field.
//
// Text matching is provided by the skills index; until it is wired, only
// URIs resolve.
func (s *Service) ResolveSkill(ctx context.Context, field, uri, text, lang string) (c *ponte.Concept, candidates []*ponte.Concept, err error) {
	if uri != "" {
		ids, err := s.store.ConceptIDs(ctx, []string{uri})
		if err != nil {
			return nil, nil, err
		}
		id, ok := ids[uri]
		if !ok {
			return nil, nil, &ponte.Error{Code: ponte.EInvalid, Key: "error.invalid",
				Fields: map[string]string{field: "error.skill_unknown"}}
		}
		cs, err := s.store.ConceptsByID(ctx, []int64{id}, lang)
		if err != nil || len(cs) == 0 {
			return nil, nil, err
		}
		return cs[0], nil, nil
	}
	return nil, nil, &ponte.Error{Code: ponte.EInvalid, Key: "error.invalid",
		Fields: map[string]string{field: "error.skill_choose"}}
}

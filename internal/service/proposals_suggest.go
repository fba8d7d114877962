package service

import (
	"context"
	"strconv"
	"time"

	"github.com/ponte-platform/ponte"
)

// ScopeSuggest limits skill suggestions asked from the proposal form, per
// member: each one runs the suggestion model over up to 20,000 characters.
const ScopeSuggest = "suggest"

// suggestLimit applies when Config.RateLimits does not name ScopeSuggest.
var suggestLimit = Limit{N: 30, Window: time.Minute}

// SuggestProposalSkills ranks taxonomy skills for a proposal being
// written: text (its title, summary and description) is read in textLang,
// the skills are labelled in viewLang, the reader's language. Members
// only, rate-limited per member.
func (s *Service) SuggestProposalSkills(ctx context.Context, actor *ponte.User, text, textLang, viewLang string, limit int) ([]TextSuggestion, error) {
	if !actor.Active() {
		return nil, unauthorized()
	}
	if err := s.allowSuggest(ctx, actor); err != nil {
		return nil, err
	}
	if !ponte.ValidLanguage(textLang) {
		textLang = viewLang
	}
	found, err := s.SkillsForText(ctx, text, textLang, limit)
	if err != nil || len(found) == 0 || viewLang == textLang || !ponte.ValidLanguage(viewLang) {
		return found, err
	}
	ids := make([]int64, len(found))
	for i, f := range found {
		ids[i] = f.Concept.ID
	}
	cs, err := s.store.ConceptsByID(ctx, ids, viewLang)
	if err != nil {
		return nil, err
	}
	byID := make(map[int64]*ponte.Concept, len(cs))
	for _, c := range cs {
		byID[c.ID] = c
	}
	for i := range found {
		if c := byID[found[i].Concept.ID]; c != nil {
			found[i].Concept = c
		}
	}
	return found, nil
}

// allowSuggest counts one suggestion request of the actor's.
func (s *Service) allowSuggest(ctx context.Context, actor *ponte.User) error {
	l, ok := s.cfg.RateLimits[ScopeSuggest]
	if !ok {
		l = suggestLimit
	}
	return s.allow(ctx, ScopeSuggest, l, strconv.FormatInt(actor.ID, 10))
}

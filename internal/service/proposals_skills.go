package service

import (
	"context"
	"strconv"

	"github.com/ponte-platform/ponte"
)

// proposalSkills resolves the required skills field by field (a form has
// a few; MaxProposalSkills bounds an API call). Empty fields are skipped,
// a skill named twice counts once; unknown or unclear skills are field
// errors, returned with candidates as *SkillChoices.
func (s *Service) proposalSkills(ctx context.Context, fe ponte.FieldErrors, in []ProposalSkillInput, lang string) ([]ponte.ProposalSkill, error) {
	choices := map[string][]*ponte.Concept{}
	seen := map[int64]bool{}
	var out []ponte.ProposalSkill
	for i, sk := range in {
		if i >= ponte.MaxProposalSkills {
			fe.Add("skills", "proposal.error.too_many")
			break
		}
		field := orgFieldOr(sk.Field, "skills."+strconv.Itoa(i))
		if sk.URI == "" && sk.Text == "" {
			continue
		}
		c, cands, err := s.ResolveSkill(ctx, field, sk.URI, sk.Text, lang)
		if err := orgSkillFieldError(fe, field, c, err); err != nil {
			return nil, err
		}
		if len(cands) > 0 {
			choices[field] = cands
		}
		if c == nil || seen[c.ID] {
			continue
		}
		seen[c.ID] = true
		out = append(out, ponte.ProposalSkill{ConceptID: c.ID, Concept: c, Essential: sk.Essential, MinLevel: sk.MinLevel})
	}
	if len(choices) > 0 {
		return out, &SkillChoices{Candidates: choices}
	}
	return out, nil
}

// skillChoicesOr returns fe's error, carrying the candidates of a
// *SkillChoices from proposalSkills when there are any.
func skillChoicesOr(fe ponte.FieldErrors, err error) error {
	ferr := fe.Err()
	if ferr == nil {
		return nil
	}
	if sc, ok := err.(*SkillChoices); ok {
		sc.Err = ponte.AsError(ferr)
		return sc
	}
	return ferr
}

package service

import (
	"context"
	"strings"
	"unicode/utf8"

	"github.com/ponte-platform/ponte"
)

// DeclareCompetence records that the organisation has a competence, with a
// short note; declaring it again changes the note.
func (s *Service) DeclareCompetence(ctx context.Context, actor *ponte.User, orgID int64, skill SkillRef, note, lang string) error {
	_, m, err := s.orgAccess(ctx, s.store, actor, orgID)
	if err != nil {
		return err
	}
	if !ponte.CanManageOrg(actor, m) {
		return forbiddenOrUnauthorized(actor)
	}
	note = strings.TrimSpace(note)
	fe := ponte.FieldErrors{}
	if utf8.RuneCountInString(note) > ponte.MaxCompetenceNoteLen {
		fe.Add("note", "error.too_long")
	}
	if skill.URI == "" && skill.Text == "" {
		fe.Add(skill.Field, "error.required")
	}
	if err := fe.Err(); err != nil {
		return err
	}
	ids, err := s.resolveSkills(ctx, []SkillRef{skill}, lang)
	if err != nil {
		return err
	}
	return s.store.SetOrgCompetence(ctx, orgID, ids[0], note, s.now())
}

// WithdrawCompetence removes a declared competence.
func (s *Service) WithdrawCompetence(ctx context.Context, actor *ponte.User, orgID, conceptID int64) error {
	_, m, err := s.orgAccess(ctx, s.store, actor, orgID)
	if err != nil {
		return err
	}
	if !ponte.CanManageOrg(actor, m) {
		return forbiddenOrUnauthorized(actor)
	}
	return s.store.DeleteOrgCompetence(ctx, orgID, conceptID)
}

// evidenceProjects is how many projects are named as evidence of each
// competence.
const evidenceProjects = 3

// OrgCompetences returns the organisation's n most distinctive
// competences, labelled in lang, each with its evidence: whether it is
// declared, its projects (a few named) and how many members list it.
// Public. Five queries whatever the organisation's size.
func (s *Service) OrgCompetences(ctx context.Context, orgID int64, lang string, n int) ([]ponte.Competence, error) {
	ev, nOrgs, err := s.store.OrgCompetenceEvidence(ctx, orgID)
	if err != nil || len(ev) == 0 {
		return nil, err
	}
	ranked := ponte.RankCompetences(ev, nOrgs)
	if len(ranked) > n {
		ranked = ranked[:n]
	}
	ids := make([]int64, len(ranked))
	for i, c := range ranked {
		ids[i] = c.ConceptID
	}
	concepts, err := s.store.ConceptsByID(ctx, ids, lang)
	if err != nil {
		return nil, err
	}
	refs, err := s.store.OrgProjectsByConcept(ctx, orgID, ids, evidenceProjects)
	if err != nil {
		return nil, err
	}
	byID := make(map[int64]*ponte.Concept, len(concepts))
	for _, c := range concepts {
		byID[c.ID] = c
	}
	out := ranked[:0]
	for _, c := range ranked {
		if c.Concept = byID[c.ConceptID]; c.Concept != nil {
			c.ProjectRefs = refs[c.ConceptID]
			out = append(out, c)
		}
	}
	return out, nil
}

package service

import (
	"context"
	"strconv"
	"strings"

	"github.com/ponte-platform/ponte"
)

// SkillInput is one skill as a form or the API sends it: the skill field
// (a URI from the autocomplete, or typed text), a level and evidence.
type SkillInput struct {
	URI          string
	Text         string
	Level        int
	EvidenceKind string
	EvidenceText string
	EvidenceURL  string
}

func (in SkillInput) skill(userID, conceptID int64) *ponte.ProfileSkill {
	return &ponte.ProfileSkill{UserID: userID, ConceptID: conceptID, Level: in.Level,
		EvidenceKind: in.EvidenceKind, EvidenceText: in.EvidenceText, EvidenceURL: in.EvidenceURL}
}

// MySkills lists the actor's skills with labels in lang.
func (s *Service) MySkills(ctx context.Context, actor *ponte.User, lang string) ([]*ponte.ProfileSkill, error) {
	if !actor.Active() {
		return nil, unauthorized()
	}
	sk, err := s.store.ProfileSkills(ctx, []int64{actor.ID}, lang)
	return sk[actor.ID], err
}

// AddSkill resolves the skill field and adds the skill to the actor's
// profile, or changes its level and evidence if it is there already. When
// the typed text names no single concept, candidates are returned with an
// EInvalid error on "skill", and nothing is saved.
func (s *Service) AddSkill(ctx context.Context, actor *ponte.User, in SkillInput, lang string) (*ponte.Concept, []*ponte.Concept, error) {
	if !actor.Active() {
		return nil, nil, unauthorized()
	}
	fe := ponte.FieldErrors{}
	sk := in.skill(actor.ID, 0)
	sk.Validate(fe, "")
	c, cands, err := s.ResolveSkill(ctx, "skill", strings.TrimSpace(in.URI), strings.TrimSpace(in.Text), lang)
	if err := mergeFieldErrors(fe, err); err != nil {
		return nil, nil, err
	}
	if err := fe.Err(); err != nil {
		return c, cands, err
	}
	sk.ConceptID = c.ID
	return c, nil, s.store.Tx(ctx, func(tx ponte.Store) error { return s.putSkill(ctx, tx, actor, sk) })
}

// putSkill upserts one skill, keeping its creation time and the cap on how
// many a profile holds.
func (s *Service) putSkill(ctx context.Context, tx ponte.Store, actor *ponte.User, sk *ponte.ProfileSkill) error {
	have, err := tx.ProfileSkills(ctx, []int64{actor.ID}, "en")
	if err != nil {
		return err
	}
	now := s.now()
	sk.CreatedAt, sk.UpdatedAt = now, now
	isNew := true
	for _, h := range have[actor.ID] {
		if h.ConceptID == sk.ConceptID {
			sk.CreatedAt, isNew = h.CreatedAt, false
		}
	}
	if isNew && len(have[actor.ID]) >= ponte.MaxProfileSkills {
		return &ponte.Error{Code: ponte.EInvalid, Key: "error.invalid",
			Fields: map[string]string{"skill": "error.profile.too_many"}}
	}
	if err := tx.UpsertProfileSkill(ctx, sk); err != nil {
		return err
	}
	return s.touchProfile(ctx, tx, actor)
}

// UpdateSkill changes the level and evidence of a skill the actor has.
func (s *Service) UpdateSkill(ctx context.Context, actor *ponte.User, conceptID int64, in SkillInput) error {
	if !actor.Active() {
		return unauthorized()
	}
	sk := in.skill(actor.ID, conceptID)
	fe := ponte.FieldErrors{}
	sk.Validate(fe, "")
	if err := fe.Err(); err != nil {
		return err
	}
	return s.store.Tx(ctx, func(tx ponte.Store) error {
		have, err := tx.ProfileSkills(ctx, []int64{actor.ID}, "en")
		if err != nil {
			return err
		}
		for _, h := range have[actor.ID] {
			if h.ConceptID == conceptID {
				return s.putSkill(ctx, tx, actor, sk)
			}
		}
		return notFound()
	})
}

// RemoveSkill removes a skill (and its endorsements) from the actor's profile.
func (s *Service) RemoveSkill(ctx context.Context, actor *ponte.User, conceptID int64) error {
	if !actor.Active() {
		return unauthorized()
	}
	return s.store.Tx(ctx, func(tx ponte.Store) error {
		if err := tx.DeleteProfileSkill(ctx, actor.ID, conceptID); err != nil {
			return err
		}
		return s.touchProfile(ctx, tx, actor)
	})
}

// ReplaceSkills makes in the actor's whole set of skills, atomically: URIs
// only (no text matching, this is for programs); any unknown URI or bad
// level fails the whole set, with field errors named "skills.N.uri" etc.
func (s *Service) ReplaceSkills(ctx context.Context, actor *ponte.User, in []SkillInput) error {
	if !actor.Active() {
		return unauthorized()
	}
	fe := ponte.FieldErrors{}
	if len(in) > ponte.MaxProfileSkills {
		fe.Add("skills", "error.profile.too_many")
	}
	uris := make([]string, len(in))
	for i, x := range in {
		uris[i] = strings.TrimSpace(x.URI)
	}
	ids, err := s.store.ConceptIDs(ctx, uris)
	if err != nil {
		return err
	}
	skills := make([]*ponte.ProfileSkill, 0, len(in))
	seen := map[int64]bool{}
	for i, x := range in {
		f := "skills." + strconv.Itoa(i) + "."
		sk := x.skill(actor.ID, ids[uris[i]])
		sk.Validate(fe, f)
		switch {
		case sk.ConceptID == 0:
			fe.Add(f+"uri", "error.skill_unknown")
		case seen[sk.ConceptID]:
			fe.Add(f+"uri", "error.profile.skill_twice")
		}
		seen[sk.ConceptID] = true
		sk.CreatedAt, sk.UpdatedAt = s.now(), s.now()
		skills = append(skills, sk)
	}
	if err := fe.Err(); err != nil {
		return err
	}
	return s.store.Tx(ctx, func(tx ponte.Store) error {
		if err := keepCreated(ctx, tx, actor.ID, skills); err != nil {
			return err
		}
		if err := tx.ReplaceProfileSkills(ctx, actor.ID, skills); err != nil {
			return err
		}
		return s.touchProfile(ctx, tx, actor)
	})
}

// keepCreated carries the creation time of skills the person already had.
func keepCreated(ctx context.Context, tx ponte.Store, userID int64, skills []*ponte.ProfileSkill) error {
	have, err := tx.ProfileSkills(ctx, []int64{userID}, "en")
	if err != nil {
		return err
	}
	created := map[int64]*ponte.ProfileSkill{}
	for _, h := range have[userID] {
		created[h.ConceptID] = h
	}
	for _, sk := range skills {
		if h, ok := created[sk.ConceptID]; ok {
			sk.CreatedAt = h.CreatedAt
		}
	}
	return nil
}

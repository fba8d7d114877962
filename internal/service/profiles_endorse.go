package service

import (
	"context"

	"github.com/ponte-platform/ponte"
)

// Endorse records the actor's endorsement of one of a person's skills. The
// actor must be a member other than the person, and the person's skills
// must be visible to them; endorsing twice is not an error.
func (s *Service) Endorse(ctx context.Context, actor *ponte.User, personID, conceptID int64) error {
	if !actor.Active() {
		return unauthorized()
	}
	if !ponte.CanEndorse(actor, personID) {
		return ponte.Errorf(ponte.EForbidden, "error.profile.endorse_self")
	}
	ps, err := s.store.ProfilesByUsers(ctx, []int64{personID})
	if err != nil {
		return err
	}
	p, ok := ps[personID]
	if !ok || !ponte.AudienceOf(actor).CanSee(personID, p.Vis(ponte.SectionSkills)) {
		return notFound()
	}
	err = s.store.Endorse(ctx, &ponte.Endorsement{UserID: personID, ConceptID: conceptID,
		EndorserID: actor.ID, CreatedAt: s.now()})
	if ponte.ErrorCode(err) == ponte.EInvalid { // the person has no such skill
		return notFound()
	}
	return err
}

// WithdrawEndorsement removes the actor's endorsement; withdrawing is
// always allowed, even once the skills are hidden.
func (s *Service) WithdrawEndorsement(ctx context.Context, actor *ponte.User, personID, conceptID int64) error {
	if !actor.Active() {
		return unauthorized()
	}
	return s.store.Unendorse(ctx, personID, conceptID, actor.ID)
}

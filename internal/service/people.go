package service

import (
	"context"

	"github.com/ponte-platform/ponte"
)

func notFound() error { return ponte.Errorf(ponte.ENotFound, "error.not_found") }

// Person returns a person's profile as viewer (nil for a visitor) may see
// it, with skills (labels in lang), organisations and the latest
// self-assessment where visible. A profile the viewer may see nothing of is
// ENotFound, as is one never saved, except to its person.
func (s *Service) Person(ctx context.Context, viewer *ponte.User, id int64, lang string) (*PersonView, error) {
	aud := ponte.AudienceOf(viewer)
	ps, err := s.store.ProfilesByUsers(ctx, []int64{id})
	if err != nil {
		return nil, err
	}
	p, ok := ps[id]
	if !ok && aud.ViewerID == id {
		p = ponte.NewProfile(viewer)
	} else if !ok {
		return nil, notFound()
	}
	v := viewProfile(aud, p)
	if !v.Visible() {
		return nil, notFound()
	}
	return v, s.fillPerson(ctx, viewer, v, lang)
}

// fillPerson loads the lists of one person's view that the viewer may see.
func (s *Service) fillPerson(ctx context.Context, viewer *ponte.User, v *PersonView, lang string) error {
	ids := []int64{v.UserID}
	if v.Can[ponte.SectionSkills] {
		sk, err := s.store.ProfileSkills(ctx, ids, lang)
		if err != nil {
			return err
		}
		v.attachSkills(sk[v.UserID])
	}
	if v.Can[ponte.SectionAffiliations] {
		orgs, err := s.store.UserOrganisations(ctx, ids)
		if err != nil {
			return err
		}
		v.attachOrgs(orgs[v.UserID])
	}
	if v.Can[ponte.SectionAssessment] {
		as, err := s.store.Assessments(ctx, v.UserID, 0, 1)
		if err != nil {
			return err
		}
		if len(as) > 0 {
			v.attachAssessment(as[0])
		}
	}
	if v.CanEndorse {
		var err error
		if v.Endorsed, err = s.store.EndorsedBy(ctx, viewer.ID, v.UserID); err != nil {
			return err
		}
	}
	return nil
}

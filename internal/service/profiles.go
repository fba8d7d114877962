package service

import (
	"context"
	"fmt"

	"github.com/ponte-platform/ponte"
)

// loadProfile returns userID's saved profile, or the defaults for u when
// there is none yet.
func loadProfile(ctx context.Context, st ponte.Store, u *ponte.User) (*ponte.Profile, error) {
	ps, err := st.ProfilesByUsers(ctx, []int64{u.ID})
	if err != nil {
		return nil, fmt.Errorf("service: load profile %d: %w", u.ID, err)
	}
	if p, ok := ps[u.ID]; ok {
		return p, nil
	}
	return ponte.NewProfile(u), nil
}

// MyProfile returns the actor's profile, the defaults if never saved.
func (s *Service) MyProfile(ctx context.Context, actor *ponte.User) (*ponte.Profile, error) {
	if !actor.Active() {
		return nil, unauthorized()
	}
	return loadProfile(ctx, s.store, actor)
}

// UpdateProfile saves the given sections of the actor's profile from in,
// with their visibility; other sections stay as they are. It creates the
// profile on first use. Either every field is valid and all is saved, or
// nothing is (EInvalid with every field's error).
func (s *Service) UpdateProfile(ctx context.Context, actor *ponte.User, in ProfileInput, sections ...string) (*ponte.Profile, error) {
	return s.updateProfile(ctx, actor, in, sections, sections)
}

// updateProfile applies the content of sections and the visibility of
// visSections.
func (s *Service) updateProfile(ctx context.Context, actor *ponte.User, in ProfileInput, sections, visSections []string) (*ponte.Profile, error) {
	if !actor.Active() {
		return nil, unauthorized()
	}
	var p *ponte.Profile
	err := s.store.Tx(ctx, func(tx ponte.Store) error {
		var err error
		if p, err = loadProfile(ctx, tx, actor); err != nil {
			return err
		}
		fe := ponte.FieldErrors{}
		for _, sec := range sections {
			rule, ok := sectionRules[sec]
			if !ok {
				return fmt.Errorf("service.UpdateProfile: unknown section %q", sec)
			}
			rule(&in, p, fe)
		}
		applyVisibility(&in, p, visSections, fe)
		if err := fe.Err(); err != nil {
			return err
		}
		return s.saveProfile(ctx, tx, actor, p)
	})
	if err != nil {
		return nil, err
	}
	return p, nil
}

// saveProfile writes p (and the account's name when it changed) with a
// fresh updated_at, which orders the directory by recency.
func (s *Service) saveProfile(ctx context.Context, tx ponte.Store, actor *ponte.User, p *ponte.Profile) error {
	now := s.now()
	if !p.Exists {
		p.CreatedAt = now
	}
	p.UpdatedAt = now
	if p.DisplayName != "" && p.DisplayName != actor.DisplayName {
		u, err := tx.UserByID(ctx, actor.ID)
		if err != nil {
			return err
		}
		u.DisplayName, u.UpdatedAt = p.DisplayName, now
		if err := tx.UpdateUser(ctx, u); err != nil {
			return err
		}
		actor.DisplayName = p.DisplayName
	}
	if err := tx.SaveProfile(ctx, p); err != nil {
		return err
	}
	return reindex(ctx, tx, ponte.SearchPerson, p.UserID)
}

// SetVisibility changes the visibility of one section of the actor's
// profile (the skills and self-assessment pages have a form for it).
func (s *Service) SetVisibility(ctx context.Context, actor *ponte.User, section string, v ponte.Visibility) error {
	if !ponte.ValidSection(section) {
		return &ponte.Error{Code: ponte.EInvalid, Key: "error.invalid",
			Fields: map[string]string{"section": "error.choose_option"}}
	}
	in := ProfileInput{Visibility: map[string]ponte.Visibility{section: v}}
	_, err := s.updateProfile(ctx, actor, in, nil, []string{section})
	return err
}

// touchProfile makes sure the actor has a saved profile, bumping its
// updated_at; a change of skills counts as an update of the profile.
func (s *Service) touchProfile(ctx context.Context, tx ponte.Store, actor *ponte.User) error {
	p, err := loadProfile(ctx, tx, actor)
	if err != nil {
		return err
	}
	p.DisplayName = ""
	return s.saveProfile(ctx, tx, actor, p)
}

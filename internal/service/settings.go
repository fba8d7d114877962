package service

import (
	"context"
	"strings"

	"github.com/ponte-platform/ponte"
)

// SettingsInput changes the actor's own name and language.
type SettingsInput struct {
	DisplayName string
	Lang        string
}

// UpdateSettings saves the actor's display name and interface language.
func (s *Service) UpdateSettings(ctx context.Context, actor *ponte.User, in SettingsInput) (*ponte.User, error) {
	if !actor.Active() {
		return nil, unauthorized()
	}
	in.DisplayName = strings.TrimSpace(in.DisplayName)
	fe := ponte.FieldErrors{}
	ponte.ValidateDisplayName(fe, "display_name", in.DisplayName)
	if !ponte.ValidLanguage(in.Lang) {
		fe.Add("lang", "error.choose_option")
	}
	if err := fe.Err(); err != nil {
		return nil, err
	}
	u := *actor
	u.DisplayName, u.Lang, u.UpdatedAt = in.DisplayName, in.Lang, s.now()
	err := s.store.Tx(ctx, func(tx ponte.Store) error {
		if err := tx.UpdateUser(ctx, &u); err != nil {
			return err
		}
		return reindex(ctx, tx, ponte.SearchPerson, u.ID)
	})
	if err != nil {
		return nil, err
	}
	return &u, nil
}

// SetLanguage saves the actor's interface language (the language switcher).
func (s *Service) SetLanguage(ctx context.Context, actor *ponte.User, lang string) error {
	if !actor.Active() || !ponte.ValidLanguage(lang) || actor.Lang == lang {
		return nil
	}
	u := *actor
	u.Lang, u.UpdatedAt = lang, s.now()
	return s.store.UpdateUser(ctx, &u)
}

// ChangePassword replaces the actor's password after checking the current
// one, and ends the actor's other sessions by ending them all: the caller
// starts a fresh one.
func (s *Service) ChangePassword(ctx context.Context, actor *ponte.User, current, next string) error {
	if !actor.Active() {
		return unauthorized()
	}
	fe := ponte.FieldErrors{}
	if ok, _ := CheckPassword(current, actor.PasswordHash); !ok {
		fe.Add("current_password", "error.password_wrong")
	}
	ponte.ValidatePassword(fe, "new_password", next)
	if err := fe.Err(); err != nil {
		return err
	}
	hash, err := HashPassword(next, s.cfg.PasswordCost)
	if err != nil {
		return err
	}
	u := *actor
	u.PasswordHash, u.UpdatedAt = hash, s.now()
	return s.store.Tx(ctx, func(tx ponte.Store) error {
		if err := tx.UpdateUser(ctx, &u); err != nil {
			return err
		}
		return tx.DeleteUserSessions(ctx, u.ID)
	})
}

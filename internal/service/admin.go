package service

import (
	"context"

	"github.com/ponte-platform/ponte"
)

// CreateUserInput makes an account from the shell or the first-run page.
type CreateUserInput struct {
	Email       string
	DisplayName string
	Password    string
	Lang        string
	Admin       bool
}

// CreateUser makes a verified account without e-mail (the operator vouches
// for it). It is for `ponte user create` and for SetupAdmin: no actor.
func (s *Service) CreateUser(ctx context.Context, in CreateUserInput) (*ponte.User, error) {
	if in.DisplayName == "" {
		in.DisplayName, _, _ = cut(in.Email, "@")
	}
	su := SignUpInput{Email: in.Email, DisplayName: in.DisplayName, Password: in.Password,
		Lang: in.Lang, AcceptTerms: true}
	if err := su.normalize().Err(); err != nil {
		return nil, err
	}
	hash, err := HashPassword(su.Password, s.cfg.PasswordCost)
	if err != nil {
		return nil, err
	}
	now := s.now()
	u := &ponte.User{Email: su.Email, DisplayName: su.DisplayName, PasswordHash: hash,
		Role: ponte.RoleMember, Lang: su.Lang, EmailVerified: &now, CreatedAt: now, UpdatedAt: now}
	if in.Admin {
		u.Role = ponte.RoleAdmin
	}
	if err := s.store.CreateUser(ctx, u); err != nil {
		return nil, emailTaken(err)
	}
	return u, nil
}

// NeedsSetup reports whether the platform has no administrator yet, in which
// case the first visitor is offered to become one. Once one exists the
// answer cannot change (the last administrator can neither leave nor be
// demoted), so it is remembered and the home page stops asking.
func (s *Service) NeedsSetup(ctx context.Context) (bool, error) {
	if s.hasAdmin.Load() {
		return false, nil
	}
	admins, err := s.store.ListUsers(ctx, ponte.UserFilter{Role: ponte.RoleAdmin, Limit: 1})
	if err == nil && len(admins) > 0 {
		s.hasAdmin.Store(true)
	}
	return len(admins) == 0, err
}

// SetupAdmin creates the first administrator; once one exists it refuses.
// The check and the insert run under one named lock, so two visitors racing
// on a fresh instance cannot both become administrator.
func (s *Service) SetupAdmin(ctx context.Context, in CreateUserInput) (*ponte.User, error) {
	var u *ponte.User
	err := s.store.Tx(ctx, func(tx ponte.Store) error {
		if err := tx.Lock(ctx, "admins"); err != nil {
			return err
		}
		admins, err := tx.ListUsers(ctx, ponte.UserFilter{Role: ponte.RoleAdmin, Limit: 1})
		if err != nil {
			return err
		}
		if len(admins) > 0 {
			return forbidden()
		}
		in.Admin = true
		u, err = (&Service{store: tx, cfg: s.cfg, tr: s.tr, log: s.log, now: s.now}).CreateUser(ctx, in)
		return err
	})
	return u, err
}

// ListUsers lists accounts for an administrator.
func (s *Service) ListUsers(ctx context.Context, actor *ponte.User, f ponte.UserFilter) ([]*ponte.User, error) {
	if !ponte.CanManageUsers(actor) {
		return nil, forbidden()
	}
	return s.store.ListUsers(ctx, f)
}

// SetRole changes a user's role. Administrators cannot change their own role,
// so the platform is never left without one by accident.
func (s *Service) SetRole(ctx context.Context, actor *ponte.User, id int64, role ponte.Role) error {
	if !ponte.CanManageUsers(actor) {
		return forbidden()
	}
	if !role.Valid() {
		return &ponte.Error{Code: ponte.EInvalid, Key: "error.invalid",
			Fields: map[string]string{"role": "error.choose_option"}}
	}
	if id == actor.ID {
		return ponte.Errorf(ponte.EForbidden, "error.own_account")
	}
	return s.changed(ctx, s.store.Tx(ctx, func(tx ponte.Store) error {
		u, err := tx.UserByID(ctx, id)
		if err != nil {
			return err
		}
		u.Role, u.UpdatedAt = role, s.now()
		return tx.UpdateUser(ctx, u)
	}))
}

// SetActive deactivates (signing out everywhere) or reactivates a user.
func (s *Service) SetActive(ctx context.Context, actor *ponte.User, id int64, active bool) error {
	if !ponte.CanManageUsers(actor) {
		return forbidden()
	}
	if id == actor.ID {
		return ponte.Errorf(ponte.EForbidden, "error.own_account")
	}
	return s.changed(ctx, s.store.Tx(ctx, func(tx ponte.Store) error {
		u, err := tx.UserByID(ctx, id)
		if err != nil {
			return err
		}
		now := s.now()
		u.Deactivated, u.UpdatedAt = nil, now
		if !active {
			u.Deactivated = &now
		}
		if err := tx.UpdateUser(ctx, u); err != nil {
			return err
		}
		if err := reindex(ctx, tx, ponte.SearchPerson, u.ID); err != nil {
			return err
		}
		if !active {
			return tx.DeleteUserSessions(ctx, u.ID)
		}
		return nil
	}))
}

func cut(s, sep string) (string, string, bool) {
	for i := 0; i+len(sep) <= len(s); i++ {
		if s[i:i+len(sep)] == sep {
			return s[:i], s[i+len(sep):], true
		}
	}
	return s, "", false
}

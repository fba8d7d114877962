package service

import (
	"context"

	"github.com/ponte-platform/ponte"
)

// RequestPasswordReset mails a single-use reset link if the address belongs
// to an active account. It answers the same either way.
func (s *Service) RequestPasswordReset(ctx context.Context, email string) error {
	email = ponte.NormalizeEmail(email)
	fe := ponte.FieldErrors{}
	ponte.ValidateEmail(fe, "email", email)
	if err := fe.Err(); err != nil {
		return err
	}
	u, err := s.store.UserByEmail(ctx, email)
	if ponte.ErrorCode(err) == ponte.ENotFound || (err == nil && !u.Active()) {
		return nil
	}
	if err != nil {
		return err
	}
	secret := newSecret("")
	err = s.store.Tx(ctx, func(tx ponte.Store) error {
		if err := tx.DeleteOneTimeTokens(ctx, u.ID, ponte.PurposeResetPassword); err != nil {
			return err
		}
		if err := tx.CreateOneTimeToken(ctx, &ponte.OneTimeToken{TokenHash: hashSecret(secret),
			UserID: u.ID, Purpose: ponte.PurposeResetPassword,
			ExpiresAt: s.now().Add(s.cfg.ResetTTL)}); err != nil {
			return err
		}
		return s.queueMail(ctx, tx, u, "mail.reset", map[string]any{
			"Name": u.DisplayName, "Link": s.cfg.BaseURL + "/password/reset?token=" + secret})
	})
	s.pokeMailer()
	return err
}

// ResetPassword sets a new password with a reset token, signs the account out
// everywhere, and counts the address as verified (the link reached it).
func (s *Service) ResetPassword(ctx context.Context, token, password string) (*ponte.User, error) {
	fe := ponte.FieldErrors{}
	ponte.ValidatePassword(fe, "password", password)
	if err := fe.Err(); err != nil {
		return nil, err
	}
	hash, err := HashPassword(password, s.cfg.PasswordCost)
	if err != nil {
		return nil, err
	}
	var u *ponte.User
	err = s.store.Tx(ctx, func(tx ponte.Store) error {
		uid, err := tx.UseOneTimeToken(ctx, hashSecret(token), ponte.PurposeResetPassword, s.now())
		if err != nil {
			return badLink(err)
		}
		if u, err = tx.UserByID(ctx, uid); err != nil {
			return err
		}
		now := s.now()
		u.PasswordHash, u.UpdatedAt = hash, now
		if u.EmailVerified == nil {
			u.EmailVerified = &now
		}
		if err := tx.UpdateUser(ctx, u); err != nil {
			return err
		}
		return tx.DeleteUserSessions(ctx, u.ID)
	})
	return u, err
}

// CheckResetLink tells whether a reset link still works, without using it,
// so the page can say so before the person types a new password.
func (s *Service) CheckResetLink(ctx context.Context, token string) error {
	_, err := s.store.PeekOneTimeToken(ctx, hashSecret(token), ponte.PurposeResetPassword, s.now())
	return badLink(err)
}

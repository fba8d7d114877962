package service

import (
	"context"
	"strings"

	"github.com/ponte-platform/ponte"
)

// SignUpInput is what the sign-up form and API send.
type SignUpInput struct {
	Email       string
	DisplayName string
	Password    string
	Lang        string
	AcceptTerms bool
}

func (in *SignUpInput) normalize() ponte.FieldErrors {
	in.Email = ponte.NormalizeEmail(in.Email)
	in.DisplayName = strings.TrimSpace(in.DisplayName)
	if !ponte.ValidLanguage(in.Lang) {
		in.Lang = "en"
	}
	fe := ponte.FieldErrors{}
	ponte.ValidateEmail(fe, "email", in.Email)
	ponte.ValidateDisplayName(fe, "display_name", in.DisplayName)
	ponte.ValidatePassword(fe, "password", in.Password)
	if !in.AcceptTerms {
		fe.Add("accept_terms", "error.accept_terms")
	}
	return fe
}

// SignUp creates an unverified member and queues the verification e-mail, in
// one transaction. A taken address is a field error on "email".
func (s *Service) SignUp(ctx context.Context, in SignUpInput) (*ponte.User, error) {
	if err := in.normalize().Err(); err != nil {
		return nil, err
	}
	hash, err := HashPassword(in.Password, s.cfg.PasswordCost)
	if err != nil {
		return nil, err
	}
	now := s.now()
	u := &ponte.User{Email: in.Email, DisplayName: in.DisplayName, PasswordHash: hash,
		Role: ponte.RoleMember, Lang: in.Lang, CreatedAt: now, UpdatedAt: now}
	err = s.store.Tx(ctx, func(tx ponte.Store) error {
		if err := tx.CreateUser(ctx, u); err != nil {
			return emailTaken(err)
		}
		return s.sendVerification(ctx, tx, u)
	})
	if err != nil {
		return nil, err
	}
	s.pokeMailer()
	return u, nil
}

// emailTaken turns a unique violation on users.email into a field error.
func emailTaken(err error) error {
	if ponte.ErrorCode(err) == ponte.EConflict {
		return &ponte.Error{Code: ponte.EInvalid, Key: "error.invalid",
			Fields: map[string]string{"email": "error.email_taken"}, Err: err}
	}
	return err
}

func (s *Service) sendVerification(ctx context.Context, tx ponte.Store, u *ponte.User) error {
	secret := newSecret("")
	if err := tx.DeleteOneTimeTokens(ctx, u.ID, ponte.PurposeVerifyEmail); err != nil {
		return err
	}
	err := tx.CreateOneTimeToken(ctx, &ponte.OneTimeToken{TokenHash: hashSecret(secret),
		UserID: u.ID, Purpose: ponte.PurposeVerifyEmail, ExpiresAt: s.now().Add(s.cfg.VerifyTTL)})
	if err != nil {
		return err
	}
	return s.queueMail(ctx, tx, u, "mail.verify", map[string]any{
		"Name": u.DisplayName, "Link": s.cfg.BaseURL + "/verify?token=" + secret})
}

// VerifyEmail consumes a verification token and marks the address verified.
func (s *Service) VerifyEmail(ctx context.Context, token string) (*ponte.User, error) {
	var u *ponte.User
	err := s.store.Tx(ctx, func(tx ponte.Store) error {
		uid, err := tx.UseOneTimeToken(ctx, hashSecret(token), ponte.PurposeVerifyEmail, s.now())
		if err != nil {
			return badLink(err)
		}
		if u, err = tx.UserByID(ctx, uid); err != nil {
			return err
		}
		if u.EmailVerified == nil {
			now := s.now()
			u.EmailVerified, u.UpdatedAt = &now, now
			return tx.UpdateUser(ctx, u)
		}
		return nil
	})
	return u, err
}

// badLink turns an unknown, used or expired token into one clear error.
func badLink(err error) error {
	if ponte.ErrorCode(err) == ponte.ENotFound {
		return &ponte.Error{Code: ponte.EInvalid, Key: "error.link_invalid", Err: err}
	}
	return err
}

// ResendVerification queues a new verification e-mail if the address belongs
// to an unverified account. It says nothing either way, so the form cannot be
// used to find out who is registered.
func (s *Service) ResendVerification(ctx context.Context, email string) error {
	u, err := s.store.UserByEmail(ctx, ponte.NormalizeEmail(email))
	if ponte.ErrorCode(err) == ponte.ENotFound || (err == nil && (u.EmailVerified != nil || !u.Active())) {
		return nil
	}
	if err != nil {
		return err
	}
	err = s.store.Tx(ctx, func(tx ponte.Store) error { return s.sendVerification(ctx, tx, u) })
	s.pokeMailer()
	return err
}

// dummyHash is checked against when an address is unknown, so that a failed
// sign-in takes as long whether or not the account exists.
var dummyHash, _ = HashPassword("not a password", DefaultPasswordParams)

// Authenticate checks an e-mail and password. Unknown address and wrong
// password fail alike; a deactivated or unverified account fails with its
// own error only once the password is right.
func (s *Service) Authenticate(ctx context.Context, email, password string) (*ponte.User, error) {
	u, err := s.store.UserByEmail(ctx, ponte.NormalizeEmail(email))
	if err != nil && ponte.ErrorCode(err) != ponte.ENotFound {
		return nil, err
	}
	hash := dummyHash
	if u != nil {
		hash = u.PasswordHash
	}
	ok, _ := CheckPassword(password, hash)
	switch {
	case u == nil || !ok:
		return nil, &ponte.Error{Code: ponte.EUnauthorized, Key: "error.login_failed"}
	case !u.Active():
		return nil, &ponte.Error{Code: ponte.EForbidden, Key: "error.account_deactivated"}
	case u.EmailVerified == nil:
		return nil, &ponte.Error{Code: ponte.EUnverified, Key: "error.email_unverified"}
	}
	return u, nil
}

// StartSession signs a user in: it stores a new session and returns the
// secret for the cookie.
func (s *Service) StartSession(ctx context.Context, u *ponte.User) (string, error) {
	secret := newSecret("")
	now := s.now()
	err := s.store.CreateSession(ctx, &ponte.Session{TokenHash: hashSecret(secret), UserID: u.ID,
		CreatedAt: now, ExpiresAt: now.Add(s.cfg.SessionTTL)})
	return secret, err
}

// SessionUser returns the active user of a session cookie's secret.
func (s *Service) SessionUser(ctx context.Context, secret string) (*ponte.User, error) {
	if secret == "" {
		return nil, unauthorized()
	}
	u, err := s.store.SessionUser(ctx, hashSecret(secret), s.now())
	if err != nil {
		if ponte.ErrorCode(err) == ponte.ENotFound {
			return nil, unauthorized()
		}
		return nil, err
	}
	if !u.Active() {
		return nil, unauthorized()
	}
	return u, nil
}

// EndSession signs a browser out.
func (s *Service) EndSession(ctx context.Context, secret string) error {
	if secret == "" {
		return nil
	}
	return s.store.DeleteSession(ctx, hashSecret(secret))
}

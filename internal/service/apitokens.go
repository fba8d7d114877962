package service

import (
	"context"
	"strings"
	"unicode/utf8"

	"github.com/ponte-platform/ponte"
)

// APITokenPrefix starts every API token, so a leaked one is recognisable
// (and secret scanners can be taught it).
const APITokenPrefix = "pt_"

// CreateAPIToken makes a bearer token for the actor and returns it in clear,
// the only time it is ever shown.
func (s *Service) CreateAPIToken(ctx context.Context, actor *ponte.User, name string) (string, *ponte.APIToken, error) {
	if !actor.Active() {
		return "", nil, unauthorized()
	}
	name = strings.TrimSpace(name)
	fe := ponte.FieldErrors{}
	if name == "" {
		fe.Add("name", "error.required")
	} else if utf8.RuneCountInString(name) > 100 {
		fe.Add("name", "error.too_long")
	}
	if err := fe.Err(); err != nil {
		return "", nil, err
	}
	secret := newSecret(APITokenPrefix)
	t := &ponte.APIToken{UserID: actor.ID, Name: name, TokenHash: hashSecret(secret),
		Prefix: secret[:len(APITokenPrefix)+6], CreatedAt: s.now()}
	if err := s.store.CreateAPIToken(ctx, t); err != nil {
		return "", nil, err
	}
	return secret, t, nil
}

// APITokens lists the actor's tokens.
func (s *Service) APITokens(ctx context.Context, actor *ponte.User) ([]*ponte.APIToken, error) {
	if !actor.Active() {
		return nil, unauthorized()
	}
	return s.store.ListAPITokens(ctx, actor.ID)
}

// RevokeAPIToken deletes one of the actor's tokens; another's is not found.
func (s *Service) RevokeAPIToken(ctx context.Context, actor *ponte.User, id int64) error {
	if !actor.Active() {
		return unauthorized()
	}
	return s.store.DeleteAPIToken(ctx, actor.ID, id)
}

// TokenUser returns the active user of a bearer token.
func (s *Service) TokenUser(ctx context.Context, secret string) (*ponte.User, error) {
	if !strings.HasPrefix(secret, APITokenPrefix) {
		return nil, unauthorized()
	}
	u, err := s.store.APITokenUser(ctx, hashSecret(secret), s.now())
	if ponte.ErrorCode(err) == ponte.ENotFound || (err == nil && !u.Active()) {
		return nil, unauthorized()
	}
	return u, err
}

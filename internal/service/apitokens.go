package service

import (
	"context"
	"strings"
	"time"
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
	// The token may be in any node's token cache: moving the version
	// drops it there (within VersionRecheck on other nodes, at once here).
	return s.changed(ctx, s.store.DeleteAPIToken(ctx, actor.ID, id))
}

// tokensKept bounds the tokens the node remembers; tokenTTL is how long
// it trusts one without asking the store, which also records the token's
// use (at most once a minute).
const (
	tokensKept = 4096
	tokenTTL   = time.Minute
)

// TokenUser returns the active user of a bearer token. A token found is
// remembered until the content version moves (revoking a token, changing
// or deactivating an account all move it) or for tokenTTL: an API client
// otherwise costs a query per request. Unknown tokens are not remembered.
// Each caller gets its own copy of the user.
func (s *Service) TokenUser(ctx context.Context, secret string) (*ponte.User, error) {
	if !strings.HasPrefix(secret, APITokenPrefix) {
		return nil, unauthorized()
	}
	hash := hashSecret(secret)
	u, err := cached(s, s.tokens, ctx, hash, func() (*ponte.User, error) {
		return s.store.APITokenUser(ctx, hash, s.now())
	})
	if ponte.ErrorCode(err) == ponte.ENotFound || (err == nil && !u.Active()) {
		return nil, unauthorized()
	}
	if err != nil {
		return nil, err
	}
	c := *u
	return &c, nil
}

package ponte

import (
	"context"
	"time"
)

// Store is everything Ponte keeps. internal/sqlstore implements it for SQLite
// and PostgreSQL with one code path; the contract suite in
// internal/sqlstore/storetest holds both to the same behaviour.
//
// Methods return *Error with ENotFound when a single thing is missing and
// EConflict when a unique constraint is hit; other failures are wrapped
// driver errors (EInternal).
type Store interface {
	// Tx runs fn in one transaction on a Store bound to it; fn's error rolls
	// back. Nested calls run inside the outer transaction.
	Tx(ctx context.Context, fn func(Store) error) error
	// Ping checks that the database answers.
	Ping(ctx context.Context) error
	// Dialect names the database: "sqlite" or "postgres".
	Dialect() string
	// Lock serialises the transactions that take the same named lock, until
	// the current transaction ends; it must be called inside Tx. Use it where
	// a rule spans rows ("at least one administrator").
	Lock(ctx context.Context, name string) error

	UserStore
	SessionStore
	TokenStore
	MailStore
	RateStore
	TaxonomyStore
	OrgStore
	ProfileStore
	ImageStore
	ProposalStore
	InterestStore
	NotificationStore
	MatchStore
	SearchStore
	SavedSearchStore
	AttachmentStore
	OpenDataStore
	ContentStore
}

// UserStore keeps accounts.
type UserStore interface {
	CreateUser(ctx context.Context, u *User) error
	UserByID(ctx context.Context, id int64) (*User, error)
	UserByEmail(ctx context.Context, email string) (*User, error)
	UpdateUser(ctx context.Context, u *User) error
	DeleteUser(ctx context.Context, id int64) error
	CountUsers(ctx context.Context) (int, error)
	ListUsers(ctx context.Context, f UserFilter) ([]*User, error)
}

// UserFilter selects a page of users, newest first. Before is a keyset
// cursor: only users with a smaller id are returned.
type UserFilter struct {
	Query  string // matches the start of the e-mail or of the display name
	Role   Role
	Before int64
	Limit  int
}

// Session is a signed-in browser. Only the SHA-256 of the cookie's token is
// stored, so a leaked database does not hand out live sessions.
type Session struct {
	TokenHash string
	UserID    int64
	CreatedAt time.Time
	ExpiresAt time.Time
}

// SessionStore keeps browser sessions in the database, so any app node can
// serve any request.
type SessionStore interface {
	CreateSession(ctx context.Context, s *Session) error
	// SessionUser returns the session's user if the session exists and has
	// not expired at now.
	SessionUser(ctx context.Context, tokenHash string, now time.Time) (*User, error)
	DeleteSession(ctx context.Context, tokenHash string) error
	DeleteUserSessions(ctx context.Context, userID int64) error
	DeleteExpiredSessions(ctx context.Context, now time.Time) (int64, error)
}

// Token purposes for one-time tokens.
const (
	PurposeVerifyEmail   = "verify_email"
	PurposeResetPassword = "reset_password"
)

// OneTimeToken is a single-use secret sent by e-mail (verification, reset).
type OneTimeToken struct {
	TokenHash string
	UserID    int64
	Purpose   string
	ExpiresAt time.Time
}

// APIToken is a bearer token for the JSON API. Prefix is the token's first
// characters, shown so the owner can tell tokens apart.
type APIToken struct {
	ID         int64
	UserID     int64
	Name       string
	TokenHash  string
	Prefix     string
	CreatedAt  time.Time
	LastUsedAt *time.Time
}

// TokenStore keeps one-time and API tokens.
type TokenStore interface {
	CreateOneTimeToken(ctx context.Context, t *OneTimeToken) error
	// UseOneTimeToken marks the token used and returns its user id; it fails
	// with ENotFound when the token is unknown, used, expired or of another
	// purpose. Two concurrent uses: exactly one succeeds.
	UseOneTimeToken(ctx context.Context, tokenHash, purpose string, now time.Time) (int64, error)
	DeleteOneTimeTokens(ctx context.Context, userID int64, purpose string) error
	// PeekOneTimeToken returns the user id of a live token without using it.
	PeekOneTimeToken(ctx context.Context, tokenHash, purpose string, now time.Time) (int64, error)
	CreateAPIToken(ctx context.Context, t *APIToken) error
	// APITokenUser returns the token's user and records the use at now.
	APITokenUser(ctx context.Context, tokenHash string, now time.Time) (*User, error)
	ListAPITokens(ctx context.Context, userID int64) ([]*APIToken, error)
	// DeleteAPIToken revokes a token of userID's; ENotFound if it has none
	// with that id.
	DeleteAPIToken(ctx context.Context, userID, id int64) error
}

// Mail is a message in the outbox. Mail is written in the same transaction as
// the change that causes it and delivered afterwards, so a crash loses none.
type Mail struct {
	ID          int64
	To          string
	Subject     string
	Text        string
	CreatedAt   time.Time
	SentAt      *time.Time
	Attempts    int
	LastError   string
	NextAttempt time.Time
}

// MailFilter selects a page of the outbox, newest first.
type MailFilter struct {
	Before int64
	Limit  int
}

// MailStore is the outbox.
type MailStore interface {
	EnqueueMail(ctx context.Context, m *Mail) error
	ListMail(ctx context.Context, f MailFilter) ([]*Mail, error)
	// ClaimMail leases up to limit unsent messages due at now until lease,
	// so that two app nodes never send the same message at once.
	ClaimMail(ctx context.Context, now, lease time.Time, limit int) ([]*Mail, error)
	MarkMailSent(ctx context.Context, id int64, at time.Time) error
	MarkMailFailed(ctx context.Context, id int64, reason string, retryAt time.Time) error
	// DeleteMailTo erases the outbox messages to an address (account deletion).
	DeleteMailTo(ctx context.Context, email string) error
}

// RateStore counts attempts in fixed windows, shared by all app nodes.
type RateStore interface {
	// RateHit counts n attempts for key in the window starting at window
	// and returns the attempts counted in that window so far.
	RateHit(ctx context.Context, key string, window time.Time, n int) (int, error)
	// PruneRateLimits forgets windows that started before cutoff.
	PruneRateLimits(ctx context.Context, cutoff time.Time) error
}

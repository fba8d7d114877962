// Package service holds Ponte's business rules: it authorises every action,
// validates input, and runs each change in one transaction on a ponte.Store.
// It is written once for both databases and knows nothing of HTTP.
package service

import (
	"context"
	"log/slog"
	"sync/atomic"
	"time"

	"github.com/ponte-platform/ponte"
)

// Translator renders a message key in a language; the i18n package provides
// it. The service needs it only for e-mails, which are written in the
// recipient's language when they are queued.
type Translator interface {
	Translate(lang, key string, data map[string]any) string
}

// Sender delivers one e-mail; internal/mail implements it over SMTP.
type Sender interface {
	Send(ctx context.Context, to, subject, text string) error
}

// Config holds the service's tunables. Zero values take the defaults.
type Config struct {
	BaseURL      string        // absolute URL of the site, for links in e-mails
	SessionTTL   time.Duration // how long a sign-in lasts (30 days)
	VerifyTTL    time.Duration // e-mail verification links (48 h)
	ResetTTL     time.Duration // password reset links (1 h)
	PasswordCost PasswordParams
	SiteName     string
	RateLimits   map[string]Limit // per scope; see DefaultRateLimits
	Moderation   bool             // proposals of non-moderators wait for a moderator before publication
}

// Service is the application. Its methods are safe for concurrent use.
type Service struct {
	store    ponte.Store
	cfg      Config
	tr       Translator
	sender   Sender // nil: mail is kept in the outbox and logged
	log      *slog.Logger
	now      func() time.Time
	poke     chan struct{}
	sug      suggester    // skill suggestions for texts, built on first use
	skills   skillState   // the in-memory skill index; see skills_index.go
	version  versionState // the content version caches check; see contentversion.go
	hasAdmin atomic.Bool  // an administrator exists (NeedsSetup)
	// Computed results kept until the content changes (resultcache.go).
	homeFeeds *resultCache[homeFeedKey, *HomeFeed]
	matches   *resultCache[matchKey, []ponte.Match]
	matched   *resultCache[matchedKey, *ponte.Proposal]
	tokens    *resultCache[string, *ponte.User] // API tokens' users, by token hash (apitokens.go)
	rates     rateBatches                       // batched rate-limit counts (ratelimit.go)
}

// New returns a Service. sender may be nil (no SMTP configured).
func New(store ponte.Store, cfg Config, tr Translator, sender Sender, log *slog.Logger) *Service {
	if cfg.SessionTTL == 0 {
		cfg.SessionTTL = 30 * 24 * time.Hour
	}
	if cfg.VerifyTTL == 0 {
		cfg.VerifyTTL = 48 * time.Hour
	}
	if cfg.ResetTTL == 0 {
		cfg.ResetTTL = time.Hour
	}
	if cfg.PasswordCost == (PasswordParams{}) {
		cfg.PasswordCost = DefaultPasswordParams
	}
	if cfg.SiteName == "" {
		cfg.SiteName = "Ponte"
	}
	if cfg.RateLimits == nil {
		cfg.RateLimits = DefaultRateLimits
	}
	if log == nil {
		log = slog.Default()
	}
	return &Service{store: store, cfg: cfg, tr: tr, sender: sender, log: log,
		now: func() time.Time { return time.Now().UTC() }, poke: make(chan struct{}, 1),
		homeFeeds: newResultCache[homeFeedKey, *HomeFeed](homeFeedsKept, homeFeedTTL),
		matches:   newResultCache[matchKey, []ponte.Match](matchesKept, matchesTTL),
		matched:   newResultCache[matchedKey, *ponte.Proposal](matchesKept, matchesTTL),
		tokens:    newResultCache[string, *ponte.User](tokensKept, tokenTTL)}
}

// SetClock replaces the clock, for tests.
func (s *Service) SetClock(now func() time.Time) { s.now = now }

// Store returns the store, for read-only wiring such as health checks.
func (s *Service) Store() ponte.Store { return s.store }

// Ready reports whether the database answers.
func (s *Service) Ready(ctx context.Context) error { return s.store.Ping(ctx) }

// HasSender reports whether e-mail is delivered over SMTP.
func (s *Service) HasSender() bool { return s.sender != nil }

func forbidden() error { return ponte.Errorf(ponte.EForbidden, "error.forbidden") }

func unauthorized() error { return ponte.Errorf(ponte.EUnauthorized, "error.unauthorized") }

// RunJanitor deletes expired sessions and old rate-limit windows, closes
// overdue proposals, sends alerts and digests, and recounts the
// organisations known for a skill through their members, at once and then
// every interval until ctx ends.
func (s *Service) RunJanitor(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		now := s.now()
		if _, err := s.store.DeleteExpiredSessions(ctx, now); err != nil && ctx.Err() == nil {
			s.log.Error("janitor: sessions", "err", err)
		}
		if err := s.store.PruneRateLimits(ctx, now.Add(-24*time.Hour)); err != nil && ctx.Err() == nil {
			s.log.Error("janitor: rate limits", "err", err)
		}
		s.expireProposalsLogged(ctx, now)
		s.checkSavedSearchesLogged(ctx, now) // saved_searches.go
		s.sendDigestsLogged(ctx, now)        // digest.go
		s.refreshMemberOrgCountsLogged(ctx)
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// refreshMemberOrgCountsLogged recounts the organisations known for each
// skill through their members alone (ponte.CompetenceStore): the part of an
// organisation's competence ranking that is a snapshot. Organisation pages
// are kept for visitors, so the new counts are announced.
func (s *Service) refreshMemberOrgCountsLogged(ctx context.Context) {
	start := time.Now()
	n, err := s.store.RefreshMemberOrgCounts(ctx)
	if err != nil {
		if ctx.Err() == nil {
			s.log.Error("janitor: member organisation counts", "err", err)
		}
		return
	}
	s.ContentChanged(ctx)
	s.log.Info("janitor: member organisation counts", "concepts", n, "took", time.Since(start).Round(time.Millisecond).String())
}

package service

import (
	"context"
	"fmt"
	"time"

	"github.com/ponte-platform/ponte"
)

// queueMail writes a message for u in u's language into the outbox, inside
// the caller's transaction. key names the catalogue entries key+".subject"
// and key+".body".
func (s *Service) queueMail(ctx context.Context, tx ponte.Store, u *ponte.User, key string, data map[string]any) error {
	return s.queueMailTo(ctx, tx, u.Email, u.Lang, key, data)
}

// queueMailTo is queueMail for an address that may have no account yet
// (an invitation), written in lang.
func (s *Service) queueMailTo(ctx context.Context, tx ponte.Store, to, lang, key string, data map[string]any) error {
	data["Site"] = s.cfg.SiteName
	m := &ponte.Mail{To: to, CreatedAt: s.now(),
		Subject: s.tr.Translate(lang, key+".subject", data),
		Text:    s.tr.Translate(lang, key+".body", data)}
	if err := tx.EnqueueMail(ctx, m); err != nil {
		return err
	}
	if s.sender == nil {
		// Laptop mode: no SMTP server. The message stays in the outbox page
		// and goes to the log so whoever runs the instance can follow links.
		s.log.Info("mail kept in outbox (no SMTP configured)", "outbox_id", m.ID,
			"to", m.To, "subject", m.Subject, "body", m.Text)
	}
	return nil
}

// pokeMailer wakes the delivery loop after a commit, so mail leaves at once
// rather than at the next tick.
func (s *Service) pokeMailer() {
	select {
	case s.poke <- struct{}{}:
	default:
	}
}

// RunMailer delivers the outbox until ctx ends. Several app nodes may run it:
// messages are leased, so each is sent by one node. Without a sender it
// returns at once.
func (s *Service) RunMailer(ctx context.Context, every time.Duration) {
	if s.sender == nil {
		return
	}
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		s.DeliverMail(ctx)
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		case <-s.poke:
		}
	}
}

// maxMailAttempts is when delivery gives up on a message (about a day of
// backing off); it stays in the outbox with its last error.
const maxMailAttempts = 10

// DeliverMail sends what is due now and returns how many were sent.
func (s *Service) DeliverMail(ctx context.Context) int {
	now := s.now()
	batch, err := s.store.ClaimMail(ctx, now, now.Add(5*time.Minute), 50)
	if err != nil {
		s.log.Error("mail: claim", "err", err)
		return 0
	}
	sent := 0
	for _, m := range batch {
		if err := s.sender.Send(ctx, m.To, m.Subject, m.Text); err != nil {
			s.mailFailed(ctx, m, err)
			continue
		}
		if err := s.store.MarkMailSent(ctx, m.ID, s.now()); err != nil {
			s.log.Error("mail: mark sent", "outbox_id", m.ID, "err", err)
		}
		sent++
	}
	return sent
}

func (s *Service) mailFailed(ctx context.Context, m *ponte.Mail, err error) {
	backoff := time.Minute << min(m.Attempts, 10)
	retry := s.now().Add(min(backoff, 6*time.Hour))
	if m.Attempts+1 >= maxMailAttempts {
		retry = s.now().AddDate(100, 0, 0)
	}
	s.log.Warn("mail: delivery failed", "outbox_id", m.ID, "attempt", m.Attempts+1, "err", err)
	if err := s.store.MarkMailFailed(ctx, m.ID, fmt.Sprint(err), retry); err != nil {
		s.log.Error("mail: mark failed", "outbox_id", m.ID, "err", err)
	}
}

// Outbox lists the outbox for an administrator, newest first.
func (s *Service) Outbox(ctx context.Context, actor *ponte.User, before int64) ([]*ponte.Mail, error) {
	if !ponte.CanReadOutbox(actor) {
		return nil, forbidden()
	}
	return s.store.ListMail(ctx, ponte.MailFilter{Before: before, Limit: 50})
}

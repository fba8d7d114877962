package service

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/ponte-platform/ponte"
)

const (
	// digestEvery is how often a member gets the digest.
	digestEvery = 7 * 24 * time.Hour
	// digestBatch is how many due members are read at once, digestEnrol
	// how many newcomers are enrolled at once, and digestBudget how long
	// one janitor run may spend on digests; the rest wait for the next run.
	digestBatch  = 200
	digestEnrol  = 1000
	digestBudget = 10 * time.Minute
	// digestItems is how many proposals one digest lists at most.
	digestItems = 10
	// publishLag keeps the newest minute of publications for the next
	// window: a publication whose transaction is still open when a window
	// closes would otherwise fall between two windows.
	publishLag = time.Minute
)

// plurals is the part of the catalogue that renders plural forms; the
// i18n catalogue has it.
type plurals interface {
	Plural(lang, key string, n int, data map[string]any) string
}

// SendDigests sends the weekly digests due at now and returns how many
// went out. Each member is claimed with a conditional update inside the
// transaction that queues the mail, so of several app nodes only one
// sends it, and a failed send leaves it due. It works in batches until
// nobody is due or digestBudget has passed (the janitor runs hourly).
func (s *Service) SendDigests(ctx context.Context, now time.Time) (int, error) {
	for {
		n, err := s.store.EnrolDigests(ctx, digestEnrol, func(id int64) time.Time { return now.Add(firstDigestIn(id)) })
		if err != nil {
			return 0, err
		}
		if n < digestEnrol {
			break
		}
	}
	start, sent := time.Now(), 0
	for ctx.Err() == nil && time.Since(start) < digestBudget {
		due, err := s.store.DueDigests(ctx, now, digestBatch)
		if err != nil {
			return sent, err
		}
		for _, d := range due {
			ok, err := s.sendDigest(ctx, d, now)
			if err != nil {
				return sent, fmt.Errorf("digest of user %d: %w", d.UserID, err)
			}
			if ok {
				sent++
				s.pokeMailer()
			}
		}
		if len(due) < digestBatch {
			break
		}
	}
	return sent, nil
}

// firstDigestIn is how long after enrolment a member's first digest is
// due: a moment of the coming week fixed by their id, so that the members
// of an import or a seed (or of a platform upgraded to digests) do not all
// fall due in the same hour, and a member does not get a digest the day
// they join.
func firstDigestIn(userID int64) time.Duration {
	const minutes = int64(digestEvery / time.Minute)
	return time.Duration((userID*7919)%minutes+1) * time.Minute
}

// sendDigest claims one member's digest and, if they want it and
// something published since their last one fits them, queues it.
func (s *Service) sendDigest(ctx context.Context, d ponte.DigestDue, now time.Time) (bool, error) {
	sent := false
	err := s.store.Tx(ctx, func(tx ponte.Store) error {
		until := now.Add(-publishLag)
		prev, ok, err := tx.ClaimDigest(ctx, d.UserID, now, until, now.Add(digestEvery))
		if err != nil || !ok || !d.Wanted {
			return err
		}
		u, err := tx.UserByID(ctx, d.UserID)
		if err != nil || !u.Active() || u.EmailVerified == nil {
			return err
		}
		since := now.Add(-digestEvery)
		if prev != nil {
			since = *prev
		}
		recs, err := s.recommend(ctx, tx, ponte.FitQuery{UserID: u.ID, Since: &since, Until: &until}, digestItems, u.Lang)
		if err != nil || len(recs) == 0 {
			return err // nothing relevant: no mail
		}
		if err := s.queueMail(ctx, tx, u, "mail.digest", s.digestData(u, recs)); err != nil {
			return err
		}
		sent = true
		return tx.MarkDigestSent(ctx, u.ID, now)
	})
	return sent, err
}

// digestData renders the ranked list in the member's language.
func (s *Service) digestData(u *ponte.User, recs []*Recommendation) map[string]any {
	var b strings.Builder
	for i, r := range recs {
		title := r.Proposal.Title
		fmt.Fprintf(&b, "%d. %s\n   %s\n   %s\n\n", i+1, title, s.whyText(u.Lang, r),
			s.cfg.BaseURL+"/proposals/"+strconv.FormatInt(r.Proposal.ID, 10))
	}
	return map[string]any{"Name": u.DisplayName, "Count": strconv.Itoa(len(recs)), "List": b.String(),
		"Link": s.cfg.BaseURL + "/proposals", "Settings": s.cfg.BaseURL + "/notifications/settings"}
}

// whyText says which of the member's skills a proposal needs, e.g.
// "needs 2 of your skills: manage budgets, work in teams".
func (s *Service) whyText(lang string, r *Recommendation) string {
	names := make([]string, len(r.Matched))
	for i, c := range r.Matched {
		names[i] = c.Label
	}
	data := map[string]any{"Skills": strings.Join(names, ", ")}
	if p, ok := s.tr.(plurals); ok {
		return p.Plural(lang, "recommend.why", len(names), data)
	}
	data["Count"] = len(names)
	return s.tr.Translate(lang, "recommend.why", data)
}

// sendDigestsLogged is SendDigests for the janitor.
func (s *Service) sendDigestsLogged(ctx context.Context, now time.Time) {
	if n, err := s.SendDigests(ctx, now); err != nil && ctx.Err() == nil {
		s.log.Error("janitor: digests", "err", err)
	} else if n > 0 {
		s.log.Info("janitor: digests queued", "count", n)
	}
}

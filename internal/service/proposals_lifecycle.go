package service

import (
	"context"
	"time"

	"github.com/ponte-platform/ponte"
)

// ChangeProposalStatus moves a proposal to state to (with a close reason
// when closing): draft → published → closed → archived. Publishing checks
// that the proposal is complete and its deadline not past. Each change is
// recorded with who made it; an illegal move is EConflict.
func (s *Service) ChangeProposalStatus(ctx context.Context, actor *ponte.User, id int64, to, reason, lang string) (*ponte.Proposal, error) {
	p, m, err := s.proposalAccess(ctx, actor, id, lang)
	if err != nil {
		return nil, err
	}
	if !ponte.CanSeeProposal(actor, p, m) {
		return nil, ponte.Errorf(ponte.ENotFound, "error.not_found")
	}
	if !ponte.CanEditProposal(actor, p, m) {
		return nil, forbiddenOrUnauthorized(actor)
	}
	if !ponte.ProposalTransition(p.Status, to, reason, false) {
		return nil, ponte.Errorf(ponte.EConflict, "proposal.error.transition")
	}
	if to == ponte.ProposalPublished {
		fe := ponte.FieldErrors{}
		p.ValidatePublish(fe)
		if !p.Deadline.IsZero() && p.Deadline.Before(today(s.now())) {
			fe.Add("deadline", "proposal.error.deadline_past")
		}
		if err := fe.Err(); err != nil {
			return nil, err
		}
	}
	if err := s.moveProposal(ctx, p, &actor.ID, to, reason, s.now()); err != nil {
		return nil, err
	}
	return p, nil
}

// moveProposal records a state change made by actorID (nil: the platform).
// A proposal changed by someone else meanwhile is EConflict.
func (s *Service) moveProposal(ctx context.Context, p *ponte.Proposal, actorID *int64, to, reason string, now time.Time) error {
	ev := &ponte.ProposalEvent{ActorID: actorID, From: p.Status, To: to, Reason: reason, At: now}
	p.Status, p.UpdatedAt = to, now
	switch to {
	case ponte.ProposalPublished:
		p.PublishedAt = &now
	case ponte.ProposalClosed:
		p.ClosedAt, p.CloseReason = &now, reason
	}
	err := s.store.SetProposalStatus(ctx, p, ev)
	if ponte.ErrorCode(err) == ponte.ENotFound {
		return ponte.Errorf(ponte.EConflict, "proposal.error.transition")
	}
	return err
}

// expireBatch is how many overdue proposals one store query returns.
const expireBatch = 100

// ExpireProposals closes, as expired, every published proposal whose
// deadline was before now's date, and returns how many it closed. The
// janitor calls it; running it twice (or on two app nodes) is harmless.
func (s *Service) ExpireProposals(ctx context.Context, now time.Time) (int, error) {
	day := today(now).Format(time.DateOnly)
	n := 0
	for {
		ids, err := s.store.OverdueProposals(ctx, day, expireBatch)
		if err != nil {
			return n, err
		}
		for _, id := range ids {
			p, err := s.store.ProposalByID(ctx, id, "en")
			if err != nil {
				return n, err
			}
			err = s.moveProposal(ctx, p, nil, ponte.ProposalClosed, ponte.CloseReasonExpired, now.UTC())
			switch ponte.ErrorCode(err) {
			case "":
				n++
			case ponte.EConflict: // closed by someone else meanwhile
			default:
				return n, err
			}
		}
		if len(ids) < expireBatch {
			return n, nil
		}
	}
}

// expireProposalsLogged is ExpireProposals for the janitor: failures are
// logged, not returned.
func (s *Service) expireProposalsLogged(ctx context.Context, now time.Time) {
	if n, err := s.ExpireProposals(ctx, now); err != nil && ctx.Err() == nil {
		s.log.Error("janitor: proposals", "err", err)
	} else if n > 0 {
		s.log.Info("janitor: proposals expired", "count", n)
	}
}

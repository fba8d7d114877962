package service

import (
	"context"
	"time"

	"github.com/ponte-platform/ponte"
)

// ChangeProposalStatus moves a proposal to state to (with a close reason
// when closing): draft → published → closed → archived. Publishing checks
// that the proposal is complete and its deadline not past. When the
// instance moderates (Config.Moderation), publishing by a non-moderator
// submits the draft to the moderators instead (pending); its editors may
// take a pending proposal back to draft, and only moderators publish it
// (see ApproveProposal and RejectProposal). Each change is recorded with
// who made it; an illegal move is EConflict.
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
	if to, err = s.moderatedTarget(actor, p, to, reason); err != nil {
		return nil, err
	}
	if !ponte.ProposalTransition(p.Status, to, reason, false) {
		return nil, ponte.Errorf(ponte.EConflict, "proposal.error.transition")
	}
	if to == ponte.ProposalPublished || to == ponte.ProposalPending {
		if err := s.checkPublishable(p); err != nil {
			return nil, err
		}
	}
	err = s.store.Tx(ctx, func(tx ponte.Store) error {
		return s.moveProposal(ctx, tx, p, &actor.ID, to, reason, s.now())
	})
	if err != nil {
		return nil, err
	}
	s.pokeMailer() // a moderator's decision may have queued a message
	return p, nil
}

// moderatedTarget applies moderation to a requested change: a draft
// published by a non-moderator on a moderated instance becomes pending; a
// pending proposal is published by moderators only and goes back to draft
// without a reason (a reason is a moderator's rejection: RejectProposal).
func (s *Service) moderatedTarget(actor *ponte.User, p *ponte.Proposal, to, reason string) (string, error) {
	switch {
	case p.Status == ponte.ProposalDraft && to == ponte.ProposalPublished && s.cfg.Moderation && !actor.IsModerator():
		return ponte.ProposalPending, nil
	case p.Status == ponte.ProposalPending && to == ponte.ProposalPublished && !actor.IsModerator():
		return "", ponte.Errorf(ponte.EForbidden, "proposal.error.moderators_only")
	case p.Status == ponte.ProposalPending && to == ponte.ProposalDraft && reason != "":
		return "", ponte.Errorf(ponte.EConflict, "proposal.error.transition")
	}
	return to, nil
}

// checkPublishable checks that p is complete and its deadline not past.
func (s *Service) checkPublishable(p *ponte.Proposal) error {
	fe := ponte.FieldErrors{}
	p.ValidatePublish(fe)
	if !p.Deadline.IsZero() && p.Deadline.Before(today(s.now())) {
		fe.Add("deadline", "proposal.error.deadline_past")
	}
	return fe.Err()
}

// moveProposal records, on st (a transaction), a state change made by
// actorID (nil: the platform), and tells the proposer about a moderator's
// decision. A proposal changed by someone else meanwhile is EConflict.
func (s *Service) moveProposal(ctx context.Context, st ponte.Store, p *ponte.Proposal, actorID *int64, to, reason string, now time.Time) error {
	from := p.Status
	ev := &ponte.ProposalEvent{ActorID: actorID, From: from, To: to, Reason: reason, At: now}
	p.Status, p.UpdatedAt = to, now
	switch to {
	case ponte.ProposalPublished:
		p.PublishedAt = &now
	case ponte.ProposalClosed:
		p.ClosedAt, p.CloseReason = &now, reason
	}
	err := st.SetProposalStatus(ctx, p, ev)
	if ponte.ErrorCode(err) == ponte.ENotFound {
		return ponte.Errorf(ponte.EConflict, "proposal.error.transition")
	}
	if err != nil {
		return err
	}
	if err := reindex(ctx, st, ponte.SearchProposal, p.ID); err != nil {
		return err
	}
	return s.notifyModeration(ctx, st, p, from, reason)
}

// expireBatch is how many overdue proposals one store query returns.
const expireBatch = 100

// ExpireProposals closes, as expired, every published proposal whose
// deadline was before now's date, and returns how many it closed. The
// janitor calls it; running it twice (or on two app nodes) is harmless.
func (s *Service) ExpireProposals(ctx context.Context, now time.Time) (n int, err error) {
	day := today(now).Format(time.DateOnly)
	defer func() {
		if n > 0 {
			s.ContentChanged(ctx)
		}
	}()
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
			err = s.store.Tx(ctx, func(tx ponte.Store) error {
				return s.moveProposal(ctx, tx, p, nil, ponte.ProposalClosed, ponte.CloseReasonExpired, now.UTC())
			})
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

package service

import (
	"context"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/ponte-platform/ponte"
)

// Moderation reports whether the instance moderates proposals
// (PONTE_MODERATION).
func (s *Service) Moderation() bool { return s.cfg.Moderation }

// ModerationQueue returns a page of the proposals waiting for a moderator,
// oldest first; cursor is the Next of the previous page. Moderators only.
func (s *Service) ModerationQueue(ctx context.Context, actor *ponte.User, cursor string, limit int, lang string) (*ProposalPage, error) {
	if !actor.IsModerator() {
		return nil, forbiddenOrUnauthorized(actor)
	}
	f := ponte.ProposalFilter{Statuses: []string{ponte.ProposalPending}, Oldest: true, Lang: lang,
		Limit: min(max(limit, 0), 100)}
	if f.Limit == 0 {
		f.Limit = ProposalPageSize
	}
	if cursor != "" {
		id, err := strconv.ParseInt(cursor, 10, 64)
		if err != nil || id <= 0 {
			return nil, ponte.Errorf(ponte.EBadRequest, "error.bad_request")
		}
		f.AfterID = id
	}
	items, err := s.store.ListProposals(ctx, f)
	if err != nil {
		return nil, err
	}
	page := &ProposalPage{Items: items}
	if n := len(items); n > 0 && n == f.Limit {
		page.Next = strconv.FormatInt(items[n-1].ID, 10)
	}
	return page, nil
}

// ApproveProposal publishes a pending proposal. Moderators only; its
// proposer is notified.
func (s *Service) ApproveProposal(ctx context.Context, actor *ponte.User, id int64, lang string) (*ponte.Proposal, error) {
	return s.decide(ctx, actor, id, ponte.ProposalPublished, "", lang)
}

// RejectProposal sends a pending proposal back to draft with the
// moderator's reason, which its history keeps and its proposer is told.
func (s *Service) RejectProposal(ctx context.Context, actor *ponte.User, id int64, reason, lang string) (*ponte.Proposal, error) {
	reason = strings.TrimSpace(reason)
	switch {
	case reason == "":
		return nil, &ponte.Error{Code: ponte.EInvalid, Key: "error.invalid", Fields: map[string]string{"reason": "error.required"}}
	case utf8.RuneCountInString(reason) > ponte.MaxModerationReasonLen || len(reason) > ponte.MaxModerationReasonLen:
		return nil, &ponte.Error{Code: ponte.EInvalid, Key: "error.invalid", Fields: map[string]string{"reason": "proposal.error.reason_long"}}
	}
	return s.decide(ctx, actor, id, ponte.ProposalDraft, reason, lang)
}

// decide makes a moderator's decision on a pending proposal in one
// transaction: the change, its record and the proposer's notice.
func (s *Service) decide(ctx context.Context, actor *ponte.User, id int64, to, reason, lang string) (*ponte.Proposal, error) {
	if !actor.IsModerator() {
		return nil, forbiddenOrUnauthorized(actor)
	}
	var p *ponte.Proposal
	err := s.store.Tx(ctx, func(tx ponte.Store) error {
		var err error
		if p, err = tx.ProposalByID(ctx, id, lang); err != nil {
			return err
		}
		if p.Status != ponte.ProposalPending {
			return ponte.Errorf(ponte.EConflict, "proposal.error.not_pending")
		}
		if to == ponte.ProposalPublished {
			if err := s.checkPublishable(p); err != nil {
				return err
			}
		}
		return s.moveProposal(ctx, tx, p, &actor.ID, to, reason, s.now())
	})
	if err != nil {
		return nil, err
	}
	s.pokeMailer()
	return p, nil
}

// notifyModeration tells a proposer that a moderator approved their
// pending proposal or sent it back with a reason. Other changes, and a
// pending proposal its editors took back (no reason), tell no one.
func (s *Service) notifyModeration(ctx context.Context, st ponte.Store, p *ponte.Proposal, from, reason string) error {
	if from != ponte.ProposalPending {
		return nil
	}
	n := Notice{UserID: p.ProposerID, Link: "/proposals/" + strconv.FormatInt(p.ID, 10),
		Params: map[string]string{"Title": p.Title}}
	switch {
	case p.Status == ponte.ProposalPublished:
		n.Kind = "proposal_approved"
	case p.Status == ponte.ProposalDraft && reason != "":
		n.Kind, n.Params["Reason"] = "proposal_rejected", reason
	default:
		return nil
	}
	return s.notify(ctx, st, n)
}

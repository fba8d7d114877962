package web

import (
	"net/http"
	"time"

	"github.com/ponte-platform/ponte"
)

// proposalPageData is a proposal's own page: the proposal, its history,
// and the state changes the viewer may make.
type proposalPageData struct {
	Proposal   proposalView
	CanEdit    bool
	History    []proposalEventView
	Form       *form // the state-change forms, with a missing confirmation
	CanPublish bool
	CanClose   bool
	CanArchive bool
	Reasons    []orgOption
	// Moderation: publishing submits to the moderators (Moderated);
	// editors may take a pending proposal back (CanWithdraw); moderators
	// decide on it here too (Decision); Rejection is the reason of the
	// last decision that sent it back to draft.
	Moderated   bool
	CanWithdraw bool
	Decision    *moderationDecision
	Rejection   string
	// Interests and Attachments are filled by their areas
	// (interests.go, proposals_attachments.go).
	Interests   proposalInterests
	Attachments proposalAttachments
}

// proposalEventView is one line of the history.
type proposalEventView struct {
	At             time.Time
	Who            string
	FromKey, ToKey string
	ReasonKey      string
	ReasonText     string // a moderator's own words
	ByPlatform     bool
}

func (s *Server) proposalPage(w http.ResponseWriter, r *http.Request) error {
	return s.renderProposalPage(w, r, http.StatusOK, emptyForm())
}

func (s *Server) renderProposalPage(w http.ResponseWriter, r *http.Request, status int, f *form) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	u := currentUser(r)
	p, canEdit, err := s.svc.Proposal(r.Context(), u, id, lang(r))
	if err != nil {
		return err
	}
	evs, err := s.svc.ProposalHistory(r.Context(), u, id)
	if err != nil {
		return err
	}
	d := &proposalPageData{Proposal: newProposalView(p).withDescription(p), CanEdit: canEdit, Form: f,
		Reasons: orgOptions([]string{ponte.CloseReasonPartnered, ponte.CloseReasonWithdrawn}, "proposal.reason.", f.Get("reason"))}
	if canEdit {
		d.CanPublish = p.Status == ponte.ProposalDraft
		d.CanClose = p.Status == ponte.ProposalPublished
		d.CanArchive = p.Status == ponte.ProposalClosed
		d.CanWithdraw = p.Status == ponte.ProposalPending
		d.Moderated = s.svc.Moderation() && !u.IsModerator()
		if p.Status == ponte.ProposalPending && u.IsModerator() {
			d.Decision = &moderationDecision{ID: p.ID, Back: "proposal"}
		}
	}
	for _, ev := range evs {
		v := proposalEventView{At: ev.At, Who: ev.ActorName, FromKey: "proposal.status." + ev.From,
			ToKey: "proposal.status." + ev.To, ByPlatform: ev.ActorID == nil && ev.Reason == ponte.CloseReasonExpired}
		switch {
		case ev.From == ponte.ProposalPending && ev.To == ponte.ProposalDraft:
			v.ReasonText = ev.Reason
		case ev.Reason != "":
			v.ReasonKey = "proposal.reason." + ev.Reason
		}
		d.History = append(d.History, v)
		if p.Status == ponte.ProposalDraft {
			d.Rejection = v.ReasonText
		}
	}
	if err := s.loadProposalInterests(r, p, d); err != nil {
		return err
	}
	if err := s.loadProposalAttachments(r, p, d); err != nil {
		return err
	}
	return s.render(w, r, status, "proposal_page", s.newPage(r, "proposal.page_title", d))
}

// proposalStatus publishes, closes or archives a proposal. Closing and
// archiving are confirmed with a tick box, so a stray click changes
// nothing; refusals come back on the page with their errors.
func (s *Server) proposalStatus(w http.ResponseWriter, r *http.Request) error {
	u, id, f, err := memberForm(r)
	if err != nil {
		return err
	}
	to := f.Get("to")
	if to != ponte.ProposalPublished && to != ponte.ProposalDraft && !f.Checked("confirm") {
		f.Errors["confirm-"+to] = "proposal.error.confirm"
		return s.renderProposalPage(w, r, http.StatusUnprocessableEntity, f)
	}
	p, err := s.svc.ChangeProposalStatus(r.Context(), u, id, to, f.Get("reason"), lang(r))
	if f.failed(err) {
		return s.renderProposalPage(w, r, http.StatusUnprocessableEntity, f)
	}
	if err != nil {
		return err
	}
	// The state reached, not the one asked: publishing may submit the
	// proposal to the moderators instead.
	return s.redirectFlash(w, r, "/proposals/"+orgItoa(id), "flash.proposal_"+p.Status)
}

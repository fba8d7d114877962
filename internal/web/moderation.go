package web

import (
	"net/http"
	"time"
)

// moderationRoutes are the moderators' queue of proposals waiting for
// publication (PONTE_MODERATION=1) and their decisions. The service
// refuses everyone but moderators and administrators.
func (s *Server) moderationRoutes() []Route {
	return []Route{
		{"GET", "/moderation", s.moderationQueue, "member", 0},
		{"POST", "/moderation/{id}/approve", s.moderationApprove, "member", 0},
		{"POST", "/moderation/{id}/reject", s.moderationReject, "member", 0},
	}
}

// moderationData is the queue page: pending proposals, oldest first.
type moderationData struct {
	Items     []moderationItem
	Next      string // cursor of the next page, "" on the last
	Moderated bool   // whether the instance moderates at all
	Form      *form  // a refused decision: its error, for the summary
}

// moderationItem is one proposal in the queue.
type moderationItem struct {
	P         proposalView
	Submitted time.Time
	Decision  moderationDecision
}

// moderationDecision is the approve and reject forms of one proposal,
// with a refused rejection's reason and error.
type moderationDecision struct {
	ID            int64
	Back          string // "proposal" when shown on the proposal's page
	Reason, Error string
}

func (s *Server) moderationQueue(w http.ResponseWriter, r *http.Request) error {
	return s.renderModeration(w, r, http.StatusOK, emptyForm(), 0)
}

func (s *Server) renderModeration(w http.ResponseWriter, r *http.Request, status int, f *form, formID int64) error {
	u, err := requireUser(r)
	if err != nil {
		return err
	}
	cursor := r.URL.Query().Get("cursor")
	page, err := s.svc.ModerationQueue(r.Context(), u, cursor, 0, lang(r))
	if err != nil {
		return err
	}
	d := &moderationData{Next: page.Next, Moderated: s.svc.Moderation(), Form: f}
	for _, p := range page.Items {
		it := moderationItem{P: newProposalView(p), Submitted: p.UpdatedAt, Decision: moderationDecision{ID: p.ID}}
		if p.ID == formID {
			it.Decision.Reason, it.Decision.Error = f.Get("reason"), f.Errors["reason"]
		}
		d.Items = append(d.Items, it)
	}
	return s.render(w, r, status, "moderation", s.newPage(r, "moderation.title", d))
}

func (s *Server) moderationApprove(w http.ResponseWriter, r *http.Request) error {
	u, id, f, err := memberForm(r)
	if err != nil {
		return err
	}
	if _, err := s.svc.ApproveProposal(r.Context(), u, id, lang(r)); f.failed(err) {
		return s.renderModeration(w, r, http.StatusUnprocessableEntity, f, id)
	} else if err != nil {
		return err
	}
	return s.redirectFlash(w, r, moderationBack(f, id), "flash.proposal_approved")
}

func (s *Server) moderationReject(w http.ResponseWriter, r *http.Request) error {
	u, id, f, err := memberForm(r)
	if err != nil {
		return err
	}
	if _, err := s.svc.RejectProposal(r.Context(), u, id, f.Get("reason"), lang(r)); f.failed(err) {
		return s.renderModeration(w, r, http.StatusUnprocessableEntity, f, id)
	} else if err != nil {
		return err
	}
	return s.redirectFlash(w, r, moderationBack(f, id), "flash.proposal_rejected")
}

// moderationBack is where a decision returns: the proposal's page when it
// was made there, else the queue.
func moderationBack(f *form, id int64) string {
	if f.Get("back") == "proposal" {
		return "/proposals/" + orgItoa(id)
	}
	return "/moderation"
}

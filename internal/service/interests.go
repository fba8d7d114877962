package service

import (
	"context"
	"strconv"

	"github.com/ponte-platform/ponte"
)

// InterestInput is an expression of interest as typed: a message, and the
// organisation it is expressed for (0: for the member themself).
type InterestInput struct {
	Message string
	OrgID   int64
}

// InterestView is an expression of interest as its viewer may see it.
// Interest.Contact keeps only names (who, for which organisation); Contact
// is the other side's contact (the interested member's for the proposal's
// editors, the proposer's for the interested member), set only once the
// expression is accepted.
type InterestView struct {
	*ponte.Interest
	Contact *ponte.Contact
}

// InterestPage is a page of expressions, newest first; Next is the cursor
// of the following page ("" at the end).
type InterestPage struct {
	Items []*InterestView
	Next  string
}

// ProposalInterestsView is what a proposal's page shows of its
// expressions of interest to its viewer.
type ProposalInterestsView struct {
	CanExpress bool   // the form is shown: a member, not its proposer, on a published proposal
	ClosedKey  string // why no new interest is taken ("" while it is)
	Own        bool   // the viewer stands behind the proposal
	CanDecide  bool   // the viewer may see every expression and decide on them
	Orgs       []ponte.OrgAffiliation
	Mine       []*InterestView // the viewer's own expressions
	All        *InterestPage   // every expression, for those who may decide
}

// Decisions on an expression of interest.
const (
	DecisionAccept  = "accept"
	DecisionDecline = "decline"
)

// interestPageSize is how many expressions one page lists.
const interestPageSize = 50

// ExpressInterest records actor's interest in a published proposal, for
// themself or for an organisation they own or manage, and tells the
// proposer. Expressing it again returns the existing expression with
// created false, not an error.
func (s *Service) ExpressInterest(ctx context.Context, actor *ponte.User, proposalID int64, in InterestInput, lang string) (*InterestView, bool, error) {
	if !actor.Active() {
		return nil, false, unauthorized()
	}
	var out *ponte.Interest
	var prop *ponte.Proposal
	created, raced := false, false
	err := s.store.Tx(ctx, func(tx ponte.Store) error {
		p, m, err := proposalAccess(ctx, tx, actor, proposalID, lang)
		if err != nil {
			return err
		}
		prop = p
		if err := interestAllowed(actor, p, m); err != nil {
			return err
		}
		i, err := s.newInterest(ctx, tx, actor, p, in)
		if err != nil {
			return err
		}
		if old, err := tx.FindInterest(ctx, p.ID, actor.ID, i.OrgID); err == nil {
			out = old
			return nil
		} else if ponte.ErrorCode(err) != ponte.ENotFound {
			return err
		}
		if err := interestClosed(p); err != nil {
			return err
		}
		fe := ponte.FieldErrors{}
		if i.Validate(fe); len(fe) > 0 {
			return fe.Err()
		}
		if err := tx.CreateInterest(ctx, i); err != nil {
			raced = ponte.ErrorCode(err) == ponte.EConflict
			return err
		}
		if out, err = tx.InterestByID(ctx, i.ID); err != nil { // with the names filled
			return err
		}
		created = true
		return s.notifyInterestReceived(ctx, tx, actor, p, out)
	})
	if raced {
		// Two submissions at once: the other one won; show it.
		out, err = s.store.FindInterest(ctx, proposalID, actor.ID, orgRef(in.OrgID))
	}
	if err != nil {
		return nil, false, err
	}
	if created {
		s.pokeMailer()
	}
	views, err := s.memberViews(ctx, prop, []*ponte.Interest{out})
	if err != nil {
		return nil, false, err
	}
	return views[0], created, nil
}

func orgRef(id int64) *int64 {
	if id == 0 {
		return nil
	}
	return &id
}

// interestAllowed checks who may express interest in p: a member who may
// see it and does not stand behind it.
func interestAllowed(actor *ponte.User, p *ponte.Proposal, m *ponte.OrgMember) error {
	if !ponte.CanSeeProposal(actor, p, m) {
		return ponte.Errorf(ponte.ENotFound, "error.not_found")
	}
	if ponte.OwnsProposal(actor, p, m) {
		return ponte.Errorf(ponte.EForbidden, "interest.error.own")
	}
	return nil
}

// interestClosed refuses new interest in a proposal that is not published.
func interestClosed(p *ponte.Proposal) error {
	if p.Status == ponte.ProposalPublished {
		return nil
	}
	return &ponte.Error{Code: ponte.EConflict, Key: interestClosedKey(p)}
}

// interestClosedKey says why a proposal takes no new interest.
func interestClosedKey(p *ponte.Proposal) string {
	switch {
	case p.Status == ponte.ProposalPublished:
		return ""
	case p.CloseReason == ponte.CloseReasonWithdrawn:
		return "interest.error.withdrawn"
	case p.Status == ponte.ProposalDraft:
		return "interest.error.draft"
	}
	return "interest.error.closed"
}

// newInterest builds a pending expression of actor in p. The organisation
// must be one the actor owns or manages, and not p's own: a wrong one is a
// field error at once. The message is checked by the caller, only when the
// expression is new.
func (s *Service) newInterest(ctx context.Context, tx ponte.Store, actor *ponte.User, p *ponte.Proposal, in InterestInput) (*ponte.Interest, error) {
	i := &ponte.Interest{ProposalID: p.ID, UserID: actor.ID, Message: in.Message, Status: ponte.InterestPending, CreatedAt: s.now()}
	i.Normalize()
	if in.OrgID == 0 {
		return i, nil
	}
	fe := ponte.FieldErrors{}
	m, err := tx.OrgMembership(ctx, in.OrgID, actor.ID)
	switch {
	case ponte.ErrorCode(err) == ponte.ENotFound || (err == nil && !isOrgManager(actor, m)):
		fe.Add("org_id", "interest.error.org")
	case err != nil:
		return nil, err
	case p.OrgID != nil && *p.OrgID == in.OrgID:
		fe.Add("org_id", "interest.error.own_org")
	}
	i.OrgID = orgRef(in.OrgID)
	return i, fe.Err()
}

// isOrgManager reports whether m is actor's owner or manager membership
// (administrators act for organisations only through a membership here:
// an expression of interest speaks for the organisation).
func isOrgManager(actor *ponte.User, m *ponte.OrgMember) bool {
	return m != nil && m.UserID == actor.ID && (m.Role == ponte.OrgRoleOwner || m.Role == ponte.OrgRoleManager)
}

// DecideInterest accepts or declines a pending expression of interest in a
// proposal the actor may edit, and tells the interested member. Each
// expression is decided once; deciding again is EConflict.
func (s *Service) DecideInterest(ctx context.Context, actor *ponte.User, proposalID, interestID int64, decision, lang string) (*InterestView, error) {
	var out *ponte.Interest
	err := s.store.Tx(ctx, func(tx ponte.Store) error {
		p, err := editableInterests(ctx, tx, actor, proposalID, lang)
		if err != nil {
			return err
		}
		i, err := tx.InterestByID(ctx, interestID)
		if err != nil || i.ProposalID != p.ID {
			return ponte.Errorf(ponte.ENotFound, "error.not_found")
		}
		status, ok := map[string]string{DecisionAccept: ponte.InterestAccepted, DecisionDecline: ponte.InterestDeclined}[decision]
		if !ok {
			return ponte.FieldErrors{"decision": "error.choose_option"}.Err()
		}
		if i.Status != ponte.InterestPending {
			return ponte.Errorf(ponte.EConflict, "interest.error.decided")
		}
		now := s.now()
		i.Status, i.DecidedAt, i.DecidedBy = status, &now, &actor.ID
		if err := tx.DecideInterest(ctx, i); ponte.ErrorCode(err) == ponte.ENotFound {
			return ponte.Errorf(ponte.EConflict, "interest.error.decided")
		} else if err != nil {
			return err
		}
		out = i
		return s.notify(ctx, tx, Notice{UserID: i.UserID, Kind: "interest_" + status, Link: proposalLink(p.ID),
			Params: map[string]string{"Title": p.Title, "Name": p.ProposerName}})
	})
	if err != nil {
		return nil, err
	}
	s.pokeMailer()
	return editorView(out), nil
}

// editableInterests loads a proposal whose expressions the actor may see
// and decide on: its editors'.
func editableInterests(ctx context.Context, st ponte.Store, actor *ponte.User, id int64, lang string) (*ponte.Proposal, error) {
	p, m, err := proposalAccess(ctx, st, actor, id, lang)
	if err != nil {
		return nil, err
	}
	if !ponte.CanSeeProposal(actor, p, m) {
		return nil, ponte.Errorf(ponte.ENotFound, "error.not_found")
	}
	if !ponte.CanEditProposal(actor, p, m) {
		return nil, forbiddenOrUnauthorized(actor)
	}
	return p, nil
}

// Interests lists a proposal's expressions of interest, newest first: all
// of them for its editors, their own for other members.
func (s *Service) Interests(ctx context.Context, actor *ponte.User, proposalID int64, cursor, lang string) (*InterestPage, error) {
	if !actor.Active() {
		return nil, unauthorized()
	}
	p, m, err := s.proposalAccess(ctx, actor, proposalID, lang)
	if err != nil {
		return nil, err
	}
	if !ponte.CanSeeProposal(actor, p, m) {
		return nil, ponte.Errorf(ponte.ENotFound, "error.not_found")
	}
	before, err := interestCursor(cursor)
	if err != nil {
		return nil, err
	}
	if ponte.CanEditProposal(actor, p, m) {
		return s.editorPage(ctx, p.ID, before)
	}
	items, err := s.store.ListInterests(ctx, ponte.InterestFilter{ProposalID: p.ID, UserID: actor.ID, BeforeID: before, Limit: interestPageSize})
	if err != nil {
		return nil, err
	}
	views, err := s.memberViews(ctx, p, items)
	return &InterestPage{Items: views, Next: nextInterestCursor(items)}, err
}

// editorPage is a page of every expression in a proposal.
func (s *Service) editorPage(ctx context.Context, proposalID, before int64) (*InterestPage, error) {
	items, err := s.store.ListInterests(ctx, ponte.InterestFilter{ProposalID: proposalID, BeforeID: before, Limit: interestPageSize})
	if err != nil {
		return nil, err
	}
	page := &InterestPage{Items: make([]*InterestView, 0, len(items)), Next: nextInterestCursor(items)}
	for _, i := range items {
		page.Items = append(page.Items, editorView(i))
	}
	return page, nil
}

func interestCursor(c string) (int64, error) {
	if c == "" {
		return 0, nil
	}
	id, err := strconv.ParseInt(c, 10, 64)
	if err != nil || id <= 0 {
		return 0, ponte.Errorf(ponte.EBadRequest, "error.bad_request")
	}
	return id, nil
}

func nextInterestCursor(items []*ponte.Interest) string {
	if len(items) < interestPageSize {
		return ""
	}
	return strconv.FormatInt(items[len(items)-1].ID, 10)
}

// ProposalInterests is the expressions-of-interest part of a proposal's
// page for actor (nil for a visitor); cursor pages the editors' list.
func (s *Service) ProposalInterests(ctx context.Context, actor *ponte.User, proposalID int64, cursor, lang string) (*ProposalInterestsView, error) {
	p, m, err := s.proposalAccess(ctx, actor, proposalID, lang)
	if err != nil {
		return nil, err
	}
	if !ponte.CanSeeProposal(actor, p, m) {
		return nil, ponte.Errorf(ponte.ENotFound, "error.not_found")
	}
	v := &ProposalInterestsView{ClosedKey: interestClosedKey(p)}
	if !actor.Active() {
		return v, nil
	}
	v.Own, v.CanDecide = ponte.OwnsProposal(actor, p, m), ponte.CanEditProposal(actor, p, m)
	v.CanExpress = !v.Own && v.ClosedKey == ""
	if v.CanDecide {
		before, err := interestCursor(cursor)
		if err != nil {
			return nil, err
		}
		if v.All, err = s.editorPage(ctx, p.ID, before); err != nil {
			return nil, err
		}
	}
	if v.Own {
		return v, nil
	}
	if v.Orgs, err = s.managedOrgs(ctx, actor, p); err != nil {
		return nil, err
	}
	mine, err := s.store.ListInterests(ctx, ponte.InterestFilter{ProposalID: p.ID, UserID: actor.ID, Limit: interestPageSize})
	if err != nil {
		return nil, err
	}
	v.Mine, err = s.memberViews(ctx, p, mine)
	return v, err
}

// managedOrgs lists the organisations actor may express interest for:
// those they own or manage, except the proposal's own.
func (s *Service) managedOrgs(ctx context.Context, actor *ponte.User, p *ponte.Proposal) ([]ponte.OrgAffiliation, error) {
	all, err := s.store.UserOrganisations(ctx, []int64{actor.ID})
	if err != nil {
		return nil, err
	}
	var out []ponte.OrgAffiliation
	for _, o := range all[actor.ID] {
		if (o.Role == ponte.OrgRoleOwner || o.Role == ponte.OrgRoleManager) && (p.OrgID == nil || *p.OrgID != o.OrgID) {
			out = append(out, o)
		}
	}
	return out, nil
}

// names keeps only who expressed interest, for which organisation.
func names(i *ponte.Interest) ponte.Contact {
	return ponte.Contact{Name: i.Contact.Name, OrgID: i.Contact.OrgID, OrgName: i.Contact.OrgName}
}

// editorView is an expression as the proposal's editors see it: the
// interested member's contact once accepted.
func editorView(i *ponte.Interest) *InterestView {
	v := &InterestView{Interest: i}
	if i.Status == ponte.InterestAccepted {
		c := i.Contact
		v.Contact = &c
	}
	i.Contact = names(i)
	return v
}

// memberViews are expressions as the interested member sees them: the
// proposer's contact on the accepted ones, loaded once.
func (s *Service) memberViews(ctx context.Context, p *ponte.Proposal, items []*ponte.Interest) ([]*InterestView, error) {
	out := make([]*InterestView, 0, len(items))
	var proposer *ponte.Contact
	for _, i := range items {
		v := &InterestView{Interest: i}
		i.Contact = names(i)
		if i.Status == ponte.InterestAccepted {
			if proposer == nil {
				c, err := s.proposerContact(ctx, p)
				if err != nil {
					return nil, err
				}
				proposer = c
			}
			v.Contact = proposer
		}
		out = append(out, v)
	}
	return out, nil
}

// proposerContact is how to reach a proposal's proposer, and its
// organisation if it has one.
func (s *Service) proposerContact(ctx context.Context, p *ponte.Proposal) (*ponte.Contact, error) {
	u, err := s.store.UserByID(ctx, p.ProposerID)
	if err != nil {
		return nil, err
	}
	c := &ponte.Contact{Name: u.DisplayName, Email: u.Email, OrgID: p.OrgID}
	if p.OrgID == nil {
		return c, nil
	}
	o, err := s.store.OrganisationByID(ctx, *p.OrgID)
	if err != nil {
		return nil, err
	}
	c.OrgName, c.OrgWebsite, c.OrgAddress = o.Name, o.Website, o.Address
	return c, nil
}

// notifyInterestReceived tells the proposer of p that actor expressed
// interest i (read back, so the organisation's name is filled).
func (s *Service) notifyInterestReceived(ctx context.Context, tx ponte.Store, actor *ponte.User, p *ponte.Proposal, i *ponte.Interest) error {
	params := map[string]string{"Title": p.Title, "Name": actor.DisplayName, "Message": i.Message}
	kind := "interest_received"
	if i.OrgID != nil {
		params["Org"], kind = i.Contact.OrgName, "interest_received_org"
	}
	return s.notify(ctx, tx, Notice{UserID: p.ProposerID, Kind: kind, Link: proposalLink(p.ID), Params: params})
}

func proposalLink(id int64) string { return "/proposals/" + strconv.FormatInt(id, 10) }

package ponte

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"
)

// Interest states. An expression of interest waits for the proposal's
// editors, who accept or decline it once; contact details are exchanged
// only on acceptance.
const (
	InterestPending  = "pending"
	InterestAccepted = "accepted"
	InterestDeclined = "declined"
)

// InterestStatuses lists the states in lifecycle order.
var InterestStatuses = []string{InterestPending, InterestAccepted, InterestDeclined}

// MaxInterestMessageLen bounds the message sent with an expression of
// interest, in characters.
const MaxInterestMessageLen = 2000

// Contact is how to reach a person, and the organisation they act for:
// revealed to the other side only once an expression of interest is
// accepted.
type Contact struct {
	Name       string
	Email      string
	OrgID      *int64
	OrgName    string
	OrgWebsite string
	OrgAddress string
}

// Interest is an expression of interest of a member (for themself or for
// an organisation they manage) in a published proposal.
type Interest struct {
	ID         int64
	ProposalID int64
	UserID     int64
	OrgID      *int64 // the organisation it is expressed for; nil: the member's own
	Message    string
	Status     string
	CreatedAt  time.Time
	DecidedAt  *time.Time
	DecidedBy  *int64 // who accepted or declined; nil while pending or once that account is gone
	// Filled by reads: the proposal's title and the interested side's
	// contact details. The service decides who may see Contact.
	ProposalTitle string
	Contact       Contact
}

// Normalize trims the message.
func (i *Interest) Normalize() { i.Message = strings.TrimSpace(i.Message) }

// Validate adds field errors for a missing or oversize message.
func (i *Interest) Validate(fe FieldErrors) {
	n := utf8.RuneCountInString(i.Message)
	switch {
	case n == 0:
		fe.Add("message", "error.required")
	case n > MaxInterestMessageLen:
		fe.Add("message", "error.too_long")
	}
}

// OwnsProposal reports whether actor stands behind p: its proposer, or an
// owner or manager of its organisation (m is the actor's membership of
// it). They cannot express interest in it.
func OwnsProposal(actor *User, p *Proposal, m *OrgMember) bool {
	if !actor.Active() || p == nil {
		return false
	}
	return p.ProposerID == actor.ID ||
		(p.OrgID != nil && m != nil && m.OrgID == *p.OrgID && isRole(actor, m, OrgRoleOwner, OrgRoleManager))
}

// InterestFilter selects a page of expressions of interest, newest first:
// those in one proposal, or those of one member (at least one is set).
type InterestFilter struct {
	ProposalID int64
	UserID     int64
	BeforeID   int64 // keyset: only ids below it (0: from the newest)
	Limit      int
}

// InterestStore keeps expressions of interest in proposals.
type InterestStore interface {
	// CreateInterest inserts i and sets its ID; EConflict when the member
	// already expressed interest in the proposal for the same organisation
	// (or for themself).
	CreateInterest(ctx context.Context, i *Interest) error
	// InterestByID returns one expression with its reads filled; ENotFound
	// if none.
	InterestByID(ctx context.Context, id int64) (*Interest, error)
	// FindInterest returns the member's expression in a proposal for orgID
	// (nil: for themself); ENotFound if none.
	FindInterest(ctx context.Context, proposalID, userID int64, orgID *int64) (*Interest, error)
	// ListInterests returns a page (see InterestFilter).
	ListInterests(ctx context.Context, f InterestFilter) ([]*Interest, error)
	// DecideInterest records i's new Status, DecidedAt and DecidedBy if it
	// is still pending; ENotFound otherwise.
	DecideInterest(ctx context.Context, i *Interest) error
}

package ponte

import (
	"context"
	"slices"
	"time"
)

// Proposal types: what a collaboration proposal offers or seeks.
const (
	ProposalTechOffer   = "technology_offer"
	ProposalTechRequest = "technology_request"
	ProposalBusiness    = "business_partnership"
	ProposalResearch    = "research_partner_search" // for a named EU or regional call
	ProposalChallenge   = "public_challenge"
)

// ProposalTypes lists the proposal types in display order.
var ProposalTypes = []string{ProposalTechOffer, ProposalTechRequest, ProposalBusiness, ProposalResearch, ProposalChallenge}

// ValidProposalType reports whether t is one of ProposalTypes.
func ValidProposalType(t string) bool { return slices.Contains(ProposalTypes, t) }

// Proposal states. A proposal is written as a draft, published, closed
// (with a reason) and finally archived; each change is recorded. When the
// instance moderates proposals, a draft submitted by a non-moderator waits
// as pending until a moderator approves it (published) or rejects it with
// a reason (back to draft).
const (
	ProposalDraft     = "draft"
	ProposalPending   = "pending"
	ProposalPublished = "published"
	ProposalClosed    = "closed"
	ProposalArchived  = "archived"
)

// ProposalStatuses lists the states in lifecycle order.
var ProposalStatuses = []string{ProposalDraft, ProposalPending, ProposalPublished, ProposalClosed, ProposalArchived}

// ValidProposalStatus reports whether s is one of ProposalStatuses.
func ValidProposalStatus(s string) bool { return slices.Contains(ProposalStatuses, s) }

// Reasons a proposal is closed.
const (
	CloseReasonPartnered = "partnered" // it found its partners
	CloseReasonExpired   = "expired"   // its deadline passed (set by the platform only)
	CloseReasonWithdrawn = "withdrawn" // its proposer gave up on it
)

// CloseReasons lists the reasons in display order.
var CloseReasons = []string{CloseReasonPartnered, CloseReasonExpired, CloseReasonWithdrawn}

// ProposalPublic reports whether proposals in state s are shown to
// everyone: published ones, and closed ones as a record of what was sought.
// Drafts and archived proposals are seen only by those who may edit them.
func ProposalPublic(s string) bool { return s == ProposalPublished || s == ProposalClosed }

// MaxModerationReasonLen bounds the reason a moderator gives for sending a
// proposal back.
const MaxModerationReasonLen = 1000

// ProposalTransition reports whether a proposal may move from one state to
// another, and with which reason. Only the platform closes a proposal as
// expired (see the service's ExpireProposals); people close it as
// partnered or withdrawn. A pending proposal goes back to draft with the
// moderator's reason (free text), or with none when its editors take it
// back; who may make which move (moderation on, moderators) is the
// service's part.
func ProposalTransition(from, to, reason string, system bool) bool {
	switch {
	case from == ProposalDraft && (to == ProposalPublished || to == ProposalPending):
		return reason == ""
	case from == ProposalPending && to == ProposalPublished:
		return reason == ""
	case from == ProposalPending && to == ProposalDraft:
		return len(reason) <= MaxModerationReasonLen
	case from == ProposalPublished && to == ProposalClosed:
		if system {
			return reason == CloseReasonExpired
		}
		return reason == CloseReasonPartnered || reason == CloseReasonWithdrawn
	case from == ProposalClosed && to == ProposalArchived:
		return reason == ""
	}
	return false
}

// Proficiency bounds of a required skill (the profile's scale, 1–4).
const (
	MinProposalLevel = 1
	MaxProposalLevel = 4
)

// ProposalSkill is a skill a proposal needs: essential or nice to have,
// with the least proficiency (1–4) that will do. Concept is filled by
// reads, labelled in the language asked.
type ProposalSkill struct {
	ConceptID int64
	Essential bool
	MinLevel  int
	Concept   *Concept
}

// Proposal is a collaboration proposal: a technology offer or request, a
// business or research partner search, or a public challenge.
type Proposal struct {
	ID          int64
	Type        string
	Status      string
	CloseReason string // set while closed or archived after closing
	Title       string
	Summary     string
	Description string // Markdown
	Lang        string // language the text is written in: one of Languages
	Skills      []ProposalSkill
	// PartnerTypes are the kinds of organisation sought (OrgTypes).
	PartnerTypes []string
	Countries    []string // ISO 3166 alpha-2 codes of NUTS countries
	Regions      []string // NUTS codes, any level
	S3Areas      []string
	Themes       []string
	Deadline     time.Time // a date (UTC midnight); zero when open-ended
	CallRef      string    // the call's name or identifier
	CallURL      string
	ProposerID   int64
	ProposerName string // filled by reads
	OrgID        *int64 // the organisation it is made for, if any
	OrgName      string // filled by reads
	PublishedAt  *time.Time
	ClosedAt     *time.Time
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

// SkillIDs returns the concept ids of the required skills.
func (p *Proposal) SkillIDs() []int64 {
	out := make([]int64, len(p.Skills))
	for i, s := range p.Skills {
		out[i] = s.ConceptID
	}
	return out
}

// ProposalEvent is one change of state, kept as the proposal's history.
// ActorID is nil for changes the platform made (expiry) or when the
// account is gone.
type ProposalEvent struct {
	ID         int64
	ProposalID int64
	ActorID    *int64
	ActorName  string // filled by reads
	From, To   string
	Reason     string
	At         time.Time
}

// CanEditProposal reports whether actor may edit proposal p and change its
// state: its proposer, the owners and managers of its organisation (m is
// the actor's membership of it, nil for none), moderators and
// administrators.
func CanEditProposal(actor *User, p *Proposal, m *OrgMember) bool {
	if !actor.Active() || p == nil {
		return false
	}
	if actor.IsModerator() || p.ProposerID == actor.ID {
		return true
	}
	return p.OrgID != nil && m != nil && m.OrgID == *p.OrgID && isRole(actor, m, OrgRoleOwner, OrgRoleManager)
}

// CanSeeProposal reports whether actor may see p: published and closed
// proposals are public, the rest only for those who may edit them.
func CanSeeProposal(actor *User, p *Proposal, m *OrgMember) bool {
	return ProposalPublic(p.Status) || CanEditProposal(actor, p, m)
}

// ProposalFilter selects a page of proposals, newest first (oldest first
// with Oldest).
type ProposalFilter struct {
	Types      []string
	Statuses   []string // required: the service decides what the actor may list
	ConceptIDs []int64  // any of these skills (already expanded to narrower ones)
	Region     string   // NUTS prefix of a target region
	S3Area     string
	ProposerID int64  // only this person's proposals (0: anyone's)
	OrgID      int64  // only proposals made for this organisation (0: any)
	DeadlineGE string // YYYY-MM-DD: deadline on or after ("" no bound)
	DeadlineLE string // YYYY-MM-DD: deadline on or before
	Lang       string // labels of the skills
	BeforeID   int64  // keyset: only ids below it (0: from the newest)
	// Oldest lists oldest first (a queue), with AfterID as the keyset
	// cursor: only ids above it (0: from the oldest).
	Oldest  bool
	AfterID int64
	Limit   int
}

// ProposalStore keeps collaboration proposals, their skills and history.
type ProposalStore interface {
	// CreateProposal inserts p with its skills and codes and sets its ID.
	CreateProposal(ctx context.Context, p *Proposal) error
	// UpdateProposal saves the content of p with its skills and codes (not
	// its state, proposer or creation time); ENotFound if it is gone.
	UpdateProposal(ctx context.Context, p *Proposal) error
	// ProposalByID returns a proposal with labelled skills, codes and the
	// names of its proposer and organisation; ENotFound if none.
	ProposalByID(ctx context.Context, id int64, lang string) (*Proposal, error)
	// ListProposals returns a page (see ProposalFilter) with skills and
	// codes loaded for the whole page at once.
	ListProposals(ctx context.Context, f ProposalFilter) ([]*Proposal, error)
	// SetProposalStatus moves p from state ev.From to ev.To (p carries the
	// new state, reason and times) and records ev, in one transaction.
	// ENotFound when p is no longer in ev.From.
	SetProposalStatus(ctx context.Context, p *Proposal, ev *ProposalEvent) error
	// ProposalEvents returns a proposal's history, oldest first.
	ProposalEvents(ctx context.Context, id int64) ([]*ProposalEvent, error)
	// OverdueProposals returns ids of published proposals whose deadline
	// is before today (YYYY-MM-DD), oldest deadline first.
	OverdueProposals(ctx context.Context, today string, limit int) ([]int64, error)
}

package ponte

import (
	"context"
	"time"
)

// Limits on saved searches.
const (
	MaxSavedSearches       = 20  // per member
	MaxSavedSearchNameLen  = 100 // runes
	MaxSavedSearchQueryLen = 1000
)

// SavedSearch is a member's saved filter of the proposal directory. Query is
// the directory's URL query (type, skill_uri, region, s3_area,
// deadline_after, deadline_before), normalised when saved. With Alert on,
// proposals published after CheckedAt that match it are announced to the
// member, at most once per check.
type SavedSearch struct {
	ID        int64
	UserID    int64
	Name      string
	Query     string
	Alert     bool
	CheckedAt time.Time
	CreatedAt time.Time
}

// Relations between a member's skill and a skill a proposal needs.
const (
	FitExact    = 0 // the same concept
	FitNarrower = 1 // the member's skill is a narrower (more specific) concept
	FitBroader  = 2 // the member's skill is a broader (more general) concept
)

// FitHit is one required skill of a proposal that a member's skill meets,
// exactly or through one broader/narrower link.
type FitHit struct {
	ConceptID     int64 // the required concept
	Essential     bool
	MinLevel      int
	MemberConcept int64
	MemberLevel   int
	Relation      int // FitExact, FitNarrower or FitBroader
}

// FitCandidate is a published proposal that needs at least one of a
// member's skills (or a neighbour of one), with what scoring needs: how
// many skills it needs in all and whether it targets the member's place.
type FitCandidate struct {
	ProposalID   int64
	PublishedAt  time.Time
	Skills       int // required skills in all
	Essentials   int // of which essential
	RegionMatch  bool
	CountryMatch bool
	Hits         []FitHit
}

// FitQuery selects the candidates for one member: published proposals of
// others, deadline today or later (or none), optionally published in
// (Since, Until] only.
type FitQuery struct {
	UserID int64
	Today  string // YYYY-MM-DD
	Since  *time.Time
	Until  *time.Time
	// PerConcept bounds the proposals each concept (of the member's and
	// their neighbours) brings, the newest first; 0 means
	// DefaultFitPerConcept. It keeps a member holding common skills from
	// drawing every proposal of a large platform.
	PerConcept int
}

// DefaultFitPerConcept is FitQuery.PerConcept when unset.
const DefaultFitPerConcept = 100

// AlertQuery selects proposals for a saved-search alert: those matching
// Filter published in (After, Until], not proposed by NotProposer.
type AlertQuery struct {
	Filter      ProposalFilter
	After       time.Time
	Until       time.Time
	NotProposer int64
}

// DigestDue is a member whose weekly digest is due, and whether their
// notification settings want it (no settings row: yes).
type DigestDue struct {
	UserID int64
	Wanted bool
}

// DigestState is when a member's digest was last prepared and sent.
type DigestState struct {
	CheckedAt *time.Time
	SentAt    *time.Time
	NextAt    time.Time
}

// SavedSearchStore keeps saved searches with alerts and the weekly digest.
type SavedSearchStore interface {
	// CreateSavedSearch inserts ss and sets its ID.
	CreateSavedSearch(ctx context.Context, ss *SavedSearch) error
	// CountSavedSearches returns how many searches a member saved.
	CountSavedSearches(ctx context.Context, userID int64) (int, error)
	// SavedSearches lists a member's searches, oldest first (at most
	// MaxSavedSearches are ever kept).
	SavedSearches(ctx context.Context, userID int64) ([]*SavedSearch, error)
	// DeleteSavedSearch deletes a search of userID's; ENotFound if none.
	DeleteSavedSearch(ctx context.Context, userID, id int64) error
	// SetSavedSearchAlert turns a search's alert on or off; turning it on
	// starts from at, so older proposals are not announced. ENotFound if
	// userID has no such search.
	SetSavedSearchAlert(ctx context.Context, userID, id int64, on bool, at time.Time) error
	// DueSavedSearches returns alerting searches last checked at or before
	// before, oldest check first.
	DueSavedSearches(ctx context.Context, before time.Time, limit int) ([]*SavedSearch, error)
	// ClaimSavedSearch moves a search's check time from prev to at and
	// reports whether it did: of two app nodes, only one claims a check.
	ClaimSavedSearch(ctx context.Context, id int64, prev, at time.Time) (bool, error)
	// AlertProposals returns up to limit proposals for an alert, newest
	// publication first, with skills labelled in q.Filter.Lang.
	AlertProposals(ctx context.Context, q AlertQuery, limit int) ([]*Proposal, error)

	// FitCandidates returns the proposals that need a member's skills, in
	// one indexed query (scoring is left to the caller).
	FitCandidates(ctx context.Context, q FitQuery) ([]*FitCandidate, error)
	// ProposalsByIDs returns proposals with labelled skills, in ids' order
	// (missing ones are skipped). With lang "" the skills come without
	// their concepts, by concept id, for callers that label them from a
	// cache of their own (the search index).
	ProposalsByIDs(ctx context.Context, ids []int64, lang string) ([]*Proposal, error)

	// EnrolDigests adds up to limit members without digest state, each
	// first due at firstAt(their id), and returns how many it added.
	EnrolDigests(ctx context.Context, limit int, firstAt func(userID int64) time.Time) (int, error)
	// DueDigests returns up to limit members whose digest is due at now,
	// earliest first.
	DueDigests(ctx context.Context, now time.Time, limit int) ([]DigestDue, error)
	// ClaimDigest moves a member due at now to next, with checked as their
	// new check time, returning the previous check time (nil: never) and
	// whether this caller claimed it (false: not due, or another node did).
	ClaimDigest(ctx context.Context, userID int64, now, checked, next time.Time) (*time.Time, bool, error)
	// MarkDigestSent records that a digest went to the member at at.
	MarkDigestSent(ctx context.Context, userID int64, at time.Time) error
	// DigestStateOf returns a member's digest state; ENotFound if none.
	DigestStateOf(ctx context.Context, userID int64) (*DigestState, error)
}

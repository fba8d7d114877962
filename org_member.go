package ponte

import (
	"context"
	"slices"
	"time"
)

// Organisation member roles.
const (
	OrgRoleOwner   = "owner"   // everything, including roles of owners and ownership
	OrgRoleManager = "manager" // the profile, projects, competences, members who are not owners
	OrgRoleMember  = "member"  // belongs to it; sees its members and pending requests
)

// OrgRoles lists the roles from most to least powerful.
var OrgRoles = []string{OrgRoleOwner, OrgRoleManager, OrgRoleMember}

// ValidOrgRole reports whether r is one of OrgRoles.
func ValidOrgRole(r string) bool { return slices.Contains(OrgRoles, r) }

// OrgMember is a person's role in an organisation. DisplayName is filled
// by reads that list members.
type OrgMember struct {
	OrgID       int64
	UserID      int64
	Role        string
	DisplayName string
	CreatedAt   time.Time
}

// OrgRequest is a person asking to join an organisation; an owner or a
// manager accepts or declines it.
type OrgRequest struct {
	OrgID       int64
	UserID      int64
	Message     string
	DisplayName string // filled by reads
	CreatedAt   time.Time
}

// MaxOrgRequestLen bounds the note sent with a join request.
const MaxOrgRequestLen = 500

// OrgInvite is an invitation sent by e-mail. Only the SHA-256 of its
// single-use token is stored.
type OrgInvite struct {
	ID        int64
	OrgID     int64
	Email     string
	Role      string
	TokenHash string
	InvitedBy *int64
	CreatedAt time.Time
	ExpiresAt time.Time
	UsedAt    *time.Time
}

// OrgMemberCursor is the keyset position in a member list, which is in
// role order (owners first), then by user id.
type OrgMemberCursor struct {
	Role   string
	UserID int64
}

// OrgRoleRank orders roles: 0 for owners, 1 managers, 2 members.
func OrgRoleRank(role string) int {
	if i := slices.Index(OrgRoles, role); i >= 0 {
		return i
	}
	return len(OrgRoles)
}

// isRole reports whether m is actor's own membership with one of roles.
func isRole(actor *User, m *OrgMember, roles ...string) bool {
	return actor.Active() && m != nil && m.UserID == actor.ID && slices.Contains(roles, m.Role)
}

// CanManageOrg reports whether actor, whose membership of the organisation
// is m (nil for none), may edit its profile, projects and competences,
// answer join requests and invite people: its owners and managers, and the
// platform's administrators.
func CanManageOrg(actor *User, m *OrgMember) bool {
	return actor.IsAdmin() || isRole(actor, m, OrgRoleOwner, OrgRoleManager)
}

// CanSeeOrgMembers reports whether actor may see the member management
// page (roles, pending requests and invitations): members and
// administrators.
func CanSeeOrgMembers(actor *User, m *OrgMember) bool {
	return actor.IsAdmin() || isRole(actor, m, OrgRoles...)
}

// CanSetOrgRole reports whether actor (membership m) may move someone from
// role from ("" for a newcomer) to role to ("" for removal). Owners and
// administrators may do anything; managers may do anything that neither
// touches an owner nor makes one.
func CanSetOrgRole(actor *User, m *OrgMember, from, to string) bool {
	if actor.IsAdmin() || isRole(actor, m, OrgRoleOwner) {
		return true
	}
	return isRole(actor, m, OrgRoleManager) && from != OrgRoleOwner && to != OrgRoleOwner
}

// OrgMemberStore keeps memberships, join requests and invitations.
type OrgMemberStore interface {
	// ListOrgMembers returns members with their display names, owners
	// first, after the cursor (nil for the start).
	ListOrgMembers(ctx context.Context, orgID int64, after *OrgMemberCursor, limit int) ([]*OrgMember, error)
	// CountOrgMembers counts the members of an organisation, and how many
	// of them are owners.
	CountOrgMembers(ctx context.Context, orgID int64) (members, owners int, err error)
	// RemoveOrgMember ends a membership; ENotFound if there is none.
	RemoveOrgMember(ctx context.Context, orgID, userID int64) error
	// CreateOrgRequest records a join request; EConflict if one is pending.
	CreateOrgRequest(ctx context.Context, r *OrgRequest) error
	// OrgRequestOf returns userID's pending request to join orgID.
	OrgRequestOf(ctx context.Context, orgID, userID int64) (*OrgRequest, error)
	// DeleteOrgRequest removes a pending request; ENotFound if none.
	DeleteOrgRequest(ctx context.Context, orgID, userID int64) error
	// UserOrgRequests returns a person's pending join requests (for their
	// data export), at most 1,000.
	UserOrgRequests(ctx context.Context, userID int64) ([]*OrgRequest, error)
	// DeleteOrgInvitesTo erases the invitations sent to an address (when
	// that person deletes their account).
	DeleteOrgInvitesTo(ctx context.Context, email string) error
	// ListOrgRequests returns pending requests, oldest first.
	ListOrgRequests(ctx context.Context, orgID int64, limit int) ([]*OrgRequest, error)
	// CreateOrgInvite stores an invitation and sets its ID, replacing a
	// pending one to the same address.
	CreateOrgInvite(ctx context.Context, inv *OrgInvite) error
	// OrgInviteByToken returns an invitation by its token's hash, used or not.
	OrgInviteByToken(ctx context.Context, tokenHash string) (*OrgInvite, error)
	// UseOrgInvite marks an invitation used at now; ENotFound when it is
	// unknown, used or expired. Of two concurrent uses exactly one succeeds.
	UseOrgInvite(ctx context.Context, id int64, now time.Time) error
	// ListOrgInvites returns the invitations still open at now, newest first.
	ListOrgInvites(ctx context.Context, orgID int64, now time.Time, limit int) ([]*OrgInvite, error)
	// DeleteOrgInvite withdraws an invitation of orgID; ENotFound if none.
	DeleteOrgInvite(ctx context.Context, orgID, id int64) error
	// ListOrgClaims returns pending requests to join organisations that
	// have no owner (imported ones being claimed), oldest first.
	ListOrgClaims(ctx context.Context, limit int) ([]*OrgClaim, error)
}

// OrgClaim is a pending request to join an organisation without owners:
// someone claiming an imported profile, which administrators answer.
type OrgClaim struct {
	OrgRequest
	OrgName string
}

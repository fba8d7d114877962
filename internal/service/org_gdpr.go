package service

import (
	"context"
	"time"

	"github.com/ponte-platform/ponte"
)

// OrgMembershipExport is one organisation a person belongs to.
type OrgMembershipExport struct {
	OrgID int64  `json:"organisation_id"`
	Name  string `json:"organisation"`
	Role  string `json:"role"`
}

// OrgRequestExport is a pending request to join an organisation.
type OrgRequestExport struct {
	OrgID     int64     `json:"organisation_id"`
	Message   string    `json:"message"`
	CreatedAt time.Time `json:"created_at"`
}

// exportOrgs adds the actor's memberships and pending join requests.
func (s *Service) exportOrgs(ctx context.Context, u *ponte.User, x *DataExport) error {
	orgs, err := s.store.UserOrganisations(ctx, []int64{u.ID})
	if err != nil {
		return err
	}
	x.Organisations = []OrgMembershipExport{}
	for _, o := range orgs[u.ID] {
		x.Organisations = append(x.Organisations, OrgMembershipExport{o.OrgID, o.Name, o.Role})
	}
	reqs, err := s.store.UserOrgRequests(ctx, u.ID)
	if err != nil {
		return err
	}
	x.JoinRequests = []OrgRequestExport{}
	for _, r := range reqs {
		x.JoinRequests = append(x.JoinRequests, OrgRequestExport{r.OrgID, r.Message, r.CreatedAt})
	}
	return nil
}

// eraseOrgTraces runs inside account deletion: an organisation may not be
// left without an owner (as an administrator may not leave the platform
// without one), and invitations to the person's address go with them.
// Memberships and requests go with the account (ON DELETE CASCADE).
func eraseOrgTraces(ctx context.Context, tx ponte.Store, u *ponte.User) error {
	orgs, err := tx.UserOrganisations(ctx, []int64{u.ID})
	if err != nil {
		return err
	}
	for _, o := range orgs[u.ID] {
		if o.Role != ponte.OrgRoleOwner {
			continue
		}
		if err := lockOrg(ctx, tx, o.OrgID); err != nil {
			return err
		}
		if _, owners, err := tx.CountOrgMembers(ctx, o.OrgID); err != nil {
			return err
		} else if owners < 2 {
			return &ponte.Error{Code: ponte.EForbidden, Key: "error.last_org_owner"}
		}
	}
	return tx.DeleteOrgInvitesTo(ctx, u.Email)
}

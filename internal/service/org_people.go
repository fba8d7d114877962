package service

import (
	"context"

	"github.com/ponte-platform/ponte"
)

// OrgMembersView is the member management page: members (one page), and
// for owners and managers the pending requests and open invitations.
type OrgMembersView struct {
	Org       *ponte.Organisation
	Me        *ponte.OrgMember // nil for an administrator who is not a member
	Members   []*ponte.OrgMember
	Next      *ponte.OrgMemberCursor // nil on the last page
	Requests  []*ponte.OrgRequest
	Invites   []*ponte.OrgInvite
	CanManage bool
}

// OrgMembersPageSize is how many members one page of the management page lists.
const OrgMembersPageSize = 100

// OrgMembers returns the management view to members and administrators.
func (s *Service) OrgMembers(ctx context.Context, actor *ponte.User, orgID int64, after *ponte.OrgMemberCursor) (*OrgMembersView, error) {
	o, m, err := s.orgAccess(ctx, s.store, actor, orgID)
	if err != nil {
		return nil, err
	}
	if !ponte.CanSeeOrgMembers(actor, m) {
		return nil, forbiddenOrUnauthorized(actor)
	}
	v := &OrgMembersView{Org: o, Me: m, CanManage: ponte.CanManageOrg(actor, m)}
	if v.Members, err = s.store.ListOrgMembers(ctx, orgID, after, OrgMembersPageSize); err != nil {
		return nil, err
	}
	if n := len(v.Members); n == OrgMembersPageSize {
		v.Next = &ponte.OrgMemberCursor{Role: v.Members[n-1].Role, UserID: v.Members[n-1].UserID}
	}
	if !v.CanManage {
		return v, nil
	}
	if v.Requests, err = s.store.ListOrgRequests(ctx, orgID, 100); err != nil {
		return nil, err
	}
	v.Invites, err = s.store.ListOrgInvites(ctx, orgID, s.now(), 100)
	return v, err
}

// VisibleOrgMembers returns up to n members for the organisation's public
// page, and how many members it has. A person appears only if the viewer
// may see their profile's affiliations section (where their memberships
// show), unless the viewer belongs to the organisation or administers the
// platform.
func (s *Service) VisibleOrgMembers(ctx context.Context, viewer *ponte.User, orgID int64, n int) ([]*ponte.OrgMember, int, error) {
	total, _, err := s.store.CountOrgMembers(ctx, orgID)
	if err != nil || total == 0 {
		return nil, total, err
	}
	ms, err := s.store.ListOrgMembers(ctx, orgID, nil, n)
	if err != nil {
		return nil, 0, err
	}
	_, mine, err := s.orgAccess(ctx, s.store, viewer, orgID)
	if err != nil || ponte.CanSeeOrgMembers(viewer, mine) {
		return ms, total, err
	}
	ids := make([]int64, len(ms))
	for i, m := range ms {
		ids[i] = m.UserID
	}
	profiles, err := s.store.ProfilesByUsers(ctx, ids)
	if err != nil {
		return nil, 0, err
	}
	aud := ponte.AudienceOf(viewer)
	out := ms[:0]
	for _, m := range ms {
		vis := ponte.DefaultVisibility[ponte.SectionAffiliations]
		if p, ok := profiles[m.UserID]; ok {
			vis = p.Vis(ponte.SectionAffiliations)
		}
		if aud.CanSee(m.UserID, vis) {
			out = append(out, m)
		}
	}
	return out, total, nil
}

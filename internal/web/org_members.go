package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/service"
)

// orgMembersData is the member management page.
type orgMembersData struct {
	V           *service.OrgMembersView
	Rows        []orgMemberRow
	Invite      *form
	InviteRoles []orgOption
	Transfer    []orgOption // members who could become owners
	CanTransfer bool
	NextURL     string
}

// orgMemberRow is a member with what the viewer may do to them.
type orgMemberRow struct {
	M                   *ponte.OrgMember
	Roles               []orgOption // roles the viewer may give; empty: none
	CanRemove, IsMe     bool
	RoleKey, ProfileURL string
}

func (s *Server) orgMembersPage(w http.ResponseWriter, r *http.Request) error {
	return s.renderOrgMembers(w, r, http.StatusOK, emptyForm())
}

// renderOrgMembers draws the page, with the invitation form as given.
func (s *Server) renderOrgMembers(w http.ResponseWriter, r *http.Request, status int, invite *form) error {
	u, id, err := userAndID(r)
	if err != nil {
		return err
	}
	v, err := s.svc.OrgMembers(r.Context(), u, id, memberCursor(r.URL.Query().Get("after")))
	if err != nil {
		return err
	}
	d := &orgMembersData{V: v, Invite: invite, CanTransfer: u.IsAdmin() || (v.Me != nil && v.Me.Role == ponte.OrgRoleOwner)}
	for _, role := range ponte.OrgRoles {
		if ponte.CanSetOrgRole(u, v.Me, "", role) {
			d.InviteRoles = append(d.InviteRoles, orgOption{Value: role, Key: "org.role." + role, On: role == orgFieldOr(invite.Get("role"), ponte.OrgRoleMember)})
		}
	}
	for _, m := range v.Members {
		d.Rows = append(d.Rows, newMemberRow(u, v.Me, m))
		if m.UserID != u.ID {
			d.Transfer = append(d.Transfer, orgOption{Value: orgItoa(m.UserID), Text: m.DisplayName})
		}
	}
	if v.Next != nil {
		d.NextURL = "/organisations/" + orgItoa(id) + "/members?after=" + v.Next.Role + "." + orgItoa(v.Next.UserID)
	}
	return s.render(w, r, status, "org_members", s.newPage(r, "org.members_title", d))
}

func newMemberRow(u *ponte.User, me, m *ponte.OrgMember) orgMemberRow {
	row := orgMemberRow{M: m, IsMe: m.UserID == u.ID, RoleKey: "org.role." + m.Role,
		ProfileURL: "/people/" + orgItoa(m.UserID), CanRemove: !(m.UserID == u.ID) && ponte.CanSetOrgRole(u, me, m.Role, "")}
	for _, role := range ponte.OrgRoles {
		if role != m.Role && ponte.CanSetOrgRole(u, me, m.Role, role) {
			row.Roles = append(row.Roles, orgOption{Value: role, Key: "org.role." + role})
		}
	}
	return row
}

// memberCursor reads "role.userid"; anything else starts at the top.
func memberCursor(s string) *ponte.OrgMemberCursor {
	role, uid, ok := strings.Cut(s, ".")
	id, err := strconv.ParseInt(uid, 10, 64)
	if !ok || err != nil || !ponte.ValidOrgRole(role) {
		return nil
	}
	return &ponte.OrgMemberCursor{Role: role, UserID: id}
}

// orgTarget reads the signed-in user, the {id} organisation and a user id
// from the {uid} path segment.
func orgTarget(r *http.Request) (*ponte.User, int64, int64, error) {
	u, err := requireUser(r)
	if err != nil {
		return nil, 0, 0, err
	}
	id, err := pathID(r)
	if err != nil {
		return nil, 0, 0, err
	}
	uid, err := pathInt(r, "uid")
	if err != nil {
		return nil, 0, 0, err
	}
	return u, id, uid, nil
}

func (s *Server) orgMemberRole(w http.ResponseWriter, r *http.Request) error {
	u, id, uid, err := orgTarget(r)
	if err != nil {
		return err
	}
	if err := s.svc.SetOrgRole(r.Context(), u, id, uid, r.PostFormValue("role")); err != nil {
		return err
	}
	return s.redirectFlash(w, r, "/organisations/"+orgItoa(id)+"/members", "flash.org_role_changed")
}

func (s *Server) orgMemberRemove(w http.ResponseWriter, r *http.Request) error {
	u, id, uid, err := orgTarget(r)
	if err != nil {
		return err
	}
	if err := s.svc.RemoveOrgMember(r.Context(), u, id, uid); err != nil {
		return err
	}
	return s.redirectFlash(w, r, "/organisations/"+orgItoa(id)+"/members", "flash.org_member_removed")
}

func (s *Server) orgRequestAccept(w http.ResponseWriter, r *http.Request) error {
	return s.answerRequest(w, r, true)
}

func (s *Server) orgRequestDecline(w http.ResponseWriter, r *http.Request) error {
	return s.answerRequest(w, r, false)
}

func (s *Server) answerRequest(w http.ResponseWriter, r *http.Request, accept bool) error {
	u, id, uid, err := orgTarget(r)
	if err != nil {
		return err
	}
	role := orgFieldOr(r.PostFormValue("role"), ponte.OrgRoleMember)
	if err := s.svc.AnswerRequest(r.Context(), u, id, uid, accept, role); err != nil {
		return err
	}
	key := "flash.org_request_declined"
	if accept {
		key = "flash.org_request_accepted"
	}
	return s.redirectFlash(w, r, "/organisations/"+orgItoa(id)+"/members", key)
}

func (s *Server) orgTransfer(w http.ResponseWriter, r *http.Request) error {
	u, id, err := userAndID(r)
	if err != nil {
		return err
	}
	to, _ := strconv.ParseInt(r.PostFormValue("user_id"), 10, 64)
	if err := s.svc.TransferOrgOwnership(r.Context(), u, id, to); err != nil {
		return err
	}
	return s.redirectFlash(w, r, "/organisations/"+orgItoa(id)+"/members", "flash.org_transferred")
}

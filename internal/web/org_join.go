package web

import (
	"net/http"
	"net/url"

	"github.com/ponte-platform/ponte"
)

func (s *Server) orgJoin(w http.ResponseWriter, r *http.Request) error {
	u, id, err := userAndID(r)
	if err != nil {
		return err
	}
	f, err := parseForm(r)
	if err != nil {
		return err
	}
	err = s.svc.RequestToJoin(r.Context(), u, id, f.Get("message"))
	if f.failed(err) {
		return s.renderOrgPage(w, r, http.StatusUnprocessableEntity, f)
	}
	if err != nil {
		return err
	}
	return s.redirectFlash(w, r, "/organisations/"+orgItoa(id), "flash.org_request_sent")
}

func (s *Server) orgJoinWithdraw(w http.ResponseWriter, r *http.Request) error {
	u, id, err := userAndID(r)
	if err != nil {
		return err
	}
	if err := s.svc.WithdrawRequest(r.Context(), u, id); err != nil {
		return err
	}
	return s.redirectFlash(w, r, "/organisations/"+orgItoa(id), "flash.org_request_withdrawn")
}

func (s *Server) orgLeave(w http.ResponseWriter, r *http.Request) error {
	u, id, err := userAndID(r)
	if err != nil {
		return err
	}
	if err := s.svc.LeaveOrg(r.Context(), u, id); err != nil {
		return err
	}
	return s.redirectFlash(w, r, "/organisations/"+orgItoa(id), "flash.org_left")
}

func (s *Server) orgInvite(w http.ResponseWriter, r *http.Request) error {
	u, id, err := userAndID(r)
	if err != nil {
		return err
	}
	f, err := parseForm(r)
	if err != nil {
		return err
	}
	_, err = s.svc.InviteToOrg(r.Context(), u, id, f.Get("email"), f.Get("role"))
	if f.failed(err) {
		return s.renderOrgMembers(w, r, http.StatusUnprocessableEntity, f)
	}
	if err != nil {
		return err
	}
	return s.redirectFlash(w, r, "/organisations/"+orgItoa(id)+"/members", "flash.org_invited")
}

func (s *Server) orgInviteRevoke(w http.ResponseWriter, r *http.Request) error {
	u, id, err := userAndID(r)
	if err != nil {
		return err
	}
	iid, err := pathInt(r, "iid")
	if err != nil {
		return err
	}
	if err := s.svc.RevokeInvitation(r.Context(), u, id, iid); err != nil {
		return err
	}
	return s.redirectFlash(w, r, "/organisations/"+orgItoa(id)+"/members", "flash.org_invite_revoked")
}

// orgInvitationData is the page an invitation link opens.
type orgInvitationData struct {
	Org       *ponte.Organisation
	Invite    *ponte.OrgInvite
	RoleKey   string
	Token     string
	LoginURL  string
	SignupURL string
	Mismatch  bool // signed in with another address than the invited one
}

// orgInvitation shows an invitation; accepting is a POST from this page,
// so following the link (or a mail scanner prefetching it) changes nothing.
func (s *Server) orgInvitation(w http.ResponseWriter, r *http.Request) error {
	token := r.URL.Query().Get("token")
	inv, o, err := s.svc.Invitation(r.Context(), token)
	if err != nil {
		return err
	}
	here := url.QueryEscape(r.URL.RequestURI())
	d := &orgInvitationData{Org: o, Invite: inv, RoleKey: "org.role." + inv.Role, Token: token,
		LoginURL: "/login?next=" + here, SignupURL: "/signup?next=" + here}
	if u := currentUser(r); u != nil {
		d.Mismatch = ponte.NormalizeEmail(u.Email) != inv.Email
	}
	return s.render(w, r, http.StatusOK, "org_invitation", s.newPage(r, "org.invitation_title", d))
}

func (s *Server) orgInvitationAccept(w http.ResponseWriter, r *http.Request) error {
	u, err := requireUser(r)
	if err != nil {
		return err
	}
	o, err := s.svc.AcceptInvitation(r.Context(), u, r.PostFormValue("token"))
	if err != nil {
		return err
	}
	return s.redirectFlash(w, r, "/organisations/"+orgItoa(o.ID), "flash.org_joined")
}

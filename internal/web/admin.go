package web

import (
	"net/http"
	"strconv"

	"github.com/ponte-platform/ponte"
)

// adminUsersData is the user administration page.
type adminUsersData struct {
	Users      []*ponte.User
	Query      string
	Role       string
	NextBefore int64 // keyset cursor for the next page, 0 when none
	Roles      []ponte.Role
}

const adminPageSize = 50

func (s *Server) adminUsers(w http.ResponseWriter, r *http.Request) error {
	u, err := requireUser(r)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	before, _ := strconv.ParseInt(q.Get("before"), 10, 64)
	d := adminUsersData{Query: q.Get("q"), Role: q.Get("role"), Roles: ponte.Roles}
	role := ponte.Role(d.Role)
	if !role.Valid() {
		role, d.Role = "", ""
	}
	d.Users, err = s.svc.ListUsers(r.Context(), u, ponte.UserFilter{Query: d.Query, Role: role,
		Before: before, Limit: adminPageSize})
	if err != nil {
		return err
	}
	if len(d.Users) == adminPageSize {
		d.NextBefore = d.Users[len(d.Users)-1].ID
	}
	return s.render(w, r, http.StatusOK, "admin_users", s.newPage(r, "admin.users_title", d))
}

func (s *Server) adminSetRole(w http.ResponseWriter, r *http.Request) error {
	u, id, err := userAndID(r)
	if err != nil {
		return err
	}
	if err := s.svc.SetRole(r.Context(), u, id, ponte.Role(r.PostFormValue("role"))); err != nil {
		return err
	}
	return s.redirectFlash(w, r, "/admin/users", "flash.role_changed")
}

func (s *Server) adminSetActive(w http.ResponseWriter, r *http.Request) error {
	u, id, err := userAndID(r)
	if err != nil {
		return err
	}
	active := r.PostFormValue("active") == "true"
	if err := s.svc.SetActive(r.Context(), u, id, active); err != nil {
		return err
	}
	key := "flash.user_deactivated"
	if active {
		key = "flash.user_reactivated"
	}
	return s.redirectFlash(w, r, "/admin/users", key)
}

// outboxData is the mail outbox page.
type outboxData struct {
	Mail       []*ponte.Mail
	NextBefore int64
	HasSender  bool
}

func (s *Server) adminOutbox(w http.ResponseWriter, r *http.Request) error {
	u, err := requireUser(r)
	if err != nil {
		return err
	}
	before, _ := strconv.ParseInt(r.URL.Query().Get("before"), 10, 64)
	mail, err := s.svc.Outbox(r.Context(), u, before)
	if err != nil {
		return err
	}
	d := outboxData{Mail: mail, HasSender: s.svc.HasSender()}
	if len(mail) == 50 {
		d.NextBefore = mail[len(mail)-1].ID
	}
	return s.render(w, r, http.StatusOK, "admin_outbox", s.newPage(r, "admin.outbox_title", d))
}

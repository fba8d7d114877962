package web

import (
	"net/http"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/service"
)

func (s *Server) forgotForm(w http.ResponseWriter, r *http.Request) error {
	return s.render(w, r, http.StatusOK, "forgot", s.newPageForm(r, "forgot.title", emptyForm()))
}

func (s *Server) forgot(w http.ResponseWriter, r *http.Request) error {
	f, err := parseForm(r)
	if err != nil {
		return err
	}
	if err := s.svc.Allow(r.Context(), service.ScopeReset, s.clientIP(r)); err != nil {
		return err
	}
	err = s.svc.RequestPasswordReset(r.Context(), f.Get("email"))
	if f.failed(err) {
		return s.render(w, r, http.StatusUnprocessableEntity, "forgot", s.newPageForm(r, "forgot.title", f))
	}
	if err != nil {
		return err
	}
	return s.redirectFlash(w, r, "/login", "flash.reset_sent")
}

func (s *Server) resetForm(w http.ResponseWriter, r *http.Request) error {
	f := emptyForm()
	f.Values.Set("token", r.URL.Query().Get("token"))
	err := s.svc.CheckResetLink(r.Context(), f.Get("token"))
	if f.failed(err) {
		return s.render(w, r, http.StatusUnprocessableEntity, "reset", s.newPageForm(r, "reset.title", f))
	}
	if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, "reset", s.newPageForm(r, "reset.title", f))
}

func (s *Server) reset(w http.ResponseWriter, r *http.Request) error {
	f, err := parseForm(r)
	if err != nil {
		return err
	}
	if err := s.svc.Allow(r.Context(), service.ScopeReset, s.clientIP(r)); err != nil {
		return err
	}
	if f.Get("password") != f.Get("password_confirm") {
		f.Errors["password_confirm"] = "error.password_mismatch"
		return s.render(w, r, http.StatusUnprocessableEntity, "reset", s.newPageForm(r, "reset.title", f))
	}
	u, err := s.svc.ResetPassword(r.Context(), f.Get("token"), f.Get("password"))
	if f.failed(err) {
		return s.render(w, r, http.StatusUnprocessableEntity, "reset", s.newPageForm(r, "reset.title", f))
	}
	if err != nil {
		return err
	}
	if err := s.startSession(w, r, u); err != nil {
		return err
	}
	return s.redirectFlash(w, r, "/account", "flash.password_reset")
}

func (s *Server) setupForm(w http.ResponseWriter, r *http.Request) error {
	needs, err := s.svc.NeedsSetup(r.Context())
	if err != nil {
		return err
	}
	if !needs {
		return ponte.Errorf(ponte.ENotFound, "error.not_found")
	}
	return s.render(w, r, http.StatusOK, "setup", s.newPageForm(r, "setup.title", emptyForm()))
}

func (s *Server) setup(w http.ResponseWriter, r *http.Request) error {
	f, err := parseForm(r)
	if err != nil {
		return err
	}
	if err := s.svc.Allow(r.Context(), service.ScopeSignup, s.clientIP(r)); err != nil {
		return err
	}
	u, err := s.svc.SetupAdmin(r.Context(), service.CreateUserInput{Email: f.Get("email"),
		DisplayName: f.Get("display_name"), Password: f.Get("password"), Lang: lang(r)})
	if f.failed(err) {
		return s.render(w, r, http.StatusUnprocessableEntity, "setup", s.newPageForm(r, "setup.title", f))
	}
	if ponte.ErrorCode(err) == ponte.EForbidden {
		return ponte.Errorf(ponte.ENotFound, "error.not_found")
	}
	if err != nil {
		return err
	}
	if err := s.startSession(w, r, u); err != nil {
		return err
	}
	return s.redirectFlash(w, r, "/admin/users", "flash.admin_created")
}

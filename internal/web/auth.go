package web

import (
	"net/http"
	"time"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/service"
)

func (s *Server) signupForm(w http.ResponseWriter, r *http.Request) error {
	if currentUser(r) != nil {
		http.Redirect(w, r, "/account", http.StatusSeeOther)
		return nil
	}
	return s.render(w, r, http.StatusOK, "signup", s.newPageForm(r, "signup.title", emptyForm()))
}

func (s *Server) signup(w http.ResponseWriter, r *http.Request) error {
	f, err := parseForm(r)
	if err != nil {
		return err
	}
	if err := s.svc.Allow(r.Context(), service.ScopeSignup, s.clientIP(r)); err != nil {
		return err
	}
	_, err = s.svc.SignUp(r.Context(), service.SignUpInput{Email: f.Get("email"),
		DisplayName: f.Get("display_name"), Password: f.Get("password"), Lang: lang(r),
		AcceptTerms: f.Checked("accept_terms")})
	if f.failed(err) {
		return s.render(w, r, http.StatusUnprocessableEntity, "signup", s.newPageForm(r, "signup.title", f))
	}
	if err != nil {
		return err
	}
	http.Redirect(w, r, "/signup/done", http.StatusSeeOther)
	return nil
}

func (s *Server) signupDone(w http.ResponseWriter, r *http.Request) error {
	return s.render(w, r, http.StatusOK, "signup_done", s.newPage(r, "signup.done_title", nil))
}

// newPageForm is newPage for a page built around one form.
func (s *Server) newPageForm(r *http.Request, title string, f *form) *page {
	p := s.newPage(r, title, nil)
	p.Form = f
	return p
}

// verifyData tells the verification page how it went.
type verifyData struct{ OK bool }

func (s *Server) verify(w http.ResponseWriter, r *http.Request) error {
	_, err := s.svc.VerifyEmail(r.Context(), r.URL.Query().Get("token"))
	if ponte.ErrorCode(err) == ponte.EInvalid {
		p := s.newPageForm(r, "verify.failed_title", emptyForm())
		p.Data = verifyData{OK: false}
		return s.render(w, r, http.StatusUnprocessableEntity, "verify", p)
	}
	if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, "verify", s.newPage(r, "verify.ok_title", verifyData{OK: true}))
}

func (s *Server) resendForm(w http.ResponseWriter, r *http.Request) error {
	return s.render(w, r, http.StatusOK, "resend", s.newPageForm(r, "resend.title", emptyForm()))
}

func (s *Server) resend(w http.ResponseWriter, r *http.Request) error {
	f, err := parseForm(r)
	if err != nil {
		return err
	}
	if err := s.svc.Allow(r.Context(), service.ScopeReset, s.clientIP(r)); err != nil {
		return err
	}
	if err := s.svc.ResendVerification(r.Context(), f.Get("email")); err != nil {
		return err
	}
	return s.redirectFlash(w, r, "/login", "flash.verification_sent")
}

func (s *Server) loginForm(w http.ResponseWriter, r *http.Request) error {
	f := emptyForm()
	f.Values.Set("next", localPath(r.URL.Query().Get("next")))
	return s.render(w, r, http.StatusOK, "login", s.newPageForm(r, "login.title", f))
}

func (s *Server) login(w http.ResponseWriter, r *http.Request) error {
	f, err := parseForm(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	if err := s.svc.Allow(ctx, service.ScopeLogin, s.clientIP(r)); err != nil {
		return err
	}
	if err := s.svc.Allow(ctx, service.ScopeLoginEmail, ponte.NormalizeEmail(f.Get("email"))); err != nil {
		return err
	}
	u, err := s.svc.Authenticate(ctx, f.Get("email"), f.Get("password"))
	if e := ponte.AsError(err); e != nil && e.Code != ponte.EInternal {
		f.Error = e.Key
		return s.render(w, r, statusOf(e.Code), "login", s.newPageForm(r, "login.title", f))
	}
	if err != nil {
		return err
	}
	if err := s.startSession(w, r, u); err != nil {
		return err
	}
	http.Redirect(w, r, localPath(f.Get("next")), http.StatusSeeOther)
	return nil
}

// startSession signs u in on this browser, replacing any session it had
// (a fresh secret after sign-in defeats session fixation).
func (s *Server) startSession(w http.ResponseWriter, r *http.Request, u *ponte.User) error {
	if old := state(r).session; old != "" {
		s.svc.EndSession(r.Context(), old)
	}
	secret, err := s.svc.StartSession(r.Context(), u)
	if err != nil {
		return err
	}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: secret, Path: "/", HttpOnly: true,
		Secure: s.secureCookies(), SameSite: http.SameSiteLaxMode, MaxAge: 30 * 24 * 3600})
	s.setCookie(w, langCookie, u.Lang, 365*24*time.Hour)
	return nil
}

func (s *Server) logout(w http.ResponseWriter, r *http.Request) error {
	if err := s.svc.EndSession(r.Context(), state(r).session); err != nil {
		return err
	}
	s.clearCookie(w, sessionCookie)
	return s.redirectFlash(w, r, "/", "flash.signed_out")
}

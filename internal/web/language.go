package web

import (
	"net/http"
	"strings"
	"time"

	"github.com/ponte-platform/ponte"
)

// langCookie remembers a visitor's choice of language.
const langCookie = "ponte_lang"

// pickLanguage decides the response language: an explicit ?lang= (which is
// also remembered in the cookie), then the member's setting, then the cookie,
// then Accept-Language.
func (s *Server) pickLanguage(w http.ResponseWriter, r *http.Request, u *ponte.User) string {
	if l := r.URL.Query().Get("lang"); ponte.ValidLanguage(l) {
		s.setCookie(w, langCookie, l, 365*24*time.Hour)
		return l
	}
	if u != nil && ponte.ValidLanguage(u.Lang) {
		return u.Lang
	}
	if c, err := r.Cookie(langCookie); err == nil && ponte.ValidLanguage(c.Value) {
		return c.Value
	}
	return s.cat.Match(r.Header.Get("Accept-Language"))
}

// setLanguage is the language switcher: it remembers the choice (in the
// member's settings when signed in) and returns to the page.
func (s *Server) setLanguage(w http.ResponseWriter, r *http.Request) error {
	l := r.PostFormValue("lang")
	if !ponte.ValidLanguage(l) {
		return ponte.Errorf(ponte.EBadRequest, "error.bad_request")
	}
	s.setCookie(w, langCookie, l, 365*24*time.Hour)
	if u := currentUser(r); u != nil {
		if err := s.svc.SetLanguage(r.Context(), u, l); err != nil {
			return err
		}
	}
	http.Redirect(w, r, localPath(r.PostFormValue("next")), http.StatusSeeOther)
	return nil
}

// localPath accepts only a path on this site as a redirect target, so the
// switcher cannot be used as an open redirect.
func localPath(p string) string {
	if p == "" || !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") || strings.HasPrefix(p, "/\\") {
		return "/"
	}
	return p
}

// languageNames are each language's name in itself (endonyms), which is how
// a switcher must show them.
var languageNames = map[string]string{
	"en": "English", "it": "Italiano", "el": "Ελληνικά", "hr": "Hrvatski", "ro": "Română", "sl": "Slovenščina",
}

func (s *Server) setCookie(w http.ResponseWriter, name, value string, ttl time.Duration) {
	http.SetCookie(w, &http.Cookie{Name: name, Value: value, Path: "/", MaxAge: int(ttl.Seconds()),
		HttpOnly: true, Secure: s.secureCookies(), SameSite: http.SameSiteLaxMode})
}

func (s *Server) clearCookie(w http.ResponseWriter, name string) {
	http.SetCookie(w, &http.Cookie{Name: name, Value: "", Path: "/", MaxAge: -1,
		HttpOnly: true, Secure: s.secureCookies(), SameSite: http.SameSiteLaxMode})
}

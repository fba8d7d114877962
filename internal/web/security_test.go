package web

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/ponte-platform/ponte/internal/sqlstore"
)

func newRecorder() *httptest.ResponseRecorder { return httptest.NewRecorder() }

func TestCrossSitePostIsRefused(t *testing.T) {
	s := newSite(t, sqlstore.SQLite)
	form := url.Values{"email": {"x@example.org"}, "password": {"whatever12345"}}
	for _, hdr := range [][]string{
		{"Sec-Fetch-Site", "cross-site"},
		{"Origin", "https://evil.example"},
	} {
		r := s.do(s.client(), "POST", "/login", form, hdr...)
		if r.status != http.StatusForbidden || !strings.Contains(r.body, "another site") {
			t.Fatalf("cross-site POST with %v = %d", hdr, r.status)
		}
	}
	r := s.do(s.client(), "POST", "/login", form, "Sec-Fetch-Site", "same-origin")
	if r.status == http.StatusForbidden {
		t.Fatal("same-origin POST refused")
	}
}

func TestOversizeBodyIs413(t *testing.T) {
	s := newSite(t, sqlstore.SQLite)
	big := url.Values{"display_name": {strings.Repeat("x", 2<<20)}}
	r := s.do(s.client(), "POST", "/signup", big)
	if r.status != http.StatusRequestEntityTooLarge || langOf(r.body) != "en" {
		t.Fatalf("oversize POST = %d", r.status)
	}
}

func TestSessionCookieFlags(t *testing.T) {
	s := newSite(t, sqlstore.SQLite)
	s.member("cookie@example.org")
	c := s.client()
	r := s.do(c, "POST", "/login", url.Values{"email": {"cookie@example.org"}, "password": {"member password 1"}})
	sc := r.header.Values("Set-Cookie")
	var session string
	for _, v := range sc {
		if strings.HasPrefix(v, sessionCookie+"=") {
			session = v
		}
	}
	if !strings.Contains(session, "HttpOnly") || !strings.Contains(session, "SameSite=Lax") {
		t.Fatalf("session cookie = %q", session)
	}
}

func TestLoginRateLimit(t *testing.T) {
	s := newSite(t, sqlstore.SQLite)
	c := s.client()
	var last resp
	for i := 0; i < 50; i++ { // enough even if a minute boundary resets the window mid-way
		last = s.do(c, "POST", "/login", url.Values{"email": {"x" + string(rune('a'+i)) + "@example.org"},
			"password": {"wrong password"}}, "Accept-Language", "el")
		if last.status == http.StatusTooManyRequests {
			break
		}
	}
	if last.status != http.StatusTooManyRequests || langOf(last.body) != "el" || last.header.Get("Retry-After") == "" {
		t.Fatalf("after many attempts: %d lang %q", last.status, langOf(last.body))
	}
}

func TestMemberPagesNeedSignInAndAdminPagesNeedAdmin(t *testing.T) {
	eachBackend(t, func(t *testing.T, s *testSite) {
		visitor := s.client()
		r := s.do(visitor, "GET", "/account", nil)
		if r.status != http.StatusSeeOther || r.header.Get("Location") != "/login?next=%2Faccount" {
			t.Fatalf("visitor /account = %d %q", r.status, r.header.Get("Location"))
		}
		r = s.do(visitor, "POST", "/account/settings", url.Values{"display_name": {"x"}, "lang": {"en"}})
		if r.status != http.StatusUnauthorized {
			t.Fatalf("visitor POST /account/settings = %d", r.status)
		}
		member, _ := s.member("m@example.org")
		for _, p := range []string{"/admin/users", "/admin/outbox"} {
			if r := s.do(member, "GET", p, nil); r.status != http.StatusForbidden {
				t.Fatalf("member GET %s = %d", p, r.status)
			}
		}
		adminC, _ := s.admin()
		for _, p := range []string{"/admin/users", "/admin/users?q=m&role=member", "/admin/outbox"} {
			if r := s.do(adminC, "GET", p, nil); r.status != http.StatusOK {
				t.Fatalf("admin GET %s = %d", p, r.status)
			}
		}
	})
}

package web

import (
	"encoding/json"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/sqlstore"
	"github.com/ponte-platform/ponte/internal/sqlstore/sqltest"
)

func TestSignupErrorsKeepWhatWasTyped(t *testing.T) {
	eachBackend(t, func(t *testing.T, s *testSite) {
		c := s.client()
		r := s.do(c, "POST", "/signup", url.Values{"display_name": {"Marija <Kovač>"},
			"email": {"marija@example"}, "password": {"short"}}, "Accept-Language", "hr")
		if r.status != http.StatusUnprocessableEntity {
			t.Fatalf("bad sign-up = %d", r.status)
		}
		for _, want := range []string{`value="Marija &lt;Kovač&gt;"`, `value="marija@example"`,
			`aria-invalid="true"`, `id="f-email-error"`, `class="error-summary"`} {
			if !strings.Contains(r.body, want) {
				t.Fatalf("re-rendered form lacks %s", want)
			}
		}
		if strings.Contains(r.body, `value="short"`) {
			t.Fatal("the password must not be echoed back")
		}
		if n, _ := s.store.CountUsers(t.Context()); n != 0 {
			t.Fatalf("%d users created by a failed sign-up", n)
		}
		form := url.Values{"display_name": {"Marija"}, "email": {"marija@example.hr"},
			"password": {"dugačka lozinka"}, "accept_terms": {"yes"}}
		if r := s.do(c, "POST", "/signup", form); r.status != http.StatusSeeOther {
			t.Fatalf("good sign-up = %d", r.status)
		}
		r = s.do(c, "POST", "/signup", form)
		if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, "already exists") {
			t.Fatalf("duplicate sign-up = %d", r.status)
		}
	})
}

var tokenInMail = regexp.MustCompile(`token=([A-Z2-7]+)`)

func TestSignupVerifySignInSignOut(t *testing.T) {
	eachBackend(t, func(t *testing.T, s *testSite) {
		c := s.client()
		s.do(c, "POST", "/signup", url.Values{"display_name": {"Ana"}, "email": {"ana@example.si"},
			"password": {"dolgo geslo 123"}, "accept_terms": {"yes"}}, "Accept-Language", "sl")
		login := url.Values{"email": {"ana@example.si"}, "password": {"dolgo geslo 123"}}
		r := s.do(c, "POST", "/login", login)
		if r.status != http.StatusForbidden || !strings.Contains(r.body, "/verify/resend") {
			t.Fatalf("unverified sign-in = %d", r.status)
		}
		mail, _ := s.store.ListMail(t.Context(), ponte.MailFilter{})
		if len(mail) != 1 {
			t.Fatalf("%d mails", len(mail))
		}
		m := tokenInMail.FindStringSubmatch(mail[0].Text)
		if m == nil {
			t.Fatalf("no link in %q", mail[0].Text)
		}
		if r := s.do(c, "GET", "/verify?token="+m[1], nil); r.status != 200 {
			t.Fatalf("verify = %d", r.status)
		}
		if r := s.do(c, "GET", "/verify?token="+m[1], nil); r.status != 422 {
			t.Fatalf("second verify = %d, want 422", r.status)
		}
		r = s.do(c, "POST", "/login", login)
		if r.status != http.StatusSeeOther {
			t.Fatalf("sign-in = %d", r.status)
		}
		r = s.do(c, "GET", "/account", nil)
		if r.status != 200 || !strings.Contains(r.body, "ana@example.si") || langOf(r.body) != "sl" {
			t.Fatalf("account = %d lang %q", r.status, langOf(r.body))
		}
		if r := s.do(c, "POST", "/logout", url.Values{}); r.status != http.StatusSeeOther {
			t.Fatalf("logout = %d", r.status)
		}
		if r := s.do(c, "GET", "/account", nil); r.status != http.StatusSeeOther {
			t.Fatalf("account after logout = %d", r.status)
		}
	})
}

func TestAccountTokensExportAndDeletion(t *testing.T) {
	eachBackend(t, func(t *testing.T, s *testSite) {
		c, u := s.member("acct@example.org")
		r := s.do(c, "POST", "/account/tokens", url.Values{"name": {""}})
		if r.status != 422 || !strings.Contains(r.body, `id="f-name-error"`) {
			t.Fatalf("empty token name = %d", r.status)
		}
		r = s.do(c, "POST", "/account/tokens", url.Values{"name": {"cron"}})
		tok := regexp.MustCompile(`pt_[A-Z2-7]+`).FindString(r.body)
		if r.status != 200 || tok == "" || !strings.Contains(r.header.Get("Cache-Control"), "no-store") {
			t.Fatalf("token page = %d, token %q", r.status, tok)
		}
		r = s.do(c, "GET", "/account/export", nil)
		var x map[string]any
		if err := json.Unmarshal([]byte(r.body), &x); err != nil || !strings.Contains(r.body, "acct@example.org") ||
			!strings.Contains(r.header.Get("Content-Disposition"), "attachment") {
			t.Fatalf("export = %d %v", r.status, err)
		}
		r = s.do(c, "POST", "/account/delete", url.Values{"password": {"member password 1"}})
		if r.status != 422 || !strings.Contains(r.body, "f-confirm-error") {
			t.Fatalf("delete without confirmation = %d", r.status)
		}
		r = s.do(c, "POST", "/account/delete", url.Values{"password": {"nope"}, "confirm": {"yes"}})
		if r.status != 422 {
			t.Fatalf("delete with wrong password = %d", r.status)
		}
		r = s.do(c, "POST", "/account/delete", url.Values{"password": {"member password 1"}, "confirm": {"yes"}})
		if r.status != http.StatusSeeOther {
			t.Fatalf("delete = %d", r.status)
		}
		if _, err := s.store.UserByID(t.Context(), u.ID); ponte.ErrorCode(err) != ponte.ENotFound {
			t.Fatalf("account still there: %v", err)
		}
	})
}

// TestSessionsWorkAcrossAppNodes runs two servers on one database: a
// session started on one is honoured by the other, as behind a load balancer.
func TestSessionsWorkAcrossAppNodes(t *testing.T) {
	backend := sqlstore.Postgres
	if len(sqltest.Backends(t)) < 2 {
		backend = sqlstore.SQLite
	}
	dbURL := sqltest.URL(t, backend)
	a, b := newSiteURL(t, dbURL), newSiteURL(t, dbURL)
	c, _ := a.member("nodes@example.org")
	// Move the cookies from node a's URL to node b's.
	ua, _ := url.Parse(a.srv.URL)
	ub, _ := url.Parse(b.srv.URL)
	c.Jar.SetCookies(ub, c.Jar.Cookies(ua))
	r := b.do(c, "GET", "/account", nil)
	if r.status != 200 || !strings.Contains(r.body, "nodes@example.org") {
		t.Fatalf("node b /account = %d", r.status)
	}
}

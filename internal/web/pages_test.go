package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/ponte-platform/ponte/internal/sqlstore"
)

func TestPublicPagesRenderWithSecurityHeaders(t *testing.T) {
	s := newSite(t, sqlstore.SQLite)
	c := s.client()
	for _, p := range []string{"/", "/signup", "/login", "/password/forgot",
		"/verify/resend", "/privacy", "/setup", "/signup/done"} {
		r := s.do(c, "GET", p, nil)
		if r.status != http.StatusOK {
			t.Fatalf("GET %s = %d", p, r.status)
		}
		if langOf(r.body) != "en" || !strings.Contains(r.body, `href="#main"`) || !strings.Contains(r.body, `<main id="main"`) {
			t.Fatalf("GET %s: missing lang, skip link or main landmark", p)
		}
		h := r.header
		if !strings.Contains(h.Get("Content-Security-Policy"), "script-src 'self'") ||
			!strings.Contains(h.Get("Content-Security-Policy"), "frame-ancestors 'none'") ||
			h.Get("X-Content-Type-Options") != "nosniff" || h.Get("Referrer-Policy") == "" {
			t.Fatalf("GET %s: security headers missing: %v", p, h)
		}
		if strings.Contains(r.body, "<script>") || strings.Contains(r.body, " style=") || strings.Contains(r.body, "onclick") {
			t.Fatalf("GET %s: inline script or style breaks the CSP", p)
		}
	}
}

func TestStaticAssetsAreEmbeddedAndCached(t *testing.T) {
	s := newSite(t, sqlstore.SQLite)
	c := s.client()
	home := s.do(c, "GET", "/", nil).body
	for _, asset := range []string{"css/ponte.css", "js/ponte.js", "img/logo.svg"} {
		u := s.web.assets.url(asset)
		if !strings.Contains(home, u) {
			t.Fatalf("home page does not link %s", u)
		}
		r := s.do(c, "GET", u, nil)
		if r.status != 200 || !strings.Contains(r.header.Get("Cache-Control"), "immutable") {
			t.Fatalf("GET %s = %d, %q", u, r.status, r.header.Get("Cache-Control"))
		}
	}
	for _, p := range []string{"http://", "https://"} {
		if strings.Contains(strings.ReplaceAll(home, "http://ponte.test", ""), `src="`+p) ||
			strings.Contains(home, `href="`+p) {
			t.Fatalf("home page loads something from outside: %s", p)
		}
	}
}

func TestLanguageNegotiation(t *testing.T) {
	s := newSite(t, sqlstore.SQLite)
	cases := []struct {
		name, path string
		hdr        []string
		want       string
	}{
		{"default", "/", nil, "en"},
		{"accept-language", "/", []string{"Accept-Language", "sl-SI,sl;q=0.9,en;q=0.5"}, "sl"},
		{"regional variant", "/", []string{"Accept-Language", "it-CH"}, "it"},
		{"unsupported", "/", []string{"Accept-Language", "ja"}, "en"},
		{"query beats header", "/?lang=el", []string{"Accept-Language", "hr"}, "el"},
		{"cookie beats header", "/", []string{"Accept-Language", "hr", "Cookie", "ponte_lang=ro"}, "ro"},
		{"bad cookie ignored", "/", []string{"Accept-Language", "hr", "Cookie", "ponte_lang=xx"}, "hr"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := s.do(s.client(), "GET", tc.path, nil, tc.hdr...)
			if got := langOf(r.body); got != tc.want || r.header.Get("Content-Language") != tc.want {
				t.Fatalf("lang = %q (Content-Language %q), want %q", got, r.header.Get("Content-Language"), tc.want)
			}
		})
	}
}

func TestLanguageSwitcherSavesMemberSetting(t *testing.T) {
	eachBackend(t, func(t *testing.T, s *testSite) {
		c, u := s.member("lang@example.org")
		r := s.do(c, "POST", "/language", url.Values{"lang": {"hr"}, "next": {"/account"}})
		if r.status != http.StatusSeeOther || r.header.Get("Location") != "/account" {
			t.Fatalf("switch = %d %q", r.status, r.header.Get("Location"))
		}
		got, _ := s.store.UserByID(t.Context(), u.ID)
		if got.Lang != "hr" {
			t.Fatalf("member language = %q, want hr", got.Lang)
		}
		// The member's setting wins over a browser asking for another language.
		r = s.do(c, "GET", "/account", nil, "Accept-Language", "it")
		if langOf(r.body) != "hr" {
			t.Fatalf("lang = %q, want hr", langOf(r.body))
		}
		r = s.do(c, "POST", "/language", url.Values{"lang": {"el"}, "next": {"//evil.example/x"}})
		if r.header.Get("Location") != "/" {
			t.Fatalf("open redirect: %q", r.header.Get("Location"))
		}
	})
}

func TestNotFoundPageIsTranslated(t *testing.T) {
	s := newSite(t, sqlstore.SQLite)
	r := s.do(s.client(), "GET", "/no/such/page", nil, "Accept-Language", "it")
	if r.status != 404 || langOf(r.body) != "it" || !strings.Contains(r.body, "404") {
		t.Fatalf("404 page = %d lang %q", r.status, langOf(r.body))
	}
	if !strings.Contains(r.body, s.web.cat.Translate("it", "error.not_found", nil)) {
		t.Fatal("404 page does not show the Italian message")
	}
}

func TestPanicBecomesA500PageWithoutInternals(t *testing.T) {
	s := newSite(t, sqlstore.SQLite)
	h := s.web.chain(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {
		panic("secret internal detail")
	}))
	rec := newRecorder()
	req, _ := http.NewRequest("GET", "/boom", nil)
	h.ServeHTTP(rec, req)
	if rec.Code != 500 || strings.Contains(rec.Body.String(), "secret internal detail") ||
		!strings.Contains(rec.Body.String(), rec.Header().Get("X-Request-ID")) {
		t.Fatalf("panic page = %d, body shows internals or lacks the request id", rec.Code)
	}
}

func TestDeadResetLinkSaysSoAtOnce(t *testing.T) {
	s := newSite(t, sqlstore.SQLite)
	r := s.do(s.client(), "GET", "/password/reset?token=NOPE", nil)
	if r.status != 422 || !strings.Contains(r.body, "/password/forgot") || !strings.Contains(r.body, "already been used") {
		t.Fatalf("dead reset link = %d", r.status)
	}
}

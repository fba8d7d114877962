package web

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/api"
	"github.com/ponte-platform/ponte/internal/i18n"
	"github.com/ponte-platform/ponte/internal/service"
	"github.com/ponte-platform/ponte/internal/sqlstore/sqltest"
)

// testSite is a real server on a real database, driven over HTTP.
type testSite struct {
	t     *testing.T
	srv   *httptest.Server
	svc   *service.Service
	store ponte.Store
	web   *Server
}

func newSite(t *testing.T, backend string) *testSite {
	t.Helper()
	return newSiteURL(t, sqltest.URL(t, backend))
}

func newSiteURL(t *testing.T, dbURL string) *testSite {
	t.Helper()
	return newSiteConfig(t, dbURL, Config{BaseURL: "http://ponte.test", PageCacheBytes: 8 << 20})
}

// newSiteConfig is newSiteURL with the web layer's configuration.
func newSiteConfig(t *testing.T, dbURL string, cfg Config) *testSite {
	t.Helper()
	cat, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	st := sqltest.OpenURL(t, dbURL)
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	svc := service.New(st, service.Config{BaseURL: "http://ponte.test",
		PasswordCost: service.TestPasswordParams}, cat, nil, log)
	w, err := New(cfg, svc, cat, api.New(svc, cat, log, "test"), log)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(w.Handler())
	t.Cleanup(ts.Close)
	return &testSite{t: t, srv: ts, svc: svc, store: st, web: w}
}

// client is a browser-like client: it keeps cookies and does not follow
// redirects, so tests see each 303.
func (s *testSite) client() *http.Client {
	jar, _ := cookiejar.New(nil)
	return &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}
}

type resp struct {
	status int
	body   string
	header http.Header
}

func (s *testSite) do(c *http.Client, method, path string, form url.Values, hdr ...string) resp {
	s.t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, _ := http.NewRequest(method, s.srv.URL+path, body)
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	r, err := c.Do(req)
	if err != nil {
		s.t.Fatal(err)
	}
	defer r.Body.Close()
	b, _ := io.ReadAll(r.Body)
	return resp{r.StatusCode, string(b), r.Header}
}

// member creates a verified member and returns a client signed in as them.
func (s *testSite) member(email string) (*http.Client, *ponte.User) {
	s.t.Helper()
	u, err := s.svc.CreateUser(context.Background(), service.CreateUserInput{Email: email,
		DisplayName: "Member " + email, Password: "member password 1"})
	if err != nil {
		s.t.Fatal(err)
	}
	c := s.client()
	r := s.do(c, "POST", "/login", url.Values{"email": {email}, "password": {"member password 1"}})
	if r.status != http.StatusSeeOther {
		s.t.Fatalf("login: %d %s", r.status, r.body)
	}
	return c, u
}

func (s *testSite) admin() (*http.Client, *ponte.User) {
	c, u := s.member("admin@example.org")
	u.Role = ponte.RoleAdmin
	if err := s.store.UpdateUser(context.Background(), u); err != nil {
		s.t.Fatal(err)
	}
	return c, u
}

var htmlLang = regexp.MustCompile(`<html lang="([a-z]+)">`)

func langOf(body string) string {
	m := htmlLang.FindStringSubmatch(body)
	if m == nil {
		return ""
	}
	return m[1]
}

func eachBackend(t *testing.T, fn func(t *testing.T, s *testSite)) {
	for _, b := range sqltest.Backends(t) {
		t.Run(b, func(t *testing.T) {
			t.Parallel()
			fn(t, newSite(t, b))
		})
	}
}

package web

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/api"
	"github.com/ponte-platform/ponte/internal/i18n"
	"github.com/ponte-platform/ponte/internal/service"
	"github.com/ponte-platform/ponte/internal/sqlstore"
	"github.com/ponte-platform/ponte/internal/sqlstore/sqltest"
)

// FuzzFormDecoding reads arbitrary request bodies, urlencoded or multipart,
// as the handlers do: parseForm either gives a form or a typed bad-request
// (or too-large) error, and the readers of the profile, proposal,
// organisation, project and skill forms accept whatever it gives.
func FuzzFormDecoding(f *testing.F) {
	f.Add("title=Hello&skill1_q=write+research+proposals&level1=2&essential1=1&org_id=%2342", false)
	f.Add("languages.0.code=it&languages.0.level=C1&languages.1.code=&themes=a&themes=b&vis_about=members", false)
	f.Add("skill_rows=99999999999999999999&skill9_uri=x&org_id=/organisations/7abc&countries=IT,,HR;SI", false)
	f.Add("%zz=1&a=%", false)
	f.Add("--B\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nT\r\n--B--\r\n", true)
	f.Add("--B\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"a.png\"\r\n\r\n\x89PNG\r\n--B", true)
	f.Fuzz(func(t *testing.T, body string, multipart bool) {
		r := httptest.NewRequest("POST", "/x", strings.NewReader(body))
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		if multipart {
			r.Header.Set("Content-Type", "multipart/form-data; boundary=B")
		}
		r.Body = http.MaxBytesReader(httptest.NewRecorder(), r.Body, 1<<20)
		fm, err := parseForm(r)
		if err != nil {
			if c := ponte.ErrorCode(err); c != ponte.EBadRequest && c != ponte.ETooLarge {
				t.Fatalf("parseForm error with code %q: %v", c, err)
			}
			return
		}
		for _, sec := range editSections {
			profileInput(fm, sec)
		}
		proposalInput(fm)
		orgInput(fm)
		projectInput(fm)
		skillInput(fm)
		if n := skillRows(fm); n < proposalBlankRows || n > ponte.MaxProposalSkills {
			t.Fatalf("skillRows = %d, outside %d..%d", n, proposalBlankRows, ponte.MaxProposalSkills)
		}
		if id := proposalOrgRef(fm.Get("org_id")); id < -1 {
			t.Fatalf("proposalOrgRef(%q) = %d", fm.Get("org_id"), id)
		}
	})
}

// fuzzRoute is a POST route of the site with its path values filled in.
type fuzzRoute struct{ pattern, path string }

// FuzzFormPost posts arbitrary form bodies to every POST route of the site,
// signed in as a member, on a real SQLite database: whatever is sent, the
// answer is never a 5xx. Signing out and deleting the account are left
// out, so the fuzzer keeps its session.
func FuzzFormPost(f *testing.F) {
	base, client, routes := fuzzSite(f)
	for i := range routes {
		f.Add(uint16(i), "1", "title=T&summary=S&type=technology_offer&lang=en&skill1_q=energy&to=published")
	}
	f.Add(uint16(0), "-1", "display_name=%00&headline=\xff&region=ITC4&country=ZZ&languages.0.code=xx")
	f.Add(uint16(1), "99999999999999999999", "skill=1&level=9&evidence_url=javascript:alert(1)")
	f.Add(uint16(2), "abc", "name=<script>&website=http://[::1&deadline=31/02/2020&call_url=ftp://x")
	f.Fuzz(func(t *testing.T, which uint16, id, body string) {
		rt := routes[int(which)%len(routes)]
		path := strings.ReplaceAll(rt.path, "ID", url.PathEscape(id))
		req, err := http.NewRequest("POST", base+path, strings.NewReader(body))
		if err != nil {
			return
		}
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		resp, err := client.Do(req)
		if err != nil {
			t.Fatalf("POST %s: %v", path, err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		if resp.StatusCode >= 500 {
			t.Fatalf("POST %s (%s) with %q: %d\n%s", path, rt.pattern, body, resp.StatusCode, b)
		}
	})
}

// fuzzSite starts the site on a fresh SQLite database, signs a member in
// and lists the POST routes, with {section} set to a real section and every
// other path value left as ID for the fuzzer to fill.
func fuzzSite(f *testing.F) (string, *http.Client, []fuzzRoute) {
	cat, err := i18n.Load()
	if err != nil {
		f.Fatal(err)
	}
	limits := maps.Clone(service.DefaultRateLimits)
	for k := range limits {
		limits[k] = service.Limit{N: 1 << 30, Window: time.Minute}
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	svc := service.New(sqltest.Open(f, sqlstore.SQLite), service.Config{BaseURL: "http://ponte.test",
		PasswordCost: service.TestPasswordParams, RateLimits: limits}, cat, nil, log)
	w, err := New(Config{BaseURL: "http://ponte.test"}, svc, cat, api.New(svc, cat, log, "test"), log)
	if err != nil {
		f.Fatal(err)
	}
	ts := httptest.NewServer(w.Handler())
	f.Cleanup(ts.Close)
	// Build the skill index and the suggestion model now: the first request
	// that needs one would otherwise take seconds, which the fuzzer, under
	// coverage instrumentation, takes for a hang.
	if err := svc.WarmSkillIndex(context.Background()); err != nil {
		f.Fatal(err)
	}
	if err := svc.WarmSuggest(context.Background()); err != nil {
		f.Fatal(err)
	}
	if _, err := svc.CreateUser(context.Background(), service.CreateUserInput{Email: "fuzz@example.org",
		DisplayName: "Fuzz", Password: "member password 1"}); err != nil {
		f.Fatal(err)
	}
	s := &testSite{srv: ts}
	c := s.client()
	resp, err := c.PostForm(ts.URL+"/login", url.Values{"email": {"fuzz@example.org"}, "password": {"member password 1"}})
	if err != nil || resp.StatusCode != http.StatusSeeOther {
		f.Fatalf("sign in: %v %v", err, resp)
	}
	resp.Body.Close()
	skip := map[string]bool{"/logout": true, "/account/delete": true, "/account/password": true}
	var routes []fuzzRoute
	for _, rt := range w.Routes() {
		if rt.Method != "POST" || skip[rt.Pattern] {
			continue
		}
		p := strings.ReplaceAll(rt.Pattern, "{section}", ponte.SectionAbout)
		for strings.Contains(p, "{") {
			i, j := strings.IndexByte(p, '{'), strings.IndexByte(p, '}')
			p = p[:i] + "ID" + p[j+1:]
		}
		routes = append(routes, fuzzRoute{rt.Pattern, p})
	}
	if len(routes) == 0 {
		f.Fatal(fmt.Errorf("no POST routes"))
	}
	return ts.URL, c, routes
}

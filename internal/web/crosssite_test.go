package web

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/sqlstore"
)

// permCrossSiteUnchanged spot-checks, per route, that the object a refused
// cross-site request aimed at is as it was.
var permCrossSiteUnchanged = map[string]func(f *permFx) error{
	"POST /organisations/{id}/edit/{section}": func(f *permFx) error {
		o, err := f.w.s.store.OrganisationByID(f.ctx(), f.Org().ID)
		if err == nil && o.Description != "Opis" {
			err = fmt.Errorf("description is %q", o.Description)
		}
		return err
	},
	"POST /proposals/{id}": func(f *permFx) error {
		for _, p := range []*ponte.Proposal{f.Draft(), f.Published()} {
			got, err := f.w.s.store.ProposalByID(f.ctx(), p.ID, "en")
			if err != nil {
				return err
			}
			if got.Title != p.Title {
				return fmt.Errorf("proposal %d title is %q", p.ID, got.Title)
			}
		}
		return nil
	},
	"POST /proposals/{id}/status": func(f *permFx) error {
		for _, p := range []*ponte.Proposal{f.Draft(), f.Published()} {
			got, err := f.w.s.store.ProposalByID(f.ctx(), p.ID, "en")
			if err != nil {
				return err
			}
			if got.Status != p.Status {
				return fmt.Errorf("proposal %d is %s, was %s", p.ID, got.Status, p.Status)
			}
		}
		return nil
	},
	"POST /account/tokens/{id}/revoke": func(f *permFx) error {
		toks, err := f.w.s.svc.APITokens(f.ctx(), f.user(roleOwner))
		if err != nil {
			return err
		}
		for _, tk := range toks {
			if tk.ID == f.Token().ID {
				return nil
			}
		}
		return fmt.Errorf("token %d is gone", f.Token().ID)
	},
	"POST /organisations/{id}/members/{uid}/remove": func(f *permFx) error {
		_, err := f.w.s.store.OrgMembership(f.ctx(), f.Org().ID, f.user(roleOrgMember).ID)
		return err
	},
	"POST /admin/users/{id}/active": func(f *permFx) error {
		u, err := f.w.s.store.UserByID(f.ctx(), f.Victim().ID)
		if err == nil && !u.Active() {
			err = fmt.Errorf("the user was deactivated")
		}
		return err
	},
}

// TestCrossSitePostsAreRefusedEverywhere sends every state-changing route
// of the table, as a role that may use it, from another site (Sec-Fetch-Site
// and Origin, each alone): each must be refused with 403 before the
// handler runs, and the spot-checked objects must be unchanged.
func TestCrossSitePostsAreRefusedEverywhere(t *testing.T) {
	w := newPermWorld(t, sqlstore.SQLite)
	msg := w.s.web.cat.Translate("en", "error.cross_origin", nil)
	n := 0
	for _, rt := range w.s.web.Routes() {
		if rt.Method == http.MethodGet || rt.Method == http.MethodHead {
			continue
		}
		f := w.fixture()
		prs, ok := w.build(rt, f, roleOwner)
		if !ok {
			continue
		}
		for _, pr := range prs {
			pr.role = permAllowedRole(pr)
			f.role = pr.role
			for _, hdr := range [][]string{{"Sec-Fetch-Site", "cross-site"}, {"Origin", "https://evil.example"}} {
				r := w.send(pr, append(hdr, "Accept-Language", "en")...)
				if r.status != http.StatusForbidden || !strings.Contains(r.body, htmlEscape(msg)) {
					t.Errorf("%s as %s with %s: %d, want 403 %q", pr.key(), pr.role, hdr[0], r.status, msg)
				}
				n++
			}
		}
		if check, ok := permCrossSiteUnchanged[rt.Method+" "+rt.Pattern]; ok {
			if err := check(f); err != nil {
				t.Errorf("%s: a refused cross-site request changed something: %v", rt.Method+" "+rt.Pattern, err)
			}
		}
	}
	if n < 100 {
		t.Fatalf("only %d cross-site requests sent", n)
	}
	// A same-site form post still works (the refusals are not blanket).
	if r := w.call(roleOwner, "POST", "/language", map[string][]string{"lang": {"it"}}, "Sec-Fetch-Site", "same-origin"); r.status != http.StatusSeeOther {
		t.Fatalf("same-origin POST /language = %d", r.status)
	}
}

// permAllowedRole picks a role the rules let use the route, so the refusal
// can only come from the cross-site check.
func permAllowedRole(pr permRequest) string {
	rule, _ := permExpected(pr)
	for _, role := range []string{roleOwner, roleAdmin, roleModerator, roleMember, roleVisitor} {
		if rule[role] == permOK {
			return role
		}
	}
	return roleOwner
}

// TestAPIRefusesSessionCookies checks that the JSON API, which
// authenticates with bearer tokens only (and so needs no CSRF defence),
// ignores the session cookie: a cookie alone is a visitor.
func TestAPIRefusesSessionCookies(t *testing.T) {
	w := newPermWorld(t, sqlstore.SQLite)
	owner := w.users[roleOwner]
	for _, c := range []struct{ method, path, body string }{
		{"GET", "/api/v1/me", ""},
		{"GET", "/api/v1/me/profile", ""},
		{"PATCH", "/api/v1/me", `{"display_name":"Hijacked"}`},
		{"POST", "/api/v1/proposals", `{"type":"technology_offer","title":"Forged"}`},
	} {
		_, secret := w.client(roleOwner)
		req, _ := http.NewRequest(c.method, w.s.srv.URL+c.path, strings.NewReader(c.body))
		req.Header.Set("Content-Type", "application/json")
		req.AddCookie(&http.Cookie{Name: sessionCookie, Value: secret})
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		buf := make([]byte, 4096)
		for {
			k, err := res.Body.Read(buf)
			b.Write(buf[:k])
			if err != nil {
				break
			}
		}
		res.Body.Close()
		if res.StatusCode != http.StatusUnauthorized || !strings.Contains(res.Header.Get("Content-Type"), "json") ||
			!strings.Contains(b.String(), `"unauthorized"`) {
			t.Errorf("%s %s with only a session cookie: %d %s", c.method, c.path, res.StatusCode, b.String())
		}
	}
	u, err := w.s.store.UserByID(context.Background(), owner.ID)
	if err != nil || u.DisplayName != owner.DisplayName {
		t.Fatalf("the cookie changed the account: %+v, %v", u, err)
	}
	page, err := w.s.svc.Proposals(context.Background(), owner, proposalListDrafts(), "en")
	if err != nil || len(page.Items) != 0 {
		t.Fatalf("the cookie created a proposal: %v", err)
	}
}

package web

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/service"
	"github.com/ponte-platform/ponte/internal/sqlstore"
	"github.com/ponte-platform/ponte/internal/sqlstore/storetest"
)

// orgFixture is a site with an organisation, its owner, a member and an
// outsider, each with a signed-in client.
type orgFixture struct {
	s                          *testSite
	org                        *ponte.Organisation
	owner, member, outsider    *http.Client
	ownerU, memberU, outsiderU *ponte.User
	base                       string
}

func newOrgFixture(t *testing.T, s *testSite) *orgFixture {
	t.Helper()
	f := &orgFixture{s: s}
	f.owner, f.ownerU = s.member("owner@example.org")
	f.member, f.memberU = s.member("member@example.org")
	f.outsider, f.outsiderU = s.member("outsider@example.org")
	o, err := s.svc.CreateOrganisation(context.Background(), f.ownerU, service.OrgInput{Name: "Sveučilište u Rijeci",
		Type: ponte.OrgUniversity, Country: "HR", Region: "HR031", Description: "**Kampus** na Trsatu"})
	if err != nil {
		t.Fatal(err)
	}
	f.org, f.base = o, "/organisations/"+fmt.Sprint(o.ID)
	if err := s.store.SetOrgMember(context.Background(), &ponte.OrgMember{OrgID: o.ID, UserID: f.memberU.ID,
		Role: ponte.OrgRoleMember, CreatedAt: o.CreatedAt}); err != nil {
		t.Fatal(err)
	}
	return f
}

func TestOrgPagesRender(t *testing.T) {
	eachBackend(t, func(t *testing.T, s *testSite) {
		f := newOrgFixture(t, s)
		ids := storetest.SeedConcepts(t, s.store)
		p := storetest.NewOrgProject(t, s.store, f.org, "Zeleni kampus", f.org.CreatedAt, ids[storetest.URIDataAnalytics])
		pages := []struct {
			c    *http.Client
			path string
			want string
		}{
			{s.client(), "/organisations", "Sveučilište u Rijeci"},
			{s.client(), "/organisations?region=HR03&type=university&order=recent", "Sveučilište u Rijeci"},
			{s.client(), f.base, "<strong>Kampus</strong>"},
			{s.client(), fmt.Sprintf("%s/projects/%d", f.base, p.ID), "Zeleni kampus"},
			{f.owner, "/organisations/new", `name="registry_id"`},
			{f.owner, f.base + "/edit", `action="` + f.base + `/edit/location"`},
			{f.owner, f.base + "/members", "member@example.org"},
			{f.member, f.base + "/members", "member@example.org"},
			{f.owner, f.base + "/projects/new", `name="skill1_q"`},
			{f.owner, fmt.Sprintf("%s/projects/%d/edit", f.base, p.ID), `value="Zeleni kampus"`},
		}
		for _, pg := range pages {
			r := s.do(pg.c, "GET", pg.path, nil, "Accept-Language", "hr")
			if r.status != 200 || langOf(r.body) == "" || !strings.Contains(r.body, pg.want) {
				t.Fatalf("GET %s = %d, lang %q, contains %q: %v", pg.path, r.status, langOf(r.body), pg.want, strings.Contains(r.body, pg.want))
			}
			if strings.Contains(r.body, " style=") || strings.Contains(r.body, "<script>") || strings.Contains(r.body, "org.") && regexp.MustCompile(`>org\.[a-z_.]+<`).MatchString(r.body) {
				t.Fatalf("GET %s: inline style/script or an untranslated key", pg.path)
			}
		}
		home := s.do(s.client(), "GET", f.base, nil).body
		if !strings.Contains(home, "data analytics") || !strings.Contains(home, "Zeleni kampus") {
			t.Fatal("the organisation page lacks its competence or project")
		}
	})
}

func TestOrgRoutesNeedSignIn(t *testing.T) {
	s := newSite(t, sqlstore.SQLite)
	f := newOrgFixture(t, s)
	for _, rt := range s.web.orgRoutes() {
		if rt.Access != "member" {
			continue
		}
		path := strings.NewReplacer("{id}", fmt.Sprint(f.org.ID), "{uid}", fmt.Sprint(f.memberU.ID),
			"{pid}", "1", "{iid}", "1", "{cid}", "1", "{section}", "identity").Replace(rt.Pattern)
		r := s.do(s.client(), rt.Method, path, url.Values{})
		switch {
		case rt.Method == "GET" && (r.status != http.StatusSeeOther || !strings.HasPrefix(r.header.Get("Location"), "/login?next=")):
			t.Errorf("visitor GET %s = %d %q", path, r.status, r.header.Get("Location"))
		case rt.Method == "POST" && r.status != http.StatusUnauthorized:
			t.Errorf("visitor POST %s = %d", path, r.status)
		}
	}
}

func TestOrgHTTPPermissions(t *testing.T) {
	eachBackend(t, func(t *testing.T, s *testSite) {
		f := newOrgFixture(t, s)
		for _, c := range []struct {
			client *http.Client
			method string
			path   string
			form   url.Values
			want   int
		}{
			{f.outsider, "GET", f.base + "/edit", nil, 403},
			{f.member, "GET", f.base + "/edit", nil, 403},
			{f.outsider, "GET", f.base + "/members", nil, 403},
			{f.member, "POST", f.base + "/edit/about", url.Values{"description": {"x"}}, 403},
			{f.outsider, "POST", f.base + "/projects", url.Values{"title": {"x"}}, 403},
			{f.member, "POST", f.base + "/invites", url.Values{"email": {"a@b.example"}, "role": {"member"}}, 403},
			{f.owner, "POST", f.base + "/leave", url.Values{}, 403}, // the last owner
			{f.owner, "GET", "/organisations/99999", nil, 404},
		} {
			if r := s.do(c.client, c.method, c.path, c.form); r.status != c.want {
				t.Errorf("%s %s = %d, want %d", c.method, c.path, r.status, c.want)
			}
		}
		got, _ := s.store.OrganisationByID(context.Background(), f.org.ID)
		if got.Description != "**Kampus** na Trsatu" {
			t.Fatal("a refused edit changed the organisation")
		}
	})
}

func TestOrgForms422KeepTypedValues(t *testing.T) {
	eachBackend(t, func(t *testing.T, s *testSite) {
		f := newOrgFixture(t, s)
		r := s.do(f.owner, "POST", "/organisations", url.Values{"name": {"Tvrtka d.o.o."}, "type": {"sme"},
			"country": {"HR"}, "registry_id": {"61817894930"}, "region": {"ITC4C"}, "website": {"ftp://x"}},
		)
		cat := s.web.cat
		for _, want := range []string{`value="Tvrtka d.o.o."`, `value="61817894930"`, `value="ITC4C"`,
			htmlEscape(cat.Translate("en", "org.error.registry_checksum", nil)), htmlEscape(cat.Translate("en", "org.error.region_country", nil)),
			htmlEscape(cat.Translate("en", "org.error.website", nil)), `<option value="sme" selected>`} {
			if !strings.Contains(r.body, want) {
				t.Fatalf("create 422 (%d) lacks %q", r.status, want)
			}
		}
		if r.status != 422 {
			t.Fatalf("create = %d", r.status)
		}
		r = s.do(f.owner, "POST", f.base+"/edit/location", url.Values{"region": {"HR099"}, "lat": {"45,3"}, "lon": {""}})
		if r.status != 422 || !strings.Contains(r.body, `value="HR099"`) || !strings.Contains(r.body, `value="45,3"`) ||
			!strings.Contains(r.body, htmlEscape(cat.Translate("en", "org.error.region_unknown", nil))) {
			t.Fatalf("location 422 = %d", r.status)
		}
		r = s.do(f.owner, "POST", f.base+"/edit/location", url.Values{"region": {"HR032"}, "address": {"Trg 1"}})
		if r.status != http.StatusSeeOther {
			t.Fatalf("valid location = %d", r.status)
		}
		got, _ := s.store.OrganisationByID(context.Background(), f.org.ID)
		if got.Region != "HR032" || got.Address != "Trg 1" || got.Name != "Sveučilište u Rijeci" {
			t.Fatalf("after location = %+v", got)
		}
		r = s.do(f.owner, "POST", "/organisations", url.Values{"name": {"Tvrtka d.o.o."}, "type": {"sme"}, "country": {"HR"}})
		if r.status != http.StatusSeeOther || !strings.HasPrefix(r.header.Get("Location"), "/organisations/") {
			t.Fatalf("valid create = %d %q", r.status, r.header.Get("Location"))
		}
	})
}

func htmlEscape(s string) string {
	return strings.NewReplacer("'", "&#39;", `"`, "&#34;", "&", "&amp;").Replace(s)
}

func TestOrgProjectFormAndSkills(t *testing.T) {
	eachBackend(t, func(t *testing.T, s *testSite) {
		f := newOrgFixture(t, s)
		storetest.SeedConcepts(t, s.store)
		form := url.Values{"title": {"Pametni grad"}, "budget": {"12.500,50"}, "skill1_uri": {"http://example.org/none"},
			"skill1_q": {"nothing"}, "partners": {"British Council"}}
		r := s.do(f.owner, "POST", f.base+"/projects", form)
		if r.status != 422 || !strings.Contains(r.body, `value="Pametni grad"`) || !strings.Contains(r.body, `value="12.500,50"`) ||
			!strings.Contains(r.body, s.web.cat.Translate("en", "error.skill_unknown", nil)) {
			t.Fatalf("unknown skill = %d", r.status)
		}
		form.Set("skill1_uri", storetest.URIPython)
		form.Set("skill2_uri", storetest.URIDataAnalytics)
		if r = s.do(f.owner, "POST", f.base+"/projects", form); r.status != http.StatusSeeOther {
			t.Fatalf("valid project = %d", r.status)
		}
		ps, _, _ := s.svc.OrgProjects(context.Background(), f.org.ID, "en", "", 5)
		if len(ps) != 1 || len(ps[0].Skills) != 2 || *ps[0].Budget != 1250050 {
			t.Fatalf("saved = %+v", ps)
		}
		// Unticking a kept skill removes it.
		edit := url.Values{"title": {"Pametni grad"}, "keep_skill": {storetest.URIPython}}
		if r = s.do(f.owner, "POST", fmt.Sprintf("%s/projects/%d", f.base, ps[0].ID), edit); r.status != http.StatusSeeOther {
			t.Fatalf("edit = %d", r.status)
		}
		p, _ := s.svc.OrgProject(context.Background(), f.org.ID, ps[0].ID, "en")
		if len(p.Skills) != 1 || p.Skills[0].URI != storetest.URIPython || p.Budget != nil {
			t.Fatalf("after edit = %+v", p)
		}
	})
}

func TestOrgInvitationAndJoinOverHTTP(t *testing.T) {
	eachBackend(t, func(t *testing.T, s *testSite) {
		f := newOrgFixture(t, s)
		r := s.do(f.owner, "POST", f.base+"/invites", url.Values{"email": {"bad"}, "role": {"member"}})
		if r.status != 422 || !strings.Contains(r.body, `value="bad"`) {
			t.Fatalf("bad invitation = %d", r.status)
		}
		if r = s.do(f.owner, "POST", f.base+"/invites", url.Values{"email": {"new@example.org"}, "role": {"manager"}}); r.status != 303 {
			t.Fatalf("invite = %d", r.status)
		}
		mail, _ := s.store.ListMail(context.Background(), ponte.MailFilter{})
		_, token, _ := strings.Cut(regexp.MustCompile(`token=\S+`).FindString(mail[0].Text), "token=")
		link := "/organisations/invitation?token=" + token
		if r = s.do(s.client(), "GET", link, nil); r.status != 200 || !strings.Contains(r.body, "/login?next=") {
			t.Fatalf("invitation page for a visitor = %d", r.status)
		}
		if r = s.do(f.outsider, "GET", link, nil); !strings.Contains(r.body, `role="alert"`) {
			t.Fatal("someone else signed in is not told the link is not theirs")
		}
		newC, newU := s.member("new@example.org")
		if r = s.do(newC, "POST", "/organisations/invitation", url.Values{"token": {token}}); r.status != 303 {
			t.Fatalf("accept = %d", r.status)
		}
		if m, err := s.store.OrgMembership(context.Background(), f.org.ID, newU.ID); err != nil || m.Role != ponte.OrgRoleManager {
			t.Fatalf("membership = %+v, %v", m, err)
		}
		// The outsider asks to join; the new manager accepts.
		if r = s.do(f.outsider, "POST", f.base+"/join", url.Values{"message": {"Pozdrav"}}); r.status != 303 {
			t.Fatalf("join = %d", r.status)
		}
		if r = s.do(newC, "POST", fmt.Sprintf("%s/requests/%d/accept", f.base, f.outsiderU.ID), url.Values{"role": {"member"}}); r.status != 303 {
			t.Fatalf("accept request = %d", r.status)
		}
		if _, err := s.store.OrgMembership(context.Background(), f.org.ID, f.outsiderU.ID); err != nil {
			t.Fatal(err)
		}
	})
}

func TestOrgLogoUploadAndServe(t *testing.T) {
	s := newSite(t, sqlstore.SQLite)
	f := newOrgFixture(t, s)
	img := image.NewNRGBA(image.Rect(0, 0, 32, 32))
	for i := range 32 {
		img.Set(i, i, color.NRGBA{R: 200, A: 128})
	}
	var pic bytes.Buffer
	png.Encode(&pic, img)
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, _ := mw.CreateFormFile("logo", "logo.png")
	io.Copy(fw, &pic)
	mw.Close()
	req, _ := http.NewRequest("POST", s.srv.URL+f.base+"/logo", &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	resp, err := f.owner.Do(req)
	if err != nil || resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("upload = %v, %v", resp.StatusCode, err)
	}
	resp.Body.Close()
	r := s.do(s.client(), "GET", f.base+"/logo", nil)
	if r.status != 200 || r.header.Get("Content-Type") != "image/png" {
		t.Fatalf("logo = %d %s", r.status, r.header.Get("Content-Type"))
	}
	if page := s.do(s.client(), "GET", f.base, nil).body; !strings.Contains(page, f.base+"/logo?v=") {
		t.Fatal("the organisation page does not show the logo")
	}
}

func TestOrgDirectoryFilterErrors(t *testing.T) {
	s := newSite(t, sqlstore.SQLite)
	newOrgFixture(t, s)
	r := s.do(s.client(), "GET", "/organisations?type=bank&region=XX9", nil, "Accept-Language", "it")
	if r.status != 422 || !strings.Contains(r.body, htmlEscape(s.web.cat.Translate("it", "org.error.region_unknown", nil))) {
		t.Fatalf("bad filters = %d", r.status)
	}
	if r = s.do(s.client(), "GET", "/organisations?region=SI", nil); strings.Contains(r.body, "Sveučilište u Rijeci") {
		t.Fatal("region filter let a Croatian organisation through")
	}
}

func TestOrgClaimsPageIsForAdministrators(t *testing.T) {
	s := newSite(t, sqlstore.SQLite)
	f := newOrgFixture(t, s)
	if r := s.do(f.owner, "GET", "/organisations/claims", nil); r.status != http.StatusForbidden {
		t.Fatalf("member GET /organisations/claims = %d", r.status)
	}
	adminC, _ := s.admin()
	if r := s.do(adminC, "GET", "/organisations/claims", nil); r.status != 200 || !strings.Contains(r.body, "<h1>") {
		t.Fatalf("admin GET /organisations/claims = %d", r.status)
	}
}

package web

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/service"
	"github.com/ponte-platform/ponte/internal/sqlstore/storetest"
)

// alertsProposal publishes a technology offer of u needing the skill.
func (s *testSite) alertsProposal(t *testing.T, u *ponte.User, title, uri string) *ponte.Proposal {
	t.Helper()
	ctx := context.Background()
	p, err := s.svc.CreateProposal(ctx, u, service.ProposalInput{Type: ponte.ProposalTechOffer, Title: title,
		Summary: "A summary", Lang: "en", Skills: []service.ProposalSkillInput{
			{SkillRef: service.SkillRef{URI: uri}, Essential: true, MinLevel: 1}}}, "en")
	if err == nil {
		p, err = s.svc.ChangeProposalStatus(ctx, u, p.ID, ponte.ProposalPublished, "", "en")
	}
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestHomeRecommendations(t *testing.T) {
	eachBackend(t, func(t *testing.T, s *testSite) {
		storetest.SeedConcepts(t, s.store)
		cat := s.web.cat
		tr := func(key string) string { return htmlEscape(cat.Translate("en", key, nil)) }
		_, proposer := s.member("proposer@example.org")
		p := s.alertsProposal(t, proposer, "Teamwork trainers wanted", storetest.URIWorkInTeams)
		// Visitors: the home as before, no member section.
		r := s.do(s.client(), "GET", "/", nil, "Accept-Language", "en")
		if r.status != 200 || strings.Contains(r.body, tr("recommend.heading")) || strings.Contains(r.body, tr("recommend.no_skills_heading")) {
			t.Fatalf("visitor home = %d", r.status)
		}
		// A member without skills is invited to add some.
		c, _ := s.member("me@example.org")
		r = s.do(c, "GET", "/", nil, "Accept-Language", "en")
		if !strings.Contains(r.body, tr("recommend.no_skills_heading")) || !strings.Contains(r.body, `href="/profile/skills"`) {
			t.Fatalf("home without skills lacks the prompt:\n%s", r.body)
		}
		// Through the form, as a member does: the write moves the content
		// version, so the kept feed of the first visit gives way.
		if r = s.do(c, "POST", "/profile/skills", url.Values{"skill_q": {"work in teams"},
			"skill_uri": {storetest.URIWorkInTeams}, "level": {"2"}}); r.status != http.StatusSeeOther {
			t.Fatalf("adding a skill = %d", r.status)
		}
		r = s.do(c, "GET", "/", nil, "Accept-Language", "en")
		why := htmlEscape(cat.Plural("en", "recommend.why", 1, map[string]any{"Skills": "work in teams"}))
		for _, want := range []string{tr("recommend.heading"), p.Title, "/proposals/" + itoa(p.ID), why} {
			if !strings.Contains(r.body, want) {
				t.Fatalf("home lacks %q", want)
			}
		}
		if strings.Contains(r.body, tr("recommend.no_skills_heading")) {
			t.Fatal("the prompt is shown to a member with skills")
		}
	})
}

func TestSavedSearchPages(t *testing.T) {
	eachBackend(t, func(t *testing.T, s *testSite) {
		storetest.SeedConcepts(t, s.store)
		cat := s.web.cat
		tr := func(key string) string { return htmlEscape(cat.Translate("en", key, nil)) }
		// Visitors see no save form and cannot open the list.
		r := s.do(s.client(), "GET", "/proposals?region=HR", nil, "Accept-Language", "en")
		if r.status != 200 || strings.Contains(r.body, `action="/saved-searches"`) {
			t.Fatalf("visitor directory = %d", r.status)
		}
		if r := s.do(s.client(), "GET", "/saved-searches", nil); r.status == 200 {
			t.Fatal("a visitor opened /saved-searches")
		}
		c, _ := s.member("me@example.org")
		r = s.do(c, "GET", "/proposals?region=HR05&type=technology_offer", nil, "Accept-Language", "en")
		for _, want := range []string{`action="/saved-searches"`, `name="region" value="HR05"`, `name="type" value="technology_offer"`} {
			if !strings.Contains(r.body, want) {
				t.Fatalf("directory lacks %q", want)
			}
		}
		// A nameless search comes back with the error and the filters kept.
		r = s.do(c, "POST", "/saved-searches", url.Values{"name": {" "}, "region": {"HR05"}, "type": {"technology_offer"}},
			"Accept-Language", "en")
		if r.status != 422 || !strings.Contains(r.body, tr("saved_search.error.name_required")) ||
			!strings.Contains(r.body, `name="region" value="HR05"`) {
			t.Fatalf("bad save = %d", r.status)
		}
		r = s.do(c, "POST", "/saved-searches", url.Values{"name": {"Croatian offers"}, "region": {"HR05"},
			"type": {"technology_offer"}, "skill_q": {"work in teams"}})
		if r.status != http.StatusSeeOther || r.header.Get("Location") != "/saved-searches" {
			t.Fatalf("save = %d %q", r.status, r.header.Get("Location"))
		}
		r = s.do(c, "GET", "/saved-searches", nil, "Accept-Language", "en")
		for _, want := range []string{"Croatian offers", "HR05", "work in teams", tr("proposal.type.technology_offer"),
			tr("saved_search.alert_on"), tr("flash.saved_search.saved"), "/proposals?region=HR05"} {
			if !strings.Contains(r.body, want) {
				t.Fatalf("list lacks %q:\n%s", want, r.body)
			}
		}
		id := regexpID(t, r.body, `/saved-searches/(\d+)/alert`)
		// Someone else can neither switch nor delete it.
		other, _ := s.member("other@example.org")
		if r := s.do(other, "POST", "/saved-searches/"+id+"/delete", url.Values{}); r.status != 404 {
			t.Fatalf("other's delete = %d", r.status)
		}
		if r := s.do(c, "POST", "/saved-searches/"+id+"/alert", url.Values{"alert": {"off"}}); r.status != http.StatusSeeOther {
			t.Fatalf("alert off = %d", r.status)
		}
		r = s.do(c, "GET", "/saved-searches", nil, "Accept-Language", "en")
		if !strings.Contains(r.body, tr("saved_search.alert_off")) || !strings.Contains(r.body, tr("saved_search.turn_on")) {
			t.Fatal("the alert is still on")
		}
		if r := s.do(c, "POST", "/saved-searches/"+id+"/delete", url.Values{}); r.status != http.StatusSeeOther {
			t.Fatalf("delete = %d", r.status)
		}
		r = s.do(c, "GET", "/saved-searches", nil, "Accept-Language", "en")
		if !strings.Contains(r.body, tr("saved_search.none")) {
			t.Fatal("the search is still listed")
		}
	})
}

// regexpID returns the first group of pattern in body.
func regexpID(t *testing.T, body, pattern string) string {
	t.Helper()
	m := regexp.MustCompile(pattern).FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no %s in the page", pattern)
	}
	return m[1]
}

package web

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/i18n"
	"github.com/ponte-platform/ponte/internal/sqlstore"
	"github.com/ponte-platform/ponte/internal/sqlstore/storetest"
)

// publishedProposal writes and publishes a proposal through the pages and
// returns its path.
func (s *testSite) publishedProposal(owner *http.Client) string {
	s.t.Helper()
	r := s.do(owner, "POST", "/proposals", proposalForm())
	path := r.header.Get("Location")
	if r.status != http.StatusSeeOther || path == "" {
		s.t.Fatalf("create = %d", r.status)
	}
	if r = s.do(owner, "POST", path+"/status", url.Values{"to": {"published"}}); r.status != http.StatusSeeOther {
		s.t.Fatalf("publish = %d", r.status)
	}
	return path
}

var badgeRE = regexp.MustCompile(`class="badge">(\d+)<`)

// badge is the unread count in the header, 0 when none is shown.
func badge(body string) string {
	m := badgeRE.FindStringSubmatch(body)
	if m == nil {
		return "0"
	}
	return m[1]
}

func TestInterestPagesAndReveal(t *testing.T) {
	eachBackend(t, func(t *testing.T, s *testSite) {
		storetest.SeedConcepts(t, s.store)
		cat := s.web.cat
		tr := func(key string) string { return htmlEscape(cat.Translate("en", key, nil)) }
		owner, ownerU := s.member("proposer@example.org")
		ana, anaU := s.member("ana@example.org")
		path := s.publishedProposal(owner)
		action := `action="` + path + `/interests"`
		// A visitor is invited to sign in; a member gets the form; the proposer does not.
		r := s.do(s.client(), "GET", path, nil, "Accept-Language", "en")
		if r.status != 200 || !strings.Contains(r.body, tr("interest.sign_in")) || strings.Contains(r.body, action) {
			t.Fatalf("visitor's page = %d", r.status)
		}
		if r = s.do(ana, "GET", path, nil, "Accept-Language", "en"); !strings.Contains(r.body, action) || !strings.Contains(r.body, tr("interest.message_hint")) {
			t.Fatal("a member gets no form")
		}
		if r = s.do(owner, "GET", path, nil, "Accept-Language", "en"); strings.Contains(r.body, action) || !strings.Contains(r.body, `href="`+path+`/matches"`) {
			t.Fatal("the proposer's page offers the form or lacks the matching partners link")
		}
		// An empty message comes back with the error; nothing is sent.
		r = s.do(ana, "POST", path+"/interests", url.Values{"message": {"  "}}, "Accept-Language", "en")
		if r.status != 422 || !strings.Contains(r.body, tr("error.required")) || !strings.Contains(r.body, `aria-invalid="true"`) {
			t.Fatalf("empty message = %d", r.status)
		}
		r = s.do(ana, "POST", path+"/interests", url.Values{"message": {"Radimo senzore <b>već</b> deset godina."}, "org_id": {"0"}})
		if r.status != http.StatusSeeOther || !strings.Contains(r.header.Get("Location"), "interest=sent") {
			t.Fatalf("express = %d %q", r.status, r.header.Get("Location"))
		}
		r = s.do(ana, "GET", r.header.Get("Location"), nil, "Accept-Language", "en")
		if !strings.Contains(r.body, tr("interest.sent")) || !strings.Contains(r.body, tr("interest.status.pending")) ||
			!strings.Contains(r.body, "Radimo senzore &lt;b&gt;već&lt;/b&gt;") || strings.Contains(r.body, "mailto:") {
			t.Fatal("after expressing: no notice, no status, unescaped message or the proposer's address shown")
		}
		// A second attempt shows the existing expression.
		r = s.do(ana, "POST", path+"/interests", url.Values{"message": {"again"}})
		if r.status != http.StatusSeeOther || !strings.Contains(r.header.Get("Location"), "interest=existing") {
			t.Fatalf("again = %d %q", r.status, r.header.Get("Location"))
		}
		if r = s.do(ana, "GET", r.header.Get("Location"), nil, "Accept-Language", "en"); !strings.Contains(r.body, htmlEscape(cat.Translate("en", "interest.existing", nil))) {
			t.Fatal("no notice of the existing expression")
		}
		// The proposer sees it (not the address), with a badge in the header.
		r = s.do(owner, "GET", path, nil, "Accept-Language", "en")
		if !strings.Contains(r.body, anaU.DisplayName) || strings.Contains(r.body, "mailto:") || !strings.Contains(r.body, `value="accept"`) || badge(r.body) != "1" {
			t.Fatalf("proposer's list: name %v, address hidden %v, badge %s", strings.Contains(r.body, anaU.DisplayName),
				!strings.Contains(r.body, "mailto:"), badge(r.body))
		}
		m := regexp.MustCompile(`action="(` + regexp.QuoteMeta(path) + `/interests/\d+/decision)"`).FindStringSubmatch(r.body)
		if m == nil {
			t.Fatal("no decision form")
		}
		if r = s.do(ana, "POST", m[1], url.Values{"decision": {"accept"}}); r.status != 403 {
			t.Fatalf("the interested member decides = %d", r.status)
		}
		if r = s.do(owner, "POST", m[1], url.Values{"decision": {"accept"}}); r.status != http.StatusSeeOther {
			t.Fatalf("accept = %d", r.status)
		}
		if r = s.do(owner, "POST", m[1], url.Values{"decision": {"decline"}}, "Accept-Language", "en"); r.status != 409 ||
			!strings.Contains(r.body, tr("interest.error.decided")) {
			t.Fatalf("decide twice = %d", r.status)
		}
		// Accepted: each side sees the other's address.
		if r = s.do(owner, "GET", path, nil); !strings.Contains(r.body, `mailto:`+anaU.Email) {
			t.Fatal("the proposer does not see the accepted member's address")
		}
		if r = s.do(ana, "GET", path, nil); !strings.Contains(r.body, `mailto:`+ownerU.Email) || badge(r.body) != "1" {
			t.Fatalf("the member does not see the proposer's address (badge %s)", badge(r.body))
		}
		// An organisation Ana owns is the remaining "on behalf of" choice.
		o := storetest.NewOrg(t, s.store, "Zadruga Ana", ponte.OrgSocialEnt, "HR050")
		if err := s.store.SetOrgMember(context.Background(), &ponte.OrgMember{OrgID: o.ID, UserID: anaU.ID, Role: ponte.OrgRoleOwner}); err != nil {
			t.Fatal(err)
		}
		s.svc.ContentChanged(context.Background()) // written to the store directly, past the caches
		orgValue := `name="org_id" value="` + strconv.FormatInt(o.ID, 10) + `" checked`
		if r = s.do(ana, "GET", path, nil); !strings.Contains(r.body, orgValue) || strings.Contains(r.body, `name="org_id" value="0"`) {
			t.Fatal("the organisation is not offered, or 'myself' is offered twice")
		}
		r = s.do(ana, "POST", path+"/interests", url.Values{"message": {"Za zadrugu"}, "org_id": {strconv.FormatInt(o.ID, 10)}})
		if r.status != http.StatusSeeOther || !strings.Contains(r.header.Get("Location"), "interest=sent") {
			t.Fatalf("express for the organisation = %d", r.status)
		}
		if r = s.do(owner, "GET", path, nil); !strings.Contains(r.body, "Zadruga Ana") || badge(r.body) != "2" {
			t.Fatalf("the proposer does not see the organisation's expression (badge %s)", badge(r.body))
		}
	})
}

func TestInterestClosedProposalPage(t *testing.T) {
	s := newSite(t, sqlstore.SQLite)
	storetest.SeedConcepts(t, s.store)
	owner, _ := s.member("proposer@example.org")
	late, _ := s.member("late@example.org")
	path := s.publishedProposal(owner)
	if r := s.do(owner, "POST", path+"/status", url.Values{"to": {"closed"}, "reason": {"withdrawn"}, "confirm": {"1"}}); r.status != 303 {
		t.Fatalf("close = %d", r.status)
	}
	// A member's pages are in their account's language (English here).
	msg := htmlEscape(s.web.cat.Translate("en", "interest.error.withdrawn", nil))
	r := s.do(late, "GET", path, nil, "Accept-Language", "hr")
	if !strings.Contains(r.body, msg) || strings.Contains(r.body, `action="`+path+`/interests"`) {
		t.Fatal("a withdrawn proposal still offers the form")
	}
	r = s.do(late, "POST", path+"/interests", url.Values{"message": {"Kasnim"}}, "Accept-Language", "hr")
	if r.status != 409 || !strings.Contains(r.body, msg) || langOf(r.body) != "en" {
		t.Fatalf("POST anyway = %d", r.status)
	}
}

func TestNotificationCentrePages(t *testing.T) {
	eachBackend(t, func(t *testing.T, s *testSite) {
		storetest.SeedConcepts(t, s.store)
		owner, ownerU := s.member("proposer@example.org")
		ana, anaU := s.member("ana@example.org")
		bob, _ := s.member("bob@example.org")
		path := s.publishedProposal(owner)
		for _, c := range []*http.Client{ana, bob} {
			if r := s.do(c, "POST", path+"/interests", url.Values{"message": {"m"}}); r.status != 303 {
				t.Fatalf("express = %d", r.status)
			}
		}
		r := s.do(owner, "GET", "/notifications", nil)
		want := htmlEscape(s.web.cat.Translate(langOf(r.body), "notification.interest_received", map[string]any{"Name": anaU.DisplayName, "Title": "Senzori za vinograde"}))
		if r.status != 200 || !strings.Contains(r.body, want) || badge(r.body) != "2" || strings.Count(r.body, "notification-unread") != 2 {
			t.Fatalf("centre = %d, badge %s, has text %v", r.status, badge(r.body), strings.Contains(r.body, want))
		}
		ids := regexp.MustCompile(`href="/notifications/(\d+)"`).FindAllStringSubmatch(r.body, -1)
		if len(ids) != 2 {
			t.Fatalf("links = %v", ids)
		}
		// Opening follows the link and marks it read; another member cannot.
		if r = s.do(ana, "GET", "/notifications/"+ids[0][1], nil); r.status != 404 {
			t.Fatalf("another member opens it = %d", r.status)
		}
		if r = s.do(owner, "GET", "/notifications/"+ids[0][1], nil); r.status != 303 || r.header.Get("Location") != path {
			t.Fatalf("open = %d %q", r.status, r.header.Get("Location"))
		}
		if r = s.do(owner, "GET", "/notifications", nil); badge(r.body) != "1" {
			t.Fatalf("badge after opening one = %s", badge(r.body))
		}
		if r = s.do(owner, "POST", "/notifications/read", url.Values{}); r.status != 303 {
			t.Fatalf("mark all = %d", r.status)
		}
		if r = s.do(owner, "GET", "/notifications", nil); badge(r.body) != "0" || strings.Contains(r.body, "notification-unread") {
			t.Fatal("still unread after marking all")
		}
		// Settings: the three switches, saved and shown back.
		r = s.do(owner, "GET", "/notifications/settings", nil)
		if strings.Count(r.body, " checked") != 3 {
			t.Fatalf("defaults: %d ticked", strings.Count(r.body, " checked"))
		}
		if r = s.do(owner, "POST", "/notifications/settings", url.Values{"email": {"1"}}); r.status != 303 {
			t.Fatalf("save = %d", r.status)
		}
		r = s.do(owner, "GET", "/notifications/settings?saved=1", nil)
		if strings.Count(r.body, " checked") != 1 || !strings.Contains(r.body, `name="email" value="1" aria-describedby="f-email-hint" checked`) {
			t.Fatal("settings not saved")
		}
		p, _ := s.svc.NotificationSettings(context.Background(), ownerU)
		if p.InApp || !p.Email || p.Digest {
			t.Fatalf("stored = %+v", p)
		}
		// Visitors are sent to sign in.
		if r = s.do(s.client(), "GET", "/notifications", nil); r.status != 303 || !strings.HasPrefix(r.header.Get("Location"), "/login") {
			t.Fatalf("visitor = %d", r.status)
		}
	})
}

func TestInterestRoutesNeedSignIn(t *testing.T) {
	s := newSite(t, sqlstore.SQLite)
	for _, rt := range append(s.web.interestRoutes(), s.web.notificationRoutes()...) {
		path := strings.NewReplacer("{id}", "1", "{interest}", "1").Replace(rt.Pattern)
		r := s.do(s.client(), rt.Method, path, url.Values{})
		switch {
		case rt.Access != "member":
			t.Errorf("%s %s is %s", rt.Method, rt.Pattern, rt.Access)
		case rt.Method == "GET" && (r.status != http.StatusSeeOther || !strings.HasPrefix(r.header.Get("Location"), "/login?next=")):
			t.Errorf("visitor GET %s = %d %q", path, r.status, r.header.Get("Location"))
		case rt.Method == "POST" && r.status != http.StatusUnauthorized:
			t.Errorf("visitor POST %s = %d", path, r.status)
		}
	}
}

// TestInterestKeysExist checks the keys built at run time: states,
// notification and e-mail texts.
func TestInterestKeysExist(t *testing.T) {
	cat, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, st := range ponte.InterestStatuses {
		keys = append(keys, "interest.status."+st)
	}
	for _, k := range []string{"interest_received", "interest_received_org", "interest_accepted", "interest_declined"} {
		keys = append(keys, "notification."+k, "mail."+k+".subject", "mail."+k+".body")
	}
	keys = append(keys, "interest.error.own", "interest.error.closed", "interest.error.withdrawn", "interest.error.draft",
		"interest.error.org", "interest.error.own_org", "interest.error.decided", "interest.sent", "interest.existing")
	for _, lang := range ponte.Languages {
		for _, k := range keys {
			if !cat.Has(lang, k) {
				t.Errorf("%s: %s missing", lang, k)
			}
		}
	}
}

package web

import (
	"context"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/i18n"
	"github.com/ponte-platform/ponte/internal/service"
	"github.com/ponte-platform/ponte/internal/sqlstore"
	"github.com/ponte-platform/ponte/internal/sqlstore/storetest"
)

// proposalForm is a complete submission of the proposal form.
func proposalForm() url.Values {
	return url.Values{"type": {"technology_offer"}, "lang": {"hr"}, "title": {"Senzori za vinograde"},
		"summary": {"Nudimo senzorsku mrežu"}, "description": {"**Opis**"}, "regions": {"HR050, SI041"},
		"countries": {"HR SI"}, "partner_types": {"sme", "startup"}, "s3_areas": {"agri-food"}, "themes": {"climate"},
		"deadline": {"2099-12-31"}, "skill1_uri": {storetest.URIPython}, "skill1_q": {"Python"}, "essential1": {"1"},
		"level1": {"3"}, "skill_rows": {"3"}}
}

func TestProposalPagesAndLifecycle(t *testing.T) {
	eachBackend(t, func(t *testing.T, s *testSite) {
		storetest.SeedConcepts(t, s.store)
		owner, ownerU := s.member("proposer@example.org")
		outsider, _ := s.member("outsider@example.org")
		cat := s.web.cat
		// A refused submission comes back with what was typed and every error.
		bad := proposalForm()
		bad.Set("deadline", "2001-01-01")
		bad.Set("call_url", "ftp://x")
		bad.Set("skill2_uri", "http://example.org/none")
		bad.Set("skill2_q", "nothing")
		r := s.do(owner, "POST", "/proposals", bad, "Accept-Language", "en")
		for _, want := range []string{`value="Senzori za vinograde"`, `value="HR050, SI041"`, "Nudimo senzorsku mrežu",
			htmlEscape(cat.Translate("en", "proposal.error.deadline_past", nil)), htmlEscape(cat.Translate("en", "proposal.error.url", nil)),
			htmlEscape(cat.Translate("en", "error.skill_unknown", nil)), `value="sme" checked`, `<option value="3" selected>`} {
			if !strings.Contains(r.body, want) {
				t.Fatalf("422 (%d) lacks %q", r.status, want)
			}
		}
		if r.status != 422 {
			t.Fatalf("bad create = %d", r.status)
		}
		if page, _ := s.svc.Proposals(context.Background(), ownerU, proposalListDrafts(), "en"); len(page.Items) != 0 {
			t.Fatal("a refused submission was saved")
		}
		r = s.do(owner, "POST", "/proposals", proposalForm())
		if r.status != http.StatusSeeOther || !strings.HasPrefix(r.header.Get("Location"), "/proposals/") {
			t.Fatalf("create = %d %q", r.status, r.header.Get("Location"))
		}
		path := r.header.Get("Location")
		// The draft is private.
		if r = s.do(s.client(), "GET", path, nil); r.status != 404 {
			t.Fatalf("visitor sees the draft: %d", r.status)
		}
		if r = s.do(outsider, "GET", path+"/edit", nil); r.status != 404 {
			t.Fatalf("outsider edits the draft: %d", r.status)
		}
		pages := []struct {
			c          *http.Client
			path, want string
		}{
			{owner, path, `action="` + path + `/status"`},
			{owner, path + "/edit", `value="Senzori za vinograde"`},
			{owner, "/proposals/new", `name="skill1_q"`},
			{owner, "/proposals?status=draft", "Senzori za vinograde"},
		}
		for _, pg := range pages {
			r := s.do(pg.c, "GET", pg.path, nil, "Accept-Language", "sl")
			if r.status != 200 || langOf(r.body) == "" || !strings.Contains(r.body, pg.want) {
				t.Fatalf("GET %s = %d, contains %q: %v", pg.path, r.status, pg.want, strings.Contains(r.body, pg.want))
			}
			if strings.Contains(r.body, " style=") || regexp.MustCompile(`>proposal\.[a-z_.]+<`).MatchString(r.body) {
				t.Fatalf("GET %s: inline style or an untranslated key", pg.path)
			}
		}
		r = s.do(owner, "POST", path+"/status", url.Values{"to": {"published"}})
		if r.status != http.StatusSeeOther {
			t.Fatalf("publish = %d", r.status)
		}
		r = s.do(s.client(), "GET", "/proposals?region=HR0&type=technology_offer&skill_uri="+url.QueryEscape(storetest.URIPython), nil, "Accept-Language", "it")
		if r.status != 200 || !strings.Contains(r.body, "Senzori za vinograde") || !strings.Contains(r.body, cat.Translate("it", "proposal.type.technology_offer", nil)) {
			t.Fatalf("directory = %d", r.status)
		}
		r = s.do(s.client(), "GET", path, nil)
		if r.status != 200 || !strings.Contains(r.body, "<strong>Opis</strong>") || strings.Contains(r.body, `/status"`) {
			t.Fatalf("public page = %d", r.status)
		}
		// Closing needs the tick box; nothing changes without it.
		r = s.do(owner, "POST", path+"/status", url.Values{"to": {"closed"}, "reason": {"partnered"}})
		if r.status != 422 || !strings.Contains(r.body, htmlEscape(cat.Translate("en", "proposal.error.confirm", nil))) {
			t.Fatalf("close without confirmation = %d", r.status)
		}
		if r = s.do(outsider, "POST", path+"/status", url.Values{"to": {"closed"}, "reason": {"partnered"}, "confirm": {"1"}}); r.status != 403 {
			t.Fatalf("outsider closes = %d", r.status)
		}
		if r = s.do(owner, "POST", path+"/status", url.Values{"to": {"archived"}, "confirm": {"1"}}); r.status != 409 {
			t.Fatalf("archive a published proposal = %d", r.status)
		}
		if r = s.do(owner, "POST", path+"/status", url.Values{"to": {"closed"}, "reason": {"partnered"}, "confirm": {"1"}}); r.status != 303 {
			t.Fatalf("close = %d", r.status)
		}
		r = s.do(s.client(), "GET", path, nil, "Accept-Language", "en")
		if !strings.Contains(r.body, cat.Translate("en", "proposal.reason.partnered", nil)) || !strings.Contains(r.body, "Member proposer@example.org") {
			t.Fatal("the history does not show who closed it and why")
		}
		if r = s.do(owner, "POST", path, proposalForm()); r.status != 409 {
			t.Fatalf("edit a closed proposal = %d", r.status)
		}
	})
}

func TestProposalFormRefusesToPublishIncomplete(t *testing.T) {
	s := newSite(t, sqlstore.SQLite)
	owner, _ := s.member("drafter@example.org")
	r := s.do(owner, "POST", "/proposals", url.Values{"type": {"public_challenge"}, "lang": {"en"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("empty draft = %d", r.status)
	}
	path := r.header.Get("Location")
	r = s.do(owner, "POST", path+"/status", url.Values{"to": {"published"}})
	if r.status != 422 || !strings.Contains(r.body, htmlEscape(s.web.cat.Translate("en", "proposal.error.skills_required", nil))) {
		t.Fatalf("publish an empty draft = %d", r.status)
	}
}

func TestProposalRoutesNeedSignIn(t *testing.T) {
	s := newSite(t, sqlstore.SQLite)
	for _, rt := range s.web.proposalRoutes() {
		if rt.Access != "member" {
			continue
		}
		path := strings.ReplaceAll(rt.Pattern, "{id}", "1")
		r := s.do(s.client(), rt.Method, path, url.Values{})
		switch {
		case rt.Method == "GET" && (r.status != http.StatusSeeOther || !strings.HasPrefix(r.header.Get("Location"), "/login?next=")):
			t.Errorf("visitor GET %s = %d %q", path, r.status, r.header.Get("Location"))
		case rt.Method == "POST" && r.status != http.StatusUnauthorized:
			t.Errorf("visitor POST %s = %d", path, r.status)
		}
	}
}

// TestProposalDynamicKeysExist checks the keys the proposal code builds at
// run time (types, states, reasons, flashes) and the ones written in Go,
// which the template key test cannot see, in every language.
func TestProposalDynamicKeysExist(t *testing.T) {
	cat, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for prefix, values := range map[string][]string{"proposal.type.": ponte.ProposalTypes,
		"proposal.status.": ponte.ProposalStatuses, "proposal.reason.": ponte.CloseReasons,
		"flash.proposal_": {"saved", ponte.ProposalPublished, ponte.ProposalClosed, ponte.ProposalArchived},
		"people.theme.":   ponte.Themes, "people.level.": {"1", "2", "3", "4"}} {
		for _, v := range values {
			keys = append(keys, prefix+v)
		}
	}
	keyRE := regexp.MustCompile(`"(proposal\.[a-z0-9_.]*[a-z0-9_])"`)
	files, _ := filepath.Glob("proposals*.go")
	for _, pattern := range []string{"../service/proposals*.go", "../api/proposals*.go", "../../proposal*.go"} {
		m, _ := filepath.Glob(pattern)
		files = append(files, m...)
	}
	if len(files) < 8 {
		t.Fatalf("found only %d source files", len(files))
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range keyRE.FindAllStringSubmatch(string(src), -1) {
			if !strings.HasSuffix(m[1], "_test") {
				keys = append(keys, m[1])
			}
		}
	}
	for _, lang := range ponte.Languages {
		for _, k := range keys {
			if !cat.Has(lang, k) {
				t.Errorf("%s: %s is missing", lang, k)
			}
		}
	}

}

func proposalListDrafts() service.ProposalListInput {
	return service.ProposalListInput{Status: ponte.ProposalDraft}
}

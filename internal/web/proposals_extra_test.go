package web

import (
	"bytes"
	"context"
	"encoding/json"
	"html"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/api"
	"github.com/ponte-platform/ponte/internal/i18n"
	"github.com/ponte-platform/ponte/internal/service"
	"github.com/ponte-platform/ponte/internal/sqlstore"
	"github.com/ponte-platform/ponte/internal/sqlstore/sqltest"
	"github.com/ponte-platform/ponte/internal/sqlstore/storetest"
)

// suggestForm is a proposal being written whose text names two seeded
// skills, with no skill chosen yet.
func suggestForm() url.Values {
	return url.Values{"type": {"research_partner_search"}, "lang": {"en"}, "title": {"Partner for a Horizon project"},
		"summary": {"We need project management and someone to manage budgets."}, "description": {"Details follow."},
		"call_ref": {"HORIZON-CL2-2026"}, "skill_rows": {"3"}}
}

func TestProposalSkillSuggestionsWithoutScript(t *testing.T) {
	eachBackend(t, func(t *testing.T, s *testSite) {
		storetest.SeedConcepts(t, s.store)
		owner, ownerU := s.member("writer@example.org")
		if err := s.svc.SetLanguage(t.Context(), ownerU, "it"); err != nil { // the account's language wins
			t.Fatal(err)
		}
		// The form links its script and offers the button.
		r := s.do(owner, "GET", "/proposals/new", nil)
		if !strings.Contains(r.body, "/js/proposal_suggest.js") || !strings.Contains(r.body, `name="action" value="suggest" formaction="/proposals#f-suggest"`) {
			t.Fatal("the form lacks the suggestion button or its script")
		}
		// Asking re-renders the form as typed, with suggestions labelled in
		// the reader's language; nothing is saved.
		f := suggestForm()
		f.Set("action", "suggest")
		r = s.do(owner, "POST", "/proposals", f, "Accept-Language", "it")
		if r.status != 200 || !strings.Contains(r.body, `value="Partner for a Horizon project"`) ||
			!strings.Contains(r.body, `name="add_skill" value="`+storetest.URIProjectManagement+`"`) ||
			!strings.Contains(r.body, "eseguire la gestione dei progetti") {
			t.Fatalf("suggest = %d", r.status)
		}
		if page, _ := s.svc.Proposals(context.Background(), ownerU, proposalListDrafts(), "en"); len(page.Items) != 0 {
			t.Fatal("asking for suggestions saved the proposal")
		}
		// Ticking one and pressing "add" fills the first empty row:
		// essential, level 1; the other suggestions stay on offer.
		f = suggestForm()
		f.Set("action", "add_suggested")
		f.Set("add_skill", storetest.URIProjectManagement)
		f["sug_uri"] = []string{storetest.URIProjectManagement, storetest.URIManageBudgets}
		f["sug_label"] = []string{"eseguire la gestione dei progetti", "gestire i budget"}
		f["sug_lang"] = []string{"it", "it"}
		r = s.do(owner, "POST", "/proposals", f, "Accept-Language", "it")
		for _, want := range []string{`value="` + storetest.URIProjectManagement + `" data-skill-uri name="skill1_uri"`,
			`value="eseguire la gestione dei progetti"`, `id="f-essential1" name="essential1" value="1" checked`,
			`name="add_skill" value="` + storetest.URIManageBudgets + `"`} {
			if !strings.Contains(r.body, want) {
				t.Fatalf("after adding (%d): no %q", r.status, want)
			}
		}
		if strings.Contains(r.body, `name="add_skill" value="`+storetest.URIProjectManagement+`"`) {
			t.Fatal("an added skill is still offered")
		}
		// A ticked suggestion is added by Save too.
		f = suggestForm()
		f.Set("add_skill", storetest.URIManageBudgets)
		f["sug_uri"], f["sug_label"], f["sug_lang"] = []string{storetest.URIManageBudgets}, []string{"manage budgets"}, []string{"en"}
		r = s.do(owner, "POST", "/proposals", f)
		if r.status != http.StatusSeeOther {
			t.Fatalf("save = %d", r.status)
		}
		page, _ := s.svc.Proposals(context.Background(), ownerU, proposalListDrafts(), "en")
		if len(page.Items) != 1 || len(page.Items[0].Skills) != 1 || page.Items[0].Skills[0].Concept.URI != storetest.URIManageBudgets ||
			!page.Items[0].Skills[0].Essential || page.Items[0].Skills[0].MinLevel != 1 {
			t.Fatalf("saved = %+v", page.Items)
		}
		// With nothing written, a friendly note, not an error.
		r = s.do(owner, "POST", "/proposals", url.Values{"type": {"technology_offer"}, "lang": {"en"}, "action": {"suggest"}})
		if r.status != 200 || !strings.Contains(r.body, htmlEscape(s.web.cat.Translate("it", "proposal.suggest.no_text", nil))) {
			t.Fatalf("empty text = %d", r.status)
		}
	})
}

func TestProposalSkillSuggestionsJSON(t *testing.T) {
	s := newSite(t, sqlstore.SQLite)
	storetest.SeedConcepts(t, s.store)
	owner, ownerU := s.member("writer@example.org")
	if err := s.svc.SetLanguage(t.Context(), ownerU, "it"); err != nil {
		t.Fatal(err)
	}
	f := suggestForm()
	f.Set("skill1_uri", storetest.URIManageBudgets) // already chosen: not suggested again
	r := s.do(owner, "POST", "/proposals/suggest-skills", f, "Accept-Language", "it", "Sec-Fetch-Site", "same-origin")
	var out struct {
		Items   []struct{ URI, Label, Lang string }
		Message string
	}
	if err := json.Unmarshal([]byte(r.body), &out); err != nil || r.status != 200 ||
		!strings.HasPrefix(r.header.Get("Content-Type"), "application/json") {
		t.Fatalf("suggest JSON = %d %s (%v)", r.status, r.body, err)
	}
	found := false
	for _, it := range out.Items {
		found = found || (it.URI == storetest.URIProjectManagement && it.Label == "eseguire la gestione dei progetti" && it.Lang == "it")
		if it.URI == storetest.URIManageBudgets {
			t.Fatal("a chosen skill is suggested again")
		}
	}
	if want := s.web.cat.Plural("it", "proposal.suggest.count", len(out.Items), nil); !found || out.Message != want {
		t.Fatalf("items %+v, message %q want %q", out.Items, out.Message, want)
	}
	// Visitors get a JSON 401; another site's page cannot ask.
	r = s.do(s.client(), "POST", "/proposals/suggest-skills", f)
	if r.status != 401 || !strings.Contains(r.body, `"code":"unauthorized"`) {
		t.Fatalf("visitor = %d %s", r.status, r.body)
	}
	r = s.do(owner, "POST", "/proposals/suggest-skills", f, "Sec-Fetch-Site", "cross-site", "Origin", "https://evil.example")
	if r.status != http.StatusForbidden {
		t.Fatalf("cross-site = %d", r.status)
	}
}

// uploadFile posts a file as the "file" field of a multipart form.
func (s *testSite) uploadFile(c *http.Client, path, name string, data []byte) resp {
	s.t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, _ := mw.CreateFormFile("file", name)
	fw.Write(data)
	mw.Close()
	req, _ := http.NewRequest("POST", s.srv.URL+path, &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Accept-Language", "en")
	r, err := c.Do(req)
	if err != nil {
		s.t.Fatal(err)
	}
	defer r.Body.Close()
	b, _ := io.ReadAll(r.Body)
	return resp{r.StatusCode, string(b), r.Header}
}

var testPDF = []byte("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")

func TestProposalAttachmentsHTTP(t *testing.T) {
	eachBackend(t, func(t *testing.T, s *testSite) {
		storetest.SeedConcepts(t, s.store)
		owner, _ := s.member("owner@example.org")
		outsider, _ := s.member("outsider@example.org")
		path := s.do(owner, "POST", "/proposals", proposalForm()).header.Get("Location")
		cat := s.web.cat
		r := s.uploadFile(owner, path+"/attachments", `..\Ponuda "2026".pdf`, testPDF)
		if r.status != http.StatusSeeOther {
			t.Fatalf("upload = %d %s", r.status, r.body)
		}
		r = s.do(owner, "GET", path, nil)
		if !strings.Contains(r.body, "Ponuda _2026.pdf") || !strings.Contains(r.body, `enctype="multipart/form-data"`) {
			t.Fatal("the page does not list the attachment")
		}
		link := regexpFind(t, r.body, `href="(/proposals/\d+/attachments/\d+)"`)
		// The draft's files are hidden like the draft.
		if r := s.do(s.client(), "GET", link, nil); r.status != 404 {
			t.Fatalf("visitor downloads a draft's file: %d", r.status)
		}
		r = s.do(owner, "GET", link, nil)
		if r.status != 200 || r.body != string(testPDF) || r.header.Get("Content-Type") != "application/pdf" ||
			r.header.Get("X-Content-Type-Options") != "nosniff" ||
			r.header.Get("Content-Disposition") != `attachment; filename="Ponuda _2026.pdf"` {
			t.Fatalf("download = %d %v", r.status, r.header)
		}
		// Not a PDF: the page again with a translated error.
		r = s.uploadFile(owner, path+"/attachments", "evil.pdf", []byte("<html><script>alert(1)</script></html>"))
		if r.status != 422 || !strings.Contains(r.body, htmlEscape(cat.Translate("en", "proposal.error.attachment_pdf", nil))) {
			t.Fatalf("non-PDF = %d", r.status)
		}
		// Over 10 MB: 413 with a translated page, whether the file or the
		// whole body is too big.
		big := append(append([]byte{}, testPDF...), make([]byte, ponte.MaxAttachmentBytes)...)
		r = s.uploadFile(owner, path+"/attachments", "big.pdf", big)
		if r.status != 413 || !strings.Contains(r.body, htmlEscape(cat.Translate("en", "proposal.error.attachment_too_large", nil))) {
			t.Fatalf("11 MB file = %d", r.status)
		}
		r = s.uploadFile(owner, path+"/attachments", "huge.pdf", make([]byte, attachmentMaxBody+1))
		if r.status != 413 || langOf(r.body) != "en" {
			t.Fatalf("oversize body = %d", r.status)
		}
		// Publish; then the public sees and downloads it, but cannot delete.
		s.do(owner, "POST", path+"/status", url.Values{"to": {"published"}})
		if r := s.do(s.client(), "GET", link, nil); r.status != 200 || r.body != string(testPDF) {
			t.Fatalf("public download = %d", r.status)
		}
		if r := s.do(outsider, "POST", link+"/delete", url.Values{}); r.status != 403 {
			t.Fatalf("outsider deletes = %d", r.status)
		}
		if r := s.do(outsider, "POST", path+"/attachments", url.Values{}); r.status != 403 && r.status != 422 {
			t.Fatalf("outsider uploads = %d", r.status)
		}
		if r := s.do(owner, "POST", link+"/delete", url.Values{}); r.status != http.StatusSeeOther {
			t.Fatalf("delete = %d", r.status)
		}
		if r := s.do(owner, "GET", link, nil); r.status != 404 {
			t.Fatalf("deleted file = %d", r.status)
		}
	})
}

func regexpFind(t *testing.T, body, re string) string {
	t.Helper()
	m := regexp.MustCompile(re).FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no match for %s", re)
	}
	return m[1]
}

// newModeratedSite is newSite with PONTE_MODERATION on.
func newModeratedSite(t *testing.T, backend string) *testSite {
	t.Helper()
	cat, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	st := sqltest.OpenURL(t, sqltest.URL(t, backend))
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	svc := service.New(st, service.Config{BaseURL: "http://ponte.test", PasswordCost: service.TestPasswordParams,
		Moderation: true}, cat, nil, log)
	w, err := New(Config{BaseURL: "http://ponte.test"}, svc, cat, api.New(svc, cat, log, "test"), log)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(w.Handler())
	t.Cleanup(ts.Close)
	return &testSite{t: t, srv: ts, svc: svc, store: st, web: w}
}

func TestModerationHTTP(t *testing.T) {
	for _, b := range sqltest.Backends(t) {
		t.Run(b, func(t *testing.T) {
			t.Parallel()
			s := newModeratedSite(t, b)
			storetest.SeedConcepts(t, s.store)
			cat := s.web.cat
			owner, _ := s.member("owner@example.org")
			member, _ := s.member("member@example.org")
			mod, modU := s.member("mod@example.org")
			modU.Role = ponte.RoleModerator
			if err := s.store.UpdateUser(context.Background(), modU); err != nil {
				t.Fatal(err)
			}
			path := s.do(owner, "POST", "/proposals", proposalForm()).header.Get("Location")
			id := strings.TrimPrefix(path, "/proposals/")
			r := s.do(owner, "GET", path, nil, "Accept-Language", "en")
			if !strings.Contains(r.body, cat.Translate("en", "proposal.submit", nil)) {
				t.Fatal("the publish button does not say the proposal goes to moderation")
			}
			r = s.do(owner, "POST", path+"/status", url.Values{"to": {"published"}})
			if r.status != 303 {
				t.Fatalf("submit = %d", r.status)
			}
			r = s.do(owner, "GET", path, nil, "Accept-Language", "en")
			if !strings.Contains(r.body, cat.Translate("en", "proposal.pending_note", nil)) ||
				!strings.Contains(r.body, htmlEscape(cat.Translate("en", "flash.proposal_pending", nil))) {
				t.Fatal("the proposer is not told it waits for moderation")
			}
			if r := s.do(s.client(), "GET", path, nil); r.status != 404 {
				t.Fatalf("visitor sees a pending proposal: %d", r.status)
			}
			if r := s.do(member, "GET", "/moderation", nil); r.status != 403 {
				t.Fatalf("member opens the queue: %d", r.status)
			}
			if r := s.do(member, "POST", "/moderation/"+id+"/approve", url.Values{}); r.status != 403 {
				t.Fatalf("member approves: %d", r.status)
			}
			r = s.do(mod, "GET", "/moderation", nil, "Accept-Language", "hr")
			if r.status != 200 || !strings.Contains(r.body, "Senzori za vinograde") || !strings.Contains(r.body, `action="/moderation/`+id+`/reject"`) {
				t.Fatalf("queue = %d", r.status)
			}
			// A rejection without a reason comes back with the error.
			r = s.do(mod, "POST", "/moderation/"+id+"/reject", url.Values{"reason": {"  "}}, "Accept-Language", "en")
			if r.status != 422 || !strings.Contains(r.body, htmlEscape(cat.Translate("en", "error.required", nil))) {
				t.Fatalf("reject without reason = %d", r.status)
			}
			reason := "Dodajte poziv <b>i</b> rok."
			if r := s.do(mod, "POST", "/moderation/"+id+"/reject", url.Values{"reason": {reason}}); r.status != 303 ||
				r.header.Get("Location") != "/moderation" {
				t.Fatalf("reject = %d", r.status)
			}
			r = s.do(owner, "GET", path, nil, "Accept-Language", "en")
			if !strings.Contains(r.body, html.EscapeString(reason)) || strings.Contains(r.body, reason) ||
				!strings.Contains(r.body, cat.Translate("en", "proposal.rejected_note", nil)) {
				t.Fatal("the proposer does not see the reason (escaped)")
			}
			// Submitted again, approved from the proposal's page.
			s.do(owner, "POST", path+"/status", url.Values{"to": {"published"}})
			r = s.do(mod, "GET", path, nil)
			if !strings.Contains(r.body, `action="/moderation/`+id+`/approve"`) {
				t.Fatal("the moderator cannot decide on the proposal's page")
			}
			if r := s.do(mod, "POST", "/moderation/"+id+"/approve", url.Values{"back": {"proposal"}}); r.status != 303 || r.header.Get("Location") != path {
				t.Fatalf("approve = %d %q", r.status, r.header.Get("Location"))
			}
			if r := s.do(s.client(), "GET", path, nil); r.status != 200 {
				t.Fatalf("approved proposal = %d", r.status)
			}
			r = s.do(mod, "GET", "/moderation", nil, "Accept-Language", "en")
			if !strings.Contains(r.body, cat.Translate("en", "moderation.empty", nil)) {
				t.Fatal("the queue is not empty after the decision")
			}
		})
	}
}

// TestModerationAPI checks that POST /api/v1/proposals/{id}/status follows
// the same rules as the pages: a member's publish answers pending, only a
// moderator publishes it, and its proposer may take it back.
func TestModerationAPI(t *testing.T) {
	s := newModeratedSite(t, sqlstore.SQLite)
	storetest.SeedConcepts(t, s.store)
	ctx := context.Background()
	owner, ownerU := s.member("owner@example.org")
	_, modU := s.member("mod@example.org")
	modU.Role = ponte.RoleModerator
	if err := s.store.UpdateUser(ctx, modU); err != nil {
		t.Fatal(err)
	}
	id := strings.TrimPrefix(s.do(owner, "POST", "/proposals", proposalForm()).header.Get("Location"), "/proposals/")
	call := func(u *ponte.User, status string) (int, string) {
		tok, _, err := s.svc.CreateAPIToken(ctx, u, "test")
		if err != nil {
			t.Fatal(err)
		}
		req, _ := http.NewRequest("POST", s.srv.URL+"/api/v1/proposals/"+id+"/status", strings.NewReader(`{"status":"`+status+`"}`))
		req.Header.Set("Authorization", "Bearer "+tok)
		req.Header.Set("Content-Type", "application/json")
		r, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer r.Body.Close()
		b, _ := io.ReadAll(r.Body)
		return r.StatusCode, string(b)
	}
	if st, body := call(ownerU, "published"); st != 200 || !strings.Contains(body, `"status":"pending"`) {
		t.Fatalf("member publishes = %d %s", st, body)
	}
	if st, body := call(ownerU, "published"); st != 403 || !strings.Contains(body, `"code":"forbidden"`) {
		t.Fatalf("member publishes a pending proposal = %d %s", st, body)
	}
	if st, body := call(ownerU, "draft"); st != 200 || !strings.Contains(body, `"status":"draft"`) {
		t.Fatalf("take back = %d %s", st, body)
	}
	call(ownerU, "published")
	if st, body := call(modU, "published"); st != 200 || !strings.Contains(body, `"status":"published"`) {
		t.Fatalf("moderator publishes = %d %s", st, body)
	}
}

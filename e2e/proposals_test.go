package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/ponte-platform/ponte/internal/sqlstore"
	"github.com/ponte-platform/ponte/internal/sqlstore/sqltest"
)

// TestProposalDraftPublishDirectory writes a research partner search in
// Italian, first with errors (a deadline in the past, an unknown skill:
// 422, typed values kept), then properly; publishes it and finds it in the
// directory. axe audits every page.
func TestProposalDraftPublishDirectory(t *testing.T) {
	t.Parallel()
	requireChromium(t)
	db := sqltest.URL(t, sqlstore.SQLite)
	m := member{Name: "Giulia Rossi", Email: "giulia@example.it", Password: "ricerca e inclusione"}
	runCLI(t, db, "user", "create", "--email", m.Email, "--password", m.Password, "--name", m.Name, "--lang", "it")
	srv := startServer(t, db, "")
	b := newTab(t, srv.URL)
	b.expectPage("sign in", b.logIn(m.Email, m.Password), 200, "/")
	b.expectPage("new proposal", b.open("/proposals/new"), 200, "/proposals/new")
	if got := b.attr("html", "lang"); got != "it" {
		t.Fatalf("the member's language is Italian, the page is %q", got)
	}
	b.audit("new proposal form (Italian)")
	b.choose("#f-type", "research_partner_search")
	b.choose("#f-lang", "it")
	b.fill("#f-title", "Partner per l'inclusione sociale dei giovani migranti")
	b.fill("#f-summary", "Cerchiamo un partner di ricerca per valutare programmi di inclusione sociale.")
	b.fill("#f-skill1", "qwxzv plorb")
	b.fill("#f-deadline", "01/02/2020")
	b.fill("#f-call_ref", "HORIZON-CL2-2027-TRANSFORMATIONS-01")
	if st := b.submit(saveProposal); st != 422 {
		t.Fatalf("a past deadline and an unknown skill gave %d, want 422", st)
	}
	if got := b.value("#f-title"); !strings.Contains(got, "giovani migranti") {
		t.Fatalf("the typed title was lost: %q", got)
	}
	b.audit("proposal form with errors")
	b.shot("proposal-form-errors-it")
	b.fill("#f-skill1", "write research proposals")
	next := time.Now().AddDate(0, 3, 0)
	b.fill("#f-deadline", next.Format("01/02/2006"))
	b.submit(saveProposal)
	p := b.path()
	if !strings.HasPrefix(p, "/proposals/") || strings.HasSuffix(p, "/new") {
		t.Fatalf("after saving the draft the browser is at %s", p)
	}
	b.audit("draft proposal page")
	b.submit(`form[action="` + p + `/status"] input[value="published"] ~ p button`)
	b.audit("published proposal page")
	b.shot("proposal-it")
	b.expectPage("directory", b.open("/proposals?skill_q=write+research+proposals"), 200, "/proposals")
	b.audit("proposal directory")
	if got := b.text("main"); !strings.Contains(got, "giovani migranti") {
		t.Fatalf("the directory does not list the published proposal:\n%s", got)
	}
	b.shot("proposals-it")
}

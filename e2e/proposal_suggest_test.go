package e2e

import (
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/ponte-platform/ponte/internal/sqlstore"
	"github.com/ponte-platform/ponte/internal/sqlstore/sqltest"
)

// saveProposal is the form's visible Save button (the first, visually
// hidden one only makes Enter save).
const saveProposal = `form[action="/proposals"] button[type=submit]:not(.visually-hidden):not([name=action])`

// TestProposalSkillSuggestionsInBrowser drives proposal_suggest.js: the
// button asks for suggestions without leaving the page, a live region
// announces how many, each "Add" fills an empty skill row (a fourth row
// comes from the page's template), the keyboard moves on to the next
// "Add", and saving keeps every added skill. axe audits the form with the
// suggestions shown.
func TestProposalSkillSuggestionsInBrowser(t *testing.T) {
	t.Parallel()
	requireChromium(t)
	db := sqltest.URL(t, sqlstore.SQLite)
	m := member{Name: "Ana Horvat", Email: "ana@example.hr", Password: "prijedlog i vještine"}
	runCLI(t, db, "user", "create", "--email", m.Email, "--password", m.Password, "--name", m.Name, "--lang", "en")
	srv := startServer(t, db, "")
	b := newTab(t, srv.URL)
	b.expectPage("sign in", b.logIn(m.Email, m.Password), 200, "/")
	b.expectPage("new proposal", b.open("/proposals/new"), 200, "/proposals/new")
	b.choose("#f-type", "research_partner_search")
	b.choose("#f-lang", "en")
	b.fill("#f-title", "Research partner to analyse data and manage the project budget")
	b.fill("#f-summary", "We look for a partner to analyse data from social services, manage the project budget "+
		"and write research proposals for Horizon Europe calls.")
	b.fill("#f-call_ref", "HORIZON-CL2-2027-01")
	b.do("ask for suggestions", chromedp.Click(chromedp.CSS("[data-suggest-button]")),
		chromedp.WaitVisible(chromedp.CSS("[data-suggest-results] li button")))
	if b.path() != "/proposals/new" {
		t.Fatalf("asking for suggestions left the page: %s", b.path())
	}
	n := eval[int](b, `document.querySelectorAll("[data-suggest-results] li button").length`)
	// The live region is emptied, then filled 50 ms later (so a repeated
	// message is announced again): wait for the count to be said.
	waitFor(b, `/\d/.test(document.querySelector("[data-suggest-status]").textContent)`, "the suggestions' count announced")
	status := b.text("[data-suggest-status]")
	if n < 4 || !strings.Contains(status, strconv.Itoa(n)) {
		t.Fatalf("%d suggestions, status %q", n, status)
	}
	b.audit("proposal form with suggestions")
	b.shot("proposal-suggestions-en")
	var labels []string
	for i := 1; i <= 4; i++ {
		label := eval[string](b, `document.querySelector("[data-suggest-results] li button:not([disabled])").previousSibling.previousSibling.textContent`)
		name := eval[string](b, `document.querySelector("[data-suggest-results] li button:not([disabled])").getAttribute("aria-label")`)
		if !strings.Contains(name, label) {
			t.Fatalf("the Add button is named %q, not after %q", name, label)
		}
		// Keyboard only: the focus is on the next Add button after each one.
		if i == 1 {
			b.do("focus the first Add", chromedp.Focus(chromedp.CSS("[data-suggest-results] li button")))
		}
		b.do("press Enter on Add", chromedp.KeyEvent("\r"))
		if got := b.value("#f-skill" + strconv.Itoa(i)); got != label {
			t.Fatalf("row %d = %q, want %q", i, got, label)
		}
		if uri := b.value(`input[name="skill` + strconv.Itoa(i) + `_uri"]`); !strings.HasPrefix(uri, "http://data.europa.eu/esco/") {
			t.Fatalf("row %d has no concept: %q", i, uri)
		}
		if !eval[bool](b, `document.querySelector("#f-essential`+strconv.Itoa(i)+`").checked`) || b.value("#f-level"+strconv.Itoa(i)) != "1" {
			t.Fatalf("row %d is not essential at level 1", i)
		}
		labels = append(labels, label)
	}
	if got := b.value(`input[name="skill_rows"]`); got != "4" {
		t.Fatalf("skill_rows = %q after adding a fourth row", got)
	}
	if st := b.submit(saveProposal); st != 200 || !strings.HasPrefix(b.path(), "/proposals/") {
		t.Fatalf("save = %d at %s: %s", st, b.path(), b.text("main"))
	}
	page := b.text("main")
	for _, l := range labels {
		if !strings.Contains(page, l) {
			t.Fatalf("the saved proposal lacks %q:\n%s", l, page)
		}
	}
}

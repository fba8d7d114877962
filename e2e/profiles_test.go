package e2e

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/ponte-platform/ponte/internal/sqlstore/sqltest"
)

// TestProfileSkillsOrganisationDirectory is the people-and-organisations
// journey on each database: a member builds a profile with the skill
// autocomplete (and once without it), creates an organisation, another
// member from another country joins it, and the directory finds the first
// member by skill and region but not by another region. axe audits every
// page on the way.
func TestProfileSkillsOrganisationDirectory(t *testing.T) {
	for _, backend := range sqltest.Backends(t) {
		t.Run(backend, func(t *testing.T) {
			t.Parallel()
			requireChromium(t)
			db := sqltest.URL(t, backend)
			ana := member{Name: "Ana Bianchi", Email: "ana@example.it", Password: "lombardia innovazione"}
			luka := member{Name: "Luka Horvat", Email: "luka@example.hr", Password: "jadranska hrvatska"}
			for _, m := range []member{ana, luka} {
				runCLI(t, db, "user", "create", "--email", m.Email, "--password", m.Password, "--name", m.Name)
			}
			srv := startServer(t, db, "")
			b := newTab(t, srv.URL)
			b.expectPage("sign in", b.logIn(ana.Email, ana.Password), 200, "/")
			editProfile(b)
			addSkillWithAutocomplete(b, "perform project man", "perform project management")
			addSkillByText(b, "think creatively")
			refuseUnknownSkill(b)
			orgPath := createOrganisation(b)
			joinOrganisation(t, srv.URL, luka, orgPath)
			acceptJoin(b, orgPath, luka.Name)
			findInDirectory(b, ana.Name)
			if backend == "sqlite" {
				tour(b, orgPath)
			}
		})
	}
}

// choose selects a value in a <select>.
func (b *tab) choose(sel, value string) {
	b.t.Helper()
	b.do("choose "+value+" in "+sel, chromedp.SetValue(chromedp.CSS(sel), value))
}

func editProfile(b *tab) {
	b.t.Helper()
	b.expectPage("profile editor", b.open("/profile/edit"), 200, "/profile/edit")
	b.audit("profile editor")
	b.fill("#f-headline", "Social innovation project manager")
	b.expectPage("save about", b.submit(`form[action="/profile/section/about"] button[type=submit]`), 200, "/profile/edit")
	b.choose("#f-country", "IT")
	b.fill("#f-region", "ITC4C")
	b.expectPage("save location", b.submit(`form[action="/profile/section/location"] button[type=submit]`), 200, "/profile/edit")
	if got := b.value("#f-region"); got != "ITC4C" {
		b.t.Fatalf("region after saving = %q, want ITC4C", got)
	}
	b.fill("#f-region", "ZZ999")
	if st := b.submit(`form[action="/profile/section/location"] button[type=submit]`); st != 422 {
		b.t.Fatalf("an unknown NUTS code gave %d, want 422", st)
	}
	if got := b.value("#f-region"); got != "ZZ999" {
		b.t.Fatalf("the rejected region was not kept in the form: %q", got)
	}
	b.audit("profile editor with an error")
}

// addSkillWithAutocomplete types part of a label, picks the suggestion with
// the keyboard (ArrowDown, Enter) and saves the skill.
func addSkillWithAutocomplete(b *tab, typed, want string) {
	b.t.Helper()
	b.expectPage("skills page", b.open("/profile/skills"), 200, "/profile/skills")
	b.audit("skills page")
	b.fill("#f-skill", typed)
	waitFor(b, `document.querySelectorAll("#f-skill-listbox [role=option]").length > 0`, "autocomplete options")
	b.audit("skills page with the autocomplete open")
	b.do("pick the first option", chromedp.KeyEvent(kb.ArrowDown), chromedp.Func(pressEnter))
	if uri := eval[string](b, `document.querySelector("input[name=skill_uri]").value`); !strings.HasPrefix(uri, "http://data.europa.eu/esco/skill/") {
		b.t.Fatalf("choosing a suggestion did not set the skill URI: %q", uri)
	}
	b.choose("#f-level", "3")
	b.expectPage("add skill", b.submit(`form[action="/profile/skills"] button[type=submit]`), 200, "/profile/skills")
	if got := b.text(".skill-edit-list"); !strings.Contains(got, want) {
		b.t.Fatalf("the skill list does not show %q:\n%s", want, got)
	}
}

// addSkillByText submits an exact label without using the suggestions, as
// a browser without JavaScript would.
func addSkillByText(b *tab, label string) {
	b.t.Helper()
	b.fill("#f-skill", label)
	b.expectPage("add typed skill", b.submit(`form[action="/profile/skills"] button[type=submit]`), 200, "/profile/skills")
	if got := b.text(".skill-edit-list"); !strings.Contains(got, label) {
		b.t.Fatalf("typed skill %q not added:\n%s", label, got)
	}
}

func refuseUnknownSkill(b *tab) {
	b.t.Helper()
	b.fill("#f-skill", "qwxzv plorb")
	if st := b.submit(`form[action="/profile/skills"] button[type=submit]`); st != 422 {
		b.t.Fatalf("an unknown skill gave %d, want 422", st)
	}
	if got := b.value("#f-skill"); got != "qwxzv plorb" {
		b.t.Fatalf("the typed skill was not kept: %q", got)
	}
	b.audit("skills page with an unknown skill")
}

func createOrganisation(b *tab) string {
	b.t.Helper()
	b.expectPage("new organisation", b.open("/organisations/new"), 200, "/organisations/new")
	b.audit("new organisation form")
	b.fill("#f-name", "Cooperativa Sociale Ponte Lombardo")
	b.choose("#f-type", "social_enterprise")
	b.choose("#f-country", "IT")
	b.fill("#f-region", "ITC4C")
	b.submit(`form[action="/organisations"] button[type=submit]`)
	p := b.path()
	if !strings.HasPrefix(p, "/organisations/") || strings.HasSuffix(p, "/new") {
		b.t.Fatalf("after creating an organisation the browser is at %s", p)
	}
	b.audit("organisation page")
	return strings.TrimSuffix(p, "/edit")
}

func joinOrganisation(t *testing.T, base string, m member, orgPath string) {
	t.Helper()
	b := newTab(t, base)
	b.expectPage("sign in", b.logIn(m.Email, m.Password), 200, "/")
	b.expectPage("organisation", b.open(orgPath), 200, orgPath)
	b.submit(`form[action="` + orgPath + `/join"] button[type=submit]`)
	b.audit("organisation page after asking to join")
}

func acceptJoin(b *tab, orgPath, name string) {
	b.t.Helper()
	b.expectPage("members", b.open(orgPath+"/members"), 200, orgPath+"/members")
	b.audit("members page with a request")
	b.submit(`form[action$="/accept"] button[type=submit]`)
	if got := b.text("main"); !strings.Contains(got, name) {
		b.t.Fatalf("after accepting, the members page does not list %s", name)
	}
}

func findInDirectory(b *tab, name string) {
	b.t.Helper()
	b.expectPage("directory", b.open("/people?skill_q=perform+project+management&region=ITC"), 200, "/people")
	b.audit("people directory filtered by skill and region")
	if got := b.text("main"); !strings.Contains(got, name) {
		b.t.Fatalf("the directory does not find %s by skill and region", name)
	}
	b.expectPage("directory elsewhere", b.open("/people?skill_q=perform+project+management&region=HR"), 200, "/people")
	if got := b.text("main"); strings.Contains(got, name) {
		b.t.Fatalf("the directory finds %s in Croatia", name)
	}
	b.expectPage("organisations", b.open("/organisations?region=ITC4"), 200, "/organisations")
	b.audit("organisation directory")
	if got := b.text("main"); !strings.Contains(got, "Ponte Lombardo") {
		b.t.Fatalf("the organisation directory does not list the new organisation")
	}
}

// pressEnter sends Enter as key-down and key-up only. chromedp's KeyEvent
// also sends a "char" event, which submits the form even when the page's
// keydown handler prevented it; a person's Enter does not.
func pressEnter(ctx context.Context, t *chromedp.Target) error {
	for _, typ := range []input.DispatchKeyEventType{input.DispatchKeyEventTypeRawKeyDown, input.DispatchKeyEventTypeKeyUp} {
		if _, err := cdp.Call(ctx, t, input.DispatchKeyEvent, input.DispatchKeyEventParams{Type: typ,
			Key: "Enter", Code: "Enter", WindowsVirtualKeyCode: 13}); err != nil {
			return err
		}
	}
	return nil
}

// waitFor polls a JavaScript condition until it holds or 10 s pass.
func waitFor(b *tab, cond, what string) {
	b.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !eval[bool](b, cond) {
		if time.Now().After(deadline) {
			b.t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// tour visits the main pages in English and Italian for screenshots,
// switching language with the header's switcher as a member would.
func tour(b *tab, orgPath string) {
	b.t.Helper()
	pages := map[string]string{"profile": "/profile", "profile-edit": "/profile/edit",
		"skills": "/profile/skills", "organisation": orgPath, "people": "/people?region=IT",
		"organisations": "/organisations", "skill": "/skills?q=project+management",
		"assessment": "/profile/assessment", "innovation": "/skills/innovation"}
	for _, lang := range []string{"en", "it"} {
		b.submit(`.lang-switch button[value="` + lang + `"]`)
		for name, p := range pages {
			b.open(p)
			b.shot(name + "-" + lang)
		}
	}
}

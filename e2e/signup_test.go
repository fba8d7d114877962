package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/ponte-platform/ponte/internal/sqlstore/sqltest"
)

// TestSignupVerifyLoginGreekLogout walks a newcomer's first visit on each
// database: home, sign-up with validation errors, the verification mail,
// sign-in, the account page, switching to Greek and signing out, with an
// accessibility audit on every page and a keyboard check of the skip link.
func TestSignupVerifyLoginGreekLogout(t *testing.T) {
	t.Parallel()
	for _, backend := range sqltest.Backends(t) {
		t.Run(backend, func(t *testing.T) {
			t.Parallel()
			requireChromium(t)
			sink := startMailSink(t)
			srv := startServer(t, sqltest.URL(t, backend), sink.URL())
			b := newTab(t, srv.URL)
			en, el := catalogue(t, "en"), catalogue(t, "el")
			ada := member{Name: "Ada Lovelace", Email: "ada@example.org", Password: "analytical engine 1843"}

			visitHome(b, en)
			checkSkipLink(b)
			checkSignupErrors(b, en, ada)
			signUp(b, ada)
			verifyEmail(b, sink, en, ada)
			logInAndSeeAccount(b, ada)
			switchToGreek(b, en, el)
			signOutInGreek(b, el)
		})
	}
}

// visitHome opens the home page as a visitor, in English.
func visitHome(b *tab, en map[string]string) {
	b.t.Helper()
	b.expectPage("home page", b.open("/"), 200, "/")
	if lang := b.attr("html", "lang"); lang != "en" {
		b.t.Errorf(`home page: <html lang=%q>, want "en"`, lang)
	}
	if got, want := b.text(signInLink), msg(b.t, en, "nav.sign_in"); got != want {
		b.t.Errorf("home page: sign-in link %q, want %q", got, want)
	}
	b.audit("home page")
}

// focusInfo describes the focused element.
type focusInfo struct {
	Tag    string `json:"tag"`
	Class  string `json:"class"`
	Href   string `json:"href"`
	InView bool   `json:"inView"`
}

// checkSkipLink presses Tab at the top of the home page: the first stop must
// be a visible skip link to #main, and following it must move focus there.
func checkSkipLink(b *tab) {
	b.t.Helper()
	b.expectPage("home page", b.open("/"), 200, "/")
	b.do("press Tab", chromedp.KeyEvent(kb.Tab))
	f := eval[focusInfo](b, `(() => { const e = document.activeElement, r = e.getBoundingClientRect();
		return {tag: e.tagName, class: e.className, href: e.getAttribute("href") || "",
			inView: r.width > 0 && r.height > 0 && r.top >= 0 && r.bottom <= innerHeight}; })()`)
	if f.Tag != "A" || !strings.Contains(" "+f.Class+" ", " skip-link ") {
		b.t.Fatalf("first Tab stop is <%s class=%q href=%q>, want the skip link", strings.ToLower(f.Tag), f.Class, f.Href)
	}
	if f.Href != "#main" || !b.has("main#main") {
		b.t.Errorf("skip link targets %q, want #main (the <main> element)", f.Href)
	}
	if !f.InView {
		b.t.Errorf("the focused skip link is not visible in the viewport")
	}
	b.do("press Enter on the skip link", chromedp.KeyEvent(kb.Enter))
	run(b, "focus moves to <main>", chromedp.Poll[bool](`document.activeElement?.id === "main"`,
		chromedp.WithPollingTimeout(5*time.Second)))
}

// checkSignupErrors submits the sign-up form empty, then with a short
// password: each time the page comes back with 422, errors beside the
// fields, and what was typed still there (but never the password).
func checkSignupErrors(b *tab, en map[string]string, m member) {
	b.t.Helper()
	b.expectPage("sign-up page", b.open("/signup"), 200, "/signup")
	b.audit("sign-up page")

	b.expectPage("empty sign-up form", b.submit(signupSubmit), 422, "/signup")
	if !b.has(".error-summary") {
		b.t.Errorf("empty sign-up form: no error summary")
	}
	b.expectFieldError("display_name", msg(b.t, en, "error.required"))
	b.expectFieldError("email", msg(b.t, en, "error.required"))
	b.expectFieldError("password", msg(b.t, en, "error.required"))
	b.expectFieldError("accept_terms", msg(b.t, en, "error.accept_terms"))

	b.fill("#f-display_name", m.Name)
	b.fill("#f-email", m.Email)
	b.fill("#f-password", "short")
	b.expectPage("sign-up with a short password", b.submit(signupSubmit), 422, "/signup")
	if got := b.value("#f-display_name"); got != m.Name {
		b.t.Errorf("after a failed sign-up the name field holds %q, want %q", got, m.Name)
	}
	if got := b.value("#f-email"); got != m.Email {
		b.t.Errorf("after a failed sign-up the e-mail field holds %q, want %q", got, m.Email)
	}
	if got := b.value("#f-password"); got != "" {
		b.t.Errorf("after a failed sign-up the password was sent back to the browser (%q)", got)
	}
	b.expectFieldError("password", msg(b.t, en, "error.password_short"))
	if b.has("#f-display_name-error") || b.has("#f-email-error") {
		b.t.Errorf("valid name and e-mail are marked as errors")
	}
	b.audit("sign-up page with errors")
}

// signUp completes the sign-up form already holding name and e-mail.
func signUp(b *tab, m member) {
	b.t.Helper()
	b.fillSignup(m)
	b.expectPage("sign-up", b.submit(signupSubmit), 200, "/signup/done")
	b.audit("sign-up done page")
}

// verifyEmail follows the link of the verification mail.
func verifyEmail(b *tab, sink *mailSink, en map[string]string, m member) {
	b.t.Helper()
	mail := sink.waitFor(b.t, m.Email)
	link := mail.link(b.t)
	if !strings.HasPrefix(link, b.base+"/verify?token=") {
		b.t.Fatalf("verification link %q does not point at %s/verify?token=…", link, b.base)
	}
	if !hasLine(mail.Body, link) {
		b.t.Errorf("verification mail: the link is not on a line of its own:\n%s", mail.Body)
	}
	b.expectPage("verification link", b.open(link), 200, "/verify")
	if got, want := b.text("h1"), msg(b.t, en, "verify.ok_title"); got != want {
		b.t.Errorf("verification page says %q, want %q", got, want)
	}
	b.audit("verification page")
}

// hasLine reports whether text has a line that is exactly line.
func hasLine(text, line string) bool {
	for l := range strings.Lines(text) {
		if strings.TrimSpace(l) == line {
			return true
		}
	}
	return false
}

// logInAndSeeAccount signs in and checks the account page shows the member.
func logInAndSeeAccount(b *tab, m member) {
	b.t.Helper()
	b.expectPage("sign-in page", b.open("/login"), 200, "/login")
	b.audit("sign-in page")
	b.expectPage("sign in", b.logIn(m.Email, m.Password), 200, "/")
	if !b.signedIn() {
		b.t.Fatalf("after signing in the header offers no sign-out")
	}
	b.expectPage("account page", b.open("/account"), 200, "/account")
	if got := b.text(".whoami"); !strings.Contains(got, m.Name) {
		b.t.Errorf("header says %q, want the name %q", got, m.Name)
	}
	if got := b.text("main .lead"); !strings.Contains(got, m.Email) {
		b.t.Errorf("account page says %q, want the address %q", got, m.Email)
	}
	if got := b.value("#f-display_name"); got != m.Name {
		b.t.Errorf("account settings show the name %q, want %q", got, m.Name)
	}
	b.audit("account page")
}

// switchToGreek uses the header's language switcher on the account page.
func switchToGreek(b *tab, en, el map[string]string) {
	b.t.Helper()
	const greek = `form[action="/language"] button[name=lang][value=el]`
	if got := b.text(greek); got != "Ελληνικά" {
		b.t.Errorf("the switcher's Greek button says %q, want %q", got, "Ελληνικά")
	}
	b.expectPage("switch to Greek", b.submit(greek), 200, "/account")
	if lang := b.attr("html", "lang"); lang != "el" {
		b.t.Errorf(`after switching to Greek: <html lang=%q>, want "el"`, lang)
	}
	if p := b.attr(greek, "aria-pressed"); p != "true" {
		b.t.Errorf(`after switching to Greek the Greek button has aria-pressed=%q, want "true"`, p)
	}
	want := msg(b.t, el, "nav.sign_out")
	if got := b.text(signOutButton); got != want {
		b.t.Errorf("sign-out button in Greek says %q, want %q (el.json nav.sign_out)", got, want)
	}
	if !isGreek(want) {
		b.t.Errorf("internal/i18n/locales/el.json: nav.sign_out is %q (en.json: %q), not Greek: "+
			"a Greek page shows English text", want, en["nav.sign_out"])
	}
	b.audit("account page in Greek")
}

// signOutInGreek signs out and checks the home page offers sign-in again,
// still in the chosen language.
func signOutInGreek(b *tab, el map[string]string) {
	b.t.Helper()
	b.expectPage("sign out", b.submit(signOutButton), 200, "/")
	if b.signedIn() {
		b.t.Fatalf("after signing out the header still offers to sign out")
	}
	if got, want := b.text(signInLink), msg(b.t, el, "nav.sign_in"); got != want {
		b.t.Errorf("after signing out the sign-in link says %q, want %q", got, want)
	}
	if lang := b.attr("html", "lang"); lang != "el" {
		b.t.Errorf(`after signing out: <html lang=%q>, want "el" (the choice is remembered)`, lang)
	}
	b.audit("home page in Greek, signed out")
	b.open("/account")
	if b.path() == "/account" && b.signedIn() {
		b.t.Errorf("after signing out /account still shows the account")
	}
}

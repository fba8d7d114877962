package e2e

import (
	"strings"
	"testing"

	"github.com/ponte-platform/ponte/internal/sqlstore"
	"github.com/ponte-platform/ponte/internal/sqlstore/sqltest"
)

// TestPasswordReset resets the password of a member created on the command
// line: the mailed link sets a new password once, the new password signs in,
// the old one no longer does, and the used link is refused.
func TestPasswordReset(t *testing.T) {
	t.Parallel()
	requireChromium(t)
	db := sqltest.URL(t, sqlstore.SQLite)
	m := member{Name: "Hedy Lamarr", Email: "hedy@example.org", Password: "frequency hopping"}
	if out := runCLI(t, db, "user", "create", "--email", m.Email, "--password", m.Password, "--name", m.Name); !strings.Contains(out, m.Email) {
		t.Fatalf("ponte user create printed %q, want the new user's address", out)
	}
	sink := startMailSink(t)
	srv := startServer(t, db, sink.URL())
	b := newTab(t, srv.URL)
	en := catalogue(t, "en")

	link := requestReset(b, sink, en, m.Email)
	newPassword := "spread spectrum 1942"
	setNewPassword(b, en, link, newPassword)

	b.expectPage("sign out", b.submit(signOutButton), 200, "/")
	b.expectPage("sign in with the old password", b.logIn(m.Email, m.Password), 401, "/login")
	if b.signedIn() {
		t.Fatalf("the old password still signs in after a reset")
	}
	b.expectPage("sign in with the new password", b.logIn(m.Email, newPassword), 200, "/")
	if !b.signedIn() {
		t.Fatalf("the new password does not sign in")
	}
	checkUsedLink(b, en, link)
}

// requestReset asks for a reset link for email and returns the mailed link.
func requestReset(b *tab, sink *mailSink, en map[string]string, email string) string {
	b.t.Helper()
	b.expectPage("forgotten password page", b.open("/password/forgot"), 200, "/password/forgot")
	b.audit("forgotten password page")
	b.fill("#f-email", email)
	b.expectPage("reset request", b.submit(`form[action="/password/forgot"] button[type=submit]`), 200, "/login")
	if got, want := b.text(".flash"), msg(b.t, en, "flash.reset_sent"); got != want {
		b.t.Errorf("after asking for a reset the page says %q, want %q", got, want)
	}
	link := sink.waitFor(b.t, email).link(b.t)
	if !strings.HasPrefix(link, b.base+"/password/reset?token=") {
		b.t.Fatalf("reset link %q does not point at %s/password/reset?token=…", link, b.base)
	}
	return link
}

// setNewPassword follows the reset link and chooses a new password, which
// signs the member in.
func setNewPassword(b *tab, en map[string]string, link, password string) {
	b.t.Helper()
	b.expectPage("reset link", b.open(link), 200, "/password/reset")
	b.audit("reset page")
	b.fill("#f-password", password)
	b.fill("#f-password_confirm", password)
	b.expectPage("new password", b.submit(`form[action="/password/reset"] button[type=submit]`), 200, "/account")
	if got, want := b.text(".flash"), msg(b.t, en, "flash.password_reset"); got != want {
		b.t.Errorf("after the reset the page says %q, want %q", got, want)
	}
}

// checkUsedLink opens the used link again: the page must say at once that
// the link is invalid, and a password sent with it must be refused.
func checkUsedLink(b *tab, en map[string]string, link string) {
	b.t.Helper()
	invalid := msg(b.t, en, "error.link_invalid")
	b.open(link)
	if got := b.text("main"); !strings.Contains(got, invalid) {
		b.t.Errorf("opening a used reset link shows the form without saying %q; the visitor learns it only "+
			"after typing a new password twice. Page:\n%s", invalid, got)
	}
	if !b.has(`form[action="/password/reset"]`) {
		return // the page offers no form for a dead link: nothing more to try
	}
	b.fill("#f-password", "another password 99")
	b.fill("#f-password_confirm", "another password 99")
	b.expectPage("reset with a used link", b.submit(`form[action="/password/reset"] button[type=submit]`), 422, "/password/reset")
	if got := b.text("main"); !strings.Contains(got, invalid) {
		b.t.Errorf("a password sent with a used reset link: page does not say %q:\n%s", invalid, got)
	}
}

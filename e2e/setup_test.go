package e2e

import (
	"strings"
	"testing"

	"github.com/ponte-platform/ponte/internal/sqlstore"
	"github.com/ponte-platform/ponte/internal/sqlstore/sqltest"
)

// TestFirstAdminSetup starts a fresh instance without mail (the outbox keeps
// messages), creates the first administrator through /setup and audits the
// administration pages, with a second member so the lists have rows.
func TestFirstAdminSetup(t *testing.T) {
	t.Parallel()
	requireChromium(t)
	srv := startServer(t, sqltest.URL(t, sqlstore.SQLite), "")
	if !strings.Contains(srv.stdout.String(), srv.URL+"/setup") {
		t.Errorf("start-up message does not point at %s/setup:\n%s", srv.URL, srv.stdout.String())
	}
	en := catalogue(t, "en")
	admin := newTab(t, srv.URL)
	root := member{Name: "Grace Hopper", Email: "grace@example.org", Password: "compiler since 1952"}

	completeSetup(admin, en, root)
	signUpElsewhere(t, srv.URL, member{Name: "Alan Turing", Email: "alan@example.org", Password: "on computable numbers"})

	admin.expectPage("user list", admin.open("/admin/users"), 200, "/admin/users")
	if got := admin.text("table"); !strings.Contains(got, "alan@example.org") {
		t.Errorf("the user list does not show the new member:\n%s", got)
	}
	admin.audit("user administration with two users")
	admin.expectPage("outbox", admin.open("/admin/outbox"), 200, "/admin/outbox")
	if got := admin.text(".mail-list"); !strings.Contains(got, "alan@example.org") {
		t.Errorf("the outbox does not show the verification mail to the new member:\n%s", got)
	}
	admin.audit("mail outbox")

	if status := admin.open("/setup"); status != 404 {
		t.Errorf("/setup answers %d once an administrator exists, want 404", status)
	}
	admin.open("/")
	if admin.has(`a[href="/setup"]`) {
		t.Errorf("the home page still offers setup once an administrator exists")
	}
}

// completeSetup follows the home page's setup offer and creates the first
// administrator, who lands on the user list.
func completeSetup(b *tab, en map[string]string, root member) {
	b.t.Helper()
	b.expectPage("home page", b.open("/"), 200, "/")
	if got, want := b.text(".notice-setup h2"), msg(b.t, en, "home.setup_heading"); got != want {
		b.t.Fatalf("a fresh instance's home page does not offer setup: heading %q, want %q", got, want)
	}
	b.audit("home page offering setup")
	b.expectPage("setup page", b.submit(`.notice-setup a[href="/setup"]`), 200, "/setup")
	b.audit("setup page")
	b.fill("#f-display_name", root.Name)
	b.fill("#f-email", root.Email)
	b.fill("#f-password", root.Password)
	b.expectPage("setup", b.submit(`form[action="/setup"] button[type=submit]`), 200, "/admin/users")
	if got, want := b.text(".flash"), msg(b.t, en, "flash.admin_created"); got != want {
		b.t.Errorf("after setup the page says %q, want %q", got, want)
	}
	if got := b.text(".whoami"); !strings.Contains(got, root.Name) {
		b.t.Errorf("after setup the header says %q, want the administrator %q signed in", got, root.Name)
	}
	b.audit("user administration after setup")
}

// signUpElsewhere signs a member up from another browser context.
func signUpElsewhere(t *testing.T, base string, m member) {
	t.Helper()
	b := newTab(t, base)
	b.expectPage("sign-up page", b.open("/signup"), 200, "/signup")
	b.fillSignup(m)
	b.expectPage("sign-up", b.submit(signupSubmit), 200, "/signup/done")
}

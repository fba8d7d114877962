package e2e

import (
	"slices"
	"strings"

	"github.com/chromedp/chromedp"
)

// Selectors shared by the flows.
const (
	signupSubmit  = `form[action="/signup"] button[type=submit]`
	loginSubmit   = `form[action="/login"] button[type=submit]`
	signOutButton = `form[action="/logout"] button`
	signInLink    = `.session a[href="/login"]`
)

// member is a person the tests sign up or create.
type member struct {
	Name, Email, Password string
}

// fillSignup types a complete sign-up form, terms accepted.
func (b *tab) fillSignup(m member) {
	b.t.Helper()
	b.fill("#f-display_name", m.Name)
	b.fill("#f-email", m.Email)
	b.fill("#f-password", m.Password)
	b.check("#f-accept_terms")
}

// check ticks a checkbox by clicking it, as a person would.
func (b *tab) check(sel string) {
	b.t.Helper()
	b.do("tick "+sel, chromedp.Click(chromedp.CSS(sel)))
	if !eval[bool](b, `document.querySelector(`+jsString(sel)+`).checked`) {
		b.t.Fatalf("%s is not ticked after a click", sel)
	}
}

// logIn submits the sign-in form and returns the status of the page that
// follows.
func (b *tab) logIn(email, password string) int64 {
	b.t.Helper()
	b.expectPage("sign-in page", b.open("/login"), 200, "/login")
	b.fill("#f-email", email)
	b.fill("#f-password", password)
	return b.submit(loginSubmit)
}

// signedIn reports whether the header offers signing out.
func (b *tab) signedIn() bool {
	b.t.Helper()
	return b.has(signOutButton)
}

// expectFieldError checks that the input f-<field> carries an error message
// beside it (in the same field container), marked for assistive technology
// (aria-invalid, aria-describedby). want is the expected text.
func (b *tab) expectFieldError(field, want string) {
	b.t.Helper()
	id, errID := "f-"+field, "f-"+field+"-error"
	if got := b.text("#" + errID); got != want {
		b.t.Errorf("field %s: error message %q, want %q", field, got, want)
		return
	}
	beside := eval[bool](b, `(() => { const e = document.getElementById(`+jsString(errID)+`);
		return !!e && !!e.closest(".field") && e.closest(".field").contains(document.getElementById(`+jsString(id)+`)); })()`)
	if !beside {
		b.t.Errorf("field %s: the error message is not beside the input", field)
	}
	if v := b.attr("#"+id, "aria-invalid"); v != "true" {
		b.t.Errorf("field %s: aria-invalid=%q, want \"true\"", field, v)
	}
	if d := b.attr("#"+id, "aria-describedby"); !slices.Contains(strings.Fields(d), errID) {
		b.t.Errorf("field %s: aria-describedby=%q does not name %s", field, d, errID)
	}
}

package service_test

import (
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/i18n"
	"github.com/ponte-platform/ponte/internal/service"
	"github.com/ponte-platform/ponte/internal/sqlstore/sqltest"
)

// env is a service on a fresh database with a controllable clock.
type env struct {
	svc   *service.Service
	store ponte.Store
	now   time.Time
}

func newEnv(t *testing.T, backend string) *env {
	t.Helper()
	cat, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	st := sqltest.Open(t, backend)
	e := &env{store: st, now: time.Date(2026, 5, 9, 10, 0, 0, 0, time.UTC)}
	e.svc = service.New(st, service.Config{BaseURL: "http://ponte.test",
		PasswordCost: service.TestPasswordParams}, cat, nil, nil)
	e.svc.SetClock(func() time.Time { return e.now })
	return e
}

// each runs fn as a subtest on every configured backend.
func each(t *testing.T, fn func(t *testing.T, e *env)) {
	for _, b := range sqltest.Backends(t) {
		t.Run(b, func(t *testing.T) {
			t.Parallel()
			fn(t, newEnv(t, b))
		})
	}
}

var linkRE = regexp.MustCompile(`https?://\S+`)

// lastLink returns the token in the newest outbox message to addr.
func (e *env) lastToken(t *testing.T, addr string) string {
	t.Helper()
	mail, err := e.store.ListMail(context.Background(), ponte.MailFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range mail {
		if m.To == addr {
			link := linkRE.FindString(m.Text)
			_, tok, ok := strings.Cut(link, "token=")
			if !ok {
				t.Fatalf("no token link in %q", m.Text)
			}
			return tok
		}
	}
	t.Fatalf("no mail to %s", addr)
	return ""
}

func wantCode(t *testing.T, err error, code string) {
	t.Helper()
	if got := ponte.ErrorCode(err); got != code {
		t.Fatalf("error = %v (code %q), want code %q", err, got, code)
	}
}

func wantField(t *testing.T, err error, field, key string) {
	t.Helper()
	e := ponte.AsError(err)
	if e == nil || e.Fields[field] != key {
		t.Fatalf("error = %v, want field %s = %s", err, field, key)
	}
}

func (e *env) signUp(t *testing.T, email string) *ponte.User {
	t.Helper()
	u, err := e.svc.SignUp(context.Background(), service.SignUpInput{Email: email,
		DisplayName: "Test " + email, Password: "correct horse battery", Lang: "it", AcceptTerms: true})
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// member signs up and verifies a member.
func (e *env) member(t *testing.T, email string) *ponte.User {
	t.Helper()
	e.signUp(t, email)
	u, err := e.svc.VerifyEmail(context.Background(), e.lastToken(t, email))
	if err != nil {
		t.Fatal(err)
	}
	return u
}

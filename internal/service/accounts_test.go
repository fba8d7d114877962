package service_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/service"
)

func TestSignUpVerifyAuthenticate(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		u := e.signUp(t, "  Giulia.Rossi@Example.IT ")
		if u.Email != "giulia.rossi@example.it" || u.Role != ponte.RoleMember || u.EmailVerified != nil {
			t.Fatalf("new user = %+v", u)
		}
		_, err := e.svc.Authenticate(ctx, "giulia.rossi@example.it", "correct horse battery")
		wantCode(t, err, ponte.EUnverified)
		mail, _ := e.store.ListMail(ctx, ponte.MailFilter{})
		if len(mail) != 1 || !strings.Contains(mail[0].Subject, "Ponte") || mail[0].Subject == "mail.verify.subject" {
			t.Fatalf("verification mail = %+v", mail)
		}
		if _, err := e.svc.VerifyEmail(ctx, e.lastToken(t, u.Email)); err != nil {
			t.Fatal(err)
		}
		got, err := e.svc.Authenticate(ctx, "GIULIA.ROSSI@example.it", "correct horse battery")
		if err != nil || got.ID != u.ID {
			t.Fatalf("Authenticate = %v, %v", got, err)
		}
		_, err = e.svc.Authenticate(ctx, u.Email, "wrong password!")
		wantCode(t, err, ponte.EUnauthorized)
		_, err = e.svc.Authenticate(ctx, "nobody@example.it", "correct horse battery")
		wantCode(t, err, ponte.EUnauthorized)
	})
}

func TestSignUpValidation(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		_, err := e.svc.SignUp(ctx, service.SignUpInput{Email: "not-an-address", Password: "short"})
		for field, key := range map[string]string{"email": "error.email_invalid",
			"display_name": "error.required", "password": "error.password_short",
			"accept_terms": "error.accept_terms"} {
			wantField(t, err, field, key)
		}
		e.signUp(t, "dup@example.org")
		_, err = e.svc.SignUp(ctx, service.SignUpInput{Email: "DUP@example.org", DisplayName: "Two",
			Password: "long enough password", AcceptTerms: true})
		wantField(t, err, "email", "error.email_taken")
		if n, _ := e.store.CountUsers(ctx); n != 1 {
			t.Fatalf("%d users after failed sign-ups, want 1", n)
		}
	})
}

func TestVerificationLinkExpiresAndIsSingleUse(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		e.signUp(t, "late@example.org")
		tok := e.lastToken(t, "late@example.org")
		e.now = e.now.Add(49 * time.Hour)
		_, err := e.svc.VerifyEmail(ctx, tok)
		wantCode(t, err, ponte.EInvalid)
		if err := e.svc.ResendVerification(ctx, "late@example.org"); err != nil {
			t.Fatal(err)
		}
		tok = e.lastToken(t, "late@example.org")
		if _, err := e.svc.VerifyEmail(ctx, tok); err != nil {
			t.Fatal(err)
		}
		_, err = e.svc.VerifyEmail(ctx, tok)
		wantCode(t, err, ponte.EInvalid)
	})
}

func TestPasswordReset(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		u := e.member(t, "reset@example.org")
		secret, _ := e.svc.StartSession(ctx, u)
		if err := e.svc.RequestPasswordReset(ctx, "nobody@example.org"); err != nil {
			t.Fatalf("unknown address must not be an error: %v", err)
		}
		if err := e.svc.RequestPasswordReset(ctx, "reset@example.org"); err != nil {
			t.Fatal(err)
		}
		tok := e.lastToken(t, "reset@example.org")
		_, err := e.svc.ResetPassword(ctx, tok, "short")
		wantField(t, err, "password", "error.password_short")
		if _, err := e.svc.ResetPassword(ctx, tok, "a brand new passphrase"); err != nil {
			t.Fatal(err)
		}
		_, err = e.svc.ResetPassword(ctx, tok, "another new passphrase")
		wantCode(t, err, ponte.EInvalid) // single use
		if _, err := e.svc.Authenticate(ctx, u.Email, "a brand new passphrase"); err != nil {
			t.Fatalf("new password refused: %v", err)
		}
		_, err = e.svc.SessionUser(ctx, secret)
		wantCode(t, err, ponte.EUnauthorized) // old sessions ended
	})
}

func TestResetLinkExpires(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		e.member(t, "slow@example.org")
		e.svc.RequestPasswordReset(ctx, "slow@example.org")
		tok := e.lastToken(t, "slow@example.org")
		e.now = e.now.Add(61 * time.Minute)
		_, err := e.svc.ResetPassword(ctx, tok, "a brand new passphrase")
		wantCode(t, err, ponte.EInvalid)
	})
}

func TestSessions(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		u := e.member(t, "sess@example.org")
		secret, err := e.svc.StartSession(ctx, u)
		if err != nil {
			t.Fatal(err)
		}
		got, err := e.svc.SessionUser(ctx, secret)
		if err != nil || got.ID != u.ID {
			t.Fatalf("SessionUser = %v, %v", got, err)
		}
		e.svc.EndSession(ctx, secret)
		_, err = e.svc.SessionUser(ctx, secret)
		wantCode(t, err, ponte.EUnauthorized)
		secret, _ = e.svc.StartSession(ctx, u)
		e.now = e.now.Add(31 * 24 * time.Hour)
		_, err = e.svc.SessionUser(ctx, secret)
		wantCode(t, err, ponte.EUnauthorized)
	})
}

func TestChangePasswordAndSettings(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		u := e.member(t, "me@example.org")
		err := e.svc.ChangePassword(ctx, u, "wrong", "new passphrase here")
		wantField(t, err, "current_password", "error.password_wrong")
		if err := e.svc.ChangePassword(ctx, u, "correct horse battery", "new passphrase here"); err != nil {
			t.Fatal(err)
		}
		u, _ = e.svc.Authenticate(ctx, u.Email, "new passphrase here")
		if u == nil {
			t.Fatal("new password refused")
		}
		_, err = e.svc.UpdateSettings(ctx, u, service.SettingsInput{DisplayName: " ", Lang: "xx"})
		wantField(t, err, "display_name", "error.required")
		wantField(t, err, "lang", "error.choose_option")
		nu, err := e.svc.UpdateSettings(ctx, u, service.SettingsInput{DisplayName: "Νίκος", Lang: "el"})
		if err != nil || nu.Lang != "el" || nu.DisplayName != "Νίκος" {
			t.Fatalf("UpdateSettings = %+v, %v", nu, err)
		}
	})
}

func TestRateLimit(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		limit := service.DefaultRateLimits[service.ScopeReset].N
		for i := 0; i < limit; i++ {
			if err := e.svc.Allow(ctx, service.ScopeReset, "203.0.113.7"); err != nil {
				t.Fatalf("attempt %d refused: %v", i+1, err)
			}
		}
		wantCode(t, e.svc.Allow(ctx, service.ScopeReset, "203.0.113.7"), ponte.ERateLimited)
		if err := e.svc.Allow(ctx, service.ScopeReset, "203.0.113.8"); err != nil {
			t.Fatalf("another address must not be limited: %v", err)
		}
		e.now = e.now.Add(16 * time.Minute)
		if err := e.svc.Allow(ctx, service.ScopeReset, "203.0.113.7"); err != nil {
			t.Fatalf("a new window must allow again: %v", err)
		}
	})
}

package service_test

import (
	"context"
	"encoding/json"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/service"
)

func admin(t *testing.T, e *env) *ponte.User {
	t.Helper()
	u, err := e.svc.SetupAdmin(context.Background(), service.CreateUserInput{Email: "admin@example.org",
		DisplayName: "Admin", Password: "administrator password"})
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func TestSetupAdminOnlyOnce(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		if needs, _ := e.svc.NeedsSetup(ctx); !needs {
			t.Fatal("fresh platform must need setup")
		}
		var wg sync.WaitGroup
		var mu sync.Mutex
		ok := 0
		for i := range 4 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, err := e.svc.SetupAdmin(ctx, service.CreateUserInput{
					Email: "a" + string(rune('0'+i)) + "@example.org", Password: "administrator password"})
				if err == nil {
					mu.Lock()
					ok++
					mu.Unlock()
				} else if ponte.ErrorCode(err) != ponte.EForbidden {
					t.Errorf("unexpected error %v", err)
				}
			}()
		}
		wg.Wait()
		if ok != 1 {
			t.Fatalf("%d racing setups succeeded, want 1", ok)
		}
		if needs, _ := e.svc.NeedsSetup(ctx); needs {
			t.Fatal("setup still offered after an admin exists")
		}
	})
}

func TestAdminPermissions(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		a := admin(t, e)
		m := e.member(t, "member@example.org")
		other := e.member(t, "other@example.org")
		_, err := e.svc.ListUsers(ctx, m, ponte.UserFilter{})
		wantCode(t, err, ponte.EForbidden)
		wantCode(t, e.svc.SetRole(ctx, m, other.ID, ponte.RoleAdmin), ponte.EForbidden)
		wantCode(t, e.svc.SetActive(ctx, m, other.ID, false), ponte.EForbidden)
		_, err = e.svc.Outbox(ctx, m, 0)
		wantCode(t, err, ponte.EForbidden)
		_, err = e.svc.ListUsers(ctx, nil, ponte.UserFilter{})
		wantCode(t, err, ponte.EForbidden)

		wantCode(t, e.svc.SetRole(ctx, a, a.ID, ponte.RoleMember), ponte.EForbidden)
		wantCode(t, e.svc.SetRole(ctx, a, m.ID, "emperor"), ponte.EInvalid)
		if err := e.svc.SetRole(ctx, a, m.ID, ponte.RoleModerator); err != nil {
			t.Fatal(err)
		}
		secret, _ := e.svc.StartSession(ctx, other)
		if err := e.svc.SetActive(ctx, a, other.ID, false); err != nil {
			t.Fatal(err)
		}
		_, err = e.svc.SessionUser(ctx, secret)
		wantCode(t, err, ponte.EUnauthorized)
		_, err = e.svc.Authenticate(ctx, other.Email, "correct horse battery")
		wantCode(t, err, ponte.EForbidden)
		users, err := e.svc.ListUsers(ctx, a, ponte.UserFilter{Role: ponte.RoleModerator})
		if err != nil || len(users) != 1 || users[0].ID != m.ID {
			t.Fatalf("moderators = %v, %v", users, err)
		}
	})
}

func TestAPITokens(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		u := e.member(t, "tok@example.org")
		other := e.member(t, "tok2@example.org")
		_, _, err := e.svc.CreateAPIToken(ctx, u, "  ")
		wantField(t, err, "name", "error.required")
		secret, tok, err := e.svc.CreateAPIToken(ctx, u, "script")
		if err != nil || !strings.HasPrefix(secret, service.APITokenPrefix) || !strings.HasPrefix(secret, tok.Prefix) {
			t.Fatalf("CreateAPIToken = %q, %+v, %v", secret, tok, err)
		}
		got, err := e.svc.TokenUser(ctx, secret)
		if err != nil || got.ID != u.ID {
			t.Fatalf("TokenUser = %v, %v", got, err)
		}
		_, err = e.svc.TokenUser(ctx, secret+"x")
		wantCode(t, err, ponte.EUnauthorized)
		wantCode(t, e.svc.RevokeAPIToken(ctx, other, tok.ID), ponte.ENotFound)
		if err := e.svc.RevokeAPIToken(ctx, u, tok.ID); err != nil {
			t.Fatal(err)
		}
		_, err = e.svc.TokenUser(ctx, secret)
		wantCode(t, err, ponte.EUnauthorized)
	})
}

// TestAPITokenCache: a token's user is remembered by the node, but never
// past a change that concerns it: deactivation and role changes show at
// once on the node that made them and within a VersionRecheck on another;
// each caller gets its own copy of the user.
func TestAPITokenCache(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		a := admin(t, e)
		u := e.member(t, "cached@example.org")
		secret, _, err := e.svc.CreateAPIToken(ctx, u, "script")
		if err != nil {
			t.Fatal(err)
		}
		other := service.New(e.store, service.Config{PasswordCost: service.TestPasswordParams}, nil, nil, nil)
		other.SetClock(func() time.Time { return e.now })
		for _, node := range []*service.Service{e.svc, other} {
			got, err := node.TokenUser(ctx, secret)
			if err != nil || got.ID != u.ID {
				t.Fatalf("TokenUser = %v, %v", got, err)
			}
			got.Role, got.DisplayName = ponte.RoleAdmin, "changed by a caller"
		}
		if got, _ := e.svc.TokenUser(ctx, secret); got.Role != ponte.RoleMember || got.DisplayName == "changed by a caller" {
			t.Fatalf("a caller's change reached the cache: %+v", got)
		}
		if err := e.svc.SetRole(ctx, a, u.ID, ponte.RoleModerator); err != nil {
			t.Fatal(err)
		}
		if got, _ := e.svc.TokenUser(ctx, secret); got.Role != ponte.RoleModerator {
			t.Fatalf("role after SetRole = %s, want moderator at once", got.Role)
		}
		if err := e.svc.SetActive(ctx, a, u.ID, false); err != nil {
			t.Fatal(err)
		}
		_, err = e.svc.TokenUser(ctx, secret)
		wantCode(t, err, ponte.EUnauthorized)
		e.now = e.now.Add(service.VersionRecheck)
		_, err = other.TokenUser(ctx, secret)
		wantCode(t, err, ponte.EUnauthorized)
	})
}

func TestExportAndDeleteMyData(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		a := admin(t, e)
		u := e.member(t, "gdpr@example.org")
		e.svc.CreateAPIToken(ctx, u, "laptop")
		x, err := e.svc.ExportMyData(ctx, u)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(x)
		js := string(b)
		for _, want := range []string{`"email":"gdpr@example.org"`, `"name":"laptop"`, `"subject":`} {
			if !strings.Contains(js, want) {
				t.Fatalf("export lacks %s: %s", want, js)
			}
		}
		if strings.Contains(js, "$argon2id$") || strings.Contains(js, u.PasswordHash) {
			t.Fatal("export leaks the password hash")
		}
		wantField(t, e.svc.DeleteMyAccount(ctx, u, "wrong"), "password", "error.password_wrong")
		if err := e.svc.DeleteMyAccount(ctx, u, "correct horse battery"); err != nil {
			t.Fatal(err)
		}
		_, err = e.store.UserByEmail(ctx, "gdpr@example.org")
		wantCode(t, err, ponte.ENotFound)
		mail, _ := e.store.ListMail(ctx, ponte.MailFilter{})
		for _, m := range mail {
			if m.To == "gdpr@example.org" {
				t.Fatal("mail to a deleted account survived")
			}
		}
		err = e.svc.DeleteMyAccount(ctx, a, "administrator password")
		wantCode(t, err, ponte.EForbidden) // the last administrator
	})
}

func TestPasswordHashing(t *testing.T) {
	h, err := service.HashPassword("pässwörd ∑", service.DefaultPasswordParams)
	if err != nil || !strings.HasPrefix(h, "$argon2id$v=19$m=19456,t=2,p=1$") {
		t.Fatalf("hash = %q, %v", h, err)
	}
	if ok, err := service.CheckPassword("pässwörd ∑", h); !ok || err != nil {
		t.Fatalf("right password refused: %v", err)
	}
	if ok, _ := service.CheckPassword("pässwörd", h); ok {
		t.Fatal("wrong password accepted")
	}
	h2, _ := service.HashPassword("pässwörd ∑", service.DefaultPasswordParams)
	if h == h2 {
		t.Fatal("hashes must be salted")
	}
	for _, bad := range []string{"", "$argon2id$", "$bcrypt$v=19$m=1,t=1,p=1$AA$AA", "$argon2id$v=19$m=x$AA$AA"} {
		if ok, err := service.CheckPassword("x", bad); ok || err == nil {
			t.Fatalf("malformed hash %q accepted", bad)
		}
	}
}

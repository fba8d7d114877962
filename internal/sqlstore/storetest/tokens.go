package storetest

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/ponte-platform/ponte"
)

func init() {
	register(
		contract{"SessionLifecycle", testSessionLifecycle},
		contract{"SessionsGoWithUser", testSessionsGoWithUser},
		contract{"OneTimeTokenSingleUse", testOneTimeTokenSingleUse},
		contract{"OneTimeTokenConcurrentUse", testOneTimeTokenConcurrent},
		contract{"APITokens", testAPITokens},
	)
}

func testSessionLifecycle(t *testing.T, s ponte.Store) {
	ctx := context.Background()
	u := NewUser(t, s, "sess")
	ss := &ponte.Session{TokenHash: "h1", UserID: u.ID, CreatedAt: t0, ExpiresAt: t0.Add(time.Hour)}
	if err := s.CreateSession(ctx, ss); err != nil {
		t.Fatal(err)
	}
	got, err := s.SessionUser(ctx, "h1", t0.Add(time.Minute))
	if err != nil || got.ID != u.ID {
		t.Fatalf("SessionUser = %v, %v", got, err)
	}
	_, err = s.SessionUser(ctx, "h1", t0.Add(2*time.Hour))
	wantCode(t, err, ponte.ENotFound)
	n, err := s.DeleteExpiredSessions(ctx, t0.Add(2*time.Hour))
	if err != nil || n != 1 {
		t.Fatalf("DeleteExpiredSessions = %d, %v; want 1", n, err)
	}
	_, err = s.SessionUser(ctx, "h1", t0)
	wantCode(t, err, ponte.ENotFound)
}

func testSessionsGoWithUser(t *testing.T, s ponte.Store) {
	ctx := context.Background()
	u := NewUser(t, s, "gone")
	for _, h := range []string{"a", "b"} {
		if err := s.CreateSession(ctx, &ponte.Session{TokenHash: h, UserID: u.ID, CreatedAt: t0,
			ExpiresAt: t0.Add(time.Hour)}); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.DeleteUserSessions(ctx, u.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SessionUser(ctx, "a", t0); ponte.ErrorCode(err) != ponte.ENotFound {
		t.Fatalf("session survived DeleteUserSessions: %v", err)
	}
	s.CreateSession(ctx, &ponte.Session{TokenHash: "c", UserID: u.ID, CreatedAt: t0, ExpiresAt: t0.Add(time.Hour)})
	if err := s.DeleteUser(ctx, u.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SessionUser(ctx, "c", t0); ponte.ErrorCode(err) != ponte.ENotFound {
		t.Fatalf("session survived its user: %v", err)
	}
}

func testOneTimeTokenSingleUse(t *testing.T, s ponte.Store) {
	ctx := context.Background()
	u := NewUser(t, s, "ott")
	tok := &ponte.OneTimeToken{TokenHash: "v1", UserID: u.ID, Purpose: ponte.PurposeVerifyEmail,
		ExpiresAt: t0.Add(time.Hour)}
	if err := s.CreateOneTimeToken(ctx, tok); err != nil {
		t.Fatal(err)
	}
	_, err := s.UseOneTimeToken(ctx, "v1", ponte.PurposeResetPassword, t0)
	wantCode(t, err, ponte.ENotFound) // wrong purpose
	_, err = s.UseOneTimeToken(ctx, "v1", ponte.PurposeVerifyEmail, t0.Add(2*time.Hour))
	wantCode(t, err, ponte.ENotFound) // expired
	if uid, err := s.PeekOneTimeToken(ctx, "v1", ponte.PurposeVerifyEmail, t0); err != nil || uid != u.ID {
		t.Fatalf("PeekOneTimeToken = %d, %v", uid, err)
	}
	uid, err := s.UseOneTimeToken(ctx, "v1", ponte.PurposeVerifyEmail, t0)
	if err != nil || uid != u.ID {
		t.Fatalf("UseOneTimeToken = %d, %v", uid, err)
	}
	_, err = s.UseOneTimeToken(ctx, "v1", ponte.PurposeVerifyEmail, t0)
	wantCode(t, err, ponte.ENotFound) // used
	_, err = s.PeekOneTimeToken(ctx, "v1", ponte.PurposeVerifyEmail, t0)
	wantCode(t, err, ponte.ENotFound)
}

func testOneTimeTokenConcurrent(t *testing.T, s ponte.Store) {
	ctx := context.Background()
	u := NewUser(t, s, "race")
	s.CreateOneTimeToken(ctx, &ponte.OneTimeToken{TokenHash: "r", UserID: u.ID,
		Purpose: ponte.PurposeResetPassword, ExpiresAt: t0.Add(time.Hour)})
	var wg sync.WaitGroup
	var mu sync.Mutex
	wins := 0
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := s.UseOneTimeToken(ctx, "r", ponte.PurposeResetPassword, t0); err == nil {
				mu.Lock()
				wins++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if wins != 1 {
		t.Fatalf("%d concurrent uses succeeded, want exactly 1", wins)
	}
}

func testAPITokens(t *testing.T, s ponte.Store) {
	ctx := context.Background()
	u := NewUser(t, s, "api")
	other := NewUser(t, s, "other")
	tok := &ponte.APIToken{UserID: u.ID, Name: "laptop", TokenHash: "th", Prefix: "pt_ab", CreatedAt: t0}
	if err := s.CreateAPIToken(ctx, tok); err != nil {
		t.Fatal(err)
	}
	got, err := s.APITokenUser(ctx, "th", t0.Add(time.Hour))
	if err != nil || got.ID != u.ID {
		t.Fatalf("APITokenUser = %v, %v", got, err)
	}
	list, err := s.ListAPITokens(ctx, u.ID)
	if err != nil || len(list) != 1 || list[0].LastUsedAt == nil || list[0].Name != "laptop" {
		t.Fatalf("ListAPITokens = %+v, %v", list, err)
	}
	wantCode(t, s.DeleteAPIToken(ctx, other.ID, tok.ID), ponte.ENotFound) // not theirs
	if err := s.DeleteAPIToken(ctx, u.ID, tok.ID); err != nil {
		t.Fatal(err)
	}
	_, err = s.APITokenUser(ctx, "th", t0)
	wantCode(t, err, ponte.ENotFound)
}

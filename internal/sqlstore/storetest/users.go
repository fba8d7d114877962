package storetest

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/ponte-platform/ponte"
)

func init() {
	register(
		contract{"UserRoundTrip", testUserRoundTrip},
		contract{"UserEmailUnique", testUserEmailUnique},
		contract{"UserNotFound", testUserNotFound},
		contract{"UserUpdateDelete", testUserUpdateDelete},
		contract{"ListUsersKeyset", testListUsersKeyset},
		contract{"ListUsersQuery", testListUsersQuery},
		contract{"TxRollback", testTxRollback},
	)
}

var t0 = time.Date(2026, 3, 14, 9, 26, 53, 589793000, time.UTC)

// NewUser inserts a member with a unique address derived from name.
func NewUser(t *testing.T, s ponte.Store, name string) *ponte.User {
	t.Helper()
	u := &ponte.User{Email: name + "@example.org", DisplayName: name, PasswordHash: "x",
		Role: ponte.RoleMember, Lang: "en", CreatedAt: t0, UpdatedAt: t0}
	if err := s.CreateUser(context.Background(), u); err != nil {
		t.Fatalf("CreateUser(%s): %v", name, err)
	}
	return u
}

func wantCode(t *testing.T, err error, code string) {
	t.Helper()
	if got := ponte.ErrorCode(err); got != code {
		t.Fatalf("error code = %q (%v), want %q", got, err, code)
	}
}

func testUserRoundTrip(t *testing.T, s ponte.Store) {
	ctx := context.Background()
	v := t0.Add(time.Hour)
	u := &ponte.User{Email: "ana@example.hr", DisplayName: "Ana Horvat", PasswordHash: "$argon2id$x",
		Role: ponte.RoleModerator, Lang: "hr", EmailVerified: &v, CreatedAt: t0, UpdatedAt: t0}
	if err := s.CreateUser(ctx, u); err != nil {
		t.Fatal(err)
	}
	if u.ID == 0 {
		t.Fatal("CreateUser did not set ID")
	}
	got, err := s.UserByEmail(ctx, "ana@example.hr")
	if err != nil {
		t.Fatal(err)
	}
	if got.ID != u.ID || got.DisplayName != "Ana Horvat" || got.Role != ponte.RoleModerator ||
		got.Lang != "hr" || got.PasswordHash != "$argon2id$x" || !got.CreatedAt.Equal(t0) ||
		got.EmailVerified == nil || !got.EmailVerified.Equal(v) || got.Deactivated != nil {
		t.Fatalf("round trip mismatch: %+v", got)
	}
	if got.CreatedAt.Location() != time.UTC {
		t.Fatalf("times must come back in UTC, got %v", got.CreatedAt.Location())
	}
}

func testUserEmailUnique(t *testing.T, s ponte.Store) {
	NewUser(t, s, "dup")
	u := &ponte.User{Email: "dup@example.org", DisplayName: "Other", PasswordHash: "x",
		Role: ponte.RoleMember, Lang: "en", CreatedAt: t0, UpdatedAt: t0}
	wantCode(t, s.CreateUser(context.Background(), u), ponte.EConflict)
}

func testUserNotFound(t *testing.T, s ponte.Store) {
	ctx := context.Background()
	_, err := s.UserByID(ctx, 424242)
	wantCode(t, err, ponte.ENotFound)
	_, err = s.UserByEmail(ctx, "nobody@example.org")
	wantCode(t, err, ponte.ENotFound)
	wantCode(t, s.DeleteUser(ctx, 424242), ponte.ENotFound)
	wantCode(t, s.UpdateUser(ctx, &ponte.User{ID: 424242, Role: ponte.RoleMember}), ponte.ENotFound)
}

func testUserUpdateDelete(t *testing.T, s ponte.Store) {
	ctx := context.Background()
	u := NewUser(t, s, "eleni")
	d := t0.Add(2 * time.Hour)
	u.DisplayName, u.Role, u.Lang, u.Deactivated, u.UpdatedAt = "Ελένη", ponte.RoleAdmin, "el", &d, d
	if err := s.UpdateUser(ctx, u); err != nil {
		t.Fatal(err)
	}
	got, err := s.UserByID(ctx, u.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.DisplayName != "Ελένη" || got.Role != ponte.RoleAdmin || got.Lang != "el" ||
		got.Deactivated == nil || !got.Deactivated.Equal(d) {
		t.Fatalf("update not stored: %+v", got)
	}
	if n, _ := s.CountUsers(ctx); n != 1 {
		t.Fatalf("CountUsers = %d, want 1", n)
	}
	if err := s.DeleteUser(ctx, u.ID); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.CountUsers(ctx); n != 0 {
		t.Fatalf("CountUsers after delete = %d, want 0", n)
	}
}

func testListUsersKeyset(t *testing.T, s ponte.Store) {
	ctx := context.Background()
	for i := range 7 {
		NewUser(t, s, fmt.Sprintf("user%02d", i))
	}
	var seen []string
	var before int64
	for {
		page, err := s.ListUsers(ctx, ponte.UserFilter{Before: before, Limit: 3})
		if err != nil {
			t.Fatal(err)
		}
		if len(page) == 0 {
			break
		}
		for _, u := range page {
			seen = append(seen, u.DisplayName)
		}
		before = page[len(page)-1].ID
	}
	want := "user06 user05 user04 user03 user02 user01 user00"
	if got := fmt.Sprint(seen); got != "["+want+"]" {
		t.Fatalf("pages = %v, want [%s]", got, want)
	}
}

func testListUsersQuery(t *testing.T, s ponte.Store) {
	ctx := context.Background()
	NewUser(t, s, "marco")
	NewUser(t, s, "maria")
	NewUser(t, s, "luka")
	NewUser(t, s, "m_a") // the underscore must match literally, not as a wildcard
	got, err := s.ListUsers(ctx, ponte.UserFilter{Query: "MAR"})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("query MAR matched %d users, want 2", len(got))
	}
	got, _ = s.ListUsers(ctx, ponte.UserFilter{Query: "m_"})
	if len(got) != 1 || got[0].DisplayName != "m_a" {
		t.Fatalf("query m_ = %v, want only m_a", got)
	}
	got, _ = s.ListUsers(ctx, ponte.UserFilter{Role: ponte.RoleAdmin})
	if len(got) != 0 {
		t.Fatalf("role filter matched %d, want 0", len(got))
	}
}

func testTxRollback(t *testing.T, s ponte.Store) {
	ctx := context.Background()
	sentinel := ponte.Errorf(ponte.EInvalid, "x")
	err := s.Tx(ctx, func(tx ponte.Store) error {
		NewUser(t, tx, "ghost")
		return sentinel
	})
	if err != sentinel {
		t.Fatalf("Tx returned %v, want the function's error", err)
	}
	if _, err := s.UserByEmail(ctx, "ghost@example.org"); ponte.ErrorCode(err) != ponte.ENotFound {
		t.Fatalf("rolled-back user is visible: %v", err)
	}
	err = s.Tx(ctx, func(tx ponte.Store) error {
		NewUser(t, tx, "kept")
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.UserByEmail(ctx, "kept@example.org"); err != nil {
		t.Fatalf("committed user missing: %v", err)
	}
}

package ponte

import (
	"net/mail"
	"strings"
	"time"
	"unicode/utf8"
)

// Role is what a user may do on the whole platform.
type Role string

// The roles, from most to least powerful.
const (
	RoleAdmin     Role = "admin"
	RoleModerator Role = "moderator"
	RoleMember    Role = "member"
)

// Roles lists every role, for forms and validation.
var Roles = []Role{RoleAdmin, RoleModerator, RoleMember}

// Valid reports whether r is a known role.
func (r Role) Valid() bool {
	return r == RoleAdmin || r == RoleModerator || r == RoleMember
}

// Languages are the interface languages Ponte ships, in display order.
var Languages = []string{"en", "it", "el", "hr", "ro", "sl"}

// ValidLanguage reports whether lang is one of Languages.
func ValidLanguage(lang string) bool {
	for _, l := range Languages {
		if l == lang {
			return true
		}
	}
	return false
}

// User is an account. PasswordHash is an argon2id PHC string and never leaves
// the service layer.
type User struct {
	ID            int64
	Email         string
	DisplayName   string
	PasswordHash  string
	Role          Role
	Lang          string
	EmailVerified *time.Time
	Deactivated   *time.Time
	CreatedAt     time.Time
	UpdatedAt     time.Time
}

// Active reports whether the account may sign in.
func (u *User) Active() bool { return u != nil && u.Deactivated == nil }

// IsAdmin reports whether u administers the platform.
func (u *User) IsAdmin() bool { return u != nil && u.Role == RoleAdmin && u.Active() }

// IsModerator reports whether u may moderate content (administrators may too).
func (u *User) IsModerator() bool {
	return u != nil && u.Active() && (u.Role == RoleModerator || u.Role == RoleAdmin)
}

// Limits on account fields, shared by validation and the forms' maxlength.
const (
	MaxEmailLen       = 254
	MaxDisplayNameLen = 100
	MinPasswordLen    = 10
	MaxPasswordLen    = 256
)

// NormalizeEmail trims and lower-cases an address so that one mailbox maps to
// one account whatever the capitalisation typed.
func NormalizeEmail(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// ValidateEmail adds a field error for a missing or malformed address.
func ValidateEmail(fe FieldErrors, field, email string) {
	switch {
	case email == "":
		fe.Add(field, "error.required")
	case len(email) > MaxEmailLen:
		fe.Add(field, "error.too_long")
	default:
		a, err := mail.ParseAddress(email)
		if err != nil || a.Address != email || !strings.Contains(email[strings.LastIndex(email, "@"):], ".") {
			fe.Add(field, "error.email_invalid")
		}
	}
}

// ValidatePassword adds a field error for a password that is too short or
// too long. Length is the rule that matters (NIST SP 800-63B); no composition
// rules.
func ValidatePassword(fe FieldErrors, field, pw string) {
	n := utf8.RuneCountInString(pw)
	switch {
	case pw == "":
		fe.Add(field, "error.required")
	case n < MinPasswordLen:
		fe.Add(field, "error.password_short")
	case len(pw) > MaxPasswordLen:
		fe.Add(field, "error.too_long")
	}
}

// ValidateDisplayName adds a field error for an empty or oversize name.
func ValidateDisplayName(fe FieldErrors, field, name string) {
	n := utf8.RuneCountInString(strings.TrimSpace(name))
	switch {
	case n == 0:
		fe.Add(field, "error.required")
	case n > MaxDisplayNameLen:
		fe.Add(field, "error.too_long")
	}
}

// CanManageUsers reports whether actor may list users and change their role
// or status.
func CanManageUsers(actor *User) bool { return actor.IsAdmin() }

// CanReadOutbox reports whether actor may read the mail outbox.
func CanReadOutbox(actor *User) bool { return actor.IsAdmin() }

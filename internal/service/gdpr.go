package service

import (
	"context"
	"time"

	"github.com/ponte-platform/ponte"
)

// DataExport is everything Ponte stores about one person (GDPR art. 15 and
// 20), as the "download my data" JSON. Secrets (the password hash, token
// hashes) are described, not disclosed.
type DataExport struct {
	ExportedAt time.Time        `json:"exported_at"`
	Account    AccountExport    `json:"account"`
	APITokens  []APITokenExport `json:"api_tokens"`
	Mail       []MailExport     `json:"mail"`
	// Profile: the people area's part (profiles_gdpr.go).
	Profile *ProfileExport `json:"profile"`
	// Organisations and JoinRequests: the organisations area's part (org_gdpr.go).
	Organisations []OrgMembershipExport `json:"organisations"`
	JoinRequests  []OrgRequestExport    `json:"join_requests"`
	// Interests, Notifications and NotificationSettings: the interests
	// area's part (interests_gdpr.go).
	Interests            []InterestExport            `json:"interests"`
	Notifications        []NotificationExport        `json:"notifications"`
	NotificationSettings *NotificationSettingsExport `json:"notification_settings"`
	// SavedSearches and Digest: the alerts area's part (saved_searches_gdpr.go).
	SavedSearches []SavedSearchExport `json:"saved_searches"`
	Digest        *DigestExport       `json:"digest"`
}

// AccountExport is the account part of a DataExport.
type AccountExport struct {
	ID            int64      `json:"id"`
	Email         string     `json:"email"`
	DisplayName   string     `json:"display_name"`
	Role          string     `json:"role"`
	Language      string     `json:"language"`
	EmailVerified *time.Time `json:"email_verified_at"`
	CreatedAt     time.Time  `json:"created_at"`
	UpdatedAt     time.Time  `json:"updated_at"`
	Password      string     `json:"password"`
}

// APITokenExport describes one API token without its secret.
type APITokenExport struct {
	Name       string     `json:"name"`
	Prefix     string     `json:"prefix"`
	CreatedAt  time.Time  `json:"created_at"`
	LastUsedAt *time.Time `json:"last_used_at"`
}

// MailExport is one message Ponte wrote to the person.
type MailExport struct {
	Subject   string     `json:"subject"`
	Body      string     `json:"body"`
	CreatedAt time.Time  `json:"created_at"`
	SentAt    *time.Time `json:"sent_at"`
}

// ExportMyData gathers the actor's data.
func (s *Service) ExportMyData(ctx context.Context, actor *ponte.User) (*DataExport, error) {
	if !actor.Active() {
		return nil, unauthorized()
	}
	u, err := s.store.UserByID(ctx, actor.ID)
	if err != nil {
		return nil, err
	}
	x := &DataExport{ExportedAt: s.now(), Account: AccountExport{ID: u.ID, Email: u.Email,
		DisplayName: u.DisplayName, Role: string(u.Role), Language: u.Lang,
		EmailVerified: u.EmailVerified, CreatedAt: u.CreatedAt, UpdatedAt: u.UpdatedAt,
		Password: "argon2id hash (not exported)"}, APITokens: []APITokenExport{}, Mail: []MailExport{}}
	tokens, err := s.store.ListAPITokens(ctx, u.ID)
	if err != nil {
		return nil, err
	}
	for _, t := range tokens {
		x.APITokens = append(x.APITokens, APITokenExport{t.Name, t.Prefix, t.CreatedAt, t.LastUsedAt})
	}
	if err := s.exportProfile(ctx, u, x); err != nil { // the people area's part
		return nil, err
	}
	if err := s.exportOrgs(ctx, u, x); err != nil {
		return nil, err
	}
	if err := s.exportInterests(ctx, u, x); err != nil {
		return nil, err
	}
	if err := s.exportSavedSearches(ctx, u, x); err != nil {
		return nil, err
	}
	return x, s.exportMail(ctx, u.Email, x)
}

func (s *Service) exportMail(ctx context.Context, email string, x *DataExport) error {
	var before int64
	for {
		page, err := s.store.ListMail(ctx, ponte.MailFilter{Before: before, Limit: 500})
		if err != nil || len(page) == 0 {
			return err
		}
		for _, m := range page {
			if m.To == email {
				x.Mail = append(x.Mail, MailExport{m.Subject, m.Text, m.CreatedAt, m.SentAt})
			}
		}
		before = page[len(page)-1].ID
	}
}

// DeleteMyAccount erases the actor's account after checking the password:
// the account, sessions, tokens and mail go; public contributions stay,
// anonymised (their author reference is cleared by the database). The last
// administrator cannot leave the platform without one.
func (s *Service) DeleteMyAccount(ctx context.Context, actor *ponte.User, password string) error {
	if !actor.Active() {
		return unauthorized()
	}
	if ok, _ := CheckPassword(password, actor.PasswordHash); !ok {
		return &ponte.Error{Code: ponte.EInvalid, Key: "error.invalid",
			Fields: map[string]string{"password": "error.password_wrong"}}
	}
	return s.changed(ctx, s.store.Tx(ctx, func(tx ponte.Store) error {
		if actor.Role == ponte.RoleAdmin {
			if err := tx.Lock(ctx, "admins"); err != nil {
				return err
			}
			admins, err := tx.ListUsers(ctx, ponte.UserFilter{Role: ponte.RoleAdmin, Limit: 2})
			if err != nil {
				return err
			}
			if len(admins) < 2 {
				return ponte.Errorf(ponte.EForbidden, "error.last_admin")
			}
		}
		if err := tx.DeleteMailTo(ctx, actor.Email); err != nil {
			return err
		}
		if err := eraseOrgTraces(ctx, tx, actor); err != nil {
			return err
		}
		if err := eraseProfile(ctx, tx, actor); err != nil { // the people area's part
			return err
		}
		if err := unindexUser(ctx, tx, actor.ID); err != nil {
			return err
		}
		return tx.DeleteUser(ctx, actor.ID)
	}))
}

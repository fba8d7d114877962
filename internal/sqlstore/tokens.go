package sqlstore

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"github.com/ponte-platform/ponte"
)

// CreateOneTimeToken stores a single-use token.
func (s *Store) CreateOneTimeToken(ctx context.Context, t *ponte.OneTimeToken) error {
	_, err := s.w.ExecContext(ctx, s.q(`INSERT INTO one_time_tokens (token_hash, user_id, purpose,
		expires_at) VALUES (?, ?, ?, ?)`), t.TokenHash, t.UserID, t.Purpose, ts(t.ExpiresAt))
	return mapErr("CreateOneTimeToken", err)
}

// UseOneTimeToken consumes a token in one conditional UPDATE, so of two
// concurrent uses only one can succeed.
func (s *Store) UseOneTimeToken(ctx context.Context, tokenHash, purpose string, now time.Time) (int64, error) {
	var uid int64
	err := s.w.QueryRowContext(ctx, s.q(`UPDATE one_time_tokens SET used_at = ?
		WHERE token_hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > ?
		RETURNING user_id`), ts(now), tokenHash, purpose, ts(now)).Scan(&uid)
	return uid, mapErr("UseOneTimeToken", err)
}

// PeekOneTimeToken checks a token without consuming it (to tell a visitor
// at once that a link is dead, before they fill in a form).
func (s *Store) PeekOneTimeToken(ctx context.Context, tokenHash, purpose string, now time.Time) (int64, error) {
	var uid int64
	err := s.r.QueryRowContext(ctx, s.q(`SELECT user_id FROM one_time_tokens
		WHERE token_hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > ?`),
		tokenHash, purpose, ts(now)).Scan(&uid)
	return uid, mapErr("PeekOneTimeToken", err)
}

// DeleteOneTimeTokens removes a user's tokens of one purpose (e.g. older reset links).
func (s *Store) DeleteOneTimeTokens(ctx context.Context, userID int64, purpose string) error {
	_, err := s.w.ExecContext(ctx, s.q(`DELETE FROM one_time_tokens WHERE user_id = ? AND purpose = ?`),
		userID, purpose)
	return mapErr("DeleteOneTimeTokens", err)
}

// CreateAPIToken stores an API token and sets its ID.
func (s *Store) CreateAPIToken(ctx context.Context, t *ponte.APIToken) error {
	t.CreatedAt = ts(t.CreatedAt)
	err := s.w.QueryRowContext(ctx, s.q(`INSERT INTO api_tokens (user_id, name, token_hash, prefix,
		created_at) VALUES (?, ?, ?, ?, ?) RETURNING id`),
		t.UserID, t.Name, t.TokenHash, t.Prefix, t.CreatedAt).Scan(&t.ID)
	return mapErr("CreateAPIToken", err)
}

// APITokenUser returns the user of a token and records when it was used,
// at most once a minute to spare the writer.
func (s *Store) APITokenUser(ctx context.Context, tokenHash string, now time.Time) (*ponte.User, error) {
	row := s.r.QueryRowContext(ctx, s.q(`SELECT t.id, t.last_used_at, `+prefixed("u.", userCols)+`
		FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = ?`), tokenHash)
	var id int64
	var last sql.NullTime
	u, err := scanUser(scanPrefix{row, []any{&id, &last}})
	if err != nil {
		return nil, mapErr("APITokenUser", err)
	}
	if !last.Valid || now.Sub(last.Time) > time.Minute {
		if _, err := s.w.ExecContext(ctx, s.q(`UPDATE api_tokens SET last_used_at = ? WHERE id = ?`),
			ts(now), id); err != nil {
			return nil, mapErr("APITokenUser", err)
		}
	}
	return u, nil
}

// ListAPITokens lists a user's tokens, newest first (a user has few).
func (s *Store) ListAPITokens(ctx context.Context, userID int64) ([]*ponte.APIToken, error) {
	rows, err := s.r.QueryContext(ctx, s.q(`SELECT id, user_id, name, token_hash, prefix,
		created_at, last_used_at FROM api_tokens WHERE user_id = ? ORDER BY id DESC LIMIT 200`), userID)
	if err != nil {
		return nil, mapErr("ListAPITokens", err)
	}
	defer rows.Close()
	var out []*ponte.APIToken
	for rows.Next() {
		var t ponte.APIToken
		var last sql.NullTime
		if err := rows.Scan(&t.ID, &t.UserID, &t.Name, &t.TokenHash, &t.Prefix, &t.CreatedAt, &last); err != nil {
			return nil, mapErr("ListAPITokens", err)
		}
		t.CreatedAt, t.LastUsedAt = t.CreatedAt.UTC(), nullTime(last)
		out = append(out, &t)
	}
	return out, mapErr("ListAPITokens", rows.Err())
}

// DeleteAPIToken revokes one of a user's tokens.
func (s *Store) DeleteAPIToken(ctx context.Context, userID, id int64) error {
	res, err := s.w.ExecContext(ctx, s.q(`DELETE FROM api_tokens WHERE id = ? AND user_id = ?`), id, userID)
	return notFoundIfNone("DeleteAPIToken", res, err)
}

// scanPrefix lets a row carry extra leading columns before a user's.
type scanPrefix struct {
	row  rowScanner
	head []any
}

// Scan scans the head columns, then dest.
func (p scanPrefix) Scan(dest ...any) error { return p.row.Scan(append(p.head, dest...)...) }

// splitCols splits a column list written across lines.
func splitCols(cols string) []string {
	parts := strings.Split(cols, ",")
	for i, p := range parts {
		parts[i] = strings.TrimSpace(p)
	}
	return parts
}

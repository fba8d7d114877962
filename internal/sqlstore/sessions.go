package sqlstore

import (
	"context"
	"time"

	"github.com/ponte-platform/ponte"
)

// CreateSession stores a new session.
func (s *Store) CreateSession(ctx context.Context, ss *ponte.Session) error {
	_, err := s.w.ExecContext(ctx, s.q(`INSERT INTO sessions (token_hash, user_id, created_at,
		expires_at) VALUES (?, ?, ?, ?)`), ss.TokenHash, ss.UserID, ts(ss.CreatedAt), ts(ss.ExpiresAt))
	return mapErr("CreateSession", err)
}

// SessionUser returns the user of a live session.
func (s *Store) SessionUser(ctx context.Context, tokenHash string, now time.Time) (*ponte.User, error) {
	u, err := scanUser(s.r.QueryRowContext(ctx, s.q(`SELECT `+prefixed("u.", userCols)+`
		FROM sessions s JOIN users u ON u.id = s.user_id
		WHERE s.token_hash = ? AND s.expires_at > ?`), tokenHash, ts(now)))
	return u, mapErr("SessionUser", err)
}

// DeleteSession ends one session; ending an unknown one is not an error.
func (s *Store) DeleteSession(ctx context.Context, tokenHash string) error {
	_, err := s.w.ExecContext(ctx, s.q(`DELETE FROM sessions WHERE token_hash = ?`), tokenHash)
	return mapErr("DeleteSession", err)
}

// DeleteUserSessions ends every session of a user (password change, deactivation).
func (s *Store) DeleteUserSessions(ctx context.Context, userID int64) error {
	_, err := s.w.ExecContext(ctx, s.q(`DELETE FROM sessions WHERE user_id = ?`), userID)
	return mapErr("DeleteUserSessions", err)
}

// DeleteExpiredSessions removes sessions that expired before now.
func (s *Store) DeleteExpiredSessions(ctx context.Context, now time.Time) (int64, error) {
	res, err := s.w.ExecContext(ctx, s.q(`DELETE FROM sessions WHERE expires_at <= ?`), ts(now))
	if err != nil {
		return 0, mapErr("DeleteExpiredSessions", err)
	}
	n, err := res.RowsAffected()
	return n, mapErr("DeleteExpiredSessions", err)
}

// prefixed qualifies each column of a comma-separated list with p.
func prefixed(p, cols string) string {
	out := ""
	for i, c := range splitCols(cols) {
		if i > 0 {
			out += ", "
		}
		out += p + c
	}
	return out
}

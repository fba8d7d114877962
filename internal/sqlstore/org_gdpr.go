package sqlstore

import (
	"context"
	"database/sql"

	"github.com/ponte-platform/ponte"
)

// UserOrgRequests lists a person's pending join requests.
func (s *Store) UserOrgRequests(ctx context.Context, userID int64) ([]*ponte.OrgRequest, error) {
	var out []*ponte.OrgRequest
	err := s.queryEach(ctx, s.r, "UserOrgRequests", `SELECT org_id, user_id, message, created_at
		FROM org_requests WHERE user_id = ? ORDER BY created_at LIMIT 1000`, []any{userID},
		func(r *sql.Rows) error {
			var q ponte.OrgRequest
			if err := r.Scan(&q.OrgID, &q.UserID, &q.Message, &q.CreatedAt); err != nil {
				return err
			}
			q.CreatedAt = q.CreatedAt.UTC()
			out = append(out, &q)
			return nil
		})
	return out, err
}

// DeleteOrgInvitesTo erases invitations to an address.
func (s *Store) DeleteOrgInvitesTo(ctx context.Context, email string) error {
	_, err := s.w.ExecContext(ctx, s.q(`DELETE FROM org_invites WHERE email = ?`), email)
	return mapErr("DeleteOrgInvitesTo", err)
}

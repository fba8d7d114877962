package sqlstore

import (
	"context"
	"database/sql"
	"time"

	"github.com/ponte-platform/ponte"
)

const inviteCols = `id, org_id, email, role, token_hash, invited_by, created_at, expires_at, used_at`

func scanInvite(row rowScanner) (*ponte.OrgInvite, error) {
	var inv ponte.OrgInvite
	var by sql.NullInt64
	var used sql.NullTime
	err := row.Scan(&inv.ID, &inv.OrgID, &inv.Email, &inv.Role, &inv.TokenHash, &by,
		&inv.CreatedAt, &inv.ExpiresAt, &used)
	if err != nil {
		return nil, err
	}
	if by.Valid {
		inv.InvitedBy = &by.Int64
	}
	inv.UsedAt = nullTime(used)
	inv.CreatedAt, inv.ExpiresAt = inv.CreatedAt.UTC(), inv.ExpiresAt.UTC()
	return &inv, nil
}

// CreateOrgInvite stores an invitation, replacing an open one to the same
// address so that only the newest link works.
func (s *Store) CreateOrgInvite(ctx context.Context, inv *ponte.OrgInvite) error {
	return s.Tx(ctx, func(tx ponte.Store) error {
		t := tx.(*Store)
		if _, err := t.w.ExecContext(ctx, t.q(`DELETE FROM org_invites WHERE org_id = ? AND email = ?
			AND used_at IS NULL`), inv.OrgID, inv.Email); err != nil {
			return mapErr("CreateOrgInvite", err)
		}
		inv.CreatedAt, inv.ExpiresAt = ts(inv.CreatedAt), ts(inv.ExpiresAt)
		err := t.w.QueryRowContext(ctx, t.q(`INSERT INTO org_invites (org_id, email, role, token_hash,
			invited_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`),
			inv.OrgID, inv.Email, inv.Role, inv.TokenHash, inv.InvitedBy, inv.CreatedAt,
			inv.ExpiresAt).Scan(&inv.ID)
		return mapErr("CreateOrgInvite", err)
	})
}

// OrgInviteByToken returns an invitation by its token's hash.
func (s *Store) OrgInviteByToken(ctx context.Context, tokenHash string) (*ponte.OrgInvite, error) {
	inv, err := scanInvite(s.r.QueryRowContext(ctx, s.q(`SELECT `+inviteCols+` FROM org_invites
		WHERE token_hash = ?`), tokenHash))
	return inv, mapErr("OrgInviteByToken", err)
}

// UseOrgInvite marks an open invitation used. The condition on used_at in
// the UPDATE itself makes the use single: a second, concurrent one
// updates no row.
func (s *Store) UseOrgInvite(ctx context.Context, id int64, now time.Time) error {
	res, err := s.w.ExecContext(ctx, s.q(`UPDATE org_invites SET used_at = ? WHERE id = ?
		AND used_at IS NULL AND expires_at > ?`), ts(now), id, ts(now))
	return notFoundIfNone("UseOrgInvite", res, err)
}

// ListOrgInvites returns the open invitations of an organisation.
func (s *Store) ListOrgInvites(ctx context.Context, orgID int64, now time.Time, n int) ([]*ponte.OrgInvite, error) {
	var out []*ponte.OrgInvite
	err := s.queryEach(ctx, s.r, "ListOrgInvites", `SELECT `+inviteCols+` FROM org_invites
		WHERE org_id = ? AND used_at IS NULL AND expires_at > ? ORDER BY id DESC LIMIT ?`,
		[]any{orgID, ts(now), limit(n, 50, 500)}, func(r *sql.Rows) error {
			inv, err := scanInvite(r)
			if err == nil {
				out = append(out, inv)
			}
			return err
		})
	return out, err
}

// DeleteOrgInvite withdraws an invitation.
func (s *Store) DeleteOrgInvite(ctx context.Context, orgID, id int64) error {
	res, err := s.w.ExecContext(ctx, s.q(`DELETE FROM org_invites WHERE org_id = ? AND id = ?`), orgID, id)
	return notFoundIfNone("DeleteOrgInvite", res, err)
}

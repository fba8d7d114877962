package sqlstore

import (
	"context"
	"database/sql"

	"github.com/ponte-platform/ponte"
)

// roleRank orders roles in SQL as ponte.OrgRoleRank does in Go.
const roleRank = `CASE m.role WHEN 'owner' THEN 0 WHEN 'manager' THEN 1 ELSE 2 END`

// ListOrgMembers returns a page of members, owners first. A page is small
// and the primary key starts with org_id, so ordering by an expression
// costs nothing worth an index.
func (s *Store) ListOrgMembers(ctx context.Context, orgID int64, after *ponte.OrgMemberCursor, n int) ([]*ponte.OrgMember, error) {
	q := `SELECT m.org_id, m.user_id, m.role, u.display_name, m.created_at FROM org_members m
		JOIN users u ON u.id = m.user_id WHERE m.org_id = ? AND u.deactivated_at IS NULL`
	args := []any{orgID}
	if after != nil {
		r := ponte.OrgRoleRank(after.Role)
		q += ` AND (` + roleRank + ` > ? OR (` + roleRank + ` = ? AND m.user_id > ?))`
		args = append(args, r, r, after.UserID)
	}
	q += ` ORDER BY ` + roleRank + `, m.user_id LIMIT ?`
	args = append(args, limit(n, 50, 500))
	var out []*ponte.OrgMember
	err := s.queryEach(ctx, s.r, "ListOrgMembers", q, args, func(r *sql.Rows) error {
		var m ponte.OrgMember
		if err := r.Scan(&m.OrgID, &m.UserID, &m.Role, &m.DisplayName, &m.CreatedAt); err != nil {
			return err
		}
		m.CreatedAt = m.CreatedAt.UTC()
		out = append(out, &m)
		return nil
	})
	return out, err
}

// CountOrgMembers counts members and owners in one pass.
func (s *Store) CountOrgMembers(ctx context.Context, orgID int64) (int, int, error) {
	var members, owners int
	err := s.r.QueryRowContext(ctx, s.q(`SELECT count(*), COALESCE(SUM(CASE WHEN role = 'owner'
		THEN 1 ELSE 0 END), 0) FROM org_members WHERE org_id = ?`), orgID).Scan(&members, &owners)
	return members, owners, mapErr("CountOrgMembers", err)
}

// RemoveOrgMember ends a membership.
func (s *Store) RemoveOrgMember(ctx context.Context, orgID, userID int64) error {
	res, err := s.w.ExecContext(ctx, s.q(`DELETE FROM org_members WHERE org_id = ? AND user_id = ?`), orgID, userID)
	return notFoundIfNone("RemoveOrgMember", res, err)
}

// CreateOrgRequest records a join request.
func (s *Store) CreateOrgRequest(ctx context.Context, r *ponte.OrgRequest) error {
	r.CreatedAt = ts(r.CreatedAt)
	_, err := s.w.ExecContext(ctx, s.q(`INSERT INTO org_requests (org_id, user_id, message, created_at)
		VALUES (?, ?, ?, ?)`), r.OrgID, r.UserID, r.Message, r.CreatedAt)
	return mapErr("CreateOrgRequest", err)
}

const requestCols = `r.org_id, r.user_id, r.message, u.display_name, r.created_at`

func scanRequest(row rowScanner) (*ponte.OrgRequest, error) {
	var r ponte.OrgRequest
	if err := row.Scan(&r.OrgID, &r.UserID, &r.Message, &r.DisplayName, &r.CreatedAt); err != nil {
		return nil, err
	}
	r.CreatedAt = r.CreatedAt.UTC()
	return &r, nil
}

// OrgRequestOf returns a pending request.
func (s *Store) OrgRequestOf(ctx context.Context, orgID, userID int64) (*ponte.OrgRequest, error) {
	r, err := scanRequest(s.r.QueryRowContext(ctx, s.q(`SELECT `+requestCols+` FROM org_requests r
		JOIN users u ON u.id = r.user_id WHERE r.org_id = ? AND r.user_id = ?`), orgID, userID))
	return r, mapErr("OrgRequestOf", err)
}

// DeleteOrgRequest removes a pending request.
func (s *Store) DeleteOrgRequest(ctx context.Context, orgID, userID int64) error {
	res, err := s.w.ExecContext(ctx, s.q(`DELETE FROM org_requests WHERE org_id = ? AND user_id = ?`), orgID, userID)
	return notFoundIfNone("DeleteOrgRequest", res, err)
}

// ListOrgRequests returns pending requests, oldest first.
func (s *Store) ListOrgRequests(ctx context.Context, orgID int64, n int) ([]*ponte.OrgRequest, error) {
	var out []*ponte.OrgRequest
	err := s.queryEach(ctx, s.r, "ListOrgRequests", `SELECT `+requestCols+` FROM org_requests r
		JOIN users u ON u.id = r.user_id WHERE r.org_id = ? AND u.deactivated_at IS NULL
		ORDER BY r.created_at, r.user_id LIMIT ?`, []any{orgID, limit(n, 50, 500)},
		func(rows *sql.Rows) error {
			r, err := scanRequest(rows)
			if err == nil {
				out = append(out, r)
			}
			return err
		})
	return out, err
}

// ListOrgClaims returns requests to join organisations without an owner.
func (s *Store) ListOrgClaims(ctx context.Context, n int) ([]*ponte.OrgClaim, error) {
	var out []*ponte.OrgClaim
	err := s.queryEach(ctx, s.r, "ListOrgClaims", `SELECT `+requestCols+`, o.name FROM org_requests r
		JOIN users u ON u.id = r.user_id JOIN organisations o ON o.id = r.org_id
		WHERE u.deactivated_at IS NULL AND NOT EXISTS (SELECT 1 FROM org_members m
			WHERE m.org_id = r.org_id AND m.role = 'owner')
		ORDER BY r.created_at, r.org_id, r.user_id LIMIT ?`, []any{limit(n, 100, 500)}, func(rows *sql.Rows) error {
		var c ponte.OrgClaim
		if err := rows.Scan(&c.OrgID, &c.UserID, &c.Message, &c.DisplayName, &c.CreatedAt, &c.OrgName); err != nil {
			return err
		}
		c.CreatedAt = c.CreatedAt.UTC()
		out = append(out, &c)
		return nil
	})
	return out, err
}

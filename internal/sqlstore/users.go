package sqlstore

import (
	"context"
	"database/sql"
	"strings"

	"github.com/ponte-platform/ponte"
)

const userCols = `id, email, display_name, password_hash, role, lang, email_verified_at,
	deactivated_at, created_at, updated_at`

type rowScanner interface{ Scan(dest ...any) error }

func scanUser(row rowScanner) (*ponte.User, error) {
	var u ponte.User
	var verified, deactivated sql.NullTime
	err := row.Scan(&u.ID, &u.Email, &u.DisplayName, &u.PasswordHash, &u.Role, &u.Lang,
		&verified, &deactivated, &u.CreatedAt, &u.UpdatedAt)
	if err != nil {
		return nil, err
	}
	u.EmailVerified, u.Deactivated = nullTime(verified), nullTime(deactivated)
	u.CreatedAt, u.UpdatedAt = u.CreatedAt.UTC(), u.UpdatedAt.UTC()
	return &u, nil
}

// CreateUser inserts u and sets its ID. A taken e-mail is EConflict.
func (s *Store) CreateUser(ctx context.Context, u *ponte.User) error {
	u.CreatedAt, u.UpdatedAt = ts(u.CreatedAt), ts(u.UpdatedAt)
	err := s.w.QueryRowContext(ctx, s.q(`INSERT INTO users (email, display_name, password_hash,
		role, lang, email_verified_at, deactivated_at, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
		u.Email, u.DisplayName, u.PasswordHash, u.Role, u.Lang, tsp(u.EmailVerified),
		tsp(u.Deactivated), u.CreatedAt, u.UpdatedAt).Scan(&u.ID)
	return mapErr("CreateUser", err)
}

// UserByID returns one user.
func (s *Store) UserByID(ctx context.Context, id int64) (*ponte.User, error) {
	u, err := scanUser(s.r.QueryRowContext(ctx, s.q(`SELECT `+userCols+` FROM users WHERE id = ?`), id))
	return u, mapErr("UserByID", err)
}

// UserByEmail returns the user with a (normalised) address.
func (s *Store) UserByEmail(ctx context.Context, email string) (*ponte.User, error) {
	u, err := scanUser(s.r.QueryRowContext(ctx, s.q(`SELECT `+userCols+` FROM users WHERE email = ?`), email))
	return u, mapErr("UserByEmail", err)
}

// UpdateUser writes every mutable field of u.
func (s *Store) UpdateUser(ctx context.Context, u *ponte.User) error {
	u.UpdatedAt = ts(u.UpdatedAt)
	res, err := s.w.ExecContext(ctx, s.q(`UPDATE users SET email = ?, display_name = ?,
		password_hash = ?, role = ?, lang = ?, email_verified_at = ?, deactivated_at = ?,
		updated_at = ? WHERE id = ?`),
		u.Email, u.DisplayName, u.PasswordHash, u.Role, u.Lang, tsp(u.EmailVerified),
		tsp(u.Deactivated), u.UpdatedAt, u.ID)
	return notFoundIfNone("UpdateUser", res, err)
}

// DeleteUser removes a user; sessions and tokens go with it (ON DELETE CASCADE).
func (s *Store) DeleteUser(ctx context.Context, id int64) error {
	res, err := s.w.ExecContext(ctx, s.q(`DELETE FROM users WHERE id = ?`), id)
	return notFoundIfNone("DeleteUser", res, err)
}

// CountUsers counts every account.
func (s *Store) CountUsers(ctx context.Context) (int, error) {
	var n int
	err := s.r.QueryRowContext(ctx, `SELECT count(*) FROM users`).Scan(&n)
	return n, mapErr("CountUsers", err)
}

// ListUsers returns a page of users, newest first, keyset-paginated by id.
func (s *Store) ListUsers(ctx context.Context, f ponte.UserFilter) ([]*ponte.User, error) {
	var where []string
	var args []any
	if f.Before > 0 {
		where, args = append(where, "id < ?"), append(args, f.Before)
	}
	if f.Role != "" {
		where, args = append(where, "role = ?"), append(args, f.Role)
	}
	if q := strings.ToLower(strings.TrimSpace(f.Query)); q != "" {
		p := likePrefix(q)
		where = append(where, "(email LIKE ? ESCAPE '\\' OR lower(display_name) LIKE ? ESCAPE '\\')")
		args = append(args, p, p)
	}
	query := `SELECT ` + userCols + ` FROM users`
	if len(where) > 0 {
		query += " WHERE " + strings.Join(where, " AND ")
	}
	query += " ORDER BY id DESC LIMIT ?"
	args = append(args, limit(f.Limit, 50, 500))
	rows, err := s.r.QueryContext(ctx, s.q(query), args...)
	if err != nil {
		return nil, mapErr("ListUsers", err)
	}
	defer rows.Close()
	var out []*ponte.User
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, mapErr("ListUsers", err)
		}
		out = append(out, u)
	}
	return out, mapErr("ListUsers", rows.Err())
}

// likePrefix escapes LIKE wildcards in s and appends %, so user input matches
// literally as a prefix (and can use an index).
func likePrefix(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return r.Replace(s) + "%"
}

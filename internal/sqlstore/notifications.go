package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"time"

	"github.com/ponte-platform/ponte"
)

// CreateNotification inserts an in-app notification; its parameters are
// kept as a JSON object.
func (s *Store) CreateNotification(ctx context.Context, n *ponte.Notification) error {
	params, err := json.Marshal(n.Params)
	if err != nil || n.Params == nil {
		params = []byte("{}")
	}
	n.CreatedAt = ts(n.CreatedAt)
	err = s.w.QueryRowContext(ctx, s.q(`INSERT INTO notifications (user_id, kind, link, params, created_at, read_at)
		VALUES (?, ?, ?, ?, ?, ?) RETURNING id`), n.UserID, n.Kind, n.Link, string(params), n.CreatedAt,
		tsp(n.ReadAt)).Scan(&n.ID)
	return mapErr("CreateNotification", err)
}

const notificationCols = `id, user_id, kind, link, params, created_at, read_at`

func scanNotification(r rowScanner) (*ponte.Notification, error) {
	var n ponte.Notification
	var params string
	var read sql.NullTime
	if err := r.Scan(&n.ID, &n.UserID, &n.Kind, &n.Link, &params, &n.CreatedAt, &read); err != nil {
		return nil, err
	}
	n.CreatedAt, n.ReadAt = n.CreatedAt.UTC(), nullTime(read)
	if err := json.Unmarshal([]byte(params), &n.Params); err != nil {
		return nil, errors.New("notification params: " + err.Error())
	}
	return &n, nil
}

// ListNotifications returns a page of a member's notifications, newest
// first, walking the (user_id, id) index.
func (s *Store) ListNotifications(ctx context.Context, f ponte.NotificationFilter) ([]*ponte.Notification, error) {
	q := `SELECT ` + notificationCols + ` FROM notifications WHERE user_id = ?`
	args := []any{f.UserID}
	if f.BeforeID > 0 {
		q += ` AND id < ?`
		args = append(args, f.BeforeID)
	}
	q += ` ORDER BY id DESC LIMIT ?`
	args = append(args, limit(f.Limit, 30, 500))
	out := []*ponte.Notification{}
	err := s.queryEach(ctx, s.r, "ListNotifications", q, args, func(r *sql.Rows) error {
		n, err := scanNotification(r)
		if err == nil {
			out = append(out, n)
		}
		return err
	})
	return out, err
}

// CountUnreadNotifications counts on the partial index of unread rows and
// stops at MaxUnreadCount, so a large backlog costs no more than a small one.
func (s *Store) CountUnreadNotifications(ctx context.Context, userID int64) (int, error) {
	var n int
	err := s.r.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM (SELECT 1 FROM notifications
		WHERE user_id = ? AND read_at IS NULL LIMIT ?) AS unread`), userID, ponte.MaxUnreadCount).Scan(&n)
	if err != nil {
		return 0, mapErr("CountUnreadNotifications", err)
	}
	return n, nil
}

// NotificationByID returns one of a member's notifications.
func (s *Store) NotificationByID(ctx context.Context, userID, id int64) (*ponte.Notification, error) {
	n, err := scanNotification(s.r.QueryRowContext(ctx, s.q(`SELECT `+notificationCols+`
		FROM notifications WHERE id = ? AND user_id = ?`), id, userID))
	if err != nil {
		return nil, mapErr("NotificationByID", err)
	}
	return n, nil
}

// MarkNotificationRead marks one notification read, keeping an earlier
// reading time.
func (s *Store) MarkNotificationRead(ctx context.Context, userID, id int64, at time.Time) error {
	res, err := s.w.ExecContext(ctx, s.q(`UPDATE notifications SET read_at = COALESCE(read_at, ?)
		WHERE id = ? AND user_id = ?`), ts(at), id, userID)
	return notFoundIfNone("MarkNotificationRead", res, err)
}

// MarkAllNotificationsRead marks every unread notification of a member.
func (s *Store) MarkAllNotificationsRead(ctx context.Context, userID int64, at time.Time) (int64, error) {
	res, err := s.w.ExecContext(ctx, s.q(`UPDATE notifications SET read_at = ?
		WHERE user_id = ? AND read_at IS NULL`), ts(at), userID)
	if err != nil {
		return 0, mapErr("MarkAllNotificationsRead", err)
	}
	n, err := res.RowsAffected()
	return n, mapErr("MarkAllNotificationsRead", err)
}

// NotificationPrefs returns a member's settings, or the defaults.
func (s *Store) NotificationPrefs(ctx context.Context, userID int64) (*ponte.NotificationPrefs, error) {
	p := ponte.DefaultNotificationPrefs(userID)
	err := s.r.QueryRowContext(ctx, s.q(`SELECT in_app, email, digest, updated_at FROM notification_prefs
		WHERE user_id = ?`), userID).Scan(&p.InApp, &p.Email, &p.Digest, &p.UpdatedAt)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return ponte.DefaultNotificationPrefs(userID), nil
	case err != nil:
		return nil, mapErr("NotificationPrefs", err)
	}
	p.UpdatedAt = p.UpdatedAt.UTC()
	return p, nil
}

// SetNotificationPrefs saves a member's settings.
func (s *Store) SetNotificationPrefs(ctx context.Context, p *ponte.NotificationPrefs) error {
	p.UpdatedAt = ts(p.UpdatedAt)
	_, err := s.w.ExecContext(ctx, s.q(`INSERT INTO notification_prefs (user_id, in_app, email, digest, updated_at)
		VALUES (?, ?, ?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET in_app = excluded.in_app,
		email = excluded.email, digest = excluded.digest, updated_at = excluded.updated_at`),
		p.UserID, p.InApp, p.Email, p.Digest, p.UpdatedAt)
	return mapErr("SetNotificationPrefs", err)
}

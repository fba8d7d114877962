package sqlstore

import (
	"context"
	"database/sql"
	"time"

	"github.com/ponte-platform/ponte"
)

const mailCols = `id, to_addr, subject, body_text, created_at, sent_at, attempts, last_error, next_attempt_at`

func scanMail(row rowScanner) (*ponte.Mail, error) {
	var m ponte.Mail
	var sent sql.NullTime
	if err := row.Scan(&m.ID, &m.To, &m.Subject, &m.Text, &m.CreatedAt, &sent, &m.Attempts,
		&m.LastError, &m.NextAttempt); err != nil {
		return nil, err
	}
	m.CreatedAt, m.NextAttempt, m.SentAt = m.CreatedAt.UTC(), m.NextAttempt.UTC(), nullTime(sent)
	return &m, nil
}

// EnqueueMail adds a message to the outbox and sets its ID.
func (s *Store) EnqueueMail(ctx context.Context, m *ponte.Mail) error {
	m.CreatedAt = ts(m.CreatedAt)
	if m.NextAttempt.IsZero() {
		m.NextAttempt = m.CreatedAt
	}
	m.NextAttempt = ts(m.NextAttempt)
	err := s.w.QueryRowContext(ctx, s.q(`INSERT INTO mail_outbox (to_addr, subject, body_text,
		created_at, next_attempt_at) VALUES (?, ?, ?, ?, ?) RETURNING id`),
		m.To, m.Subject, m.Text, m.CreatedAt, m.NextAttempt).Scan(&m.ID)
	return mapErr("EnqueueMail", err)
}

// ListMail returns a page of the outbox, newest first.
func (s *Store) ListMail(ctx context.Context, f ponte.MailFilter) ([]*ponte.Mail, error) {
	before := f.Before
	if before <= 0 {
		before = 1<<62 - 1
	}
	return queryMail(ctx, s, s.r, "ListMail", `SELECT `+mailCols+` FROM mail_outbox WHERE id < ?
		ORDER BY id DESC LIMIT ?`, before, limit(f.Limit, 50, 500))
}

// ClaimMail leases due messages. The outer WHERE repeats the due condition so
// that on PostgreSQL a row leased by another node meanwhile is re-checked
// and skipped.
func (s *Store) ClaimMail(ctx context.Context, now, lease time.Time, n int) ([]*ponte.Mail, error) {
	return queryMail(ctx, s, s.w, "ClaimMail", `UPDATE mail_outbox SET next_attempt_at = ?
		WHERE id IN (SELECT id FROM mail_outbox WHERE sent_at IS NULL AND next_attempt_at <= ?
			ORDER BY next_attempt_at LIMIT ?)
		AND sent_at IS NULL AND next_attempt_at <= ?
		RETURNING `+mailCols, ts(lease), ts(now), n, ts(now))
}

func queryMail(ctx context.Context, s *Store, db querier, op, query string, args ...any) ([]*ponte.Mail, error) {
	rows, err := db.QueryContext(ctx, s.q(query), args...)
	if err != nil {
		return nil, mapErr(op, err)
	}
	defer rows.Close()
	var out []*ponte.Mail
	for rows.Next() {
		m, err := scanMail(rows)
		if err != nil {
			return nil, mapErr(op, err)
		}
		out = append(out, m)
	}
	return out, mapErr(op, rows.Err())
}

// MarkMailSent records a delivery.
func (s *Store) MarkMailSent(ctx context.Context, id int64, at time.Time) error {
	res, err := s.w.ExecContext(ctx, s.q(`UPDATE mail_outbox SET sent_at = ?, attempts = attempts + 1,
		last_error = '' WHERE id = ?`), ts(at), id)
	return notFoundIfNone("MarkMailSent", res, err)
}

// MarkMailFailed records a failed attempt and when to retry.
func (s *Store) MarkMailFailed(ctx context.Context, id int64, reason string, retryAt time.Time) error {
	res, err := s.w.ExecContext(ctx, s.q(`UPDATE mail_outbox SET attempts = attempts + 1,
		last_error = ?, next_attempt_at = ? WHERE id = ?`), reason, ts(retryAt), id)
	return notFoundIfNone("MarkMailFailed", res, err)
}

// DeleteMailTo erases every message to an address.
func (s *Store) DeleteMailTo(ctx context.Context, email string) error {
	_, err := s.w.ExecContext(ctx, s.q(`DELETE FROM mail_outbox WHERE to_addr = ?`), email)
	return mapErr("DeleteMailTo", err)
}

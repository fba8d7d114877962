package sqlstore

import (
	"context"
	"database/sql"
	"time"

	"github.com/ponte-platform/ponte"
)

// EnrolDigests gives the next members by id a digest state. Members are
// enrolled in id order, so the highest enrolled id is the frontier and
// finding newcomers is one index probe, however many members there are.
func (s *Store) EnrolDigests(ctx context.Context, n int, firstAt func(userID int64) time.Time) (int, error) {
	var rows [][]any
	err := s.queryEach(ctx, s.w, "EnrolDigests", `SELECT id FROM users
		WHERE id > (SELECT COALESCE(MAX(user_id), 0) FROM digest_state) ORDER BY id LIMIT ?`,
		[]any{limit(n, 500, 5000)}, func(r *sql.Rows) error {
			var id int64
			if err := r.Scan(&id); err != nil {
				return err
			}
			rows = append(rows, []any{id, ts(firstAt(id))})
			return nil
		})
	if err != nil || len(rows) == 0 {
		return 0, err
	}
	// Two nodes enrolling at once read the same members: the second insert
	// of each is ignored.
	err = s.bulkExec(ctx, "EnrolDigests", `INSERT INTO digest_state (user_id, next_at) VALUES`,
		` ON CONFLICT (user_id) DO NOTHING`, 2, rows)
	return len(rows), err
}

// DueDigests reads the members due through the next_at index, with their
// digest setting (no notification_prefs row means on).
func (s *Store) DueDigests(ctx context.Context, now time.Time, n int) ([]ponte.DigestDue, error) {
	var out []ponte.DigestDue
	err := s.queryEach(ctx, s.r, "DueDigests", `SELECT d.user_id, NOT EXISTS (SELECT 1 FROM notification_prefs np
			WHERE np.user_id = d.user_id AND NOT np.digest)
		FROM digest_state d WHERE d.next_at <= ? ORDER BY d.next_at, d.user_id LIMIT ?`,
		[]any{ts(now), limit(n, 100, 1000)}, func(r *sql.Rows) error {
			var d ponte.DigestDue
			if err := r.Scan(&d.UserID, &d.Wanted); err != nil {
				return err
			}
			out = append(out, d)
			return nil
		})
	return out, err
}

// ClaimDigest reads the state, then moves it on only if nobody else did
// meanwhile (next_at unchanged): on PostgreSQL a concurrent claimer waits
// for the row and then finds next_at changed; SQLite has one writer.
func (s *Store) ClaimDigest(ctx context.Context, userID int64, now, checked, next time.Time) (*time.Time, bool, error) {
	st, err := s.DigestStateOf(ctx, userID)
	if err != nil || st.NextAt.After(now) {
		return nil, false, err
	}
	res, err := s.w.ExecContext(ctx, s.q(`UPDATE digest_state SET checked_at = ?, next_at = ?
		WHERE user_id = ? AND next_at = ?`), ts(checked), ts(next), userID, ts(st.NextAt))
	ok, err := affected("ClaimDigest", res, err)
	return st.CheckedAt, ok, err
}

// MarkDigestSent records a sent digest.
func (s *Store) MarkDigestSent(ctx context.Context, userID int64, at time.Time) error {
	res, err := s.w.ExecContext(ctx, s.q(`UPDATE digest_state SET sent_at = ? WHERE user_id = ?`), ts(at), userID)
	return notFoundIfNone("MarkDigestSent", res, err)
}

// DigestStateOf reads a member's digest state.
func (s *Store) DigestStateOf(ctx context.Context, userID int64) (*ponte.DigestState, error) {
	var st ponte.DigestState
	var checked, sent sql.NullTime
	err := s.r.QueryRowContext(ctx, s.q(`SELECT next_at, checked_at, sent_at FROM digest_state WHERE user_id = ?`),
		userID).Scan(&st.NextAt, &checked, &sent)
	if err != nil {
		return nil, mapErr("DigestStateOf", err)
	}
	st.NextAt, st.CheckedAt, st.SentAt = st.NextAt.UTC(), nullTime(checked), nullTime(sent)
	return &st, nil
}

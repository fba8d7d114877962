package sqlstore

import (
	"context"
	"time"
)

// RateHit counts an attempt in a fixed window with one upsert: a new window
// resets the count. Keys are hashed by the caller (they hold addresses).
func (s *Store) RateHit(ctx context.Context, key string, window time.Time) (int, error) {
	var n int
	err := s.w.QueryRowContext(ctx, s.q(`INSERT INTO rate_limits (key, window_start, count)
		VALUES (?, ?, 1)
		ON CONFLICT (key) DO UPDATE SET
			count = CASE WHEN rate_limits.window_start = excluded.window_start
				THEN rate_limits.count + 1 ELSE 1 END,
			window_start = excluded.window_start
		RETURNING count`), key, ts(window)).Scan(&n)
	return n, mapErr("RateHit", err)
}

// PruneRateLimits forgets windows that started before cutoff.
func (s *Store) PruneRateLimits(ctx context.Context, cutoff time.Time) error {
	_, err := s.w.ExecContext(ctx, s.q(`DELETE FROM rate_limits WHERE window_start < ?`), ts(cutoff))
	return mapErr("PruneRateLimits", err)
}

package sqlstore

import (
	"context"
	"time"
)

// RateHit counts n attempts in a fixed window with one upsert: a new
// window starts the count afresh. Keys are hashed by the caller (they hold
// addresses).
func (s *Store) RateHit(ctx context.Context, key string, window time.Time, n int) (int, error) {
	var count int
	err := s.w.QueryRowContext(ctx, s.q(`INSERT INTO rate_limits (key, window_start, count)
		VALUES (?, ?, ?)
		ON CONFLICT (key) DO UPDATE SET
			count = CASE WHEN rate_limits.window_start = excluded.window_start
				THEN rate_limits.count + excluded.count ELSE excluded.count END,
			window_start = excluded.window_start
		RETURNING count`), key, ts(window), n).Scan(&count)
	return count, mapErr("RateHit", err)
}

// PruneRateLimits forgets windows that started before cutoff.
func (s *Store) PruneRateLimits(ctx context.Context, cutoff time.Time) error {
	_, err := s.w.ExecContext(ctx, s.q(`DELETE FROM rate_limits WHERE window_start < ?`), ts(cutoff))
	return mapErr("PruneRateLimits", err)
}

package sqlstore

import "context"

// ContentVersion reads the content version.
func (s *Store) ContentVersion(ctx context.Context) (int64, error) {
	var v int64
	err := s.r.QueryRowContext(ctx, `SELECT version FROM content_version WHERE id = 1`).Scan(&v)
	return v, mapErr("ContentVersion", err)
}

// BumpContentVersion moves the content version forward in one statement
// (atomic on both databases, whatever the number of app nodes).
func (s *Store) BumpContentVersion(ctx context.Context) (int64, error) {
	var v int64
	err := s.w.QueryRowContext(ctx, `UPDATE content_version SET version = version + 1 WHERE id = 1 RETURNING version`).Scan(&v)
	return v, mapErr("BumpContentVersion", err)
}

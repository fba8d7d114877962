package sqlstore

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"github.com/ponte-platform/ponte"
)

const savedSearchCols = `id, user_id, name, query, alert, checked_at, created_at`

func scanSavedSearch(row rowScanner) (*ponte.SavedSearch, error) {
	var ss ponte.SavedSearch
	if err := row.Scan(&ss.ID, &ss.UserID, &ss.Name, &ss.Query, &ss.Alert, &ss.CheckedAt, &ss.CreatedAt); err != nil {
		return nil, err
	}
	ss.CheckedAt, ss.CreatedAt = ss.CheckedAt.UTC(), ss.CreatedAt.UTC()
	return &ss, nil
}

// CreateSavedSearch inserts a saved search.
func (s *Store) CreateSavedSearch(ctx context.Context, ss *ponte.SavedSearch) error {
	ss.CheckedAt, ss.CreatedAt = ts(ss.CheckedAt), ts(ss.CreatedAt)
	err := s.w.QueryRowContext(ctx, s.q(`INSERT INTO saved_searches (user_id, name, query, alert, checked_at, created_at)
		VALUES (?, ?, ?, ?, ?, ?) RETURNING id`), ss.UserID, ss.Name, ss.Query, ss.Alert, ss.CheckedAt, ss.CreatedAt).Scan(&ss.ID)
	return mapErr("CreateSavedSearch", err)
}

// CountSavedSearches counts a member's searches.
func (s *Store) CountSavedSearches(ctx context.Context, userID int64) (int, error) {
	var n int
	err := s.r.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM saved_searches WHERE user_id = ?`), userID).Scan(&n)
	return n, mapErr("CountSavedSearches", err)
}

// SavedSearches lists a member's searches, oldest first.
func (s *Store) SavedSearches(ctx context.Context, userID int64) ([]*ponte.SavedSearch, error) {
	return s.savedSearches(ctx, "SavedSearches", `SELECT `+savedSearchCols+` FROM saved_searches
		WHERE user_id = ? ORDER BY id LIMIT ?`, userID, ponte.MaxSavedSearches*2)
}

// DeleteSavedSearch deletes one of a member's searches.
func (s *Store) DeleteSavedSearch(ctx context.Context, userID, id int64) error {
	res, err := s.w.ExecContext(ctx, s.q(`DELETE FROM saved_searches WHERE id = ? AND user_id = ?`), id, userID)
	return notFoundIfNone("DeleteSavedSearch", res, err)
}

// SetSavedSearchAlert switches an alert; switching on restarts the window.
func (s *Store) SetSavedSearchAlert(ctx context.Context, userID, id int64, on bool, at time.Time) error {
	q := `UPDATE saved_searches SET alert = ? WHERE id = ? AND user_id = ?`
	args := []any{on, id, userID}
	if on {
		q = `UPDATE saved_searches SET alert = ?, checked_at = CASE WHEN alert THEN checked_at ELSE ? END
			WHERE id = ? AND user_id = ?`
		args = []any{on, ts(at), id, userID}
	}
	res, err := s.w.ExecContext(ctx, s.q(q), args...)
	return notFoundIfNone("SetSavedSearchAlert", res, err)
}

// DueSavedSearches reads the alerting searches due for a check through
// the (alert, checked_at) index.
func (s *Store) DueSavedSearches(ctx context.Context, before time.Time, n int) ([]*ponte.SavedSearch, error) {
	return s.savedSearches(ctx, "DueSavedSearches", `SELECT `+savedSearchCols+` FROM saved_searches
		WHERE alert = ? AND checked_at <= ? ORDER BY checked_at, id LIMIT ?`, true, ts(before), limit(n, 100, 1000))
}

// ClaimSavedSearch is a conditional update: it succeeds only while the
// check time is still the one the caller read.
func (s *Store) ClaimSavedSearch(ctx context.Context, id int64, prev, at time.Time) (bool, error) {
	res, err := s.w.ExecContext(ctx, s.q(`UPDATE saved_searches SET checked_at = ? WHERE id = ? AND checked_at = ?`),
		ts(at), id, ts(prev))
	return affected("ClaimSavedSearch", res, err)
}

// AlertProposals reads the proposals published in the alert's window that
// match its filter, through the (status, published_at) index.
func (s *Store) AlertProposals(ctx context.Context, q ponte.AlertQuery, n int) ([]*ponte.Proposal, error) {
	f := q.Filter
	f.BeforeID = 0
	where, args := proposalWhere(f)
	where = append(where, `p.published_at > ?`, `p.published_at <= ?`, `p.proposer_id <> ?`)
	args = append(args, ts(q.After), ts(q.Until), q.NotProposer, limit(n, 10, 100))
	var out []*ponte.Proposal
	err := s.queryEach(ctx, s.r, "AlertProposals", `SELECT `+proposalCols+proposalFrom+` WHERE `+
		strings.Join(where, ` AND `)+` ORDER BY p.published_at DESC, p.id DESC LIMIT ?`, args, func(r *sql.Rows) error {
		p, err := scanProposal(r)
		if err == nil {
			out = append(out, p)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, s.loadProposalLinks(ctx, out, f.Lang)
}

func (s *Store) savedSearches(ctx context.Context, op, q string, args ...any) ([]*ponte.SavedSearch, error) {
	var out []*ponte.SavedSearch
	err := s.queryEach(ctx, s.r, op, q, args, func(r *sql.Rows) error {
		ss, err := scanSavedSearch(r)
		if err == nil {
			out = append(out, ss)
		}
		return err
	})
	return out, err
}

// affected reports whether an update touched a row.
func affected(op string, res sql.Result, err error) (bool, error) {
	if err != nil {
		return false, mapErr(op, err)
	}
	n, err := res.RowsAffected()
	return n > 0, mapErr(op, err)
}

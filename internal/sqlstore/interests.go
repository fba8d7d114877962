package sqlstore

import (
	"context"
	"database/sql"

	"github.com/ponte-platform/ponte"
)

// interestCols are read with the proposal's title and the interested
// member's and organisation's contact details.
const interestCols = `i.id, i.proposal_id, i.user_id, i.org_id, i.message, i.status, i.created_at,
	i.decided_at, i.decided_by, p.title, u.display_name, u.email, COALESCE(o.name, ''),
	COALESCE(o.website, ''), COALESCE(o.address, '')`

const interestFrom = ` FROM proposal_interests i JOIN proposals p ON p.id = i.proposal_id
	JOIN users u ON u.id = i.user_id LEFT JOIN organisations o ON o.id = i.org_id`

func scanInterest(r rowScanner) (*ponte.Interest, error) {
	var i ponte.Interest
	var org, by sql.NullInt64
	var decided sql.NullTime
	c := &i.Contact
	err := r.Scan(&i.ID, &i.ProposalID, &i.UserID, &org, &i.Message, &i.Status, &i.CreatedAt, &decided,
		&by, &i.ProposalTitle, &c.Name, &c.Email, &c.OrgName, &c.OrgWebsite, &c.OrgAddress)
	if err != nil {
		return nil, err
	}
	i.OrgID, i.DecidedBy, i.DecidedAt = orgNullInt(org), orgNullInt(by), nullTime(decided)
	i.CreatedAt, c.OrgID = i.CreatedAt.UTC(), i.OrgID
	return &i, nil
}

// CreateInterest inserts an expression of interest.
func (s *Store) CreateInterest(ctx context.Context, i *ponte.Interest) error {
	i.CreatedAt = ts(i.CreatedAt)
	err := s.w.QueryRowContext(ctx, s.q(`INSERT INTO proposal_interests (proposal_id, user_id, org_id,
		message, status, created_at, decided_at, decided_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
		i.ProposalID, i.UserID, i.OrgID, i.Message, i.Status, i.CreatedAt, tsp(i.DecidedAt), i.DecidedBy).Scan(&i.ID)
	return mapErr("CreateInterest", err)
}

// InterestByID returns one expression of interest.
func (s *Store) InterestByID(ctx context.Context, id int64) (*ponte.Interest, error) {
	i, err := scanInterest(s.r.QueryRowContext(ctx, s.q(`SELECT `+interestCols+interestFrom+` WHERE i.id = ?`), id))
	if err != nil {
		return nil, mapErr("InterestByID", err)
	}
	return i, nil
}

// FindInterest returns a member's expression in a proposal for an
// organisation (or for themself); the unique index serves it.
func (s *Store) FindInterest(ctx context.Context, proposalID, userID int64, orgID *int64) (*ponte.Interest, error) {
	var org int64
	if orgID != nil {
		org = *orgID
	}
	i, err := scanInterest(s.r.QueryRowContext(ctx, s.q(`SELECT `+interestCols+interestFrom+`
		WHERE i.proposal_id = ? AND i.user_id = ? AND COALESCE(i.org_id, 0) = ?`), proposalID, userID, org))
	if err != nil {
		return nil, mapErr("FindInterest", err)
	}
	return i, nil
}

// ListInterests returns a page of a proposal's or a member's expressions,
// newest first, in one query.
func (s *Store) ListInterests(ctx context.Context, f ponte.InterestFilter) ([]*ponte.Interest, error) {
	q := `SELECT ` + interestCols + interestFrom + ` WHERE 1 = 1`
	var args []any
	if f.ProposalID != 0 {
		q += ` AND i.proposal_id = ?`
		args = append(args, f.ProposalID)
	}
	if f.UserID != 0 {
		q += ` AND i.user_id = ?`
		args = append(args, f.UserID)
	}
	if f.BeforeID > 0 {
		q += ` AND i.id < ?`
		args = append(args, f.BeforeID)
	}
	q += ` ORDER BY i.id DESC LIMIT ?`
	args = append(args, limit(f.Limit, 50, 500))
	out := []*ponte.Interest{}
	err := s.queryEach(ctx, s.r, "ListInterests", q, args, func(r *sql.Rows) error {
		i, err := scanInterest(r)
		if err == nil {
			out = append(out, i)
		}
		return err
	})
	return out, err
}

// DecideInterest accepts or declines a pending expression.
func (s *Store) DecideInterest(ctx context.Context, i *ponte.Interest) error {
	res, err := s.w.ExecContext(ctx, s.q(`UPDATE proposal_interests SET status = ?, decided_at = ?, decided_by = ?
		WHERE id = ? AND status = ?`), i.Status, tsp(i.DecidedAt), i.DecidedBy, i.ID, ponte.InterestPending)
	return notFoundIfNone("DecideInterest", res, err)
}

package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/ponte-platform/ponte"
)

// encodeAnswers stores ratings as a string of digits ("34521…"): compact,
// readable in a database shell, and the same on both databases.
func encodeAnswers(a []int) string {
	var b strings.Builder
	for _, r := range a {
		b.WriteByte(byte('0' + r))
	}
	return b.String()
}

func decodeAnswers(s string) ([]int, error) {
	out := make([]int, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return nil, fmt.Errorf("sqlstore: bad assessment answers %q", s)
		}
		out[i] = int(s[i] - '0')
	}
	return out, nil
}

// SaveAssessment stores a completed assessment and sets its ID.
func (s *Store) SaveAssessment(ctx context.Context, a *ponte.Assessment) error {
	for _, r := range a.Answers {
		if r < 0 || r > 9 {
			return fmt.Errorf("sqlstore.SaveAssessment: rating %d out of range", r)
		}
	}
	a.TakenAt = ts(a.TakenAt)
	err := s.w.QueryRowContext(ctx, s.q(`INSERT INTO assessments (user_id, version, answers, taken_at)
		VALUES (?, ?, ?, ?) RETURNING id`), a.UserID, a.Version, encodeAnswers(a.Answers), a.TakenAt).Scan(&a.ID)
	return mapErr("SaveAssessment", err)
}

func scanAssessment(row rowScanner) (*ponte.Assessment, error) {
	var a ponte.Assessment
	var answers string
	if err := row.Scan(&a.ID, &a.UserID, &a.Version, &answers, &a.TakenAt); err != nil {
		return nil, err
	}
	var err error
	a.Answers, err = decodeAnswers(answers)
	a.TakenAt = a.TakenAt.UTC()
	return &a, err
}

// Assessments lists a person's assessments, newest first.
func (s *Store) Assessments(ctx context.Context, userID, before int64, lim int) ([]*ponte.Assessment, error) {
	q := `SELECT id, user_id, version, answers, taken_at FROM assessments WHERE user_id = ?`
	args := []any{userID}
	if before > 0 {
		q, args = q+` AND id < ?`, append(args, before)
	}
	var out []*ponte.Assessment
	err := s.queryEach(ctx, s.r, "Assessments", q+` ORDER BY id DESC LIMIT ?`,
		append(args, limit(lim, 20, 100)), func(r *sql.Rows) error {
			a, err := scanAssessment(r)
			if err == nil {
				out = append(out, a)
			}
			return err
		})
	return out, err
}

// AssessmentByID returns one of a person's assessments.
func (s *Store) AssessmentByID(ctx context.Context, userID, id int64) (*ponte.Assessment, error) {
	a, err := scanAssessment(s.r.QueryRowContext(ctx, s.q(`SELECT id, user_id, version, answers, taken_at
		FROM assessments WHERE id = ? AND user_id = ?`), id, userID))
	return a, mapErr("AssessmentByID", err)
}

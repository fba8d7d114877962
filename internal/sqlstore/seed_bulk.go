package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
)

// preparer is what *sql.DB and *sql.Tx offer to prepare a statement.
type preparer interface {
	PrepareContext(ctx context.Context, query string) (*sql.Stmt, error)
}

// seedExec inserts rows with multi-row VALUES statements for the seeder
// (internal/seed): the full-size statement is prepared once per call and
// reused for every full chunk, so a batch of 40,000 rows costs one parse and
// forty executions; only the last, shorter chunk gets its own statement.
// scan, when not nil, reads the rows of a RETURNING tail.
func (s *Store) seedExec(ctx context.Context, op, head, tail string, cols int, rows [][]any, scan func(*sql.Rows) error) error {
	if len(rows) == 0 {
		return nil
	}
	p, ok := s.w.(preparer)
	if !ok {
		return fmt.Errorf("sqlstore.%s: the connection cannot prepare statements", op)
	}
	per := max(1, min(1000, maxParams/max(cols, 1)))
	var full *sql.Stmt
	defer func() {
		if full != nil {
			full.Close()
		}
	}()
	args := make([]any, 0, per*cols)
	for i := 0; i < len(rows); i += per {
		n := min(per, len(rows)-i)
		args = args[:0]
		for _, r := range rows[i : i+n] {
			args = append(args, r...)
		}
		stmt := full
		if stmt == nil || n != per {
			st, err := p.PrepareContext(ctx, s.q(head+" "+valuesList(n, cols)+" "+tail))
			if err != nil {
				return mapErr(op, err)
			}
			if n == per {
				full = st
			} else {
				defer st.Close()
			}
			stmt = st
		}
		if err := runSeedStmt(ctx, op, stmt, args, scan); err != nil {
			return err
		}
	}
	return nil
}

// runSeedStmt executes a prepared statement, scanning its rows if asked.
func runSeedStmt(ctx context.Context, op string, stmt *sql.Stmt, args []any, scan func(*sql.Rows) error) error {
	if scan == nil {
		_, err := stmt.ExecContext(ctx, args...)
		return mapErr(op, err)
	}
	rows, err := stmt.QueryContext(ctx, args...)
	if err != nil {
		return mapErr(op, err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return mapErr(op, err)
		}
	}
	return mapErr(op, rows.Err())
}

package sqlstore

import (
	"context"
	"database/sql"
	"strings"
)

// maxParams keeps one statement under SQLite's 32,766 host parameters (and
// PostgreSQL's 65,535).
const maxParams = 30000

// chunks splits n rows of width cols into ranges that fit one statement.
func chunks(n, cols int) [][2]int {
	per := max(1, min(1000, maxParams/max(cols, 1)))
	var out [][2]int
	for i := 0; i < n; i += per {
		out = append(out, [2]int{i, min(n, i+per)})
	}
	return out
}

// valuesList returns "(?,?),(?,?)…" for rows rows of cols columns.
func valuesList(rows, cols int) string {
	one := "(" + strings.TrimSuffix(strings.Repeat("?,", cols), ",") + ")"
	return strings.TrimSuffix(strings.Repeat(one+",", rows), ",")
}

// bulkExec inserts rows with multi-row VALUES statements: one round trip per
// chunk, which matters on PostgreSQL where a statement per row costs a
// network round trip each. head is "INSERT INTO t (a, b) VALUES", tail the
// ON CONFLICT clause.
func (s *Store) bulkExec(ctx context.Context, op, head, tail string, cols int, rows [][]any) error {
	for _, c := range chunks(len(rows), cols) {
		args := make([]any, 0, (c[1]-c[0])*cols)
		for _, r := range rows[c[0]:c[1]] {
			args = append(args, r...)
		}
		q := head + " " + valuesList(c[1]-c[0], cols) + " " + tail
		if _, err := s.w.ExecContext(ctx, s.q(q), args...); err != nil {
			return mapErr(op, err)
		}
	}
	return nil
}

// bulkQuery is bulkExec for statements with RETURNING; scan is called for
// each returned row.
func (s *Store) bulkQuery(ctx context.Context, op, head, tail string, cols int, rows [][]any, scan func(*sql.Rows) error) error {
	for _, c := range chunks(len(rows), cols) {
		args := make([]any, 0, (c[1]-c[0])*cols)
		for _, r := range rows[c[0]:c[1]] {
			args = append(args, r...)
		}
		q := head + " " + valuesList(c[1]-c[0], cols) + " " + tail
		if err := s.queryEach(ctx, s.w, op, q, args, scan); err != nil {
			return err
		}
	}
	return nil
}

// queryEach runs a query and calls scan for each row.
func (s *Store) queryEach(ctx context.Context, db querier, op, q string, args []any, scan func(*sql.Rows) error) error {
	rows, err := db.QueryContext(ctx, s.q(q), args...)
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

// inList returns "?,?,?" for n parameters.
func inList(n int) string { return strings.TrimSuffix(strings.Repeat("?,", n), ",") }

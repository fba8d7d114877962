package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
)

// seedInsert writes rows into table: with COPY inside a PostgreSQL seed
// session (SeedSession), where it is several times faster than multi-row
// VALUES and needs no statement text per chunk; with seedExec elsewhere.
// Values must have the column's Go type (int64 for BIGINT, time.Time for
// TIMESTAMPTZ…), since COPY's binary format does no implicit casts.
func (s *Store) seedInsert(ctx context.Context, op, table string, cols []string, rows [][]any) error {
	if len(rows) == 0 {
		return nil
	}
	if conn, ok := s.w.(*sql.Conn); ok && s.db.dialect == Postgres {
		return s.seedCopy(ctx, conn, op, table, cols, rows)
	}
	head := "INSERT INTO " + table + " (" + strings.Join(cols, ", ") + ") VALUES"
	return s.seedExec(ctx, op, head, "", len(cols), rows, nil)
}

// seedCopy runs COPY on the session's connection, in its transaction.
func (s *Store) seedCopy(ctx context.Context, conn *sql.Conn, op, table string, cols []string, rows [][]any) error {
	err := conn.Raw(func(dc any) error {
		c, ok := dc.(*stdlib.Conn)
		if !ok {
			return fmt.Errorf("not a pgx connection: %T", dc)
		}
		_, err := c.Conn().CopyFrom(ctx, pgx.Identifier{table}, cols, pgx.CopyFromRows(rows))
		return err
	})
	return mapErr(op, err)
}

package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"modernc.org/sqlite"

	"github.com/ponte-platform/ponte"
)

// querier is what *sql.DB and *sql.Tx have in common.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// rebound caches PostgreSQL forms of queries: queries are constants, so the
// cache stays as small as the code.
var rebound sync.Map

// rebind turns ? placeholders into $1, $2… for PostgreSQL. Queries never hold
// a literal question mark, so no quoting rules are needed.
func rebind(dialect, q string) string {
	if dialect != Postgres || !strings.Contains(q, "?") {
		return q
	}
	if v, ok := rebound.Load(q); ok {
		return v.(string)
	}
	var b strings.Builder
	b.Grow(len(q) + 16)
	n := 0
	for i := 0; i < len(q); i++ {
		if q[i] == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(q[i])
	}
	rebound.Store(q, b.String())
	return b.String()
}

// ts normalises a time for storage: UTC, microseconds (PostgreSQL's
// precision), so both databases return what was written.
func ts(t time.Time) time.Time { return t.UTC().Truncate(time.Microsecond) }

// tsp is ts for optional times.
func tsp(t *time.Time) any {
	if t == nil {
		return nil
	}
	return ts(*t)
}

// nullTime turns a scanned sql.NullTime into an optional UTC time.
func nullTime(n sql.NullTime) *time.Time {
	if !n.Valid {
		return nil
	}
	t := n.Time.UTC()
	return &t
}

// mapErr translates driver errors into ponte errors: no rows → ENotFound,
// unique violation → EConflict, foreign-key violation → EInvalid. Anything
// else is wrapped with where it happened.
func mapErr(op string, err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, sql.ErrNoRows) {
		return &ponte.Error{Code: ponte.ENotFound, Key: "error.not_found", Err: err}
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() {
		case 2067, 1555: // SQLITE_CONSTRAINT_UNIQUE, SQLITE_CONSTRAINT_PRIMARYKEY
			return &ponte.Error{Code: ponte.EConflict, Key: "error.conflict", Err: err}
		case 787: // SQLITE_CONSTRAINT_FOREIGNKEY
			return &ponte.Error{Code: ponte.EInvalid, Key: "error.reference", Err: err}
		}
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch pe.Code {
		case "23505":
			return &ponte.Error{Code: ponte.EConflict, Key: "error.conflict", Err: err}
		case "23503":
			return &ponte.Error{Code: ponte.EInvalid, Key: "error.reference", Err: err}
		}
	}
	return &ponte.Error{Code: ponte.EInternal, Err: errors.New("sqlstore." + op + ": " + err.Error())}
}

// notFoundIfNone returns ENotFound when an update or delete touched no row.
func notFoundIfNone(op string, res sql.Result, err error) error {
	if err != nil {
		return mapErr(op, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return mapErr(op, err)
	}
	if n == 0 {
		return &ponte.Error{Code: ponte.ENotFound, Key: "error.not_found"}
	}
	return nil
}

// limit clamps a page size into 1..max, defaulting to def.
func limit(n, def, maxN int) int {
	if n <= 0 {
		return def
	}
	return min(n, maxN)
}

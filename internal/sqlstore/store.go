package sqlstore

import (
	"context"
	"fmt"

	"github.com/ponte-platform/ponte"
)

// Store implements ponte.Store on an open DB. Outside a transaction reads use
// the read pool and writes the write pool; inside one both use the Tx.
type Store struct {
	db   *DB
	r, w querier
	inTx bool
}

var _ ponte.Store = (*Store)(nil)

// New returns a Store on db.
func New(db *DB) *Store { return &Store{db: db, r: db.r, w: db.w} }

// Dialect returns SQLite or Postgres.
func (s *Store) Dialect() string { return s.db.dialect }

// DB returns the underlying database.
func (s *Store) DB() *DB { return s.db }

// Ping checks that the database answers a query.
func (s *Store) Ping(ctx context.Context) error {
	var one int
	if err := s.r.QueryRowContext(ctx, "SELECT 1").Scan(&one); err != nil {
		return fmt.Errorf("sqlstore.Ping: %w", err)
	}
	return nil
}

// Tx runs fn in one transaction. A nested call joins the outer transaction.
// A panic in fn rolls back and is re-raised.
func (s *Store) Tx(ctx context.Context, fn func(ponte.Store) error) (err error) {
	if s.inTx {
		return fn(s)
	}
	tx, err := s.db.w.BeginTx(ctx, nil)
	if err != nil {
		return mapErr("Tx.begin", err)
	}
	defer func() {
		if p := recover(); p != nil {
			tx.Rollback()
			panic(p)
		}
	}()
	if err := fn(&Store{db: s.db, r: tx, w: tx, inTx: true}); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return mapErr("Tx.commit", err)
	}
	return nil
}

// q rebinds a query for the store's dialect.
func (s *Store) q(query string) string { return rebind(s.db.dialect, query) }

// Lock takes a transaction-scoped named lock. SQLite needs none: its single
// writer and BEGIN IMMEDIATE already serialise write transactions. PostgreSQL
// takes an advisory lock keyed by the name's hash.
func (s *Store) Lock(ctx context.Context, name string) error {
	if !s.inTx {
		return fmt.Errorf("sqlstore.Lock(%s): outside a transaction", name)
	}
	if s.db.dialect != Postgres {
		return nil
	}
	_, err := s.w.ExecContext(ctx, `SELECT pg_advisory_xact_lock(hashtext($1))`, name)
	return mapErr("Lock", err)
}

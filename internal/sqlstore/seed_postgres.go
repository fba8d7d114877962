package sqlstore

import (
	"context"
	"database/sql"
)

// dropSeedIndexesPostgres drops, inside the seed's transaction (DDL is
// transactional in PostgreSQL, so a failure restores them), the secondary
// indexes and the foreign keys of seedIndexedTables, and returns the
// statements that build them again: one sort per index and one join per
// foreign key at the end instead of an index update and a trigger call
// per row. The tables stay locked until the seed commits, which is why a
// seed is meant for a database not yet in service.
func dropSeedIndexesPostgres(ctx context.Context, conn *sql.Conn) ([]string, error) {
	var drops, create, idx []string
	tables := anySlice(seedIndexedTables)
	in := rebind(Postgres, inList(len(tables)))
	err := queryRows(ctx, conn, `SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid)
		FROM pg_constraint WHERE contype = 'f' AND conrelid::regclass::text IN (`+in+`) ORDER BY 1, 2`, tables,
		func(r *sql.Rows) error {
			var table, name, def string
			if err := r.Scan(&table, &name, &def); err != nil {
				return err
			}
			drops = append(drops, `ALTER TABLE `+table+` DROP CONSTRAINT "`+name+`"`)
			create = append(create, `ALTER TABLE `+table+` ADD CONSTRAINT "`+name+`" `+def)
			return nil
		})
	if err != nil {
		return nil, err
	}
	err = queryRows(ctx, conn, `SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i
		WHERE NOT i.indisprimary AND NOT i.indisunique AND i.indrelid::regclass::text IN (`+in+`) ORDER BY 1`,
		tables, func(r *sql.Rows) error {
			var name, def string
			if err := r.Scan(&name, &def); err != nil {
				return err
			}
			drops = append(drops, `DROP INDEX `+name)
			idx = append(idx, def)
			return nil
		})
	if err != nil {
		return nil, err
	}
	for _, q := range drops {
		if _, err := conn.ExecContext(ctx, q); err != nil {
			return nil, mapErr("SeedSession.indexes", err)
		}
	}
	return append(idx, create...), nil // indexes first: the foreign-key checks use them
}

// queryRows runs a query on conn and calls scan for each row.
func queryRows(ctx context.Context, conn *sql.Conn, q string, args []any, scan func(*sql.Rows) error) error {
	rows, err := conn.QueryContext(ctx, q, args...)
	if err != nil {
		return mapErr("SeedSession.indexes", err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return mapErr("SeedSession.indexes", err)
		}
	}
	return mapErr("SeedSession.indexes", rows.Err())
}

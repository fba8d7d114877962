package sqlstore

import (
	"context"
	"sort"
)

// Schema returns every table of the application with its sorted column
// names (goose's own table excluded). The migration parity test compares it
// across dialects.
func (db *DB) Schema(ctx context.Context) (map[string][]string, error) {
	// Only ordinary tables: FTS5 virtual tables and their shadow tables are
	// SQLite's search index, which PostgreSQL keeps as a GIN index instead.
	q := `SELECT t.name, p.name FROM pragma_table_list t, pragma_table_info(t.name) p
		WHERE t.schema = 'main' AND t.type = 'table' AND t.name NOT LIKE 'sqlite_%'`
	if db.dialect == Postgres {
		q = `SELECT table_name, column_name FROM information_schema.columns
			WHERE table_schema = current_schema()`
	}
	rows, err := db.r.QueryContext(ctx, q)
	if err != nil {
		return nil, mapErr("Schema", err)
	}
	defer rows.Close()
	out := map[string][]string{}
	for rows.Next() {
		var t, c string
		if err := rows.Scan(&t, &c); err != nil {
			return nil, mapErr("Schema", err)
		}
		if t != "goose_db_version" {
			out[t] = append(out[t], c)
		}
	}
	for _, cols := range out {
		sort.Strings(cols)
	}
	return out, mapErr("Schema", rows.Err())
}

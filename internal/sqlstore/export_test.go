package sqlstore

import "context"

// RedoMigrationsFrom undoes the migrations from version v on and applies
// them again, as on a database that was made before v and then upgraded.
func (db *DB) RedoMigrationsFrom(ctx context.Context, v int64) error {
	p, err := db.provider()
	if err != nil {
		return err
	}
	if _, err := p.DownTo(ctx, v-1); err != nil {
		return err
	}
	_, err = p.Up(ctx)
	return err
}

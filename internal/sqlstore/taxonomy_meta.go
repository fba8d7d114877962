package sqlstore

import (
	"context"
	"database/sql"
	"sort"

	"github.com/ponte-platform/ponte"
)

// TaxonomyMeta reads the whole of taxonomy_meta: a dozen rows.
func (s *Store) TaxonomyMeta(ctx context.Context) (map[string]string, error) {
	out := map[string]string{}
	err := s.queryEach(ctx, s.r, "TaxonomyMeta", `SELECT key, value FROM taxonomy_meta`, nil, func(r *sql.Rows) error {
		var k, v string
		if err := r.Scan(&k, &v); err != nil {
			return err
		}
		out[k] = v
		return nil
	})
	return out, err
}

// SetTaxonomyMeta upserts entries, in key order so that two concurrent
// writers take row locks in the same order.
func (s *Store) SetTaxonomyMeta(ctx context.Context, kv map[string]string) error {
	keys := make([]string, 0, len(kv))
	for k := range kv {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	rows := make([][]any, len(keys))
	for i, k := range keys {
		rows[i] = []any{k, kv[k]}
	}
	return s.bulkExec(ctx, "SetTaxonomyMeta", `INSERT INTO taxonomy_meta (key, value) VALUES`,
		`ON CONFLICT (key) DO UPDATE SET value = excluded.value`, 2, rows)
}

// UpsertProficiencyLevels stores framework levels.
func (s *Store) UpsertProficiencyLevels(ctx context.Context, ls []ponte.ProficiencyLevel) error {
	rows := make([][]any, len(ls))
	for i, l := range ls {
		rows[i] = []any{l.Scheme, l.Number, l.Name, l.Band, l.BandDescription, l.Autonomy, l.Description}
	}
	return s.bulkExec(ctx, "UpsertProficiencyLevels", `INSERT INTO proficiency_levels
		(scheme, level, name, band, band_description, autonomy, description) VALUES`,
		`ON CONFLICT (scheme, level) DO UPDATE SET name = excluded.name, band = excluded.band,
			band_description = excluded.band_description, autonomy = excluded.autonomy,
			description = excluded.description`, 7, rows)
}

// ProficiencyLevels reads a scheme's scale; it has at most a few levels.
func (s *Store) ProficiencyLevels(ctx context.Context, scheme string) ([]ponte.ProficiencyLevel, error) {
	var out []ponte.ProficiencyLevel
	err := s.queryEach(ctx, s.r, "ProficiencyLevels", `SELECT scheme, level, name, band, band_description,
		autonomy, description FROM proficiency_levels WHERE scheme = ? ORDER BY level`, []any{scheme},
		func(r *sql.Rows) error {
			var l ponte.ProficiencyLevel
			if err := r.Scan(&l.Scheme, &l.Number, &l.Name, &l.Band, &l.BandDescription, &l.Autonomy,
				&l.Description); err != nil {
				return err
			}
			out = append(out, l)
			return nil
		})
	return out, err
}

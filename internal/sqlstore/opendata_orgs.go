package sqlstore

import (
	"context"
	"database/sql"

	"github.com/ponte-platform/ponte"
)

// EachOpenOrganisation streams every organisation with its number of
// projects and its declared competences (sorted by URI).
func (s *Store) EachOpenOrganisation(ctx context.Context, fn func(*ponte.OpenOrganisation) error) error {
	return s.withConcepts(ctx, func(ctx context.Context, uris func() (*conceptNames, error)) error {
		return s.eachOpenOrganisation(ctx, fn, uris)
	})
}

// eachOpenOrganisation is EachOpenOrganisation with the concept URIs on
// their way.
func (s *Store) eachOpenOrganisation(ctx context.Context, fn func(*ponte.OpenOrganisation) error, uris func() (*conceptNames, error)) error {
	return openWalk[ponte.OpenOrganisation]{
		head: func(ctx context.Context, after int64, buf []ponte.OpenOrganisation) ([]ponte.OpenOrganisation, int64, bool, error) {
			out, err := s.openOrgs(ctx, after, buf)
			if err != nil || len(out) == 0 {
				return nil, 0, false, err
			}
			return out, out[len(out)-1].ID, len(out) == openBatch, nil
		},
		fills: []func(context.Context, []ponte.OpenOrganisation) error{s.openOrgProjects,
			func(ctx context.Context, out []ponte.OpenOrganisation) error {
				names, err := uris()
				if err != nil {
					return err
				}
				var comp related
				err = comp.load(ctx, s, "EachOpenOrganisation", `SELECT org_id, `+s.idList("concept_id")+`
					FROM org_competences WHERE org_id BETWEEN ? AND ? GROUP BY org_id ORDER BY org_id`,
					out[0].ID, out[len(out)-1].ID, 4*len(out), scanConceptList(names))
				comp.each(len(out), func(i int) int64 { return out[i].ID },
					func(i, lo, hi int) { out[i].Competences = comp.sortedList(lo, hi) })
				return err
			},
		},
	}.each(ctx, fn)
}

// openOrgs appends the next batch of organisations to out.
func (s *Store) openOrgs(ctx context.Context, after int64, out []ponte.OpenOrganisation) ([]ponte.OpenOrganisation, error) {
	err := s.queryEach(ctx, s.r, "EachOpenOrganisation", `SELECT o.id, o.name, o.type, o.registry_id,
		o.country, o.region, o.website, o.description, o.lat, o.lon, `+s.openTimeCol("o.updated_at")+`
		FROM organisations o WHERE o.id > ? ORDER BY o.id LIMIT ?`, []any{after, openBatch},
		func(r *sql.Rows) error {
			out = append(out, ponte.OpenOrganisation{})
			o := &out[len(out)-1]
			var lat, lon sql.NullFloat64
			if err := r.Scan(&o.ID, &o.Name, &o.Type, &o.RegistryID, &o.Country, &o.Region, &o.Website,
				&o.Description, &lat, &lon, scanTime{t: &o.UpdatedAt}); err != nil {
				return err
			}
			if lat.Valid && lon.Valid {
				ll := [2]float64{lat.Float64, lon.Float64}
				o.Lat, o.Lon = &ll[0], &ll[1]
			}
			return nil
		})
	return out, err
}

// openOrgProjects counts a batch's projects.
func (s *Store) openOrgProjects(ctx context.Context, out []ponte.OpenOrganisation) error {
	k := 0
	return s.queryEach(ctx, s.r, "EachOpenOrganisation", `SELECT org_id, COUNT(*) FROM org_projects
		WHERE org_id BETWEEN ? AND ? GROUP BY org_id ORDER BY org_id`, []any{out[0].ID, out[len(out)-1].ID},
		func(r *sql.Rows) error {
			var id int64
			var n int
			if err := r.Scan(&id, &n); err != nil {
				return err
			}
			for k < len(out) && out[k].ID < id {
				k++
			}
			if k < len(out) && out[k].ID == id {
				out[k].Projects = n
			}
			return nil
		})
}

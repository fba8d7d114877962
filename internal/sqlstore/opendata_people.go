package sqlstore

import (
	"context"
	"database/sql"

	"github.com/ponte-platform/ponte"
)

// EachOpenPerson streams active members whose "about" section is public,
// with every section's visibility so the service can blank the rest.
func (s *Store) EachOpenPerson(ctx context.Context, fn func(*ponte.OpenPerson) error) error {
	return s.withConcepts(ctx, func(ctx context.Context, uris func() (*conceptNames, error)) error {
		return s.eachOpenPerson(ctx, fn, uris)
	})
}

// eachOpenPerson is EachOpenPerson with the concept URIs on their way.
func (s *Store) eachOpenPerson(ctx context.Context, fn func(*ponte.OpenPerson) error, uris func() (*conceptNames, error)) error {
	vis := visibilities{}
	idOf := func(rows []ponte.OpenPerson) func(int) int64 { return func(i int) int64 { return rows[i].ID } }
	return openWalk[ponte.OpenPerson]{
		head: func(ctx context.Context, after int64, buf []ponte.OpenPerson) ([]ponte.OpenPerson, int64, bool, error) {
			out, err := s.openPeople(ctx, after, vis, buf)
			if err != nil || len(out) == 0 {
				return nil, 0, false, err
			}
			return out, out[len(out)-1].ID, len(out) == openBatch, nil
		},
		fills: []func(context.Context, []ponte.OpenPerson) error{
			func(ctx context.Context, out []ponte.OpenPerson) error {
				var langs related
				err := langs.load(ctx, s, "EachOpenPerson", `SELECT user_id, code FROM profile_languages
					WHERE user_id BETWEEN ? AND ? ORDER BY user_id, code`, out[0].ID, out[len(out)-1].ID, 3*len(out), scanCode)
				langs.each(len(out), idOf(out), func(i, lo, hi int) { out[i].Languages = langs.list(lo, hi) })
				return err
			},
			func(ctx context.Context, out []ponte.OpenPerson) error {
				names, err := uris()
				if err != nil {
					return err
				}
				var skills related
				// The primary key covers this: no table or concept lookups,
				// and one row per person rather than per skill.
				err = skills.load(ctx, s, "EachOpenPerson", `SELECT user_id, `+s.idList("concept_id")+`
					FROM profile_skills WHERE user_id BETWEEN ? AND ? GROUP BY user_id ORDER BY user_id`,
					out[0].ID, out[len(out)-1].ID, 10*len(out), scanConceptList(names))
				skills.each(len(out), idOf(out), func(i, lo, hi int) { out[i].Skills = skills.list(lo, hi) })
				return err
			},
		},
	}.each(ctx, fn)
}

// openPeople appends the next batch of open profiles to out. Both sides
// of the join start after the last id: with the bound on profiles alone,
// PostgreSQL merge-joined users from their first row on every batch
// (300 ms a batch half-way through two million people, instead of 4).
func (s *Store) openPeople(ctx context.Context, after int64, vis visibilities, out []ponte.OpenPerson) ([]ponte.OpenPerson, error) {
	err := s.queryEach(ctx, s.r, "EachOpenPerson", `SELECT p.user_id, u.display_name, p.headline,
		p.country, p.region, p.vis_skills, p.vis_languages, p.vis_location, `+s.openTimeCol("p.updated_at")+`
		FROM profiles p JOIN users u ON u.id = p.user_id
		WHERE p.user_id > ? AND u.id > ? AND p.vis_about = ? AND u.deactivated_at IS NULL
		ORDER BY p.user_id LIMIT ?`, []any{after, after, string(ponte.VisPublic), openBatch},
		func(r *sql.Rows) error {
			out = append(out, ponte.OpenPerson{})
			p := &out[len(out)-1]
			var k visKey
			if err := r.Scan(&p.ID, &p.Name, &p.Headline, &p.Country, &p.Region, &k.skills, &k.languages,
				&k.location, scanTime{t: &p.UpdatedAt}); err != nil {
				return err
			}
			p.Visibility = vis.of(k)
			return nil
		})
	return out, err
}

// visKey is the visibility of a profile's sections other than "about"
// (which is public for every open profile).
type visKey struct{ skills, languages, location string }

// visibilities hands out one Visibility map per combination of settings
// (there are a few dozen) instead of one per person: the maps are shared
// between rows and must be treated as read-only.
type visibilities map[visKey]map[string]ponte.Visibility

func (v visibilities) of(k visKey) map[string]ponte.Visibility {
	if m, ok := v[k]; ok {
		return m
	}
	m := map[string]ponte.Visibility{ponte.SectionAbout: ponte.VisPublic, ponte.SectionSkills: ponte.Visibility(k.skills),
		ponte.SectionLanguages: ponte.Visibility(k.languages), ponte.SectionLocation: ponte.Visibility(k.location)}
	v[k] = m
	return m
}

// scanCode reads an (owner id, code) row.
func scanCode(r *sql.Rows, rel *related) error {
	var id int64
	var code string
	if err := r.Scan(&id, &code); err != nil {
		return err
	}
	rel.ids, rel.vals = append(rel.ids, id), append(rel.vals, code)
	return nil
}

// scanConceptList reads an (owner id, list of concept ids) row as the
// concepts' URIs, in id order. The list is scanned as a string: the
// drivers hand text over as one, which sql.RawBytes would copy again.
func scanConceptList(uris *conceptNames) func(*sql.Rows, *related) error {
	return func(r *sql.Rows, rel *related) error {
		var id int64
		var list string
		if err := r.Scan(&id, &list); err != nil {
			return err
		}
		return rel.addIDList(id, list, uris)
	}
}

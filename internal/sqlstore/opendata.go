package sqlstore

import (
	"context"
	"database/sql"

	"github.com/ponte-platform/ponte"
)

// openBatch is how many rows each open-data query reads: big enough that
// the per-query cost vanishes, small enough that memory stays flat.
const openBatch = 2000

// eachBatch walks a table by id in batches: page(after) loads the next
// batch (with its related rows) and returns its rows and the last id.
func eachBatch[T any](ctx context.Context, page func(after int64) ([]T, int64, error), fn func(T) error) error {
	var after int64
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		rows, last, err := page(after)
		if err != nil {
			return err
		}
		for _, r := range rows {
			if err := fn(r); err != nil {
				return err
			}
		}
		if len(rows) < openBatch {
			return nil
		}
		after = last
	}
}

// EachOpenPerson streams active members whose "about" section is public,
// with every section's visibility so the service can blank the rest.
func (s *Store) EachOpenPerson(ctx context.Context, fn func(*ponte.OpenPerson) error) error {
	uris, err := s.conceptURIs(ctx)
	if err != nil {
		return err
	}
	return eachBatch(ctx, func(after int64) ([]*ponte.OpenPerson, int64, error) {
		var out []*ponte.OpenPerson
		byID := map[int64]*ponte.OpenPerson{}
		err := s.queryEach(ctx, s.r, "EachOpenPerson", `SELECT p.user_id, u.display_name, p.headline,
			p.country, p.region, p.vis_skills, p.vis_languages, p.vis_location, p.updated_at
			FROM profiles p JOIN users u ON u.id = p.user_id
			WHERE p.user_id > ? AND p.vis_about = ? AND u.deactivated_at IS NULL
			ORDER BY p.user_id LIMIT ?`, []any{after, string(ponte.VisPublic), openBatch},
			func(r *sql.Rows) error {
				var p ponte.OpenPerson
				var vs, vl, vloc string
				if err := r.Scan(&p.ID, &p.Name, &p.Headline, &p.Country, &p.Region, &vs, &vl, &vloc, &p.UpdatedAt); err != nil {
					return err
				}
				p.UpdatedAt = p.UpdatedAt.UTC()
				p.Visibility = map[string]ponte.Visibility{ponte.SectionAbout: ponte.VisPublic,
					ponte.SectionSkills: ponte.Visibility(vs), ponte.SectionLanguages: ponte.Visibility(vl),
					ponte.SectionLocation: ponte.Visibility(vloc)}
				out = append(out, &p)
				byID[p.ID] = &p
				return nil
			})
		if err != nil || len(out) == 0 {
			return out, 0, err
		}
		lo, hi := out[0].ID, out[len(out)-1].ID
		err = s.queryEach(ctx, s.r, "EachOpenPerson", `SELECT user_id, code FROM profile_languages
			WHERE user_id BETWEEN ? AND ? ORDER BY user_id, code`, []any{lo, hi}, func(r *sql.Rows) error {
			var id int64
			var code string
			if err := r.Scan(&id, &code); err != nil {
				return err
			}
			if p := byID[id]; p != nil {
				p.Languages = append(p.Languages, code)
			}
			return nil
		})
		if err != nil {
			return nil, 0, err
		}
		// The primary key covers this: no table or concept lookups.
		err = s.queryEach(ctx, s.r, "EachOpenPerson", `SELECT user_id, concept_id FROM profile_skills
			WHERE user_id BETWEEN ? AND ? ORDER BY user_id, concept_id`, []any{lo, hi}, func(r *sql.Rows) error {
			var id, concept int64
			if err := r.Scan(&id, &concept); err != nil {
				return err
			}
			if p := byID[id]; p != nil {
				p.Skills = append(p.Skills, uris[concept])
			}
			return nil
		})
		return out, hi, err
	}, fn)
}

// conceptURIs maps every concept id to its URI: a few tens of thousands
// of entries, read once per export so that the skill lists are read from
// covering indexes without a join per row.
func (s *Store) conceptURIs(ctx context.Context) (map[int64]string, error) {
	out := make(map[int64]string, 32<<10)
	err := s.queryEach(ctx, s.r, "conceptURIs", `SELECT id, uri FROM concepts`, nil, func(r *sql.Rows) error {
		var id int64
		var uri string
		if err := r.Scan(&id, &uri); err != nil {
			return err
		}
		out[id] = uri
		return nil
	})
	return out, err
}

// EachOpenOrganisation streams every organisation with its number of
// projects and its declared competences.
func (s *Store) EachOpenOrganisation(ctx context.Context, fn func(*ponte.OpenOrganisation) error) error {
	return eachBatch(ctx, func(after int64) ([]*ponte.OpenOrganisation, int64, error) {
		var out []*ponte.OpenOrganisation
		byID := map[int64]*ponte.OpenOrganisation{}
		err := s.queryEach(ctx, s.r, "EachOpenOrganisation", `SELECT o.id, o.name, o.type, o.registry_id,
			o.country, o.region, o.website, o.description, o.lat, o.lon, o.updated_at
			FROM organisations o WHERE o.id > ? ORDER BY o.id LIMIT ?`, []any{after, openBatch},
			func(r *sql.Rows) error {
				var o ponte.OpenOrganisation
				var lat, lon sql.NullFloat64
				if err := r.Scan(&o.ID, &o.Name, &o.Type, &o.RegistryID, &o.Country, &o.Region, &o.Website,
					&o.Description, &lat, &lon, &o.UpdatedAt); err != nil {
					return err
				}
				if lat.Valid && lon.Valid {
					o.Lat, o.Lon = &lat.Float64, &lon.Float64
				}
				o.UpdatedAt = o.UpdatedAt.UTC()
				out = append(out, &o)
				byID[o.ID] = &o
				return nil
			})
		if err != nil || len(out) == 0 {
			return out, 0, err
		}
		lo, hi := out[0].ID, out[len(out)-1].ID
		err = s.queryEach(ctx, s.r, "EachOpenOrganisation", `SELECT org_id, COUNT(*) FROM org_projects
			WHERE org_id BETWEEN ? AND ? GROUP BY org_id`, []any{lo, hi}, func(r *sql.Rows) error {
			var id int64
			var n int
			if err := r.Scan(&id, &n); err != nil {
				return err
			}
			if o := byID[id]; o != nil {
				o.Projects = n
			}
			return nil
		})
		if err != nil {
			return nil, 0, err
		}
		err = s.queryEach(ctx, s.r, "EachOpenOrganisation", `SELECT oc.org_id, c.uri FROM org_competences oc
			JOIN concepts c ON c.id = oc.concept_id
			WHERE oc.org_id BETWEEN ? AND ? ORDER BY oc.org_id, c.uri`, []any{lo, hi}, func(r *sql.Rows) error {
			var id int64
			var uri string
			if err := r.Scan(&id, &uri); err != nil {
				return err
			}
			if o := byID[id]; o != nil {
				o.Competences = append(o.Competences, uri)
			}
			return nil
		})
		return out, hi, err
	}, fn)
}

// EachOpenProposal streams published and closed proposals with their
// skills and codes.
func (s *Store) EachOpenProposal(ctx context.Context, fn func(*ponte.OpenProposal) error) error {
	var public []any
	for _, st := range ponte.ProposalStatuses {
		if ponte.ProposalPublic(st) {
			public = append(public, st)
		}
	}
	return eachBatch(ctx, func(after int64) ([]*ponte.OpenProposal, int64, error) {
		var out []*ponte.OpenProposal
		byID := map[int64]*ponte.OpenProposal{}
		args := append([]any{after}, public...)
		err := s.queryEach(ctx, s.r, "EachOpenProposal", `SELECT p.id, p.type, p.status, p.close_reason,
			p.title, p.summary, p.lang, p.deadline, p.call_ref, p.call_url, p.org_id, COALESCE(o.name, ''),
			p.published_at, p.updated_at
			FROM proposals p LEFT JOIN organisations o ON o.id = p.org_id
			WHERE p.id > ? AND p.status IN (`+inList(len(public))+`) ORDER BY p.id LIMIT ?`,
			append(args, openBatch), func(r *sql.Rows) error {
				var p ponte.OpenProposal
				var org sql.NullInt64
				var pub sql.NullTime
				if err := r.Scan(&p.ID, &p.Type, &p.Status, &p.CloseReason, &p.Title, &p.Summary, &p.Lang,
					&p.Deadline, &p.CallRef, &p.CallURL, &org, &p.OrgName, &pub, &p.UpdatedAt); err != nil {
					return err
				}
				p.OrgID, p.PublishedAt, p.UpdatedAt = orgNullInt(org), nullTime(pub), p.UpdatedAt.UTC()
				out = append(out, &p)
				byID[p.ID] = &p
				return nil
			})
		if err != nil || len(out) == 0 {
			return out, 0, err
		}
		lo, hi := out[0].ID, out[len(out)-1].ID
		err = s.queryEach(ctx, s.r, "EachOpenProposal", `SELECT ps.proposal_id, c.uri, ps.essential
			FROM proposal_skills ps JOIN concepts c ON c.id = ps.concept_id
			WHERE ps.proposal_id BETWEEN ? AND ? ORDER BY ps.proposal_id, c.uri`, []any{lo, hi},
			func(r *sql.Rows) error {
				var id int64
				var uri string
				var essential int
				if err := r.Scan(&id, &uri, &essential); err != nil {
					return err
				}
				if p := byID[id]; p != nil {
					if essential != 0 {
						p.Essential = append(p.Essential, uri)
					} else {
						p.NiceToHave = append(p.NiceToHave, uri)
					}
				}
				return nil
			})
		if err != nil {
			return nil, 0, err
		}
		err = s.queryEach(ctx, s.r, "EachOpenProposal", `SELECT proposal_id, kind, code FROM proposal_codes
			WHERE proposal_id BETWEEN ? AND ? ORDER BY proposal_id, kind, code`, []any{lo, hi},
			func(r *sql.Rows) error {
				var id int64
				var kind, code string
				if err := r.Scan(&id, &kind, &code); err != nil {
					return err
				}
				p := byID[id]
				if p == nil {
					return nil
				}
				switch kind {
				case pcodePartner:
					p.PartnerTypes = append(p.PartnerTypes, code)
				case pcodeCountry:
					p.Countries = append(p.Countries, code)
				case pcodeRegion:
					p.Regions = append(p.Regions, code)
				case pcodeS3:
					p.S3Areas = append(p.S3Areas, code)
				case pcodeTheme:
					p.Themes = append(p.Themes, code)
				}
				return nil
			})
		return out, hi, err
	}, fn)
}

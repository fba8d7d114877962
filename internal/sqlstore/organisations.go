package sqlstore

import (
	"context"
	"database/sql"
	"slices"

	"github.com/ponte-platform/ponte"
)

const orgCols = `id, name, type, registry_id, size_band, country, region, address, lat, lon, website,
	description, logo_id, source, source_key, name_key, project_count, created_by, created_at, updated_at`

func scanOrg(row rowScanner) (*ponte.Organisation, error) {
	var o ponte.Organisation
	var lat, lon sql.NullFloat64
	var logo, by sql.NullInt64
	err := row.Scan(&o.ID, &o.Name, &o.Type, &o.RegistryID, &o.SizeBand, &o.Country, &o.Region,
		&o.Address, &lat, &lon, &o.Website, &o.Description, &logo, &o.Source, &o.SourceKey,
		&o.NameKey, &o.ProjectCount, &by, &o.CreatedAt, &o.UpdatedAt)
	if err != nil {
		return nil, err
	}
	if lat.Valid && lon.Valid {
		o.Lat, o.Lon = &lat.Float64, &lon.Float64
	}
	if logo.Valid {
		o.LogoID = &logo.Int64
	}
	if by.Valid {
		o.CreatedBy = &by.Int64
	}
	o.CreatedAt, o.UpdatedAt = o.CreatedAt.UTC(), o.UpdatedAt.UTC()
	return &o, nil
}

// orgInsertCols are the columns an insert writes, in orgRow's order.
const orgInsertCols = `name, type, registry_id, size_band, country, region, address, lat, lon,
	website, description, logo_id, source, source_key, name_key, created_by, created_at, updated_at`

const orgInsertWidth = 18

// orgRow returns o's values for orgInsertCols, normalising its times.
func orgRow(o *ponte.Organisation) []any {
	o.CreatedAt, o.UpdatedAt = ts(o.CreatedAt), ts(o.UpdatedAt)
	return []any{o.Name, o.Type, o.RegistryID, o.SizeBand, o.Country, o.Region, o.Address,
		o.Lat, o.Lon, o.Website, o.Description, o.LogoID, o.Source, o.SourceKey, o.NameKey,
		o.CreatedBy, o.CreatedAt, o.UpdatedAt}
}

// CreateOrganisation inserts o with its codes and sets its ID.
func (s *Store) CreateOrganisation(ctx context.Context, o *ponte.Organisation) error {
	return s.Tx(ctx, func(tx ponte.Store) error {
		t := tx.(*Store)
		err := t.w.QueryRowContext(ctx, t.q(`INSERT INTO organisations (`+orgInsertCols+`)
			VALUES (`+inList(orgInsertWidth)+`) RETURNING id`), orgRow(o)...).Scan(&o.ID)
		if err != nil {
			return mapErr("CreateOrganisation", err)
		}
		return t.writeOrgCodes(ctx, []*ponte.Organisation{o}, false)
	})
}

// OrganisationByID returns one organisation with its codes.
func (s *Store) OrganisationByID(ctx context.Context, id int64) (*ponte.Organisation, error) {
	o, err := scanOrg(s.r.QueryRowContext(ctx, s.q(`SELECT `+orgCols+` FROM organisations WHERE id = ?`), id))
	if err != nil {
		return nil, mapErr("OrganisationByID", err)
	}
	if err := s.readOrgCodes(ctx, []*ponte.Organisation{o}); err != nil {
		return nil, err
	}
	return o, nil
}

// OrganisationsByIDs loads organisations by id with their codes: one query
// for the rows, one for the codes.
func (s *Store) OrganisationsByIDs(ctx context.Context, ids []int64) (map[int64]*ponte.Organisation, error) {
	out := make(map[int64]*ponte.Organisation, len(ids))
	var list []*ponte.Organisation
	for c := range slices.Chunk(ids, 1000) {
		err := s.queryEach(ctx, s.r, "OrganisationsByIDs", `SELECT `+orgCols+` FROM organisations WHERE id IN (`+
			inList(len(c))+`)`, idArgs(c), func(r *sql.Rows) error {
			o, err := scanOrg(r)
			if err == nil {
				out[o.ID] = o
				list = append(list, o)
			}
			return err
		})
		if err != nil {
			return nil, err
		}
	}
	if len(list) == 0 {
		return out, nil
	}
	return out, s.readOrgCodes(ctx, list)
}

// UpdateOrganisation saves the profile fields and codes of o.
func (s *Store) UpdateOrganisation(ctx context.Context, o *ponte.Organisation) error {
	return s.Tx(ctx, func(tx ponte.Store) error {
		t := tx.(*Store)
		o.UpdatedAt = ts(o.UpdatedAt)
		res, err := t.w.ExecContext(ctx, t.q(`UPDATE organisations SET name = ?, type = ?,
			registry_id = ?, size_band = ?, country = ?, region = ?, address = ?, lat = ?, lon = ?,
			website = ?, description = ?, logo_id = ?, name_key = ?, updated_at = ? WHERE id = ?`),
			o.Name, o.Type, o.RegistryID, o.SizeBand, o.Country, o.Region, o.Address, o.Lat, o.Lon,
			o.Website, o.Description, o.LogoID, o.NameKey, o.UpdatedAt, o.ID)
		if err := notFoundIfNone("UpdateOrganisation", res, err); err != nil {
			return err
		}
		return t.writeOrgCodes(ctx, []*ponte.Organisation{o}, true)
	})
}

// CountOrganisations counts every organisation.
func (s *Store) CountOrganisations(ctx context.Context) (int, error) {
	var n int
	err := s.r.QueryRowContext(ctx, `SELECT count(*) FROM organisations`).Scan(&n)
	return n, mapErr("CountOrganisations", err)
}

// SetOrgMember adds a member or changes their role.
func (s *Store) SetOrgMember(ctx context.Context, m *ponte.OrgMember) error {
	_, err := s.w.ExecContext(ctx, s.q(`INSERT INTO org_members (org_id, user_id, role, created_at)
		VALUES (?, ?, ?, ?) ON CONFLICT (org_id, user_id) DO UPDATE SET role = excluded.role`),
		m.OrgID, m.UserID, m.Role, ts(m.CreatedAt))
	return mapErr("SetOrgMember", err)
}

// OrgMembership returns a user's role in an organisation.
func (s *Store) OrgMembership(ctx context.Context, orgID, userID int64) (*ponte.OrgMember, error) {
	var m ponte.OrgMember
	err := s.r.QueryRowContext(ctx, s.q(`SELECT org_id, user_id, role, created_at FROM org_members
		WHERE org_id = ? AND user_id = ?`), orgID, userID).Scan(&m.OrgID, &m.UserID, &m.Role, &m.CreatedAt)
	if err != nil {
		return nil, mapErr("OrgMembership", err)
	}
	m.CreatedAt = m.CreatedAt.UTC()
	return &m, nil
}

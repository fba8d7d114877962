package sqlstore

import (
	"context"
	"database/sql"
	"errors"

	"github.com/ponte-platform/ponte"
)

// OrgImportCandidates finds organisations an import may match, one query
// per chunk of keys of each kind (per country for registry ids and names,
// so the (country, …) indexes serve them).
func (s *Store) OrgImportCandidates(ctx context.Context, k ponte.OrgImportKeys) ([]*ponte.Organisation, error) {
	byID := map[int64]*ponte.Organisation{}
	var order []*ponte.Organisation
	collect := func(r *sql.Rows) error {
		o, err := scanOrg(r)
		if err == nil && byID[o.ID] == nil {
			byID[o.ID] = o
			order = append(order, o)
		}
		return err
	}
	if err := s.candidatesBy(ctx, `source = ? AND source_key`, k.Source, k.SourceKeys, collect); err != nil {
		return nil, err
	}
	for country, ids := range byCountry(k.RegistryIDs) {
		if err := s.candidatesBy(ctx, `country = ? AND registry_id`, country, ids, collect); err != nil {
			return nil, err
		}
	}
	for country, names := range byCountry(k.NameKeys) {
		if err := s.candidatesBy(ctx, `country = ? AND name_key`, country, names, collect); err != nil {
			return nil, err
		}
	}
	return order, s.readOrgCodes(ctx, order)
}

// candidatesBy runs "WHERE <cond> IN (…)" with first as the first argument.
func (s *Store) candidatesBy(ctx context.Context, cond, first string, vals []string, scan func(*sql.Rows) error) error {
	for _, c := range chunks(len(vals), 1) {
		args := []any{first}
		for _, v := range vals[c[0]:c[1]] {
			args = append(args, v)
		}
		err := s.queryEach(ctx, s.r, "OrgImportCandidates", `SELECT `+orgCols+` FROM organisations
			WHERE `+cond+` IN (`+inList(len(args)-1)+`)`, args, scan)
		if err != nil {
			return err
		}
	}
	return nil
}

func byCountry(keys []ponte.CountryKey) map[string][]string {
	out := map[string][]string{}
	for _, k := range keys {
		out[k.Country] = append(out[k.Country], k.Key)
	}
	return out
}

// ImportedOrgProjects returns the projects of source held by orgIDs.
func (s *Store) ImportedOrgProjects(ctx context.Context, source string, orgIDs []int64) (map[ponte.OrgProjectKey]ponte.ImportedProject, error) {
	out := map[ponte.OrgProjectKey]ponte.ImportedProject{}
	for _, c := range chunks(len(orgIDs), 1) {
		args := append([]any{source}, orgArgs(orgIDs[c[0]:c[1]])...)
		err := s.queryEach(ctx, s.r, "ImportedOrgProjects", `SELECT org_id, source_key, id, source_hash
			FROM org_projects WHERE source = ? AND org_id IN (`+inList(len(args)-1)+`)`, args,
			func(r *sql.Rows) error {
				var k ponte.OrgProjectKey
				var p ponte.ImportedProject
				if err := r.Scan(&k.OrgID, &k.SourceKey, &p.ID, &p.SourceHash); err != nil {
					return err
				}
				out[k] = p
				return nil
			})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// CreateOrganisations inserts imported organisations in multi-row
// statements. Returned ids are matched back by source key, which the
// (source, source_key) unique index makes unambiguous.
func (s *Store) CreateOrganisations(ctx context.Context, os []*ponte.Organisation) error {
	byKey := make(map[string]*ponte.Organisation, len(os))
	rows := make([][]any, len(os))
	for i, o := range os {
		if o.Source == "" || o.SourceKey == "" {
			return errors.New("sqlstore.CreateOrganisations: every organisation needs a source and key")
		}
		byKey[o.SourceKey], rows[i] = o, orgRow(o)
	}
	err := s.bulkQuery(ctx, "CreateOrganisations", `INSERT INTO organisations (`+orgInsertCols+`) VALUES`,
		`RETURNING id, source_key`, orgInsertWidth, rows, func(r *sql.Rows) error {
			var id int64
			var key string
			if err := r.Scan(&id, &key); err != nil {
				return err
			}
			byKey[key].ID = id
			return nil
		})
	if err != nil {
		return err
	}
	return s.writeOrgCodes(ctx, os, false)
}

// UpdateOrganisations saves many organisations with one upsert per chunk:
// portable SQL for a bulk UPDATE, since the rows exist (they were read in
// the same transaction) the insert half never applies.
func (s *Store) UpdateOrganisations(ctx context.Context, os []*ponte.Organisation) error {
	rows := make([][]any, len(os))
	for i, o := range os {
		rows[i] = append([]any{o.ID}, orgRow(o)...)
	}
	err := s.bulkExec(ctx, "UpdateOrganisations", `INSERT INTO organisations (id, `+orgInsertCols+`) VALUES`,
		`ON CONFLICT (id) DO UPDATE SET name = excluded.name, type = excluded.type,
			registry_id = excluded.registry_id, size_band = excluded.size_band,
			country = excluded.country, region = excluded.region, address = excluded.address,
			lat = excluded.lat, lon = excluded.lon, website = excluded.website,
			description = excluded.description, logo_id = excluded.logo_id,
			name_key = excluded.name_key, updated_at = excluded.updated_at`, orgInsertWidth+1, rows)
	if err != nil {
		return err
	}
	return s.writeOrgCodes(ctx, os, true)
}

// CreateOrgProjects inserts imported projects in multi-row statements,
// matching ids back by (organisation, source key).
func (s *Store) CreateOrgProjects(ctx context.Context, ps []*ponte.OrgProject) error {
	byKey := make(map[ponte.OrgProjectKey]*ponte.OrgProject, len(ps))
	rows := make([][]any, len(ps))
	for i, p := range ps {
		byKey[ponte.OrgProjectKey{OrgID: p.OrgID, SourceKey: p.SourceKey}], rows[i] = p, projectRow(p)
	}
	return s.bulkQuery(ctx, "CreateOrgProjects", `INSERT INTO org_projects (`+projectWriteCols+`) VALUES`,
		`RETURNING id, org_id, source_key`, projectWriteWidth, rows, func(r *sql.Rows) error {
			var id int64
			var k ponte.OrgProjectKey
			if err := r.Scan(&id, &k.OrgID, &k.SourceKey); err != nil {
				return err
			}
			if p := byKey[k]; p != nil {
				p.ID = id
			}
			return nil
		})
}

// UpdateImportedOrgProjects rewrites the imported fields of projects by id,
// leaving results, partners and skills as their organisation set them.
func (s *Store) UpdateImportedOrgProjects(ctx context.Context, ps []*ponte.OrgProject) error {
	rows := make([][]any, len(ps))
	for i, p := range ps {
		rows[i] = append([]any{p.ID}, projectRow(p)...)
	}
	return s.bulkExec(ctx, "UpdateImportedOrgProjects", `INSERT INTO org_projects (id, `+projectWriteCols+`) VALUES`,
		`ON CONFLICT (id) DO UPDATE SET title = excluded.title, description = excluded.description,
			start_date = excluded.start_date, end_date = excluded.end_date, year = excluded.year,
			sort_date = excluded.sort_date, programme = excluded.programme, fund = excluded.fund,
			budget_cents = excluded.budget_cents, eu_funding_cents = excluded.eu_funding_cents,
			orig_budget_cents = excluded.orig_budget_cents,
			orig_eu_funding_cents = excluded.orig_eu_funding_cents,
			orig_currency = excluded.orig_currency, region = excluded.region,
			source_hash = excluded.source_hash, updated_at = excluded.updated_at`,
		projectWriteWidth+1, rows)
}

// RecountOrgProjects sets project_count from the projects themselves.
func (s *Store) RecountOrgProjects(ctx context.Context, ids []int64) error {
	for _, c := range chunks(len(ids), 2) { // the second statement lists the ids twice
		if err := s.recountProjectsOf(ctx, orgSet{in: ids[c[0]:c[1]]}); err != nil {
			return err
		}
	}
	return nil
}

// recountProjectsOf sets the project_count of the organisations of set
// from one aggregate of their projects rather than a count (or a join) per
// organisation, which stays fast where org_projects has no index on org_id
// yet (a seed builds it at the end); only the counts that change are
// rewritten. Those without projects are found on SQLite by the ids of the
// set's projects, which it keeps in one temporary index, and on PostgreSQL
// by an anti-join (NOT IN over a subquery larger than work_mem would scan
// it again for every organisation).
func (s *Store) recountProjectsOf(ctx context.Context, set orgSet) error {
	var counted, none []any
	q1 := `UPDATE organisations SET project_count = c.n FROM (SELECT org_id, count(*) AS n FROM org_projects
		WHERE ` + set.cond("org_id", &counted) + ` GROUP BY org_id) c
		WHERE organisations.id = c.org_id AND organisations.project_count <> c.n`
	q2 := `UPDATE organisations SET project_count = 0 WHERE ` + set.cond("id", &none) + ` AND project_count <> 0 AND `
	if s.db.dialect == Postgres {
		q2 += `NOT EXISTS (SELECT 1 FROM org_projects p WHERE p.org_id = organisations.id)`
	} else {
		q2 += `id NOT IN (SELECT org_id FROM org_projects WHERE ` + set.cond("org_id", &none) + `)`
	}
	if _, err := s.w.ExecContext(ctx, s.q(q1), counted...); err != nil {
		return mapErr("RecountOrgProjects", err)
	}
	_, err := s.w.ExecContext(ctx, s.q(q2), none...)
	return mapErr("RecountOrgProjects", err)
}

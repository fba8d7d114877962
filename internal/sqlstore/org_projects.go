package sqlstore

import (
	"context"
	"time"

	"github.com/ponte-platform/ponte"
)

// projectWriteCols are the columns CreateOrgProject writes, in projectRow's
// order.
const projectWriteCols = `org_id, title, description, results, start_date, end_date, year,
	sort_date, programme, fund, budget_cents, eu_funding_cents, orig_budget_cents,
	orig_eu_funding_cents, orig_currency, region, source, source_key, source_hash, created_by,
	created_at, updated_at`

const projectWriteWidth = 22

// orgDateText stores a date as ISO text (empty when unknown): the same in both
// databases, and it sorts.
func orgDateText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

func projectRow(p *ponte.OrgProject) []any {
	p.CreatedAt, p.UpdatedAt = ts(p.CreatedAt), ts(p.UpdatedAt)
	return []any{p.OrgID, p.Title, p.Description, p.Results, orgDateText(p.StartDate),
		orgDateText(p.EndDate), p.Year, p.SortDate(), p.Programme, p.Fund, p.Budget, p.EUFunding,
		p.OrigBudget, p.OrigEUFunding, p.OrigCurrency, p.Region, p.Source, p.SourceKey,
		p.SourceHash, p.CreatedBy, p.CreatedAt, p.UpdatedAt}
}

// CreateOrgProject inserts a project with its partners and skills.
func (s *Store) CreateOrgProject(ctx context.Context, p *ponte.OrgProject) error {
	return s.Tx(ctx, func(tx ponte.Store) error {
		t := tx.(*Store)
		err := t.w.QueryRowContext(ctx, t.q(`INSERT INTO org_projects (`+projectWriteCols+`)
			VALUES (`+inList(projectWriteWidth)+`) RETURNING id`), projectRow(p)...).Scan(&p.ID)
		if err != nil {
			return mapErr("CreateOrgProject", err)
		}
		if err := t.writeProjectLinks(ctx, p, false); err != nil {
			return err
		}
		return t.afterProjectChange(ctx, p.OrgID, 1, len(p.SkillIDs) > 0)
	})
}

// UpdateOrgProject saves a project with its partners and skills.
func (s *Store) UpdateOrgProject(ctx context.Context, p *ponte.OrgProject) error {
	return s.Tx(ctx, func(tx ponte.Store) error {
		t := tx.(*Store)
		p.UpdatedAt = ts(p.UpdatedAt)
		res, err := t.w.ExecContext(ctx, t.q(`UPDATE org_projects SET title = ?, description = ?,
			results = ?, start_date = ?, end_date = ?, year = ?, sort_date = ?, programme = ?,
			fund = ?, budget_cents = ?, eu_funding_cents = ?, region = ?, updated_at = ?
			WHERE id = ? AND org_id = ?`), p.Title, p.Description, p.Results,
			orgDateText(p.StartDate), orgDateText(p.EndDate), p.Year, p.SortDate(), p.Programme, p.Fund,
			p.Budget, p.EUFunding, p.Region, p.UpdatedAt, p.ID, p.OrgID)
		if err := notFoundIfNone("UpdateOrgProject", res, err); err != nil {
			return err
		}
		if err := t.writeProjectLinks(ctx, p, true); err != nil {
			return err
		}
		return t.afterProjectChange(ctx, p.OrgID, 0, true)
	})
}

// DeleteOrgProject removes a project of orgID.
func (s *Store) DeleteOrgProject(ctx context.Context, orgID, id int64) error {
	return s.Tx(ctx, func(tx ponte.Store) error {
		t := tx.(*Store)
		res, err := t.w.ExecContext(ctx, t.q(`DELETE FROM org_projects WHERE id = ? AND org_id = ?`), id, orgID)
		if err := notFoundIfNone("DeleteOrgProject", res, err); err != nil {
			return err
		}
		return t.afterProjectChange(ctx, orgID, -1, true)
	})
}

// afterProjectChange keeps the organisation's project count and its
// competence summary in step, inside the project's transaction.
func (s *Store) afterProjectChange(ctx context.Context, orgID int64, delta int, skills bool) error {
	if delta != 0 {
		_, err := s.w.ExecContext(ctx, s.q(`UPDATE organisations SET project_count = project_count + ?
			WHERE id = ?`), delta, orgID)
		if err != nil {
			return mapErr("afterProjectChange", err)
		}
	}
	if !skills {
		return nil
	}
	return s.refreshOrgConcepts(ctx, []int64{orgID})
}

// writeProjectLinks stores a project's partners and skills, replacing the
// old ones when asked.
func (s *Store) writeProjectLinks(ctx context.Context, p *ponte.OrgProject, replace bool) error {
	if replace {
		for _, table := range []string{"org_project_partners", "org_project_skills"} {
			if _, err := s.w.ExecContext(ctx, s.q(`DELETE FROM `+table+` WHERE project_id = ?`), p.ID); err != nil {
				return mapErr("writeProjectLinks", err)
			}
		}
	}
	partners := make([][]any, len(p.Partners))
	for i, pa := range p.Partners {
		partners[i] = []any{p.ID, i, pa.OrgID, pa.Name}
	}
	err := s.bulkExec(ctx, "writeProjectLinks", `INSERT INTO org_project_partners (project_id, position,
		partner_org_id, name) VALUES`, ``, 4, partners)
	if err != nil {
		return err
	}
	skills := make([][]any, 0, len(p.SkillIDs))
	for _, id := range p.SkillIDs {
		skills = append(skills, []any{p.ID, id, p.OrgID})
	}
	return s.bulkExec(ctx, "writeProjectLinks", `INSERT INTO org_project_skills (project_id, concept_id,
		org_id) VALUES`, `ON CONFLICT DO NOTHING`, 3, skills)
}

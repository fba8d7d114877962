package sqlstore

import (
	"context"
	"database/sql"
	"sort"
	"time"

	"github.com/ponte-platform/ponte"
)

const projectCols = `id, org_id, title, description, results, start_date, end_date, year,
	programme, fund, budget_cents, eu_funding_cents, orig_budget_cents, orig_eu_funding_cents,
	orig_currency, region, source, source_key, source_hash, created_by, created_at, updated_at`

func scanProject(row rowScanner) (*ponte.OrgProject, error) {
	var p ponte.OrgProject
	var start, end string
	var budget, eu, ob, oe, by sql.NullInt64
	err := row.Scan(&p.ID, &p.OrgID, &p.Title, &p.Description, &p.Results, &start, &end, &p.Year,
		&p.Programme, &p.Fund, &budget, &eu, &ob, &oe, &p.OrigCurrency, &p.Region, &p.Source,
		&p.SourceKey, &p.SourceHash, &by, &p.CreatedAt, &p.UpdatedAt)
	if err != nil {
		return nil, err
	}
	p.StartDate, p.EndDate = orgDate(start), orgDate(end)
	p.Budget, p.EUFunding = orgNullInt(budget), orgNullInt(eu)
	p.OrigBudget, p.OrigEUFunding, p.CreatedBy = orgNullInt(ob), orgNullInt(oe), orgNullInt(by)
	p.CreatedAt, p.UpdatedAt = p.CreatedAt.UTC(), p.UpdatedAt.UTC()
	return &p, nil
}

func orgDate(s string) time.Time {
	t, _ := time.Parse(time.DateOnly, s)
	return t
}

func orgNullInt(n sql.NullInt64) *int64 {
	if !n.Valid {
		return nil
	}
	v := n.Int64
	return &v
}

// OrgProjectByID returns a project with partners and labelled skills.
func (s *Store) OrgProjectByID(ctx context.Context, id int64, lang string) (*ponte.OrgProject, error) {
	p, err := scanProject(s.r.QueryRowContext(ctx, s.q(`SELECT `+projectCols+` FROM org_projects WHERE id = ?`), id))
	if err != nil {
		return nil, mapErr("OrgProjectByID", err)
	}
	if err := s.loadProjectLinks(ctx, []*ponte.OrgProject{p}, lang); err != nil {
		return nil, err
	}
	return p, nil
}

// ListOrgProjects returns a page of projects, newest first: one query for
// the page, one for partners, two for skills and their labels.
func (s *Store) ListOrgProjects(ctx context.Context, f ponte.OrgProjectFilter) ([]*ponte.OrgProject, error) {
	q := `SELECT ` + projectCols + ` FROM org_projects WHERE org_id = ?`
	args := []any{f.OrgID}
	if f.After != nil {
		q += ` AND (sort_date < ? OR (sort_date = ? AND id < ?))`
		args = append(args, f.After.SortDate, f.After.SortDate, f.After.ID)
	}
	q += ` ORDER BY sort_date DESC, id DESC LIMIT ?`
	args = append(args, limit(f.Limit, 20, 200))
	var out []*ponte.OrgProject
	err := s.queryEach(ctx, s.r, "ListOrgProjects", q, args, func(r *sql.Rows) error {
		p, err := scanProject(r)
		if err == nil {
			out = append(out, p)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, s.loadProjectLinks(ctx, out, f.Lang)
}

// loadProjectLinks fills partners and skills of projects.
func (s *Store) loadProjectLinks(ctx context.Context, ps []*ponte.OrgProject, lang string) error {
	if len(ps) == 0 {
		return nil
	}
	byID := make(map[int64]*ponte.OrgProject, len(ps))
	ids := make([]int64, len(ps))
	for i, p := range ps {
		byID[p.ID], ids[i] = p, p.ID
	}
	if err := s.loadPartners(ctx, ids, byID); err != nil {
		return err
	}
	return s.loadProjectSkills(ctx, ids, byID, lang)
}

func (s *Store) loadPartners(ctx context.Context, ids []int64, byID map[int64]*ponte.OrgProject) error {
	return s.queryEach(ctx, s.r, "loadPartners", `SELECT pp.project_id, pp.partner_org_id,
		COALESCE(o.name, pp.name) FROM org_project_partners pp
		LEFT JOIN organisations o ON o.id = pp.partner_org_id
		WHERE pp.project_id IN (`+inList(len(ids))+`) ORDER BY pp.project_id, pp.position`,
		orgArgs(ids), func(r *sql.Rows) error {
			var pid int64
			var org sql.NullInt64
			var pa ponte.OrgProjectPartner
			if err := r.Scan(&pid, &org, &pa.Name); err != nil {
				return err
			}
			pa.OrgID = orgNullInt(org)
			byID[pid].Partners = append(byID[pid].Partners, pa)
			return nil
		})
}

// loadProjectSkills reads the skill ids of the projects, then labels all
// their distinct concepts at once.
func (s *Store) loadProjectSkills(ctx context.Context, ids []int64, byID map[int64]*ponte.OrgProject, lang string) error {
	seen := map[int64]bool{}
	var concepts []int64
	err := s.queryEach(ctx, s.r, "loadProjectSkills", `SELECT project_id, concept_id FROM org_project_skills
		WHERE project_id IN (`+inList(len(ids))+`)`, orgArgs(ids), func(r *sql.Rows) error {
		var pid, cid int64
		if err := r.Scan(&pid, &cid); err != nil {
			return err
		}
		byID[pid].SkillIDs = append(byID[pid].SkillIDs, cid)
		if !seen[cid] {
			seen[cid] = true
			concepts = append(concepts, cid)
		}
		return nil
	})
	if err != nil || len(concepts) == 0 {
		return err
	}
	label, err := s.conceptMap(ctx, concepts, lang)
	if err != nil {
		return err
	}
	for _, p := range byID {
		for _, id := range p.SkillIDs {
			if c := label[id]; c != nil {
				p.Skills = append(p.Skills, c)
			}
		}
		sort.Slice(p.Skills, func(i, j int) bool { return p.Skills[i].Label < p.Skills[j].Label })
	}
	return nil
}

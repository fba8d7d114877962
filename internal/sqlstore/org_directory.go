package sqlstore

import (
	"context"
	"database/sql"
	"strings"

	"github.com/ponte-platform/ponte"
)

// orgQuery builds the directory query: filters become WHERE terms, the
// order picks the score and the keyset condition.
type orgQuery struct {
	from  string
	where []string
	args  []any
	score string
}

func (q *orgQuery) add(term string, args ...any) {
	q.where = append(q.where, term)
	q.args = append(q.args, args...)
}

// ListOrganisations returns a directory page in two queries: the page
// itself, then the member counts of its entries.
func (s *Store) ListOrganisations(ctx context.Context, f ponte.OrgFilter) ([]*ponte.OrgListItem, error) {
	q := s.orgDirectoryQuery(f)
	text := q.sql(f) // before q.args is read: sql appends the limit
	var out []*ponte.OrgListItem
	err := s.queryEach(ctx, s.r, "ListOrganisations", text, q.args, func(r *sql.Rows) error {
		var it ponte.OrgListItem
		var logo sql.NullInt64
		if err := r.Scan(&it.ID, &it.Name, &it.Type, &it.SizeBand, &it.Country, &it.Region, &logo,
			&it.ProjectCount, &it.UpdatedAt, &it.Score); err != nil {
			return err
		}
		if logo.Valid {
			it.LogoID = &logo.Int64
		}
		it.UpdatedAt = it.UpdatedAt.UTC()
		out = append(out, &it)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, s.fillMemberCounts(ctx, out)
}

func (s *Store) orgDirectoryQuery(f ponte.OrgFilter) *orgQuery {
	q := &orgQuery{from: `organisations o`, score: `o.project_count`}
	if len(f.ConceptIDs) > 0 {
		if skillOnly(f) {
			return skillTopQuery(f)
		}
		q.from += ` JOIN (` + skillEvidence(len(f.ConceptIDs)) + `) sk ON sk.org_id = o.id`
		q.args = append(append(q.args, orgArgs(f.ConceptIDs)...), orgArgs(f.ConceptIDs)...)
		q.score = `sk.score`
	}
	q.filters(f)
	q.keyset(f)
	return q
}

// skillEvidence sums the evidence of n filtered concepts per organisation:
// the kept summary of declarations and projects, plus members' public
// skills. Its arguments are the concept ids, twice.
func skillEvidence(n int) string {
	in := inList(n)
	return `SELECT e.org_id, SUM(e.w) AS score FROM (
		SELECT org_id, weight AS w FROM org_concepts WHERE concept_id IN (` + in + `)
		UNION ALL
		SELECT ms.org_id, 1 AS w FROM (` + memberSkills + `) ms WHERE ms.concept_id IN (` + in + `)
	) e GROUP BY e.org_id`
}

// filters adds the WHERE terms of the simple filters.
func (q *orgQuery) filters(f ponte.OrgFilter) {
	if f.Type != "" {
		q.add(`o.type = ?`, f.Type)
	}
	if f.SizeBand != "" {
		q.add(`o.size_band = ?`, f.SizeBand)
	}
	if lo, hi := ponte.RegionRange(f.Region); lo != "" {
		q.add(`o.region >= ? AND o.region < ?`, lo, hi)
	}
	if f.Sector != "" {
		q.add(`EXISTS (SELECT 1 FROM org_codes c WHERE c.org_id = o.id AND c.kind = ? AND c.code = ?)`, codeSector, f.Sector)
	}
	if f.S3Area != "" {
		q.add(`EXISTS (SELECT 1 FROM org_codes c WHERE c.org_id = o.id AND c.kind = ? AND c.code = ?)`, codeS3, f.S3Area)
	}
	if f.NameQuery != "" {
		q.add(`o.name_key LIKE ?`, "%"+f.NameQuery+"%")
	}
}

// keyset adds the condition that starts the page after the cursor.
func (q *orgQuery) keyset(f ponte.OrgFilter) {
	c := f.After
	if c == nil {
		return
	}
	if f.Order == ponte.OrderRecent {
		at := ts(c.UpdatedAt)
		q.add(`(o.updated_at < ? OR (o.updated_at = ? AND o.id < ?))`, at, at, c.ID)
		return
	}
	q.add(`(`+q.score+` < ? OR (`+q.score+` = ? AND o.id < ?))`, c.Score, c.Score, c.ID)
}

func (q *orgQuery) sql(f ponte.OrgFilter) string {
	var b strings.Builder
	b.WriteString(`SELECT o.id, o.name, o.type, o.size_band, o.country, o.region, o.logo_id,
		o.project_count, o.updated_at, ` + q.score + ` FROM ` + q.from)
	if len(q.where) > 0 {
		b.WriteString(` WHERE ` + strings.Join(q.where, ` AND `))
	}
	if f.Order == ponte.OrderRecent {
		b.WriteString(` ORDER BY o.updated_at DESC, o.id DESC`)
	} else {
		b.WriteString(` ORDER BY ` + q.score + ` DESC, o.id DESC`)
	}
	b.WriteString(` LIMIT ?`)
	q.args = append(q.args, limit(f.Limit, 20, 100))
	return b.String()
}

// fillMemberCounts counts the members of a page's organisations in one
// query.
func (s *Store) fillMemberCounts(ctx context.Context, items []*ponte.OrgListItem) error {
	if len(items) == 0 {
		return nil
	}
	byID := make(map[int64]*ponte.OrgListItem, len(items))
	ids := make([]int64, len(items))
	for i, it := range items {
		byID[it.ID], ids[i] = it, it.ID
	}
	return s.queryEach(ctx, s.r, "fillMemberCounts", `SELECT org_id, count(*) FROM org_members
		WHERE org_id IN (`+inList(len(ids))+`) GROUP BY org_id`, orgArgs(ids), func(r *sql.Rows) error {
		var id int64
		var n int
		if err := r.Scan(&id, &n); err != nil {
			return err
		}
		byID[id].Members = n
		return nil
	})
}

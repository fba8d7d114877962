package sqlstore

import "github.com/ponte-platform/ponte"

// skillOnly reports whether a directory query filters by skills alone, in
// relevance order: then the page can be cut from the evidence before any
// organisation row is read.
func skillOnly(f ponte.OrgFilter) bool {
	return f.Type == "" && f.SizeBand == "" && f.Region == "" && f.Sector == "" && f.S3Area == "" &&
		f.NameQuery == "" && f.Order != ponte.OrderRecent
}

// skillTopQuery ranks organisations by evidence and keeps one page before
// joining organisations: with a common skill held by thousands, the join
// then reads twenty rows instead of thousands (measured on 10,000
// organisations: PostgreSQL 46 → 25 ms, page two 90 → 25 ms; on SQLite
// the aggregate itself dominates). Evidence rows always have their
// organisation (the foreign keys cascade), so the inner join loses nothing.
func skillTopQuery(f ponte.OrgFilter) *orgQuery {
	q := &orgQuery{score: `sk.score`}
	q.args = append(orgArgs(f.ConceptIDs), orgArgs(f.ConceptIDs)...)
	top := skillEvidence(len(f.ConceptIDs))
	if c := f.After; c != nil {
		top += ` HAVING SUM(e.w) < ? OR (SUM(e.w) = ? AND e.org_id < ?)`
		q.args = append(q.args, c.Score, c.Score, c.ID)
	}
	q.args = append(q.args, limit(f.Limit, 20, 100))
	q.from = `(` + top + ` ORDER BY score DESC, e.org_id DESC LIMIT ?) sk JOIN organisations o ON o.id = sk.org_id`
	return q
}

package sqlstore

import (
	"context"
	"database/sql"
	"strings"

	"github.com/ponte-platform/ponte"
)

// peopleQuery assembles the directory query: conditions and their
// arguments, in order.
type peopleQuery struct {
	where []string
	args  []any
}

func (q *peopleQuery) add(cond string, args ...any) {
	q.where = append(q.where, cond)
	q.args = append(q.args, args...)
}

// visible restricts to people whose section is visible to the audience:
// the condition the service's audience rule (ponte.Audience.CanSee)
// expresses in SQL, so that a filter never matches on hidden data.
func (q *peopleQuery) visible(a ponte.Audience, section string) {
	cond := "1 = 0" // an empty audience sees nothing
	if len(a.Levels) > 0 {
		cond = "p.vis_" + section + " IN (" + inList(len(a.Levels)) + ")"
	}
	args := make([]any, 0, len(a.Levels)+1)
	for _, l := range a.Levels {
		args = append(args, string(l))
	}
	if a.ViewerID != 0 {
		cond, args = "("+cond+" OR p.user_id = ?)", append(args, a.ViewerID)
	}
	q.add(cond, args...)
}

// filters adds every filter of f but the skills. Deactivated accounts are
// dropped when the page's profiles are loaded (ProfilesByUsers), which
// spares a users lookup for every candidate row here.
func (q *peopleQuery) filters(f ponte.PeopleFilter) {
	q.visible(f.Audience, ponte.SectionAbout)
	if lo, hi := ponte.RegionRange(f.Region); lo != "" {
		switch {
		case len(f.ConceptIDs) > 0: // the skills index has the region: use it
			q.add("ps.region >= ? AND ps.region < ? AND p.region >= ? AND p.region < ?", lo, hi, lo, hi)
		default:
			// Without skills the order is recency: walking profiles_updated and skipping other
			// regions stops after a page; sorting a whole country's profiles
			// does not. "|| ''" keeps the planner off the region index.
			q.add("p.region || '' >= ? AND p.region || '' < ?", lo, hi)
		}
		q.visible(f.Audience, ponte.SectionLocation)
	}
	if f.Language != "" {
		q.add("EXISTS (SELECT 1 FROM profile_languages l WHERE l.user_id = p.user_id AND l.code = ?)", f.Language)
		q.visible(f.Audience, ponte.SectionLanguages)
	}
	if kind, code, ok := strings.Cut(f.Interest, ":"); ok {
		q.add(`EXISTS (SELECT 1 FROM profile_interests i WHERE i.user_id = p.user_id AND i.kind = ?
			AND i.code = ?)`, kind, code)
		q.visible(f.Audience, ponte.SectionAffiliations)
	}
	if f.OrgType != "" {
		q.add(`EXISTS (SELECT 1 FROM org_members om JOIN organisations o ON o.id = om.org_id
			WHERE om.user_id = p.user_id AND o.type = ?)`, f.OrgType)
		q.visible(f.Audience, ponte.SectionAffiliations)
	}
}

// FindPeople returns one page of the directory, keyset-paginated. With a
// skill filter the query starts from the skills' holders (the covering
// index profile_skills_concept) and sums their levels; without one it walks
// profiles in recency order (profiles_updated).
func (s *Store) FindPeople(ctx context.Context, f ponte.PeopleFilter) ([]ponte.PersonHit, error) {
	var q peopleQuery
	q.filters(f)
	from, score, group := `profiles p`, "0", ""
	if len(f.ConceptIDs) > 0 {
		from = `profile_skills ps JOIN profiles p ON p.user_id = ps.user_id`
		score, group = "SUM(ps.level)", " GROUP BY p.user_id, p.updated_at"
		if len(f.ConceptIDs) == 1 { // (user, concept) is unique: no grouping needed
			score, group = "ps.level", ""
		}
		q.add("ps.concept_id IN ("+inList(len(f.ConceptIDs))+")", idArgs(f.ConceptIDs)...)
		q.visible(f.Audience, ponte.SectionSkills)
	}
	relevance := len(f.ConceptIDs) > 0 && f.Order != ponte.OrderRecent
	keyset, kargs := cursorCond(f.After, relevance, score)
	query := `SELECT p.user_id, ` + score + `, p.updated_at FROM ` + from + ` WHERE ` + strings.Join(q.where, " AND ")
	args := q.args
	switch {
	case keyset != "" && group != "":
		query += group + " HAVING " + keyset
	case keyset != "":
		query += " AND " + keyset
	default:
		query += group
	}
	args = append(args, kargs...)
	order := " ORDER BY p.updated_at DESC, p.user_id DESC"
	if relevance {
		order = " ORDER BY " + score + " DESC, p.updated_at DESC, p.user_id DESC"
	}
	return s.scanHits(ctx, query+order+" LIMIT ?", append(args, limit(f.Limit, 20, 100)))
}

// cursorCond is the keyset condition "after cur" in the page's order.
func cursorCond(cur *ponte.PeopleCursor, relevance bool, score string) (string, []any) {
	if cur == nil {
		return "", nil
	}
	t := ts(cur.UpdatedAt)
	recent := "(p.updated_at < ? OR (p.updated_at = ? AND p.user_id < ?))"
	if !relevance {
		return recent, []any{t, t, cur.UserID}
	}
	return "(" + score + " < ? OR (" + score + " = ? AND " + recent + "))",
		[]any{cur.Score, cur.Score, t, t, cur.UserID}
}

func (s *Store) scanHits(ctx context.Context, query string, args []any) ([]ponte.PersonHit, error) {
	var out []ponte.PersonHit
	err := s.queryEach(ctx, s.r, "FindPeople", query, args, func(r *sql.Rows) error {
		var h ponte.PersonHit
		if err := r.Scan(&h.UserID, &h.Score, &h.UpdatedAt); err != nil {
			return err
		}
		h.UpdatedAt = h.UpdatedAt.UTC()
		out = append(out, h)
		return nil
	})
	return out, err
}

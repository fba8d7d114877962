package sqlstore

import (
	"context"
	"database/sql"
	"strconv"
	"strings"

	"github.com/ponte-platform/ponte"
)

// maxNarrowerDepth bounds the walk down from a required skill: ESCO's
// groups are at most four levels deep, and three levels below a need are
// already far from it.
const maxNarrowerDepth = 3

// SkillNeighbours reads the taxonomy graph around ids in one query: the
// descendants (recursive, a few levels), the direct parents and the related
// skills both ways, each need's rows nearest first (shallower descendants,
// essential relations before optional ones) so that the limit keeps the
// closest.
func (s *Store) SkillNeighbours(ctx context.Context, ids []int64, limitPer int) ([]ponte.SkillNeighbour, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	in := inList(len(ids))
	args := append(append(append(append(idArgs(ids), maxNarrowerDepth), idArgs(ids)...), idArgs(ids)...), idArgs(ids)...)
	q := `WITH RECURSIVE sub(need, id, depth) AS (
			SELECT parent_id, child_id, 1 FROM concept_broader WHERE parent_id IN (` + in + `)
			UNION
			SELECT sub.need, b.child_id, sub.depth + 1 FROM concept_broader b JOIN sub ON b.parent_id = sub.id
			WHERE sub.depth < ?)
		SELECT need, id, 'narrower' AS via, depth FROM sub
		UNION ALL SELECT child_id, parent_id, 'broader', 1 FROM concept_broader WHERE child_id IN (` + in + `)
		UNION ALL SELECT skill_id, related_id, 'related', CASE type WHEN 'essential' THEN 1 ELSE 2 END
			FROM concept_relations WHERE skill_id IN (` + in + `)
		UNION ALL SELECT related_id, skill_id, 'related', CASE type WHEN 'essential' THEN 1 ELSE 2 END
			FROM concept_relations WHERE related_id IN (` + in + `)
		ORDER BY 1, 3, 4, 2`
	var out []ponte.SkillNeighbour
	seen := map[[2]int64]bool{}
	per := map[[2]int64]int{} // (need, via index) → rows kept
	vias := map[string]int64{ponte.ViaNarrower: 0, ponte.ViaBroader: 1, ponte.ViaRelated: 2}
	err := s.queryEach(ctx, s.r, "SkillNeighbours", q, args, func(r *sql.Rows) error {
		var n ponte.SkillNeighbour
		var depth int
		if err := r.Scan(&n.NeedID, &n.ConceptID, &n.Via, &depth); err != nil {
			return err
		}
		k := [2]int64{n.NeedID, n.ConceptID}
		pk := [2]int64{n.NeedID, vias[n.Via]}
		if seen[k] || n.ConceptID == n.NeedID || per[pk] >= limitPer {
			return nil
		}
		seen[k] = true
		per[pk]++
		out = append(out, n)
		return nil
	})
	return out, err
}

// Holders read per term: a term's concept may be held by tens of
// thousands; the candidate query reads its best holders only (see the
// *_match indexes of migration 00013). An exact skill gets more than a
// concept reached through the graph, which earns less credit anyway.
const (
	matchExactHolders = 1000
	matchOtherHolders = 200
)

// holderTerms is a UNION ALL of one capped read per term, each row
// carrying its weighted credit: (id, credit). from is the read of one
// concept's holders, best first, with placeholders for the concept and the
// cap; value the row's credit expression given the term's credit and
// minimum level as its first two parameters.
func holderTerms(terms []ponte.MatchTerm, sel string) (string, []any) {
	parts := make([]string, len(terms))
	args := make([]any, 0, 5*len(terms))
	for i, t := range terms {
		parts[i] = "SELECT * FROM (" + sel + ") h" + strconv.Itoa(i)
		n := matchOtherHolders
		if t.Via == ponte.ViaExact {
			n = matchExactHolders
		}
		args = append(args, t.Credit*t.Weight, t.MinLevel, t.ConceptID, n)
	}
	return strings.Join(parts, " UNION ALL "), args
}

// termIDs are the distinct concept ids of the terms.
func termIDs(terms []ponte.MatchTerm) []int64 {
	seen := map[int64]bool{}
	var out []int64
	for _, t := range terms {
		if !seen[t.ConceptID] {
			seen[t.ConceptID] = true
			out = append(out, t.ConceptID)
		}
	}
	return out
}

// MatchPeople sums, per person, the weighted credit of every term they
// hold (a skill below the need's level earns 60 %), reading each term's
// best holders only (holderTerms), and keeps the best q.Limit whose
// profile and skills the audience may see. The sum counts a person twice
// for one need reached two ways: it only picks candidates, the service
// scores them exactly (best way per need) from their hits.
func (s *Store) MatchPeople(ctx context.Context, q ponte.MatchQuery) ([]*ponte.MatchCandidate, error) {
	if len(q.Terms) == 0 {
		return nil, nil
	}
	union, args := holderTerms(q.Terms, `SELECT user_id AS id,
		CAST(? AS INTEGER) * CASE WHEN level >= CAST(? AS INTEGER) THEN 10 ELSE 6 END AS credit
		FROM profile_skills WHERE concept_id = ? ORDER BY level DESC, user_id LIMIT ?`)
	var pq peopleQuery
	pq.visible(q.Audience, ponte.SectionAbout)
	pq.visible(q.Audience, ponte.SectionSkills)
	n := limit(q.Limit, 200, 1000)
	// Visibility is checked on the best 2n only, not on every holder: a
	// page short of hidden people is better than reading every profile.
	query := `SELECT c.id, c.cov FROM (
			SELECT h.id, SUM(h.credit) AS cov FROM (` + union + `) h WHERE h.id <> ?
			GROUP BY h.id ORDER BY cov DESC, h.id LIMIT ?) c
		JOIN profiles p ON p.user_id = c.id
		WHERE ` + strings.Join(pq.where, " AND ") + ` ORDER BY c.cov DESC, c.id LIMIT ?`
	args = append(append(append(args, q.ExcludeUserID, 2*n), pq.args...), n)
	cands, ids, err := s.scanCandidates(ctx, "MatchPeople", query, args)
	if err != nil || len(ids) == 0 {
		return nil, err
	}
	if err := s.personDetails(ctx, q, ids, cands); err != nil {
		return nil, err
	}
	if err := s.personHits(ctx, q, ids, cands); err != nil {
		return nil, err
	}
	return keepLoaded(cands, ids), nil
}

// scanCandidates reads (id, coverage) rows in order.
func (s *Store) scanCandidates(ctx context.Context, op, query string, args []any) (map[int64]*ponte.MatchCandidate, []int64, error) {
	cands := map[int64]*ponte.MatchCandidate{}
	var ids []int64
	err := s.queryEach(ctx, s.r, op, query, args, func(r *sql.Rows) error {
		c := &ponte.MatchCandidate{}
		if err := r.Scan(&c.ID, &c.Coverage); err != nil {
			return err
		}
		cands[c.ID] = c
		ids = append(ids, c.ID)
		return nil
	})
	return cands, ids, err
}

// keepLoaded returns the candidates in query order, leaving out those
// whose details were not found (a deactivated account).
func keepLoaded(cands map[int64]*ponte.MatchCandidate, ids []int64) []*ponte.MatchCandidate {
	out := make([]*ponte.MatchCandidate, 0, len(ids))
	for _, id := range ids {
		if c := cands[id]; c.Name != "" || c.Visibility != nil {
			out = append(out, c)
		}
	}
	return out
}

// personDetails reads the candidates' names, places, visibilities, whether
// they speak the proposal's language and whether they belong to an
// organisation of a sought type, in one query.
func (s *Store) personDetails(ctx context.Context, q ponte.MatchQuery, ids []int64, cands map[int64]*ponte.MatchCandidate) error {
	typeCond, typeArgs := "1 = 0", []any{}
	if len(q.PartnerTypes) > 0 {
		typeCond = `EXISTS (SELECT 1 FROM org_members om JOIN organisations o ON o.id = om.org_id
			WHERE om.user_id = p.user_id AND o.type IN (` + inList(len(q.PartnerTypes)) + `))`
		for _, t := range q.PartnerTypes {
			typeArgs = append(typeArgs, t)
		}
	}
	query := `SELECT p.user_id, u.display_name, p.country, p.region, ` + visCols() + `,
			EXISTS (SELECT 1 FROM profile_languages l WHERE l.user_id = p.user_id AND l.code = ?), ` + typeCond + `
		FROM profiles p JOIN users u ON u.id = p.user_id
		WHERE u.deactivated_at IS NULL AND p.user_id IN (` + inList(len(ids)) + `)`
	args := append(append([]any{q.Lang}, typeArgs...), idArgs(ids)...)
	return s.queryEach(ctx, s.r, "MatchPeople", query, args, func(r *sql.Rows) error {
		var id int64
		var name, country, region string
		vis := make([]string, len(ponte.ProfileSections))
		var speaks, typed bool
		dest := []any{&id, &name, &country, &region}
		for i := range vis {
			dest = append(dest, &vis[i])
		}
		if err := r.Scan(append(dest, &speaks, &typed)...); err != nil {
			return err
		}
		c := cands[id]
		c.Name, c.Country, c.Region, c.SpeaksLang, c.PartnerType = name, country, region, speaks, typed
		c.Visibility = make(map[string]ponte.Visibility, len(vis))
		for i, sec := range ponte.ProfileSections {
			c.Visibility[sec] = ponte.Visibility(vis[i])
		}
		return nil
	})
}

// personHits reads the candidates' skills that the terms reach, with
// evidence and endorsement counts. The unary + keeps the planner on the
// primary key (a few rows per candidate) and off the concept indexes (a
// common concept's every holder).
func (s *Store) personHits(ctx context.Context, q ponte.MatchQuery, ids []int64, cands map[int64]*ponte.MatchCandidate) error {
	concepts := termIDs(q.Terms)
	query := `SELECT ps.user_id, ps.concept_id, ps.level, ps.evidence_kind,
			(SELECT COUNT(*) FROM endorsements e WHERE e.user_id = ps.user_id AND e.concept_id = ps.concept_id)
		FROM profile_skills ps WHERE ps.user_id IN (` + inList(len(ids)) + `)
		AND +ps.concept_id IN (` + inList(len(concepts)) + `) ORDER BY ps.user_id, ps.concept_id`
	return s.queryEach(ctx, s.r, "MatchPeople", query, append(idArgs(ids), idArgs(concepts)...), func(r *sql.Rows) error {
		var id int64
		var h ponte.MatchHit
		if err := r.Scan(&id, &h.ConceptID, &h.Level, &h.EvidenceKind, &h.Endorsements); err != nil {
			return err
		}
		cands[id].Hits = append(cands[id].Hits, h)
		return nil
	})
}

// MatchOrganisations is MatchPeople on org_concepts (declared competences
// and the skills of realised projects, kept per organisation): the credit
// of a concept grows with the projects behind it, up to three. The
// organisation query has no levels: its second parameter is read and
// ignored, so both kinds share holderTerms.
func (s *Store) MatchOrganisations(ctx context.Context, q ponte.MatchQuery) ([]*ponte.MatchCandidate, error) {
	if len(q.Terms) == 0 {
		return nil, nil
	}
	union, args := holderTerms(q.Terms, `SELECT org_id AS id,
		CAST(? AS INTEGER) * (7 + CASE WHEN projects >= 3 THEN 3 ELSE projects END) + 0 * CAST(? AS INTEGER) AS credit
		FROM org_concepts WHERE concept_id = ? ORDER BY weight DESC, org_id LIMIT ?`)
	query := `SELECT h.id, SUM(h.credit) AS cov FROM (` + union + `) h WHERE h.id <> ?
		GROUP BY h.id ORDER BY cov DESC, h.id LIMIT ?`
	args = append(args, q.ExcludeOrgID, limit(q.Limit, 200, 1000))
	cands, ids, err := s.scanCandidates(ctx, "MatchOrganisations", query, args)
	if err != nil || len(ids) == 0 {
		return nil, err
	}
	err = s.queryEach(ctx, s.r, "MatchOrganisations", `SELECT id, name, type, country, region, project_count
		FROM organisations WHERE id IN (`+inList(len(ids))+`)`, idArgs(ids), func(r *sql.Rows) error {
		var c ponte.MatchCandidate
		if err := r.Scan(&c.ID, &c.Name, &c.Type, &c.Country, &c.Region, &c.Projects); err != nil {
			return err
		}
		o := cands[c.ID]
		o.Name, o.Type, o.Country, o.Region, o.Projects = c.Name, c.Type, c.Country, c.Region, c.Projects
		return nil
	})
	if err != nil {
		return nil, err
	}
	if err := s.orgHits(ctx, q, ids, cands); err != nil {
		return nil, err
	}
	return keepLoaded(cands, ids), nil
}

// orgHits reads the candidates' concepts that the terms reach, by primary
// key (see personHits).
func (s *Store) orgHits(ctx context.Context, q ponte.MatchQuery, ids []int64, cands map[int64]*ponte.MatchCandidate) error {
	concepts := termIDs(q.Terms)
	query := `SELECT org_id, concept_id, declared, projects FROM org_concepts
		WHERE org_id IN (` + inList(len(ids)) + `) AND +concept_id IN (` + inList(len(concepts)) + `)
		ORDER BY org_id, concept_id`
	return s.queryEach(ctx, s.r, "MatchOrganisations", query, append(idArgs(ids), idArgs(concepts)...), func(r *sql.Rows) error {
		var id int64
		var h ponte.MatchHit
		var declared int
		if err := r.Scan(&id, &h.ConceptID, &declared, &h.Projects); err != nil {
			return err
		}
		h.Declared = declared != 0
		cands[id].Hits = append(cands[id].Hits, h)
		return nil
	})
}

package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/ponte-platform/ponte"
)

// refreshOrgConcepts rewrites the competence summary of organisations from
// their declarations and project skills, and the organisation counts of
// every concept it touched, in the transaction that changed the evidence:
// readers never see the summary out of step.
func (s *Store) refreshOrgConcepts(ctx context.Context, ids []int64) error {
	// Counts are recomputed from the summary; two transactions doing so
	// at once could each miss the other's rows, so they take turns.
	if err := s.Lock(ctx, "org_concept_counts"); err != nil {
		return err
	}
	before, err := s.orgConceptIDs(ctx, ids)
	if err != nil {
		return err
	}
	if err := s.deleteByOrg(ctx, "refreshOrgConcepts", "org_concepts", ids); err != nil {
		return err
	}
	if err := s.insertOrgConcepts(ctx, ids); err != nil {
		return err
	}
	after, err := s.orgConceptIDs(ctx, ids)
	if err != nil {
		return err
	}
	for id := range before {
		after[id] = true
	}
	return s.recountConcepts(ctx, after)
}

func (s *Store) insertOrgConcepts(ctx context.Context, ids []int64) error {
	for _, c := range chunks(len(ids), 2) {
		if err := s.insertOrgConceptsOf(ctx, orgSet{in: ids[c[0]:c[1]]}); err != nil {
			return err
		}
	}
	return nil
}

// insertOrgConceptsOf writes the competence summary of the organisations
// of set, which have none.
func (s *Store) insertOrgConceptsOf(ctx context.Context, set orgSet) error {
	var args []any
	q := fmt.Sprintf(`INSERT INTO org_concepts (org_id, concept_id, declared, projects, weight)
		SELECT org_id, concept_id, MAX(d), SUM(p), MAX(d) * %d + SUM(p) * %d FROM (
			SELECT org_id, concept_id, 1 AS d, 0 AS p FROM org_competences WHERE `, ponte.WeightDeclared, ponte.WeightProject) +
		set.cond("org_id", &args) + `
			UNION ALL
			SELECT org_id, concept_id, 0 AS d, 1 AS p FROM org_project_skills WHERE ` + set.cond("org_id", &args) + `
		) x GROUP BY org_id, concept_id`
	_, err := s.w.ExecContext(ctx, s.q(q), args...)
	return mapErr("refreshOrgConcepts", err)
}

// orgSet names organisations in SQL: the ids listed in, or, when in is
// nil, the run of ids from..to (the organisations a seed generated).
type orgSet struct {
	in       []int64
	from, to int64
}

// cond returns the condition that col is one of the set's ids, adding
// its arguments to args.
func (o orgSet) cond(col string, args *[]any) string {
	if o.in == nil {
		*args = append(*args, o.from, o.to)
		return col + " BETWEEN ? AND ?"
	}
	*args = append(*args, orgArgs(o.in)...)
	return col + " IN (" + inList(len(o.in)) + ")"
}

// orgConceptIDs returns the concepts in the summary of organisations.
func (s *Store) orgConceptIDs(ctx context.Context, ids []int64) (map[int64]bool, error) {
	out := map[int64]bool{}
	for _, c := range chunks(len(ids), 1) {
		err := s.queryEach(ctx, s.r, "orgConceptIDs", `SELECT DISTINCT concept_id FROM org_concepts
			WHERE org_id IN (`+inList(c[1]-c[0])+`)`, orgArgs(ids[c[0]:c[1]]), func(r *sql.Rows) error {
			var id int64
			err := r.Scan(&id)
			out[id] = true
			return err
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// recountConcepts rewrites org_concept_counts for concepts: a count over
// the (concept_id, org_id) index per chunk.
func (s *Store) recountConcepts(ctx context.Context, concepts map[int64]bool) error {
	ids := make([]int64, 0, len(concepts))
	for id := range concepts {
		ids = append(ids, id)
	}
	for _, c := range chunks(len(ids), 1) {
		args := orgArgs(ids[c[0]:c[1]])
		in := inList(len(args))
		if _, err := s.w.ExecContext(ctx, s.q(`DELETE FROM org_concept_counts WHERE concept_id IN (`+in+`)`), args...); err != nil {
			return mapErr("recountConcepts", err)
		}
		_, err := s.w.ExecContext(ctx, s.q(`INSERT INTO org_concept_counts (concept_id, orgs)
			SELECT concept_id, count(*) FROM org_concepts WHERE concept_id IN (`+in+`) GROUP BY concept_id`), args...)
		if err != nil {
			return mapErr("recountConcepts", err)
		}
	}
	return nil
}

// SetOrgCompetence declares a competence, or changes its note.
func (s *Store) SetOrgCompetence(ctx context.Context, orgID, conceptID int64, note string, at time.Time) error {
	return s.Tx(ctx, func(tx ponte.Store) error {
		t := tx.(*Store)
		_, err := t.w.ExecContext(ctx, t.q(`INSERT INTO org_competences (org_id, concept_id, note, created_at)
			VALUES (?, ?, ?, ?) ON CONFLICT (org_id, concept_id) DO UPDATE SET note = excluded.note`),
			orgID, conceptID, note, ts(at))
		if err != nil {
			return mapErr("SetOrgCompetence", err)
		}
		return t.refreshOrgConcepts(ctx, []int64{orgID})
	})
}

// DeleteOrgCompetence withdraws a declaration.
func (s *Store) DeleteOrgCompetence(ctx context.Context, orgID, conceptID int64) error {
	return s.Tx(ctx, func(tx ponte.Store) error {
		t := tx.(*Store)
		res, err := t.w.ExecContext(ctx, t.q(`DELETE FROM org_competences WHERE org_id = ? AND concept_id = ?`),
			orgID, conceptID)
		if err := notFoundIfNone("DeleteOrgCompetence", res, err); err != nil {
			return err
		}
		return t.refreshOrgConcepts(ctx, []int64{orgID})
	})
}

// OrgCompetenceEvidence gathers an organisation's evidence per concept,
// then the organisation count of those concepts, then the number of
// organisations: three queries (more only for an organisation with
// thousands of concepts), whatever the size of the platform.
func (s *Store) OrgCompetenceEvidence(ctx context.Context, orgID int64) ([]ponte.CompetenceEvidence, int, error) {
	ev, err := s.ownEvidence(ctx, orgID)
	if err != nil {
		return nil, 0, err
	}
	if err := s.conceptOrgCounts(ctx, ev); err != nil {
		return nil, 0, err
	}
	n, err := s.CountOrganisations(ctx)
	return ev, n, err
}

func (s *Store) ownEvidence(ctx context.Context, orgID int64) ([]ponte.CompetenceEvidence, error) {
	var out []ponte.CompetenceEvidence
	err := s.queryEach(ctx, s.r, "ownEvidence", `SELECT e.concept_id, MAX(e.declared), MAX(e.projects),
			SUM(e.members), MAX(e.note) FROM (
			SELECT concept_id, declared, projects, 0 AS members, '' AS note FROM org_concepts WHERE org_id = ?
			UNION ALL
			SELECT ms.concept_id, 0, 0, count(DISTINCT ms.user_id), '' FROM (`+memberSkills+`) ms
				WHERE ms.org_id = ? GROUP BY ms.concept_id
			UNION ALL
			SELECT concept_id, 1, 0, 0, note FROM org_competences WHERE org_id = ?
		) e GROUP BY e.concept_id ORDER BY e.concept_id`, []any{orgID, orgID, orgID},
		func(r *sql.Rows) error {
			var e ponte.CompetenceEvidence
			var declared int
			if err := r.Scan(&e.ConceptID, &declared, &e.Projects, &e.Members, &e.Note); err != nil {
				return err
			}
			e.Declared = declared > 0
			out = append(out, e)
			return nil
		})
	return out, err
}

// conceptOrgCounts sets Orgs: how many organisations have any evidence of
// each concept. The kept counts cover declarations and projects, exactly;
// to them are added the organisations known for the concept only through
// their members, as of the last RefreshMemberOrgCounts (hourly): counting
// those live reads every holder of the skill.
func (s *Store) conceptOrgCounts(ctx context.Context, ev []ponte.CompetenceEvidence) error {
	idx := make(map[int64]int, len(ev))
	ids := make([]int64, len(ev))
	for i, e := range ev {
		idx[e.ConceptID], ids[i] = i, e.ConceptID
	}
	for _, c := range chunks(len(ids), 2) {
		part := ids[c[0]:c[1]]
		in := inList(len(part))
		err := s.queryEach(ctx, s.r, "conceptOrgCounts", `SELECT concept_id, SUM(n) FROM (
				SELECT concept_id, orgs AS n FROM org_concept_counts WHERE concept_id IN (`+in+`)
				UNION ALL
				SELECT concept_id, orgs FROM concept_member_org_counts WHERE concept_id IN (`+in+`)
			) x GROUP BY concept_id`, append(orgArgs(part), orgArgs(part)...), func(r *sql.Rows) error {
			var id int64
			var n int
			if err := r.Scan(&id, &n); err != nil {
				return err
			}
			ev[idx[id]].Orgs = n
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// RefreshMemberOrgCounts rewrites concept_member_org_counts: per concept,
// the organisations with a member who shows it publicly and neither a
// declaration nor a project of it. The pairs are read on a read connection
// (on SQLite the writer stays free meanwhile: tens of seconds at two
// million people) in organisation order, straight from the memberships'
// primary key, and counted here one organisation at a time: counting
// distinct pairs in SQL sorted millions of rows in memory (SQLite keeps
// temporary tables in memory), which was the server's peak of resident
// memory. The rewrite is one short transaction of a row per concept. It
// returns how many concepts have such organisations.
func (s *Store) RefreshMemberOrgCounts(ctx context.Context) (int, error) {
	counts := map[int64]int{}
	seen := map[int64]bool{} // the concepts of the current organisation
	org := int64(-1)
	err := s.queryEach(ctx, s.r, "RefreshMemberOrgCounts", `SELECT ms.org_id, ms.concept_id
		FROM (`+memberSkills+`) ms WHERE NOT EXISTS (SELECT 1 FROM org_concepts oc
			WHERE oc.org_id = ms.org_id AND oc.concept_id = ms.concept_id)
		ORDER BY ms.org_id`, nil, func(r *sql.Rows) error {
		var o, c int64
		if err := r.Scan(&o, &c); err != nil {
			return err
		}
		if o != org {
			org = o
			clear(seen)
		}
		if !seen[c] {
			seen[c] = true
			counts[c]++
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	rows := make([][]any, 0, len(counts))
	for c, n := range counts {
		rows = append(rows, []any{c, n})
	}
	return len(rows), s.Tx(ctx, func(tx ponte.Store) error {
		t := tx.(*Store)
		if _, err := t.w.ExecContext(ctx, `DELETE FROM concept_member_org_counts`); err != nil {
			return mapErr("RefreshMemberOrgCounts", err)
		}
		return t.bulkExec(ctx, "RefreshMemberOrgCounts", `INSERT INTO concept_member_org_counts (concept_id, orgs) VALUES`, "", 2, rows)
	})
}

// OrgProjectsByConcept returns the newest projects behind each concept,
// numbered per concept by a window function so that an organisation with
// hundreds of projects on one skill returns only perConcept of them.
func (s *Store) OrgProjectsByConcept(ctx context.Context, orgID int64, conceptIDs []int64, perConcept int) (map[int64][]ponte.OrgProjectRef, error) {
	out := map[int64][]ponte.OrgProjectRef{}
	for _, c := range chunks(len(conceptIDs), 1) {
		part := conceptIDs[c[0]:c[1]]
		args := append([]any{orgID}, orgArgs(part)...)
		err := s.queryEach(ctx, s.r, "OrgProjectsByConcept", `SELECT concept_id, id, title FROM (
				SELECT ps.concept_id, p.id, p.title, ROW_NUMBER() OVER (PARTITION BY ps.concept_id
					ORDER BY p.sort_date DESC, p.id DESC) AS n
				FROM org_project_skills ps JOIN org_projects p ON p.id = ps.project_id
				WHERE ps.org_id = ? AND ps.concept_id IN (`+inList(len(part))+`)
			) x WHERE n <= ? ORDER BY concept_id, n`, append(args, perConcept), func(r *sql.Rows) error {
			var cid int64
			var ref ponte.OrgProjectRef
			if err := r.Scan(&cid, &ref.ID, &ref.Title); err != nil {
				return err
			}
			out[cid] = append(out[cid], ref)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

package sqlstore

import (
	"context"
	"database/sql"

	"github.com/ponte-platform/ponte"
)

// maxAncestors bounds the upward walk: ESCO's deepest chain has five
// levels, and a damaged hierarchy must not flood a page.
const maxAncestors = 500

// BroaderEdges walks up from id with a recursive query (the same SQL on
// both databases); UNION drops repeats, so a cycle ends.
func (s *Store) BroaderEdges(ctx context.Context, id int64) ([]ponte.ConceptEdge, error) {
	var out []ponte.ConceptEdge
	err := s.queryEach(ctx, s.r, "BroaderEdges", `WITH RECURSIVE up(child_id, parent_id) AS (
			SELECT child_id, parent_id FROM concept_broader WHERE child_id = ?
			UNION
			SELECT b.child_id, b.parent_id FROM concept_broader b JOIN up ON b.child_id = up.parent_id)
		SELECT child_id, parent_id FROM up LIMIT ?`, []any{id, maxAncestors}, func(r *sql.Rows) error {
		var e ponte.ConceptEdge
		if err := r.Scan(&e.FromID, &e.ToID); err != nil {
			return err
		}
		out = append(out, e)
		return nil
	})
	return out, err
}

// NarrowerIDs pages through id's direct children by child id.
func (s *Store) NarrowerIDs(ctx context.Context, id, after int64, n int) ([]int64, error) {
	return s.ids(ctx, "NarrowerIDs", `SELECT child_id FROM concept_broader
		WHERE parent_id = ? AND child_id > ? ORDER BY child_id LIMIT ?`, id, after, limit(n, 50, 500))
}

// RelatedSkills pages through id's skill relations by related id.
func (s *Store) RelatedSkills(ctx context.Context, id, after int64, n int) ([]ponte.ConceptEdge, error) {
	var out []ponte.ConceptEdge
	err := s.queryEach(ctx, s.r, "RelatedSkills", `SELECT skill_id, related_id, type FROM concept_relations
		WHERE skill_id = ? AND related_id > ? ORDER BY related_id LIMIT ?`,
		[]any{id, after, limit(n, 50, 500)}, func(r *sql.Rows) error {
			var e ponte.ConceptEdge
			if err := r.Scan(&e.FromID, &e.ToID, &e.Type); err != nil {
				return err
			}
			out = append(out, e)
			return nil
		})
	return out, err
}

// ConceptCollections reads the collections of ids, a chunk of ids per query.
func (s *Store) ConceptCollections(ctx context.Context, ids []int64) (map[int64][]string, error) {
	out := make(map[int64][]string, len(ids))
	for _, c := range chunks(len(ids), 1) {
		args := make([]any, 0, c[1]-c[0])
		for _, id := range ids[c[0]:c[1]] {
			args = append(args, id)
		}
		err := s.queryEach(ctx, s.r, "ConceptCollections", `SELECT concept_id, collection FROM concept_collections
			WHERE concept_id IN (`+inList(len(args))+`) ORDER BY concept_id, collection`, args, func(r *sql.Rows) error {
			var id int64
			var name string
			if err := r.Scan(&id, &name); err != nil {
				return err
			}
			out[id] = append(out[id], name)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// CollectionMembers numbers each collection's members with a window
// function (SQLite 3.25+ and PostgreSQL alike) and keeps the first limit.
func (s *Store) CollectionMembers(ctx context.Context, collections []string, after int64, n int) (map[string][]int64, error) {
	out := make(map[string][]int64, len(collections))
	if len(collections) == 0 {
		return out, nil
	}
	args := []any{after}
	for _, c := range collections {
		args = append(args, c)
	}
	args = append(args, limit(n, 50, 1000))
	err := s.queryEach(ctx, s.r, "CollectionMembers", `SELECT collection, concept_id FROM (
			SELECT collection, concept_id, ROW_NUMBER() OVER (PARTITION BY collection ORDER BY concept_id) AS n
			FROM concept_collections WHERE concept_id > ? AND collection IN (`+inList(len(collections))+`)) m
		WHERE n <= ? ORDER BY collection, concept_id`, args, func(r *sql.Rows) error {
		var c string
		var id int64
		if err := r.Scan(&c, &id); err != nil {
			return err
		}
		out[c] = append(out[c], id)
		return nil
	})
	return out, err
}

// ids runs a query returning one id column.
func (s *Store) ids(ctx context.Context, op, q string, args ...any) ([]int64, error) {
	var out []int64
	err := s.queryEach(ctx, s.r, op, q, args, func(r *sql.Rows) error {
		var id int64
		if err := r.Scan(&id); err != nil {
			return err
		}
		out = append(out, id)
		return nil
	})
	return out, err
}

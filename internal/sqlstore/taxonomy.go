package sqlstore

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"github.com/ponte-platform/ponte"
)

// UpsertConcepts inserts or updates concepts by URI and returns their ids.
// An empty code, type or reuse level keeps the stored one: a release in
// another language may leave a column blank that English filled.
func (s *Store) UpsertConcepts(ctx context.Context, cs []ponte.Concept) (map[string]int64, error) {
	// PostgreSQL refuses to update one row twice in a statement, so a URI
	// given twice keeps its last version.
	last := make(map[string]int, len(cs))
	for i, c := range cs {
		last[c.URI] = i
	}
	rows := make([][]any, 0, len(last))
	for i, c := range cs {
		if last[c.URI] == i {
			rows = append(rows, []any{c.URI, c.Scheme, c.Kind, c.Code, c.SkillType, c.ReuseLevel})
		}
	}
	ids := make(map[string]int64, len(cs))
	err := s.bulkQuery(ctx, "UpsertConcepts",
		`INSERT INTO concepts (uri, scheme, kind, code, skill_type, reuse_level) VALUES`,
		`ON CONFLICT (uri) DO UPDATE SET scheme = excluded.scheme, kind = excluded.kind,
			code = `+keepOld("code")+`, skill_type = `+keepOld("skill_type")+`,
			reuse_level = `+keepOld("reuse_level")+`
		RETURNING id, uri`, 6, rows, func(r *sql.Rows) error {
			var id int64
			var uri string
			if err := r.Scan(&id, &uri); err != nil {
				return err
			}
			ids[uri] = id
			return nil
		})
	return ids, err
}

// ConceptIDs resolves URIs to ids in chunks.
func (s *Store) ConceptIDs(ctx context.Context, uris []string) (map[string]int64, error) {
	ids := make(map[string]int64, len(uris))
	for _, c := range chunks(len(uris), 1) {
		args := make([]any, 0, c[1]-c[0])
		for _, u := range uris[c[0]:c[1]] {
			args = append(args, u)
		}
		err := s.queryEach(ctx, s.r, "ConceptIDs", `SELECT id, uri FROM concepts WHERE uri IN (`+
			inList(len(args))+`)`, args, func(r *sql.Rows) error {
			var id int64
			var uri string
			if err := r.Scan(&id, &uri); err != nil {
				return err
			}
			ids[uri] = id
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return ids, nil
}

// UpsertLabels writes labels, replacing a concept's labels in a language.
func (s *Store) UpsertLabels(ctx context.Context, ls []ponte.ConceptLabel) (int, error) {
	uris := make([]string, len(ls))
	for i, l := range ls {
		uris[i] = l.ConceptURI
	}
	ids, err := s.ConceptIDs(ctx, uris)
	if err != nil {
		return 0, err
	}
	type key struct{ uri, lang string }
	last := make(map[key]int, len(ls))
	for i, l := range ls {
		last[key{l.ConceptURI, l.Lang}] = i
	}
	rows := make([][]any, 0, len(ls))
	skipped := 0
	for i, l := range ls {
		id, ok := ids[l.ConceptURI]
		switch {
		case !ok:
			skipped++
		case last[key{l.ConceptURI, l.Lang}] == i: // a repeated label: the last one wins
			rows = append(rows, []any{id, l.Lang, l.Preferred, strings.Join(l.AltLabels, "\n"),
				strings.Join(l.HiddenLabels, "\n"), l.Description})
		}
	}
	err = s.bulkExec(ctx, "UpsertLabels",
		`INSERT INTO concept_labels (concept_id, lang, preferred, alt, hidden, description) VALUES`,
		`ON CONFLICT (concept_id, lang) DO UPDATE SET preferred = excluded.preferred,
			alt = excluded.alt, hidden = excluded.hidden, description = excluded.description`, 6, rows)
	return skipped, err
}

// linkTables maps a link kind to its table and columns.
var linkTables = map[string]struct{ table, from, to string }{
	ponte.LinkBroader:         {"concept_broader", "child_id", "parent_id"},
	ponte.LinkSkillRelation:   {"concept_relations", "skill_id", "related_id"},
	ponte.LinkOccupationSkill: {"occupation_skills", "occupation_id", "skill_id"},
}

// AddLinks stores links, skipping those with an unknown end.
func (s *Store) AddLinks(ctx context.Context, table string, ls []ponte.ConceptLink) (int, error) {
	if _, ok := linkTables[table]; !ok {
		return 0, fmt.Errorf("sqlstore.AddLinks: unknown link table %q", table)
	}
	uris := make([]string, 0, 2*len(ls))
	for _, l := range ls {
		uris = append(uris, l.FromURI, l.ToURI)
	}
	ids, err := s.ConceptIDs(ctx, uris)
	if err != nil {
		return 0, err
	}
	es := make([]ponte.ConceptEdge, 0, len(ls))
	for _, l := range ls {
		from, ok1 := ids[l.FromURI]
		to, ok2 := ids[l.ToURI]
		if ok1 && ok2 {
			es = append(es, ponte.ConceptEdge{FromID: from, ToID: to, Type: l.Type})
		}
	}
	return len(ls) - len(es), s.AddEdges(ctx, table, es)
}

// AddEdges inserts links by id; a link already stored is left as it is.
func (s *Store) AddEdges(ctx context.Context, table string, es []ponte.ConceptEdge) error {
	t, ok := linkTables[table]
	if !ok {
		return fmt.Errorf("sqlstore.AddEdges: unknown link table %q", table)
	}
	// In key order, index pages fill one after another instead of splitting
	// at random: a quarter faster on PostgreSQL.
	es = slices.Clone(es)
	slices.SortFunc(es, func(a, b ponte.ConceptEdge) int {
		return cmp.Or(cmp.Compare(a.FromID, b.FromID), cmp.Compare(a.ToID, b.ToID))
	})
	rows := make([][]any, len(es))
	for i, e := range es {
		if table == ponte.LinkBroader {
			rows[i] = []any{e.FromID, e.ToID}
		} else {
			rows[i] = []any{e.FromID, e.ToID, e.Type}
		}
	}
	cols := 3
	head := `INSERT INTO ` + t.table + ` (` + t.from + `, ` + t.to + `, type) VALUES`
	if table == ponte.LinkBroader {
		cols, head = 2, `INSERT INTO `+t.table+` (`+t.from+`, `+t.to+`) VALUES`
	}
	return s.bulkExec(ctx, "AddEdges", head, `ON CONFLICT DO NOTHING`, cols, rows)
}

// AddToCollection adds concepts to a collection.
func (s *Store) AddToCollection(ctx context.Context, collection string, uris []string) (int, error) {
	ids, err := s.ConceptIDs(ctx, uris)
	if err != nil {
		return 0, err
	}
	rows := make([][]any, 0, len(ids))
	for _, id := range ids {
		rows = append(rows, []any{id, collection})
	}
	err = s.bulkExec(ctx, "AddToCollection", `INSERT INTO concept_collections (concept_id, collection) VALUES`,
		`ON CONFLICT DO NOTHING`, 2, rows)
	return len(uris) - len(rows), err
}

// ConceptsByID returns concepts labelled in lang, falling back to English.
func (s *Store) ConceptsByID(ctx context.Context, ids []int64, lang string) ([]*ponte.Concept, error) {
	byID := make(map[int64]*ponte.Concept, len(ids))
	for _, c := range chunks(len(ids), 1) {
		args := []any{lang}
		for _, id := range ids[c[0]:c[1]] {
			args = append(args, id)
		}
		err := s.queryEach(ctx, s.r, "ConceptsByID", `SELECT c.id, c.uri, c.scheme, c.kind, c.code,
			c.skill_type, c.reuse_level, COALESCE(l.lang, e.lang, ''), COALESCE(l.preferred, e.preferred, c.uri),
			COALESCE(l.alt, e.alt, ''), COALESCE(l.description, e.description, '')
			FROM concepts c
			LEFT JOIN concept_labels l ON l.concept_id = c.id AND l.lang = ?
			LEFT JOIN concept_labels e ON e.concept_id = c.id AND e.lang = 'en'
			WHERE c.id IN (`+inList(len(args)-1)+`)`, args, func(r *sql.Rows) error {
			var k ponte.Concept
			var alt string
			if err := r.Scan(&k.ID, &k.URI, &k.Scheme, &k.Kind, &k.Code, &k.SkillType, &k.ReuseLevel,
				&k.Lang, &k.Label, &alt, &k.Description); err != nil {
				return err
			}
			if alt != "" {
				k.AltLabels = strings.Split(alt, "\n")
			}
			byID[k.ID] = &k
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	out := make([]*ponte.Concept, 0, len(byID))
	for _, id := range ids {
		if k, ok := byID[id]; ok {
			out = append(out, k)
		}
	}
	return out, nil
}

// CountConcepts counts concepts, all or of one scheme.
func (s *Store) CountConcepts(ctx context.Context, scheme string) (int, error) {
	var n int
	var err error
	if scheme == "" {
		err = s.r.QueryRowContext(ctx, `SELECT count(*) FROM concepts`).Scan(&n)
	} else {
		err = s.r.QueryRowContext(ctx, s.q(`SELECT count(*) FROM concepts WHERE scheme = ?`), scheme).Scan(&n)
	}
	return n, mapErr("CountConcepts", err)
}

// NarrowerConcepts walks the hierarchy down from ids with a recursive query
// (the same SQL on both databases); UNION removes repeats and ends cycles.
func (s *Store) NarrowerConcepts(ctx context.Context, ids []int64) ([]int64, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	var out []int64
	err := s.queryEach(ctx, s.r, "NarrowerConcepts", `WITH RECURSIVE sub(id) AS (
			SELECT id FROM concepts WHERE id IN (`+inList(len(ids))+`)
			UNION
			SELECT b.child_id FROM concept_broader b JOIN sub ON b.parent_id = sub.id)
		SELECT id FROM sub`, args, func(r *sql.Rows) error {
		var id int64
		if err := r.Scan(&id); err != nil {
			return err
		}
		out = append(out, id)
		return nil
	})
	return out, err
}

// keepOld is the ON CONFLICT expression that takes the new value of col
// unless it is empty.
func keepOld(col string) string {
	return `CASE WHEN excluded.` + col + ` = '' THEN concepts.` + col + ` ELSE excluded.` + col + ` END`
}

// conceptMap labels concept ids in lang (English fallback), by id: the
// shared last step of reads that list things with their skills.
func (s *Store) conceptMap(ctx context.Context, ids []int64, lang string) (map[int64]*ponte.Concept, error) {
	cs, err := s.ConceptsByID(ctx, ids, lang)
	if err != nil {
		return nil, err
	}
	m := make(map[int64]*ponte.Concept, len(cs))
	for _, c := range cs {
		m[c.ID] = c
	}
	return m, nil
}

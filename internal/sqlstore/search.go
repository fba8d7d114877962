package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/search"
)

// The search index: search_docs holds each document's display text,
// tokens and facet values. Matching is the one thing that
// differs by database (FTS5 here, a GIN-indexed tsvector on PostgreSQL):
// searchDialect holds those fragments, the rest of the SQL is shared.

// searchBatch is how many documents one round of statements writes.
const searchBatch = 200

// UpsertSearchDocs replaces the documents: their old rows go and new rows
// take fresh ids, which is what orders hits.
func (s *Store) UpsertSearchDocs(ctx context.Context, docs []*ponte.SearchDoc) error {
	for i := 0; i < len(docs); i += searchBatch {
		if err := s.upsertSearchBatch(ctx, docs[i:min(len(docs), i+searchBatch)]); err != nil {
			return err
		}
	}
	return nil
}

// upsertSearchBatch writes one batch in a few statements.
func (s *Store) upsertSearchBatch(ctx context.Context, docs []*ponte.SearchDoc) error {
	byKind := map[string][]any{}
	for _, d := range docs {
		byKind[d.Kind] = append(byKind[d.Kind], d.ID)
	}
	for kind, ids := range byKind {
		q := `DELETE FROM search_docs WHERE kind = ? AND doc_id IN (` + inList(len(ids)) + `)`
		if _, err := s.w.ExecContext(ctx, s.q(q), append([]any{kind}, ids...)...); err != nil {
			return mapErr("UpsertSearchDocs.delete", err)
		}
	}
	return s.insertSearchDocs(ctx, docs)
}

// insertSearchDocs adds documents, which must not be in the index (a
// duplicate breaks the unique index on kind and id).
func (s *Store) insertSearchDocs(ctx context.Context, docs []*ponte.SearchDoc) error {
	return s.insertSearchRows(ctx, s.searchRows(docs))
}

// insertSearchRows adds documents as searchRows gives them.
func (s *Store) insertSearchRows(ctx context.Context, rows [][]any) error {
	return s.bulkExec(ctx, "UpsertSearchDocs", `INSERT INTO search_docs
		(kind, doc_id, lang, title, body, raw, stems, facets, tsv, updated_at) VALUES`, ``, 10, rows)
}

// insertSearchWriter is the ponte.SearchWriter that inserts documents.
func (s *Store) insertSearchWriter(docs []*ponte.SearchDoc) func(context.Context) error {
	rows := s.searchRows(docs)
	return func(ctx context.Context) error { return s.insertSearchRows(ctx, rows) }
}

// searchRows are the insert rows of docs.
func (s *Store) searchRows(docs []*ponte.SearchDoc) [][]any {
	rows := make([][]any, len(docs))
	for i, d := range docs {
		rows[i] = s.searchRow(d)
	}
	return rows
}

// searchRow is the insert row of d; PostgreSQL gets its tsvector.
func (s *Store) searchRow(d *ponte.SearchDoc) []any {
	pairs := facetPairs(d)
	tsv := ""
	if s.db.dialect == Postgres {
		tk := search.Tokens{Raw: d.Raw, Stems: d.Stems}
		for _, p := range pairs {
			tk.Facets = append(tk.Facets, search.FacetToken(p[0], p[1]))
		}
		tsv = tk.TSVector()
	}
	facets := make([]string, len(pairs))
	for i, p := range pairs {
		facets[i] = p[0] + "=" + p[1]
	}
	return []any{d.Kind, d.ID, d.Lang, d.Title, d.Body, strings.Join(d.Raw, " "), strings.Join(d.Stems, " "),
		strings.Join(facets, " "), tsv, ts(d.UpdatedAt)}
}

// facetPairs lists d's (facet, value) pairs: its kind, every prefix of a
// NUTS code from its country down (so a filter on ITC finds ITC4C), its
// skills and S3 areas. Values never hold spaces.
func facetPairs(d *ponte.SearchDoc) [][2]string {
	out := [][2]string{{ponte.FacetType, d.Kind}}
	seen := map[string]bool{}
	for _, r := range d.Regions {
		r = strings.ToUpper(strings.TrimSpace(r))
		for n := 2; n <= len(r) && n <= 5; n++ {
			if !seen[r[:n]] {
				seen[r[:n]] = true
				out = append(out, [2]string{ponte.FacetRegion, r[:n]})
			}
		}
	}
	for _, id := range d.Skills {
		out = append(out, [2]string{ponte.FacetSkill, strconv.FormatInt(id, 10)})
	}
	for _, a := range d.S3Areas {
		out = append(out, [2]string{ponte.FacetS3, strings.ReplaceAll(a, " ", "_")})
	}
	return out
}

// DeleteSearchDoc removes one document and its facets.
func (s *Store) DeleteSearchDoc(ctx context.Context, kind string, id int64) error {
	_, err := s.w.ExecContext(ctx, s.q(`DELETE FROM search_docs WHERE kind = ? AND doc_id = ?`), kind, id)
	return mapErr("DeleteSearchDoc", err)
}

// ClearSearchIndex removes every document of kind, or all of them.
func (s *Store) ClearSearchIndex(ctx context.Context, kind string) error {
	q, args := `DELETE FROM search_docs`, []any{}
	if kind != "" {
		q, args = q+` WHERE kind = ?`, []any{kind}
	}
	_, err := s.w.ExecContext(ctx, s.q(q), args...)
	return mapErr("ClearSearchIndex", err)
}

// SearchSourceIDs lists the ids a rebuild indexes, in id order.
func (s *Store) SearchSourceIDs(ctx context.Context, src ponte.SearchSource) ([]int64, error) {
	var q string
	switch src.Kind {
	case ponte.SearchPerson:
		q = `SELECT user_id FROM profiles WHERE user_id > ? ORDER BY user_id LIMIT ?`
	case ponte.SearchOrganisation:
		q = `SELECT id FROM organisations WHERE id > ? ORDER BY id LIMIT ?`
	case ponte.SearchProposal:
		q = `SELECT id FROM proposals WHERE id > ? AND status IN ('published', 'closed') ORDER BY id LIMIT ?`
	default:
		return nil, ponte.Errorf(ponte.EInvalid, "error.invalid")
	}
	var out []int64
	err := s.queryEach(ctx, s.r, "SearchSourceIDs", q, []any{src.After, limit(src.Limit, 500, 5000)},
		func(r *sql.Rows) error {
			var id int64
			out = append(out, id)
			return r.Scan(&out[len(out)-1])
		})
	return out, err
}

// FTS5 settings of a bulk rebuild: a large in-memory hash flushes the index
// in a few big segments instead of one small segment per statement, and
// automerge is off while they are written (crisis merges still bound the
// number of segments; one optimize merges them at the end). The defaults
// are put back before the transaction commits.
const (
	ftsBulkHashSize    = 128 << 20
	ftsDefaultHashSize = 1 << 20
	ftsDefaultMerge    = 4
	// ftsBulkChunk is how many documents a bulk rebuild writes to
	// search_docs before it indexes them in FTS5 with one statement (each
	// statement flushes the hash into a segment).
	ftsBulkChunk = 25000
)

// BeginSearchRebuild prepares s, which must be a transaction, for a rebuild
// of the index: it removes the documents of kinds, and returns where to
// read content from, write to send the new documents through, and finish
// to complete the index before the commit. reader is the pool when the
// database lets readers run beside the writer (content does not change
// under a rebuild, which holds the write lock), else s itself.
//
// On SQLite the triggers that feed FTS5 row by row are dropped (inside the
// transaction, so a rollback brings them back). When no other documents
// remain, FTS5 is emptied and indexes the new documents in large chunks
// as they come; otherwise finish rebuilds FTS5 from search_docs in one
// pass. finish merges the segments and restores the settings and the
// triggers. On PostgreSQL documents carry their tsvector, and the GIN
// index is built once at the end where that costs no reader anything
// (see beginPostgresRebuild).
func (s *Store) BeginSearchRebuild(ctx context.Context, kinds []string) (reader ponte.Store,
	write ponte.SearchWriter, finish func(context.Context) error, err error) {
	if !s.inTx {
		return nil, nil, nil, fmt.Errorf("sqlstore.BeginSearchRebuild: outside a transaction")
	}
	reader = New(s.db)
	if isSeedFile(s.db) { // one connection: the transaction is the only way in
		reader = s
	}
	if s.db.dialect == Postgres {
		return s.beginPostgresRebuild(ctx, kinds)
	}
	r := &ftsRebuild{s: s}
	if err := r.begin(ctx, kinds); err != nil {
		return nil, nil, nil, err
	}
	return reader, r.write, r.finish, nil
}

// ftsRebuild is a bulk rebuild of the SQLite index in progress.
type ftsRebuild struct {
	s           *Store
	triggers    []string // the statements that create the triggers again
	incremental bool     // FTS5 indexes chunks as they come (else one rebuild at the end)
	indexed     int64    // the highest search_docs id FTS5 indexed
	pending     int      // documents written since
}

// begin drops the triggers, removes the documents of kinds and sets FTS5
// up for bulk writing.
func (r *ftsRebuild) begin(ctx context.Context, kinds []string) error {
	s := r.s
	var names []string
	err := s.queryEach(ctx, s.w, "BeginSearchRebuild", `SELECT name, sql FROM sqlite_master
		WHERE type = 'trigger' AND tbl_name = 'search_docs' ORDER BY name`, nil, func(rows *sql.Rows) error {
		var name, q string
		err := rows.Scan(&name, &q)
		names, r.triggers = append(names, name), append(r.triggers, q)
		return err
	})
	if err != nil {
		return err
	}
	for _, n := range names {
		if _, err := s.w.ExecContext(ctx, `DROP TRIGGER "`+n+`"`); err != nil {
			return mapErr("BeginSearchRebuild.triggers", err)
		}
	}
	for _, k := range kinds {
		if err := s.ClearSearchIndex(ctx, k); err != nil {
			return err
		}
	}
	var left bool
	if err := s.w.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM search_docs)`).Scan(&left); err != nil {
		return mapErr("BeginSearchRebuild", err)
	}
	if r.incremental = !left; r.incremental {
		if _, err := s.w.ExecContext(ctx, `INSERT INTO search_fts (search_fts) VALUES ('delete-all')`); err != nil {
			return mapErr("BeginSearchRebuild.fts", err)
		}
		if err := s.w.QueryRowContext(ctx, `SELECT COALESCE(MAX(id), 0) FROM search_docs`).Scan(&r.indexed); err != nil {
			return mapErr("BeginSearchRebuild", err)
		}
	}
	return s.ftsConfig(ctx, ftsBulkHashSize, 0)
}

// write adds documents to search_docs (begin removed those of the kinds
// rebuilt) and, every ftsBulkChunk documents of an incremental rebuild,
// indexes them in FTS5.
func (r *ftsRebuild) write(docs []*ponte.SearchDoc) func(context.Context) error {
	rows := r.s.searchRows(docs)
	return func(ctx context.Context) error { return r.writeRows(ctx, rows) }
}

// writeRows is write's second step.
func (r *ftsRebuild) writeRows(ctx context.Context, rows [][]any) error {
	if err := r.s.insertSearchRows(ctx, rows); err != nil {
		return err
	}
	if r.pending += len(rows); r.incremental && r.pending >= ftsBulkChunk {
		return r.indexPending(ctx)
	}
	return nil
}

// indexPending indexes in FTS5 the documents written since the last time.
func (r *ftsRebuild) indexPending(ctx context.Context) error {
	var top int64
	if err := r.s.w.QueryRowContext(ctx, `SELECT COALESCE(MAX(id), 0) FROM search_docs`).Scan(&top); err != nil {
		return mapErr("search_fts.index", err)
	}
	if top > r.indexed {
		_, err := r.s.w.ExecContext(ctx, `INSERT INTO search_fts (rowid, raw, stems, facets)
			SELECT id, raw, stems, facets FROM search_docs WHERE id > ? AND id <= ? ORDER BY id`, r.indexed, top)
		if err != nil {
			return mapErr("search_fts.index", err)
		}
	}
	r.indexed, r.pending = top, 0
	return nil
}

// finish completes FTS5 (the last chunk, or a rebuild of everything),
// merges its segments into one, and puts the settings and the triggers
// back.
func (r *ftsRebuild) finish(ctx context.Context) error {
	s := r.s
	if r.incremental {
		if err := r.indexPending(ctx); err != nil {
			return err
		}
	} else if _, err := s.w.ExecContext(ctx, `INSERT INTO search_fts (search_fts) VALUES ('rebuild')`); err != nil {
		return mapErr("search_fts.rebuild", err)
	}
	if _, err := s.w.ExecContext(ctx, `INSERT INTO search_fts (search_fts) VALUES ('optimize')`); err != nil {
		return mapErr("search_fts.optimize", err)
	}
	if err := s.ftsConfig(ctx, ftsDefaultHashSize, ftsDefaultMerge); err != nil {
		return err
	}
	for _, q := range r.triggers {
		if _, err := s.w.ExecContext(ctx, q); err != nil {
			return mapErr("search_fts.trigger", err)
		}
	}
	return nil
}

// ftsConfig sets the FTS5 hash size and automerge of search_fts.
func (s *Store) ftsConfig(ctx context.Context, hashSize, automerge int) error {
	for _, kv := range [][2]any{{"hashsize", hashSize}, {"automerge", automerge}} {
		if _, err := s.w.ExecContext(ctx, `INSERT INTO search_fts (search_fts, rank) VALUES (?, ?)`, kv[0], kv[1]); err != nil {
			return mapErr("search_fts.config", err)
		}
	}
	return nil
}

// SearchProfileSkills returns the skills of the users' profiles with only
// what their search documents need, the concept and the level, by user, in
// no particular order: ProfileSkills also reads labels, evidence and
// endorsement counts, and sorts by label, which a rebuild of millions of
// profiles cannot afford. The caller orders them as ProfileSkills does.
func (s *Store) SearchProfileSkills(ctx context.Context, userIDs []int64) (map[int64][]*ponte.ProfileSkill, error) {
	out := make(map[int64][]*ponte.ProfileSkill, len(userIDs))
	for _, c := range chunks(len(userIDs), 1) {
		err := s.queryEach(ctx, s.r, "SearchProfileSkills", `SELECT user_id, concept_id, level FROM profile_skills
			WHERE user_id IN (`+inList(c[1]-c[0])+`)`,
			idArgs(userIDs[c[0]:c[1]]), func(r *sql.Rows) error {
				k := &ponte.ProfileSkill{}
				if err := r.Scan(&k.UserID, &k.ConceptID, &k.Level); err != nil {
					return err
				}
				out[k.UserID] = append(out[k.UserID], k)
				return nil
			})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

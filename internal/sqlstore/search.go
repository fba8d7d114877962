package sqlstore

import (
	"context"
	"database/sql"
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
	rows := make([][]any, len(docs))
	for i, d := range docs {
		rows[i] = s.searchRow(d)
	}
	return s.bulkExec(ctx, "UpsertSearchDocs", `INSERT INTO search_docs
		(kind, doc_id, lang, title, body, raw, stems, facets, tsv, updated_at) VALUES`, ``, 10, rows)
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

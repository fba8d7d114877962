package sqlstore

import (
	"context"
	"database/sql"
	"strconv"
	"strings"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/search"
)

// searchDialect is what matching looks like in one database: the FROM
// clause, the condition (one parameter, the rendered query) and the
// position column hits are ordered by.
type searchDialect struct {
	from, match, pos string
	render           func(search.Query) string
}

var (
	sqliteSearch = searchDialect{
		from:   `search_fts JOIN search_docs d ON d.id = search_fts.rowid`,
		match:  `search_fts MATCH ?`,
		pos:    `search_fts.rowid`,
		render: search.Query.FTS5,
	}
	postgresSearch = searchDialect{
		from:   `search_docs d`,
		match:  `d.tsv @@ CAST(? AS tsquery)`,
		pos:    `d.id`,
		render: search.Query.TSQuery,
	}
)

// searchDialect returns the store's matching fragments.
func (s *Store) searchDialect() searchDialect {
	if s.db.dialect == Postgres {
		return postgresSearch
	}
	return sqliteSearch
}

// searchWhere renders the condition of q (terms and filters, all in the
// full-text index, which intersects them) and its argument.
func (s *Store) searchWhere(q ponte.SearchQuery) (string, []any) {
	sq := search.Query{Terms: make([]search.Term, len(q.Terms))}
	for i, t := range q.Terms {
		sq.Terms[i] = search.Term{Words: t.Words, Prefix: t.Prefix, Stem: t.Stem}
	}
	if len(q.Kinds) > 0 {
		sq.Filters = append(sq.Filters, search.Filter{Facet: ponte.FacetType, Values: q.Kinds})
	}
	if r := strings.ToUpper(strings.TrimSpace(q.Region)); r != "" {
		sq.Filters = append(sq.Filters, search.Filter{Facet: ponte.FacetRegion, Values: []string{r}})
	}
	if q.SkillID != 0 {
		sq.Filters = append(sq.Filters, search.Filter{Facet: ponte.FacetSkill, Values: []string{strconv.FormatInt(q.SkillID, 10)}})
	}
	if q.S3Area != "" {
		sq.Filters = append(sq.Filters, search.Filter{Facet: ponte.FacetS3, Values: []string{q.S3Area}})
	}
	d := s.searchDialect()
	return d.match, []any{d.render(sq)}
}

// Search returns a page of hits, newest indexed first.
func (s *Store) Search(ctx context.Context, q ponte.SearchQuery) ([]*ponte.SearchHit, error) {
	if len(q.Terms) == 0 {
		return nil, nil
	}
	d := s.searchDialect()
	where, args := s.searchWhere(q)
	if q.After > 0 {
		where += ` AND ` + d.pos + ` < ?`
		args = append(args, q.After)
	}
	args = append(args, limit(q.Limit, 20, 101))
	var out []*ponte.SearchHit
	err := s.queryEach(ctx, s.r, "Search", `SELECT `+d.pos+`, d.kind, d.doc_id, d.lang, d.title, d.body
		FROM `+d.from+` WHERE `+where+` ORDER BY `+d.pos+` DESC LIMIT ?`, args,
		func(r *sql.Rows) error {
			h := &ponte.SearchHit{}
			out = append(out, h)
			return r.Scan(&h.Pos, &h.Kind, &h.ID, &h.Lang, &h.Title, &h.Body)
		})
	return out, err
}

// SearchFacetCounts counts the newest FacetLimit+1 hits of q by type,
// region (NUTS 0 and NUTS 2, the levels a page offers), skill and S3 area.
// It reads each hit's facets column and counts in Go: one indexed pass
// over at most FacetLimit+1 rows, where grouping search_facets rows in
// SQL cost several times more (measured on SQLite).
func (s *Store) SearchFacetCounts(ctx context.Context, q ponte.SearchQuery) (*ponte.SearchFacets, error) {
	out := &ponte.SearchFacets{}
	if len(q.Terms) == 0 {
		return out, nil
	}
	d := s.searchDialect()
	where, args := s.searchWhere(q)
	n := limit(q.FacetLimit, 1000, 10000)
	args = append(args, n+1)
	counts := map[[2]string]int{}
	var order [][2]string
	add := func(k [2]string) {
		if counts[k] == 0 {
			order = append(order, k)
		}
		counts[k]++
	}
	err := s.queryEach(ctx, s.r, "SearchFacetCounts", `SELECT d.facets FROM `+d.from+` WHERE `+where+
		` ORDER BY `+d.pos+` DESC LIMIT ?`, args,
		func(r *sql.Rows) error {
			var facets string
			if err := r.Scan(&facets); err != nil {
				return err
			}
			out.Total++
			for _, fv := range strings.Fields(facets) {
				f, v, _ := strings.Cut(fv, "=")
				if f != ponte.FacetRegion || len(v) == 2 || len(v) == 4 {
					add([2]string{f, v})
				}
			}
			return nil
		})
	for _, k := range order {
		out.Counts = append(out.Counts, ponte.FacetCount{Facet: k[0], Value: k[1], Count: counts[k]})
	}
	out.Capped = out.Total > n
	return out, err
}

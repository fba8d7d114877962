package sqlstore

import (
	"context"
	"database/sql"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5/pgtype"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/search"
)

// searchBuildMemory is PostgreSQL's maintenance_work_mem while a rebuild
// builds the GIN index: with less, the build spills to disk in many runs.
const searchBuildMemory = "512MB"

// beginPostgresRebuild is BeginSearchRebuild on PostgreSQL. In a seed
// session (w is the session's connection; see SeedSession) the content
// is read on the session itself (it is not committed), documents go in
// by COPY, and the secondary indexes of search_docs (the GIN index) are
// dropped and built once at the end, in the seed's transaction. Outside
// one, the indexes are dropped only when the index was empty (a fresh
// database: the drop locks searches out until the commit, which only
// costs what nobody could find).
func (s *Store) beginPostgresRebuild(ctx context.Context, kinds []string) (reader ponte.Store,
	write ponte.SearchWriter, finish func(context.Context) error, err error) {
	conn, session := s.w.(*sql.Conn)
	reader, write, finish = New(s.db), s.insertSearchWriter, func(context.Context) error { return nil }
	if session {
		reader, write = s, func(docs []*ponte.SearchDoc) func(context.Context) error {
			rows := searchCopyRows(docs)
			return func(ctx context.Context) error {
				return s.seedCopy(ctx, conn, "UpsertSearchDocs", "search_docs", searchCopyCols, rows)
			}
		}
	}
	var empty bool
	if err := s.w.QueryRowContext(ctx, `SELECT NOT EXISTS (SELECT 1 FROM search_docs)`).Scan(&empty); err != nil {
		return nil, nil, nil, mapErr("BeginSearchRebuild", err)
	}
	for _, k := range kinds {
		if err := s.ClearSearchIndex(ctx, k); err != nil {
			return nil, nil, nil, err
		}
	}
	if !session && !empty {
		return reader, write, finish, nil
	}
	create, err := s.dropSearchIndexes(ctx)
	if err != nil {
		return nil, nil, nil, err
	}
	return reader, write, func(ctx context.Context) error {
		if _, err := s.w.ExecContext(ctx, `SET LOCAL maintenance_work_mem = '`+searchBuildMemory+`'`); err != nil {
			return mapErr("search_docs.index", err)
		}
		for _, q := range create {
			if _, err := s.w.ExecContext(ctx, q); err != nil {
				return mapErr("search_docs.index", err)
			}
		}
		return nil
	}, nil
}

// dropSearchIndexes drops the indexes of search_docs that are neither its
// primary key nor unique (the unique one still catches a duplicate at
// once), returning the statements that build them again.
func (s *Store) dropSearchIndexes(ctx context.Context) ([]string, error) {
	var names, create []string
	err := s.queryEach(ctx, s.w, "BeginSearchRebuild.indexes", `SELECT i.indexrelid::regclass::text,
		pg_get_indexdef(i.indexrelid) FROM pg_index i
		WHERE NOT i.indisprimary AND NOT i.indisunique AND i.indrelid = 'search_docs'::regclass ORDER BY 1`, nil,
		func(r *sql.Rows) error {
			var name, def string
			err := r.Scan(&name, &def)
			names, create = append(names, name), append(create, def)
			return err
		})
	if err != nil {
		return nil, err
	}
	for _, n := range names {
		if _, err := s.w.ExecContext(ctx, `DROP INDEX `+n); err != nil {
			return nil, mapErr("BeginSearchRebuild.indexes", err)
		}
	}
	return create, nil
}

// searchCopyCols are the columns a seed session copies into search_docs.
var searchCopyCols = []string{"kind", "doc_id", "lang", "title", "body", "raw", "stems", "facets", "tsv", "updated_at"}

// searchCopyRows are the rows a seed session copies for docs; the tsvector
// goes in binary, so PostgreSQL parses no text.
func searchCopyRows(docs []*ponte.SearchDoc) [][]any {
	rows := make([][]any, len(docs))
	for i, d := range docs {
		pairs := facetPairs(d)
		tk := search.Tokens{Raw: d.Raw, Stems: d.Stems, Facets: make([]string, len(pairs))}
		facets := make([]string, len(pairs))
		for j, p := range pairs {
			tk.Facets[j], facets[j] = search.FacetToken(p[0], p[1]), p[0]+"="+p[1]
		}
		rows[i] = []any{d.Kind, d.ID, d.Lang, d.Title, d.Body, strings.Join(d.Raw, " "), strings.Join(d.Stems, " "),
			strings.Join(facets, " "), tsvectorOf(tk), ts(d.UpdatedAt)}
	}
	return rows
}

// tsvectorOf is the tsvector that PostgreSQL reads from tk.TSVector()
// (the same lexemes, positions and weights), built as a value: lexemes in
// their text order with their first 256 positions, positions capped at
// 16,383, a position met twice keeping its highest weight.
func tsvectorOf(tk search.Tokens) pgtype.TSVector {
	type entry struct {
		word string
		pos  []pgtype.TSVectorPosition
	}
	idx := map[string]int{}
	var out []entry
	add := func(w string, p int, weight pgtype.TSVectorWeight) {
		i, ok := idx[w]
		if !ok {
			i, idx[w] = len(out), len(out)
			out = append(out, entry{word: w})
		}
		out[i].pos = append(out[i].pos, pgtype.TSVectorPosition{Position: uint16(min(p, 16383)), Weight: weight})
	}
	for i, w := range tk.Facets {
		add(w, i+1, pgtype.TSVectorWeightC)
	}
	base := len(tk.Facets) + 1
	for i, w := range tk.Raw {
		add(w, base+i+1, pgtype.TSVectorWeightA)
	}
	for i, w := range tk.Stems {
		add(w, base+len(tk.Raw)+i+1, pgtype.TSVectorWeightB)
	}
	v := pgtype.TSVector{Valid: true, Lexemes: make([]pgtype.TSVectorLexeme, len(out))}
	for i, e := range out {
		v.Lexemes[i] = pgtype.TSVectorLexeme{Word: e.word, Positions: uniquePositions(e.pos[:min(len(e.pos), 256)])}
	}
	return v
}

// uniquePositions keeps one of each position, with the highest weight
// (A > B > C > D), as PostgreSQL does with a tsvector's text. tsvectorOf
// adds a word's positions in ascending order, equal only where they are
// capped; others are sorted first.
func uniquePositions(ps []pgtype.TSVectorPosition) []pgtype.TSVectorPosition {
	less := func(a, b pgtype.TSVectorPosition) int { return int(a.Position) - int(b.Position) }
	if !slices.IsSortedFunc(ps, less) {
		slices.SortStableFunc(ps, less)
	}
	out := ps[:0]
	for _, p := range ps {
		if n := len(out); n > 0 && out[n-1].Position == p.Position {
			if weightRank(p.Weight) > weightRank(out[n-1].Weight) {
				out[n-1].Weight = p.Weight
			}
			continue
		}
		out = append(out, p)
	}
	return out
}

// weightRank orders a tsvector's weights: A highest, D lowest.
func weightRank(w pgtype.TSVectorWeight) int {
	switch w {
	case pgtype.TSVectorWeightA:
		return 3
	case pgtype.TSVectorWeightB:
		return 2
	case pgtype.TSVectorWeightC:
		return 1
	}
	return 0
}

-- +goose Up
-- The one search index (people, organisations, proposals, later content).
-- Only what every visitor may see is indexed. raw holds the folded words in
-- order and stems their stems, both computed in Go (internal/search), so
-- SQLite and PostgreSQL match the same tokens. id is the hit order: a
-- document gets a new id each time it is indexed (newest first), and it
-- is the FTS5 rowid. tsv is PostgreSQL's tsvector; SQLite leaves it empty
-- (FTS5 keeps its own index), but the column keeps both schemas alike.
CREATE TABLE search_docs (
    id         INTEGER PRIMARY KEY,
    kind       TEXT NOT NULL,
    doc_id     INTEGER NOT NULL,
    lang       TEXT NOT NULL DEFAULT '',
    title      TEXT NOT NULL DEFAULT '',
    body       TEXT NOT NULL DEFAULT '',
    raw        TEXT NOT NULL DEFAULT '',
    stems      TEXT NOT NULL DEFAULT '',
    -- "type=person region=EL region=EL3 region=EL30 skill=12 s3=tourism":
    -- each pair one token that filters match, read back to count facets.
    facets     TEXT NOT NULL DEFAULT '',
    tsv        TEXT NOT NULL DEFAULT '',
    updated_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX search_docs_doc ON search_docs (kind, doc_id);

-- raw and stems are already folded: the tokenizer must only split them on
-- spaces and keep every letter as it is. Each facet=value pair of facets is
-- one token ("=", "-" and "_" are word characters), so a filter is one
-- token's list, not a phrase of very common words. Prefix indexes of 2 and
-- 3 characters keep short prefix* queries from merging thousands of words.
CREATE VIRTUAL TABLE search_fts USING fts5(
    raw, stems, facets, content = 'search_docs', content_rowid = 'id',
    tokenize = "unicode61 remove_diacritics 0 tokenchars '=-_'", prefix = '2 3'
);

-- +goose StatementBegin
CREATE TRIGGER search_docs_ai AFTER INSERT ON search_docs BEGIN
    INSERT INTO search_fts (rowid, raw, stems, facets) VALUES (new.id, new.raw, new.stems, new.facets);
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER search_docs_ad AFTER DELETE ON search_docs BEGIN
    INSERT INTO search_fts (search_fts, rowid, raw, stems, facets)
        VALUES ('delete', old.id, old.raw, old.stems, old.facets);
END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER search_docs_ad;
DROP TRIGGER search_docs_ai;
DROP TABLE search_fts;
DROP TABLE search_docs;

-- +goose Up
CREATE TABLE concepts (
    id          INTEGER PRIMARY KEY,
    uri         TEXT NOT NULL,
    scheme      TEXT NOT NULL,
    kind        TEXT NOT NULL,
    code        TEXT NOT NULL DEFAULT '',
    skill_type  TEXT NOT NULL DEFAULT '',
    reuse_level TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX concepts_uri ON concepts (uri);
CREATE INDEX concepts_scheme_kind ON concepts (scheme, kind);

CREATE TABLE concept_labels (
    concept_id  INTEGER NOT NULL REFERENCES concepts (id) ON DELETE CASCADE,
    lang        TEXT NOT NULL,
    preferred   TEXT NOT NULL,
    alt         TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (concept_id, lang)
);

CREATE TABLE concept_broader (
    child_id  INTEGER NOT NULL REFERENCES concepts (id) ON DELETE CASCADE,
    parent_id INTEGER NOT NULL REFERENCES concepts (id) ON DELETE CASCADE,
    PRIMARY KEY (child_id, parent_id)
);
CREATE INDEX concept_broader_parent ON concept_broader (parent_id);

CREATE TABLE concept_relations (
    skill_id   INTEGER NOT NULL REFERENCES concepts (id) ON DELETE CASCADE,
    related_id INTEGER NOT NULL REFERENCES concepts (id) ON DELETE CASCADE,
    type       TEXT NOT NULL,
    PRIMARY KEY (skill_id, related_id)
);
CREATE INDEX concept_relations_related ON concept_relations (related_id);

CREATE TABLE occupation_skills (
    occupation_id INTEGER NOT NULL REFERENCES concepts (id) ON DELETE CASCADE,
    skill_id      INTEGER NOT NULL REFERENCES concepts (id) ON DELETE CASCADE,
    type          TEXT NOT NULL,
    PRIMARY KEY (occupation_id, skill_id)
);
CREATE INDEX occupation_skills_skill ON occupation_skills (skill_id);

CREATE TABLE concept_collections (
    concept_id INTEGER NOT NULL REFERENCES concepts (id) ON DELETE CASCADE,
    collection TEXT NOT NULL,
    PRIMARY KEY (concept_id, collection)
);
CREATE INDEX concept_collections_collection ON concept_collections (collection, concept_id);

CREATE TABLE taxonomy_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- +goose Down
DROP TABLE taxonomy_meta;
DROP TABLE concept_collections;
DROP TABLE occupation_skills;
DROP TABLE concept_relations;
DROP TABLE concept_broader;
DROP TABLE concept_labels;
DROP TABLE concepts;

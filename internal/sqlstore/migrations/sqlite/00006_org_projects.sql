-- +goose Up
-- name_key: the folded name, which imports match on within a country.
-- project_count: kept in step by the store, so the directory shows and
-- sorts by it without counting.
ALTER TABLE organisations ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
ALTER TABLE organisations ADD COLUMN project_count INTEGER NOT NULL DEFAULT 0;
CREATE INDEX organisations_name_key ON organisations (country, name_key);
CREATE INDEX organisations_updated ON organisations (updated_at, id);
CREATE INDEX organisations_projects ON organisations (project_count, id);

-- Sectors (kind 'sector', NACE sections) and S3 areas (kind 's3').
CREATE TABLE org_codes (
    org_id INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    kind   TEXT NOT NULL,
    code   TEXT NOT NULL,
    PRIMARY KEY (org_id, kind, code)
);
CREATE INDEX org_codes_code ON org_codes (kind, code, org_id);

CREATE TABLE org_requests (
    org_id     INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    message    TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (org_id, user_id)
);
CREATE INDEX org_requests_user ON org_requests (user_id);

CREATE TABLE org_invites (
    id         INTEGER PRIMARY KEY,
    org_id     INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    email      TEXT NOT NULL,
    role       TEXT NOT NULL,
    token_hash TEXT NOT NULL,
    invited_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    used_at    TIMESTAMP
);
CREATE UNIQUE INDEX org_invites_token ON org_invites (token_hash);
CREATE INDEX org_invites_org ON org_invites (org_id, id);

CREATE TABLE org_projects (
    id                    INTEGER PRIMARY KEY,
    org_id                INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    title                 TEXT NOT NULL,
    description           TEXT NOT NULL DEFAULT '',
    results               TEXT NOT NULL DEFAULT '',
    start_date            TEXT NOT NULL DEFAULT '',
    end_date              TEXT NOT NULL DEFAULT '',
    year                  INTEGER NOT NULL DEFAULT 0,
    sort_date             TEXT NOT NULL DEFAULT '',
    programme             TEXT NOT NULL DEFAULT '',
    fund                  TEXT NOT NULL DEFAULT '',
    budget_cents          INTEGER,
    eu_funding_cents      INTEGER,
    orig_budget_cents     INTEGER,
    orig_eu_funding_cents INTEGER,
    orig_currency         TEXT NOT NULL DEFAULT '',
    region                TEXT NOT NULL DEFAULT '',
    source                TEXT NOT NULL DEFAULT '',
    source_key            TEXT NOT NULL DEFAULT '',
    source_hash           TEXT NOT NULL DEFAULT '',
    created_by            INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at            TIMESTAMP NOT NULL,
    updated_at            TIMESTAMP NOT NULL
);
CREATE INDEX org_projects_org ON org_projects (org_id, sort_date, id);
CREATE UNIQUE INDEX org_projects_source ON org_projects (org_id, source, source_key) WHERE source <> '';

-- name keeps the partner's name as it was, should its organisation go.
CREATE TABLE org_project_partners (
    project_id     INTEGER NOT NULL REFERENCES org_projects (id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    partner_org_id INTEGER REFERENCES organisations (id) ON DELETE SET NULL,
    name           TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (project_id, position)
);
CREATE INDEX org_project_partners_org ON org_project_partners (partner_org_id);

-- org_id is the project's, copied so competences aggregate per
-- organisation without joining projects.
CREATE TABLE org_project_skills (
    project_id INTEGER NOT NULL REFERENCES org_projects (id) ON DELETE CASCADE,
    concept_id INTEGER NOT NULL REFERENCES concepts (id) ON DELETE CASCADE,
    org_id     INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    PRIMARY KEY (project_id, concept_id)
);
CREATE INDEX org_project_skills_org ON org_project_skills (org_id, concept_id);

-- Declared competences.
CREATE TABLE org_competences (
    org_id     INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    concept_id INTEGER NOT NULL REFERENCES concepts (id) ON DELETE CASCADE,
    note       TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (org_id, concept_id)
);

-- One row per organisation and concept it has evidence of (declared,
-- projects), rewritten in the transaction that changes the evidence: the
-- directory's skill filter and the distinctive ranking read it instead of
-- aggregating project skills.
CREATE TABLE org_concepts (
    org_id     INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    concept_id INTEGER NOT NULL REFERENCES concepts (id) ON DELETE CASCADE,
    declared   INTEGER NOT NULL DEFAULT 0,
    projects   INTEGER NOT NULL DEFAULT 0,
    weight     INTEGER NOT NULL,
    PRIMARY KEY (org_id, concept_id)
);
CREATE INDEX org_concepts_concept ON org_concepts (concept_id, org_id, weight);

-- How many organisations have each concept in org_concepts, kept in the
-- same transactions: the distinctive ranking's "document frequency" is
-- then one row per concept instead of a count over thousands.
CREATE TABLE org_concept_counts (
    concept_id INTEGER PRIMARY KEY REFERENCES concepts (id) ON DELETE CASCADE,
    orgs       INTEGER NOT NULL
);

-- +goose Down
DROP TABLE org_concept_counts;
DROP TABLE org_concepts;
DROP TABLE org_competences;
DROP TABLE org_project_skills;
DROP TABLE org_project_partners;
DROP TABLE org_projects;
DROP TABLE org_invites;
DROP TABLE org_requests;
DROP TABLE org_codes;
DROP INDEX organisations_projects;
DROP INDEX organisations_updated;
DROP INDEX organisations_name_key;
ALTER TABLE organisations DROP COLUMN project_count;
ALTER TABLE organisations DROP COLUMN name_key;

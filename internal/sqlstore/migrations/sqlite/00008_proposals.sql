-- +goose Up
-- Collaboration proposals. Dates (deadline) are ISO text, '' when none,
-- like project dates: the same in both databases, and they sort.
CREATE TABLE proposals (
    id           INTEGER PRIMARY KEY,
    type         TEXT NOT NULL,
    status       TEXT NOT NULL,
    close_reason TEXT NOT NULL DEFAULT '',
    title        TEXT NOT NULL DEFAULT '',
    summary      TEXT NOT NULL DEFAULT '',
    description  TEXT NOT NULL DEFAULT '',
    lang         TEXT NOT NULL,
    deadline     TEXT NOT NULL DEFAULT '',
    call_ref     TEXT NOT NULL DEFAULT '',
    call_url     TEXT NOT NULL DEFAULT '',
    proposer_id  INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    org_id       INTEGER REFERENCES organisations (id) ON DELETE SET NULL,
    published_at TIMESTAMP,
    closed_at    TIMESTAMP,
    created_at   TIMESTAMP NOT NULL,
    updated_at   TIMESTAMP NOT NULL
);
-- The directory lists by state, newest first, optionally by type; the
-- janitor looks for published proposals past their deadline.
CREATE INDEX proposals_status ON proposals (status, id);
CREATE INDEX proposals_type ON proposals (type, status, id);
CREATE INDEX proposals_deadline ON proposals (status, deadline);
CREATE INDEX proposals_proposer ON proposals (proposer_id, id);
CREATE INDEX proposals_org ON proposals (org_id);

-- Required skills: matching reads concept_id, essential and min_level.
CREATE TABLE proposal_skills (
    proposal_id INTEGER NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
    concept_id  INTEGER NOT NULL REFERENCES concepts (id) ON DELETE CASCADE,
    essential   INTEGER NOT NULL DEFAULT 1,
    min_level   INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (proposal_id, concept_id)
);
CREATE INDEX proposal_skills_concept ON proposal_skills (concept_id, proposal_id);

-- Partner types (kind 'partner'), countries ('country'), NUTS regions
-- ('region'), S3 areas ('s3') and themes ('theme').
CREATE TABLE proposal_codes (
    proposal_id INTEGER NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,
    code        TEXT NOT NULL,
    PRIMARY KEY (proposal_id, kind, code)
);
CREATE INDEX proposal_codes_code ON proposal_codes (kind, code, proposal_id);

-- The history of state changes; actor_id is NULL for the platform's own
-- changes (expiry) and for accounts that are gone.
CREATE TABLE proposal_events (
    id          INTEGER PRIMARY KEY,
    proposal_id INTEGER NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
    actor_id    INTEGER REFERENCES users (id) ON DELETE SET NULL,
    from_status TEXT NOT NULL,
    to_status   TEXT NOT NULL,
    reason      TEXT NOT NULL DEFAULT '',
    created_at  TIMESTAMP NOT NULL
);
CREATE INDEX proposal_events_proposal ON proposal_events (proposal_id, id);

-- +goose Down
DROP TABLE proposal_events;
DROP TABLE proposal_codes;
DROP TABLE proposal_skills;
DROP TABLE proposals;

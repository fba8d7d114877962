-- +goose Up
-- Saved proposal-directory searches. Alerts poll by check time: the
-- janitor reads the searches due for a check, oldest first.
CREATE TABLE saved_searches (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    query      TEXT NOT NULL,
    alert      INTEGER NOT NULL DEFAULT 1,
    checked_at TIMESTAMP NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX saved_searches_user ON saved_searches (user_id, id);
CREATE INDEX saved_searches_due ON saved_searches (alert, checked_at);

-- The weekly digest: one row per member, due at next_at. checked_at is
-- when proposals were last looked at (the next digest covers those
-- published after it); sent_at is when a digest last went out.
CREATE TABLE digest_state (
    user_id    INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    next_at    TIMESTAMP NOT NULL,
    checked_at TIMESTAMP,
    sent_at    TIMESTAMP
);
CREATE INDEX digest_state_next ON digest_state (next_at);

-- Digests and alerts read the proposals published in a time window.
CREATE INDEX proposals_published ON proposals (status, published_at);
-- Recommendations look up required skills by concept and need the
-- essential flag and level too: covering them saves a table read a row.
CREATE INDEX proposal_skills_fit ON proposal_skills (concept_id, proposal_id, essential, min_level);

-- +goose Down
DROP INDEX proposal_skills_fit;
DROP INDEX proposals_published;
DROP TABLE digest_state;
DROP TABLE saved_searches;

-- +goose Up
-- Expressions of interest in proposals. A member expresses interest once
-- per proposal for themself (org_id NULL) and once for each organisation
-- they manage: the unique index folds NULL to 0, since NULLs never clash.
CREATE TABLE proposal_interests (
    id          INTEGER PRIMARY KEY,
    proposal_id INTEGER NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    org_id      INTEGER REFERENCES organisations (id) ON DELETE CASCADE,
    message     TEXT NOT NULL DEFAULT '',
    status      TEXT NOT NULL,
    created_at  TIMESTAMP NOT NULL,
    decided_at  TIMESTAMP,
    decided_by  INTEGER REFERENCES users (id) ON DELETE SET NULL
);
CREATE UNIQUE INDEX proposal_interests_once ON proposal_interests (proposal_id, user_id, COALESCE(org_id, 0));
-- A proposal's page lists its expressions, a member's export theirs,
-- newest first; organisation deletion cascades through org_id.
CREATE INDEX proposal_interests_proposal ON proposal_interests (proposal_id, id);
CREATE INDEX proposal_interests_user ON proposal_interests (user_id, id);
CREATE INDEX proposal_interests_org ON proposal_interests (org_id);
CREATE INDEX proposal_interests_decider ON proposal_interests (decided_by);

-- The in-app notification centre. params is a JSON object of strings.
CREATE TABLE notifications (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,
    link       TEXT NOT NULL DEFAULT '',
    params     TEXT NOT NULL DEFAULT '{}',
    created_at TIMESTAMP NOT NULL,
    read_at    TIMESTAMP
);
CREATE INDEX notifications_user ON notifications (user_id, id);
-- The header counts unread notifications on every page: a partial index
-- holds only those.
CREATE INDEX notifications_unread ON notifications (user_id) WHERE read_at IS NULL;

-- Notification settings; no row means everything on.
CREATE TABLE notification_prefs (
    user_id    INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    in_app     INTEGER NOT NULL DEFAULT 1,
    email      INTEGER NOT NULL DEFAULT 1,
    digest     INTEGER NOT NULL DEFAULT 1,
    updated_at TIMESTAMP NOT NULL
);

-- +goose Down
DROP TABLE notification_prefs;
DROP TABLE notifications;
DROP TABLE proposal_interests;

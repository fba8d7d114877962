-- +goose Up
-- The content version (ponte.ContentStore): one row, moved forward by every
-- change to what visitors see, read by each app node's caches.
CREATE TABLE content_version (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    version BIGINT NOT NULL
);
INSERT INTO content_version (id, version) VALUES (1, 1);

-- The administrators (and moderators) by role: the home page asks on every
-- visit whether an administrator exists yet; without it that means reading
-- accounts from the newest until an administrator turns up (all of them on
-- a site that has none).
CREATE INDEX users_role ON users (role, id);

-- +goose Down
DROP INDEX users_role;
DROP TABLE content_version;

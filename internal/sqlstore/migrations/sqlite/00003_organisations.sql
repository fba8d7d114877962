-- +goose Up
CREATE TABLE organisations (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    type        TEXT NOT NULL,
    registry_id TEXT NOT NULL DEFAULT '',
    size_band   TEXT NOT NULL DEFAULT '',
    country     TEXT NOT NULL DEFAULT '',
    region      TEXT NOT NULL DEFAULT '',
    address     TEXT NOT NULL DEFAULT '',
    lat         REAL,
    lon         REAL,
    website     TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    logo_id     INTEGER,
    source      TEXT NOT NULL DEFAULT '',
    source_key  TEXT NOT NULL DEFAULT '',
    created_by  INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at  TIMESTAMP NOT NULL,
    updated_at  TIMESTAMP NOT NULL
);
CREATE INDEX organisations_region ON organisations (region);
CREATE INDEX organisations_type ON organisations (type, id);
CREATE INDEX organisations_registry ON organisations (country, registry_id) WHERE registry_id <> '';
CREATE UNIQUE INDEX organisations_source ON organisations (source, source_key) WHERE source <> '';

CREATE TABLE org_members (
    org_id     INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role       TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (org_id, user_id)
);
CREATE INDEX org_members_user ON org_members (user_id);

-- +goose Down
DROP TABLE org_members;
DROP TABLE organisations;

-- +goose Up
CREATE TABLE profiles (
    user_id          INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    headline         TEXT NOT NULL DEFAULT '',
    bio              TEXT NOT NULL DEFAULT '',
    photo_id         INTEGER REFERENCES images (id) ON DELETE SET NULL,
    country          TEXT NOT NULL DEFAULT '',
    region           TEXT NOT NULL DEFAULT '',
    affiliations     TEXT NOT NULL DEFAULT '',
    offer            TEXT NOT NULL DEFAULT '',
    seek             TEXT NOT NULL DEFAULT '',
    show_email       TEXT NOT NULL DEFAULT 'nobody',
    allow_contact    INTEGER NOT NULL DEFAULT 0,
    vis_about        TEXT NOT NULL DEFAULT 'public',
    vis_skills       TEXT NOT NULL DEFAULT 'public',
    vis_languages    TEXT NOT NULL DEFAULT 'public',
    vis_location     TEXT NOT NULL DEFAULT 'public',
    vis_affiliations TEXT NOT NULL DEFAULT 'members',
    vis_offer_seek   TEXT NOT NULL DEFAULT 'members',
    vis_contact      TEXT NOT NULL DEFAULT 'private',
    vis_assessment   TEXT NOT NULL DEFAULT 'private',
    created_at       TIMESTAMP NOT NULL,
    updated_at       TIMESTAMP NOT NULL
);
-- The directory's recency order, and its region filter (a code range).
CREATE INDEX profiles_updated ON profiles (updated_at, user_id);
CREATE INDEX profiles_region ON profiles (region, updated_at);
CREATE INDEX profiles_photo ON profiles (photo_id) WHERE photo_id IS NOT NULL;

CREATE TABLE profile_languages (
    user_id INTEGER NOT NULL REFERENCES profiles (user_id) ON DELETE CASCADE,
    code    TEXT NOT NULL,
    level   TEXT NOT NULL,
    PRIMARY KEY (user_id, code)
);
CREATE INDEX profile_languages_code ON profile_languages (code, user_id);

CREATE TABLE profile_interests (
    user_id INTEGER NOT NULL REFERENCES profiles (user_id) ON DELETE CASCADE,
    kind    TEXT NOT NULL,
    code    TEXT NOT NULL,
    PRIMARY KEY (user_id, kind, code)
);
CREATE INDEX profile_interests_code ON profile_interests (kind, code, user_id);

CREATE TABLE profile_skills (
    user_id       INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    concept_id    INTEGER NOT NULL REFERENCES concepts (id) ON DELETE CASCADE,
    level         INTEGER NOT NULL,
    evidence_kind TEXT NOT NULL DEFAULT '',
    evidence_text TEXT NOT NULL DEFAULT '',
    evidence_url  TEXT NOT NULL DEFAULT '',
    region        TEXT NOT NULL DEFAULT '',
    created_at    TIMESTAMP NOT NULL,
    updated_at    TIMESTAMP NOT NULL,
    PRIMARY KEY (user_id, concept_id)
);
-- Covers the directory's skill filter and relevance (sum of levels) without
-- touching the table. region is a copy of profiles.region (kept in step by
-- the store), so "this skill in this region" is one index range instead of
-- a profile lookup for every holder of a popular skill.
CREATE INDEX profile_skills_concept ON profile_skills (concept_id, region, user_id, level);

CREATE TABLE endorsements (
    user_id     INTEGER NOT NULL,
    concept_id  INTEGER NOT NULL,
    endorser_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at  TIMESTAMP NOT NULL,
    PRIMARY KEY (user_id, concept_id, endorser_id),
    FOREIGN KEY (user_id, concept_id) REFERENCES profile_skills (user_id, concept_id) ON DELETE CASCADE
);
CREATE INDEX endorsements_endorser ON endorsements (endorser_id);

CREATE TABLE assessments (
    id       INTEGER PRIMARY KEY,
    user_id  INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    version  INTEGER NOT NULL,
    answers  TEXT NOT NULL,
    taken_at TIMESTAMP NOT NULL
);
CREATE INDEX assessments_user ON assessments (user_id, id);

-- +goose Down
DROP TABLE assessments;
DROP TABLE endorsements;
DROP TABLE profile_skills;
DROP TABLE profile_interests;
DROP TABLE profile_languages;
DROP TABLE profiles;

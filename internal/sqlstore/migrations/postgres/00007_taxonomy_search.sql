-- +goose Up
-- Hidden labels (misspellings, outdated terms) are searched but never shown.
ALTER TABLE concept_labels ADD COLUMN hidden TEXT NOT NULL DEFAULT '';

-- Proficiency scales of the competence frameworks (EntreComp, DigComp), in
-- English as the frameworks publish them.
CREATE TABLE proficiency_levels (
    scheme           TEXT NOT NULL,
    level            INTEGER NOT NULL,
    name             TEXT NOT NULL,
    band             TEXT NOT NULL DEFAULT '',
    band_description TEXT NOT NULL DEFAULT '',
    autonomy         TEXT NOT NULL DEFAULT '',
    description      TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (scheme, level)
);

-- +goose Down
DROP TABLE proficiency_levels;
ALTER TABLE concept_labels DROP COLUMN hidden;

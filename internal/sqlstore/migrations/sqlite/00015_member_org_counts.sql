-- +goose Up
-- How many organisations are known for a concept through their members'
-- public skills alone (no declaration, no project): with
-- org_concept_counts, each concept's "document frequency" in the ranking
-- of competences. Counting it live reads every holder of the skill
-- (seconds at two million people), so it is a snapshot that the janitor
-- rewrites hourly (RefreshMemberOrgCounts).
CREATE TABLE concept_member_org_counts (
    concept_id INTEGER PRIMARY KEY REFERENCES concepts (id) ON DELETE CASCADE,
    orgs       INTEGER NOT NULL
);

-- +goose Down
DROP TABLE concept_member_org_counts;

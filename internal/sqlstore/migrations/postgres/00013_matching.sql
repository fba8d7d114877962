-- +goose Up
-- Matchmaking reads, for each concept a proposal needs, its best holders
-- first (highest level, then oldest account; for organisations the most
-- evidence), and stops after a fixed number: a very common skill held by
-- tens of thousands is sampled by its best holders instead of read whole.
-- The order is the same for every concept, so someone who holds several
-- common skills is kept in all of their lists.
CREATE INDEX profile_skills_match ON profile_skills (concept_id, level DESC, user_id);
CREATE INDEX org_concepts_match ON org_concepts (concept_id, weight DESC, org_id, projects);

-- +goose Down
DROP INDEX org_concepts_match;
DROP INDEX profile_skills_match;

-- +goose Up
-- Each proposal keeps a copy of its skills and codes as two lists, written
-- with them (writeProposalLinks, SeedProposals), so that the open-data
-- export reads a proposal in one row instead of aggregating two tables per
-- batch (half of its time at scale 100). skill_list holds concept ids
-- separated by commas, an essential skill's as is and any other's as
-- -1-id; code_list holds "kind:code" items separated by commas, with "%"
-- and "," in a code written %25 and %2C. Neither list is in any order.
ALTER TABLE proposals ADD COLUMN skill_list TEXT NOT NULL DEFAULT '';
ALTER TABLE proposals ADD COLUMN code_list TEXT NOT NULL DEFAULT '';
UPDATE proposals SET
    skill_list = COALESCE((SELECT string_agg((CASE WHEN essential <> 0 THEN concept_id ELSE -1 - concept_id END)::text, ',')
        FROM proposal_skills WHERE proposal_id = proposals.id), ''),
    code_list = COALESCE((SELECT string_agg(kind || ':' || replace(replace(code, '%', '%25'), ',', '%2C'), ',')
        FROM proposal_codes WHERE proposal_id = proposals.id), '');
-- The export read skills through this index; nothing else needs it.
DROP INDEX proposal_skills_open;

-- +goose Down
CREATE INDEX proposal_skills_open ON proposal_skills (proposal_id, essential, concept_id);
ALTER TABLE proposals DROP COLUMN code_list;
ALTER TABLE proposals DROP COLUMN skill_list;

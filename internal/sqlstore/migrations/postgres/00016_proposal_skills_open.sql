-- +goose Up
-- The open-data export reads each proposal's skills with their essential
-- flag, batch by batch in proposal order: this index answers it alone,
-- without a lookup in the table per skill (a fifth of the export's time).
CREATE INDEX proposal_skills_open ON proposal_skills (proposal_id, essential, concept_id);

-- +goose Down
DROP INDEX proposal_skills_open;

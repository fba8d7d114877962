-- +goose Up
-- PDF files attached to proposals. The description and the bytes live in
-- two tables so that listing a proposal's attachments never reads a blob.
-- Moderation needs no table of its own: the pending state is a proposal
-- status (listed through proposals_status) and every decision, with the
-- moderator's reason, is a row of proposal_events.
CREATE TABLE proposal_attachments (
    id          INTEGER PRIMARY KEY,
    proposal_id INTEGER NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    size        INTEGER NOT NULL,
    sha256      TEXT NOT NULL,
    uploader_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at  TIMESTAMP NOT NULL
);
CREATE INDEX proposal_attachments_proposal ON proposal_attachments (proposal_id, id);
CREATE INDEX proposal_attachments_uploader ON proposal_attachments (uploader_id);

CREATE TABLE proposal_attachment_data (
    attachment_id INTEGER PRIMARY KEY REFERENCES proposal_attachments (id) ON DELETE CASCADE,
    data          BLOB NOT NULL
);

-- +goose Down
DROP TABLE proposal_attachment_data;
DROP TABLE proposal_attachments;

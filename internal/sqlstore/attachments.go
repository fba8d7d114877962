package sqlstore

import (
	"context"
	"database/sql"

	"github.com/ponte-platform/ponte"
)

// CreateAttachment stores an attachment's description and its bytes in
// one transaction and sets its ID.
func (s *Store) CreateAttachment(ctx context.Context, a *ponte.Attachment) error {
	return s.Tx(ctx, func(tx ponte.Store) error {
		t := tx.(*Store)
		a.CreatedAt = ts(a.CreatedAt)
		err := t.w.QueryRowContext(ctx, t.q(`INSERT INTO proposal_attachments (proposal_id, name, size,
			sha256, uploader_id, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id`), a.ProposalID, a.Name,
			a.Size, a.SHA256, a.UploaderID, a.CreatedAt).Scan(&a.ID)
		if err != nil {
			return mapErr("CreateAttachment", err)
		}
		_, err = t.w.ExecContext(ctx, t.q(`INSERT INTO proposal_attachment_data (attachment_id, data)
			VALUES (?, ?)`), a.ID, a.Data)
		return mapErr("CreateAttachment", err)
	})
}

const attachmentCols = `a.id, a.proposal_id, a.name, a.size, a.sha256, a.uploader_id, a.created_at`

func scanAttachment(row rowScanner, extra ...any) (*ponte.Attachment, error) {
	var a ponte.Attachment
	var uploader sql.NullInt64
	dest := append([]any{&a.ID, &a.ProposalID, &a.Name, &a.Size, &a.SHA256, &uploader, &a.CreatedAt}, extra...)
	if err := row.Scan(dest...); err != nil {
		return nil, err
	}
	a.UploaderID, a.CreatedAt = orgNullInt(uploader), a.CreatedAt.UTC()
	return &a, nil
}

// Attachments lists a proposal's attachments without their bytes.
func (s *Store) Attachments(ctx context.Context, proposalID int64) ([]*ponte.Attachment, error) {
	out := []*ponte.Attachment{}
	err := s.queryEach(ctx, s.r, "Attachments", `SELECT `+attachmentCols+` FROM proposal_attachments a
		WHERE a.proposal_id = ? ORDER BY a.id`, []any{proposalID}, func(r *sql.Rows) error {
		a, err := scanAttachment(r)
		if err == nil {
			out = append(out, a)
		}
		return err
	})
	return out, err
}

// AttachmentByID returns one attachment of a proposal with its bytes.
func (s *Store) AttachmentByID(ctx context.Context, proposalID, id int64) (*ponte.Attachment, error) {
	var data []byte
	a, err := scanAttachment(s.r.QueryRowContext(ctx, s.q(`SELECT `+attachmentCols+`, d.data
		FROM proposal_attachments a JOIN proposal_attachment_data d ON d.attachment_id = a.id
		WHERE a.id = ? AND a.proposal_id = ?`), id, proposalID), &data)
	if err != nil {
		return nil, mapErr("AttachmentByID", err)
	}
	a.Data = data
	return a, nil
}

// DeleteAttachment removes one attachment of a proposal; its bytes go
// with it (ON DELETE CASCADE).
func (s *Store) DeleteAttachment(ctx context.Context, proposalID, id int64) error {
	res, err := s.w.ExecContext(ctx, s.q(`DELETE FROM proposal_attachments WHERE id = ? AND proposal_id = ?`),
		id, proposalID)
	return notFoundIfNone("DeleteAttachment", res, err)
}

package service

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"strconv"

	"github.com/ponte-platform/ponte"
)

// attachmentError is a refusal of an upload shown on the form's "file"
// field.
func attachmentError(key string) error {
	return &ponte.Error{Code: ponte.EInvalid, Key: "error.invalid", Fields: map[string]string{"file": key}}
}

// AddAttachment attaches a PDF (read from r, at most
// ponte.MaxAttachmentBytes) to a draft or published proposal the actor may
// edit, up to ponte.MaxAttachments per proposal. The bytes must be a PDF
// whatever the name or the browser says; the name is sanitised.
func (s *Service) AddAttachment(ctx context.Context, actor *ponte.User, proposalID int64, name string, r io.Reader) (*ponte.Attachment, error) {
	p, err := s.editableAttachments(ctx, actor, proposalID)
	if err != nil {
		return nil, err
	}
	data, err := io.ReadAll(io.LimitReader(r, ponte.MaxAttachmentBytes+1))
	switch {
	case err != nil:
		return nil, &ponte.Error{Code: ponte.EBadRequest, Key: "error.bad_request", Err: err}
	case len(data) > ponte.MaxAttachmentBytes:
		return nil, ponte.Errorf(ponte.ETooLarge, "proposal.error.attachment_too_large")
	case len(data) == 0:
		return nil, attachmentError("proposal.error.attachment_missing")
	case !ponte.IsPDF(data):
		return nil, attachmentError("proposal.error.attachment_pdf")
	}
	sum := sha256.Sum256(data)
	a := &ponte.Attachment{ProposalID: p.ID, Name: ponte.SanitizeAttachmentName(name), Size: int64(len(data)),
		SHA256: hex.EncodeToString(sum[:]), UploaderID: &actor.ID, Data: data, CreatedAt: s.now()}
	err = s.store.Tx(ctx, func(tx ponte.Store) error {
		// The lock makes the count and the insert one step, so two uploads
		// at once cannot both take the last place.
		if err := tx.Lock(ctx, "proposal_attachments:"+strconv.FormatInt(p.ID, 10)); err != nil {
			return err
		}
		list, err := tx.Attachments(ctx, p.ID)
		if err != nil {
			return err
		}
		if len(list) >= ponte.MaxAttachments {
			return attachmentError("proposal.error.attachments_full")
		}
		return tx.CreateAttachment(ctx, a)
	})
	if err != nil {
		return nil, err
	}
	a.Data = nil
	return a, nil
}

// ProposalAttachments lists the attachments (without their bytes) of p,
// a proposal the actor was given by Proposal: anyone who may see it may
// see its attachments.
func (s *Service) ProposalAttachments(ctx context.Context, actor *ponte.User, p *ponte.Proposal) ([]*ponte.Attachment, error) {
	if !ponte.ProposalPublic(p.Status) {
		if _, _, err := s.Proposal(ctx, actor, p.ID, "en"); err != nil {
			return nil, err
		}
	}
	return s.store.Attachments(ctx, p.ID)
}

// Attachment returns one attachment with its bytes, for whoever may see
// its proposal; ENotFound otherwise, as if absent.
func (s *Service) Attachment(ctx context.Context, actor *ponte.User, proposalID, id int64) (*ponte.Attachment, error) {
	if _, _, err := s.Proposal(ctx, actor, proposalID, "en"); err != nil {
		return nil, err
	}
	return s.store.AttachmentByID(ctx, proposalID, id)
}

// DeleteAttachment removes an attachment of a draft or published proposal
// the actor may edit.
func (s *Service) DeleteAttachment(ctx context.Context, actor *ponte.User, proposalID, id int64) error {
	if _, err := s.editableAttachments(ctx, actor, proposalID); err != nil {
		return err
	}
	return s.store.DeleteAttachment(ctx, proposalID, id)
}

// editableAttachments loads a proposal whose attachments the actor may
// change: one they may edit, in a state whose content may change.
func (s *Service) editableAttachments(ctx context.Context, actor *ponte.User, id int64) (*ponte.Proposal, error) {
	p, canEdit, err := s.Proposal(ctx, actor, id, "en")
	if err != nil {
		return nil, err
	}
	if !canEdit {
		return nil, forbiddenOrUnauthorized(actor)
	}
	if p.Status != ponte.ProposalDraft && p.Status != ponte.ProposalPublished {
		return nil, ponte.Errorf(ponte.EConflict, "proposal.error.not_editable")
	}
	return p, nil
}

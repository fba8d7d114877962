package service_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"testing"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/sqlstore/storetest"
)

// pdf is a small real PDF file.
var pdf = []byte("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n" +
	"trailer<</Root 1 0 R>>\n%%EOF\n")

func TestAttachments(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		storetest.SeedConcepts(t, e.store)
		u, other := e.member(t, "prop@example.ro"), e.member(t, "other@example.ro")
		p := e.proposal(t, u, validProposal())
		a, err := e.svc.AddAttachment(ctx, u, p.ID, `C:\docs\Ofertă tehnică.PDF`, bytes.NewReader(pdf))
		sum := sha256.Sum256(pdf)
		if err != nil || a.Name != "Ofertă tehnică.pdf" || a.Size != int64(len(pdf)) || a.SHA256 != hex.EncodeToString(sum[:]) {
			t.Fatalf("AddAttachment = %+v, %v", a, err)
		}
		// Only PDFs, not empty, not over 10 MB, whatever the name says.
		_, err = e.svc.AddAttachment(ctx, u, p.ID, "fake.pdf", bytes.NewReader([]byte("<html><script>alert(1)</script>")))
		wantField(t, err, "file", "proposal.error.attachment_pdf")
		_, err = e.svc.AddAttachment(ctx, u, p.ID, "empty.pdf", bytes.NewReader(nil))
		wantField(t, err, "file", "proposal.error.attachment_missing")
		big := append(append([]byte{}, pdf...), make([]byte, ponte.MaxAttachmentBytes)...)
		_, err = e.svc.AddAttachment(ctx, u, p.ID, "big.pdf", bytes.NewReader(big))
		wantCode(t, err, ponte.ETooLarge)
		// Others cannot attach: the draft is hidden from them, a published
		// proposal is not theirs to change.
		_, err = e.svc.AddAttachment(ctx, other, p.ID, "x.pdf", bytes.NewReader(pdf))
		wantCode(t, err, ponte.ENotFound)
		_, err = e.svc.Attachment(ctx, nil, p.ID, a.ID)
		wantCode(t, err, ponte.ENotFound)
		if _, err := e.svc.ChangeProposalStatus(ctx, u, p.ID, ponte.ProposalPublished, "", "en"); err != nil {
			t.Fatal(err)
		}
		_, err = e.svc.AddAttachment(ctx, other, p.ID, "x.pdf", bytes.NewReader(pdf))
		wantCode(t, err, ponte.EForbidden)
		_, err = e.svc.AddAttachment(ctx, nil, p.ID, "x.pdf", bytes.NewReader(pdf))
		wantCode(t, err, ponte.EUnauthorized)
		got, err := e.svc.Attachment(ctx, nil, p.ID, a.ID)
		if err != nil || !bytes.Equal(got.Data, pdf) {
			t.Fatalf("visitor download: %v", err)
		}
		// At most MaxAttachments.
		for i := 1; i < ponte.MaxAttachments; i++ {
			if _, err := e.svc.AddAttachment(ctx, u, p.ID, "more.pdf", bytes.NewReader(pdf)); err != nil {
				t.Fatal(err)
			}
		}
		_, err = e.svc.AddAttachment(ctx, u, p.ID, "one-too-many.pdf", bytes.NewReader(pdf))
		wantField(t, err, "file", "proposal.error.attachments_full")
		pub, _, _ := e.svc.Proposal(ctx, nil, p.ID, "en")
		list, err := e.svc.ProposalAttachments(ctx, nil, pub)
		if err != nil || len(list) != ponte.MaxAttachments || list[0].Data != nil {
			t.Fatalf("list = %d, %v", len(list), err)
		}
		// Deleting: editors only.
		wantCode(t, e.svc.DeleteAttachment(ctx, other, p.ID, a.ID), ponte.EForbidden)
		if err := e.svc.DeleteAttachment(ctx, u, p.ID, a.ID); err != nil {
			t.Fatal(err)
		}
		wantCode(t, e.svc.DeleteAttachment(ctx, u, p.ID, a.ID), ponte.ENotFound)
		// A closed proposal is a record: its files no longer change.
		if _, err := e.svc.ChangeProposalStatus(ctx, u, p.ID, ponte.ProposalClosed, ponte.CloseReasonPartnered, "en"); err != nil {
			t.Fatal(err)
		}
		_, err = e.svc.AddAttachment(ctx, u, p.ID, "late.pdf", bytes.NewReader(pdf))
		wantCode(t, err, ponte.EConflict)
	})
}

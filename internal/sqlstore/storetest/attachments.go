package storetest

import (
	"bytes"
	"context"
	"testing"

	"github.com/ponte-platform/ponte"
)

func init() {
	register(
		contract{"AttachmentRoundTrip", testAttachmentRoundTrip},
		contract{"ProposalQueueOldestFirst", testProposalQueue},
	)
}

func testAttachmentRoundTrip(t *testing.T, s ponte.Store) {
	ctx := context.Background()
	u := NewUser(t, s, "uploader")
	p := NewProposal(t, s, u, "S prilogo", ponte.ProposalDraft)
	other := NewProposal(t, s, u, "Brez priloge", ponte.ProposalDraft)
	data := append([]byte("%PDF-1.7\n"), bytes.Repeat([]byte{0, 0xff, 'x'}, 100000)...)
	a := &ponte.Attachment{ProposalID: p.ID, Name: "Ponudba – 2026.pdf", Size: int64(len(data)), SHA256: "ab12",
		UploaderID: &u.ID, Data: data, CreatedAt: t0}
	if err := s.CreateAttachment(ctx, a); err != nil || a.ID == 0 {
		t.Fatalf("CreateAttachment: %v, id %d", err, a.ID)
	}
	b := &ponte.Attachment{ProposalID: p.ID, Name: "b.pdf", Size: 5, SHA256: "cd", Data: []byte("%PDF-"), CreatedAt: t0}
	if err := s.CreateAttachment(ctx, b); err != nil {
		t.Fatal(err)
	}
	list, err := s.Attachments(ctx, p.ID)
	if err != nil || len(list) != 2 || list[0].ID != a.ID || list[1].ID != b.ID {
		t.Fatalf("Attachments = %+v, %v", list, err)
	}
	if l := list[0]; l.Data != nil || l.Name != a.Name || l.Size != a.Size || l.SHA256 != "ab12" ||
		*l.UploaderID != u.ID || !l.CreatedAt.Equal(ts(t0)) || list[1].UploaderID != nil {
		t.Fatalf("listed %+v (the list must not carry the bytes)", l)
	}
	got, err := s.AttachmentByID(ctx, p.ID, a.ID)
	if err != nil || !bytes.Equal(got.Data, data) || got.Name != a.Name {
		t.Fatalf("AttachmentByID: %v, %d bytes", err, len(got.Data))
	}
	// Another proposal's id does not reach it.
	_, err = s.AttachmentByID(ctx, other.ID, a.ID)
	wantCode(t, err, ponte.ENotFound)
	wantCode(t, s.DeleteAttachment(ctx, other.ID, a.ID), ponte.ENotFound)
	if none, err := s.Attachments(ctx, other.ID); err != nil || len(none) != 0 || none == nil {
		t.Fatalf("empty list = %v, %v", none, err)
	}
	if err := s.DeleteAttachment(ctx, p.ID, a.ID); err != nil {
		t.Fatal(err)
	}
	_, err = s.AttachmentByID(ctx, p.ID, a.ID)
	wantCode(t, err, ponte.ENotFound)
	wantCode(t, s.DeleteAttachment(ctx, p.ID, a.ID), ponte.ENotFound)
	// The proposal's files go with its proposer's account.
	if err := s.DeleteUser(ctx, u.ID); err != nil {
		t.Fatal(err)
	}
	if left, err := s.Attachments(ctx, p.ID); err != nil || len(left) != 0 {
		t.Fatalf("after the account went: %d attachments, %v", len(left), err)
	}
}

func testProposalQueue(t *testing.T, s ponte.Store) {
	ctx := context.Background()
	u := NewUser(t, s, "queued")
	var pending []int64
	for i, st := range []string{ponte.ProposalPending, ponte.ProposalDraft, ponte.ProposalPending,
		ponte.ProposalPublished, ponte.ProposalPending} {
		p := NewProposal(t, s, u, "P", st)
		if i%2 == 0 {
			pending = append(pending, p.ID)
		}
	}
	f := ponte.ProposalFilter{Statuses: []string{ponte.ProposalPending}, Oldest: true, Lang: "en", Limit: 2}
	first, err := s.ListProposals(ctx, f)
	if err != nil || len(first) != 2 || first[0].ID != pending[0] || first[1].ID != pending[1] {
		t.Fatalf("first page = %v, %v", proposalIDs(first), err)
	}
	f.AfterID = first[1].ID
	second, err := s.ListProposals(ctx, f)
	if err != nil || len(second) != 1 || second[0].ID != pending[2] || second[0].Status != ponte.ProposalPending {
		t.Fatalf("second page = %v, %v", proposalIDs(second), err)
	}
}

func proposalIDs(ps []*ponte.Proposal) []int64 {
	out := make([]int64, len(ps))
	for i, p := range ps {
		out[i] = p.ID
	}
	return out
}

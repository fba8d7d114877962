package ponte

// AttachmentStore keeps files attached to proposals.
type AttachmentStore interface{}

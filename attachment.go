package ponte

import (
	"bytes"
	"context"
	"path"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Attachment limits: the size of one file and how many a proposal keeps.
const (
	MaxAttachmentBytes   = 10 << 20 // 10 MiB
	MaxAttachments       = 5
	MaxAttachmentNameLen = 120 // characters, extension included
)

// Attachment is a PDF attached to a proposal. Its bytes (Data) are read
// only to serve the file; lists leave Data nil.
type Attachment struct {
	ID         int64
	ProposalID int64
	Name       string // sanitised file name, ending in .pdf
	Size       int64  // bytes
	SHA256     string // hex digest of the bytes
	UploaderID *int64 // nil once the uploader's account is gone
	Data       []byte
	CreatedAt  time.Time
}

// AttachmentStore keeps files attached to proposals. The bytes live apart
// from the descriptions, so listing never reads them.
type AttachmentStore interface {
	// CreateAttachment stores a and its bytes and sets its ID.
	CreateAttachment(ctx context.Context, a *Attachment) error
	// Attachments lists a proposal's attachments, oldest first, without
	// their bytes.
	Attachments(ctx context.Context, proposalID int64) ([]*Attachment, error)
	// AttachmentByID returns one attachment of a proposal with its bytes;
	// ENotFound if the proposal has none with that id.
	AttachmentByID(ctx context.Context, proposalID, id int64) (*Attachment, error)
	// DeleteAttachment removes one attachment of a proposal; ENotFound if
	// the proposal has none with that id.
	DeleteAttachment(ctx context.Context, proposalID, id int64) error
}

// IsPDF reports whether data starts like a PDF file ("%PDF-"). Browsers'
// content sniffing and PDF readers go by the same signature.
func IsPDF(data []byte) bool { return bytes.HasPrefix(data, []byte("%PDF-")) }

// SanitizeAttachmentName turns a file name as uploaded into one that is
// safe to store, show and send back in a Content-Disposition header: no
// directories, no control or markup characters, at most
// MaxAttachmentNameLen characters, always ending in ".pdf".
func SanitizeAttachmentName(name string) string {
	name = strings.ReplaceAll(name, "\\", "/")
	name = path.Base(strings.ToValidUTF8(name, ""))
	var b strings.Builder
	for _, r := range name {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("-_.()+ ", r):
			b.WriteRune(r)
		case unicode.IsSpace(r):
			b.WriteRune(' ')
		default:
			b.WriteRune('_')
		}
	}
	base := strings.Join(strings.Fields(b.String()), " ")
	if strings.EqualFold(path.Ext(base), ".pdf") {
		base = base[:len(base)-4]
	}
	base = strings.Trim(base, ". _")
	if n := MaxAttachmentNameLen - 4; utf8.RuneCountInString(base) > n {
		base = strings.TrimRight(string([]rune(base)[:n]), ". _")
	}
	if base == "" {
		base = "attachment"
	}
	return base + ".pdf"
}

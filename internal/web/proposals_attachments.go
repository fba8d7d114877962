package web

import (
	"context"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/i18n"
)

// attachmentMaxBody lets a 10 MiB PDF through with its multipart framing;
// larger bodies get the translated 413 page before any is read.
const attachmentMaxBody = ponte.MaxAttachmentBytes + 512<<10

// attachmentRoutes are proposal attachments: PDFs that editors upload and
// delete, and that whoever sees the proposal may download.
func (s *Server) attachmentRoutes() []Route {
	return []Route{
		{"POST", "/proposals/{id}/attachments", s.attachmentUpload, "member", attachmentMaxBody},
		{"GET", "/proposals/{id}/attachments/{aid}", s.attachmentDownload, "public", 0},
		{"POST", "/proposals/{id}/attachments/{aid}/delete", s.attachmentDelete, "member", 0},
	}
}

// proposalAttachments is the attachments part of a proposal page.
type proposalAttachments struct {
	ProposalID int64
	Items      []attachmentView
	CanChange  bool   // the viewer may upload and delete
	Full       bool   // the proposal has ponte.MaxAttachments already
	Error      string // message key of a refused upload
	Max        int
}

// attachmentView is one attachment in the list.
type attachmentView struct {
	ID        int64
	Name      string
	Size      string // in kB, formatted for the reader
	CreatedAt time.Time
}

type attachmentErrKey struct{}

// loadProposalAttachments fills d.Attachments for the viewer: the list
// (never the bytes), and the upload form for editors while the proposal's
// content may change.
func (s *Server) loadProposalAttachments(r *http.Request, p *ponte.Proposal, d *proposalPageData) error {
	list, err := s.svc.ProposalAttachments(r.Context(), currentUser(r), p)
	if err != nil {
		return err
	}
	a := proposalAttachments{ProposalID: p.ID, Max: ponte.MaxAttachments, Full: len(list) >= ponte.MaxAttachments,
		CanChange: d.CanEdit && (p.Status == ponte.ProposalDraft || p.Status == ponte.ProposalPublished)}
	a.Error, _ = r.Context().Value(attachmentErrKey{}).(string)
	for _, at := range list {
		a.Items = append(a.Items, attachmentView{ID: at.ID, Name: at.Name, CreatedAt: at.CreatedAt,
			Size: i18n.FormatInt(lang(r), (at.Size+1023)/1024)})
	}
	d.Attachments = a
	return nil
}

func (s *Server) attachmentUpload(w http.ResponseWriter, r *http.Request) error {
	u, id, f, err := memberForm(r)
	if err != nil {
		return err
	}
	// Without a file the service still checks the actor's rights first,
	// then finds the upload empty: a stranger learns nothing more.
	var body io.Reader = strings.NewReader("")
	name := ""
	if file, hdr, ferr := r.FormFile("file"); ferr == nil {
		defer file.Close()
		body, name = file, hdr.Filename
	}
	_, err = s.svc.AddAttachment(r.Context(), u, id, name, body)
	if f.failed(err) {
		return s.attachmentRefused(w, r, f.Errors["file"])
	}
	if err != nil {
		return err
	}
	return s.redirectFlash(w, r, "/proposals/"+orgItoa(id)+"#attachments-h", "flash.attachment_added")
}

// attachmentRefused shows the proposal page again with the upload's error.
func (s *Server) attachmentRefused(w http.ResponseWriter, r *http.Request, key string) error {
	r = r.WithContext(context.WithValue(r.Context(), attachmentErrKey{}, key))
	return s.renderProposalPage(w, r, http.StatusUnprocessableEntity, emptyForm())
}

// attachmentDownload sends a PDF as a download, never shown inline: the
// name is the sanitised one, and nosniff with a fixed type keeps browsers
// from reading it as anything else.
func (s *Server) attachmentDownload(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	aid, err := pathInt(r, "aid")
	if err != nil {
		return err
	}
	a, err := s.svc.Attachment(r.Context(), currentUser(r), id, aid)
	if err != nil {
		return err
	}
	h := w.Header()
	h.Set("Content-Type", "application/pdf")
	h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": a.Name}))
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Length", strconv.FormatInt(int64(len(a.Data)), 10))
	h.Set("Cache-Control", "private, no-cache")
	h.Set("ETag", `"`+a.SHA256+`"`)
	h.Set("Vary", "Cookie")
	if r.Header.Get("If-None-Match") == `"`+a.SHA256+`"` {
		w.WriteHeader(http.StatusNotModified)
		return nil
	}
	_, err = w.Write(a.Data)
	return err
}

func (s *Server) attachmentDelete(w http.ResponseWriter, r *http.Request) error {
	u, err := requireUser(r)
	if err != nil {
		return err
	}
	id, err := pathID(r)
	if err != nil {
		return err
	}
	aid, err := pathInt(r, "aid")
	if err != nil {
		return err
	}
	if err := s.svc.DeleteAttachment(r.Context(), u, id, aid); err != nil {
		return err
	}
	return s.redirectFlash(w, r, "/proposals/"+orgItoa(id)+"#attachments-h", "flash.attachment_deleted")
}

package web

import (
	"net/http"

	"github.com/ponte-platform/ponte"
)

// attachmentRoutes are proposal attachments.
func (s *Server) attachmentRoutes() []Route { return nil }

// proposalAttachments is the attachments part of a proposal page.
type proposalAttachments struct{}

// loadProposalAttachments fills d.Attachments for the viewer.
func (s *Server) loadProposalAttachments(r *http.Request, p *ponte.Proposal, d *proposalPageData) error {
	return nil
}

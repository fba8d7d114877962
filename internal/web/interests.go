package web

import (
	"net/http"

	"github.com/ponte-platform/ponte"
)

// interestRoutes are expressions of interest in a proposal.
func (s *Server) interestRoutes() []Route { return nil }

// proposalInterests is the expressions-of-interest part of a proposal page.
type proposalInterests struct{}

// loadProposalInterests fills d.Interests for the viewer.
func (s *Server) loadProposalInterests(r *http.Request, p *ponte.Proposal, d *proposalPageData) error {
	return nil
}

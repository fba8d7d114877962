package web

import (
	"net/http"

	"github.com/ponte-platform/ponte"
)

// orgClaimsData is the administrators' list of claims of imported
// organisations.
type orgClaimsData struct {
	Claims []*ponte.OrgClaim
}

func (s *Server) orgClaims(w http.ResponseWriter, r *http.Request) error {
	u, err := requireUser(r)
	if err != nil {
		return err
	}
	claims, err := s.svc.OrgClaims(r.Context(), u)
	if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, "org_claims", s.newPage(r, "org.claims_title", &orgClaimsData{Claims: claims}))
}

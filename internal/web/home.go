package web

import "net/http"

// homeData is the home page's content.
type homeData struct {
	NeedsSetup bool
}

func (s *Server) home(w http.ResponseWriter, r *http.Request) error {
	needs, err := s.svc.NeedsSetup(r.Context())
	if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, "home", s.newPage(r, "home.title", homeData{NeedsSetup: needs}))
}

func (s *Server) privacy(w http.ResponseWriter, r *http.Request) error {
	return s.render(w, r, http.StatusOK, "privacy", s.newPage(r, "privacy.title", nil))
}

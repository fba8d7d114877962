package web

import (
	"net/http"

	"github.com/ponte-platform/ponte/internal/service"
)

// homeData is the home page's content. Feed is the signed-in member's
// part (nil for visitors).
type homeData struct {
	NeedsSetup bool
	Feed       *homeFeed
}

// homeFeed is "Proposals that need your skills".
type homeFeed struct {
	Items     []homeRecommendation
	HasSkills bool
}

// homeRecommendation is one recommended proposal with why it fits.
type homeRecommendation struct {
	Proposal proposalView
	Count    int    // how many of the member's skills it needs
	Skills   string // their labels
	Place    bool
}

func (s *Server) home(w http.ResponseWriter, r *http.Request) error {
	needs, err := s.svc.NeedsSetup(r.Context())
	if err != nil {
		return err
	}
	d := homeData{NeedsSetup: needs}
	if u := currentUser(r); u != nil {
		feed, err := s.svc.ProposalsForMe(r.Context(), u, lang(r))
		if err != nil {
			return err
		}
		d.Feed = newHomeFeed(feed)
	}
	return s.render(w, r, http.StatusOK, "home", s.newPage(r, "home.title", d))
}

func newHomeFeed(f *service.HomeFeed) *homeFeed {
	out := &homeFeed{HasSkills: f.HasSkills}
	for _, rec := range f.Items {
		names := ""
		for i, c := range rec.Matched {
			if i > 0 {
				names += ", "
			}
			names += c.Label
		}
		out.Items = append(out.Items, homeRecommendation{Proposal: newProposalView(rec.Proposal),
			Count: len(rec.Matched), Skills: names, Place: rec.Place})
	}
	return out
}

func (s *Server) privacy(w http.ResponseWriter, r *http.Request) error {
	return s.render(w, r, http.StatusOK, "privacy", s.newPage(r, "privacy.title", nil))
}

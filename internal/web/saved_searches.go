package web

import (
	"net/http"
	"net/url"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/service"
)

// savedSearchRoutes are saved searches and their alerts.
func (s *Server) savedSearchRoutes() []Route {
	return []Route{
		{"GET", "/saved-searches", s.savedSearches, "member", 0},
		{"POST", "/saved-searches", s.savedSearchCreate, "member", 0},
		{"POST", "/saved-searches/{id}/alert", s.savedSearchAlert, "member", 0},
		{"POST", "/saved-searches/{id}/delete", s.savedSearchDelete, "member", 0},
	}
}

// savedSearchFilterKeys are the directory filters the save form carries
// as hidden fields (a typed skill is resolved when saved).
var savedSearchFilterKeys = []string{"type", "skill_uri", "skill_q", "region", "s3_area", "deadline_after", "deadline_before"}

// savedSearchForm is the directory's "Save this search" form: the name
// field and the current filters as hidden fields.
type savedSearchForm struct {
	Form    *form
	Filters []hiddenField
}

// hiddenField is one hidden input.
type hiddenField struct{ Name, Value string }

// newSavedSearchForm returns the save form for a member (nil for
// visitors), carrying the filters q; refused is a refused submission.
func newSavedSearchForm(r *http.Request, q url.Values, refused *form) *savedSearchForm {
	if currentUser(r) == nil {
		return nil
	}
	f := refused
	if f == nil {
		f = emptyForm()
	}
	sf := &savedSearchForm{Form: f}
	for _, k := range savedSearchFilterKeys {
		if v := q.Get(k); v != "" {
			sf.Filters = append(sf.Filters, hiddenField{k, v})
		}
	}
	return sf
}

// savedSearchesData is the /saved-searches page.
type savedSearchesData struct {
	Items []savedSearchItem
}

// savedSearchItem is one saved search with its directory link.
type savedSearchItem struct {
	*service.SavedSearchView
	URL string
}

func (s *Server) savedSearches(w http.ResponseWriter, r *http.Request) error {
	u, err := requireUser(r)
	if err != nil {
		return err
	}
	views, err := s.svc.MySavedSearchViews(r.Context(), u, lang(r))
	if err != nil {
		return err
	}
	d := &savedSearchesData{}
	for _, v := range views {
		d.Items = append(d.Items, savedSearchItem{v, savedSearchURL(v.SavedSearch)})
	}
	return s.render(w, r, http.StatusOK, "saved_searches", s.newPage(r, "saved_search.title", d))
}

// savedSearchCreate saves the directory's current filters. A refused
// submission shows the directory again with the form's errors (422).
func (s *Server) savedSearchCreate(w http.ResponseWriter, r *http.Request) error {
	u, err := requireUser(r)
	if err != nil {
		return err
	}
	f, err := parseForm(r)
	if err != nil {
		return err
	}
	q := url.Values{}
	for _, k := range savedSearchFilterKeys {
		if v := f.Get(k); v != "" {
			q.Set(k, v)
		}
	}
	_, err = s.svc.SaveSearch(r.Context(), u, f.Get("name"), q, lang(r))
	if f.failed(err) {
		return s.proposalDirectoryWith(w, r, q, f)
	}
	if err != nil {
		return err
	}
	return s.redirectFlash(w, r, "/saved-searches", "flash.saved_search.saved")
}

func (s *Server) savedSearchAlert(w http.ResponseWriter, r *http.Request) error {
	u, id, err := userAndID(r)
	if err != nil {
		return err
	}
	f, err := parseForm(r)
	if err != nil {
		return err
	}
	if err := s.svc.SetSavedSearchAlert(r.Context(), u, id, f.Get("alert") == "on"); err != nil {
		return err
	}
	return s.redirectFlash(w, r, "/saved-searches", "flash.saved_search.updated")
}

func (s *Server) savedSearchDelete(w http.ResponseWriter, r *http.Request) error {
	u, id, err := userAndID(r)
	if err != nil {
		return err
	}
	if err := s.svc.DeleteSavedSearch(r.Context(), u, id); err != nil {
		return err
	}
	return s.redirectFlash(w, r, "/saved-searches", "flash.saved_search.deleted")
}

// savedSearchURL is the directory link of a saved query.
func savedSearchURL(ss *ponte.SavedSearch) string {
	if ss.Query == "" {
		return "/proposals"
	}
	return "/proposals?" + ss.Query
}

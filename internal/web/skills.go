package web

import (
	"net/http"
	"unicode/utf8"

	"github.com/ponte-platform/ponte/internal/service"
)

// skillRoutes are the taxonomy's pages: a search over the skill index
// (which works without JavaScript), the skills-for-innovation areas and
// one page per concept.
func (s *Server) skillRoutes() []Route {
	return []Route{
		{"GET", "/skills", s.skillSearch, "public", 0},
		{"GET", "/skills/innovation", s.skillInnovation, "public", 0},
		{"GET", "/skills/{id}", s.skillPage, "public", 0},
	}
}

// maxSkillQuery bounds the search text, as the input's maxlength does.
const maxSkillQuery = 200

// skillSearchData is the search page's content.
type skillSearchData struct {
	Field    SkillField
	Query    string
	Searched bool
	Results  []suggestionView
	Full     bool // as many results as shown at most: more may match
}

// skillSearch searches the skill index. ?uri= (or a URI chosen in the
// enhanced field, skill_uri) goes straight to that concept's page.
func (s *Server) skillSearch(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	if uri := firstOf(q.Get("uri"), q.Get("skill_uri")); uri != "" {
		id, err := s.svc.SkillIDByURI(r.Context(), uri)
		if err != nil {
			return err
		}
		http.Redirect(w, r, skillPath(id), http.StatusSeeOther)
		return nil
	}
	text := truncateRunes(firstOf(q.Get("skill_q"), q.Get("q")), maxSkillQuery)
	hits, err := s.svc.SuggestSkills(r.Context(), text, lang(r), service.MaxSkillLimit)
	if err != nil {
		return err
	}
	d := skillSearchData{Query: text, Searched: text != "", Full: len(hits) == service.MaxSkillLimit,
		Field: SkillField{Name: "skill", Label: "skills.search.label", Text: text}}
	for _, h := range hits {
		d.Results = append(d.Results, suggestionView{SkillSuggestion: h, Foreign: h.Lang != lang(r)})
	}
	return s.render(w, r, http.StatusOK, "skill_search", s.newPage(r, "skills.search.title", d))
}

// skillInnovationData is the innovation areas page's content.
type skillInnovationData struct {
	Areas []innovationAreaView
}

// innovationAreaView is one area with its members.
type innovationAreaView struct {
	Area    conceptView
	Members []conceptView
}

// skillInnovation lists the six skills-for-innovation areas.
func (s *Server) skillInnovation(w http.ResponseWriter, r *http.Request) error {
	areas, err := s.svc.InnovationAreas(r.Context(), lang(r))
	if err != nil {
		return err
	}
	var d skillInnovationData
	for _, a := range areas {
		if a.Area == nil {
			continue
		}
		d.Areas = append(d.Areas, innovationAreaView{Area: conceptView{Concept: a.Area, Foreign: a.Area.Lang != lang(r)},
			Members: newConceptViews(a.Members, lang(r))})
	}
	return s.render(w, r, http.StatusOK, "skill_innovation", s.newPage(r, "skills.innovation.title", d))
}

// firstOf returns the first non-empty string.
func firstOf(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// truncateRunes cuts s to at most n bytes without splitting a character.
func truncateRunes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

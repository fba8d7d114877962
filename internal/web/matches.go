package web

import (
	"net/http"
	"strconv"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/i18n"
	"github.com/ponte-platform/ponte/internal/service"
)

// matchRoutes are a proposal's ranked partner matches.
func (s *Server) matchRoutes() []Route {
	return []Route{
		{"GET", "/proposals/{id}/matches", s.matchesPage, "member", 0},
	}
}

// matchPageData is the matches page: people or organisations, one kind
// at a time (?kind=), best first.
type matchPageData struct {
	ID          int64
	Title, Lang string
	Kind        string
	Tabs        []matchTab
	HasSkills   bool
	Matches     []matchView
}

// matchTab switches between people and organisations.
type matchTab struct {
	Kind, Key string
	Current   bool
}

// matchView is one match as the page shows it: the reasons already in the
// viewer's language.
type matchView struct {
	Href, Name          string
	TypeKey             string
	Place               string
	Score               int
	Covered, Essentials int
	Reasons             []string
}

func (s *Server) matchesPage(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	l := lang(r)
	q := service.MatchesQuery{Kind: r.URL.Query().Get("kind"), Lang: l}
	if n := r.URL.Query().Get("limit"); n != "" {
		q.Limit, _ = strconv.Atoi(n)
	}
	page, err := s.svc.Matches(r.Context(), currentUser(r), id, q)
	if err != nil {
		return err
	}
	p := page.Proposal
	d := &matchPageData{ID: p.ID, Title: p.Title, Lang: p.Lang, Kind: page.Kind, HasSkills: len(p.Skills) > 0}
	for _, k := range []string{ponte.MatchPeople, ponte.MatchOrganisations} {
		d.Tabs = append(d.Tabs, matchTab{Kind: k, Key: "match.kind." + k, Current: k == page.Kind})
	}
	for _, m := range page.Matches {
		d.Matches = append(d.Matches, newMatchView(s.cat, l, m))
	}
	return s.render(w, r, http.StatusOK, "proposal_matches", s.newPage(r, "match.page_title", d))
}

func newMatchView(cat *i18n.Catalog, lang string, m ponte.Match) matchView {
	v := matchView{Name: m.Name, Score: m.Score, Covered: m.Covered, Essentials: m.Essentials,
		Href: "/people/" + strconv.FormatInt(m.ID, 10)}
	if m.Kind == ponte.MatchOrganisations {
		v.Href = "/organisations/" + strconv.FormatInt(m.ID, 10)
		if m.Type != "" {
			v.TypeKey = "people.org_type." + m.Type
		}
	}
	if m.Region != "" {
		v.Place = regionName(m.Region)
	} else if m.Country != "" {
		v.Place = countryName(lang, m.Country)
	}
	for _, r := range m.Reasons {
		v.Reasons = append(v.Reasons, matchReasonText(cat, lang, r))
	}
	return v
}

// matchReasonText renders one reason of a match in lang.
func matchReasonText(cat *i18n.Catalog, lang string, r ponte.MatchReason) string {
	data := make(map[string]any, len(r.Params)+len(r.ParamKeys))
	for k, v := range r.Params {
		data[k] = v
	}
	for k, key := range r.ParamKeys {
		data[k] = cat.Translate(lang, key, nil)
	}
	if r.Plural {
		return cat.Plural(lang, r.Key, r.Count, data)
	}
	return cat.Translate(lang, r.Key, data)
}

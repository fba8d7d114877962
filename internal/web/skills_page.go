package web

import (
	"net/http"
	"strconv"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/service"
)

// skillPageData is a concept's page.
type skillPageData struct {
	Concept         conceptView
	Labels          []ponte.ConceptLabel // other languages
	Broader         []conceptView        // from the top down to the parent
	Narrower        []conceptView
	NarrowerNext    string // URL of the next page, or ""
	Related         []relatedView
	RelatedNext     string
	Collections     []string // message keys
	InnovationAreas []conceptView
	Members         []conceptView // of an innovation area
	Holders         *service.SkillHolders
	JSONLD          map[string]any
}

// relatedView is a related skill and its relation's message key.
type relatedView struct {
	conceptView
	TypeKey string
}

// skillPage shows one concept: labels, hierarchy, collections, related
// skills and who has it.
func (s *Server) skillPage(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	l := lang(r)
	cur := service.SkillCursor{NarrowerAfter: queryID(r, "narrower_after"), RelatedAfter: queryID(r, "related_after")}
	d, err := s.svc.SkillByID(r.Context(), id, l, cur)
	if err != nil {
		return err
	}
	holders, err := s.svc.SkillHolders(r.Context(), currentUser(r), id, l, service.HolderPage{})
	if err != nil {
		return err
	}
	data := s.skillPageData(d, l)
	data.Holders = holders
	return s.render(w, r, http.StatusOK, "skill", s.newPage(r, d.Concept.Label, data))
}

// skillPageData turns a service answer into the page's view.
func (s *Server) skillPageData(d *service.SkillDetail, l string) skillPageData {
	c := conceptView{Concept: d.Concept, Foreign: d.Concept.Lang != l}
	p := skillPageData{Concept: c, Narrower: newConceptViews(d.Narrower, l),
		InnovationAreas: newConceptViews(d.InnovationAreas, l), Members: newConceptViews(d.Members, l),
		JSONLD: s.conceptJSONLD(d)}
	for i := len(d.Broader) - 1; i >= 0; i-- {
		p.Broader = append(p.Broader, conceptView{Concept: d.Broader[i], Foreign: d.Broader[i].Lang != l})
	}
	for _, lb := range d.Labels {
		if lb.Lang != c.Lang {
			p.Labels = append(p.Labels, lb)
		}
	}
	for _, r := range d.Related {
		p.Related = append(p.Related, relatedView{conceptView{Concept: r.Concept, Foreign: r.Concept.Lang != l},
			"skills.relation." + keyPart(r.Type)})
	}
	for _, col := range d.Collections {
		p.Collections = append(p.Collections, collectionKey(col))
	}
	if d.NarrowerNext != 0 {
		p.NarrowerNext = c.Path() + "?narrower_after=" + strconv.FormatInt(d.NarrowerNext, 10) + "#narrower"
	}
	if d.RelatedNext != 0 {
		p.RelatedNext = c.Path() + "?related_after=" + strconv.FormatInt(d.RelatedNext, 10) + "#related"
	}
	return p
}

// conceptJSONLD describes the concept as a schema.org DefinedTerm. The
// template writes the map inside <script type="application/ld+json">,
// where html/template encodes it as JSON with <, > and & escaped, so no
// label can close the element.
func (s *Server) conceptJSONLD(d *service.SkillDetail) map[string]any {
	c := d.Concept
	ld := map[string]any{
		"@context": "https://schema.org",
		"@type":    "DefinedTerm",
		"@id":      c.URI,
		"name":     map[string]string{"@language": c.Lang, "@value": c.Label},
		"url":      s.cfg.BaseURL + skillPath(c.ID),
	}
	if c.Description != "" {
		ld["description"] = map[string]string{"@language": c.Lang, "@value": c.Description}
	}
	if len(c.AltLabels) > 0 {
		ld["alternateName"] = c.AltLabels
	}
	if c.Code != "" {
		ld["termCode"] = c.Code
	}
	set := map[string]any{"@type": "DefinedTermSet", "name": c.Scheme}
	if c.Scheme == ponte.SchemeESCO {
		set["@id"], set["name"] = "http://data.europa.eu/esco/concept-scheme/skills", "ESCO v1.1.1"
	}
	ld["inDefinedTermSet"] = set
	return ld
}

// queryID parses a keyset cursor from the query; anything odd is 0.
func queryID(r *http.Request, name string) int64 {
	id, err := strconv.ParseInt(r.URL.Query().Get(name), 10, 64)
	if err != nil || id < 0 {
		return 0
	}
	return id
}

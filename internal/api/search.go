package api

import (
	"context"
	"html"
	"net/http"
	"strings"

	"github.com/danielgtaylor/huma/v2"

	"github.com/ponte-platform/ponte/internal/search"
	"github.com/ponte-platform/ponte/internal/service"
)

// registerSearch adds the operations on the one search.
func (a *API) registerSearch() {
	huma.Register(a.h, huma.Operation{OperationID: "search", Method: http.MethodGet, Path: "/search",
		Summary: "Search people, organisations and proposals", Tags: []string{"Search"}, Errors: []int{400, 422},
		Description: "Words in any order, all required; \"quoted phrases\"; prefix* words. Text is matched without " +
			"case or accents (the Greek tonos too) and by stem in the query language (lang, else Accept-Language). " +
			"Only what every visitor may see is searchable. Hits come newest indexed first, in keyset pages: pass " +
			"next_cursor back as cursor. Facet counts cover at most the newest 1,000 hits (facets_capped). A query " +
			"of only stop-words or punctuation is not an error: it answers empty_query true and no items."},
		a.search)
}

// SearchInput is a search query.
type SearchInput struct {
	LangInput
	Q      string `query:"q" maxLength:"1000" doc:"The words to find"`
	Lang   string `query:"lang" enum:"en,it,el,hr,ro,sl," doc:"Language of the query's words (stemming); default Accept-Language"`
	Type   string `query:"type" enum:"person,organisation,proposal," doc:"Only this kind of content"`
	Region string `query:"region" doc:"NUTS code of any level: hits in it or below it"`
	Skill  string `query:"skill" doc:"Concept URI or id"`
	S3     string `query:"s3" doc:"Smart-specialisation area code"`
	Cursor string `query:"cursor" doc:"next_cursor of the previous page"`
	Limit  int    `query:"limit" minimum:"0" maximum:"100" doc:"Page size, 20 by default"`
}

// SearchHitDTO is one result.
type SearchHitDTO struct {
	Type  string `json:"type" enum:"person,organisation,proposal"`
	ID    int64  `json:"id"`
	Title string `json:"title"`
	Lang  string `json:"lang,omitempty" doc:"Language of the text, when known"`
	URL   string `json:"url" doc:"Path of the item's page"`
	// Snippet is plain text; SnippetHTML the same, HTML-escaped, with the
	// matching words in <mark>.
	Snippet     string `json:"snippet"`
	SnippetHTML string `json:"snippet_html"`
}

// FacetDTO is one value of a facet with its count.
type FacetDTO struct {
	Value string `json:"value"`
	Label string `json:"label,omitempty" doc:"Region name or skill label"`
	Count int    `json:"count"`
}

// SearchOutput is a page of results with facet counts.
type SearchOutput struct {
	Body struct {
		EmptyQuery   bool                  `json:"empty_query" doc:"Nothing searchable was typed"`
		Items        []SearchHitDTO        `json:"items"`
		NextCursor   string                `json:"next_cursor,omitempty"`
		Total        int                   `json:"total" doc:"Hits counted (a lower bound when facets_capped)"`
		FacetsCapped bool                  `json:"facets_capped"`
		Facets       map[string][]FacetDTO `json:"facets" doc:"type, region (NUTS 0 and 2), skill (concept id), s3"`
	}
}

func (a *API) search(ctx context.Context, in *SearchInput) (*SearchOutput, error) {
	lang := langOf(in.AcceptLanguage, a.cat)
	qlang := lang
	if in.Lang != "" {
		qlang = in.Lang
	}
	res, err := a.svc.Search(ctx, service.SearchInput{Q: in.Q, Type: in.Type, Region: in.Region, Skill: in.Skill,
		S3: in.S3, Cursor: in.Cursor, Limit: in.Limit}, qlang)
	if err != nil {
		return nil, a.fail(lang, err)
	}
	out := &SearchOutput{}
	b := &out.Body
	b.EmptyQuery, b.NextCursor, b.Total, b.FacetsCapped = res.Empty, res.Next, res.Total, res.Capped
	b.Items = make([]SearchHitDTO, 0, len(res.Hits))
	for _, h := range res.Hits {
		b.Items = append(b.Items, SearchHitDTO{Type: h.Kind, ID: h.ID, Title: h.Title, Lang: h.Lang,
			URL: "/" + pathOf(h.Kind) + "/" + itoa(h.ID), Snippet: search.SnippetText(h.Snippet),
			SnippetHTML: snippetHTML(h.Snippet)})
	}
	b.Facets = map[string][]FacetDTO{"type": facetDTOs(res.Types), "region": facetDTOs(res.Regions),
		"skill": facetDTOs(res.Skills), "s3": facetDTOs(res.S3)}
	return out, nil
}

// pathOf is the page path segment of a kind.
func pathOf(kind string) string {
	switch kind {
	case "person":
		return "people"
	case "organisation":
		return "organisations"
	}
	return "proposals"
}

// snippetHTML escapes a snippet and marks its matches.
func snippetHTML(segs []search.Segment) string {
	var b strings.Builder
	for _, s := range segs {
		if s.Mark {
			b.WriteString("<mark>" + html.EscapeString(s.Text) + "</mark>")
			continue
		}
		b.WriteString(html.EscapeString(s.Text))
	}
	return b.String()
}

// facetDTOs converts facet options.
func facetDTOs(opts []service.FacetOption) []FacetDTO {
	out := make([]FacetDTO, 0, len(opts))
	for _, o := range opts {
		out = append(out, FacetDTO{Value: o.Value, Label: o.Label, Count: o.Count})
	}
	return out
}

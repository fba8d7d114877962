package web

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/search"
	"github.com/ponte-platform/ponte/internal/service"
)

// searchRoutes are the one search page.
func (s *Server) searchRoutes() []Route {
	return []Route{{"GET", "/search", s.searchPage, "public", 0}}
}

// searchParams are the query parameters the page reads and keeps in links.
var searchParams = []string{"q", "type", "region", "skill", "s3"}

// searchData is the /search page.
type searchData struct {
	Form    *form
	Kept    []keptParam // the filters in force, carried by the form
	Asked   bool        // a query was typed
	Empty   bool        // only stop-words or punctuation: nothing to search
	Hits    []searchHitView
	Total   int
	Capped  bool
	Limit   int // what Capped counts up to
	Facets  []facetGroupView
	Clear   string // the same query without filters ("" when none is set)
	NextURL string
}

// keptParam is a filter the form carries: hidden, or shown with its
// error so it can be corrected.
type keptParam struct {
	Name, Label, Value, Error string
}

// searchFilterLabels name the filters for the form.
var searchFilterLabels = map[string]string{"type": "search.facet.type", "region": "search.facet.region",
	"skill": "search.facet.skill", "s3": "search.facet.s3"}

// searchHitView is one result.
type searchHitView struct {
	KindKey string
	Kind    string
	URL     string
	Title   string
	Lang    string
	Snippet []search.Segment
}

// facetGroupView is one facet with its values as filter links.
type facetGroupView struct {
	Name    string // the query parameter
	Label   string // a message key
	Options []facetLinkView
}

// facetLinkView is one value: Key (a message key) or Text names it; URL
// applies it, or removes it when Selected.
type facetLinkView struct {
	Key, Text string
	Count     int64
	Selected  bool
	URL       string
}

func (s *Server) searchPage(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	f := &form{Values: q, Errors: map[string]string{}}
	d := &searchData{Form: f, Asked: q.Get("q") != "", Limit: service.SearchFacetHits}
	status := http.StatusOK
	if d.Asked {
		in := service.SearchInput{Q: q.Get("q"), Type: q.Get("type"), Region: q.Get("region"),
			Skill: q.Get("skill"), S3: q.Get("s3"), Cursor: q.Get("after")}
		res, err := s.svc.Search(r.Context(), in, lang(r))
		switch {
		case f.failed(err):
			status = http.StatusUnprocessableEntity
			if k, ok := f.Errors["cursor"]; ok { // a spoiled "more" link
				delete(f.Errors, "cursor")
				f.Error = k
			}
		case err != nil:
			return err
		default:
			d.fill(q, res)
		}
	}
	for _, p := range searchParams[1:] {
		if v := q.Get(p); v != "" {
			d.Kept = append(d.Kept, keptParam{Name: p, Label: searchFilterLabels[p], Value: v, Error: f.Errors[p]})
		}
	}
	return s.render(w, r, status, "search", s.newPage(r, "search.title", d))
}

// fill sets the page from a result.
func (d *searchData) fill(q url.Values, res *service.SearchResult) {
	d.Empty, d.Total, d.Capped = res.Empty, res.Total, res.Capped
	for _, h := range res.Hits {
		d.Hits = append(d.Hits, searchHitView{KindKey: "search.kind." + h.Kind, Kind: h.Kind,
			URL: hitURL(h.Kind, h.ID), Title: h.Title, Lang: h.Lang, Snippet: h.Snippet})
	}
	d.Facets = []facetGroupView{
		facetGroup(q, "type", "search.facet.type", res.Types, "search.kind."),
		facetGroup(q, "region", "search.facet.region", res.Regions, ""),
		facetGroup(q, "skill", "search.facet.skill", res.Skills, ""),
		facetGroup(q, "s3", "search.facet.s3", res.S3, "people.s3."),
	}
	for _, p := range searchParams[1:] {
		if q.Get(p) != "" {
			d.Clear = "/search?" + url.Values{"q": {q.Get("q")}}.Encode()
		}
	}
	if res.Next != "" {
		d.NextURL = searchURL(q, "after", res.Next)
	}
}

// facetGroup turns a facet's options into links; keyPrefix names values
// from the catalogue, else the option's own label (or its code) is shown.
func facetGroup(q url.Values, name, label string, opts []service.FacetOption, keyPrefix string) facetGroupView {
	g := facetGroupView{Name: name, Label: label}
	for _, o := range opts {
		l := facetLinkView{Count: int64(o.Count), Selected: o.Selected, Text: o.Label}
		if keyPrefix != "" {
			l.Key = keyPrefix + o.Value
		} else if l.Text == "" {
			l.Text = o.Value
		}
		l.URL = searchURL(q, name, o.Value)
		if o.Selected {
			l.URL = searchURL(q, name, "")
		}
		g.Options = append(g.Options, l)
	}
	return g
}

// searchURL is the current search with one parameter set (or removed when
// value is ""), starting again from the first page unless it sets "after".
func searchURL(q url.Values, name, value string) string {
	v := url.Values{}
	for _, p := range searchParams {
		if x := q.Get(p); x != "" {
			v.Set(p, x)
		}
	}
	v.Del(name)
	if value != "" {
		v.Set(name, value)
	}
	return "/search?" + v.Encode()
}

// hitURL is the page of a result.
func hitURL(kind string, id int64) string {
	n := strconv.FormatInt(id, 10)
	switch kind {
	case ponte.SearchPerson:
		return "/people/" + n
	case ponte.SearchOrganisation:
		return "/organisations/" + n
	}
	return "/proposals/" + n
}

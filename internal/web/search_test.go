package web

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/search"
	"github.com/ponte-platform/ponte/internal/service"
)

func TestSearchPage(t *testing.T) {
	eachBackend(t, func(t *testing.T, s *testSite) {
		ctx := context.Background()
		cat := s.web.cat
		_, u := s.member("eleni@example.gr")
		in := service.ProfileInput{DisplayName: "Ελένη Παπαδάκη", Headline: "Ανάλυση δεδομένων <script>alert(1)</script> για την ενέργεια",
			Country: "GR", Region: "EL303", Offer: "Κρυφή προσφορά"}
		if _, err := s.svc.UpdateProfile(ctx, u, in, ponte.SectionAbout, ponte.SectionLocation, ponte.SectionOfferSeek); err != nil {
			t.Fatal(err)
		}
		r := s.do(s.client(), "GET", "/search", nil, "Accept-Language", "el")
		if r.status != http.StatusOK || !strings.Contains(r.body, cat.Translate("el", "search.intro", nil)) {
			t.Fatalf("empty page: %d", r.status)
		}
		r = s.do(s.client(), "GET", "/search?q=ΕΝΕΡΓΕΙΑΣ", nil, "Accept-Language", "el")
		for _, want := range []string{"/people/" + strconv.FormatInt(u.ID, 10), "<mark>ενέργεια</mark>",
			"&lt;script&gt;", cat.Translate("el", "search.kind.person", nil), `search?q=%CE%95%CE%9D%CE%95%CE%A1%CE%93%CE%95%CE%99%CE%91%CE%A3&amp;region=EL`} {
			if !strings.Contains(r.body, want) {
				t.Errorf("results page lacks %q", want)
			}
		}
		if strings.Contains(r.body, "<script>alert") {
			t.Error("snippet not escaped")
		}
		if r = s.do(s.client(), "GET", "/search?q=κρυφή", nil); strings.Contains(r.body, "/people/") {
			t.Error("a members-only section was found by a visitor")
		}
		r = s.do(s.client(), "GET", "/search?q=the+of+%2C%3B", nil, "Accept-Language", "en")
		if r.status != http.StatusOK || !strings.Contains(r.body, "There is nothing to search for yet") {
			t.Errorf("stop-words: %d", r.status)
		}
		r = s.do(s.client(), "GET", "/search?q=zzzz", nil, "Accept-Language", "it")
		if r.status != http.StatusOK || !strings.Contains(r.body, cat.Translate("it", "search.no_results", nil)) {
			t.Errorf("no results: %d", r.status)
		}
		r = s.do(s.client(), "GET", "/search?q=energia&region=XX9", nil, "Accept-Language", "hr")
		if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, cat.Translate("hr", "search.error.region", nil)) ||
			!strings.Contains(r.body, `id="f-region" name="region" type="text" value="XX9"`) {
			t.Errorf("bad region: %d", r.status)
		}
		r = s.do(s.client(), "GET", "/search?q=energia&after=abc", nil)
		if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, `role="alert"`) {
			t.Errorf("bad cursor: %d", r.status)
		}
	})
}

func TestSearchPageFacetsAndMore(t *testing.T) {
	eachBackend(t, func(t *testing.T, s *testSite) {
		ctx := context.Background()
		var docs []*ponte.SearchDoc
		for i := 1; i <= 25; i++ {
			kind := ponte.SearchOrganisation
			if i%5 == 0 {
				kind = ponte.SearchProposal
			}
			title := "Cooperativa " + strconv.Itoa(i)
			tk := search.Index("it", title, "Turismo sostenibile in Istria")
			docs = append(docs, &ponte.SearchDoc{Kind: kind, ID: int64(i), Lang: "it", Title: title,
				Body: "Turismo sostenibile in Istria", Raw: tk.Raw, Stems: tk.Stems, Regions: []string{"HR036"}})
		}
		if err := s.store.UpsertSearchDocs(ctx, docs); err != nil {
			t.Fatal(err)
		}
		r := s.do(s.client(), "GET", "/search?q=turismo", nil, "Accept-Language", "en")
		if r.status != http.StatusOK || strings.Count(r.body, `class="search-hit"`) != 20 || !strings.Contains(r.body, "25 results") {
			t.Fatalf("first page: %d, %d hits", r.status, strings.Count(r.body, `class="search-hit"`))
		}
		next := between(r.body, `<a class="btn btn-secondary" href="`, `" rel="next"`)
		if !strings.Contains(next, "after=") {
			t.Fatalf("no next link")
		}
		r2 := s.do(s.client(), "GET", strings.ReplaceAll(next, "&amp;", "&"), nil)
		if n := strings.Count(r2.body, `class="search-hit"`); n != 5 || strings.Contains(r2.body, `rel="next"`) {
			t.Errorf("second page: %d hits", n)
		}
		if !strings.Contains(r.body, `href="/search?q=turismo&amp;type=proposal"`) {
			t.Errorf("no type facet link")
		}
		r = s.do(s.client(), "GET", "/search?q=turismo&type=proposal", nil)
		if n := strings.Count(r.body, `class="search-hit"`); n != 5 || !strings.Contains(r.body, `aria-current="true"`) {
			t.Errorf("type filter: %d hits", n)
		}
	})
}

// between returns the text of s between the first from and the next to.
func between(s, from, to string) string {
	_, rest, ok := strings.Cut(s, from)
	if !ok {
		return ""
	}
	out, _, _ := strings.Cut(rest, to)
	return out
}

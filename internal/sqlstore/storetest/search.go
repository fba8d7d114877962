package storetest

import (
	"context"
	"fmt"
	"reflect"
	"sort"
	"testing"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/search"
)

func init() {
	register(
		contract{"SearchMultilingualHits", testSearchHits},
		contract{"SearchFiltersAndFacets", testSearchFacets},
		contract{"SearchPagesReplaceDelete", testSearchPages},
	)
}

// searchCorpus is one document in each Ponte language, with accents, the
// Greek tonos and inflected forms; every body mentions "Ponte" so that one
// query hits them all. Kinds share ids on purpose: a document is a kind
// and an id.
func searchCorpus() []*ponte.SearchDoc {
	doc := func(kind string, id int64, lang, title, body, region, s3 string, skills ...int64) *ponte.SearchDoc {
		tk := search.Index(lang, title, body)
		return &ponte.SearchDoc{Kind: kind, ID: id, Lang: lang, Title: title, Body: body, Raw: tk.Raw,
			Stems: tk.Stems, Regions: []string{region}, S3Areas: []string{s3}, Skills: skills, UpdatedAt: t0}
	}
	return []*ponte.SearchDoc{
		doc(ponte.SearchPerson, 1, "", "Μαρία Παπαδοπούλου",
			"Ανάλυση δεδομένων για την ενέργεια στην Αθήνα, μέλος του Ponte.", "EL303", "sustainable-energy", 11),
		doc(ponte.SearchOrganisation, 1, "it", "Università di Bologna",
			"Progettazione di impianti fotovoltaici e ricerca sull'energia rinnovabile; su Ponte dal 2024.",
			"ITH55", "sustainable-energy", 12),
		doc(ponte.SearchProposal, 1, "hr", "Upravljanje otpadom",
			"Tražimo partnera za istraživanje i upravljanje komunalnim otpadom u Zagrebu (Ponte).", "HR050", "circular-economy", 12),
		doc(ponte.SearchProposal, 2, "sl", "Raziskave v zdravstvu",
			"Iščemo partnerje za raziskave umetne inteligence v zdravstvu, prek Ponte.", "SI041", "health-life-sciences"),
		doc(ponte.SearchProposal, 3, "ro", "Cercetare în agricultură",
			"Căutăm parteneri pentru cercetarea solului și agricultură digitală pe Ponte.", "RO321", "agrifood"),
		doc(ponte.SearchPerson, 2, "en", "John Smith",
			"Managing open data projects for public administrations, found on Ponte.", "IE061", "digital-transformation"),
	}
}

// indexCorpus writes the corpus.
func indexCorpus(t *testing.T, s ponte.Store) {
	t.Helper()
	if err := s.UpsertSearchDocs(context.Background(), searchCorpus()); err != nil {
		t.Fatal(err)
	}
}

// hitKeys runs q and returns its hits as sorted "kind:id" keys.
func hitKeys(t *testing.T, s ponte.Store, q ponte.SearchQuery) []string {
	t.Helper()
	hits, err := s.Search(context.Background(), q)
	if err != nil {
		t.Fatalf("%+v: %v", q, err)
	}
	out := []string{}
	for _, h := range hits {
		out = append(out, fmt.Sprintf("%s:%d", h.Kind, h.ID))
	}
	sort.Strings(out)
	return out
}

// terms parses a typed query in lang into the store's terms.
func searchTerms(text, lang string) []ponte.SearchTerm {
	q := search.Parse(text, lang)
	out := make([]ponte.SearchTerm, len(q.Terms))
	for i, t := range q.Terms {
		out[i] = ponte.SearchTerm{Words: t.Words, Prefix: t.Prefix, Stem: t.Stem}
	}
	return out
}

func testSearchHits(t *testing.T, s ponte.Store) {
	indexCorpus(t, s)
	cases := []struct {
		q, lang string
		want    []string
	}{
		{"ενεργεια", "el", []string{"person:1"}},         // no tonos typed
		{"ΕΝΈΡΓΕΙΑΣ", "en", []string{"person:1"}},        // capitals, tonos, another case; Greek stems on any page
		{"αθηνα", "en", []string{"person:1"}},            // a place name, folded
		{"energia", "it", []string{"organisation:1"}},    // the Greek word is another script
		{"progettare", "it", []string{"organisation:1"}}, // Italian verb meets the noun
		{"UNIVERSITA", "en", []string{"organisation:1"}}, // accent folded
		{"upravljati", "hr", []string{"proposal:1"}},     // Croatian verb meets the verbal noun
		{"istraživanja", "hr", []string{"proposal:1"}},   // another case
		{"zagreb", "en", []string{"proposal:1"}},         // the bare form meets the stem of "Zagrebu"
		{"zagrebom", "hr", []string{"proposal:1"}},       // another case, stemmed in Croatian
		{"raziskava", "sl", []string{"proposal:2"}},      // Slovenian singular meets the plural
		{"cercetări", "ro", []string{"proposal:3"}},      // Romanian plural meets the article form
		{"agricultura", "ro", []string{"proposal:3"}},    // ă folded
		{"managed", "en", []string{"person:2"}},          // English stem
		{`"open data"`, "en", []string{"person:2"}},      // phrase
		{`"data open"`, "en", []string{}},                // words in the wrong order
		{`"ricerca sull'energia"`, "it", []string{"organisation:1"}},
		{"fotovolt*", "en", []string{"organisation:1"}}, // prefix
		{"partner*", "en", []string{"proposal:1", "proposal:2"}},
		{"energia bologna", "it", []string{"organisation:1"}},
		{"energia zagreb", "it", []string{}}, // every term is required
		{"ponte", "en", []string{"organisation:1", "person:1", "person:2", "proposal:1", "proposal:2", "proposal:3"}},
		{"2024", "en", []string{"organisation:1"}},
	}
	for _, c := range cases {
		q := ponte.SearchQuery{Terms: searchTerms(c.q, c.lang)}
		if got := hitKeys(t, s, q); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%q (%s): hits %v; want %v", c.q, c.lang, got, c.want)
		}
	}
	if hits, err := s.Search(context.Background(), ponte.SearchQuery{}); err != nil || len(hits) != 0 {
		t.Errorf("empty query: %v, %v", hits, err)
	}
}

func testSearchFacets(t *testing.T, s ponte.Store) {
	ctx := context.Background()
	indexCorpus(t, s)
	all := searchTerms("ponte", "en")
	filters := []struct {
		name string
		q    ponte.SearchQuery
		want []string
	}{
		{"kind", ponte.SearchQuery{Kinds: []string{ponte.SearchProposal}}, []string{"proposal:1", "proposal:2", "proposal:3"}},
		{"country", ponte.SearchQuery{Region: "el"}, []string{"person:1"}},
		{"NUTS2", ponte.SearchQuery{Region: "ITH5"}, []string{"organisation:1"}},
		{"s3", ponte.SearchQuery{S3Area: "sustainable-energy"}, []string{"organisation:1", "person:1"}},
		{"skill", ponte.SearchQuery{SkillID: 12}, []string{"organisation:1", "proposal:1"}},
		{"skill and kind", ponte.SearchQuery{SkillID: 12, Kinds: []string{ponte.SearchPerson}}, []string{}},
	}
	for _, f := range filters {
		f.q.Terms = all
		if got := hitKeys(t, s, f.q); !reflect.DeepEqual(got, f.want) {
			t.Errorf("%s: hits %v; want %v", f.name, got, f.want)
		}
	}
	fc, err := s.SearchFacetCounts(ctx, ponte.SearchQuery{Terms: all})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for _, c := range fc.Counts {
		got[c.Facet+"="+c.Value] = c.Count
	}
	want := map[string]int{
		"type=person": 2, "type=organisation": 1, "type=proposal": 3,
		"region=EL": 1, "region=EL30": 1, "region=IT": 1, "region=ITH5": 1, "region=HR": 1, "region=HR05": 1,
		"region=SI": 1, "region=SI04": 1, "region=RO": 1, "region=RO32": 1, "region=IE": 1, "region=IE06": 1,
		"s3=sustainable-energy": 2, "s3=circular-economy": 1, "s3=health-life-sciences": 1, "s3=agrifood": 1,
		"s3=digital-transformation": 1, "skill=11": 1, "skill=12": 2,
	}
	if !reflect.DeepEqual(got, want) || fc.Total != 6 || fc.Capped {
		t.Errorf("facets %v total %d capped %v;\nwant %v total 6", got, fc.Total, fc.Capped, want)
	}
	fc, err = s.SearchFacetCounts(ctx, ponte.SearchQuery{Terms: all, FacetLimit: 3})
	if err != nil || !fc.Capped || fc.Total != 4 {
		t.Errorf("capped facets: total %d capped %v, %v; want 4 (limit+1), capped", fc.Total, fc.Capped, err)
	}
}

func testSearchPages(t *testing.T, s ponte.Store) {
	ctx := context.Background()
	indexCorpus(t, s)
	all := searchTerms("ponte", "en")
	var seen []string
	var after int64
	for page := 0; page < 5; page++ {
		hits, err := s.Search(ctx, ponte.SearchQuery{Terms: all, Limit: 4, After: after})
		if err != nil {
			t.Fatal(err)
		}
		for i, h := range hits {
			if (after != 0 && h.Pos >= after) || (i > 0 && h.Pos >= hits[i-1].Pos) {
				t.Fatalf("page %d not in order: %+v", page, hits)
			}
			seen = append(seen, fmt.Sprintf("%s:%d", h.Kind, h.ID))
		}
		if len(hits) < 4 {
			break
		}
		after = hits[len(hits)-1].Pos
	}
	sort.Strings(seen)
	if want := hitKeys(t, s, ponte.SearchQuery{Terms: all}); !reflect.DeepEqual(seen, want) {
		t.Errorf("pages gave %v; want %v", seen, want)
	}
	// Re-indexing replaces: the English profile no longer mentions Ponte.
	john := searchCorpus()[5]
	tk := search.Index("en", "John Smith", "Open data for cities")
	john.Body, john.Raw, john.Stems, john.Regions = "Open data for cities", tk.Raw, tk.Stems, nil
	if err := s.UpsertSearchDocs(ctx, []*ponte.SearchDoc{john}); err != nil {
		t.Fatal(err)
	}
	if got := hitKeys(t, s, ponte.SearchQuery{Terms: searchTerms("cities", "en")}); !reflect.DeepEqual(got, []string{"person:2"}) {
		t.Errorf("after re-index: %v", got)
	}
	if err := s.DeleteSearchDoc(ctx, ponte.SearchOrganisation, 1); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteSearchDoc(ctx, ponte.SearchOrganisation, 99); err != nil {
		t.Errorf("deleting a missing document: %v", err)
	}
	want := []string{"person:1", "proposal:1", "proposal:2", "proposal:3"}
	if got := hitKeys(t, s, ponte.SearchQuery{Terms: all}); !reflect.DeepEqual(got, want) {
		t.Errorf("after delete: %v; want %v", got, want)
	}
	fc, err := s.SearchFacetCounts(ctx, ponte.SearchQuery{Terms: searchTerms("ponte", "en"), Region: "IE"})
	if err != nil || fc.Total != 0 {
		t.Errorf("replaced document kept its old facets: %+v, %v", fc, err)
	}
	if err := s.ClearSearchIndex(ctx, ""); err != nil {
		t.Fatal(err)
	}
	if got := hitKeys(t, s, ponte.SearchQuery{Terms: all}); len(got) != 0 {
		t.Errorf("after clear: %v", got)
	}
}

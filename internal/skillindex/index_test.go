package skillindex

import (
	"fmt"
	"strings"
	"testing"

	"github.com/ponte-platform/ponte"
)

const (
	uriPython       = "http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d"
	uriPM           = "http://data.europa.eu/esco/skill/cd5efa8c-e44d-4cbc-91c6-796018dbed68"
	uriPMKnowledge  = "http://data.europa.eu/esco/skill/7111b95d-0ce3-441a-9d92-4c75d05c4388"
	uriWorkInTeams  = "http://data.europa.eu/esco/skill/60c78287-22eb-4103-9c8c-28deaa460da0"
	uriCreativity   = "urn:ponte:innovation:creativity"
	uriSocialSkills = "urn:ponte:innovation:social-interpersonal"
)

// rankOfURI returns the 1-based position of uri in hits, or 0.
func rankOfURI(hits []Hit, uri string) int {
	for i, h := range hits {
		if h.URI == uri {
			return i + 1
		}
	}
	return 0
}

func TestSearchRanking(t *testing.T) {
	x, _ := fullIndex(t)
	cases := []struct {
		q, lang, uri string
		within       int    // uri must be among the first within hits
		label, shown string // the label shown, and its language
	}{
		{"proj man", "en", uriPM, 10, "perform project management", "en"},
		{"proj man", "en", uriPMKnowledge, 3, "project management", "en"},
		{"project management", "en", uriPMKnowledge, 1, "project management", "en"},
		{"Python", "en", uriPython, 1, "Python (computer programming)", "en"},
		{"python", "it", uriPython, 1, "Python (computer programming)", "en"}, // no Italian label: English
		{"work in teams", "en", uriWorkInTeams, 1, "work in teams", "en"},
		{"lavorare in squadra", "it", uriWorkInTeams, 1, "lavorare in squadra", "it"},
		{"SQUADRA", "it", uriWorkInTeams, 1, "lavorare in squadra", "it"},
		{"cooperare", "it", uriWorkInTeams, 1, "lavorare in squadra", "it"}, // an alternative label
		{"work in teams", "it", uriWorkInTeams, 1, "lavorare in squadra", "it"},
		{"creativita", "it", uriCreativity, 3, "Creatività", "it"},
		{"ΔΗΜΙΟΥΡΓΙΚΟΤΗΤΑ", "el", uriCreativity, 1, "Δημιουργικότητα", "el"},
		{"κοινωνικες δεξιοτ", "el", uriSocialSkills, 1, "Κοινωνικές και διαπροσωπικές δεξιότητες", "el"},
		{"drustvene", "hr", uriSocialSkills, 1, "Društvene i međuljudske vještine", "hr"},
		{"python", "xx", uriPython, 1, "Python (computer programming)", "en"}, // unknown language
	}
	for _, c := range cases {
		t.Run(c.lang+"/"+c.q, func(t *testing.T) {
			hits := x.Search(c.q, c.lang, 10)
			r := rankOfURI(hits, c.uri)
			if r == 0 || r > c.within {
				t.Fatalf("%s at %d, want within %d: %v", c.uri, r, c.within, labels(hits))
			}
			if h := hits[r-1]; h.Label != c.label || h.Lang != c.shown {
				t.Fatalf("shown as %q (%s), want %q (%s)", h.Label, h.Lang, c.label, c.shown)
			}
		})
	}
}

func labels(hits []Hit) string {
	var b strings.Builder
	for _, h := range hits {
		fmt.Fprintf(&b, "\n  %q (%s, %s) matched %q exact=%v", h.Label, h.Lang, h.ReuseLevel, h.Matched, h.Exact)
	}
	return b.String()
}

func TestSearchEmptyAndPunctuation(t *testing.T) {
	x, _ := fullIndex(t)
	for _, q := range []string{"", "   ", "!!!", "(-)", "'", "\t\n"} {
		if hits := x.Search(q, "en", 10); len(hits) != 0 {
			t.Errorf("Search(%q) = %d hits, want none", q, len(hits))
		}
	}
	if hits := x.Search("zzzzqqq", "en", 10); len(hits) != 0 {
		t.Errorf("nonsense matched %v", labels(hits))
	}
	if hits := x.Search("a", "en", 0); len(hits) != 0 {
		t.Errorf("limit 0 gave %d hits", len(hits))
	}
}

func TestSearchLimitAndOrder(t *testing.T) {
	x, _ := fullIndex(t)
	hits := x.Search("man", "en", 50)
	if len(hits) != 50 {
		t.Fatalf("%d hits, want 50", len(hits))
	}
	seen := map[int64]bool{}
	for _, h := range hits {
		if seen[h.ID] {
			t.Fatalf("concept %d twice", h.ID)
		}
		seen[h.ID] = true
	}
	again := x.Search("man", "en", 50)
	if labels(again) != labels(hits) {
		t.Fatal("the same query gave a different order")
	}
	first10 := x.Search("man", "en", 10)
	if labels(first10) != labels(hits[:10]) {
		t.Fatal("a smaller limit is not a prefix of a larger one")
	}
}

// TestSearchRankRules checks each ranking rule on a small hand-made index.
func TestSearchRankRules(t *testing.T) {
	rec := func(id int64, kind, reuse string, labels ...ponte.ConceptLabel) *ponte.ConceptRecord {
		return &ponte.ConceptRecord{Concept: ponte.Concept{ID: id, URI: fmt.Sprint("urn:t:", id), Kind: kind,
			ReuseLevel: reuse}, Labels: labels}
	}
	en := func(pref string, alt ...string) ponte.ConceptLabel {
		return ponte.ConceptLabel{Lang: "en", Preferred: pref, AltLabels: alt}
	}
	b := NewBuilder()
	b.Add(
		rec(1, ponte.KindSkill, "occupation-specific", en("plan budgets", "budgeting")),
		rec(2, ponte.KindSkill, "transversal", en("budget planning and control")),
		rec(3, ponte.KindSkill, "cross-sector", en("manage the budget plan")),
		rec(4, ponte.KindSkillGroup, "", en("budget")),
		rec(5, ponte.KindSkill, "transversal", en("handle money", "budget")),
		rec(6, ponte.KindSkill, "transversal", en("plan budgets")), // same label as 1, better reuse
		rec(7, ponte.KindSkill, "transversal", ponte.ConceptLabel{Lang: "en", Preferred: "misc",
			HiddenLabels: []string{"budgget"}}),
	)
	x := b.Build()
	ids := func(q string) string {
		var s []string
		for _, h := range x.Search(q, "en", 10) {
			s = append(s, fmt.Sprint(h.ID))
		}
		return strings.Join(s, ",")
	}
	cases := map[string]string{
		"budget":      "4,5,2,1,6,3",   // exact preferred, exact alternative, prefix, then a word inside (transversal first)
		"plan budget": "6,1,2,3",       // same class and label: transversal first; then words out of order
		"budg":        "2,4,5,1,7,6,3", // prefix: preferred, alternative, hidden; then words inside
		"budgget":     "7",
	}
	for q, want := range cases {
		if got := ids(q); got != want {
			t.Errorf("%q: %s, want %s", q, got, want)
		}
	}
	if h := x.Search("budgget", "en", 1); h[0].Matched != "" {
		t.Errorf("a hidden label was shown: %q", h[0].Matched)
	}
	if h := x.Search("budgeting", "en", 1); h[0].Matched != "budgeting" || h[0].Label != "plan budgets" {
		t.Errorf("alternative label hit = %+v", h[0])
	}
}

// TestSearchConcurrent runs queries from several goroutines at once (run
// with -race): each must get the answer a lone query gets.
func TestSearchConcurrent(t *testing.T) {
	x, _ := fullIndex(t)
	queries := []string{"a", "proj man", "python", "team", "manage budg", "d"}
	want := map[string]string{}
	for _, q := range queries {
		want[q] = labels(x.Search(q, "en", 10))
	}
	errs := make(chan string, 8)
	for g := 0; g < 8; g++ {
		go func() {
			for i := 0; i < 50; i++ {
				q := queries[(g+i)%len(queries)]
				if got := labels(x.Search(q, "en", 10)); got != want[q] {
					errs <- q
					return
				}
			}
			errs <- ""
		}()
	}
	for g := 0; g < 8; g++ {
		if q := <-errs; q != "" {
			t.Fatalf("concurrent %q differs", q)
		}
	}
}

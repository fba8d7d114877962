package search

import (
	"reflect"
	"strings"
	"testing"
)

func TestStemConflatesInflections(t *testing.T) {
	groups := []struct {
		lang  string
		words []string
	}{
		{"en", []string{"managing", "managed", "management", "manager", "manages"}},
		{"en", []string{"innovation", "innovative", "innovate"}},
		{"en", []string{"energy", "energies"}},
		{"it", []string{"progettazione", "progettare", "progettati", "progetto"}},
		{"it", []string{"ricerca", "ricerche"}},
		{"el", []string{"ανάλυση", "αναλύσεις", "ανάλυσης"}},
		{"el", []string{"ενέργεια", "ενέργειας", "ΕΝΈΡΓΕΙΑ"}},
		{"hr", []string{"upravljanje", "upravljati", "upravljanja"}},
		{"hr", []string{"istraživanje", "istraživanja", "istraživanju"}},
		{"sl", []string{"raziskave", "raziskava", "raziskavami"}},
		{"ro", []string{"cercetare", "cercetarea", "cercetări"}},
	}
	for _, g := range groups {
		want := Stem(g.lang, Index("xx", g.words[0]).Raw[0])
		for _, w := range g.words[1:] {
			if got := Stem(g.lang, Index("xx", w).Raw[0]); got != want {
				t.Errorf("%s: Stem(%q) = %q, Stem(%q) = %q; want equal", g.lang, w, got, g.words[0], want)
			}
		}
	}
	if Stem("en", "data") == Stem("en", "date") {
		t.Error("data and date must not conflate")
	}
	if Stem("it", "2030") != "2030" {
		t.Error("numbers are not stemmed")
	}
}

func TestParse(t *testing.T) {
	cases := []struct {
		in, lang string
		want     []Term
	}{
		{"Energía", "it", []Term{{Words: []string{"energia"}, Stem: "energi"}}},
		{`"ministero della salute" robot*`, "it", []Term{
			{Words: []string{"ministero", "della", "salute"}},
			{Words: []string{"robot"}, Prefix: true}}},
		{"the of , ; !!", "en", nil},
		{"dell'impresa", "it", []Term{{Words: []string{"dell", "impresa"}}}},
		{"a* ΑΘΉΝΑ", "el", []Term{{Words: []string{"αθηνα"}, Stem: "αθην"}}},
		{`"the"`, "en", []Term{{Words: []string{"the"}}}},
		{`"the of data`, "en", []Term{{Words: []string{"data"}}}},
	}
	for _, c := range cases {
		got := Parse(c.in, c.lang).Terms
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("Parse(%q) = %+v; want %+v", c.in, got, c.want)
		}
	}
	if !Parse(`" " ... ?`, "en").Empty() {
		t.Error("punctuation must parse empty")
	}
	long := strings.Repeat("word ", 50)
	if n := len(Parse(long, "en").Terms); n != MaxTerms {
		t.Errorf("terms = %d; want %d", n, MaxTerms)
	}
}

func TestFilters(t *testing.T) {
	q := Parse("energia", "it")
	q.Filters = []Filter{{Facet: "type", Values: []string{"person", "proposal"}}, {Facet: "s3", Values: []string{"agri-food"}}}
	if got, want := q.FTS5(), `({raw stems} : "energia" OR stems : "energi") AND (facets : "type=person" OR facets : "type=proposal") AND (facets : "s3=agri-food")`; got != want {
		t.Errorf("FTS5 = %s\nwant   %s", got, want)
	}
	if got, want := q.TSQuery(), `('energia':AB | 'energi':B) & ('type=person':C | 'type=proposal':C) & ('s3=agri-food':C)`; got != want {
		t.Errorf("TSQuery = %s\nwant      %s", got, want)
	}
	tk := Tokens{Raw: []string{"a"}, Facets: []string{FacetToken("region", "EL30"), FacetToken("s3", "Agri food!")}}
	if got, want := tk.TSVector(), `'region=el30':1C 's3=agrifood':2C 'a':4A`; got != want {
		t.Errorf("tsvector = %s", got)
	}
}

func TestRender(t *testing.T) {
	q := Parse(`energia "dati aperti" rob*`, "it")
	if got, want := q.FTS5(), `({raw stems} : "energia" OR stems : "energi") AND raw : "dati aperti" AND raw : "rob" *`; got != want {
		t.Errorf("FTS5 = %s\nwant   %s", got, want)
	}
	if got, want := q.TSQuery(), `('energia':AB | 'energi':B) & ('dati':A <-> 'aperti':A) & ('rob':*A)`; got != want {
		t.Errorf("TSQuery = %s\nwant      %s", got, want)
	}
}

func TestIndex(t *testing.T) {
	tk := Index("it", "Progettazione di impianti", "Energia")
	if got := tk.RawText(); got != "progettazione di impianti energia" {
		t.Errorf("raw = %q", got)
	}
	if got := tk.StemText(); got != "progett impiant energi" {
		t.Errorf("stems = %q", got)
	}
	if got, want := tk.TSVector(), `'progettazione':2A 'di':3A 'impianti':4A 'energia':5A 'progett':6B 'impiant':7B 'energi':8B`; got != want {
		t.Errorf("tsvector = %s", got)
	}
	all := Index("", "managers progettazione")
	if !strings.Contains(all.StemText(), "manag") || !strings.Contains(all.StemText(), "progett") {
		t.Errorf("unknown language should stem in every language: %q", all.StemText())
	}
	big := Index("en", strings.Repeat("x ", MaxRawWords+10))
	if len(big.Raw) != MaxRawWords {
		t.Errorf("raw words = %d", len(big.Raw))
	}
}

func TestSnippet(t *testing.T) {
	text := "Η ομάδα μας κάνει ανάλυση δεδομένων <b>για</b> την Ενέργεια."
	segs := Snippet(text, Parse("ενεργεια αναλύσεις", "el"), "el")
	var marked []string
	for _, s := range segs {
		if s.Mark {
			marked = append(marked, s.Text)
		}
	}
	if !reflect.DeepEqual(marked, []string{"ανάλυση", "Ενέργεια"}) {
		t.Errorf("marked %q in %+v", marked, segs)
	}
	if SnippetText(segs) != text {
		t.Errorf("snippet text %q", SnippetText(segs))
	}
	long := strings.Repeat("filler ", 100) + "robotics" + strings.Repeat(" tail", 100)
	segs = Snippet(long, Parse("robot*", "en"), "en")
	if !strings.HasPrefix(segs[0].Text, "…") || !strings.HasSuffix(segs[len(segs)-1].Text, "…") {
		t.Errorf("long snippet not elided: %+v", segs)
	}
}

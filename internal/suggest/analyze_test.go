package suggest

import (
	"slices"
	"strings"
	"testing"
)

// TestAnalyzerTerms checks stop-words, stemming and where bigrams may
// form, through the analysis the index applies to the taxonomy's texts.
func TestAnalyzerTerms(t *testing.T) {
	for _, c := range []struct {
		lang, text, want string // want: stems, "+" before a stem joined to the previous one
	}{
		{"en", "Management of the Budgets", "manag +budget"},
		{"en", "data, analysis", "data analysi"},
		{"en", "design and evaluate social-inclusion programmes", "design +evalu +social +inclus +programm"},
		{"en", "the of and", ""},
		{"en", "Organize; ORGANISING", "organis organis"},
		{"it", "Gestione dei progetti europei", "gest +progett +europe"},
		{"el", "Διαχείριση των έργων", "διαχειρι +εργ"},
		{"ro", "Analiza datelor", "analiz +dat"},
		{"fr", "Gestion de projets", "gestion +de +projets"}, // no stemmer or list: folded only
	} {
		x := &langIndex{an: analyzerFor(c.lang), terms: map[string]int32{}, surface: map[string]int32{}}
		stems := map[int32]string{}
		var got []string
		for _, tk := range x.analyse(c.text) {
			if len(stems) == 0 {
				for s, id := range x.terms {
					stems[id] = s
				}
			}
			stem := stems[tk.id]
			if tk.joined {
				stem = "+" + stem
			}
			got = append(got, stem)
		}
		if g := strings.Join(got, " "); g != c.want {
			t.Errorf("%s %q → %q, want %q", c.lang, c.text, g, c.want)
		}
	}
}

// TestWordsCap checks that a text is read up to maxWords words only.
func TestWordsCap(t *testing.T) {
	n := 0
	words(strings.Repeat("skill ", 100), 7, func(word) { n++ })
	if n != 7 {
		t.Errorf("read %d words, want 7", n)
	}
}

// TestTruncate checks that a cut never splits a rune.
func TestTruncate(t *testing.T) {
	s := strings.Repeat("ά", 10) // 2 bytes each
	for n := range 22 {
		got := truncate(s, n)
		if len(got) > n || !slices.Contains([]int{n, n - 1}, len(got)) && len(got) != len(s) {
			t.Errorf("truncate(%d) has %d bytes", n, len(got))
		}
		if strings.ContainsRune(got, '\uFFFD') || len(got)%2 != 0 {
			t.Errorf("truncate(%d) split a rune: %q", n, got)
		}
	}
}

// TestQueryMeetsLabel checks that a query is parsed as the index analyses
// labels: "management of the budgets" holds the whole of the label
// "manage budgets", in order, and a comma between the words breaks the
// phrase.
func TestQueryMeetsLabel(t *testing.T) {
	texts := &langTexts{skills: []docText{{pref: "manage budgets"}}}
	x := newLangIndex("en", texts, 1, nil)
	m := &Model{skills: []skillNode{{uri: "s"}}}
	for _, c := range []struct {
		query string
		share float64
	}{
		{"Management of the budgets.", 1},
		{"management, budgets", 0},
		{"budgets management", 0},
	} {
		s := m.getScratch(x)
		x.parse(c.query, s)
		if got := bigramShare(&x.labels[0], &s.bigrams); got != c.share {
			t.Errorf("%q: bigram share %v, want %v", c.query, got, c.share)
		}
		if len(s.qterms) != 2 {
			t.Errorf("%q: %d query terms, want 2", c.query, len(s.qterms))
		}
		x.putScratch(s)
	}
}

package suggest

import (
	"testing"

	"github.com/ponte-platform/ponte/internal/textnorm"
)

// TestLightStemmersConflate checks that each language's stemmer gives the
// forms of a word one stem, and keeps apart words that differ in meaning.
// Words are folded first, as the analyzer does.
func TestLightStemmersConflate(t *testing.T) {
	for _, c := range []struct {
		lang  string
		same  []string // all one stem
		other string   // a different stem from same[0]
	}{
		{"it", []string{"progettazione", "progettare", "progettati", "progetto", "progetti"}, "programma"},
		{"it", []string{"valutazione", "valutare", "valutati", "valutazioni"}, "valore"},
		{"it", []string{"attività", "attivita"}, "attore"},
		{"it", []string{"tecnica", "tecniche", "tecnici", "tecnico"}, "tecnologia"},
		{"it", []string{"gestione", "gestire", "gestito", "gestiti"}, "genere"},
		{"el", []string{"ανάλυση", "αναλύσεις", "ΑΝΑΛΥΣΗΣ", "αναλύω"}, "αναλογία"},
		{"el", []string{"δεδομένα", "δεδομένων"}, "δέντρο"},
		{"el", []string{"διαχείριση", "διαχείρισης", "ΔΙΑΧΕΙΡΙΣΗ"}, "διάχυση"},
		{"el", []string{"κοινωνικός", "κοινωνική", "κοινωνικό", "κοινωνικών"}, "κοινότητα"},
		{"hr", []string{"upravljanje", "upravljati", "upravljanja", "upravljanju"}, "uprava"},
		{"hr", []string{"projekt", "projekta", "projektu", "projekti", "projektima"}, "proces"},
		{"hr", []string{"analiza", "analize", "analizu", "analizi"}, "anali"},
		{"sl", []string{"upravljanje", "upravljati", "upravljanja"}, "uprava"},
		{"sl", []string{"projekt", "projekta", "projektov", "projektih", "projektom"}, "proces"},
		{"ro", []string{"analiza", "analizei", "analizele", "analize"}, "anual"},
		{"ro", []string{"date", "datelor", "datele"}, "dator"},
		{"ro", []string{"activitate", "activități", "activitatea", "activitatii"}, "actor"},
		{"ro", []string{"proiect", "proiectul", "proiecte", "proiectele", "proiectelor"}, "proces"},
	} {
		stem := stemmers[c.lang]
		first := stem(textnorm.Fold(c.same[0]))
		for _, w := range c.same[1:] {
			if got := stem(textnorm.Fold(w)); got != first {
				t.Errorf("%s: %s → %q but %s → %q", c.lang, c.same[0], first, w, got)
			}
		}
		if got := stem(textnorm.Fold(c.other)); got == first {
			t.Errorf("%s: %s and %s both → %q", c.lang, c.same[0], c.other, got)
		}
	}
}

// TestStemShortWords checks that no stemmer eats a short word whole.
func TestStemShortWords(t *testing.T) {
	for lang, stem := range stemmers {
		for _, w := range []string{"a", "ab", "abc", "ict", "eu", "3d", "ai"} {
			if got := stem(w); got == "" {
				t.Errorf("%s: stem(%q) is empty", lang, w)
			}
		}
	}
}

package textnorm

import (
	"slices"
	"strings"
	"testing"
)

var foldCases = []struct {
	lang, in, want string
}{
	{"en", "Work in teams", "work in teams"},
	{"en", "  Work   in\tTeams\n", "work in teams"},
	{"en", "work in teams", "work in teams"},
	{"en", "naïve café résumé", "naive cafe resume"},
	{"en", "", ""},
	{"en", " \t\n ", ""},
	{"en", "ﬁnancial literacy", "financial literacy"}, // ligature pasted from a PDF
	{"en", "Inno\u00advation", "innovation"},          // soft hyphen
	{"it", "Università degli Studi di Napoli Federico II", "universita degli studi di napoli federico ii"},
	{"it", "Città metropolitana", "citta metropolitana"},
	{"it", "Citta\u0300 metropolitana", "citta metropolitana"}, // already decomposed (NFD) input
	{"it", "PERCHÉ l’impresa", "perche l’impresa"},
	{"it", "Competenze\u00a0sociali", "competenze sociali"}, // no-break space
	{"el", "Ἀθήνα", "αθηνα"},
	{"el", "ΑΘΗΝΑ", "αθηνα"},
	{"el", "Αθήνα", "αθηνα"},
	{"el", "Κοινωνικές δεξιότητες", "κοινωνικεσ δεξιοτητεσ"},
	{"el", "ΚΟΙΝΩΝΙΚΕΣ ΔΕΞΙΟΤΗΤΕΣ", "κοινωνικεσ δεξιοτητεσ"},
	{"el", "προϊόν", "προιον"},
	{"el", "ΠΡΟΪΟΝ", "προιον"},
	{"el", "Θεσσαλονίκη", "θεσσαλονικη"},
	{"hr", "Društvene i međuljudske vještine", "drustvene i meduljudske vjestine"},
	{"hr", "ĐAKOVO", "dakovo"},
	{"hr", "Čakovec, Šibenik, Žminj, Ćićarija", "cakovec, sibenik, zminj, cicarija"},
	{"ro", "Competențe sociale și interpersonale", "competente sociale si interpersonale"},
	{"ro", "Competenţe sociale şi interpersonale", "competente sociale si interpersonale"}, // cedilla forms
	{"ro", "ÎNVĂȚARE PE TOT PARCURSUL VIEȚII", "invatare pe tot parcursul vietii"},
	{"ro", "Iași", "iasi"},
	{"sl", "Podjetniška miselnost", "podjetniska miselnost"},
	{"sl", "Ustvarjalnost in ŽALEC", "ustvarjalnost in zalec"},
	{"de", "Straße", "strasse"},
	{"pl", "Łódź", "lodz"},
}

func TestFold(t *testing.T) {
	for _, c := range foldCases {
		t.Run(c.lang+"/"+c.in, func(t *testing.T) {
			got := Fold(c.in)
			if got != c.want {
				t.Errorf("Fold(%q) = %q, want %q", c.in, got, c.want)
			}
			if again := Fold(got); again != got {
				t.Errorf("Fold is not idempotent: Fold(%q) = %q", got, again)
			}
		})
	}
}

func TestFoldSameForAllSpellings(t *testing.T) {
	groups := [][]string{
		{"Ἀθήνα", "ΑΘΗΝΑ", "αθηνα", "Αθήνα", "ΑΘΉΝΑ"},
		{"Timișoara", "Timişoara", "TIMIȘOARA", "timisoara"},
		{"Međimurje", "MEĐIMURJE", "medimurje"},
	}
	for _, g := range groups {
		want := Fold(g[0])
		for _, s := range g[1:] {
			if got := Fold(s); got != want {
				t.Errorf("Fold(%q) = %q, want %q (as %q)", s, got, want, g[0])
			}
		}
	}
}

func TestFoldFoldedASCIIDoesNotAllocate(t *testing.T) {
	s := strings.Repeat("manage musical staff ", 4)[:80]
	allocs := testing.AllocsPerRun(100, func() { _ = Fold(s) })
	if allocs != 0 {
		t.Errorf("Fold of folded ASCII allocated %.0f times, want 0", allocs)
	}
}

func TestTokens(t *testing.T) {
	cases := []struct {
		lang, in string
		want     []string
	}{
		{"en", "Work in teams", []string{"work", "in", "teams"}},
		{"en", "C++ / Go, (SQL)", []string{"c", "go", "sql"}},
		{"en", "", nil},
		{"it", "dell'impresa", []string{"dell", "impresa"}},
		{"it", "l’Università, Industria 4.0", []string{"l", "universita", "industria", "4", "0"}},
		{"el", "Κοινωνικές και διαπροσωπικές δεξιότητες", []string{"κοινωνικεσ", "και", "διαπροσωπικεσ", "δεξιοτητεσ"}},
		{"hr", "Sveučilište u Zagrebu — Fakultet", []string{"sveuciliste", "u", "zagrebu", "fakultet"}},
		{"ro", "Agenția pentru Dezvoltare Regională Nord-Est", []string{"agentia", "pentru", "dezvoltare", "regionala", "nord", "est"}},
		{"sl", "Univerza v Ljubljani: Fakulteta za računalništvo", []string{"univerza", "v", "ljubljani", "fakulteta", "za", "racunalnistvo"}},
	}
	for _, c := range cases {
		t.Run(c.lang+"/"+c.in, func(t *testing.T) {
			if got := Tokens(c.in); !slices.Equal(got, c.want) {
				t.Errorf("Tokens(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

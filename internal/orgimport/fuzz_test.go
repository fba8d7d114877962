package orgimport

import (
	"strings"
	"testing"
)

// FuzzParseHRRows feeds arbitrary rows under the Croatian list's header:
// Parse never panics, and every rejected row names its line and reason.
func FuzzParseHRRows(f *testing.F) {
	m, err := BuiltinMapping("hr-esif-2007-2020")
	if err != nil {
		f.Fatal(err)
	}
	header := "Naziv projekta,Fond,Šifra operativnog programa,Operativni program,NUTSII,Županija,Korisnik," +
		"Opis projekta,Datum ugovaranja,Zaključni datum provedbe aktivnosti,Bespovratna sredstva,Ukupno prihvatljivi troškovi\n"
	for _, row := range []string{
		`Projekt,ESF,HR,Razvoj,Adriatic Croatia,SPLITSKO-DALMATINSKA,Udruga (15351583880),Opis,18.06.2015,17.06.2016,"5.172.338,50 kn","5.172.338,50 kn"`,
		`,,,,,,,,,,,`,
		`"unterminated,ESF`,
		`X,ESF,HR,R,Nowhere,NOWHERE,Firma d.o.o.,x,31.02.2015,bad,"1,2,3",€€`,
	} {
		f.Add(row)
	}
	f.Fuzz(func(t *testing.T, row string) {
		res, err := Parse(m, strings.NewReader(header+row+"\n"))
		if err != nil {
			return // a refused file is fine; a panic is not
		}
		for _, r := range res.Rejected {
			if r.Line <= 0 || r.Reason == "" {
				t.Fatalf("rejection without line or reason: %+v", r)
			}
		}
	})
}

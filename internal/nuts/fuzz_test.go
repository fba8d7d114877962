package nuts

import "testing"

// FuzzMatch: free text from any data file resolves to a valid code or to
// nothing, never to garbage or a panic.
func FuzzMatch(f *testing.F) {
	for _, s := range []string{"DUBROVAČKO-NERETVANSKA", "Nord-Est", "Osrednjeslovenska", "Αττική", "", "ITC4", "  ", "Sud - Muntenia"} {
		f.Add(s, "")
		f.Add(s, "HR")
	}
	f.Fuzz(func(t *testing.T, name, country string) {
		code, ok := Match(name, country)
		if ok && !Valid(code) {
			t.Fatalf("Match(%q, %q) = %q, not a NUTS code", name, country, code)
		}
	})
}

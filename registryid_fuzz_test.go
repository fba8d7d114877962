package ponte

import "testing"

// FuzzRegistryID: any input is accepted or refused without panicking, and
// normalising twice changes nothing more.
func FuzzRegistryID(f *testing.F) {
	for _, s := range []string{"HR36612267447", "IT 01234567890", "EL094019245", "RO 18547290", "SI12345679", "", "ΑΦΜ", "🙂"} {
		f.Add("HR", s)
		f.Add("IT", s)
	}
	f.Fuzz(func(t *testing.T, country, id string) {
		_ = ValidRegistryID(country, id)
		n := NormalizeRegistryID(country, id)
		if NormalizeRegistryID(country, n) != n {
			t.Fatalf("NormalizeRegistryID(%q, %q) is not stable", country, id)
		}
	})
}

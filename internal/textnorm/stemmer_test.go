package textnorm

import "testing"

func TestLightStemmer(t *testing.T) {
	// Rules are folded: "ità" matches the folded "qualita"; the longest
	// suffix wins; the stem keeps its minimum length.
	it := NewLightStemmer(3, true, []string{"azioni", "ità"}, []string{"i", "a"})
	ro := NewLightStemmer(3, false, []string{"ului", "ul"}, []string{"ment"})
	for _, c := range []struct {
		s      *LightStemmer
		in, is string
	}{
		{it, "progettazioni", "progett"}, // first pass only: exclusive
		{it, Fold("qualità"), "qual"},
		{it, "progetti", "progett"},
		{it, "dai", "dai"},               // "da" would be too short
		{ro, "echipamentului", "echipa"}, // both passes: not exclusive
		{NewLightStemmer(2, false, []string{"ies>y"}), "studies", "study"},
	} {
		if got := c.s.Stem(c.in); got != c.is {
			t.Errorf("Stem(%q) = %q, want %q", c.in, got, c.is)
		}
	}
}

package suggest

import "testing"

// TestStemEnglishPorter2 checks words against the output of the reference
// Snowball english stemmer (from its published sample vocabulary).
func TestStemEnglishPorter2(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"consign", "consign"}, {"consigned", "consign"}, {"consigning", "consign"},
		{"consignment", "consign"}, {"consist", "consist"}, {"consisted", "consist"},
		{"consistency", "consist"}, {"consistent", "consist"}, {"consistently", "consist"},
		{"consisting", "consist"}, {"consists", "consist"}, {"consolation", "consol"},
		{"consolations", "consol"}, {"consolatory", "consolatori"}, {"console", "consol"},
		{"consoled", "consol"}, {"consoles", "consol"}, {"consolidate", "consolid"},
		{"consolidated", "consolid"}, {"consolidating", "consolid"}, {"consoling", "consol"},
		{"generously", "generous"}, {"generate", "generat"}, {"communism", "communism"},
		{"knack", "knack"}, {"knackeries", "knackeri"}, {"knavish", "knavish"},
		{"kneel", "kneel"}, {"knelt", "knelt"}, {"skies", "sky"}, {"dying", "die"},
		{"hopping", "hop"}, {"hoped", "hope"}, {"caresses", "caress"}, {"ponies", "poni"},
		{"ties", "tie"}, {"cats", "cat"}, {"gas", "gas"}, {"this", "this"},
		{"agreed", "agre"}, {"feed", "feed"}, {"luxuriating", "luxuri"},
		{"happy", "happi"}, {"relational", "relat"}, {"electrical", "electr"},
		{"hopefulness", "hope"}, {"adjustment", "adjust"}, {"analysis", "analysi"},
		{"management", "manag"}, {"manager", "manag"}, {"managing", "manag"},
		{"evaluation", "evalu"}, {"evaluate", "evalu"}, {"evaluating", "evalu"},
		{"fluently", "fluentli"},
	} {
		if got := stemEnglish(c.in); got != c.want {
			t.Errorf("stemEnglish(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestStemEnglishSpelling checks that British and American spellings meet.
func TestStemEnglishSpelling(t *testing.T) {
	for _, pair := range [][2]string{
		{"organise", "organize"}, {"organisation", "organization"}, {"analyse", "analyze"},
		{"optimising", "optimizing"}, {"prioritised", "prioritized"}, {"organiser", "organizer"},
		{"organise", "organisation"}, {"analyses", "analysed"},
	} {
		if a, b := stemEnglish(pair[0]), stemEnglish(pair[1]); a != b {
			t.Errorf("stems differ: %s → %q, %s → %q", pair[0], a, pair[1], b)
		}
	}
	if got := stemEnglish("size"); got != "size" {
		t.Errorf("stemEnglish(size) = %q: short words keep their z", got)
	}
}

package suggest

import (
	"testing"
	"unicode/utf8"
)

// FuzzSuggest checks that no text or language makes Suggest panic or
// return more than asked, or suggestions without a URI or reason.
func FuzzSuggest(f *testing.F) {
	for _, s := range []string{"", proposal, italianProposalTxt, "\xff", "a.b,c", "ΆΈΉ ς", "data analysis data analysis"} {
		f.Add(s, "en", 5)
		f.Add(s, "it", 0)
	}
	m := multilingual(f)
	f.Fuzz(func(t *testing.T, text, lang string, limit int) {
		got := m.Suggest(text, lang, limit)
		if limit > 0 && len(got) > limit || len(got) > maxLimit {
			t.Fatalf("limit %d: got %d", limit, len(got))
		}
		for _, s := range got {
			if s.ConceptURI == "" || s.Why == "" || !utf8.ValidString(s.Why) || s.Score <= 0 {
				t.Fatalf("bad suggestion %+v", s)
			}
		}
	})
}

package search

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParse checks that any input parses without panicking into bounded
// terms of non-empty letter-and-digit words, and that both renderings
// stay within the syntax they promise (no quote inside a word).
func FuzzParse(f *testing.F) {
	for _, s := range []string{"energia", `"open data" robot*`, "ΑΘΉΝΑ", "ș ț ă", `"""`, "*", "a* b**", "\xff\xfe"} {
		f.Add(s, "en")
	}
	f.Fuzz(func(t *testing.T, s, lang string) {
		q := Parse(s, lang)
		if len(q.Terms) > MaxTerms {
			t.Fatalf("%d terms", len(q.Terms))
		}
		for _, term := range q.Terms {
			if len(term.Words) == 0 || len(term.Words) > MaxPhrase {
				t.Fatalf("term %+v", term)
			}
			for _, w := range term.Words {
				if w == "" || !utf8.ValidString(w) || strings.ContainsAny(w, `"' *:&|!()<>`) {
					t.Fatalf("bad word %q from %q", w, s)
				}
			}
		}
		if q.Empty() != (q.FTS5() == "") || q.Empty() != (q.TSQuery() == "") {
			t.Fatalf("empty query rendered: %q", s)
		}
		_ = Snippet(s, q, lang)
	})
}

package textnorm

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// linearStem is the stemmer before its rules were grouped by last byte:
// every rule of a pass tried in order. The grouped one must agree with it.
func linearStem(s *LightStemmer, w string) string {
	for _, rules := range s.passes {
		v := w
		for _, r := range rules {
			if !strings.HasSuffix(w, r.suffix) {
				continue
			}
			if stem := w[:len(w)-len(r.suffix)]; utf8.RuneCountInString(stem) >= r.minStem {
				v = stem + r.repl
				break
			}
		}
		if s.exclusive && v != w {
			return v
		}
		w = v
	}
	return w
}

// TestStemByLastByteMatchesLinear compares the two over random rule lists
// (Latin, Greek and Romanian letters, replacements, an empty suffix) and
// words built from their suffixes, so that most words hit several rules.
func TestStemByLastByteMatchesLinear(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 5))
	letters := []string{"a", "e", "i", "o", "u", "n", "s", "t", "ă", "ș", "α", "ο", "ς", "ι", "ή", "ό"}
	word := func(max int) string {
		var b strings.Builder
		for n := rng.IntN(max + 1); n > 0; n-- {
			b.WriteString(letters[rng.IntN(len(letters))])
		}
		return b.String()
	}
	checked, changed := 0, 0
	for round := 0; round < 200; round++ {
		var passes [][]string
		for p := 1 + rng.IntN(3); p > 0; p-- {
			var rules []string
			for n := 1 + rng.IntN(12); n > 0; n-- {
				r := word(4)
				if rng.IntN(4) == 0 {
					r += ">" + word(2)
				}
				rules = append(rules, r)
			}
			passes = append(passes, rules)
		}
		s := NewLightStemmer(rng.IntN(4), rng.IntN(2) == 0, passes...)
		for i := 0; i < 300; i++ {
			w := Fold(word(6))
			if i%2 == 0 { // end it with a rule's suffix
				rules := s.passes[rng.IntN(len(s.passes))]
				w += rules[rng.IntN(len(rules))].suffix
			}
			got, want := s.Stem(w), linearStem(s, w)
			if got != want {
				t.Fatalf("rules %q: Stem(%q) = %q, linear %q", passes, w, got, want)
			}
			checked++
			if got != w {
				changed++
			}
		}
	}
	if changed < checked/4 {
		t.Fatalf("only %d of %d words were stemmed: the test does not exercise the rules", changed, checked)
	}
}

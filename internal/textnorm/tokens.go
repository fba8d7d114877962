package textnorm

import (
	"strings"
	"unicode"
)

// Tokens returns the folded words of s: runs of letters and digits, split on
// everything else. Apostrophes split too, so the Italian "dell'impresa"
// gives "dell" and "impresa", and a search for "impresa" finds it.
// The tokens share memory with one folded copy of s.
func Tokens(s string) []string {
	return strings.FieldsFunc(Fold(s), notWord)
}

// notWord reports whether r separates words. Fold has already removed
// combining marks, so letters and digits are all that words are made of.
func notWord(r rune) bool {
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

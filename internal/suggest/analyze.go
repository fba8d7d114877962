package suggest

import (
	"unicode"
	"unicode/utf8"

	"github.com/ponte-platform/ponte/internal/textnorm"
)

// analyzer turns text of one language into terms: folded, stop-words
// dropped, stemmed. The taxonomy's labels and the query go through the
// same analyzer of the same language, so they meet on the same stems.
type analyzer struct {
	lang string
	stop map[string]bool
	stem func(string) string
}

// stemmers are the stemmers by language; a language without one is only
// folded, which still matches its labels word for word.
var stemmers = map[string]func(string) string{
	"en": stemEnglish,
	"it": italianStemmer.Stem,
	"el": greekStemmer.Stem,
	"hr": croatianStemmer.Stem,
	"sl": slovenianStemmer.Stem,
	"ro": romanianStemmer.Stem,
}

// analyzerFor returns the analyzer of lang.
func analyzerFor(lang string) *analyzer {
	a := &analyzer{lang: lang, stop: stopSets[lang], stem: stemmers[lang]}
	if a.stem == nil {
		a.stem = func(w string) string { return w }
	}
	return a
}

// word is one folded word of a text. joined is false when punctuation
// that ends a clause (or a dropped word we know nothing of) separates it
// from the previous word kept, so no bigram spans the two.
type word struct {
	text   string
	joined bool
}

// clauseBreak reports whether r ends a clause: no phrase crosses it.
func clauseBreak(r rune) bool {
	switch r {
	case '.', ',', ';', ':', '!', '?', '(', ')', '[', ']', '{', '}', '/', '|', '"', '·', '•':
		return true
	}
	return false
}

// words calls fn for each folded word of text, at most maxWords of them,
// stop-words included (the caller decides). Folding comes first because
// Fold also splits ligatures and maps letters that unicode.IsLetter would
// treat differently before and after.
func words(text string, maxWords int, fn func(word)) {
	s := textnorm.Fold(text)
	joined, n := false, 0
	for i := 0; i < len(s) && n < maxWords; {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			if clauseBreak(r) {
				joined = false
			}
			i += size
			continue
		}
		j := i + size
		for j < len(s) {
			r2, size2 := utf8.DecodeRuneInString(s[j:])
			if !isWordRune(r2) {
				break
			}
			j += size2
		}
		fn(word{text: s[i:j], joined: joined})
		joined, n = true, n+1
		i = j
	}
}

// isWordRune matches textnorm.Tokens' notion of a word character.
func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

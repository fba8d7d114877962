package search

import (
	"strings"

	"github.com/ponte-platform/ponte/internal/textnorm"
)

// Indexer tokenises documents as Index does, but remembers the tokens of
// the texts that recur across documents (skill labels: a popular skill's
// labels are in millions of documents), so that a rebuild folds and stems
// each of them once per language instead of once per document. It is not
// safe for concurrent use: a rebuild's tokenising stage owns one.
type Indexer struct {
	memo  map[memoKey]*textTokens
	words map[memoKey][]string // a word's stems (see wordStems)
}

// maxMemoWords bounds the words an Indexer remembers the stems of: the
// words of titles and bodies are many more than the labels' (a real
// vocabulary), and past this many the others are stemmed each time.
const maxMemoWords = 200_000

// memoKey is a recurring text in the stemming languages of a document
// (stemKey).
type memoKey struct{ langs, text string }

// textTokens are a text's folded words and the distinct stems of those
// that are not stop-words, in the order Index would add them.
type textTokens struct{ raw, stems []string }

// NewIndexer returns an Indexer with nothing remembered.
func NewIndexer() *Indexer {
	return &Indexer{memo: map[memoKey]*textTokens{}, words: map[memoKey][]string{}}
}

// Index returns what Index(lang, texts..., recurring...) returns,
// reading the tokens of each recurring text from memory after its first
// time (texts are tokenised each time: titles and bodies rarely repeat).
func (x *Indexer) Index(lang string, texts, recurring []string) Tokens {
	t := Tokens{Raw: appendWords(nil, texts)}
	langs, key := stemLangs(lang)
	seen := map[string]bool{}
	for _, w := range t.Raw {
		for _, st := range x.wordStems(key, langs, w) {
			if !seen[st] {
				seen[st] = true
				t.Stems = append(t.Stems, st)
			}
		}
	}
	for _, s := range recurring {
		room := MaxRawWords - len(t.Raw)
		if room <= 0 {
			break
		}
		tt := x.text(key, langs, s)
		if len(tt.raw) > room { // cut: only the words kept give stems
			t.Raw = append(t.Raw, tt.raw[:room]...)
			t.Stems = appendStems(t.Stems, seen, tt.raw[:room], langs)
			break
		}
		t.Raw = append(t.Raw, tt.raw...)
		for _, st := range tt.stems {
			if !seen[st] {
				seen[st] = true
				t.Stems = append(t.Stems, st)
			}
		}
	}
	return t
}

// text returns the remembered tokens of s, tokenising it the first time.
func (x *Indexer) text(key string, langs []string, s string) *textTokens {
	k := memoKey{key, s}
	if tt, ok := x.memo[k]; ok {
		return tt
	}
	tt := &textTokens{raw: textnorm.Tokens(s)}
	tt.stems = appendStems(nil, map[string]bool{}, tt.raw, langs)
	x.memo[k] = tt
	return tt
}

// wordStems returns the stems of w by each of langs that differ from it,
// in langs' order (nothing for a stop-word): what appendStems adds for w
// before removing repeats.
func (x *Indexer) wordStems(key string, langs []string, w string) []string {
	k := memoKey{key, w}
	if sts, ok := x.words[k]; ok {
		return sts
	}
	var sts []string
	if !IsStop(w) {
		for _, l := range langs {
			if st := Stem(l, w); st != w {
				sts = append(sts, st)
			}
		}
	}
	if len(x.words) < maxMemoWords {
		// w and its stems share the memory of the text they come from.
		for i := range sts {
			sts[i] = strings.Clone(sts[i])
		}
		x.words[memoKey{key, strings.Clone(w)}] = sts
	}
	return sts
}

// stemLangs returns the languages whose rules stem a document in lang
// (every language for an unknown one) and a key naming that choice.
func stemLangs(lang string) ([]string, string) {
	if _, ok := stemmers[lang]; ok {
		return []string{lang}, lang
	}
	return Languages, "*"
}

// appendStems appends to stems the stems of the words that are not
// stop-words and differ from their word, in word then language order,
// skipping those in seen (which it adds to).
func appendStems(stems []string, seen map[string]bool, words, langs []string) []string {
	for _, w := range words {
		if IsStop(w) {
			continue
		}
		for _, l := range langs {
			if st := Stem(l, w); st != w && !seen[st] {
				seen[st] = true
				stems = append(stems, st)
			}
		}
	}
	return stems
}

package textnorm

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// LightStemmer is a light suffix-stripping stemmer in the manner of the
// Snowball and Savoy "light" stemmers: a few passes (say derivational
// suffixes, then inflections), each removing at most one suffix, the
// longest whose remaining stem is long enough. In an exclusive stemmer the
// first pass that removes something is the last: Italian and Greek
// derivational suffixes carry their own inflection ("-azioni", "-ικούς"),
// and stripping an inflection again would cut into the stem. It rather
// under- than over-stems: a stem shared by unrelated words costs precision
// on every query. The skill suggestions and the search index each keep
// their own suffix lists (internal/suggest, internal/search).
type LightStemmer struct {
	passes    [][]suffixRule
	byLast    []*[256][]suffixRule // per pass: its rules by the suffix's last byte
	exclusive bool
}

// suffixRule replaces suffix by repl when at least minStem letters precede it.
type suffixRule struct {
	suffix, repl string
	minStem      int
}

// NewLightStemmer builds a stemmer from passes of rules written as
// "suffix" or "suffix>replacement"; the suffixes are folded with Fold, so
// lists may be written with their accents and Greek final sigma, as a
// speaker would, and still match folded words.
func NewLightStemmer(minStem int, exclusive bool, passes ...[]string) *LightStemmer {
	s := &LightStemmer{exclusive: exclusive}
	for _, p := range passes {
		rules := make([]suffixRule, 0, len(p))
		for _, r := range p {
			suf, repl, _ := strings.Cut(r, ">")
			rules = append(rules, suffixRule{suffix: Fold(suf), repl: Fold(repl), minStem: minStem})
		}
		// Longest first, so "-azioni" wins over "-i".
		sort.SliceStable(rules, func(i, j int) bool { return len(rules[i].suffix) > len(rules[j].suffix) })
		s.passes = append(s.passes, rules)
		s.byLast = append(s.byLast, indexByLastByte(rules))
	}
	return s
}

// indexByLastByte groups rules by the last byte of their suffix, each
// group in the rules' order, so a word is tried only against the suffixes
// that can end it (an empty suffix ends every word: it joins every group).
// Stemming is the hot loop of indexing; this is what keeps it cheap.
func indexByLastByte(rules []suffixRule) *[256][]suffixRule {
	var idx [256][]suffixRule
	for _, r := range rules {
		if r.suffix == "" {
			for b := range idx {
				idx[b] = append(idx[b], r)
			}
			continue
		}
		b := r.suffix[len(r.suffix)-1]
		idx[b] = append(idx[b], r)
	}
	return &idx
}

// Stem applies each pass once, or until one applies if s is exclusive, to
// a folded word.
func (s *LightStemmer) Stem(w string) string {
	for _, idx := range s.byLast {
		last := byte(0) // an empty word: only empty suffixes (in every group) fit
		if w != "" {
			last = w[len(w)-1]
		}
		v := applyFirst(w, idx[last])
		if s.exclusive && v != w {
			return v
		}
		w = v
	}
	return w
}

// applyFirst applies the longest rule of one pass that fits w, given the
// rules (longest first) whose suffix ends as w does.
func applyFirst(w string, rules []suffixRule) string {
	for _, r := range rules {
		if len(r.suffix) > len(w) || w[len(w)-len(r.suffix):] != r.suffix {
			continue
		}
		stem := w[:len(w)-len(r.suffix)]
		if len(stem) >= r.minStem && utf8.RuneCountInString(stem) >= r.minStem {
			return stem + r.repl
		}
	}
	return w
}

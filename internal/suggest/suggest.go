package suggest

import "strings"

// Limits on limit: a caller asking for nothing gets the default, and no
// caller gets more than maxLimit (a form shows a few dozen at most).
const (
	DefaultLimit = 20 // suggestions when Suggest is asked for none
	maxLimit     = 200
)

// Suggest returns up to limit skills to tag text with, best first. lang is
// the text's ISO 639-1 language: the text is analysed with that
// language's stop-words and stemmer and matched with the labels and
// occupations of that language, or with the English ones when the model
// has no labels in lang. limit <= 0 means DefaultLimit.
//
// Text that says nothing the taxonomy knows (empty, stop-words only,
// another script) gets no suggestion; only the first 5,000 words count.
// Suggest never fails and is safe for concurrent use.
func (m *Model) Suggest(text, lang string, limit int) []Suggestion {
	if limit <= 0 {
		limit = DefaultLimit
	}
	limit = min(limit, maxLimit)
	if m == nil {
		return nil
	}
	x := m.index(lang)
	if x == nil || strings.TrimSpace(text) == "" {
		return nil
	}
	s := m.getScratch(x)
	defer x.putScratch(s)
	x.parse(text, s)
	if len(s.qterms) == 0 {
		return nil
	}
	x.scoreLabels(s, &m.w)
	x.scoreDescs(s)
	m.scoreOccupations(x, s)
	return m.rank(x, s, limit)
}

// index returns the index of lang ("it-IT" finds "it"), falling back to
// English, then to the first language in order ("en" may be missing from
// a model built from another release alone).
func (m *Model) index(lang string) *langIndex {
	lang = strings.ToLower(lang)
	base, _, _ := strings.Cut(lang, "-")
	for _, l := range []string{lang, base, "en"} {
		if x := m.langs[l]; x != nil {
			return x
		}
	}
	if langs := m.Languages(); len(langs) > 0 {
		return m.langs[langs[0]]
	}
	return nil
}

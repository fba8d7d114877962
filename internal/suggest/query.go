package suggest

import (
	"unicode/utf8"
)

// Limits on the work one query does: the first maxQueryWords words of a
// text, read from at most maxQueryBytes bytes, decide its suggestions. A
// proposal's first few thousand words say what it is about; the rest
// would only cost time.
const (
	maxQueryWords = 5000
	maxQueryBytes = 100_000
)

// parse analyses a query into s: its distinct terms with their counts,
// and the set of bigrams of adjacent terms.
func (x *langIndex) parse(text string, s *scratch) {
	text = truncate(text, maxQueryBytes)
	prev := int32(-1)
	words(text, maxQueryWords, func(w word) {
		if !w.joined {
			prev = -1
		}
		id, ok := x.surface[w.text]
		if !ok {
			id = x.lookupNew(w.text)
		}
		switch {
		case id == -1: // stop-word: phrases go on across it
			return
		case id < 0: // a word the taxonomy never uses breaks a phrase
			prev = -1
			return
		}
		if s.qtf[id] == 0 {
			s.qterms = append(s.qterms, id)
		}
		s.qtf[id]++
		if prev >= 0 {
			s.bigrams.add(bigram(prev, id))
		}
		prev = id
	})
}

// lookupNew finds the term of a word the taxonomy never used in this
// form: -1 for a stop-word, -2 for a stem the index lacks.
func (x *langIndex) lookupNew(w string) int32 {
	if isStop(x.an.stop, w) {
		return -1
	}
	if id, ok := x.terms[x.an.stem(w)]; ok {
		return id
	}
	return -2
}

// truncate cuts s to at most n bytes, at a rune boundary.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

package skillindex

import "strings"

// Layout of a score, most significant first; a lower score ranks higher.
// The concept number in the low bits makes every score distinct, so the
// order is total and stable.
const (
	shiftInexact = 62
	shiftTier    = 61
	shiftClass   = 59
	shiftKind    = 57
	shiftRank    = 54
	shiftLength  = 32
	maskConcept  = 1<<32 - 1
)

// Match classes.
const (
	classExact  = 0 // the label is the query
	classPrefix = 1 // the query starts the label, word by word
	classPhrase = 2 // the query's words start consecutive words of the label, in order
	classWords  = 3 // every query word starts some word of the label
)

// baseScore packs the parts of a name's score that do not depend on the
// query.
func baseScore(kind, rank uint8, length int, concept int32) uint64 {
	return uint64(kind)<<shiftKind | uint64(rank)<<shiftRank |
		uint64(min(length, 1<<16-1))<<shiftLength | uint64(concept)
}

// score rates a name against q (for a query of several words); ok is false
// when some query word starts none of the name's words.
func (x *Index) score(id int32, q *query, n int) (uint64, bool) {
	nm := &x.names[id]
	class := uint64(classExact)
	if nm.joined != q.joined {
		var ok bool
		if class, ok = wordClass(nm.words, q.words); !ok {
			return 0, false
		}
	}
	return x.finish(x.base[id], class, q, n), true
}

// finish adds the query-dependent bits to a base score: the match class,
// and the tier of an English name of a concept that has a label in the
// asked language (n is the language of the name).
func (x *Index) finish(base, class uint64, q *query, n int) uint64 {
	sc := base | class<<shiftClass
	if class != classExact {
		sc |= 1 << shiftInexact
	}
	if n != q.asked && q.asked >= 0 && x.clangs[base&maskConcept]&(1<<q.asked) != 0 {
		sc |= 1 << shiftTier
	}
	return sc
}

// wordClass checks that every query word starts a word of the name, then
// how well they line up with the name's words.
func wordClass(words, qw []string) (uint64, bool) {
	for _, p := range qw {
		if !anyPrefix(words, p) {
			return 0, false
		}
	}
	for at := 0; at+len(qw) <= len(words); at++ {
		if prefixesAt(words[at:], qw) {
			if at == 0 {
				return classPrefix, true
			}
			return classPhrase, true
		}
	}
	return classWords, true
}

// prefixesAt reports whether each of qw starts the word of words at the
// same position.
func prefixesAt(words, qw []string) bool {
	for j, p := range qw {
		if !strings.HasPrefix(words[j], p) {
			return false
		}
	}
	return true
}

// anyPrefix reports whether p starts one of words.
func anyPrefix(words []string, p string) bool {
	for _, w := range words {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

// hits turns ranked scores into Hits labelled for the asked language.
func (x *Index) hits(r ranked, q *query) []Hit {
	out := make([]Hit, len(r.scores))
	for i, sc := range r.scores {
		c := &x.concepts[sc&maskConcept]
		h := Hit{ID: c.id, URI: c.uri, Kind: c.kind, Scheme: c.scheme, SkillType: c.skill,
			ReuseLevel: c.reuse, Exact: sc>>shiftInexact == 0}
		shown := x.label(c, q.asked)
		h.Label, h.Lang = shown.text, x.langs[shown.lang]
		if nm := &x.names[r.names[i]]; nm.kind != nameHidden && nm.text != h.Label {
			h.Matched, h.MatchedLang = nm.text, x.langs[nm.lang]
		}
		out[i] = h
	}
	return out
}

// label picks the concept's preferred label in the asked language, else
// English, else the first it has.
func (x *Index) label(c *concept, asked int) langText {
	pick := -1
	for i, p := range c.prefs {
		switch {
		case int(p.lang) == asked:
			return p
		case int(p.lang) == x.en || pick < 0:
			pick = i
		}
	}
	if pick < 0 {
		return langText{text: c.uri}
	}
	return c.prefs[pick]
}

package skillindex

import (
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/textnorm"
)

// Kinds of name, in ranking order.
const (
	namePreferred uint8 = iota
	nameAlt
	nameHidden
)

// maxLangs bounds the languages one index holds: a concept's languages are
// a bit set in a uint64. ESCO has 28.
const maxLangs = 64

// Index answers skill queries. Build one with a Builder.
type Index struct {
	concepts []concept
	names    []name
	// base holds each name's score bits that do not depend on the query
	// (label kind, the concept's rank, length, concept number): a single-
	// word query, the common case while typing, reads only these.
	base   []uint64
	clangs []uint64               // each concept's language bit set, by concept number
	langs  []string               // language code by number
	byLang map[string]*langTokens // token lists by language code
	en     int                    // the number of "en", or -1
	pool   sync.Pool              // of *scratch, sized for this index
	// short keeps the rankings of one- and two-letter queries (string →
	// ranked); see short.go.
	short      sync.Map
	shortCount atomic.Int32
}

// concept is one indexed concept and its preferred label per language.
type concept struct {
	id                              int64
	uri, kind, scheme, skill, reuse string
	rank                            uint8
	langs                           uint64 // bit n: has labels in langs[n]
	prefs                           []langText
}

// langText is a text in the language numbered lang.
type langText struct {
	lang uint8
	text string
}

// name is one searchable label of a concept.
type name struct {
	concept int32
	lang    uint8
	kind    uint8
	text    string   // as stored, to show which alternative label matched
	joined  string   // folded words joined by single spaces
	words   []string // folded words
}

// langTokens is the sorted word list of one language with, for each word,
// the names containing it; cum[i] is the number of postings before word i,
// so the size of a prefix range costs two binary searches.
type langTokens struct {
	words    []string
	postings [][]posting
	cum      []int
}

// posting is one name containing a word: where the word first occurs in
// it and how many words the name has, so that a one-word query can tell a
// label that starts with the word, or is just the word, without reading
// the name.
type posting struct {
	name     int32
	pos, len uint8
}

// Len returns the number of concepts in the index.
func (x *Index) Len() int { return len(x.concepts) }

// Languages returns the languages the index has labels in.
func (x *Index) Languages() []string { return slices.Clone(x.langs) }

// prefixRange returns the words of lt starting with p, as an index range.
func (lt *langTokens) prefixRange(p string) (lo, hi int) {
	lo, _ = slices.BinarySearch(lt.words, p)
	hi = lo
	for hi < len(lt.words) && strings.HasPrefix(lt.words[hi], p) {
		hi++
		if hi-lo == 64 { // long ranges: find the end by binary search
			hi += sortSearchEnd(lt.words[hi:], p)
			break
		}
	}
	return lo, hi
}

// sortSearchEnd returns how many leading words of ws start with p (they
// are sorted, so those that do come first).
func sortSearchEnd(ws []string, p string) int {
	lo, hi := 0, len(ws)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if strings.HasPrefix(ws[m], p) {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// rankOf orders concepts that match equally well: broadly useful skills
// first, umbrella groups and areas last.
func rankOf(kind, reuse string) uint8 {
	switch kind {
	case ponte.KindSkillGroup, ponte.KindArea, ponte.KindInnovationArea:
		return 4
	case ponte.KindCompetence, ponte.KindThread:
		return 1
	}
	switch reuse {
	case "transversal":
		return 0
	case "cross-sector":
		return 1
	case "occupation-specific":
		return 3
	}
	return 2
}

// words folds s into its words and joins them, for comparisons that
// ignore punctuation.
func words(s string) ([]string, string) {
	ws := textnorm.Tokens(s)
	return ws, strings.Join(ws, " ")
}

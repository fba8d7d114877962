package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ponte-platform/ponte/internal/textnorm"
)

// Query bounds: a query is what a person types, not a document.
const (
	MaxQueryRunes = 200 // longer input is cut
	MaxTerms      = 8   // further terms are ignored
	MaxPhrase     = 8   // further words of a phrase are ignored
	MinPrefix     = 2   // shorter prefixes would scan most of the index
)

// Term is one condition of a query; a document must meet every term.
type Term struct {
	// Words are folded words; more than one make a phrase of consecutive
	// raw words.
	Words []string
	// Prefix makes the last word match the start of a raw word.
	Prefix bool
	// Stem is the single word's stem in the query language, "" when the
	// term is a phrase or a prefix, or when the stem is the word itself.
	Stem string
}

// Query is a parsed search: terms, all required, and facet filters.
type Query struct {
	Terms   []Term
	Filters []Filter
}

// Filter requires a document to have one of Values for a facet. Facets are
// indexed as one "facet=value" token each (see FacetToken), so the
// full-text index intersects them with the terms.
type Filter struct {
	Facet  string
	Values []string
}

// Empty reports whether nothing searchable is left (only stop-words or
// punctuation were typed); filters alone search nothing.
func (q Query) Empty() bool { return len(q.Terms) == 0 }

// Parse reads a typed query: bare words, "quoted phrases" and prefix*
// words, in language lang (which stems the bare words). Bare stop-words
// and lone letters are dropped; a bare chunk that folds to several words
// ("dell'impresa", "e-mail") is a phrase; an unclosed quote is ignored.
// Parse never fails: what cannot
// be searched is left out, and an empty Query means there is nothing to
// search.
func Parse(s, lang string) Query {
	s = cutRunes(strings.ToValidUTF8(s, " "), MaxQueryRunes)
	var q Query
	parts := strings.Split(s, `"`)
	for i, part := range parts {
		// An odd part is quoted, unless its quote is never closed.
		if i%2 == 1 && i < len(parts)-1 {
			q.addChunk(part, true, lang)
			continue
		}
		for _, chunk := range strings.FieldsFunc(part, unicode.IsSpace) {
			q.addChunk(chunk, false, lang)
		}
	}
	return q
}

// addChunk adds the term a chunk of input makes, if any.
func (q *Query) addChunk(chunk string, quoted bool, lang string) {
	if len(q.Terms) >= MaxTerms {
		return
	}
	prefix := strings.HasSuffix(strings.TrimRightFunc(chunk, unicode.IsSpace), "*")
	words := textnorm.Tokens(chunk)
	if len(words) > MaxPhrase {
		words, prefix = words[:MaxPhrase], false
	}
	switch {
	case len(words) == 0:
		return
	case prefix:
		if utf8.RuneCountInString(words[len(words)-1]) < MinPrefix {
			return
		}
	case len(words) == 1 && !quoted && IsStop(words[0]):
		return
	}
	t := Term{Words: words, Prefix: prefix}
	if len(words) == 1 && !prefix {
		if st := Stem(lang, words[0]); st != words[0] {
			t.Stem = st
		}
	}
	q.Terms = append(q.Terms, t)
}

// cutRunes returns s cut to at most n runes.
func cutRunes(s string, n int) string {
	i := 0
	for j := range s {
		if i == n {
			return s[:j]
		}
		i++
	}
	return s
}

// FTS5 renders q as an SQLite FTS5 MATCH expression over the columns
// raw (folded words), stems and facets. Words hold only letters and
// digits, so quoting them is enough.
func (q Query) FTS5() string {
	parts := make([]string, 0, len(q.Terms)+len(q.Filters))
	for _, t := range q.Terms {
		phrase := `"` + strings.Join(t.Words, " ") + `"`
		switch {
		case t.Prefix:
			parts = append(parts, "raw : "+phrase+" *")
		case len(t.Words) > 1:
			parts = append(parts, "raw : "+phrase)
		case t.Stem != "":
			parts = append(parts, "({raw stems} : "+phrase+` OR stems : "`+t.Stem+`")`)
		default:
			parts = append(parts, "{raw stems} : "+phrase)
		}
	}
	for _, f := range q.Filters {
		alts := make([]string, len(f.Values))
		for i, v := range f.Values {
			alts[i] = `facets : "` + FacetToken(f.Facet, v) + `"`
		}
		parts = append(parts, "("+strings.Join(alts, " OR ")+")")
	}
	return strings.Join(parts, " AND ")
}

// TSQuery renders q as a PostgreSQL tsquery literal over a tsvector whose
// raw words have weight A, stems weight B and facets weight C (see
// TSVector).
func (q Query) TSQuery() string {
	parts := make([]string, 0, len(q.Terms)+len(q.Filters))
	for _, t := range q.Terms {
		switch {
		case len(t.Words) > 1 || t.Prefix:
			ws := make([]string, len(t.Words))
			for j, w := range t.Words {
				ws[j] = "'" + w + "':A"
				if t.Prefix && j == len(t.Words)-1 {
					ws[j] = "'" + w + "':*A"
				}
			}
			parts = append(parts, "("+strings.Join(ws, " <-> ")+")")
		case t.Stem != "":
			parts = append(parts, "('"+t.Words[0]+"':AB | '"+t.Stem+"':B)")
		default:
			parts = append(parts, "'"+t.Words[0]+"':AB")
		}
	}
	for _, f := range q.Filters {
		alts := make([]string, len(f.Values))
		for i, v := range f.Values {
			alts[i] = "'" + FacetToken(f.Facet, v) + "':C"
		}
		parts = append(parts, "("+strings.Join(alts, " | ")+")")
	}
	return strings.Join(parts, " & ")
}

// FacetToken is the index token of one facet value: "facet=value" in lower
// case, keeping only letters, digits and "=-_" (SQLite's tokenizer is set
// to treat those as word characters), so it is one word in both databases.
func FacetToken(facet, value string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case 'a' <= r && r <= 'z', '0' <= r && r <= '9', r == '=', r == '-', r == '_':
			return r
		case 'A' <= r && r <= 'Z':
			return r + 'a' - 'A'
		}
		return -1
	}, facet+"="+value)
}

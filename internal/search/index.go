package search

import (
	"strconv"
	"strings"

	"github.com/ponte-platform/ponte/internal/textnorm"
)

// MaxRawWords caps the raw words indexed per document, the same on both
// databases (PostgreSQL keeps positions up to 16,383 only): phrases and
// prefixes are matched in a document's first MaxRawWords words.
const MaxRawWords = 2000

// Tokens are what the index holds of one document.
type Tokens struct {
	Raw    []string // folded words in order
	Stems  []string // distinct stems of the raw words that are not stop-words
	Facets []string // facet tokens (see FacetToken)
}

// appendWords appends the folded words of texts to raw, up to
// MaxRawWords in all.
func appendWords(raw []string, texts []string) []string {
	for _, s := range texts {
		for _, w := range textnorm.Tokens(s) {
			if len(raw) == MaxRawWords {
				return raw
			}
			raw = append(raw, w)
		}
	}
	return raw
}

// Index folds and stems texts written in lang. An unknown lang ("": a
// profile or an organisation does not say its language) stems every word
// with every language's rules, so a query in any language meets it.
func Index(lang string, texts ...string) Tokens {
	t := Tokens{Raw: appendWords(nil, texts)}
	langs, _ := stemLangs(lang)
	t.Stems = appendStems(nil, map[string]bool{}, t.Raw, langs)
	return t
}

// RawText and StemText join the lists with spaces, as stored.
func (t Tokens) RawText() string { return strings.Join(t.Raw, " ") }

// StemText joins the stems with spaces, as stored.
func (t Tokens) StemText() string { return strings.Join(t.Stems, " ") }

// TSVector renders the tokens as a PostgreSQL tsvector literal: raw words
// with weight A, stems with weight B and facet tokens with weight C, each
// list in order (phrases match consecutive positions). Built
// here rather than by to_tsvector, so PostgreSQL's parser never splits a
// word differently from SQLite's tokenizer.
func (t Tokens) TSVector() string {
	pos := map[string][]string{}
	var order []string
	add := func(w, p string) {
		if _, ok := pos[w]; !ok {
			order = append(order, w)
		}
		pos[w] = append(pos[w], p)
	}
	// Facets first: their few positions never reach PostgreSQL's cap of
	// 16,383, which would break their phrases.
	for i, w := range t.Facets {
		add(w, strconv.Itoa(i+1)+"C")
	}
	base := len(t.Facets) + 1
	for i, w := range t.Raw {
		add(w, strconv.Itoa(min(base+i+1, 16383))+"A")
	}
	for i, w := range t.Stems {
		add(w, strconv.Itoa(min(base+len(t.Raw)+i+1, 16383))+"B")
	}
	var b strings.Builder
	for i, w := range order {
		if i > 0 {
			b.WriteByte(' ')
		}
		ps := pos[w]
		if len(ps) > 256 { // PostgreSQL keeps 256 positions per word
			ps = ps[:256]
		}
		b.WriteString("'" + w + "':" + strings.Join(ps, ","))
	}
	return b.String()
}

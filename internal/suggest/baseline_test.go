package suggest

import (
	"slices"
	"strings"

	"github.com/ponte-platform/ponte/internal/taxonomy"
	"github.com/ponte-platform/ponte/internal/textnorm"
)

// baseline is the naive method the issue compares against: rank skills
// by the number of distinct folded words their preferred label shares
// with the text. Ties go to the shorter label (the larger share of it
// matched), then to the URI, so the baseline is as fair as it can be.
type baseline struct {
	uris  []string
	words [][]string // distinct folded words of each preferred label
}

// newBaseline indexes preferred labels.
func newBaseline(skills []taxonomy.Concept) *baseline {
	b := &baseline{}
	for _, c := range skills {
		ws := textnorm.Tokens(c.PreferredLabel)
		slices.Sort(ws)
		b.uris = append(b.uris, c.URI)
		b.words = append(b.words, slices.Compact(ws))
	}
	return b
}

// suggest returns the top k skill URIs for text.
func (b *baseline) suggest(text string, k int) []string {
	in := map[string]bool{}
	for _, w := range textnorm.Tokens(text) {
		in[w] = true
	}
	type scored struct{ i, n int }
	var c []scored
	for i, ws := range b.words {
		n := 0
		for _, w := range ws {
			if in[w] {
				n++
			}
		}
		if n > 0 {
			c = append(c, scored{i, n})
		}
	}
	slices.SortFunc(c, func(x, y scored) int {
		if x.n != y.n {
			return y.n - x.n
		}
		if lx, ly := len(b.words[x.i]), len(b.words[y.i]); lx != ly {
			return lx - ly
		}
		return strings.Compare(b.uris[x.i], b.uris[y.i])
	})
	out := make([]string, 0, k)
	for _, s := range c[:min(k, len(c))] {
		out = append(out, b.uris[s.i])
	}
	return out
}

package seed

import (
	"math/rand/v2"
	"strings"

	"github.com/ponte-platform/ponte/internal/nuts"
)

// countryWeights spreads people and organisations over the EU, weighted
// toward the countries Ponte starts in (Italy, Greece, Croatia, Romania,
// Slovenia: about four in five), with the rest of the Union thinly.
var countryWeights = []weighted[string]{
	{"IT", 300}, {"GR", 140}, {"HR", 120}, {"RO", 140}, {"SI", 90},
	{"AT", 12}, {"BE", 8}, {"BG", 10}, {"CY", 3}, {"CZ", 8}, {"DE", 25}, {"DK", 4},
	{"EE", 2}, {"ES", 20}, {"FI", 4}, {"FR", 20}, {"HU", 8}, {"IE", 4}, {"LT", 3},
	{"LU", 2}, {"LV", 2}, {"MT", 2}, {"NL", 10}, {"PL", 15}, {"PT", 8}, {"SE", 6}, {"SK", 5},
}

// motherTongue is the main language of each country (ISO 639-1).
var motherTongue = map[string]string{
	"IT": "it", "GR": "el", "HR": "hr", "RO": "ro", "SI": "sl", "AT": "de", "BE": "nl", "BG": "bg",
	"CY": "el", "CZ": "cs", "DE": "de", "DK": "da", "EE": "et", "ES": "es", "FI": "fi", "FR": "fr",
	"HU": "hu", "IE": "en", "LT": "lt", "LU": "fr", "LV": "lv", "MT": "mt", "NL": "nl", "PL": "pl",
	"PT": "pt", "SE": "sv", "SK": "sk",
}

// geo holds the level-3 regions of each country, in code order.
type geo struct {
	countries *picker[string]
	regions   map[string][]nuts.Region // by ISO country
}

// newGeo reads the embedded NUTS 2024 table. "Extra-Regio" codes (ending
// in Z) are left out: nobody lives there.
func newGeo() *geo {
	g := &geo{countries: newPicker(countryWeights), regions: map[string][]nuts.Region{}}
	for _, r := range nuts.All() {
		if r.Level == 3 && !strings.HasSuffix(r.Code, "Z") {
			g.regions[r.Country] = append(g.regions[r.Country], r)
		}
	}
	return g
}

// pick returns a country and one of its level-3 regions.
func (g *geo) pick(rng *rand.Rand) (string, nuts.Region) {
	c := g.countries.pick(rng)
	rs := g.regions[c]
	if len(rs) == 0 { // not expected: every EU country has level-3 regions
		return c, nuts.Region{Code: "", Country: c}
	}
	return c, rs[rng.IntN(len(rs))]
}

// weighted is a choice and its weight.
type weighted[T any] struct {
	v T
	w int
}

// picker draws from weighted choices with one random number.
type picker[T any] struct {
	items []weighted[T]
	total int
}

func newPicker[T any](items []weighted[T]) *picker[T] {
	p := &picker[T]{items: items}
	for _, it := range items {
		p.total += it.w
	}
	return p
}

func (p *picker[T]) pick(rng *rand.Rand) T {
	n := rng.IntN(p.total)
	for _, it := range p.items {
		if n < it.w {
			return it.v
		}
		n -= it.w
	}
	return p.items[len(p.items)-1].v
}

// sample returns k distinct elements of xs (fewer if xs is shorter), in a
// random order, without changing xs.
func sample[T any](rng *rand.Rand, xs []T, k int) []T {
	k = min(k, len(xs))
	idx := rng.Perm(len(xs))[:k]
	out := make([]T, k)
	for i, j := range idx {
		out[i] = xs[j]
	}
	return out
}

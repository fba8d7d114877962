package nuts

import (
	"slices"
	"strings"
)

// Region is one NUTS 2024 region.
type Region struct {
	Code         string // NUTS code, e.g. "HR050"
	Level        int    // 0 country, 1 major region, 2 basic region, 3 small region
	NUTSCountry  string // country part of the code: "EL" for Greece
	Country      string // ISO 3166-1 alpha-2 country: "GR" for Greece
	Name         string // name in Latin script
	NationalName string // name in the national language and script
	Parent       string // code of the region one level up; "" for a country
	// Lat and Lon locate the region's label point (WGS84 degrees), where a
	// map puts its marker.
	Lat, Lon float64
	// PointApprox is true when Eurostat has no label point for this 2024
	// code (regions new since 2021): the point is then the centroid of its
	// boundary or its parent's point.
	PointApprox bool
}

// normCode upper-cases and trims a code as typed by a user or a data file.
func normCode(code string) string {
	return strings.ToUpper(strings.TrimSpace(code))
}

// Lookup returns the region with the given NUTS 2024 code (case-insensitive).
func Lookup(code string) (Region, bool) {
	t := data()
	i, ok := t.byCode[normCode(code)]
	if !ok {
		return Region{}, false
	}
	return t.regions[i], true
}

// Valid reports whether code is a NUTS 2024 code (case-insensitive).
func Valid(code string) bool {
	_, ok := data().byCode[normCode(code)]
	return ok
}

// Ancestors returns code followed by its parents up to the country, e.g.
// HR050 → [HR050 HR05 HR0 HR]; nil for an unknown code.
func Ancestors(code string) []string {
	t := data()
	c := normCode(code)
	if _, ok := t.byCode[c]; !ok {
		return nil
	}
	out := []string{c}
	for len(c) > 2 {
		c = c[:len(c)-1]
		out = append(out, c)
	}
	return out
}

// Children returns the codes one level below code, in code order; nil for a
// level-3 region or an unknown code.
func Children(code string) []string {
	return slices.Clone(data().children[normCode(code)])
}

// All returns every NUTS 2024 region (levels 0–3) in code order.
func All() []Region {
	return slices.Clone(data().regions)
}

// Countries returns the level-0 regions (one per country) in code order.
func Countries() []Region {
	var out []Region
	for _, r := range data().regions {
		if r.Level == 0 {
			out = append(out, r)
		}
	}
	return out
}

// IsAncestor reports whether anc is code itself or one of its parents.
// NUTS codes nest by prefix, so no table lookup is needed.
func IsAncestor(anc, code string) bool {
	anc, code = normCode(anc), normCode(code)
	return anc != "" && strings.HasPrefix(code, anc)
}

// Package nuts knows the European statistical regions of the NUTS 2024
// classification (levels 0–3): codes, Latin and national names, hierarchy,
// a label point per region, the boundaries of levels 0–2 for maps, and a
// tolerant matcher from the free-text region names found in public data
// files to codes.
//
// All data is embedded (see data/README.md for provenance and the
// generator in gen/). Attribution required wherever regions are shown:
// "© EuroGeographics for the administrative boundaries; source: GISCO –
// Eurostat". EuroGeographics' terms cover non-commercial use.
//
// The tables are read once, on first use, and shared read-only; every
// function is safe for concurrent use.
package nuts

//go:generate go run ./gen -src ../../../shared/data/nuts -out data

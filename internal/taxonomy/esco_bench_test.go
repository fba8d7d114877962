package taxonomy

import (
	"context"
	"testing"
)

// countingHandler returns a Handler that counts every record.
func countingHandler(n *counts) Handler {
	return Handler{
		Concept:         func(c Concept) error { n.concepts[c.Kind]++; return nil },
		Broader:         func(Broader) error { n.broader++; return nil },
		Membership:      func(m Membership) error { n.members[m.Collection]++; return nil },
		Relation:        func(Relation) error { n.relations++; return nil },
		Occupation:      func(Occupation) error { n.occupations++; return nil },
		OccupationSkill: func(OccupationSkill) error { n.occSkills++; return nil },
	}
}

// counts tallies the records of a read.
type counts struct {
	concepts    map[string]int
	members     map[string]int
	broader     int
	relations   int
	occupations int
	occSkills   int
}

func newCounts() *counts {
	return &counts{concepts: map[string]int{}, members: map[string]int{}}
}

// BenchmarkReadESCOEnglish parses the whole embedded English release:
// gunzip, CSV and records, with a handler that only counts.
func BenchmarkReadESCOEnglish(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		n := newCounts()
		if err := ReadESCO(context.Background(), EmbeddedESCO(), "en", countingHandler(n)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadEmbedded is the whole first-run load without a store:
// ESCO English, EntreComp, DigComp and the innovation areas.
func BenchmarkLoadEmbedded(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if err := LoadEmbedded(context.Background(), countingHandler(newCounts())); err != nil {
			b.Fatal(err)
		}
	}
}
